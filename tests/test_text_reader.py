"""The text reader: small exports in, blocks out; then the real seed export."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.pipeline import ingest_file
from parsers.errors import IngestError
from parsers.blocks import Footnote, Paragraph, Table
from parsers.readers.markup.html import read_html
from parsers.readers.markup.text import read_text
from tests.conftest import SAMPLES
from tests.blockshapes import MARKUP_TOKENS, every_paragraph, P, R, grid, outline, paragraphs, tables

SEED = Path(__file__).parent.parent / "samples" / "plan_2024.txt"


def read(text: str) -> object:
    return read_text(text.encode("utf-8"))


def cell_blocks(text: str) -> tuple[Paragraph, ...]:
    """The blocks of the second cell of a one-row export."""
    (table,) = tables(read(f"x\t{text}"))
    return table.rows[0].cells[1].blocks


# --- Tables -----------------------------------------------------------------

TABLE_CASES = {
    "a tab line is a row, cells split on tabs": (
        "1.\tTitle\tPlace\tNote", ["T:1"], [["1.", "Title", "Place", "Note"]],
    ),
    "trailing tabs give empty cells": ("a\t\t\t", ["T:1"], [["a", "", "", ""]]),
    "consecutive tab lines form one table": ("a\tb\nc\td", ["T:2"], [["a", "b"], ["c", "d"]]),
    "blank lines between tab lines do not end the table": ("a\tb\n\n\n\tc", ["T:2"], [["a", "b"], ["", "c"]]),
    "a line without tabs ends the table": ("a\tb\ntext\nc\td", ["T:1", "P:text", "T:1"], [["a", "b"]]),
}


@pytest.mark.parametrize(("text", "order", "first_grid"), TABLE_CASES.values(), ids=TABLE_CASES.keys())
def test_tables(text, order, first_grid):
    document = read(text)
    assert outline(document) == order
    assert grid(tables(document)[0]) == first_grid


CELL_CASES = {
    "two or more spaces separate paragraphs": ("first  second   third", (P("first"), P("second"), P("third"))),
    "a single space does not": ("one two", (P("one two"),)),
    "b is bold": ("<b>Section</b>", (P(R("Section", bold=True)),)),
    "markdown ** is bold": ("**Section** rest", (P(R("Section", bold=True), " rest"),)),
    "sup is a superscript run": ("Head<sup>1</sup>", (P("Head", R("1", sup=True)),)),
    "br is a line break": ("one<br>two", (P("one\ntwo"),)),
    "li items are list items": (
        '<ul style="list-style-type: none"> <li>• A</li> <li>• B</li> </ul>',
        (P("• A", list_kind="bullet"), P("• B", list_kind="bullet")),
    ),
    "typed bullets stay text for the extractor": ("Intro: • A • B", (P("Intro: • A • B"),)),
    "spaces inside tags do not split paragraphs": ('<b  class="x">a</b>', (P(R("a", bold=True)),)),
    "a paragraph break inside bold keeps both bold": ("<b>a  b</b>", (P(R("a", bold=True)), P(R("b", bold=True)))),
    "an empty cell has no blocks": ("", ()),
}


@pytest.mark.parametrize(("text", "blocks"), CELL_CASES.values(), ids=CELL_CASES.keys())
def test_cell_content(text, blocks):
    assert cell_blocks(text) == blocks


SHARED_FRAGMENTS = {
    "list": "<ul><li>one</li><li><b>two</b></li></ul>",
    "superscript in bold": "<b>Head<sup>1</sup></b>",
    "line break and entities": "a &amp; b<br>c&nbsp;d",
    "ordered list": "<ol><li>x</li></ol>",
}


@pytest.mark.parametrize("fragment", SHARED_FRAGMENTS.values(), ids=SHARED_FRAGMENTS.keys())
def test_html_in_a_cell_reads_as_the_html_reader_reads_it(fragment):
    (html_table,) = tables(read_html(f"<table><tr><td>x</td><td>{fragment}</td></tr></table>".encode()))
    assert cell_blocks(fragment) == html_table.rows[0].cells[1].blocks


# --- Paragraphs -------------------------------------------------------------

PARAGRAPH_CASES = {
    "lines run together into one paragraph": ("one\ntwo", [P("one two")]),
    "a blank line separates paragraphs": ("one\n\ntwo", [P("one"), P("two")]),
    "two trailing spaces break the line": ("position,  \ntitle", [P("position,\ntitle")]),
    "markdown bold across broken lines": ("**A  \nB**", [P(R("A\nB", bold=True))]),
    "html bold with a superscript": (
        "<b>Heading<sup>1</sup></b>",
        [P(R("Heading", bold=True), R("1", bold=True, sup=True))],
    ),
    "leading blank lines are ignored": ("\n\n\ntext", [P("text")]),
}


@pytest.mark.parametrize(("text", "expected"), PARAGRAPH_CASES.values(), ids=PARAGRAPH_CASES.keys())
def test_paragraphs(text, expected):
    assert paragraphs(read(text)) == expected


# --- Footnotes --------------------------------------------------------------

FOOTNOTE_CASES = {
    "sup marker": ("<sup>1</sup> Dates are approximate", (Footnote("1", "Dates are approximate"),)),
    "markdown footnote": ("[^1]: Dates are approximate", (Footnote("1", "Dates are approximate"),)),
    "bare number": ("1 Dates are approximate", (Footnote("1", "Dates are approximate"),)),
    "asterisk": ("* Dates are approximate", (Footnote("*", "Dates are approximate"),)),
    "several notes, one continued on the next line": (
        "<sup>1</sup> First\n<sup>2</sup> Second,\ncontinued",
        (Footnote("1", "First"), Footnote("2", "Second, continued")),
    ),
    "markup inside the note is read": ("[^a]: **Bold** note", (Footnote("a", "Bold note"),)),
}


@pytest.mark.parametrize(("notes", "expected"), FOOTNOTE_CASES.values(), ids=FOOTNOTE_CASES.keys())
def test_footnotes_after_the_rule(notes, expected):
    document = read(f"Text<sup>1</sup>\n\n---\n\n{notes}\n")
    assert document.footnotes == expected
    assert outline(document) == ["P:Text1"]


def test_html_table_rows_in_a_text_export_are_a_warning_not_silence():
    document = read("**План**\n1.\tСессия\tМосква\n<table><tr><td>1.</td><td>Уфа</td></tr></table>\n")
    (warning,) = document.warnings
    assert (warning.code, warning.where) == ("table_unread", "line 3")
    assert "HTML table rows" in warning.message


@pytest.mark.parametrize("text", [
    "В HTML таблица — это <table>, а <b>жирный</b> — это b.\n1.\tСессия",
    '\t<ul style="list-style-type: none"> <li>• АГУ</li> </ul>\t\t',
])
def test_markup_that_is_no_table_row_gives_no_warning(text):
    assert read(text).warnings == ()


def test_footnote_forms_before_the_rule_are_ordinary_text():
    document = read("1 apple\n\n---\n\n1 note")
    assert outline(document) == ["P:1 apple"]
    assert document.footnotes == (Footnote("1", "note"),)


# A table exported with each cell on a line of its own (LibreOffice's "Text" filter).
FLAT_ROWS = "№ п/п\nМероприятия\nМесто, дата\nПримечание\n1.\nСессия МАГ\nМосква\nмай\nОрганизатор: МАГ\n"
FLAT_TABLE_CASES = {
    "cells on lines of their own, no table row": ("План\n\n" + FLAT_ROWS, "lines 3-11"),
    "the longest run of lines is the one named": ("a\nb\n\n" + FLAT_ROWS + "\nc", "lines 4-12"),
    "a short note is no flattened table": ("просто текст\nи ещё строка\n", None),
    "paragraphs apart are no run": ("\n\n".join(FLAT_ROWS.split("\n")), None),
    "a text with table rows warns of nothing": ("№\tМероприятия\n1.\tСессия\n" + FLAT_ROWS, None),
    "one tab-separated line is no table": (FLAT_ROWS + "\nГенеральный секретарь\tВ.И. Селиванов\n", "lines 1-9"),
}


@pytest.mark.parametrize(("text", "where"), FLAT_TABLE_CASES.values(), ids=FLAT_TABLE_CASES.keys())
def test_a_table_flattened_to_a_line_per_cell_is_a_warning(text, where):
    warnings = read(text).warnings
    assert [(w.code, w.where) for w in warnings] == ([("table_unread", where)] if where else [])


def test_libreoffices_text_export_of_a_plan_fails_saying_its_tables_are_lost():
    """samples/lossy/plan_2024_word.txt (samples/lossy/make_lossy.py): the error names
    what was lost and what to send instead, not a bare "no event table"."""
    path = SAMPLES / "lossy" / "plan_2024_word.txt"
    (warning,) = read_text(path.read_bytes()).warnings
    assert warning.code == "table_unread" and "each cell on a line of its own" in warning.message
    with pytest.raises(IngestError) as raised:
        ingest_file(path)
    message = raised.value.message
    assert message.startswith("no event table found") and warning.message in message
    assert "export the document as DOCX, ODT or HTML" in message

# --- Charsets and damage ----------------------------------------------------

TEXT = "Дни городов\tуказаны"
CHARSET_CASES = {
    "UTF-8": TEXT.encode("utf-8"),
    "UTF-8 with a byte-order mark": b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    "windows-1251": TEXT.encode("cp1251"),
    "Windows line ends": (TEXT + "\r\n" + TEXT).encode("utf-8"),
}


@pytest.mark.parametrize("data", CHARSET_CASES.values(), ids=CHARSET_CASES.keys())
def test_charset(data):
    (table,) = tables(read_text(data))
    assert grid(table)[0] == ["Дни городов", "указаны"]


DAMAGED_CASES = {"empty": b"", "only blank lines": b"\n\r\n  \n", "binary bytes": bytes(range(256)) * 4}


@pytest.mark.parametrize("data", DAMAGED_CASES.values(), ids=DAMAGED_CASES.keys())
def test_damaged_input_raises_ingest_error(data):
    with pytest.raises(IngestError):
        read_text(data)


@settings(max_examples=200, deadline=None)
@given(tokens=st.lists(st.sampled_from(MARKUP_TOKENS), max_size=60), encoding=st.sampled_from(["utf-8", "utf-16"]))
def test_any_markup_soup_gives_blocks_with_text_or_an_ingest_error(tokens, encoding):
    try:
        document = read_text("".join(tokens).encode(encoding))
    except IngestError:
        return
    assert all(paragraph.shown_text.strip() for paragraph in every_paragraph(document))  # text, or a drawn label


# --- The real export (samples/plan_2024.txt, the seed) ----------------------


@pytest.fixture(scope="module")
def seed():
    return read_text(SEED.read_bytes())


def test_seed_block_order(seed):
    assert [block.__class__.__name__ for block in seed.blocks] == [
        "Paragraph", "Table", "Paragraph", "Paragraph", "Table",
    ]  # fmt: skip


def test_seed_title_is_one_bold_paragraph_with_line_breaks(seed):
    title = seed.blocks[0]
    assert title.is_bold
    assert title.text == (
        "Предложения в план мероприятий\nМеждународной Ассамблеи столиц и крупных городов (МАГ)\nна 2024 год"
    )


def test_seed_event_table(seed):
    events: Table = seed.blocks[1]
    assert {len(row.cells) for row in events.rows} == {4}
    assert grid(events)[0] == ["№ п/п", "Мероприятия", "Место, дата", "Примечание"]
    assert [row.cells[0].text for row in events.rows].count("") == 1  # the continuation row
    assert len(events.rows) == 1 + 19 + 1 + 1  # header, events, continuation, section


def test_seed_continuation_row_after_row_12(seed):
    rows = seed.blocks[1].rows
    index = next(number for number, row in enumerate(rows) if row.cells[0].text == "12.")
    continuation = rows[index + 1]
    assert continuation.cells[0].is_empty
    items = continuation.cells[1].blocks
    assert [(item.list_kind, item.text) for item in items] == [
        ("bullet", "• АГУ"), ("bullet", "• АСДГ"), ("bullet", "• СГЦСЗ России"),
    ]  # fmt: skip
    assert "• ОКМО • ВАРМСУ • АГП" in rows[index].cells[1].text


def test_seed_event_3_title_has_three_paragraphs(seed):
    row = next(row for row in seed.blocks[1].rows if row.cells[0].text == "3.")
    assert [paragraph.text for paragraph in row.cells[1].blocks] == [
        "Международный экономический Форум государств-участников Содружества Независимых Государств",
        "Круглый стол МАГ по тематике Умного города",
        'Итоги XVI Международного смотра-конкурса городских практик городов СНГ и ЕАЭС "Город, где хочется жить"',
    ]


def test_seed_section_row_is_bold_and_alone(seed):
    row = next(row for row in seed.blocks[1].rows if row.cells[0].text.startswith("Деятельность"))
    assert row.cells[0].blocks[0].is_bold
    assert all(cell.is_empty for cell in row.cells[1:])


def test_seed_signatory(seed):
    position, name = seed.blocks[2], seed.blocks[3]
    assert position.text == "Исполнительный вице-президент,\nгенеральный директор МАГ"
    assert not position.is_bold
    assert name.text == "В.И. Селиванов" and name.is_bold


def test_seed_jubilee_and_city_day_headings_cite_footnote_1(seed):
    rows = seed.blocks[4].rows
    first_paragraphs = [row.cells[0].blocks[0] for row in rows if row.cells[0].blocks]
    headings = [paragraph for paragraph in first_paragraphs if paragraph.is_bold]
    assert [(heading.main_text, heading.markers) for heading in headings] == [
        ("Юбилеи городов МАГ", ("1",)),
        ("Дни городов-столиц членов МАГ", ("1",)),
    ]
    assert headings[0].runs[-1] == R("1", bold=True, sup=True)
    assert grid(seed.blocks[4])[1] == ["1.", "Симферополь", "240", "2 июня"]
    assert len(rows) == 1 + 8 + 1 + 9


def test_seed_footnote_is_collected_not_a_paragraph(seed):
    assert seed.footnotes == (Footnote("1", "Дни городов указаны ОРИЕНТИРОВОЧНО"),)
    assert not any("ОРИЕНТИРОВОЧНО" in paragraph.text for paragraph in paragraphs(seed))


@pytest.mark.parametrize("line, level, text", [
    ("# План мероприятий на 2025 год", 1, "План мероприятий на 2025 год"),
    ("## Раздел ##", 2, "Раздел"),
])
def test_markdown_headings_are_heading_paragraphs(line, level, text):
    paragraph, = read_text(line.encode()).blocks
    assert (paragraph.heading_level, paragraph.text) == (level, text)


def test_a_line_of_millions_of_tabs_is_refused_before_it_is_split():
    """10 MB of tabs on one line took 30 s and 2.5 GB before the pipeline's count refused it."""
    from parsers.limits import Limits

    data = ("№ п/п\tМероприятия\tМесто, дата\tПримечание\n1." + "\t" * 5_000 + "\n").encode()
    with pytest.raises(IngestError, match="grid cells"):
        read_text(data, Limits(max_table_cells=1_000))
    assert read_text(data, Limits(max_table_cells=10_000)).blocks  # under the limit it is read
