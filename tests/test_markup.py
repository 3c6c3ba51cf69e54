"""The shared markup code: plain text skips the parser but must read exactly as if parsed."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from parsers.markup import fragment_paragraphs

# Forces the parser without adding anything a reader would see.
NOTHING = "<span></span>"
# NUL is left out (both readers refuse it before any parsing), and so are lone
# surrogates, which decoding bytes never produces.
PLAIN_TEXT = st.text(
    alphabet=st.characters(exclude_characters="<&\x00", exclude_categories=("Cs",)), max_size=80
)


@settings(max_examples=300, deadline=None)
@given(PLAIN_TEXT)
@example("  a   b ")
@example("a\u2029b\u2028c")
@example("a\xa0\xa0b \r\n c")
@example("\t•  A\f")
def test_plain_text_reads_as_the_parser_reads_it(text):
    assert fragment_paragraphs(text) == fragment_paragraphs(text + NOTHING)
