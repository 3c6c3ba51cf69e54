"""The Markdown reader: small Markdown files in, blocks out (pandoc's samples: test_pandoc_samples.py)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.blocks import Footnote
from parsers.errors import IngestError
from parsers.readers.markup.markdown import read_markdown
from tests.blockshapes import MARKUP_TOKENS, P, R, every_paragraph, grid, outline, paragraphs, tables
from tests.conftest import SAMPLES


def read(text: str):
    return read_markdown(text.encode("utf-8"))


PIPE = "| № | Мероприятия |\n|---|---|\n"

# --- Tables -----------------------------------------------------------------

TABLE_CASES = {
    "a pipe table: header row, delimiter, body rows": (
        PIPE + "| 1. | Сессия |\n| 2. | Форум |", ["T:3"], [["№", "Мероприятия"], ["1.", "Сессия"], ["2.", "Форум"]]),
    "an escaped pipe is text in its cell": (
        "| a | b |\n|---|---|\n| x \\| y | z |", ["T:2"], [["a", "b"], ["x | y", "z"]]),
    "leading and trailing pipes are optional": ("a | b\n--- | ---\nc | d", ["T:2"], [["a", "b"], ["c", "d"]]),
    "aligned delimiters": ("| a | b |\n|:--|--:|\n| c | d |", ["T:2"], [["a", "b"], ["c", "d"]]),
    "<br> in a cell breaks its line": ("| a |\n|---|\n| Москва<br>май |", ["T:2"], [["a"], ["Москва\nмай"]]),
    "<br><br> in a cell separates paragraphs": (
        "| a |\n|---|\n| Форум<br><br>Круглый стол |", ["T:2"], [["a"], ["Форум\nКруглый стол"]]),
    "pandoc's empty header row of a headerless table is dropped": (
        "|     |     |\n|:----|:----|\n| 1\\. | Уфа |", ["T:1"], [["1.", "Уфа"]]),
    "a raw HTML table between pipe tables": (
        PIPE + "| 1. | a |\n\n<table>\n<tr><td>2.</td><td><p>b</p>\n<p>c</p></td></tr>\n</table>\n\n"
        + PIPE + "| 3. | d |", ["T:2", "T:1", "T:2"], [["№", "Мероприятия"], ["1.", "a"]]),
    "a raw HTML table cut by a blank line is one table": (
        "<table>\n<tr><td>1</td></tr>\n\n<tr><td>2</td></tr>\n</table>", ["T:2"], [["1"], ["2"]]),
    "a blank line ends a pipe table": (PIPE + "| 1. | a |\n\ntext", ["T:2", "P:text"], [["№", "Мероприятия"], ["1.", "a"]]),
}


@pytest.mark.parametrize(("text", "order", "first_grid"), TABLE_CASES.values(), ids=TABLE_CASES.keys())
def test_tables(text, order, first_grid):
    document = read(text)
    assert outline(document) == order
    assert grid(tables(document)[0]) == first_grid


def test_the_header_row_is_marked_and_cells_keep_their_formatting():
    (table,) = tables(read(PIPE + "| **Раздел** | Сессия<sup>1</sup> |"))
    assert [row.is_header for row in table.rows] == [True, False]
    assert table.rows[1].cells[0].blocks == (P(R("Раздел", bold=True)),)
    assert table.rows[1].cells[1].blocks == (P("Сессия", R("1", sup=True)),)


def test_a_raw_html_table_reads_as_the_html_reader_reads_it():
    from parsers.readers.markup.html import read_html

    markup = '<table>\n<tr><td colspan="2"><strong>Раздел</strong></td></tr>\n<tr><td>1.</td><td><ul>\n<li><p>А</p></li>\n</ul></td></tr>\n</table>'
    assert read(f"Текст\\\nещё\n\n{markup}\n").blocks[1:] == read_html(markup.encode()).blocks


# pandoc's own Markdown (-t markdown) writes grid tables.
GRID = """\
+------+-------------+-----------+
| №    | Мероприятия | Место     |
+:=====+:============+:==========+
| 1\\.  | XXX сессия  | Москва    |
|      | МАГ         |           |
|      |             | май       |
+------+-------------+-----------+
| **Раздел**^1^                  |
+------+-------------+-----------+
| 2\\.  | - ОКМО      | Казань    |
|      | - АГП       |           |
+------+-------------+-----------+
"""

GRID_CASES = {
    "cells split at the joints, lines of a cell joined, a blank line a paragraph break": (
        GRID, [["№", "Мероприятия", "Место"], ["1.", "XXX сессия МАГ", "Москва\nмай"], ["Раздел1"],
               ["2.", "ОКМО\nАГП", "Казань"]]),
    "a border drawn to another width is no grid table": ("+---+\n| a  |\n+---+", None),
    "columns meet where any border has a joint, not only the top one (a first row spanning)": (
        "+---------+\n| Юбилеи  |\n+====+====+\n|1\\. | Уфа|\n+----+----+\n", [["Юбилеи"], ["1.", "Уфа"]]),
}

# pandoc's simple and multiline tables (pandoc_tables.py): cells from where each column's dashes
# start; a multiline row's lines joined, rows apart by blank lines.
PANDOC_TABLE_CASES = {
    "multiline with a header row": (
        "  ----------------------------\n  1\\.   Симферополь   240\n  ----- ------------- ------\n"
        "  2\\.   Киров         650\n\n  3\\.   Ростов-на-     275\n        Дону\n"
        "  ----------------------------\n",
        [["1.", "Симферополь", "240"], ["2.", "Киров", "650"], ["3.", "Ростов-на- Дону", "275"]], True),
    "headerless multiline, closed by its column line": (
        "----- -------- ----\n1\\.   Уфа      450\n\n2\\.   Магадан  95\n----- -------- ----\n",
        [["1.", "Уфа", "450"], ["2.", "Магадан", "95"]], False),
    "headerless simple: one line a row": (
        "----- -------- ----\n1\\.   Уфа      450\n2\\.   Магадан  95\n----- -------- ----\n",
        [["1.", "Уфа", "450"], ["2.", "Магадан", "95"]], False),
    "simple with a header, ended by a blank line": (
        "№     Город    Лет\n----- -------- ----\n1\\.   Уфа      450\n\nText after.\n",
        [["№", "Город", "Лет"], ["1.", "Уфа", "450"]], True),
    "a text may reach past its dashes into the gap": (
        "----- --- ----\n1\\.   Уфа  450\n----- --- ----\n", [["1.", "Уфа", "450"]], False),
    "a line of dashes alone is a thematic break": ("a\n\n-----\n\nb\n", None, None),
    "dashes over text without a column line are no table": ("-----------\nтекст\n\nдальше\n", None, None),
    "a multiline table never closed: its first dashes a rule, then a simple table (as pandoc reads it)": (
        "-----------\nтекст\n----- -----\nещё\n\nи ещё\n", [["текст", ""], ["ещё", ""]], True),
}


@pytest.mark.parametrize(("text", "expected", "header"), PANDOC_TABLE_CASES.values(), ids=PANDOC_TABLE_CASES.keys())
def test_pandoc_simple_and_multiline_tables(text, expected, header):
    found = tables(read(text))
    assert (grid(found[0]) if found else None) == expected
    if found:
        assert found[0].rows[0].is_header is header and not any(row.is_header for row in found[0].rows[1:])


def test_an_empty_numbered_item_still_shows_its_number():
    # pandoc's grid cell of Word's auto-numbered № column: "2." and nothing after it
    assert paragraphs(read("2.\n")) == [P(list_kind="number", list_label="2.")]


@pytest.mark.parametrize(("text", "expected"), GRID_CASES.values(), ids=GRID_CASES.keys())
def test_grid_tables(text, expected):
    found = tables(read(text))
    assert (grid(found[0]) if found else None) == expected


def test_grid_table_cells_keep_spans_header_lists_and_superscripts():
    (table,) = tables(read(GRID))
    assert [row.is_header for row in table.rows] == [True, False, False, False]
    heading = table.rows[2].cells[0]
    assert heading.col_span == 3 and heading.blocks == (P(R("Раздел", bold=True), R("1", sup=True)),)
    assert [(p.list_kind, p.text) for p in table.rows[3].cells[1].blocks] == [("bullet", "ОКМО"), ("bullet", "АГП")]
    assert [p.text for p in table.rows[1].cells[2].blocks] == ["Москва", "май"]


def test_a_footnote_cited_in_a_grid_cell_is_cited():
    (table,) = tables(read("+-------+\n| a[^1] |\n+-------+\n\n[^1]: Note"))
    assert table.rows[0].cells[0].blocks[0].markers == ("1",)


def test_a_grid_table_with_a_cell_spanning_rows_is_a_warning():
    document = read("+---+---+\n| a | b |\n+---+   +\n| c |   |\n+---+---+\n")
    assert not tables(document)
    assert [w.code for w in document.warnings] == ["table_unread"]


# --- Paragraphs, headings, lists --------------------------------------------

PARAGRAPH_CASES = {
    "**bold** is bold": ("**Title** rest", [P(R("Title", bold=True), " rest")]),
    "lines of a paragraph join with a space": ("one\ntwo", [P("one two")]),
    "a trailing backslash breaks the line": ("one\\\ntwo", [P("one\ntwo")]),
    "two trailing spaces break the line": ("one  \ntwo", [P("one\ntwo")]),
    "a blank line separates paragraphs": ("one\n\ntwo", [P("one"), P("two")]),
    "an ATX heading": ("## План ##", [P("План", heading_level=2)]),
    "bullet list items": ("- a\n- b", [P("a", list_kind="bullet"), P("b", list_kind="bullet")]),
    "numbered list items carry the number Markdown draws": (
        "1. a\n2. b", [P("a", list_kind="number", list_label="1."), P("b", list_kind="number", list_label="2.")]),
    "a nested list item is one level down": (
        "- a\n  - b", [P("a", list_kind="bullet"), P("b", list_kind="bullet", list_level=1)]),
    "an escaped number is text, not a list": ("1\\. a", [P("1. a")]),
    "inline HTML bold and superscript": ("<b>Юбилеи</b><sup>1</sup>", [P(R("Юбилеи", bold=True), R("1", sup=True))]),
    "a link keeps its text": ("[МАГ](https://example.org)", [P("МАГ")]),
    "HTML entities are read, as in HTML": ("a&nbsp;b &amp; c", [P("a b & c")]),
    "pandoc's ^1^ is a superscript": ("Дни городов^1^", [P("Дни городов", R("1", sup=True))]),
    "a thematic break shows nothing": ("a\n\n---\n\nb", [P("a"), P("b")]),
}


@pytest.mark.parametrize(("text", "expected"), PARAGRAPH_CASES.values(), ids=PARAGRAPH_CASES.keys())
def test_paragraphs(text, expected):
    assert paragraphs(read(text)) == expected


# --- Footnotes --------------------------------------------------------------

FOOTNOTE_CASES = {
    "a footnote definition": ("[^1]: Дни городов указаны ОРИЕНТИРОВОЧНО", [Footnote("1", "Дни городов указаны ОРИЕНТИРОВОЧНО")]),
    "a definition spanning lines": ("[^1]: Дни городов\n    указаны ОРИЕНТИРОВОЧНО", [Footnote("1", "Дни городов указаны ОРИЕНТИРОВОЧНО")]),
    "a lazy continuation line": ("[^1]: Дни городов\nуказаны", [Footnote("1", "Дни городов указаны")]),
    "markup in the note is read": ("[^1]: **Дни** городов", [Footnote("1", "Дни городов")]),
    "a named label": ("[^note]: Текст", [Footnote("note", "Текст")]),
}


# Each note cited by "[^label]" and, when its label is a number, by a raw "<sup>1</sup>".
CITED_FOOTNOTE_CASES = [
    pytest.param(notes, expected, cite, id=f"{name}, cited by {cite.format(1)}")
    for name, (notes, expected) in FOOTNOTE_CASES.items()
    for cite in ("[^{}]", "<sup>{}</sup>") if cite.startswith("[") or expected[0].marker.isdigit()
]


@pytest.mark.parametrize(("notes", "expected", "cite"), CITED_FOOTNOTE_CASES)
def test_footnotes(notes, expected, cite):
    label = expected[0].marker
    document = read(f"**Юбилеи**{cite.format(label)}\n\n{notes}\n")
    assert list(document.footnotes) == expected
    (heading,) = paragraphs(document)
    assert heading.markers == (label,) and heading.main_text == "Юбилеи"


def test_a_footnote_reference_cites_its_note_whatever_its_label():
    (paragraph,) = paragraphs(read("Текст[^note]\n\n[^note]: Примечание"))
    assert paragraph.runs[-1] == R("note", sup=True, note="note")


PANDOC_NOTES = (
    '<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes">\n<hr />\n<ol>\n'
    '<li id="fn1"><p>Дни городов указаны ОРИЕНТИРОВОЧНО<a href="#fnref1" class="footnote-back" '
    'role="doc-backlink">↩︎</a></p></li>\n<li id="fn2"><p>Второе</p>\n<p>примечание</p></li>\n</ol>\n</section>')


def test_pandocs_html_notes_section_is_the_footnotes_without_back_links():
    document = read(f'Текст<a href="#fn1" class="footnote-ref" id="fnref1"><sup>1</sup></a>\n\n{PANDOC_NOTES}\n')
    assert document.footnotes == (Footnote("1", "Дни городов указаны ОРИЕНТИРОВОЧНО"),
                                  Footnote("2", "Второе примечание"))
    (paragraph,) = paragraphs(document)
    assert paragraph.markers == ("1",)


def test_the_notes_section_in_the_block_of_a_raw_table_leaves_the_tables_around_it():
    document = read(f'<table>\n<tr><td>1</td></tr>\n</table>\n{PANDOC_NOTES}\n<table><tr><td>2</td></tr></table>')
    assert outline(document) == ["T:1", "T:1"]
    assert [note.marker for note in document.footnotes] == ["1", "2"]


# --- Never silent -------------------------------------------------------------

UNREAD_CASES = {
    "rows without a delimiter row": ("| № | Мероприятия |\n| 1. | Сессия |", "look like table rows", "line 1"),
    "rows cut off by a blank line become text": (PIPE + "| 1. | a |\n\n| 2. | b |", "look like table rows", "line 5"),
    "a pipe table indented into a code block": ("Текст\n\n    | a |\n    |---|\n", "look like table rows", "line 3"),
    "an HTML table inside a paragraph": (
        "Текст <table><tr><td>1.</td><td>Уфа</td></tr></table>", "inside a paragraph", "line 1"),
    "an HTML table indented into a code block": (
        "Текст\n\n    <table><tr><td>1.</td></tr></table>\n", "inside a code block", "line 3"),
}


@pytest.mark.parametrize(("text", "problem", "where"), UNREAD_CASES.values(), ids=UNREAD_CASES.keys())
def test_table_rows_read_as_text_are_a_warning(text, problem, where):
    document = read(text)
    warning = document.warnings[-1]
    assert warning.code == "table_unread" and problem in warning.message
    assert warning.where == where


def test_a_raw_table_that_gives_no_table_is_a_warning():
    document = read("Текст\n\n<table>\n</table>\n")
    assert [(w.code, w.where) for w in document.warnings] == [("table_unread", "line 3")]


def test_a_plan_with_its_jubilee_rows_read_as_text_says_so_on_the_command_line(tmp_path, capsys):
    from ingest.cli import main

    broken = MARKDOWN_PLANS["pipe tables"].replace("|--|--|--|--|\n", "")  # no delimiter row
    path = tmp_path / "plan.md"
    path.write_text(broken, encoding="utf-8")
    main(["ingest", str(path), "-o", str(tmp_path / "out")])
    shown = capsys.readouterr()
    assert "0 jubilees" in shown.out + shown.err
    assert "table_unread" in shown.err and "look like table rows" in shown.err


def test_content_nested_past_markdown_its_limit_is_a_warning():
    deep = read("".join("  " * level + f"- пункт {level}\n" for level in range(30)))
    assert [w.code for w in deep.warnings] == ["content_skipped"]
    assert read("".join("  " * level + f"- пункт {level}\n" for level in range(4))).warnings == ()


def test_tables_that_read_give_no_warning():
    assert read(PIPE + "| 1. | a |\n\ntext | with a pipe").warnings == ()


# --- Damage -------------------------------------------------------------------

DAMAGED_CASES = {"empty": b"", "only blank lines": b"\n\r\n  \n", "binary bytes": b"# x\n" + bytes(range(256)) * 4}


@pytest.mark.parametrize("data", DAMAGED_CASES.values(), ids=DAMAGED_CASES.keys())
def test_damaged_input_raises_ingest_error(data):
    with pytest.raises(IngestError):
        read_markdown(data)


def test_raw_html_nested_past_the_limit_is_refused():
    with pytest.raises(IngestError, match="nests elements"):
        read("Текст\n\n" + "<div>" * 300 + "x" + "</div>" * 300)


@settings(max_examples=200, deadline=None)
@given(tokens=st.lists(st.sampled_from(MARKUP_TOKENS + ("|", "|---|", "\n\n", "[^1]", "# ", "- ", "1. ", "\\")),
                       max_size=60))
def test_any_markdown_soup_gives_blocks_with_text_or_an_ingest_error(tokens):
    try:
        document = read("".join(tokens))
    except IngestError:
        return
    assert all(paragraph.shown_text.strip() for paragraph in every_paragraph(document))  # a drawn label counts


# --- A Markdown pipe-table export of the seed ----------------------------------


def _as_markdown(seed: str) -> str:
    """The seed export rewritten the way a Markdown converter writes it: pipe tables with a
    delimiter under the first row, no blank lines inside a table, a cell's paragraphs
    (two spaces in the export) as "<br><br>", the footnote as a "[^1]:" definition."""
    source = seed.splitlines()
    lines: list[str] = []
    for number, line in enumerate(source):
        if "\t" in line:
            cells = [" <br><br>".join(cell.split("  ")).replace("|", "\\|") for cell in line.split("\t")]
            if not (lines and lines[-1].startswith("|")):
                lines += ["| " + " | ".join(cells) + " |", "|" + "---|" * len(cells)]
            else:
                lines.append("| " + " | ".join(cells) + " |")
        elif not line.strip():
            following = next((later for later in source[number + 1:] if later.strip()), "")
            if not (lines and lines[-1].startswith("|") and "\t" in following):
                lines.append(line)
        else:
            lines.append(re.sub(r"^<sup>(\d+)</sup> ", r"[^\1]: ", line))
    return "\n".join(lines)


def test_a_markdown_pipe_table_export_reads_like_the_tab_export():
    from ingest.pipeline import ingest_bytes

    seed = (SAMPLES / "plan_2024.txt").read_text(encoding="utf-8")
    tabbed = ingest_bytes(seed.encode(), "plan.txt")
    piped = ingest_bytes(_as_markdown(seed).encode(), "plan.md")
    assert (tabbed.source.format, piped.source.format) == ("text", "markdown")
    assert piped.events == tabbed.events
    assert piped.jubilees == tabbed.jubilees and piped.city_days == tabbed.city_days
    assert piped.signatory == tabbed.signatory and piped.title == tabbed.title
    assert piped.footnotes == tabbed.footnotes and piped.warnings == tabbed.warnings


# --- Small plans written in Markdown, each way a writer may put them -----------

_TITLE = "**План мероприятий МАГ на 2024 год**"
_EVENTS_PIPE = (
    "| № п/п | Мероприятия | Место, дата | Примечание |\n|---|---|---|---|\n"
    "| 1\\. | Сессия \\| пленарная | Москва<br>май | Организатор: МАГ |\n"
    "| 2\\. | Форум | Казань<br>июнь | |\n")
_EVENTS_HTML = (
    "<table>\n<thead>\n<tr><th>№ п/п</th><th>Мероприятия</th><th>Место, дата</th><th>Примечание</th></tr>\n"
    "</thead>\n<tbody>\n<tr><td>1.</td><td>Сессия | пленарная</td><td><p>Москва</p>\n<p>май</p></td>"
    "<td>Организатор: МАГ</td></tr>\n<tr><td>2.</td><td>Форум</td><td><p>Казань</p>\n<p>июнь</p></td><td></td></tr>\n"
    "</tbody>\n</table>\n")
_SIGNATURE = "Исполнительный вице-президент\n\n**В.И. Селиванов**\n"
_JUBILEES = "**Юбилеи городов МАГ**[^1]\n\n|  |  |  |  |\n|--|--|--|--|\n| 1\\. | Уфа | 450 | 12 июня |\n"
_NOTE = "[^1]: Дни городов указаны\n    ОРИЕНТИРОВОЧНО\n"
MARKDOWN_PLANS = {
    "pipe tables": "\n".join([_TITLE, _EVENTS_PIPE, _SIGNATURE, _JUBILEES, _NOTE]),
    "a raw HTML event table before a pipe table": "\n".join([_TITLE, _EVENTS_HTML, _SIGNATURE, _JUBILEES, _NOTE]),
    "an ATX title and a note defined before its use": "\n".join(
        ["# План мероприятий МАГ на 2024 год", _NOTE, _EVENTS_PIPE, _SIGNATURE, _JUBILEES]),
}


@pytest.mark.parametrize("text", MARKDOWN_PLANS.values(), ids=MARKDOWN_PLANS.keys())
def test_a_markdown_plan_gives_its_records(text):
    from ingest.pipeline import ingest_bytes

    plan = ingest_bytes(text.encode(), "plan.md")
    assert plan.source.format == "markdown"
    assert (plan.title, plan.year) == ("План мероприятий МАГ на 2024 год", 2024)
    assert [(e.number, e.title, e.place, e.date.text, e.organizers) for e in plan.events] == [
        (1, "Сессия | пленарная", "Москва", "май", ["МАГ"]), (2, "Форум", "Казань", "июнь", [])]
    assert [(j.city, j.anniversary, j.date.start.isoformat(), j.date.approximate, j.footnotes)
            for j in plan.jubilees] == [("Уфа", 450, "2024-06-12", True, ["1"])]
    assert [(f.marker, f.text) for f in plan.footnotes] == [("1", "Дни городов указаны ОРИЕНТИРОВОЧНО")]
    assert plan.signatory.name == "В.И. Селиванов"
    assert plan.warnings == []



STRUCK = {
    "raw <del> striking a cancelled event": ("Семинар <del>15 марта</del> перенесён\n", ["Семинар 15 марта перенесён"]),
    "a struck cell of a raw HTML table": ("<table><tr><td><del>Казань</del> Уфа</td></tr></table>\n\nмай\n",
                                          ["Казань Уфа", "май"]),
}


@pytest.mark.parametrize(("text", "expected"), STRUCK.values(), ids=STRUCK.keys())
def test_struck_text_is_read(text, expected):
    assert [paragraph.text for paragraph in every_paragraph(read(text))] == expected
