"""Read an OpenDocument text (.odt, or a flat .fodt) into the block model.

The package's content.xml and styles.xml (or the one XML of a flat file) are parsed
safely (parsers/readers/xml.py) and walked here, one small handler per element, as the
DOCX reader walks WordprocessingML.

What the block model gets: paragraphs (text:p) and headings (text:h, with their level)
in document order, inside sections too; list items with their kind, level and the label
the list style draws ("1.", "а)", "•"); line breaks as "\\n", tabs as "\\t", text:s as
its spaces; bold and superscript from the automatic and common styles; footnotes and
endnotes (text:note) as marker runs, with their bodies in ``Document.footnotes``; tables
with column and row spans once, at their top-left (covered cells' text joins the
covering cell), header rows marked. A table nested in a cell becomes paragraphs of that
cell. Tracked deletions, indexes (generated from the headings) and shapes are not read;
a text box or shape holding text is reported as skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lxml import etree

from parsers.blocks import Cell, Document, Footnote, Paragraph, ReaderWarning, Row, Run, Table
from parsers.errors import IngestError
from parsers.limits import DEFAULT_LIMITS, Limits
from parsers.readers.archive import check_package, read_member
from parsers.readers.odt.styles import NS, Styles, TextFormat, format_number, q
from parsers.readers.xml import parse_xml, whole_number

MAX_SPACES = 1000  # text:s c="..." of a hostile file must not make a gigabyte of spaces
MAX_SPAN = 1000  # column and row spans, capped as the DOCX reader caps w:gridSpan
MAX_REPEAT = 1000  # number-columns-repeated / number-rows-repeated
MAX_LIST_LEVEL = 10
_COLLAPSIBLE = re.compile(r"[ \t\r\n]+")

# Element and attribute names, worked out once (they are looked up for every element).
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
DRAW_CUSTOM_SHAPE = q("draw:custom-shape")
DRAW_FRAME = q("draw:frame")
DRAW_RECT = q("draw:rect")
OFFICE_DOCUMENT = q("office:document")
TABLE_COVERED_TABLE_CELL = q("table:covered-table-cell")
TABLE_NUMBER_COLUMNS_REPEATED = q("table:number-columns-repeated")
TABLE_NUMBER_COLUMNS_SPANNED = q("table:number-columns-spanned")
TABLE_NUMBER_ROWS_REPEATED = q("table:number-rows-repeated")
TABLE_NUMBER_ROWS_SPANNED = q("table:number-rows-spanned")
TABLE_TABLE = q("table:table")
TABLE_TABLE_CELL = q("table:table-cell")
TABLE_TABLE_HEADER_ROWS = q("table:table-header-rows")
TABLE_TABLE_ROW = q("table:table-row")
TABLE_TABLE_ROW_GROUP = q("table:table-row-group")
TABLE_TABLE_ROWS = q("table:table-rows")
TEXT_A = q("text:a")
TEXT_BOOKMARK = q("text:bookmark")
TEXT_BOOKMARK_END = q("text:bookmark-end")
TEXT_BOOKMARK_START = q("text:bookmark-start")
TEXT_C = q("text:c")
TEXT_CHANGE = q("text:change")
TEXT_CHANGE_END = q("text:change-end")
TEXT_CHANGE_START = q("text:change-start")
TEXT_CONTINUE_LIST = q("text:continue-list")
TEXT_CONTINUE_NUMBERING = q("text:continue-numbering")
TEXT_H = q("text:h")
TEXT_LABEL = q("text:label")
TEXT_LINE_BREAK = q("text:line-break")
TEXT_LIST = q("text:list")
TEXT_LIST_HEADER = q("text:list-header")
TEXT_LIST_ITEM = q("text:list-item")
TEXT_NOTE = q("text:note")
TEXT_NOTE_BODY = q("text:note-body")
TEXT_NOTE_CITATION = q("text:note-citation")
TEXT_NUMBER = q("text:number")
TEXT_OUTLINE_LEVEL = q("text:outline-level")
TEXT_P = q("text:p")
TEXT_REFERENCE_MARK = q("text:reference-mark")
TEXT_REFERENCE_MARK_END = q("text:reference-mark-end")
TEXT_REFERENCE_MARK_START = q("text:reference-mark-start")
TEXT_RUBY_TEXT = q("text:ruby-text")
TEXT_S = q("text:s")
TEXT_SECTION = q("text:section")
TEXT_SOFT_PAGE_BREAK = q("text:soft-page-break")
TEXT_SPAN = q("text:span")
TEXT_START_VALUE = q("text:start-value")
TEXT_STYLE_NAME = q("text:style-name")
TEXT_TAB = q("text:tab")


def read_odt(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read an OpenDocument text package; damaged input, or input beyond ``limits``
    (size, a zip bomb), raises ``IngestError``."""
    limits.check_input_size(len(data))
    check_package(data, limits, kind="ODT")
    content = read_member(data, "content.xml", limits, "ODT", required=False)
    if content is None:
        raise IngestError("not an ODT: no content.xml in the archive")
    root = parse_xml(content, "content.xml", "ODT")
    styles_xml = read_member(data, "styles.xml", limits, "ODT", required=False)
    styles_root = parse_xml(styles_xml, "styles.xml", "ODT") if styles_xml else None
    return BodyReader(root, Styles(root, styles_root), limits).read()


def read_fodt(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a flat OpenDocument text (one XML file) the same way."""
    limits.check_input_size(len(data))
    limits.check_markup_size(len(data), "flat ODT")
    root = parse_xml(without_binary_data(data), "the document", "flat ODT")
    if root.tag != q("office:document"):
        raise IngestError(f"not a flat ODT: the root element is {etree.QName(root).localname}")
    return BodyReader(root, Styles(root), limits).read()


# An embedded picture's base64 in a flat file: never read, and over libxml2's 10 MB text
# node limit for a large photo, which would refuse the whole document as damaged.
_BINARY_DATA = re.compile(rb"(<(?:[A-Za-z_][\w.-]*:)?binary-data(?:\s[^>]*)?>)[^<]*")


def without_binary_data(data: bytes) -> bytes:
    """The flat file with the contents of its office:binary-data elements (pictures) left out."""
    return _BINARY_DATA.sub(rb"\1", data) if b"binary-data" in data else data


# ---------------------------------------------------------------- paragraphs

@dataclass
class ParagraphBuilder:
    """Runs collected while walking one paragraph; adjacent alike runs are merged.

    Whitespace in text nodes collapses to one space and is dropped at the paragraph's
    start and end, as ODF says (text:s, text:tab and text:line-break are kept)."""

    runs: list[Run] = field(default_factory=list)
    after_space: bool = True  # the paragraph starts as if after a space: leading blanks go
    collapsible_end: bool = False  # the text ends in a space from the XML's whitespace

    def add_text(self, text: str | None, fmt: TextFormat) -> None:
        """Character data of the XML, whitespace collapsed."""
        if not text:
            return
        text = _COLLAPSIBLE.sub(" ", text)
        if self.after_space and text.startswith(" "):
            text = text[1:]
        if text:
            self.add(text, fmt)
            self.after_space = self.collapsible_end = text.endswith(" ")

    def add(self, text: str, fmt: TextFormat, note: str | None = None) -> None:
        """Append text as it stands; a note reference is always its own run."""
        if not text:
            return
        self.collapsible_end = False
        if note is None:
            self.after_space = text.endswith((" ", "\n", "\t"))
        last = self.runs[-1] if self.runs else None
        if (note is None and last is not None and last.note is None
                and (last.bold, last.superscript) == (fmt.bold, fmt.superscript)):
            self.runs[-1] = Run(last.text + text, last.bold, last.superscript)
        else:
            self.runs.append(Run(text, bool(fmt.bold), bool(fmt.superscript) or note is not None, note))

    def finish(self) -> tuple[Run, ...]:
        """The runs, a collapsed trailing space dropped."""
        if self.collapsible_end:
            last = self.runs[-1]
            trimmed = last.text[:-1]
            self.runs[-1:] = [Run(trimmed, last.bold, last.superscript)] if trimmed else []
        return tuple(self.runs)


@dataclass
class ListContext:
    """The list a paragraph stands in: style, level, and whether it is the item's first
    paragraph (only that one is labelled)."""

    style: str | None
    level: int
    counters: list[int]
    labelled: bool = False
    header: bool = False


@dataclass
class CellBuilder:
    """A cell being read; covered cells' text joins it."""

    blocks: list[Paragraph]
    col_span: int
    row_span: int

    def freeze(self) -> Cell:
        """The finished, immutable cell."""
        return Cell(tuple(self.blocks), self.col_span, self.row_span)


class BodyReader:
    """Walks office:body/office:text and builds blocks; one method per element."""

    def __init__(self, root: etree._Element, styles: Styles, limits: Limits):
        self.root = root
        self.styles = styles
        self.limits = limits
        self.footnotes: list[Footnote] = []
        self.warnings: list[ReaderWarning] = []
        self.lists: list[ListContext] = []
        # The counters each list style reached, for a list that continues numbering, and each
        # list's by its xml:id, for a list that names the one it continues (text:continue-list).
        self.list_counters: dict[str | None, list[int]] = {}
        self.lists_by_id: dict[str, list[int]] = {}
        self.cells_seen = 0

    def read(self) -> Document:
        """The whole document."""
        text = self.root.find(f"{q('office:body')}/{q('office:text')}")
        if text is None:
            raise IngestError("not an OpenDocument text: no office:text body")
        blocks = self.blocks(text, flatten_tables=False)
        return Document(tuple(blocks), tuple(self.footnotes), tuple(self.warnings))

    # -- block level --------------------------------------------------------

    def blocks(self, container: etree._Element, flatten_tables: bool) -> list:
        """Paragraphs and tables of a block container, in order."""
        found: list = []
        for child in container:
            handler = BLOCK_HANDLERS.get(child.tag)
            if handler is not None:
                handler(self, child, found, flatten_tables)
        return found

    def paragraph_block(self, p: etree._Element, found: list, flatten_tables: bool) -> None:
        """text:p or text:h: kept when it shows text or cites a note, or is a list item that
        shows nothing but the number its list draws (Word's numbered "№ п/п" cell, saved by
        LibreOffice as an empty item of a list continuing from cell to cell)."""
        paragraph = self.paragraph(p)
        if paragraph.runs and (paragraph.text.strip() or paragraph.markers):
            found.append(paragraph)
        elif paragraph.list_label and paragraph.list_kind == "number":
            found.append(replace(paragraph, runs=()))

    def paragraph(self, p: etree._Element) -> Paragraph:
        """A paragraph with its runs, style, heading level and list membership."""
        style = p.get(TEXT_STYLE_NAME)
        builder = ParagraphBuilder()
        label = None
        number = p.find(TEXT_NUMBER)  # a heading's or item's number as the producer rendered it
        if number is not None:
            label = "".join(number.itertext()).strip() or None
        self.inline(p, builder, self.styles.paragraph_format(style))
        heading = None
        if p.tag == TEXT_H:
            heading = whole_number(p.get(TEXT_OUTLINE_LEVEL), MAX_LIST_LEVEL) or 1
        kind, level = None, 0
        context = self.lists[-1] if self.lists else None
        if context is not None and not context.header:
            list_style = context.style or self.styles.paragraph_list_style(style)
            list_level = self.styles.list_level(list_style, context.level)
            kind = list_level.kind if list_level else "bullet"
            level = context.level - 1
            if not context.labelled:
                context.labelled = True
                label = label or self.list_label(context, list_style)
        return Paragraph(runs=builder.finish(), style=self.styles.paragraph_name(style),
                         heading_level=heading, list_kind=kind, list_level=level, list_label=label)

    def list_label(self, context: ListContext, list_style: str | None) -> str | None:
        """What the list style draws before this item: its bullet, or its number with
        prefix, suffix and the parent levels it displays."""
        level = self.styles.list_level(list_style, context.level)
        if level is None:
            return None
        if level.kind == "bullet":
            return level.glyph
        shown = max(1, min(level.display_levels, context.level))
        numbers = []
        for depth in range(context.level - shown + 1, context.level + 1):
            at = self.styles.list_level(list_style, depth)
            numbers.append(format_number(context.counters[depth - 1], at.num_format if at else "1"))
        label = level.prefix + ".".join(n for n in numbers if n) + level.suffix
        return label.strip() or None

    def list_block(self, element: etree._Element, found: list, flatten_tables: bool) -> None:
        """text:list: its items, each a paragraph (or more) at the list's level."""
        outer = self.lists[-1] if self.lists else None
        style = element.get(TEXT_STYLE_NAME) or (outer.style if outer else None)
        level = min((outer.level + 1) if outer else 1, MAX_LIST_LEVEL)
        if outer is not None:
            counters = outer.counters
        elif element.get(TEXT_CONTINUE_LIST) in self.lists_by_id:
            counters = self.lists_by_id[element.get(TEXT_CONTINUE_LIST)]
        elif element.get(TEXT_CONTINUE_NUMBERING) == "true" or element.get(TEXT_CONTINUE_LIST):
            counters = list(self.list_counters.get(style, [0] * MAX_LIST_LEVEL))
        else:
            counters = [0] * MAX_LIST_LEVEL
        for item in element:
            if item.tag not in (TEXT_LIST_ITEM, TEXT_LIST_HEADER):
                continue
            header = item.tag == TEXT_LIST_HEADER
            if not header:
                self.count(counters, level, style, item.get(TEXT_START_VALUE))
            self.lists.append(ListContext(style, level, counters, header=header))
            found.extend(self.blocks(item, flatten_tables))
            self.lists.pop()
        if outer is None:
            self.list_counters[style] = counters
            if element.get(XML_ID):
                self.lists_by_id[element.get(XML_ID)] = counters

    def count(self, counters: list[int], level: int, style: str | None, start: str | None) -> None:
        """Advance the counter of ``level``; deeper levels start again."""
        first = whole_number(start, 1_000_000)
        if first is not None:
            counters[level - 1] = first
        elif counters[level - 1] == 0:
            at = self.styles.list_level(style, level)
            counters[level - 1] = at.start if at else 1
        else:
            counters[level - 1] += 1
        for deeper in range(level, MAX_LIST_LEVEL):
            counters[deeper] = 0

    def section(self, element: etree._Element, found: list, flatten_tables: bool) -> None:
        """text:section and other wrappers: their blocks, as if they stood here."""
        found.extend(self.blocks(element, flatten_tables))

    def table_block(self, element: etree._Element, found: list, flatten_tables: bool) -> None:
        """table:table: a table, or its paragraphs when nested in a cell."""
        table = self.table(element)
        if flatten_tables:
            found.extend(b for row in table.rows for cell in row.cells for b in cell.blocks)
        else:
            found.append(table)

    def shape(self, element: etree._Element, found: list | None = None, flatten_tables: bool = False) -> None:
        """draw:frame and other shapes: not read; say so when they hold text."""
        if any(text.strip() for text in element.itertext()):
            self.warnings.append(ReaderWarning(
                "content_skipped", "a text box or shape with text was not read"))

    # -- inline level -------------------------------------------------------

    def inline(self, parent: etree._Element, builder: ParagraphBuilder, fmt: TextFormat) -> None:
        """Walk a paragraph's or span's content: text, then each child and its tail."""
        builder.add_text(parent.text, fmt)
        for child in parent:
            handler = INLINE_HANDLERS.get(child.tag)
            if handler is not None:
                handler(self, child, builder, fmt)
            elif child.tag in INLINE_SKIPPED:
                pass
            elif isinstance(child.tag, str) and child.tag not in INLINE_EMPTY:
                # A field (date, page number, sequence, reference) shows its text content.
                self.inline(child, builder, fmt)
            builder.add_text(child.tail, fmt)

    def span(self, element: etree._Element, builder: ParagraphBuilder, fmt: TextFormat) -> None:
        """text:span: its content in its style, over the enclosing format."""
        self.inline(element, builder, self.styles.span_format(element.get(TEXT_STYLE_NAME), fmt))

    def wrapper(self, element: etree._Element, builder: ParagraphBuilder, fmt: TextFormat) -> None:
        """text:a, text:meta and the like: their content in the enclosing format."""
        self.inline(element, builder, fmt)

    def spaces(self, element: etree._Element, builder: ParagraphBuilder, fmt: TextFormat) -> None:
        """text:s: ``text:c`` spaces (one by default)."""
        count = whole_number(element.get(TEXT_C), MAX_SPACES) or 1
        builder.add(" " * count, fmt)

    def note(self, element: etree._Element, builder: ParagraphBuilder, fmt: TextFormat) -> None:
        """text:note: a marker run citing it; its body's text into the footnotes."""
        citation = element.find(TEXT_NOTE_CITATION)
        marker = ""
        if citation is not None:
            marker = (citation.get(TEXT_LABEL) or "".join(citation.itertext())).strip()
        if not marker:
            marker = "*"
            self.warnings.append(ReaderWarning("note_mark_unread", "a note with no citation text is cited as *"))
        builder.add(marker, fmt, note=marker)
        body = element.find(TEXT_NOTE_BODY)
        self.footnotes.append(Footnote(marker, self.note_text(body) if body is not None else ""))

    def note_text(self, body: etree._Element) -> str:
        """A note body's paragraphs as text, one per line."""
        saved, self.lists = self.lists, []
        texts = [block.text.strip() for block in self.blocks(body, flatten_tables=True)]
        self.lists = saved
        return "\n".join(text for text in texts if text)

    def inline_shape(self, element: etree._Element, builder: ParagraphBuilder, fmt: TextFormat) -> None:
        """A shape anchored in the paragraph."""
        self.shape(element)

    # -- tables ---------------------------------------------------------------

    def table(self, element: etree._Element) -> Table:
        """Rows of cells; spanned cells appear once; covered cells add their text to it."""
        rows: list[tuple[list[CellBuilder], bool]] = []
        covering: dict[int, tuple[CellBuilder, int]] = {}  # column → (cell, last row it covers)
        for row_element, header in table_rows(element):
            repeat = whole_number(row_element.get(TABLE_NUMBER_ROWS_REPEATED), MAX_REPEAT) or 1
            for _ in range(repeat):
                rows.append((self.row(row_element, len(rows), covering), header))
        frozen = tuple(Row(tuple(cell.freeze() for cell in cells), is_header=header) for cells, header in rows)
        return Table(frozen)

    def row(self, element: etree._Element, index: int, covering: dict[int, tuple[CellBuilder, int]]):
        """The cells that start in this row."""
        cells: list[CellBuilder] = []
        column = 0
        for cell in element:
            if cell.tag not in (TABLE_TABLE_CELL, TABLE_COVERED_TABLE_CELL):
                continue
            repeat = whole_number(cell.get(TABLE_NUMBER_COLUMNS_REPEATED), MAX_REPEAT) or 1
            for _ in range(repeat):
                self.cells_seen += 1
                self.limits.check_table_cells(self.cells_seen)
                column += self.cell(cell, index, column, cells, covering)
        return cells

    def cell(self, element: etree._Element, row: int, column: int, cells: list[CellBuilder],
             covering: dict[int, tuple[CellBuilder, int]]) -> int:
        """One table:table-cell or covered cell; how many columns it takes."""
        saved, self.lists = self.lists, []  # a table in a list item: its cells are no list items
        blocks = self.blocks(element, flatten_tables=True)
        self.lists = saved
        if element.tag == TABLE_COVERED_TABLE_CELL:
            owner = covering.get(column)
            if owner is not None and owner[1] >= row:
                owner[0].blocks.extend(blocks)
            elif blocks:  # covered by nothing we know: keep the text as a cell of its own
                cells.append(CellBuilder(blocks, 1, 1))
            return 1
        col_span = whole_number(element.get(TABLE_NUMBER_COLUMNS_SPANNED), MAX_SPAN) or 1
        row_span = whole_number(element.get(TABLE_NUMBER_ROWS_SPANNED), MAX_SPAN) or 1
        builder = CellBuilder(blocks, col_span, row_span)
        cells.append(builder)
        for covered in range(column, column + col_span):
            covering[covered] = (builder, row + row_span - 1)
        return 1  # the covered cells that follow take the other columns


def table_rows(table: etree._Element, header: bool = False):
    """(table:table-row, is_header) in order, through header rows, row groups and rows."""
    for child in table:
        if child.tag == TABLE_TABLE_ROW:
            yield child, header
        elif child.tag == TABLE_TABLE_HEADER_ROWS:
            yield from table_rows(child, True)
        elif child.tag in (TABLE_TABLE_ROWS, TABLE_TABLE_ROW_GROUP):
            yield from table_rows(child, header)


def adds(char: str):
    """An inline handler that adds a fixed character (tab, line break)."""
    def add(reader: BodyReader, element, builder: ParagraphBuilder, fmt: TextFormat):
        builder.add(char, fmt)
    return add


BLOCK_HANDLERS = {
    TEXT_P: BodyReader.paragraph_block,
    TEXT_H: BodyReader.paragraph_block,
    TEXT_LIST: BodyReader.list_block,
    TABLE_TABLE: BodyReader.table_block,
    TEXT_SECTION: BodyReader.section,
    TEXT_SOFT_PAGE_BREAK: lambda *args: None,
    DRAW_FRAME: BodyReader.shape,
    DRAW_CUSTOM_SHAPE: BodyReader.shape,
    DRAW_RECT: BodyReader.shape,
}
# Not listed, so never read: text:tracked-changes (deleted text), indexes (text:table-of-content
# and the like: generated from the headings), sequence and variable declarations, forms.

INLINE_HANDLERS = {
    TEXT_SPAN: BodyReader.span,
    TEXT_A: BodyReader.wrapper,
    TEXT_S: BodyReader.spaces,
    TEXT_TAB: adds("\t"),
    TEXT_LINE_BREAK: adds("\n"),
    TEXT_NOTE: BodyReader.note,
    DRAW_FRAME: BodyReader.inline_shape,
    DRAW_CUSTOM_SHAPE: BodyReader.inline_shape,
}
# Inline elements whose content is not text: the rendered number (read as the label),
# annotations (comments), ruby annotations, bookmarks and change marks.
INLINE_SKIPPED = frozenset({TEXT_NUMBER, f"{{{NS['office']}}}annotation", TEXT_RUBY_TEXT,
                            f"{{{NS['office']}}}annotation-end"})
INLINE_EMPTY = frozenset({TEXT_SOFT_PAGE_BREAK, TEXT_BOOKMARK, TEXT_BOOKMARK_START,
                          TEXT_BOOKMARK_END, TEXT_CHANGE, TEXT_CHANGE_START,
                          TEXT_CHANGE_END, TEXT_REFERENCE_MARK,
                          TEXT_REFERENCE_MARK_START, TEXT_REFERENCE_MARK_END})

