"""Google Docs' "Download -> Web page (.html)": its conventions, as data.

Google styles text only through generated classes in one <style> block
(.c3{font-weight:700}, .c7{vertical-align:super}; read by ``styles.StyleSheet``), cites a
note as <sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup> and writes the notes at the
end, each a paragraph opening with its back-link: <p><a href="#ftnt_ref1" id="ftnt1">[1]</a>
<span>&nbsp;text</span></p>.

Comments. A comment is cited as <sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup> after the text
it is on; after the notes, each comment's thread is a <div> whose first paragraph opens with the
comment's back-link, <p><a href="#cmnt_ref1" id="cmnt1">[a]</a><span>text</span></p>, and whose
further paragraphs are the replies. Only that shape opens a thread: a back-link anywhere else
is only a mark, and the text around it is read. Neither is the plan's text: not read, as the DOCX reader
reads no comments.
"""

from __future__ import annotations

import re

from parsers.readers.markup.notes import NoteConventions

NOTES = NoteConventions(
    producer="Google Docs",
    reference_hrefs=(r"#ftnt\d+",),
    backlink_hrefs=(r"#ftnt_ref\d+",),
)

COMMENT_REFERENCE = re.compile(r"#cmnt[0-9]+")  # cites a comment
COMMENT_BACKLINK = re.compile(r"#cmnt_ref[0-9]+")  # opens a comment's thread, back to its reference
# A thread is a <div> whose first paragraph opens with the back-link: these elements opened in a
# row, nothing between them. A back-link elsewhere (a page copied into a site's <div>) is only a mark.
THREAD_OPENING = ("div", "p", "a")


def comment_anchor(href: str) -> str | None:
    """"reference" for an anchor citing a comment, "thread" for one opening a comment's
    thread, None for any other link."""
    if COMMENT_REFERENCE.fullmatch(href):
        return "reference"
    return "thread" if COMMENT_BACKLINK.fullmatch(href) else None
