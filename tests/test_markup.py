"""The shared markup code: plain text skips the parser but must read exactly as if parsed."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from parsers.readers.markup.walker import fragment_paragraphs

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


# The parser hands text over in pieces (split at entities and comments), and after
# head-only markup such as <style> it drops a stray cell; neither may show.
FRAGMENT_CASES = {
    "entities inside a word": ("Мо&shy;сква &amp; МАГ", ["Мо\xadсква & МАГ"]),
    "a comment inside a word": ("Моск<!-- x -->ва", ["Москва"]),
    "a fragment opening with a style element": ("<style>p {}</style>Москва<br>май", ["Москва\nмай"]),
    "a stray cell after a style element": ("<style></style><td>Москва, май", ["Москва, май"]),
    "a note marker split by an entity": ("Дни<sup>&#49;</sup>", ["Дни1"]),
}


@pytest.mark.parametrize(("markup", "texts"), FRAGMENT_CASES.values(), ids=FRAGMENT_CASES.keys())
def test_fragment_text_is_whole_whatever_pieces_the_parser_hands_over(markup, texts):
    assert [paragraph.text for paragraph in fragment_paragraphs(markup)] == texts
