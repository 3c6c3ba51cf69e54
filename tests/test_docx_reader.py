"""The DOCX reader: on the 2024 sample, and on small WordprocessingML cases.

The small cases are built here from XML snippets (``make_docx``) so that each
shows one behaviour; expected values are written by hand.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from parsers.errors import IngestError
from parsers.blocks import Footnote, Paragraph, ReaderWarning, Table
from parsers.readers.docx.reader import read_docx

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "plan_2024.docx"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# ------------------------------------------------------------ building DOCX files

PARTS = {  # part name → (relationship type, content type)
    "styles": ("styles", "styles"),
    "numbering": ("numbering", "numbering"),
    "footnotes": ("footnotes", "footnotes"),
    "endnotes": ("endnotes", "endnotes"),
    "settings": ("settings", "settings"),
}
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def make_docx(body: str = "", *, document: str | None = None, **parts: str) -> bytes:
    """A minimal DOCX: ``body`` inside w:body, plus optional parts' inner XML.

    ``parts`` keys: styles, numbering, footnotes, endnotes, settings; each value
    is the content of that part's root element.
    """
    roots = {"styles": "styles", "numbering": "numbering", "footnotes": "footnotes",
             "endnotes": "endnotes", "settings": "settings"}
    overrides = [f'<Override PartName="/word/document.xml" ContentType="{CT}.document.main+xml"/>']
    rels = []
    files = {}
    for index, (name, inner) in enumerate(parts.items(), start=1):
        reltype, content_type = PARTS[name]
        overrides.append(f'<Override PartName="/word/{name}.xml" ContentType="{CT}.{content_type}+xml"/>')
        rels.append(f'<Relationship Id="rId{index}" Type="{REL}/{reltype}" Target="{name}.xml"/>')
        files[f"word/{name}.xml"] = f'<w:{roots[name]} xmlns:w="{W_NS}">{inner}</w:{roots[name]}>'
    files["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + "".join(overrides) + "</Types>")
    files["_rels/.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
        "</Relationships>")
    files["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels) + "</Relationships>")
    files["word/document.xml"] = document if document is not None else (
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{REL}"><w:body>{body}</w:body></w:document>')
    return zip_files(files)


def zip_files(files: dict[str, str | bytes]) -> bytes:
    """Zip name → content."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def p(*content: str, ppr: str = "") -> str:
    """A paragraph; plain strings become runs, XML strings pass through."""
    inner = "".join(c if c.startswith("<") else r(c) for c in content)
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{inner}</w:p>"


def r(text: str, rpr: str = "") -> str:
    """A run with one w:t."""
    return f'<w:r>{"<w:rPr>" + rpr + "</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def tc(*paragraphs: str, tcpr: str = "") -> str:
    """A table cell (a cell needs at least one paragraph)."""
    return f"<w:tc>{'<w:tcPr>' + tcpr + '</w:tcPr>' if tcpr else ''}{''.join(paragraphs) or '<w:p/>'}</w:tc>"


def tr(*cells: str, trpr: str = "") -> str:
    """A table row."""
    return f"<w:tr>{'<w:trPr>' + trpr + '</w:trPr>' if trpr else ''}{''.join(cells)}</w:tr>"


def tbl(*rows: str) -> str:
    """A table."""
    return f"<w:tbl>{''.join(rows)}</w:tbl>"


def outline(document) -> list:
    """Blocks as hand-checkable values: a paragraph's text (list items prefixed
    "• " or "# ", headings "H<n> "), a table as rows of cell texts with
    " [cols x rows]" added to merged cells."""
    shown: list = []
    for block in document.blocks:
        if isinstance(block, Table):
            shown.append([[cell_outline(cell) for cell in row.cells] for row in block.rows])
        else:
            shown.append(paragraph_outline(block))
    return shown


def paragraph_outline(paragraph: Paragraph) -> str:
    """One paragraph as text with its list or heading prefix."""
    prefix = {"bullet": "• ", "number": "# ", None: ""}[paragraph.list_kind]
    if paragraph.list_level:
        prefix = "  " * paragraph.list_level + prefix
    if paragraph.heading_level:
        prefix = f"H{paragraph.heading_level} " + prefix
    return prefix + paragraph.text


def cell_outline(cell) -> str:
    """A cell's paragraphs joined by " / ", with its spans when merged."""
    text = " / ".join(paragraph_outline(b) for b in cell.blocks)
    return text if (cell.col_span, cell.row_span) == (1, 1) else f"{text} [{cell.col_span}x{cell.row_span}]"


# ------------------------------------------------------------ the 2024 sample

@pytest.fixture(scope="module")
def sample():
    """The 2024 sample made by samples/make_samples.py."""
    return read_docx(SAMPLE.read_bytes())


def tables(document) -> list[Table]:
    """The document's top-level tables."""
    return [block for block in document.blocks if isinstance(block, Table)]


def row_starting(table: Table, text: str):
    """The row whose first cell's text is ``text``, and the row after it."""
    for index, row in enumerate(table.rows):
        if row.cells and row.cells[0].text == text:
            return row, table.rows[index + 1] if index + 1 < len(table.rows) else None
    raise AssertionError(f"no row starting with {text!r}")


def test_sample_has_title_event_table_signatory_and_annex_in_order(sample):
    kinds = [type(block).__name__ for block in sample.blocks]
    assert kinds == ["Paragraph", "Table", "Paragraph", "Paragraph", "Table"]
    title = sample.blocks[0]
    assert title.text.split("\n") == [
        "Предложения в план мероприятий",
        "Международной Ассамблеи столиц и крупных городов (МАГ)",
        "на 2024 год",
    ]
    assert title.is_bold  # bold comes from the paragraph style, not the runs
    assert sample.blocks[2].text == "Исполнительный вице-президент,\nгенеральный директор МАГ"
    assert not sample.blocks[2].is_bold
    assert sample.blocks[3].text == "В.И. Селиванов" and sample.blocks[3].is_bold


def test_sample_header_row_repeats(sample):
    events = tables(sample)[0]
    assert events.rows[0].is_header
    assert [cell.text for cell in events.rows[0].cells] == ["№ п/п", "Мероприятия", "Место, дата", "Примечание"]
    assert not any(row.is_header for row in events.rows[1:])


def test_sample_section_heading_is_one_merged_bold_cell(sample):
    events = tables(sample)[0]
    (row,) = [row for row in events.rows if len(row.cells) == 1]
    (cell,) = row.cells
    assert cell.text == "Деятельность по информационному обеспечению городов-членов МАГ"
    assert (cell.col_span, cell.row_span) == (4, 1)
    assert cell.blocks[0].is_bold


@pytest.mark.parametrize("number, place_cell", [
    ("1.", ["Хабаровск", "май"]),
    ("10.", ["Волгоград", "31октябрь-1ноябрь"]),
    ("4.", ["по отдельному графику"]),
    ("16.", ["ежеквартал."]),
])
def test_sample_place_and_date_are_paragraphs_of_one_cell(sample, number, place_cell):
    row, _ = row_starting(tables(sample)[0], number)
    assert [block.text for block in row.cells[2].blocks] == place_cell


def test_sample_event_3_title_is_three_paragraphs(sample):
    row, _ = row_starting(tables(sample)[0], "3.")
    assert [block.text for block in row.cells[1].blocks] == [
        "Международный экономический Форум государств-участников Содружества Независимых Государств",
        "Круглый стол МАГ по тематике Умного города",
        "Итоги XVI Международного смотра-конкурса городских практик городов СНГ и ЕАЭС "
        "\"Город, где хочется жить\"",
    ]


def test_sample_row_12_and_its_continuation_hold_bullet_lists(sample):
    row, continuation = row_starting(tables(sample)[0], "12.")
    assert [paragraph_outline(b) for b in row.cells[1].blocks] == [
        "Участие в годовых собраниях межгородских объединений:", "• ОКМО", "• ВАРМСУ", "• АГП"]
    assert continuation.cells[0].is_empty
    assert [paragraph_outline(b) for b in continuation.cells[1].blocks] == [
        "• АГУ", "• АСДГ", "• СГЦСЗ России"]


def test_sample_number_cells_keep_their_dot(sample):
    events = tables(sample)[0]
    numbers = [row.cells[0].text for row in events.rows[1:] if len(row.cells) == 4 and not row.cells[0].is_empty]
    assert numbers == [f"{n}." for n in range(1, 20)]


def test_sample_jubilee_heading_cites_a_real_footnote(sample):
    annex = tables(sample)[1]
    heading = annex.rows[0].cells[0]
    assert heading.col_span == 4
    paragraph = heading.blocks[0]
    assert paragraph.main_text == "Юбилеи городов МАГ" and paragraph.is_bold
    assert paragraph.runs[-1].note == "1" and paragraph.runs[-1].superscript
    assert sample.footnotes == (Footnote("1", "Дни городов указаны ОРИЕНТИРОВОЧНО"),)


def test_sample_city_day_heading_has_a_typed_superscript_not_a_footnote(sample):
    annex = tables(sample)[1]
    (row,) = [row for row in annex.rows[1:] if len(row.cells) == 1]
    paragraph = row.cells[0].blocks[0]
    assert paragraph.main_text == "Дни городов-столиц членов МАГ"
    assert paragraph.runs[-1].text == "1" and paragraph.runs[-1].superscript
    assert paragraph.runs[-1].note is None
    assert paragraph.markers == ("1",)


def test_sample_reads_without_warnings(sample):
    assert sample.warnings == ()


# ------------------------------------------------------------ small cases: structure

STRUCTURE_CASES = {
    "vertical merge is one cell spanning rows": (
        tbl(tr(tc(p("A"), tcpr='<w:vMerge w:val="restart"/>'), tc(p("b1"))),
            tr(tc(tcpr="<w:vMerge/>"), tc(p("b2"))),
            tr(tc(tcpr='<w:vMerge w:val="continue"/>'), tc(p("b3")))),
        [[["A [1x3]", "b1"], ["b2"], ["b3"]]],
    ),
    "text in a continuation cell is kept in the merged cell": (
        tbl(tr(tc(p("top"), tcpr='<w:vMerge w:val="restart"/>')),
            tr(tc(p("stray"), tcpr="<w:vMerge/>"))),
        [[["top / stray [1x2]"], []]],
    ),
    "horizontal merge is one cell spanning columns": (
        tbl(tr(tc(p("Head"), tcpr='<w:gridSpan w:val="3"/>')),
            tr(tc(p("x")), tc(p("y")), tc(p("z")))),
        [[["Head [3x1]"], ["x", "y", "z"]]],
    ),
    "a block merged both ways is reported once": (
        tbl(tr(tc(p("M"), tcpr='<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>'), tc(p("c1"))),
            tr(tc(tcpr='<w:gridSpan w:val="2"/><w:vMerge/>'), tc(p("c2")))),
        [[["M [2x2]", "c1"], ["c2"]]],
    ),
    "grid before shifts the columns a vertical merge continues in": (
        tbl(tr(tc(p("a")), tc(p("B"), tcpr='<w:vMerge w:val="restart"/>')),
            tr(tc(tcpr="<w:vMerge/>"), trpr='<w:gridBefore w:val="1"/>')),
        [[["a", "B [1x2]"], []]],
    ),
    "a legacy horizontal merge (w:hMerge) is one cell spanning columns": (
        tbl(tr(tc(p("Раздел"), tcpr='<w:hMerge w:val="restart"/>'), tc(tcpr="<w:hMerge/>"),
               tc(tcpr='<w:hMerge w:val="continue"/>')),
            tr(tc(p("x"), tcpr='<w:hMerge w:val="restart"/>'), tc(p("y"), tcpr='<w:hMerge w:val="restart"/>'),
               tc(p("z")))),
        [[["Раздел [3x1]"], ["x", "y", "z"]]],
    ),
    "a horizontally merged cell continues a vertical merge below it": (
        tbl(tr(tc(p("A"), tcpr='<w:hMerge w:val="restart"/><w:vMerge w:val="restart"/>'),
               tc(tcpr="<w:hMerge/>"), tc(p("c1"))),
            tr(tc(tcpr="<w:vMerge/>"), tc(tcpr="<w:vMerge/>"), tc(p("c2")))),
        [[["A [2x2]", "c1"], ["c2"]]],
    ),
    "a tracked cell deletion drops the cell": (
        tbl(tr(tc(p("1.")), tc(p("удалено"), tcpr="<w:cellDel w:id='1' w:author='a'/>"), tc(p("Сессия")))),
        [[["1.", "Сессия"]]],
    ),
    "a nested table becomes paragraphs of its cell": (
        tbl(tr(tc(p("intro"), tbl(tr(tc(p("n1")), tc(p("n2")))), p("after")), tc(p("right")))),
        [[["intro / n1 / n2 / after", "right"]]],
    ),
    "content controls are read at block, row, cell and run level": (
        "<w:sdt><w:sdtPr/><w:sdtContent>" + p("block") + "</w:sdtContent></w:sdt>"
        + p(r("run "), "<w:sdt><w:sdtContent>" + r("control") + "</w:sdtContent></w:sdt>")
        + tbl("<w:sdt><w:sdtContent>" + tr(tc(p("row")),
              "<w:sdt><w:sdtContent>" + tc(p("cell")) + "</w:sdtContent></w:sdt>")
              + "</w:sdtContent></w:sdt>"),
        ["block", "run control", [["row", "cell"]]],
    ),
    "a content control's placeholder is not content, at block and run level": (
        "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>" + p("Место для ввода текста.")
        + "</w:sdtContent></w:sdt>"
        + p(r("date: "), "<w:sdt><w:sdtPr><w:showingPlcHdr/><w:date/></w:sdtPr><w:sdtContent>"
            + r("Click or tap to enter a date.") + "</w:sdtContent></w:sdt>")
        + p(r("filled: "), '<w:sdt><w:sdtPr><w:showingPlcHdr w:val="0"/></w:sdtPr><w:sdtContent>'
            + r("Москва") + "</w:sdtContent></w:sdt>"),
        ["date: ", "filled: Москва"],
    ),
    "a placeholder in a cell empties the cell, never the row of its columns": (
        tbl(tr(tc(p("1.")), tc("<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
                               + p("Введите название") + "</w:sdtContent></w:sdt>"), tc(p("Москва")))),
        [[["1.", "", "Москва"]]],
    ),
    "tracked insertions are read, deletions are not": (
        p(r("Keep "), "<w:ins w:id='1' w:author='a'>" + r("added") + "</w:ins>",
          "<w:del w:id='2' w:author='a'><w:r><w:delText>removed</w:delText></w:r></w:del>"),
        ["Keep added"],
    ),
    "a deletion is skipped whole, even text not marked as deleted text": (
        p(r("Keep"), "<w:del w:id='2' w:author='a'>" + r(" removed") + "</w:del>"),
        ["Keep"],
    ),
    "moved text is read where it went, not where it was": (
        p("<w:moveFrom w:id='1' w:author='a'>" + r("old place ") + "</w:moveFrom>",
          r("text"), "<w:moveTo w:id='2' w:author='a'>" + r(" new place") + "</w:moveTo>"),
        ["text new place"],
    ),
    "a tracked row deletion drops the row": (
        tbl(tr(tc(p("kept"))), tr(tc(p("gone")), trpr="<w:del w:id='1' w:author='a'/>")),
        [[["kept"]]],
    ),
    "a tracked row insertion keeps the row": (
        tbl(tr(tc(p("old"))), tr(tc(p("new")), trpr="<w:ins w:id='1' w:author='a'/>")),
        [[["old"], ["new"]]],
    ),
    "formatting before a tracked change (w:pPrChange, w:rPrChange) is not the formatting": (
        p(r("x", rpr="<w:rPrChange w:id='1' w:author='a'><w:rPr><w:vanish/></w:rPr></w:rPrChange>"),
          ppr="<w:pPrChange w:id='2' w:author='a'><w:pPr><w:outlineLvl w:val='0'/></w:pPr></w:pPrChange>"),
        ["x"],
    ),
    "hyperlink, smart tag and simple field text is read": (
        p(r("see "), '<w:hyperlink r:id="rId9">' + r("the portal") + "</w:hyperlink>",
          '<w:smartTag w:element="City">' + r(" Москва") + "</w:smartTag>",
          '<w:fldSimple w:instr="PAGE">' + r(" 7") + "</w:fldSimple>"),
        ["see the portal Москва 7"],
    ),
    "a complex field shows its result, not its instruction": (
        p(r("page "), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
          '<w:r><w:instrText> PAGE </w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', r("3"),
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
        ["page 3"],
    ),
    "line, page and column breaks and carriage returns are newlines": (
        p("<w:r><w:t>one</w:t><w:br/><w:t>two</w:t><w:cr/><w:t>three</w:t>"
          '<w:br w:type="page"/><w:t>four</w:t><w:br w:type="column"/><w:t>five</w:t></w:r>'),
        ["one\ntwo\nthree\nfour\nfive"],
    ),
    "a page break mid-sentence never glues two words; before any text it is nothing": (
        p(r("г. Москва"), '<w:r><w:br w:type="page"/></w:r>', r("май")) + p('<w:r><w:br w:type="page"/></w:r>')
        + p('<w:r><w:br w:type="page"/><w:t>Юбилеи</w:t></w:r>'),
        ["г. Москва\nмай", "Юбилеи"],
    ),
    "a soft hyphen is not text, a non-breaking hyphen is a hyphen": (
        p("<w:r><w:t>Санкт</w:t><w:noBreakHyphen/><w:t>Петер</w:t><w:softHyphen/><w:t>бург</w:t></w:r>"),
        ["Санкт-Петербург"],
    ),
    "bookmarks, proofing marks, permissions and nested custom XML hold no text of their own": (
        '<w:customXml w:element="plan"><w:customXml w:element="event">'
        + p(r("Се"), '<w:permStart w:id="1" w:edGrp="everyone"/><w:bookmarkStart w:id="0" w:name="_Toc1"/>'
                     '<w:proofErr w:type="spellStart"/>', r("ссия"), '<w:proofErr w:type="spellEnd"/>'
                     '<w:bookmarkEnd w:id="0"/><w:permEnd w:id="1"/>',
            '<w:customXml w:element="city"><w:smartTag w:element="place">' + r(" МАГ") + "</w:smartTag></w:customXml>")
        + "</w:customXml></w:customXml>",
        ["Сессия МАГ"],
    ),
    "tabs are kept": (
        p("<w:r><w:t>left</w:t><w:tab/><w:t>right</w:t></w:r>"),
        ["left\tright"],
    ),
    "hidden text is not read": (
        p(r("seen"), r(" unseen", rpr="<w:vanish/>")),
        ["seen"],
    ),
    "empty paragraphs are dropped": (
        p() + p(r("  ")) + p("text") + "<w:p><w:r><w:br/></w:r></w:p>",
        ["text"],
    ),
}


@pytest.mark.parametrize("body, expected", STRUCTURE_CASES.values(), ids=STRUCTURE_CASES.keys())
def test_structure(body, expected):
    assert outline(read_docx(make_docx(body))) == expected


def test_merged_cells_are_not_duplicated_in_rows():
    body = tbl(tr(tc(p("A"), tcpr='<w:vMerge w:val="restart"/>'), tc(p("b1"))),
               tr(tc(tcpr="<w:vMerge/>"), tc(p("b2"))))
    (table,) = read_docx(make_docx(body)).blocks
    assert [len(row.cells) for row in table.rows] == [2, 1]
    assert table.rows[0].cells[0].row_span == 2


@pytest.mark.parametrize("trpr, is_header", [
    ("<w:tblHeader/>", True),
    ('<w:tblHeader w:val="true"/>', True),
    ('<w:tblHeader w:val="0"/>', False),
    ("", False),
])
def test_header_row_from_tbl_header(trpr, is_header):
    (table,) = read_docx(make_docx(tbl(tr(tc(p("h")), trpr=trpr), tr(tc(p("b")))))).blocks
    assert [row.is_header for row in table.rows] == [is_header, False]


# ------------------------------------------------------------ small cases: formatting

STYLES = """
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Strong"><w:name w:val="Strong Para"/><w:basedOn w:val="Normal"/>
  <w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="StrongChild"><w:name w:val="Strong Child"/><w:basedOn w:val="Strong"/></w:style>
<w:style w:type="character" w:styleId="Emph"><w:name w:val="Emph"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Sup"><w:name w:val="Sup"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="a2"><w:name w:val="Заголовок 2"/></w:style>
<w:style w:type="paragraph" w:styleId="Custom3"><w:name w:val="My Heading"/>
  <w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="BodyOutline"><w:name w:val="Body"/>
  <w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/>
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
"""

RUN_CASES = {
    "direct bold": (p(r("b", rpr="<w:b/>")), [("b", True, False)]),
    "bold off by val 0": (p(r("x", rpr='<w:b w:val="0"/>')), [("x", False, False)]),
    "bold off by val false": (p(r("x", rpr='<w:b w:val="false"/>')), [("x", False, False)]),
    "bold on by val 1": (p(r("x", rpr='<w:b w:val="1"/>')), [("x", True, False)]),
    "bold from the paragraph style": (p("x", ppr='<w:pStyle w:val="Strong"/>'), [("x", True, False)]),
    "bold from the style the paragraph style is based on": (
        p("x", ppr='<w:pStyle w:val="StrongChild"/>'), [("x", True, False)]),
    "direct bold off beats the paragraph style": (
        p(r("x", rpr='<w:b w:val="0"/>'), ppr='<w:pStyle w:val="Strong"/>'), [("x", False, False)]),
    "bold from the character style": (p(r("x", rpr='<w:rStyle w:val="Emph"/>')), [("x", True, False)]),
    "superscript": (p(r("МАГ"), r("1", rpr='<w:vertAlign w:val="superscript"/>')),
                    [("МАГ", False, False), ("1", False, True)]),
    "superscript from the character style": (
        p(r("1", rpr='<w:rStyle w:val="Sup"/>')), [("1", False, True)]),
    "subscript is not superscript": (
        p(r("2", rpr='<w:vertAlign w:val="subscript"/>')), [("2", False, False)]),
    "alike runs merge": (p(r("a"), r("b"), r("c", rpr="<w:b/>")), [("ab", False, False), ("c", True, False)]),
}


@pytest.mark.parametrize("body, runs", RUN_CASES.values(), ids=RUN_CASES.keys())
def test_run_formatting(body, runs):
    (paragraph,) = read_docx(make_docx(body, styles=STYLES)).blocks
    assert [(run.text, run.bold, run.superscript) for run in paragraph.runs] == runs


HEADING_CASES = {
    "English heading style name": ('<w:pStyle w:val="Heading1"/>', 1),
    "Russian heading style name": ('<w:pStyle w:val="a2"/>', 2),
    "outline level in the style": ('<w:pStyle w:val="Custom3"/>', 3),
    "direct outline level": ('<w:outlineLvl w:val="0"/>', 1),
    "outline level 9 is body text": ('<w:pStyle w:val="BodyOutline"/>', None),
    "plain paragraph": ("", None),
}


@pytest.mark.parametrize("ppr, level", HEADING_CASES.values(), ids=HEADING_CASES.keys())
def test_heading_level(ppr, level):
    (paragraph,) = read_docx(make_docx(p("x", ppr=ppr), styles=STYLES)).blocks
    assert paragraph.heading_level == level


def test_paragraph_style_name_is_reported():
    (paragraph,) = read_docx(make_docx(p("x", ppr='<w:pStyle w:val="a2"/>'), styles=STYLES)).blocks
    assert paragraph.style == "Заголовок 2"


# ------------------------------------------------------------ small cases: lists

NUMBERING = """
<w:abstractNum w:abstractNumId="10">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
  <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="20">
  <w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl>
  <w:lvl w:ilvl="1"><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl>
  <w:lvl w:ilvl="2"><w:numFmt w:val="none"/><w:lvlText w:val="–"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="20"/>
  <w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:lvlOverride></w:num>
"""


def num_pr(num_id: str, ilvl: str | None = None) -> str:
    """A w:numPr."""
    level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    return f'<w:numPr>{level}<w:numId w:val="{num_id}"/></w:numPr>'


LIST_CASES = {
    "bullet level": (num_pr("1", "0"), "bullet", 0),
    "numbered second level": (num_pr("1", "1"), "number", 1),
    "decimal list": (num_pr("2"), "number", 0),
    "level override turns a number into a bullet": (num_pr("3", "0"), "bullet", 0),
    "list from the paragraph style": ('<w:pStyle w:val="ListBullet"/>', "bullet", 0),
    "level from the paragraph, list from the style": (
        '<w:pStyle w:val="ListBullet"/>' + '<w:numPr><w:ilvl w:val="1"/></w:numPr>', "number", 1),
    "numId 0 removes the style's list": ('<w:pStyle w:val="ListBullet"/>' + num_pr("0"), None, 0),
    "a level that shows nothing is not a list item": (num_pr("2", "1"), None, 0),
    "a level with a typed label is a bullet": (num_pr("2", "2"), "bullet", 2),
    "an unknown list is not a list item": (num_pr("99"), None, 0),
}


@pytest.mark.parametrize("ppr, kind, level", LIST_CASES.values(), ids=LIST_CASES.keys())
def test_list_items(ppr, kind, level):
    body = tbl(tr(tc(p("item", ppr=ppr))))
    (table,) = read_docx(make_docx(body, styles=STYLES, numbering=NUMBERING)).blocks
    (paragraph,) = table.rows[0].cells[0].blocks
    assert (paragraph.list_kind, paragraph.list_level) == (kind, level)
    assert paragraph.text == "item"


# ------------------------------------------------------------ small cases: notes

FOOTNOTES = """
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>
  <w:r><w:t xml:space="preserve"> First note</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Second</w:t></w:r></w:p>
  <w:p><w:r><w:t>note</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="3"><w:p><w:r><w:t>Starred note</w:t></w:r></w:p></w:footnote>
"""
ENDNOTES = """
<w:endnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>
<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>An endnote</w:t></w:r></w:p></w:endnote>
"""
SUP = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'


def footnote_ref(note_id: str, custom: bool = False) -> str:
    """A run citing footnote ``note_id``."""
    mark = ' w:customMarkFollows="1"' if custom else ""
    return f'<w:r>{SUP}<w:footnoteReference{mark} w:id="{note_id}"/></w:r>'


def test_footnote_references_become_marker_runs_numbered_in_order():
    body = p(r("Юбилеи"), footnote_ref("2")) + p(r("Дни"), footnote_ref("1"))
    document = read_docx(make_docx(body, footnotes=FOOTNOTES))
    first, second = document.blocks
    assert first.runs[-1].text == "1" and first.runs[-1].note == "1" and first.runs[-1].superscript
    assert second.markers == ("2",) and second.main_text == "Дни"
    assert document.footnotes == (Footnote("1", "Second\nnote"), Footnote("2", "First note"))


def test_custom_footnote_mark_is_the_text_that_follows():
    body = p(r("Starred"), f'<w:r>{SUP}<w:footnoteReference w:customMarkFollows="1" w:id="3"/>'
             '<w:t>*</w:t></w:r>', r(" then"), footnote_ref("1"))
    document = read_docx(make_docx(body, footnotes=FOOTNOTES))
    (paragraph,) = document.blocks
    assert [(run.text, run.note) for run in paragraph.runs] == [
        ("Starred", None), ("*", "*"), (" then", None), ("1", "1")]
    assert document.footnotes == (Footnote("*", "Starred note"), Footnote("1", "First note"))


def test_custom_mark_that_is_a_symbol_is_the_symbol_it_draws():
    body = p(r("Sym"), f'<w:r>{SUP}<w:footnoteReference w:customMarkFollows="1" w:id="3"/>'
             '<w:sym w:font="Symbol" w:char="F02A"/></w:r>')
    document = read_docx(make_docx(body, footnotes=FOOTNOTES))
    assert document.blocks[0].markers == ("*",)
    assert document.footnotes == (Footnote("*", "Starred note"),)
    assert document.warnings == ()


def test_custom_mark_that_is_not_text_is_cited_as_a_star():
    body = p(r("Pic"), f'<w:r>{SUP}<w:footnoteReference w:customMarkFollows="1" w:id="3"/>'
             '<w:drawing/></w:r>')
    document = read_docx(make_docx(body, footnotes=FOOTNOTES))
    assert document.blocks[0].markers == ("*",)
    assert document.footnotes == (Footnote("*", "Starred note"),)
    assert [w.code for w in document.warnings] == ["note_mark_unread"]


def test_endnotes_are_numbered_in_roman_by_default():
    body = p(r("See"), f'<w:r>{SUP}<w:endnoteReference w:id="1"/></w:r>')
    document = read_docx(make_docx(body, endnotes=ENDNOTES))
    assert document.blocks[0].markers == ("i",)
    assert document.footnotes == (Footnote("i", "An endnote"),)


def test_note_numbering_format_from_settings():
    settings = '<w:footnotePr><w:numFmt w:val="lowerLetter"/><w:numStart w:val="2"/></w:footnotePr>'
    body = p(r("x"), footnote_ref("1"))
    document = read_docx(make_docx(body, footnotes=FOOTNOTES, settings=settings))
    assert document.footnotes == (Footnote("b", "First note"),)


def test_missing_footnote_is_a_warning_not_an_error():
    document = read_docx(make_docx(p(r("x"), footnote_ref("42")), footnotes=FOOTNOTES))
    assert document.blocks[0].markers == ("1",)
    assert document.footnotes == ()
    assert document.warnings == (ReaderWarning("note_missing", "footnote 1 cited but not found in the file"),)


# ------------------------------------------------------------ pages

def test_pages_follow_word_rendered_page_breaks():
    body = (p("one") + p("<w:r><w:lastRenderedPageBreak/><w:t>two</w:t></w:r>")
            + tbl(tr(tc(p("a")), tc(p("b"))),
                  tr(tc(p("<w:r><w:lastRenderedPageBreak/><w:t>c</w:t></w:r>")),
                     tc(p("<w:r><w:lastRenderedPageBreak/><w:t>d</w:t></w:r>")))) + p("three"))
    document = read_docx(make_docx(body))
    one, two, table, three = document.blocks
    assert (one.page, two.page, three.page) == (1, 2, 3)
    assert [row.page for row in table.rows] == [2, 3]  # one break per row, however many cells


def test_pages_are_unknown_without_rendered_breaks():
    document = read_docx(make_docx(p("one") + p('<w:r><w:br w:type="page"/><w:t>two</w:t></w:r>')))
    assert [block.page for block in document.blocks] == [None, None]


# ------------------------------------------------------------ damaged input

def without(data: bytes, name: str) -> bytes:
    """The archive minus one member."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return zip_files({i.filename: source.read(i.filename) for i in source.infolist() if i.filename != name})


GOOD = make_docx(p("x"), footnotes=FOOTNOTES)
ERROR_CASES = {
    "not a zip": (b"%PDF-1.7 not a docx", "not a DOCX: not a zip archive"),
    "empty file": (b"", "not a DOCX: not a zip archive"),
    "truncated zip": (GOOD[: len(GOOD) // 2], "not a DOCX: not a zip archive"),
    "zip that is no Office file": (zip_files({"readme.txt": "hi"}), "not a DOCX: no [Content_Types].xml"),
    "no main document relationship": (without(GOOD, "_rels/.rels"), "not a DOCX: no main document part"),
    "no word/document.xml": (without(GOOD, "word/document.xml"), "not a DOCX: no word/document.xml"),
    "bad XML in the document": (make_docx(document="<w:document"), "damaged DOCX"),
    "bad XML in the footnotes": (make_docx(p("x"), footnotes="<w:footnote>"), "damaged DOCX: bad XML in word/footnotes.xml"),
    "main part is not a Word document": (make_docx(document="<sheet/>"), "not a DOCX: main part is"),
}


@pytest.mark.parametrize("data, message", ERROR_CASES.values(), ids=ERROR_CASES.keys())
def test_damaged_input_raises_ingest_error(data, message):
    with pytest.raises(IngestError) as caught:
        read_docx(data)
    assert caught.value.message.startswith(message)
    assert "\n" not in caught.value.message


def doctype(root: str, secret: Path) -> str:
    """A DOCTYPE declaring an external entity (a local file) and an internal one."""
    return (f'<!DOCTYPE {root} [<!ENTITY ext SYSTEM "{secret.as_uri()}">'
            '<!ENTITY big "EXPANDED">]>')


def test_entities_in_the_document_part_are_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    document = (doctype("w:document", secret) + f'<w:document xmlns:w="{W_NS}"><w:body>'
                f'{p(r("a&ext;b&big;c"))}</w:body></w:document>')
    with pytest.raises(IngestError, match="word/document.xml declares a DTD"):
        read_docx(make_docx(document=document))


def test_entities_in_other_parts_are_refused_too(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    data = make_docx(p(r("x"), footnote_ref("1")), footnotes="")
    source = zipfile.ZipFile(io.BytesIO(data))
    files = {name: source.read(name) for name in source.namelist()}
    files["word/footnotes.xml"] = (
        doctype("w:footnotes", secret) + f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:id="1">'
        f'<w:p>{r("a&ext;b&big;c")}</w:p></w:footnote></w:footnotes>')
    with pytest.raises(IngestError, match="word/footnotes.xml declares a DTD") as caught:
        read_docx(zip_files(files))
    assert "SECRET" not in str(caught.value)


# ------------------------------------------------------------ spans that lie

SPAN = '<w:gridSpan w:val="1000"/>'


def test_a_span_past_the_table_grid_ends_at_the_grid():
    """Word's grid (w:tblGrid) bounds a cell's span, as a browser ends a rowspan at the last row."""
    grid = "<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
    body = tbl(tr(tc(p(r("№"))), tc(p(r("a")), tcpr=SPAN))).replace("<w:tbl>", "<w:tbl>" + grid, 1)
    table, = tables(read_docx(make_docx(body)))
    assert [cell.col_span for cell in table.rows[0].cells] == [1, 2]


def test_the_grid_a_docx_table_spans_is_counted_while_it_is_read():
    """2,000 cells spanning 1,000 columns each: refused as read, before any grid is laid out."""
    from parsers.limits import Limits

    body = tbl(*(tr(*(tc(p(r("x")), tcpr=SPAN) for _ in range(20))) for _ in range(100)))
    with pytest.raises(IngestError, match="span 1001000 grid cells"):
        read_docx(make_docx(body), Limits(max_table_cells=1_000_000))


def test_a_table_in_a_cell_does_not_bound_the_spans_of_the_table_around_it():
    narrow = tbl(tr(tc(p(r("x"))))).replace("<w:tbl>", "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>", 1)
    grid = "<w:tblGrid>" + "<w:gridCol/>" * 4 + "</w:tblGrid>"
    body = tbl(tr(tc(p(r("№")), narrow), tc(p(r("a")), tcpr='<w:gridSpan w:val="3"/>'))).replace(
        "<w:tbl>", "<w:tbl>" + grid, 1)
    outer = tables(read_docx(make_docx(body)))[0]
    assert [cell.col_span for cell in outer.rows[0].cells] == [1, 3]


# ------------------------------------------------------------ Strict Open XML

# What Word's "Strict Open XML Document" changes: every namespace and relationship type,
# in the ISO/IEC 29500 Strict spelling; element names, content types and the package's
# own namespaces stay.
STRICT_SPELLING = {
    W_NS: "http://purl.oclc.org/ooxml/wordprocessingml/main",
    REL: "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "http://schemas.openxmlformats.org/drawingml/2006/": "http://purl.oclc.org/ooxml/drawingml/",
}


def strict(data: bytes) -> bytes:
    """The package ``data`` as Word saves it in Strict Open XML."""
    source = zipfile.ZipFile(io.BytesIO(data))
    files = {}
    for name in source.namelist():
        text = source.read(name).decode()
        for transitional, strict_spelling in STRICT_SPELLING.items():
            text = text.replace(transitional, strict_spelling)
        files[name] = text
    return zip_files(files)


def test_a_strict_open_xml_document_reads_as_its_transitional_twin():
    chart = ('<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
             'wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
             '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/></a:graphic>'
             "</wp:inline></w:drawing></w:r>")
    body = (p("План", ppr='<w:pStyle w:val="Heading1"/>')
            + tbl(tr(tc(p(ppr=num_pr("2"))), tc(p(r("Сессия", rpr="<w:b/>"), footnote_ref("1"))))
                  , tr(tc(p(ppr=num_pr("2"))), tc(p("Форум", chart)))))
    transitional = make_docx(body, styles=STYLES, numbering=NUMBERING, footnotes=FOOTNOTES)
    expected = read_docx(transitional)
    assert outline(expected) == ["H1 План", [["# ", "Сессия1"], ["# ", "Форум"]]]
    assert [w.code for w in expected.warnings] == ["content_skipped"]
    assert read_docx(strict(transitional)) == expected


PLACEHOLDER_STYLES = '<w:style w:type="character" w:styleId="a3"><w:name w:val="Placeholder Text"/></w:style>'


def control(*runs: str) -> str:
    return "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>" + "".join(runs) + "</w:sdtContent></w:sdt>"


@pytest.mark.parametrize("runs, warned", [
    # Word's own prompt, in its Placeholder Text style (a Russian Word names the style's id "a3")
    ('<w:r><w:rPr><w:rStyle w:val="a3"/></w:rPr><w:t>Место для ввода текста.</w:t></w:r>', False),
    # a generator filled the control and left the flag on: left out as Word would, but warned, whole
    (r("Москва, 12 марта"), True),
])
def test_a_placeholder_is_left_out_and_a_filled_one_is_warned_of(runs, warned):
    document = read_docx(make_docx(p(r("Место: "), control(runs)), styles=PLACEHOLDER_STYLES))
    assert outline(document) == ["Место: "]
    messages = [w.message for w in document.warnings if w.code == "content_skipped"]
    assert messages == ([
        'a content control marked as showing its placeholder left out: "Москва, 12 марта" (not in the '
        "Placeholder Text style: if it is content, the control's placeholder flag is wrong)"] if warned else [])
