"""The OpenDocument reader: hand-written content.xml and flat .fodt cases, element by element."""

from __future__ import annotations

import io
import zipfile

import pytest

from ingest.pipeline import ingest_bytes, ingest_file
from parsers.blocks import Paragraph, Table
from parsers.errors import IngestError
from parsers.limits import Limits
from parsers.readers.odt import read_fodt, read_odt
from schemas.plan import Footnote
from tests.conftest import SAMPLES
from tests.test_samples import RECORD_TABLES, comparable, expected_records

NAMESPACES = " ".join(f'xmlns:{prefix}="urn:oasis:names:tc:opendocument:xmlns:{path}"' for prefix, path in (
    ("office", "office:1.0"), ("style", "style:1.0"), ("text", "text:1.0"), ("table", "table:1.0"),
    ("fo", "xsl-fo-compatible:1.0"), ("draw", "drawing:1.0")))
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"

# Automatic styles as LibreOffice writes them (T1 bold, T2 raised, P1 a bold paragraph).
STYLES = """
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="T2" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
<style:style style:name="T3" style:family="text"><style:text-properties style:text-position="33% 58%"/></style:style>
<style:style style:name="T4" style:family="text"><style:text-properties style:text-position="sub 58%"/></style:style>
<style:style style:name="T5" style:family="text"><style:text-properties fo:font-weight="700"/></style:style>
<style:style style:name="T6" style:family="text"><style:text-properties fo:font-weight="normal"/></style:style>
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Heading_20_Bold"/>
<text:list-style style:name="L1">
  <text:list-level-style-bullet text:level="1" text:bullet-char="&#x2022;"/>
  <text:list-level-style-bullet text:level="2" text:bullet-char="&#xF0B7;"/>
</text:list-style>
<text:list-style style:name="L2">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
  <text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1" text:display-levels="2"/>
</text:list-style>
<text:list-style style:name="L3">
  <text:list-level-style-number text:level="1" style:num-suffix=")" style:num-format="а, б, .. (ru)"/>
</text:list-style>
<text:list-style style:name="L4">
  <text:list-level-style-number text:level="1" style:num-prefix="(" style:num-suffix=")" style:num-format="I" text:start-value="4"/>
</text:list-style>
"""
COMMON_STYLES = """
<style:default-style style:family="paragraph"><style:text-properties fo:font-size="12pt"/></style:default-style>
<style:style style:name="Heading_20_Bold" style:display-name="Heading Bold" style:family="paragraph">
  <style:text-properties fo:font-weight="bold"/></style:style>
"""


def flat(body: str, styles: str = STYLES, common: str = COMMON_STYLES) -> bytes:
    """A flat ODT as LibreOffice lays one out, with ``body`` as its text."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NAMESPACES} office:version="1.3" '
            f'office:mimetype="{ODT_MIMETYPE}"><office:styles>{common}</office:styles>'
            f'<office:automatic-styles>{styles}</office:automatic-styles>'
            f'<office:body><office:text>{body}</office:text></office:body></office:document>').encode()


def package(body: str, styles: str = STYLES, common: str = COMMON_STYLES, extra: dict | None = None) -> bytes:
    """The same as an .odt: content.xml with the automatic styles, styles.xml with the common ones."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NAMESPACES}>'
               f'<office:automatic-styles>{styles}</office:automatic-styles>'
               f'<office:body><office:text>{body}</office:text></office:body></office:document-content>')
    style_part = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {NAMESPACES}>'
                  f'<office:styles>{common}</office:styles></office:document-styles>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), ODT_MIMETYPE)
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", style_part)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture(params=["odt", "fodt"])
def read(request):
    """Read a body written by hand, as a package and as a flat file: both give the same blocks."""
    def reader(body: str, **kwargs):
        if request.param == "odt":
            return read_odt(package(body, **kwargs))
        return read_fodt(flat(body, **kwargs))
    return reader


def runs(paragraph: Paragraph) -> list[tuple[str, bool, bool, str | None]]:
    return [(run.text, run.bold, run.superscript, run.note) for run in paragraph.runs]


@pytest.mark.parametrize("body, expected", [
    ('<text:p>plain <text:span text:style-name="T1">bold</text:span></text:p>',
     [("plain ", False, False, None), ("bold", True, False, None)]),
    ('<text:p>м<text:span text:style-name="T2">2</text:span> and x<text:span text:style-name="T3">3</text:span>'
     ' and H<text:span text:style-name="T4">2</text:span>O</text:p>',
     [("м", False, False, None), ("2", False, True, None), (" and x", False, False, None),
      ("3", False, True, None), (" and H2O", False, False, None)]),
    ('<text:p><text:span text:style-name="T5">seven hundred is bold</text:span></text:p>',
     [("seven hundred is bold", True, False, None)]),
    # a paragraph bold through its style's parent (a common style); a span turns it off
    ('<text:p text:style-name="P1">Heading <text:span text:style-name="T6">not bold</text:span></text:p>',
     [("Heading ", True, False, None), ("not bold", False, False, None)]),
    # spans inside spans: the inner style over the outer
    ('<text:p><text:span text:style-name="T1">b <text:span text:style-name="T2">1</text:span></text:span></text:p>',
     [("b ", True, False, None), ("1", True, True, None)]),
    # whitespace: collapsed, dropped at the ends; text:s, text:tab and text:line-break kept
    ('<text:p>\n   a   b\n<text:s text:c="3"/>c<text:tab/>d<text:line-break/>e<text:s/></text:p>',
     [("a b    c\td\ne ", False, False, None)]),
    # pretty-printed XML: the indentation around spans is no text
    ('<text:p>\n    <text:span text:style-name="T1">bold</text:span>\n    tail \n</text:p>',
     [("bold", True, False, None), (" tail", False, False, None)]),
    # a hyperlink, a field and a bookmark: their text is read where they stand
    ('<text:p><text:a xlink:href="http://x" xmlns:xlink="http://www.w3.org/1999/xlink">link</text:a> '
     '<text:bookmark text:name="b"/>on <text:date>1 мая</text:date></text:p>',
     [("link on 1 мая", False, False, None)]),
    # a footnote: a marker run citing it, its text in the notes
    ('<text:p>Дни городов<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
     '<text:note-body><text:p>Даты ОРИЕНТИРОВОЧНО</text:p></text:note-body></text:note></text:p>',
     [("Дни городов", False, False, None), ("1", False, True, "1")]),
    # a tracked deletion is not read; a comment is not text
    ('<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>gone</text:p>'
     '</text:deletion></text:changed-region></text:tracked-changes>'
     '<text:p>kept<text:change text:change-id="c1"/><office:annotation><text:p>comment</text:p>'
     '</office:annotation></text:p>',
     [("kept", False, False, None)]),
])
def test_runs_carry_the_formatting_the_styles_give(read, body, expected):
    document = read(body)
    assert [runs(block) for block in document.blocks] == [expected]


def test_notes_keep_their_citation_and_body(read):
    document = read(
        '<text:p>a<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        '<text:note-body><text:p>first</text:p><text:p>line two</text:p></text:note-body></text:note>'
        ' b<text:note text:note-class="endnote"><text:note-citation text:label="*">i</text:note-citation>'
        '<text:note-body><text:p>custom mark</text:p></text:note-body></text:note></text:p>')
    assert [(n.marker, n.text) for n in document.footnotes] == [("1", "first\nline two"), ("*", "custom mark")]
    assert document.blocks[0].markers == ("1", "*")


def test_headings_have_their_outline_level(read):
    document = read('<text:h text:outline-level="2">Раздел</text:h><text:h>Без уровня</text:h>'
                    '<text:p text:style-name="P1">Стиль</text:p>')
    assert [(b.text, b.heading_level, b.style) for b in document.blocks] == [
        ("Раздел", 2, None), ("Без уровня", 1, None), ("Стиль", None, "Heading Bold")]


def items(document) -> list[tuple[str, str | None, int, str | None]]:
    return [(b.text, b.list_kind, b.list_level, b.list_label) for b in document.blocks]


@pytest.mark.parametrize("body, expected", [
    ('<text:list text:style-name="L1"><text:list-item><text:p>one</text:p></text:list-item>'
     '<text:list-item><text:p>two</text:p><text:list><text:list-item><text:p>deep</text:p></text:list-item>'
     '</text:list></text:list-item></text:list>',
     [("one", "bullet", 0, "•"), ("two", "bullet", 0, "•"), ("deep", "bullet", 1, "•")]),
    ('<text:list text:style-name="L2"><text:list-item><text:p>a</text:p><text:p>more of a</text:p></text:list-item>'
     '<text:list-item><text:p>b</text:p><text:list><text:list-item><text:p>b1</text:p></text:list-item>'
     '<text:list-item><text:p>b2</text:p></text:list-item></text:list></text:list-item>'
     '<text:list-item><text:p>c</text:p></text:list-item></text:list>',
     [("a", "number", 0, "1."), ("more of a", "number", 0, None), ("b", "number", 0, "2."),
      ("b1", "number", 1, "2.1."), ("b2", "number", 1, "2.2."), ("c", "number", 0, "3.")]),
    # numbering continued by a later list, restarted by a start value, a header item unlabelled
    ('<text:list text:style-name="L2"><text:list-item><text:p>a</text:p></text:list-item></text:list>'
     '<text:p>between</text:p>'
     '<text:list text:style-name="L2" text:continue-numbering="true"><text:list-header><text:p>head</text:p>'
     '</text:list-header><text:list-item><text:p>b</text:p></text:list-item>'
     '<text:list-item text:start-value="7"><text:p>g</text:p></text:list-item></text:list>'
     '<text:list text:style-name="L2"><text:list-item><text:p>new</text:p></text:list-item></text:list>',
     [("a", "number", 0, "1."), ("between", None, 0, None), ("head", None, 0, None), ("b", "number", 0, "2."),
      ("g", "number", 0, "7."), ("new", "number", 0, "1.")]),
    # a list that names the list it continues (as Word writes ODT), across another list of its style
    ('<text:list xml:id="list1" text:style-name="L2"><text:list-item><text:p>a</text:p></text:list-item>'
     '<text:list-item><text:p>b</text:p></text:list-item></text:list>'
     '<text:list text:style-name="L2"><text:list-item><text:p>other</text:p></text:list-item></text:list>'
     '<text:list text:continue-list="list1" text:style-name="L2"><text:list-item><text:p>c</text:p>'
     '</text:list-item></text:list>',
     [("a", "number", 0, "1."), ("b", "number", 0, "2."), ("other", "number", 0, "1."), ("c", "number", 0, "3.")]),
    ('<text:list text:style-name="L3"><text:list-item><text:p>а</text:p></text:list-item>'
     '<text:list-item><text:p>б</text:p></text:list-item></text:list>'
     '<text:list text:style-name="L4"><text:list-item><text:p>four</text:p></text:list-item></text:list>',
     [("а", "number", 0, "а)"), ("б", "number", 0, "б)"), ("four", "number", 0, "(IV)")]),
    # a numbered paragraph whose producer stored the rendered number keeps that number
    ('<text:list text:style-name="L2"><text:list-item><text:p><text:number>9.</text:number>x</text:p>'
     '</text:list-item></text:list>',
     [("x", "number", 0, "9.")]),
])
def test_lists_have_their_kind_level_and_drawn_label(read, body, expected):
    assert items(read(body)) == expected


def grid(table: Table) -> list[list[tuple[str, int, int]]]:
    return [[(cell.text, cell.col_span, cell.row_span) for cell in row.cells] for row in table.rows]


def cell(text: str, attributes: str = "") -> str:
    return f'<table:table-cell {attributes}><text:p>{text}</text:p></table:table-cell>'


COVERED = "<table:covered-table-cell/>"
SPAN3 = 'table:number-columns-spanned="3"'
DOWN2 = 'table:number-rows-spanned="2"'
REPEAT2 = 'table:number-columns-repeated="2"'


def test_spanned_cells_appear_once_and_header_rows_are_marked(read):
    body = ('<table:table><table:table-column table:number-columns-repeated="3"/>'
            f'<table:table-header-rows><table:table-row>{cell("№")}{cell("Мероприятия")}{cell("Дата")}'
            '</table:table-row></table:table-header-rows>'
            f'<table:table-row>{cell("Раздел", SPAN3)}{COVERED}{COVERED}</table:table-row>'
            f'<table:table-row>{cell("1.")}{cell("Сессия", DOWN2)}{cell("май")}</table:table-row>'
            f'<table:table-row>{cell("")}<table:covered-table-cell><text:p>хвост</text:p></table:covered-table-cell>'
            f'{cell("июнь")}</table:table-row></table:table>')
    table = read(body).blocks[0]
    assert grid(table) == [
        [("№", 1, 1), ("Мероприятия", 1, 1), ("Дата", 1, 1)],
        [("Раздел", 3, 1)],
        [("1.", 1, 1), ("Сессия\nхвост", 1, 2), ("май", 1, 1)],  # a covered cell's text joins its owner
        [("", 1, 1), ("июнь", 1, 1)],
    ]
    assert [row.is_header for row in table.rows] == [True, False, False, False]


def test_repeated_cells_and_rows_and_nested_tables(read):
    body = ('<table:table><table:table-rows><table:table-row table:number-rows-repeated="2">'
            f'{cell("x", REPEAT2)}</table:table-row></table:table-rows>'
            f'<table:table-row><table:table-cell><table:table><table:table-row>{cell("inner")}{cell("table")}'
            '</table:table-row></table:table></table:table-cell></table:table-row></table:table>')
    assert grid(read(body).blocks[0]) == [[("x", 1, 1), ("x", 1, 1)], [("x", 1, 1), ("x", 1, 1)],
                                          [("inner\ntable", 1, 1)]]


def test_a_table_inside_a_list_item_holds_no_list_items(read):
    body = (f'<text:list text:style-name="L2"><text:list-item><text:p>item</text:p><table:table><table:table-row>'
            f'{cell("in a cell")}</table:table-row></table:table></text:list-item></text:list>')
    document = read(body)
    item = document.blocks[0]
    assert (item.text, item.list_kind, item.list_label) == ("item", "number", "1.")
    assert [(b.text, b.list_kind) for b in document.blocks[1].rows[0].cells[0].blocks] == [("in a cell", None)]


def test_sections_are_read_and_text_boxes_are_reported_as_skipped(read):
    document = read('<text:section text:name="S"><text:p>in a section</text:p></text:section>'
                    '<text:p>anchor<draw:frame><draw:text-box><text:p>boxed</text:p></draw:text-box></draw:frame></text:p>'
                    '<text:table-of-content><text:index-body><text:p>Раздел 1</text:p></text:index-body>'
                    '</text:table-of-content>')
    assert [b.text for b in document.blocks] == ["in a section", "anchor"]
    assert [w.code for w in document.warnings] == ["content_skipped"]


@pytest.mark.parametrize("make, data, problem", [
    (read_fodt, b'<?xml version="1.0"?><office:document', "damaged flat ODT: bad XML"),
    (read_fodt, b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><office:document '
                b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&a;</office:document>',
     "declares a DTD"),
    (read_fodt, flat("<text:p>x</text:p>").replace(b"<office:body>", b"<office:bodyx>")
     .replace(b"</office:body>", b"</office:bodyx>"), "no office:text body"),
    (read_odt, b"PK\x03\x04garbage", "not an ODT: not a zip archive"),
])
def test_damaged_files_are_one_line_errors(make, data, problem):
    with pytest.raises(IngestError, match=problem):
        make(data)


def test_a_package_without_content_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", ODT_MIMETYPE)
    with pytest.raises(IngestError, match="no content.xml"):
        read_odt(buffer.getvalue())


def test_a_zip_bomb_is_refused_from_the_directory():
    bomb = package("<text:p>x</text:p>", extra={"Pictures/big.xml": b"0" * (8 * 1024 * 1024)})
    with pytest.raises(IngestError, match="inflate .* over the 200x limit"):
        read_odt(bomb)


def test_hostile_counts_are_capped():
    document = read_fodt(flat('<text:p>a<text:s text:c="999999999999"/>b</text:p>'))
    assert document.blocks[0].text == "a" + " " * 1000 + "b"
    rows = ('<table:table><table:table-row table:number-rows-repeated="999999999">'
            '<table:table-cell table:number-columns-repeated="999999999"/></table:table-row></table:table>')
    with pytest.raises(IngestError, match="cell limit"):
        read_fodt(flat(rows), limits=Limits(max_table_cells=10_000))


def test_a_flat_odt_is_read_through_the_pipeline_not_as_text():
    table = ('<table:table><table:table-header-rows><table:table-row>'
             f'{cell("№ п/п")}{cell("Мероприятия")}{cell("Место, дата")}{cell("Примечание")}'
             '</table:table-row></table:table-header-rows>'
             f'<table:table-row>{cell("1.")}{cell("XXX сессия МАГ")}{cell("Москва, май")}{cell("")}</table:table-row>'
             '</table:table>')
    plan = ingest_bytes(flat('<text:p>План мероприятий на 2024 год</text:p>' + table), "plan.fodt")
    assert plan.source.format == "fodt"
    assert [(e.number, e.title, e.date.kind) for e in plan.events] == [(1, "XXX сессия МАГ", "month")]


@pytest.mark.parametrize("opening, closing", [
    ("<text:span>", "</text:span>"),
    ("<text:section>", "</text:section>"),
    ("<text:list><text:list-item>", "</text:list-item></text:list>"),
    ("<table:table><table:table-row><table:table-cell>", "</table:table-cell></table:table-row></table:table>"),
])
@pytest.mark.parametrize("depth", [60, 400])
def test_deep_nesting_is_read_or_refused_in_one_line(opening, closing, depth):
    inner = opening * depth + "<text:p>x</text:p>" + closing * depth
    if "span" in opening:
        inner = "<text:p>" + opening * depth + "x" + closing * depth + "</text:p>"
    try:
        document = read_fodt(flat(inner))
    except IngestError as error:  # past libxml2's 256 levels
        assert depth > 256 and "Excessive depth" in str(error) and "\n" not in str(error)
    else:
        assert depth < 256 and document.blocks


# ------------------------------------------------------------ the samples' own sources

SOURCES = sorted((SAMPLES / "src").glob("plan_*.fodt"))


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_every_hand_laid_sample_source_reads_as_its_year_reads_from_docx(source, expected_2024):
    """samples/src/ holds the flat ODTs the samples are converted from, under several layouts
    (place and date on one line or in two columns, a paragraph per line, no borders): read
    natively, each gives its year's records; the 2024 ones exactly the hand-written JSON."""
    plan = ingest_file(source)
    year = source.stem.split("_")[1]
    if year == "2024":
        for table in RECORD_TABLES:
            assert [comparable(r) for r in getattr(plan, table)] == expected_records(expected_2024, table)
        assert plan.footnotes == [Footnote(**note) for note in expected_2024["footnotes"]]
    else:
        docx = ingest_file(SAMPLES / f"plan_{year}.docx")
        assert plan.model_dump(exclude={"source"}) == docx.model_dump(exclude={"source"})


def test_a_large_embedded_picture_in_a_flat_odt_is_passed_over():
    # 10.7 MB of base64, over libxml2's limit for one text node: the document is still read
    picture = "QUJD" * 2_700_000
    body = (f'<text:p>План<draw:frame><draw:image><office:binary-data>{picture}</office:binary-data>'
            '</draw:image></draw:frame></text:p>')
    document = read_fodt(flat(body))
    assert [b.text for b in document.blocks] == ["План"] and not document.warnings
