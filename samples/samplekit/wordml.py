"""Write a laid-out plan (``doc.Document``) as a DOCX the way Microsoft Word writes one.

LibreOffice's DOCX export is tidy: one run per formatting, typed numbers, no revision
marks. Word's files are not, and that is what most plans arriving by e-mail are. This
writer reproduces what Word 2016 (Russian locale) puts in a file:

- revision ids (``w:rsidR``, ``w:rsidRDefault``, ``w:rsidP``, ``w:rsidTr``) on paragraphs,
  runs and rows, listed in settings.xml's ``w:rsids``; ``w14:paraId``/``w14:textId``;
- runs split mid-word where an edit session ended, and ``w:proofErr`` marks around words
  the speller does not know (abbreviations such as "МАГ");
- ``w:lastRenderedPageBreak`` where Word's last layout started a page (a table row that
  continues an event cut by a page break);
- the header row repeated through ``w:tblHeader``; section headings and annex headings
  as one cell with ``w:gridSpan``;
- the "№ п/п" column as Word's automatic numbering: empty "List Paragraph" paragraphs with
  ``w:numPr`` and a ``%1.`` level in numbering.xml ("Restart numbering" as a new ``w:num``
  with ``w:startOverride``); bullets through ``w:numPr`` too, the bullet a Symbol-font
  character (U+F0B7);
- a real footnote (footnotes.xml with its separator and continuation separator notes),
  cited through the "footnote reference" character style;
- styles.xml with Russian Word's style ids ("a" Normal, "a3" Table Grid, "a4" List
  Paragraph, "a5"/"a7" footnote text/reference), numbering.xml with Word's nine-level
  hybrid lists, settings.xml, webSettings.xml, fontTable.xml and docProps.

Everything is deterministic: ids come from the text (CRC-32), zip times are pinned.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.sax.saxutils import escape, quoteattr

from samplekit.doc import (BulletList, Cell, Document, LineBreak, ListNumber, Note, Para, Row, Table, Text,
                           is_empty_number)

TWIPS_PER_CM = 567
FIXED_TIME = "2024-01-15T09:30:00Z"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument"
NAMESPACES = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    f'xmlns:r="{R}" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    f'xmlns:w="{W}" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="w14 w15 wp14"'
)

# Edit sessions: the first is the document's root (settings.xml w:rsidRoot).
RSIDS = ("00A31F6C", "0012448B", "003D7E52", "005B19A4", "00C86F03", "00E2093D")
# Russian Word's ids for the built-in styles this document uses.
NORMAL, TABLE_GRID, LIST_PARAGRAPH, FOOTNOTE_TEXT, FOOTNOTE_REFERENCE = "a", "a3", "a4", "a5", "a7"
# w:num ids: the event numbers, the bullets, the annex numbers, the annex restarted.
LIST_NUMS = {("events", False): 1, ("events", True): 1, ("annex", False): 3, ("annex", True): 4}
BULLETS = 2
SPELLER_UNKNOWN = 3  # an all-capital word this long is an abbreviation the speller flags


def crc(*parts: str) -> int:
    """A stable number from text (Python's hash() changes from run to run)."""
    return zlib.crc32("\x1f".join(parts).encode("utf-8"))


def rsid(*parts: str) -> str:
    """The edit session a piece of text was typed in."""
    return RSIDS[crc(*parts) % len(RSIDS)]


def attrs(**values) -> str:
    """XML attributes from keyword arguments (``w_val`` → ``w:val``)."""
    return "".join(f" {name.replace('_', ':', 1)}={quoteattr(str(value))}"
                   for name, value in values.items() if value is not None)


# ---------------------------------------------------------------- runs

def run(text: str, rpr: str, session: str) -> str:
    """One w:r holding text (spaces kept)."""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r{attrs(w_rsidR=session)}>{props}<w:t{space}>{escape(text)}</w:t></w:r>'


def text_runs(text: str, rpr: str, where: str) -> str:
    """Text as Word stores it after some editing: split where an edit session ended (often
    mid-word), abbreviations wrapped in proofing marks."""
    out: list[str] = []
    for piece, flagged in speller_pieces(text):
        if flagged:
            out.append('<w:proofErr w:type="spellStart"/>' + run(piece, rpr, rsid(where, piece))
                       + '<w:proofErr w:type="spellEnd"/>')
            continue
        cut = session_cut(piece, where)
        if cut:
            out.append(run(piece[:cut], rpr, rsid(where, piece, "a")))
            out.append(run(piece[cut:], rpr, rsid(where, piece, "b")))
        else:
            out.append(run(piece, rpr, rsid(where, piece)))
    return "".join(out)


def speller_pieces(text: str) -> list[tuple[str, bool]]:
    """The text cut around the words the speller flags: (piece, flagged)."""
    pieces: list[tuple[str, bool]] = []
    plain = ""
    words = text.split(" ")
    for index, word in enumerate(words):
        space = " " if index < len(words) - 1 else ""
        if len(word) >= SPELLER_UNKNOWN and word.isalpha() and word.isupper():
            if plain:
                pieces.append((plain, False))
            pieces.append((word, True))
            plain = space
        else:
            plain += word + space
    if plain:
        pieces.append((plain, False))
    return pieces


def session_cut(text: str, where: str) -> int:
    """Where a long run is split into two sessions (0: not split); often inside a word."""
    if len(text) < 16:
        return 0
    return 4 + crc(where, text) % (len(text) - 8)


def inline_runs(inlines, rpr_of, where: str, footnotes: list[str]) -> str:
    """A paragraph's inlines as runs: text, line breaks, footnote references."""
    out: list[str] = []
    for inline in inlines:
        if isinstance(inline, Text):
            out.append(text_runs(inline.text, rpr_of(inline), where))
        elif isinstance(inline, LineBreak):
            out.append(f'<w:r{attrs(w_rsidR=rsid(where, "br"))}><w:br/></w:r>')
        elif isinstance(inline, Note):
            footnotes.append(inline.body)
            out.append(f'<w:r{attrs(w_rsidR=rsid(where, "note"))}><w:rPr><w:rStyle w:val="{FOOTNOTE_REFERENCE}"/>'
                       f'<w:b/></w:rPr><w:footnoteReference w:id="{len(footnotes)}"/></w:r>')
        else:
            raise TypeError(f"no Word writer for {inline!r}")
    return "".join(out)


def text_rpr(text: Text) -> str:
    """The run properties Word writes for a piece of text."""
    return ("<w:b/>" if text.bold else "") + (
        '<w:vertAlign w:val="superscript"/>' if text.superscript else "")


# ---------------------------------------------------------------- paragraphs

def paragraph(ppr: str, content: str, where: str, page_break: bool = False) -> str:
    """A w:p with Word's revision ids; ``page_break`` puts Word's rendered page break in
    its first run."""
    if page_break and "<w:r " in content:
        head, tail = content.split("<w:t", 1)
        content = head + "<w:lastRenderedPageBreak/><w:t" + tail
    ids = attrs(w14_paraId=f"{crc(where, 'p') & 0x7FFFFFFF:08X}", w14_textId="77777777",
                w_rsidR=rsid(where, "p"), w_rsidRDefault=rsid(where, "p"), w_rsidP=rsid(where, "pp"))
    return f"<w:p{ids}>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{content}</w:p>"


def para_xml(para: Para, where: str, footnotes: list[str], in_cell: bool = False,
             page_break: bool = False) -> str:
    """A Para: bold paragraphs carry the bold on their mark too, as Word writes them."""
    bold = bool(para.inlines) and all(getattr(i, "bold", True) for i in para.inlines)
    ppr = ("" if in_cell else '<w:jc w:val="center"/>' if para.style == "Plan_20_Title" else "")
    if bold:
        ppr += "<w:rPr><w:b/></w:rPr>"
    return paragraph(ppr, inline_runs(para.inlines, text_rpr, where, footnotes), where, page_break)


def list_number_xml(number: ListNumber, where: str) -> str:
    """An empty paragraph of an automatic list: Word draws its number."""
    num_id = LIST_NUMS[(number.name, number.restart)]
    return paragraph(f'<w:pStyle w:val="{LIST_PARAGRAPH}"/><w:numPr><w:ilvl w:val="0"/>'
                     f'<w:numId w:val="{num_id}"/></w:numPr><w:ind w:left="0" w:firstLine="0"/>', "", where)


def bullets_xml(bullets: BulletList, where: str, page_break: bool) -> list[str]:
    """Bullet items: "List Paragraph" paragraphs of the bullet list."""
    ppr = (f'<w:pStyle w:val="{LIST_PARAGRAPH}"/><w:numPr><w:ilvl w:val="0"/>'
           f'<w:numId w:val="{BULLETS}"/></w:numPr><w:ind w:left="317" w:hanging="283"/>')
    return [paragraph(ppr, text_runs(item, "", f"{where}/{i}"), f"{where}/{i}", page_break and i == 0)
            for i, item in enumerate(bullets.items)]


# ---------------------------------------------------------------- tables

def table_xml(table: Table, footnotes: list[str]) -> str:
    """A w:tbl on its grid: header row repeated, spans as w:gridSpan."""
    widths = [round(cm * TWIPS_PER_CM) for cm in table.widths_cm]
    borders = "" if table.borders else ('<w:tblBorders>' + "".join(
        f'<w:{side} w:val="none" w:sz="0" w:space="0" w:color="auto"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>")
    head = (f'<w:tblPr><w:tblStyle w:val="{TABLE_GRID}"/><w:tblW w:w="0" w:type="auto"/>{borders}'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{width}"/>' for width in widths) + "</w:tblGrid>")
    rows = "".join(row_xml(table, index, row, widths, footnotes) for index, row in enumerate(table.rows))
    return f"<w:tbl>{head}{rows}</w:tbl>"


def continues_a_cut_row(row: Row) -> bool:
    """A row whose number cell is empty but which holds text goes on with the event above:
    the event was cut by a page break, so Word's layout started a page here."""
    return len(row.cells) > 1 and is_empty_number(row.cells[0])


def row_xml(table: Table, index: int, row: Row, widths: list[int], footnotes: list[str]) -> str:
    """A w:tr: its properties, then its cells."""
    where = f"{table.name}/{index}"
    trpr = "<w:trPr><w:tblHeader/></w:trPr>" if row.header else (
        "" if table.rows_may_split else "<w:trPr><w:cantSplit/></w:trPr>")
    page_break = continues_a_cut_row(row)
    cells, column = [], 0
    for number, cell in enumerate(row.cells):
        width = sum(widths[column:column + cell.span])
        cells.append(cell_xml(cell, width, f"{where}/{number}", footnotes, page_break and number == 1))
        column += cell.span
    ids = attrs(w_rsidR=rsid(where, "tr"), w_rsidTr=rsid(where, "tr"))
    return f"<w:tr{ids}>{trpr}{''.join(cells)}</w:tr>"


def cell_xml(cell: Cell, width: int, where: str, footnotes: list[str], page_break: bool) -> str:
    """A w:tc: width, span, then its paragraphs (a cell holds at least one)."""
    span = f'<w:gridSpan w:val="{cell.span}"/>' if cell.span > 1 else ""
    blocks: list[str] = []
    for index, block in enumerate(cell.blocks):
        here = f"{where}/{index}"
        first = page_break and index == 0
        if isinstance(block, Para):
            blocks.append(para_xml(block, here, footnotes, in_cell=True, page_break=first))
        elif isinstance(block, BulletList):
            blocks.extend(bullets_xml(block, here, first))
        elif isinstance(block, ListNumber):
            blocks.append(list_number_xml(block, here))
        else:
            raise TypeError(f"no Word writer for {block!r}")
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}</w:tcPr>'
            f"{''.join(blocks) or paragraph('', '', where)}</w:tc>")


# ---------------------------------------------------------------- the parts

def document_xml(document: Document, footnotes: list[str]) -> str:
    """word/document.xml: the body, Word's _GoBack bookmark, the section."""
    body: list[str] = []
    for index, block in enumerate(document.blocks):
        if isinstance(block, Table):
            body.append(table_xml(block, footnotes))
        else:
            body.append(para_xml(block, f"body/{index}", footnotes))
    body.append(paragraph("", '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>', "end"))
    page = document.page
    margin = round(page.margin_cm * TWIPS_PER_CM)
    section = (f'<w:sectPr{attrs(w_rsidR=RSIDS[0])}><w:footnotePr><w:numRestart w:val="eachSect"/></w:footnotePr>'
               f'<w:pgSz w:w="{round(page.width_cm * TWIPS_PER_CM)}" w:h="{round(page.height_cm * TWIPS_PER_CM)}"/>'
               f'<w:pgMar w:top="{margin}" w:right="{margin}" w:bottom="{margin}" w:left="{margin}" '
               'w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/>'
               '<w:docGrid w:linePitch="360"/></w:sectPr>')
    return f"{DECLARATION}<w:document {NAMESPACES}><w:body>{''.join(body)}{section}</w:body></w:document>"


def separator_notes(kind: str) -> str:
    """The separator and continuation-separator notes Word writes in every notes part."""
    spacing = '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    return (f'<w:{kind} w:type="separator" w:id="-1"><w:p>{spacing}<w:r><w:separator/></w:r></w:p></w:{kind}>'
            f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p>{spacing}<w:r><w:continuationSeparator/>'
            f"</w:r></w:p></w:{kind}>")


def footnotes_xml(footnotes: list[str]) -> str:
    """word/footnotes.xml: separators, then each note with its own reference mark."""
    notes = "".join(
        f'<w:footnote w:id="{number}">' + paragraph(
            f'<w:pStyle w:val="{FOOTNOTE_TEXT}"/>',
            f'<w:r><w:rPr><w:rStyle w:val="{FOOTNOTE_REFERENCE}"/></w:rPr><w:footnoteRef/></w:r>'
            + run(" " + text, "", rsid("note", text)), f"note/{number}") + "</w:footnote>"
        for number, text in enumerate(footnotes, start=1))
    return f"{DECLARATION}<w:footnotes {NAMESPACES}>{separator_notes('footnote')}{notes}</w:footnotes>"


def endnotes_xml() -> str:
    """word/endnotes.xml: Word writes it with its separators even when there are no endnotes."""
    return f"{DECLARATION}<w:endnotes {NAMESPACES}>{separator_notes('endnote')}</w:endnotes>"


# Word's nine-level lists: numbers 1. a. i. 1. a. i. ..., bullets  o  (Symbol, Courier New, Wingdings).
NUMBER_LEVELS = ("decimal", "lowerLetter", "lowerRoman") * 3
BULLET_LEVELS = (("\uf0b7", "Symbol"), ("o", "Courier New"), ("\uf0a7", "Wingdings")) * 3


def number_levels() -> str:
    """The levels of Word's default numbered list (template 0419000F)."""
    return "".join(
        f'<w:lvl w:ilvl="{i}" w:tplc="{"0419000F" if i == 0 else "04190019"}"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%{i + 1}."/>'
        f'<w:lvlJc w:val="{"right" if fmt == "lowerRoman" else "left"}"/>'
        f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="{180 if fmt == "lowerRoman" else 360}"/></w:pPr></w:lvl>'
        for i, fmt in enumerate(NUMBER_LEVELS))


def bullet_levels() -> str:
    """The levels of Word's default bulleted list (template 04190001)."""
    return "".join(
        f'<w:lvl w:ilvl="{i}" w:tplc="04190001"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        f'<w:lvlText w:val="{glyph}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (i + 1)}" '
        f'w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" '
        f'{"w:cs=" + quoteattr(font) + " " if font == "Courier New" else ""}w:hint="default"/></w:rPr></w:lvl>'
        for i, (glyph, font) in enumerate(BULLET_LEVELS))


def abstract_num(abstract_id: int, nsid: str, template: str, levels: str) -> str:
    return (f'<w:abstractNum w:abstractNumId="{abstract_id}" w15:restartNumberingAfterBreak="0">'
            f'<w:nsid w:val="{nsid}"/><w:multiLevelType w:val="hybridMultilevel"/>'
            f'<w:tmpl w:val="{template}"/>{levels}</w:abstractNum>')


def numbering_xml() -> str:
    """word/numbering.xml: the event numbers, the bullets, the annex numbers and its restart."""
    return (f"{DECLARATION}<w:numbering {NAMESPACES}>"
            + abstract_num(0, "1C5A3B2E", "6A9C0F4E", number_levels())
            + abstract_num(1, "2F1D77A0", "8E4C2B10", bullet_levels())
            + abstract_num(2, "5B0E3C19", "D41A6E72", number_levels())
            + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            + '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
            + '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
            + '<w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0">'
              '<w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            + "</w:numbering>")


def styles_xml(document: Document) -> str:
    """word/styles.xml: document defaults, latent styles, the built-in styles used."""
    page = document.page
    size = round(page.font_size_pt * 2)
    font = quoteattr(page.font_name)
    latent = "".join(f'<w:lsdException w:name="{name}" w:uiPriority="{priority}" w:qFormat="1"/>'
                     for name, priority in (("Normal", 0), ("heading 1", 9), ("heading 2", 9), ("Title", 10)))
    return (
        f"{DECLARATION}<w:styles {NAMESPACES}>"
        f"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii={font} w:eastAsia={font} w:hAnsi={font} "
        f'w:cs={font}/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="ru-RU" '
        'w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>'
        '<w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
        f'<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" '
        f'w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376">{latent}</w:latentStyles>'
        f'<w:style w:type="paragraph" w:default="1" w:styleId="{NORMAL}"><w:name w:val="Normal"/><w:qFormat/></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/>'
        '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" '
        'w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        '<w:style w:type="numbering" w:default="1" w:styleId="a2"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        f'<w:style w:type="table" w:styleId="{TABLE_GRID}"><w:name w:val="Table Grid"/><w:basedOn w:val="a1"/>'
        '<w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:tblPr><w:tblBorders>' + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders></w:tblPr></w:style>"
        f'<w:style w:type="paragraph" w:styleId="{LIST_PARAGRAPH}"><w:name w:val="List Paragraph"/>'
        f'<w:basedOn w:val="{NORMAL}"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:ind w:left="720"/>'
        '<w:contextualSpacing/></w:pPr></w:style>'
        f'<w:style w:type="paragraph" w:styleId="{FOOTNOTE_TEXT}"><w:name w:val="footnote text"/>'
        f'<w:basedOn w:val="{NORMAL}"/><w:link w:val="a6"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:unhideWhenUsed/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
        '<w:style w:type="character" w:customStyle="1" w:styleId="a6"><w:name w:val="Текст сноски Знак"/>'
        f'<w:basedOn w:val="a0"/><w:link w:val="{FOOTNOTE_TEXT}"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
        f'<w:style w:type="character" w:styleId="{FOOTNOTE_REFERENCE}"><w:name w:val="footnote reference"/>'
        '<w:basedOn w:val="a0"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
        '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
        "</w:styles>")


def settings_xml() -> str:
    """word/settings.xml: proofing state, note separators, compatibility, the rsids."""
    rsids = "".join(f'<w:rsid w:val="{value}"/>' for value in sorted(RSIDS))
    return (f"{DECLARATION}<w:settings {NAMESPACES}>"
            '<w:zoom w:percent="100"/><w:proofState w:spelling="clean" w:grammar="clean"/>'
            '<w:defaultTabStop w:val="708"/><w:characterSpacingControl w:val="doNotCompress"/>'
            '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
            '<w:endnotePr><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>'
            '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
            'w:val="15"/><w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" '
            'w:uri="http://schemas.microsoft.com/office/word" w:val="1"/></w:compat>'
            f'<w:rsids><w:rsidRoot w:val="{RSIDS[0]}"/>{rsids}</w:rsids>'
            '<m:mathPr><m:mathFont m:val="Cambria Math"/><m:brkBin m:val="before"/><m:brkBinSub m:val="--"/>'
            '<m:smallFrac m:val="0"/><m:dispDef/><m:lMargin m:val="0"/><m:rMargin m:val="0"/>'
            '<m:defJc m:val="centerGroup"/><m:wrapIndent m:val="1440"/><m:intLim m:val="subSup"/>'
            '<m:naryLim m:val="undOvr"/></m:mathPr><w:themeFontLang w:val="ru-RU"/>'
            '<w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2" w:accent1="accent1" '
            'w:accent2="accent2" w:accent3="accent3" w:accent4="accent4" w:accent5="accent5" '
            'w:accent6="accent6" w:hyperlink="hyperlink" w:followedHyperlink="followedHyperlink"/>'
            '<w:shapeDefaults><o:shapedefaults v:ext="edit" spidmax="1026"/><o:shapelayout v:ext="edit">'
            '<o:idmap v:ext="edit" data="1"/></o:shapelayout></w:shapeDefaults>'
            '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>'
            '<w14:docId w14:val="3F2A1B0C"/><w15:chartTrackingRefBased/>'
            '<w15:docId w15:val="{6B1E3F0A-2C4D-4E5F-9A8B-7C6D5E4F3A2B}"/></w:settings>')


def font_table_xml() -> str:
    """word/fontTable.xml: the fonts the document uses."""
    fonts = (("Times New Roman", "02020603050405020304", "roman"), ("Symbol", "05050102010706020507", "roman"),
             ("Courier New", "02070309020205020404", "modern"), ("Wingdings", "05000000000000000000", "auto"))
    entries = "".join(
        f'<w:font w:name="{name}"><w:panose1 w:val="{panose}"/><w:charset w:val="{"02" if name in ("Symbol", "Wingdings") else "CC"}"/>'
        f'<w:family w:val="{family}"/><w:pitch w:val="{"fixed" if name == "Courier New" else "variable"}"/></w:font>'
        for name, panose, family in fonts)
    return f"{DECLARATION}<w:fonts {NAMESPACES}>{entries}</w:fonts>"


def web_settings_xml() -> str:
    return f"{DECLARATION}<w:webSettings {NAMESPACES}><w:optimizeForBrowser/><w:allowPNG/></w:webSettings>"


def core_xml(title: str) -> str:
    """docProps/core.xml as Word fills it in."""
    return (f'{DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(title)}</dc:title><dc:subject></dc:subject><dc:creator>Секретариат МАГ</dc:creator>"
            "<cp:keywords></cp:keywords><dc:description></dc:description><cp:lastModifiedBy>Секретариат МАГ"
            "</cp:lastModifiedBy><cp:revision>7</cp:revision>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_TIME}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_TIME}</dcterms:modified></cp:coreProperties>')


def app_xml() -> str:
    """docProps/app.xml as Word fills it in."""
    return (f'{DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            "<Template>Normal.dotm</Template><TotalTime>42</TotalTime><Pages>3</Pages><Words>612</Words>"
            "<Characters>3495</Characters><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>"
            "<Lines>29</Lines><Paragraphs>8</Paragraphs><ScaleCrop>false</ScaleCrop><Company></Company>"
            "<LinksUpToDate>false</LinksUpToDate><CharactersWithSpaces>4099</CharactersWithSpaces>"
            "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion>"
            "</Properties>")


PARTS = (  # the document's parts: (name, relationship type, content type)
    ("word/numbering.xml", "numbering", f"{CT}.wordprocessingml.numbering+xml"),
    ("word/styles.xml", "styles", f"{CT}.wordprocessingml.styles+xml"),
    ("word/settings.xml", "settings", f"{CT}.wordprocessingml.settings+xml"),
    ("word/webSettings.xml", "webSettings", f"{CT}.wordprocessingml.webSettings+xml"),
    ("word/footnotes.xml", "footnotes", f"{CT}.wordprocessingml.footnotes+xml"),
    ("word/endnotes.xml", "endnotes", f"{CT}.wordprocessingml.endnotes+xml"),
    ("word/fontTable.xml", "fontTable", f"{CT}.wordprocessingml.fontTable+xml"),
)


def content_types() -> str:
    overrides = "".join(f'<Override PartName="/{name}" ContentType="{ctype}"/>' for name, _, ctype in PARTS)
    return (f'{DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{CT}.wordprocessingml.document.main+xml"/>'
            f"{overrides}"
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            f'<Override PartName="/docProps/app.xml" ContentType="{CT}.extended-properties+xml"/></Types>')


def package_rels() -> str:
    return (f'{DECLARATION}<Relationships xmlns="{PACKAGE_RELS}">'
            f'<Relationship Id="rId3" Type="{R}/extended-properties" Target="docProps/app.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
            'core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/></Relationships>')


def document_rels() -> str:
    rels = "".join(f'<Relationship Id="rId{index}" Type="{R}/{reltype}" Target="{name.split("/", 1)[1]}"/>'
                   for index, (name, reltype, _) in enumerate(PARTS, start=1))
    return f'{DECLARATION}<Relationships xmlns="{PACKAGE_RELS}">{rels}</Relationships>'


def render_docx(document: Document, title: str) -> bytes:
    """The whole package, members in the order Word writes them, times pinned."""
    footnotes: list[str] = []
    body = document_xml(document, footnotes)  # collects the footnotes it cites
    members = {
        "[Content_Types].xml": content_types(),
        "_rels/.rels": package_rels(),
        "word/document.xml": body,
        "word/_rels/document.xml.rels": document_rels(),
        "word/footnotes.xml": footnotes_xml(footnotes),
        "word/endnotes.xml": endnotes_xml(),
        "word/settings.xml": settings_xml(),
        "word/numbering.xml": numbering_xml(),
        "word/styles.xml": styles_xml(document),
        "word/webSettings.xml": web_settings_xml(),
        "word/fontTable.xml": font_table_xml(),
        "docProps/core.xml": core_xml(title),
        "docProps/app.xml": app_xml(),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            entry = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, content.encode("utf-8"))
    return buffer.getvalue()
