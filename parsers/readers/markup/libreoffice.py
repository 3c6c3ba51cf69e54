"""LibreOffice's HTML exports: its conventions, as data.

"HTML (StarWriter)" (Save as HTML): <a class="sdfootnoteanc"> cites a note,
<div id="sdfootnote1"> holds it and its <a class="sdfootnotesym"> numbers it.

"XHTML Writer File" (`soffice --convert-to "html:XHTML Writer File:UTF8"`): the reference
is <a href="#ftn1" id="body_ftn1">1</a> (raised by a class rule such as
.T2 { vertical-align:super }), the note a paragraph at the end opening with
<span class="footnodeNumber"><a id="ftn1" href="#body_ftn1">1</a></span>. A list item's
drawn bullet or number is written in <span class="ListLabel_20_1"> before its text.
"""

from __future__ import annotations

from parsers.readers.markup.notes import NoteConventions

NOTES = NoteConventions(
    producer="LibreOffice HTML",
    anchor_classes=frozenset({"sdfootnoteanc", "sdendnoteanc", "sdfootnotesym", "sdendnotesym"}),
    body_ids=(r"sd(?:foot|end)note\d+",),
)

XHTML_NOTES = NoteConventions(
    producer="LibreOffice XHTML",
    reference_hrefs=(r"#(?:ftn|edn)\d+",),
    backlink_hrefs=(r"#body_(?:ftn|edn)\d+",),
)

LIST_LABEL_CLASS = "ListLabel_"  # the XHTML export's span holding a list item's drawn label


def is_list_label(attrs: dict[str, str]) -> bool:
    """True for the XHTML export's span that holds a list item's drawn bullet or number."""
    return attrs.get("class", "").startswith(LIST_LABEL_CLASS)
