"""The HTML reader: small pages in, blocks out; then real LibreOffice and Word-style pages."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.errors import IngestError
from parsers.blocks import Cell, Footnote, Row
from parsers.readers.markup.html import read_html
from tests.blockshapes import MARKUP_TOKENS, every_paragraph, P, R, grid, outline, paragraphs, tables

FIXTURES = Path(__file__).parent / "fixtures"


def page(body: str) -> bytes:
    """A minimal UTF-8 page around ``body``."""
    return f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode()


def only_cell(body: str) -> Cell:
    """The single cell of a one-cell table."""
    (table,) = tables(read_html(page(f"<table><tr><td>{body}</td></tr></table>")))
    return table.rows[0].cells[0]


# --- Paragraphs and runs ----------------------------------------------------

PARAGRAPH_CASES = {
    "whitespace collapses as in a browser": ("<p>  a \n\t b  </p>", [P("a b")]),
    "no-break spaces stay, as plain spaces": ("<p>a&nbsp;&nbsp;b&nbsp;c</p>", [P("a  b c")]),
    "br is a line break inside the paragraph": ("<p>one <br> two<br/>three</p>", [P("one\ntwo\nthree")]),
    "a space between runs is kept once": ("<p><b>a </b> b</p>", [P(R("a ", bold=True), "b")]),
    "b and strong are bold": (
        "<p>x <b>y</b> <strong>z</strong></p>",
        [P("x ", R("y", bold=True), " ", R("z", bold=True))],
    ),
    "font-weight bold and 700 are bold": (
        '<p><span style="font-weight: bold">a</span><span style="FONT-WEIGHT:700">b</span></p>',
        [P(R("ab", bold=True))],
    ),
    "font-weight normal undoes an outer b": (
        '<p><b>a<span style="font-weight:normal">b</span></b></p>',
        [P(R("a", bold=True), "b")],
    ),
    "Word's mso-bidi-font-weight is not bold": (
        "<p><b style='mso-bidi-font-weight:normal'>a</b></p>",
        [P(R("a", bold=True))],
    ),
    "sup is superscript": ("<p>x<sup>2</sup></p>", [P("x", R("2", sup=True))]),
    "vertical-align super is superscript": (
        '<p>x<span style="vertical-align: super">2</span></p>',
        [P("x", R("2", sup=True))],
    ),
    "headings carry their level": (
        "<h1>Title</h1><h3>Sub</h3><p>Text</p>",
        [P("Title", heading_level=1), P("Sub", heading_level=3), P("Text")],
    ),
    "div text and bare body text are paragraphs": (
        "loose<div>in div<div>nested</div>after</div>",
        [P("loose"), P("in div"), P("nested"), P("after")],
    ),
    "empty paragraphs are dropped": ("<p> </p><p>&nbsp;</p><p><br></p><p>a</p>", [P("a")]),
    "style, script and title are ignored": (
        "<style>p {}</style><script>var x = 1;</script><title>t</title><p>a</p>",
        [P("a")],
    ),
    "Word's o:p and conditional comments are ignored": (
        "<p>a<o:p>&nbsp;</o:p></p><!--[if gte mso 9]><xml>x</xml><![endif]-->"
        "<p><![if !supportLists]>b<![endif]></p>",
        [P("a"), P("b")],
    ),
    "hidden text is not read": (
        '<p>a<span style="display:none">hidden</span><span style="DISPLAY: none !important">too</span></p>',
        [P("a")],
    ),
    "bullet list items with nesting levels": (
        "<ul><li>one<ul><li>inner</li></ul></li><li>two</li></ul>",
        [
            P("one", list_kind="bullet"),
            P("inner", list_kind="bullet", list_level=1),
            P("two", list_kind="bullet"),
        ],
    ),
    "ordered list items are numbered as a browser draws them": (
        "<ol><li><p>first</p><p>more</p></li><li>second</ol>",
        [P("first", list_kind="number", list_label="1."), P("more", list_kind="number"),
         P("second", list_kind="number", list_label="2.")],
    ),
    "an ordered list's start, type, reversed and an item's value": (
        "<ol start='4' type='I'><li>four<li>five</ol><ol type='a' start='26'><li>z<li>aa</ol>"
        "<ol reversed start='3'><li>three<li value='9'>nine<li>eight</ol><ol start='bad'><li>one</ol>",
        [P("four", list_kind="number", list_label="IV."), P("five", list_kind="number", list_label="V."),
         P("z", list_kind="number", list_label="z."), P("aa", list_kind="number", list_label="aa."),
         P("three", list_kind="number", list_label="3."), P("nine", list_kind="number", list_label="9."),
         P("eight", list_kind="number", list_label="8."), P("one", list_kind="number", list_label="1.")],
    ),
    "an item holding only a table shows its number before it, not in the table's cell": (
        "<ol><li><table><tr><td>a</td></tr></table></li></ol>",
        [P(list_kind="number", list_label="1.")],  # the cell keeps "a" alone (the table is not listed here)
    ),
    "an item holding only a nested list shows its own number in its own list's kind": (
        "<ol start='5'><li><ul><li>x</li></ul></li></ol>",
        [P(list_kind="number", list_label="5."), P("x", list_kind="bullet", list_level=1)],
    ),
    "a reversed list without its start gives no number (a browser counts its items first)": (
        "<ol reversed><li>a<li>b<li value='7'>c</ol>",
        [P("a", list_kind="number"), P("b", list_kind="number"), P("c", list_kind="number", list_label="7.")],
    ),
    "a number typed into the item as well is shown once": (
        "<ol><li>1. typed</li><li>second</li></ol>",
        [P("1. typed", list_kind="number"), P("second", list_kind="number", list_label="2.")],
    ),
    "an empty item still shows its number (pandoc's cell of Word's numbered column)": (
        "<ol start='2' type='1'><li></li></ol>",
        [P(list_kind="number", list_label="2.")],
    ),
    "Word list paragraphs: level from mso-list, kind and label from the marker": (
        "<p style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span>&nbsp; </span></span>dot</p>"
        "<p style='mso-list:l0 level2 lfo1'><span style='mso-list:Ignore'>o&nbsp;</span>circle</p>"
        "<p style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>2.&nbsp;</span>two</p>",
        [
            P("dot", list_kind="bullet", list_label="•"),
            P("circle", list_kind="bullet", list_level=1, list_label="o"),
            P("two", list_kind="number", list_label="2."),
        ],
    ),
    "pre keeps its spaces and line ends": ("<pre>\na  b\n c</pre>", [P("a  b\n c")]),
    "Unicode paragraph and line separators split": ("<p>a\u2029b\u2028c</p>", [P("a"), P("b\nc")]),
}


@pytest.mark.parametrize(("body", "expected"), PARAGRAPH_CASES.values(), ids=PARAGRAPH_CASES.keys())
def test_paragraphs_and_runs(body, expected):
    assert paragraphs(read_html(page(body))) == expected


# --- Tables -----------------------------------------------------------------


def test_merged_cells_are_reported_once_with_their_spans():
    (table,) = tables(read_html(page(
        "<table>"
        "<tr><td rowspan=2>A</td><td>B</td><td>C</td></tr>"
        "<tr><td colspan='2'>D</td></tr>"
        "<tr><td>E</td><td>F</td><td>G</td></tr>"
        "</table>"
    )))  # fmt: skip
    assert [[(cell.text, cell.col_span, cell.row_span) for cell in row.cells] for row in table.rows] == [
        [("A", 1, 2), ("B", 1, 1), ("C", 1, 1)],
        [("D", 2, 1)],
        [("E", 1, 1), ("F", 1, 1), ("G", 1, 1)],
    ]


SPAN_CASES = {
    "missing": ("<td>x</td>", 1),
    "not a number": ('<td colspan="wide">x</td>', 1),
    "zero": ('<td colspan="0">x</td>', 1),
    "absurdly large": ('<td colspan="99999999">x</td>', 1000),
    "with junk after the digits": ('<td colspan="3;">x</td>', 3),
}


@pytest.mark.parametrize(("cell", "span"), SPAN_CASES.values(), ids=SPAN_CASES.keys())
def test_spans_are_read_leniently_and_bounded(cell, span):
    (table,) = tables(read_html(page(f"<table><tr>{cell}</tr></table>")))
    assert table.rows[0].cells[0].col_span == span


HEADER_CASES = {
    "th row": ("<tr><th>h</th><th>i</th></tr><tr><td>d</td><td>e</td></tr>", [True, False]),
    "thead row": ("<thead><tr><td>h</td></tr></thead><tbody><tr><td>d</td></tr></tbody>", [True, False]),
    "one th among tds is a row label, not a header": ("<tr><th>h</th><td>d</td></tr>", [False]),
}


@pytest.mark.parametrize(("rows", "headers"), HEADER_CASES.values(), ids=HEADER_CASES.keys())
def test_header_rows(rows, headers):
    (table,) = tables(read_html(page(f"<table>{rows}</table>")))
    assert [row.is_header for row in table.rows] == headers


CELL_CASES = {
    "bare text is a paragraph": ("plain  text", (P("plain text"),)),
    "paragraphs stay separate": ("<p>Place</p><p>month</p>", (P("Place"), P("month"))),
    "bare text around a paragraph": ("before<p>inside</p>after", (P("before"), P("inside"), P("after"))),
    "br inside a cell": ("one<br>two", (P("one\ntwo"),)),
    "list items in a cell": (
        "intro:<ul><li>a</li><li>b</li></ul>",
        (P("intro:"), P("a", list_kind="bullet"), P("b", list_kind="bullet")),
    ),
    "bold and superscript in a cell": (
        "<b>Head<sup>1</sup></b>",
        (P(R("Head", bold=True), R("1", bold=True, sup=True)),),
    ),
    "an empty cell has no blocks": ("<p>&nbsp;</p>", ()),
    "a nested table is flattened into the cell": (
        "<p>x</p><table><tr><td>in</td><td>ner</td></tr><tr><td>row</td></tr></table>",
        (P("x"), P("in"), P("ner"), P("row")),
    ),
}


@pytest.mark.parametrize(("content", "blocks"), CELL_CASES.values(), ids=CELL_CASES.keys())
def test_cell_content(content, blocks):
    assert only_cell(content).blocks == blocks


def test_nested_table_does_not_break_the_outer_one():
    (table,) = tables(read_html(page(
        "<table><tr><td>1</td><td><table><tr><td>a</td></tr><tr><td>b</td></tr></table></td><td>z</td></tr>"
        "<tr><td>2</td><td>y</td><td>w</td></tr></table>"
    )))  # fmt: skip
    assert grid(table) == [["1", "a\nb", "z"], ["2", "y", "w"]]


def test_tables_and_paragraphs_keep_document_order():
    document = read_html(page("<p>before</p><table><tr><td>x</td></tr></table><div>after</div>"))
    assert outline(document) == ["P:before", "T:1", "P:after"]


# --- Footnotes --------------------------------------------------------------

LIBREOFFICE_NOTE = (
    '<p>Cited<sup><a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a></sup> here</p>'
    '<div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote1sym" '
    'href="#sdfootnote1anc">1</a>Dates are approximate</p></div>'
)
WORD_NOTE = (
    "<p class=MsoNormal><b>Cited<a style='mso-footnote-id:ftn1' href=\"#_ftn1\" name=\"_ftnref1\" title=\"\">"
    "<span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]>"
    "<span class=MsoFootnoteReference>[1]</span><![endif]></span></span></a></b> here</p>"
    "<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width=\"33%\">"
    "<![endif]><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText>"
    "<a style='mso-footnote-id:ftn1' href=\"#_ftnref1\" name=\"_ftn1\" title=\"\"><span class=MsoFootnoteReference>"
    "<span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[1]</span>"
    "<![endif]></span></span></a> Dates are approximate<o:p></o:p></p></div></div>"
)
WORD_FILTERED_NOTE = (
    '<p>Cited<a href="#_ftn1" name="_ftnref1" title=""><span class="MsoFootnoteReference">[1]</span></a> here</p>'
    '<div><br clear="all"><hr align="left" size="1" width="33%"><div id="ftn1"><p class="MsoFootnoteText">'
    '<a href="#_ftnref1" name="_ftn1" title=""><span class="MsoFootnoteReference">[1]</span></a> Dates are approximate</p>'
    "</div></div>"
)
FOOTNOTE_CASES = {
    "LibreOffice": (LIBREOFFICE_NOTE, P("Cited", R("1", sup=True, note="1"), " here")),
    "Word": (WORD_NOTE, P(R("Cited", bold=True), R("1", bold=True, sup=True, note="1"), " here")),
    "Word, filtered save": (WORD_FILTERED_NOTE, P("Cited", R("1", sup=True, note="1"), " here")),
}


@pytest.mark.parametrize(("body", "citing"), FOOTNOTE_CASES.values(), ids=FOOTNOTE_CASES.keys())
def test_footnotes_are_cited_in_place_and_collected_not_repeated(body, citing):
    document = read_html(page(body))
    assert paragraphs(document) == [citing]
    assert document.footnotes == (Footnote(marker="1", text="Dates are approximate"),)


def test_endnotes_and_several_notes_keep_their_markers():
    document = read_html(page(
        '<p>a<a class="sdfootnoteanc" href="#sdfootnote1sym">1</a>'
        'b<a class="sdfootnoteanc" href="#sdfootnote2sym">2</a>'
        'c<a class="sdendnoteanc" href="#sdendnote1sym">i</a></p>'
        '<div id="sdfootnote1"><p><a class="sdfootnotesym">1</a>first</p></div>'
        '<div id="sdfootnote2"><p><a class="sdfootnotesym">2</a>second</p><p>more</p></div>'
        '<div id="sdendnote1"><p><a class="sdendnotesym">i</a>end</p></div>'
    ))  # fmt: skip
    assert paragraphs(document)[0].markers == ("1", "2", "i")
    assert document.footnotes == (
        Footnote("1", "first"),
        Footnote("2", "second more"),
        Footnote("i", "end"),
    )


# --- Charsets ---------------------------------------------------------------

TEXT = "Юбилеи городов"
CHARSET_CASES = {
    "UTF-8 without a declaration": f"<p>{TEXT}</p>".encode(),
    "UTF-8 with a byte-order mark": b"\xef\xbb\xbf" + f"<p>{TEXT}</p>".encode(),
    "UTF-16 with a byte-order mark": f"<p>{TEXT}</p>".encode("utf-16"),
    "windows-1251 by meta charset": f'<meta charset="windows-1251"><p>{TEXT}</p>'.encode("cp1251"),
    "windows-1251 by http-equiv, Word's quoting": (
        f"<meta http-equiv=Content-Type content=\"text/html; charset=windows-1251\"><p>{TEXT}</p>"
    ).encode("cp1251"),
    "windows-1251 with no declaration": f"<p>{TEXT}</p>".encode("cp1251"),
    "a wrong declaration is overruled by the bytes": f'<meta charset="utf-8"><p>{TEXT}</p>'.encode("cp1251"),
    "an unknown charset name is guessed past": f'<meta charset="x-no-such"><p>{TEXT}</p>'.encode("cp1251"),
    "KOI8-R by meta charset": f'<meta charset="koi8-r"><p>{TEXT}</p>'.encode("koi8-r"),
    "KOI8-R declared after 3 KB of Word's namespace declarations": (
        "<html " + " ".join(f'xmlns:n{i}="urn:schemas-microsoft-com:office:n{i}"' for i in range(60))
        + f'><head><meta charset="koi8-r"></head><p>{TEXT}</p>'
    ).encode("koi8-r"),
    "KOI8-R by an XML prologue": f'<?xml version="1.0" encoding="koi8-r"?><p>{TEXT}</p>'.encode("koi8-r"),
    "UTF-32 with a byte-order mark": f"<p>{TEXT}</p>".encode("utf-32"),
    "UTF-16 big-endian with a byte-order mark": b"\xfe\xff" + f"<p>{TEXT}</p>".encode("utf-16-be"),
}


@pytest.mark.parametrize("data", CHARSET_CASES.values(), ids=CHARSET_CASES.keys())
def test_charset(data):
    assert [paragraph.text for paragraph in paragraphs(read_html(data))] == [TEXT]


# Word's "Web Options" encodings for Cyrillic, by the labels browsers know them by (the WHATWG
# Encoding standard), several unknown to Python by those names.
WORD_CHARSETS = [  # (what the page declares, the bytes' encoding)
    ("x-mac-cyrillic", "mac-cyrillic"),  # Word's "Cyrillic (Mac)"
    ("x-mac-ukrainian", "mac-cyrillic"),
    ("koi8-r", "koi8-r"),
    ("koi8", "koi8-r"),
    ("koi8-ru", "koi8-u"),
    ("KOI8-U", "koi8-u"),
    ("iso-8859-5", "iso8859-5"),
    ("iso88595", "iso8859-5"),
    ("cp866", "cp866"),  # Word's "Cyrillic (DOS)"
    ("x-cp1251", "cp1251"),
    ("Windows-1251", "cp1251"),
]


@pytest.mark.parametrize("declared, codec", WORD_CHARSETS)
def test_a_charset_is_known_by_every_label_browsers_know(declared, codec):
    document = read_html(f"<meta http-equiv=Content-Type content=\"text/html; charset={declared}\"><p>{TEXT}</p>"
                         .encode(codec))
    assert [paragraph.text for paragraph in paragraphs(document)] == [TEXT]
    assert document.warnings == ()


@pytest.mark.parametrize("declared", [
    "x-no-such",
    # Python has codecs by these names, but none decodes a page's text
    "base64", "hex", "zlib", "rot13", "bz2", "uu", "quopri",  # bytes to bytes
    "unicode_escape", "raw_unicode_escape",  # Python's escapes: mojibake
    "idna", "punycode", "undefined",
    "charmap", "utf-7",  # Latin-1 by Python's own name; a charset no browser reads
])
def test_a_charset_no_codec_decodes_is_warned_about(declared):
    document = read_html(f'<meta charset="{declared}"><p>{TEXT}</p>'.encode("cp1251"))
    assert [paragraph.text for paragraph in paragraphs(document)] == [TEXT]  # guessed
    assert [w.code for w in document.warnings] == ["charset_unknown"]
    assert declared in document.warnings[0].message


def test_a_declaration_that_does_not_fit_is_warned_about():
    document = read_html(f'<meta charset="utf-8"><p>{TEXT}</p>'.encode("cp1251"))
    assert [w.code for w in document.warnings] == ["charset_mismatch"]
    assert "utf-8" in document.warnings[0].message


# --- Damage and hostility ---------------------------------------------------

DAMAGED_CASES = {
    "empty": b"",
    "only whitespace": b" \r\n\t ",
    "binary bytes": bytes(range(256)) * 4,
}


@pytest.mark.parametrize("data", DAMAGED_CASES.values(), ids=DAMAGED_CASES.keys())
def test_damaged_input_raises_ingest_error(data):
    with pytest.raises(IngestError):
        read_html(data)


# Nesting just under the limit (Limits.max_html_depth = 250 elements, html and body included).
DEEP_CASES = {
    "divs": ("<div>" * 240, "</div>" * 240),
    "inline spans": ("<span>" * 240, "</span>" * 240),
    "lists": ("<ul><li>" * 120, "</li></ul>" * 120),
    "tables in cells": ("<table><tr><td>" * 60, "</td></tr></table>" * 60),  # tbody is implied
}
STACK_TO_SPARE = 120  # fewer frames than the nesting: a recursive walk would fail


@pytest.mark.parametrize(("opening", "closing"), DEEP_CASES.values(), ids=DEEP_CASES.keys())
def test_deeply_nested_page_is_read_without_exhausting_the_stack(opening, closing):
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + STACK_TO_SPARE)
    try:
        document = read_html(page(f"{opening}deep{closing}<p>after</p>"))
    finally:
        sys.setrecursionlimit(limit)
    texts = [paragraph.text for paragraph in paragraphs(document)]
    texts += [cell.text for table in tables(document) for row in table.rows for cell in row.cells]
    assert "after" in texts and any("deep" in text for text in texts)


@pytest.mark.parametrize("opening", ["<div>" * 100_000, "<ul><li>" * 50_000, "<table><tr><td>" * 2_000],
                         ids=["divs", "lists", "tables in cells"])
def test_a_page_nested_past_the_limit_is_refused(opening):
    # Real pages nest under 30 levels: this is damage or an attack, not a plan.
    with pytest.raises(IngestError, match="nests elements more than 250 deep"):
        read_html(page(f"{opening}deep<p>after</p>"))


@settings(max_examples=200, deadline=None)
@given(tokens=st.lists(st.sampled_from(MARKUP_TOKENS), max_size=60), encoding=st.sampled_from(["utf-8", "utf-16"]))
def test_any_markup_soup_gives_blocks_with_text_or_an_ingest_error(tokens, encoding):
    try:
        document = read_html("".join(tokens).encode(encoding))
    except IngestError:
        return
    assert all(paragraph.shown_text.strip() for paragraph in every_paragraph(document))  # text, or a drawn label


# --- Real files -------------------------------------------------------------


@pytest.fixture(scope="module")
def libreoffice():
    """A page LibreOffice exported from a DOCX (see fixtures/make_libreoffice_html.py)."""
    return read_html((FIXTURES / "libreoffice.html").read_bytes())


@pytest.fixture(scope="module")
def word():
    """A page shaped like Word's "Web page" export, in windows-1251 with CRLF lines."""
    return read_html((FIXTURES / "word_1251.html").read_bytes())


def test_libreoffice_page_order(libreoffice):
    assert outline(libreoffice) == [
        "P:План мероприятий на 2024 год",
        "P:Вводный текст с жирным словом и сноской1",
        "P:Знак в степени2",
        "T:5",
        "P:Текст после таблицы.",
    ]
    assert libreoffice.blocks[0].heading_level == 1


def test_libreoffice_runs_and_footnote(libreoffice):
    intro, power = paragraphs(libreoffice)[1:3]
    assert intro.runs == (
        R("Вводный текст с "), R("жирным словом", bold=True), R(" и сноской"), R("1", sup=True, note="1"),
    )  # fmt: skip
    assert power.runs == (R("Знак в степени"), R("2", sup=True))
    assert libreoffice.footnotes == (Footnote("1", "Даты указаны ориентировочно"),)


def test_libreoffice_table(libreoffice):
    (table,) = tables(libreoffice)
    assert [row.is_header for row in table.rows] == [True, False, False, False, False]
    assert grid(table) == [
        ["№ п/п", "Мероприятия", "Место, дата", "Примечание"],
        ["1.", "Первое мероприятие", "Хабаровск\nмай", "Общее примечание"],
        ["2.", "Участие в собраниях:\nПервое\nВторое\nТретье", "по отдельному графику"],
        ["Раздел на всю ширину"],
        ["3.", "Первая строка\nвторая строка", "постоянно", ""],
    ]
    assert table.rows[1].cells[3].row_span == 2
    assert table.rows[3].cells[0].col_span == 4
    assert table.rows[3].cells[0].blocks[0].is_bold
    items = table.rows[2].cells[1].blocks
    assert [(item.list_kind, item.list_level) for item in items] == [(None, 0)] + [("bullet", 0)] * 3


def test_word_page_order_and_title(word):
    assert outline(word) == [
        "P:Предложения в план мероприятий\nна 2024 год",
        "T:5",
        "P:Исполнительный вице-президент,\nгенеральный директор",
        "P:Юбилеи городов1",
        "P:Дни городов2",
    ]
    assert paragraphs(word)[0].is_bold


def test_word_footnote_and_superscript(word):
    jubilees, city_days = paragraphs(word)[2:4]
    assert jubilees.runs == (R("Юбилеи городов", bold=True), R("1", bold=True, sup=True, note="1"))
    assert city_days.markers == ("2",) and city_days.main_text == "Дни городов"
    assert word.footnotes == (Footnote("1", "Даты указаны ориентировочно"),)


def test_word_table(word):
    (table,) = tables(word)
    assert grid(table) == [
        ["№ п/п", "Мероприятия", "Место, дата", "Примечание"],
        ["1.", "Международный форум городов\nКруглый стол", "Москва\nмарт", "Организаторы: A, Б"],
        ["2.", "Участие в собраниях:\nПервое\nВторое\nВложенное", "по отдельному графику"],
        ["Раздел на всю ширину"],
        ["3.", "Нумерованный пункт\nВложенная\nтаблица", "постоянно", ""],
    ]
    assert (table.rows[1].cells[3].row_span, table.rows[3].cells[0].col_span) == (2, 4)
    assert table.rows[3] == Row(cells=(Cell(blocks=(P(R("Раздел на всю ширину", bold=True)),), col_span=4),))
    bullets = table.rows[2].cells[1].blocks[1:]
    assert [(item.list_kind, item.list_level) for item in bullets] == [
        ("bullet", 0), ("bullet", 0), ("bullet", 1),
    ]  # fmt: skip
    assert table.rows[4].cells[1].blocks[0].list_kind == "number"


@pytest.mark.parametrize("sample", ["plan_2024.html", "plan_2024.txt", "plan_2024_pandoc.md"])
def test_one_stray_byte_in_utf8_keeps_the_page_utf8_with_a_warning(sample):
    from tests.conftest import SAMPLES
    """One invalid byte made the whole page decode as windows-1251: no event table found."""
    from ingest.pipeline import ingest_bytes

    data = (SAMPLES / sample).read_bytes()
    middle = data.index("Хабаровск".encode()) + 2  # inside a Cyrillic letter's two bytes
    plan = ingest_bytes(data[:middle] + b"\xff" + data[middle:], sample)
    assert len(plan.events) == 19
    assert [w.code for w in plan.warnings] == ["bytes_replaced"]
    assert plan.events[0].place.startswith("Х") and "\ufffd" in plan.events[0].place


def test_windows_1251_text_is_not_taken_for_utf8_with_stray_bytes():
    from tests.conftest import SAMPLES
    from parsers.readers.markup.encoding import decode

    text = (SAMPLES / "plan_2024.txt").read_text(encoding="utf-8")
    assert decode(text.encode("cp1251")) == (text, ())
