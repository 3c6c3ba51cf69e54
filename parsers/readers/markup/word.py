"""Microsoft Word's HTML ("Web Page" and "Web Page, Filtered"): its conventions, as data.

Lists. Word draws a list item's number or bullet and writes what it drew before the text.
The full "Web Page" marks the paragraph <p style="mso-list:l0 level2 lfo1"> and puts the
drawn marker in <![if !supportLists]><span style="mso-list:Ignore">1.<span
style="font:7.0pt &quot;Times New Roman&quot;">&nbsp;&nbsp;</span></span><![endif]>; the
filtered page keeps only the marker and its 7-point filler of no-break spaces. Either way
the marker is the paragraph's list label, not its text.

Footnotes. <a style="mso-footnote-id:ftn1" href="#_ftn1" name="_ftnref1">[1]</a> cites;
the note is <div style="mso-element:footnote" id="ftn1"> (the filtered page keeps only
<div id="ftn1">), numbered by <a href="#_ftnref1" name="_ftn1">[1]</a>.

Comments. A reviewer's comment is cited after the text it is on by <a class=msocomanchor
href="#_msocom_1">[С1]</a> (on the full page inside a span styled mso-special-character:comment,
in a MsoCommentReference span: that class marks a run's style, and text typed after the mark
keeps it, so only the mark is left out) and written
after the document's text: <div style="mso-element:comment-list">, each comment a <div
class=msocomtxt id=_com_1> of MsoCommentText paragraphs (the filtered page: the same classes,
under an <hr class=msocomoff>). Neither is the plan's text: not read, as the DOCX reader
reads no comments.
"""

from __future__ import annotations

import re

from parsers.readers.markup.notes import NoteConventions

NOTES = NoteConventions(
    producer="Microsoft Word",
    anchor_styles=("mso-footnote-id", "mso-endnote-id"),
    reference_hrefs=(r"#_?(?:ftn|edn)\d+",),
    backlink_hrefs=(r"#_?(?:ftn|edn)ref\d+",),
    body_ids=(r"_?(?:ftn|edn)\d+",),
    body_elements=frozenset({"footnote", "endnote"}),  # values of mso-element
)

# Not MsoCommentReference: Word sets that class on any run in the "Comment Reference" style, and
# text typed after a comment's mark keeps it; only the mark inside it is the comment's.
COMMENT_CLASSES = frozenset({"msocomanchor", "msocomtxt", "msocomoff"})
COMMENT_ELEMENTS = frozenset({"comment-list", "comment"})  # values of mso-element
COMMENT_CHARACTER = "comment"  # the value of mso-special-character on the span of a comment's mark

# A tracked change: <span class=msoDel><del cite="mailto:..." datetime="...">old</del></span>
# <span class=msoIns><ins ...>new</ins></span>. The text is what is left once the change is made,
# as the DOCX reader leaves w:del out (an insertion is read as any text).
DELETION_CLASS = "msoDel"
REVISION_AUTHOR = "mailto:"  # how Word's cite names the reviser (a blog's <del datetime> is struck text)

LIST_LEVEL = re.compile(r"\blevel(?P<level>[0-9]{1,2})\b")
LIST_MARKER_SPAN = "ignore"  # the value of mso-list on the span that holds the drawn marker
# The filler Word writes after a drawn marker: a span in this font of no-break spaces.
FILLER_FONT_SIZES = ("7.0pt",)


def list_level(mso_list: str) -> int | None:
    """The list level (0 for the first) a paragraph's mso-list names, or None when it names none."""
    found = LIST_LEVEL.search(mso_list)
    return max(int(found.group("level")) - 1, 0) if found else None


def is_filler(name: str, styles: dict[str, str]) -> bool:
    """True for the span of no-break spaces Word writes after a drawn list marker."""
    return name == "span" and styles.get("font", "").startswith(FILLER_FONT_SIZES)


def is_comment(attrs: dict[str, str], styles: dict[str, str]) -> bool:
    """True for a comment's reference or body: not the document's text."""
    if "mso-element" in styles and styles["mso-element"] in COMMENT_ELEMENTS:
        return True
    if "mso-special-character" in styles and styles["mso-special-character"] == COMMENT_CHARACTER:
        return True
    classes = attrs.get("class")
    return bool(classes) and any(name in COMMENT_CLASSES for name in classes.split())


def is_tracked_deletion(name: str, attrs: dict[str, str]) -> bool:
    """True for text a tracked change deleted: Word's msoDel span, or a <del> whose cite names
    its reviser as Word does ("mailto:..."). Any other <del> is a page's struck text, read
    (a blog editor writes <del datetime="..."> for text struck out in view)."""
    if name == "del":
        return attrs.get("cite", "").strip().lower().startswith(REVISION_AUTHOR)
    return name == "span" and "class" in attrs and DELETION_CLASS in attrs["class"].split()
