"""The shared markup code: plain text skips the parser but must read exactly as if parsed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from parsers.limits import DEFAULT_LIMITS
from parsers.errors import IngestError
from parsers.readers.markup import soup, walker
from parsers.readers.markup.builder import BlockBuilder
from parsers.readers.markup.html import decode_page
from parsers.readers.markup.walker import fragment_paragraphs
from tests.blockshapes import MARKUP_TOKENS
from tests.conftest import SAMPLES

FIXTURES = Path(__file__).parent / "fixtures"

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


# A page is read by BeautifulSoup and its tree replayed to the builder; a fragment is
# reported by lxml's parser directly. Both must be libxml2's reading, event for event.
def _blocks_from_parser_events(text: str):
    sheet = soup.parse(text, DEFAULT_LIMITS.max_html_depth).style_sheet()  # the same class rules
    builder = BlockBuilder(tables=True, max_depth=DEFAULT_LIMITS.max_html_depth, style_sheet=sheet)
    walker._parse(text, builder)
    return tuple(builder.body), tuple(builder.footnotes)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(MARKUP_TOKENS + ("<pre> a\n </pre>", "<textarea>  </textarea>", "<?pi x?>",
                                                 "<!DOCTYPE html>", "<script>x<p>y</script>")), max_size=60))
def test_a_page_through_beautifulsoup_reads_as_the_parser_events_read(tokens):
    text = "".join(tokens)
    assert walker.read_page(text) == _blocks_from_parser_events(text)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.html")) + sorted(FIXTURES.glob("*.html")), ids=lambda p: p.name)
def test_real_pages_through_beautifulsoup_read_as_the_parser_events_read(path):
    text, _ = decode_page(path.read_bytes())
    assert walker.read_page(text) == _blocks_from_parser_events(text)


@pytest.mark.parametrize(("divs", "refused"), [(8, False), (9, True), (10_000, True)])
def test_beautifulsoup_counts_nesting_while_it_builds_the_tree(divs, refused):
    # html and body are two levels; a limit of 10 leaves room for 8 divs.
    text = "<div>" * divs + "x"
    if refused:
        with pytest.raises(IngestError, match="more than 10 deep"):
            soup.parse(text, max_depth=10)
    else:
        assert soup.parse(text, max_depth=10).get_text() == "x"


def test_a_page_is_read_through_beautifulsoup(monkeypatch):
    built = []
    monkeypatch.setattr(soup, "parse", lambda text, max_depth, parse=soup.parse: built.append(text) or parse(text, max_depth))
    walker.read_page("<p>Москва</p>")
    assert built == ["<p>Москва</p>"]
