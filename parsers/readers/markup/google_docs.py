"""Google Docs' "Download -> Web page (.html)": its conventions, as data.

Google styles text only through generated classes in one <style> block
(.c3{font-weight:700}, .c7{vertical-align:super}; read by ``styles.StyleSheet``), cites a
note as <sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup> and writes the notes at the
end, each a paragraph opening with its back-link: <p><a href="#ftnt_ref1" id="ftnt1">[1]</a>
<span>&nbsp;text</span></p>.
"""

from __future__ import annotations

from parsers.readers.markup.notes import NoteConventions

NOTES = NoteConventions(
    producer="Google Docs",
    reference_hrefs=(r"#ftnt\d+",),
    backlink_hrefs=(r"#ftnt_ref\d+",),
)
