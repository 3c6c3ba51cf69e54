"""Write ``doc.Document`` blocks as a Flat OpenDocument text file (.fodt).

One small function per block kind, in the manner of a pandoc writer. The
output is plain XML that LibreOffice opens and converts to DOCX, HTML or PDF;
the same input always gives the same bytes.
"""

from __future__ import annotations

from lxml import etree

from samplekit.doc import (
    BulletList, Cell, Document, Inline, LineBreak, Note, Page, Para, Row, Table, Text,
)

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
}

# Inline formatting → automatic text style name; the properties are below.
TEXT_STYLES = {
    (True, False): "T_bold",
    (False, True): "T_sup",
    (True, True): "T_bold_sup",
}
BOLD = {"fo:font-weight": "bold", "style:font-weight-asian": "bold",
        "style:font-weight-complex": "bold"}
SUPERSCRIPT = {"style:text-position": "super 58%"}

# Named paragraph styles: (display name, parent, paragraph props, text props).
# Bold in a style (not on the run) is how a real title usually carries it.
PARAGRAPH_STYLES = {
    "Standard": ("Standard", None, {}, {}),
    "Plan_20_Title": ("Plan Title", "Standard", {"fo:text-align": "center"}, BOLD),
    "Table_20_Contents": ("Table Contents", "Standard", {}, {}),
    "Table_20_Heading": ("Table Heading", "Table_20_Contents",
                         {"fo:text-align": "center"}, {}),
    "Footnote": ("Footnote", "Standard", {}, {"fo:font-size": "10pt"}),
}
# Styles of the running header and footer, declared only on pages that have them
# (so a sample without them keeps its bytes).
FURNITURE_STYLES = {
    "Header": ("Header", "Standard", {"fo:text-align": "center"}, {"fo:font-size": "10pt"}),
    "Footer": ("Footer", "Standard", {"fo:text-align": "center"}, {"fo:font-size": "10pt"}),
}
BULLET_LIST_STYLE = "Bullets"
BULLET_CHAR = "•"


def q(name: str) -> str:
    """Clark notation for a prefixed name ("text:p" → "{urn:...}p")."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def el(parent: etree._Element | None, name: str, attrs: dict | None = None,
       text: str | None = None) -> etree._Element:
    """Make an element (appended to ``parent`` when given) with prefixed attributes."""
    attrib = {q(k): v for k, v in (attrs or {}).items()}
    node = etree.Element(q(name), attrib, nsmap=NS) if parent is None \
        else etree.SubElement(parent, q(name), attrib)
    if text is not None:
        node.text = text
    return node


def render(document: Document) -> bytes:
    """The whole .fodt file for ``document``."""
    root = el(None, "office:document", {
        "office:version": "1.3",
        "office:mimetype": "application/vnd.oasis.opendocument.text",
    })
    write_fonts(root, document.page)
    write_styles(root, document.page)
    write_automatic_styles(root, document)
    write_master_page(root, document.page)
    body = el(el(root, "office:body"), "office:text")
    for block in document.blocks:
        write_block(body, block)
    indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


# Elements whose content is text: indenting inside them would add real spaces.
MIXED_CONTENT = {q("text:p"), q("text:h")}


def indent(node: etree._Element, depth: int = 0) -> None:
    """Indent the structure for readable diffs, leaving paragraph content untouched.

    (lxml's pretty printer would put whitespace inside a paragraph that starts
    with a span, and ODF reads that whitespace as a space.)
    """
    if node.tag in MIXED_CONTENT or not len(node):
        return
    pad = "\n" + "  " * (depth + 1)
    node.text = pad
    for child in node:
        indent(child, depth + 1)
        child.tail = pad
    node[-1].tail = pad[:-2]


def write_fonts(root: etree._Element, page: Page) -> None:
    """Declare the one body font."""
    decls = el(root, "office:font-face-decls")
    el(decls, "style:font-face", {
        "style:name": page.font_name, "svg:font-family": f"'{page.font_name}'",
        "style:font-family-generic": "roman", "style:font-pitch": "variable"})


def write_styles(root: etree._Element, page: Page) -> None:
    """Default font and language, named paragraph styles, the bullet list style."""
    styles = el(root, "office:styles")
    default = el(styles, "style:default-style", {"style:family": "paragraph"})
    el(default, "style:text-properties", {
        "style:font-name": page.font_name, "fo:font-size": f"{page.font_size_pt:g}pt",
        "fo:language": page.language, "fo:country": page.country})
    named = dict(PARAGRAPH_STYLES)
    if page.header_text or page.footer_page_number:
        named.update(FURNITURE_STYLES)
    for name, (display, parent, para_props, text_props) in named.items():
        attrs = {"style:name": name, "style:display-name": display, "style:family": "paragraph"}
        if parent:
            attrs["style:parent-style-name"] = parent
        style = el(styles, "style:style", attrs)
        if para_props:
            el(style, "style:paragraph-properties", para_props)
        if text_props:
            el(style, "style:text-properties", text_props)
    write_bullet_style(styles)


def write_bullet_style(styles: etree._Element) -> None:
    """A one-level bullet list style: the bullet is drawn, never typed."""
    lst = el(styles, "text:list-style", {"style:name": BULLET_LIST_STYLE})
    level = el(lst, "text:list-level-style-bullet", {
        "text:level": "1", "text:bullet-char": BULLET_CHAR})
    props = el(level, "style:list-level-properties", {
        "text:list-level-position-and-space-mode": "label-alignment"})
    el(props, "style:list-level-label-alignment", {
        "text:label-followed-by": "listtab", "text:list-tab-stop-position": "0.6cm",
        "fo:text-indent": "-0.6cm", "fo:margin-left": "0.6cm"})


def write_automatic_styles(root: etree._Element, document: Document) -> None:
    """Text formatting, page layout and every table's table/column/cell styles."""
    auto = el(root, "office:automatic-styles")
    for (bold, sup), name in TEXT_STYLES.items():
        style = el(auto, "style:style", {"style:name": name, "style:family": "text"})
        el(style, "style:text-properties", {**(BOLD if bold else {}), **(SUPERSCRIPT if sup else {})})
    write_page_layout(auto, document.page)
    for block in document.blocks:
        if isinstance(block, Table):
            write_table_styles(auto, block)


def write_page_layout(auto: etree._Element, page: Page) -> None:
    """Page size and margins."""
    layout = el(auto, "style:page-layout", {"style:name": "pm1"})
    margin = f"{page.margin_cm:g}cm"
    el(layout, "style:page-layout-properties", {
        "fo:page-width": f"{page.width_cm:g}cm", "fo:page-height": f"{page.height_cm:g}cm",
        "style:print-orientation": "portrait" if page.height_cm >= page.width_cm else "landscape",
        "fo:margin-top": margin, "fo:margin-bottom": margin,
        "fo:margin-left": margin, "fo:margin-right": margin})
    if page.header_text:
        el(el(layout, "style:header-style"), "style:header-footer-properties", {
            "fo:min-height": "0cm", "fo:margin-bottom": "0.4cm"})
    if page.footer_page_number:
        el(el(layout, "style:footer-style"), "style:header-footer-properties", {
            "fo:min-height": "0cm", "fo:margin-top": "0.4cm"})


def write_master_page(root: etree._Element, page: Page) -> None:
    """The one page style, with its running header and page-number footer when asked for."""
    master = el(el(root, "office:master-styles"), "style:master-page",
                {"style:name": "Standard", "style:page-layout-name": "pm1"})
    if page.header_text:
        el(el(master, "style:header"), "text:p", {"text:style-name": "Header"}, page.header_text)
    if page.footer_page_number:
        footer = el(el(master, "style:footer"), "text:p", {"text:style-name": "Footer"})
        el(footer, "text:page-number", {"text:select-page": "current"}, "1")


def write_table_styles(auto: etree._Element, table: Table) -> None:
    """The table's width, its columns' widths, its cells' borders, its rows' splitting."""
    width = sum(table.widths_cm)
    style = el(auto, "style:style", {"style:name": table.name, "style:family": "table"})
    el(style, "style:table-properties", {"style:width": f"{width:g}cm", "table:align": "left"})
    for index, column_width in enumerate(table.widths_cm):
        style = el(auto, "style:style", {
            "style:name": column_style(table, index), "style:family": "table-column"})
        el(style, "style:table-column-properties", {"style:column-width": f"{column_width:g}cm"})
    style = el(auto, "style:style", {"style:name": f"{table.name}.cell", "style:family": "table-cell"})
    border = "0.5pt solid #000000" if table.borders else "none"
    el(style, "style:table-cell-properties", {"fo:padding": "0.1cm", "fo:border": border})
    style = el(auto, "style:style", {"style:name": f"{table.name}.row", "style:family": "table-row"})
    el(style, "style:table-row-properties", {
        "fo:keep-together": "auto" if table.rows_may_split else "always"})


def column_style(table: Table, index: int) -> str:
    """Name of a column's automatic style."""
    return f"{table.name}.C{index + 1}"


def write_block(parent: etree._Element, block) -> None:
    """Dispatch one block to its writer."""
    if isinstance(block, Para):
        write_para(parent, block)
    elif isinstance(block, BulletList):
        write_bullets(parent, block)
    elif isinstance(block, Table):
        write_table(parent, block)
    else:
        raise TypeError(f"no writer for {block!r}")


def write_para(parent: etree._Element, para: Para) -> None:
    """A paragraph with its inline text, breaks and notes."""
    node = el(parent, "text:p", {"text:style-name": para.style})
    for inline in para.inlines:
        write_inline(node, inline)


def write_inline(node: etree._Element, inline: Inline) -> None:
    """One inline: formatted text (a span only when formatted), a break or a note."""
    if isinstance(inline, Text):
        style = TEXT_STYLES.get((inline.bold, inline.superscript))
        if style:
            el(node, "text:span", {"text:style-name": style}, inline.text)
        else:
            append_text(node, inline.text)
    elif isinstance(inline, LineBreak):
        el(node, "text:line-break")
    elif isinstance(inline, Note):
        write_note(node, inline)
    else:
        raise TypeError(f"no writer for {inline!r}")


def append_text(node: etree._Element, text: str) -> None:
    """Append text after the node's last child (lxml keeps it in .tail)."""
    if len(node):
        node[-1].tail = (node[-1].tail or "") + text
    else:
        node.text = (node.text or "") + text


def write_note(node: etree._Element, note: Note) -> None:
    """A real footnote: citation in the text, body at the foot of the page."""
    count = len(node.getroottree().getroot().findall(f".//{q('text:note')}"))
    element = el(node, "text:note", {"text:id": f"ftn{count + 1}", "text:note-class": "footnote"})
    el(element, "text:note-citation", {}, note.citation)
    body = el(element, "text:note-body")
    el(body, "text:p", {"text:style-name": "Footnote"}, note.body)


def write_bullets(parent: etree._Element, bullets: BulletList) -> None:
    """A bulleted list; each item's text is the bare item."""
    lst = el(parent, "text:list", {"text:style-name": BULLET_LIST_STYLE})
    for item in bullets.items:
        el(el(lst, "text:list-item"), "text:p", {"text:style-name": bullets.style}, item)


def write_table(parent: etree._Element, table: Table) -> None:
    """Columns, then header rows (repeated on each page), then body rows."""
    node = el(parent, "table:table", {"table:name": table.name, "table:style-name": table.name})
    for index in range(len(table.widths_cm)):
        el(node, "table:table-column", {"table:style-name": column_style(table, index)})
    header = [row for row in table.rows if row.header]
    if header:
        group = el(node, "table:table-header-rows")
        for row in header:
            write_row(group, table, row)
    for row in table.rows:
        if not row.header:
            write_row(node, table, row)


def write_row(parent: etree._Element, table: Table, row: Row) -> None:
    """A row; a spanning cell is followed by the covered cells ODF requires."""
    node = el(parent, "table:table-row", {"table:style-name": f"{table.name}.row"})
    width = sum(cell.span for cell in row.cells)
    if width != len(table.widths_cm):
        raise ValueError(f"{table.name}: row covers {width} of {len(table.widths_cm)} columns")
    for cell in row.cells:
        write_cell(node, table, cell)


def write_cell(row: etree._Element, table: Table, cell: Cell) -> None:
    """A cell and, when it spans, its covered neighbours."""
    attrs = {"table:style-name": f"{table.name}.cell", "office:value-type": "string"}
    if cell.span > 1:
        attrs["table:number-columns-spanned"] = str(cell.span)
    node = el(row, "table:table-cell", attrs)
    for block in cell.blocks or (Para((), "Table_20_Contents"),):
        write_block(node, block)
    for _ in range(cell.span - 1):
        el(row, "table:covered-table-cell")
