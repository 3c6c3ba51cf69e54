"""PDF reader: a PDF's bytes in, the block model out (pdfplumber).

Each page is read once, in a chain of named steps:

    glyphs (page.chars; in a tagged PDF each knows its paragraph, ``structure``)
                             → ruled tables (pdfplumber's finder on drawn lines)
    glyphs outside them      → lines → aligned tables (text in columns, no rules)
    lines outside any table  → furniture (headers, footers, page numbers: dropped)
                             → footnotes (below a short rule, or small text at the foot)
                             → body paragraphs

Then the pages are put together: a table that ends one page and starts the
next with the same columns is one table (``tables.stitch`` drops the
repeated header and joins a row cut by the break), and every cell's lines
become paragraphs and list items (``paragraphs.paragraphs``). Problems a person
can fix (a password, a scan, a broken file) raise ``IngestError``.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Iterator, Union

from parsers.errors import IngestError
from parsers.limits import DEFAULT_LIMITS, Limits, check_time
from parsers.blocks import Block, Document, Footnote, ReaderWarning, Table
from parsers.readers.pdf.joins import CutWords, draws_wrap_spaces
from parsers.readers.pdf.labels import read_labels
from parsers.readers.pdf.lines import Frame, Glyph, Line, group_lines
from parsers.readers.pdf.paragraphs import paragraphs
from parsers.readers.pdf.objects import bottom_line_keys, find_ruled_tables, page_objects, without_carried
from parsers.readers.pdf.page import Rule, cited_markers, find_furniture, footnotes, main_size, split_footnotes
from parsers.readers.pdf.settings import DEFAULT_SETTINGS, PdfSettings
from parsers.readers.pdf.streams import bounded_streams
from parsers.readers.pdf.structure import BlockOf, TaggedBlocks
from parsers.readers.pdf.tables import (TableDraft, cell_frame, continues, find_aligned_tables, heading_rows, prepend,
                                        rows_at_break, ruled_table, stitch, to_table)

ENCRYPTED = "encrypted; cannot be read without its password"
NO_TEXT = "no text layer: scanned image?"
UNMAPPED_GLYPHS = ("{} glyph(s) have no text in the PDF (the font maps them to no character, or lacked "
                   "the character and drew its blank): their text is lost, each read as '\ufffd' "
                   "(left out where drawn over other text)")
LABELS_READ = ("{} glyph(s) that have no text in the PDF open list items at one place on several lines (a list "
               "label drawn in a font that lacks it): each run read as a bullet '\u2022', its character unknown")
SCANNED_PAGE = "the page has no text layer (a scanned page?); its content is not read"
DAMAGED = "damaged PDF: {}"
NO_MEDIA_BOX = "page {} has no MediaBox (its page size), not even from the page tree"
BAD_MEDIA_BOX = "page {}'s MediaBox (its page size) is not four numbers"
BAD_PAGE = "page {} cannot be read: its size (MediaBox) or another of its attributes is damaged"
# pdfminer's words for common kinds of damage, and what they mean to a person.
DAMAGE_REASONS = {
    "Unexpected EOF": "the file ends too early (cut short in a download or a copy?)",
    "No /Root object": "the document's catalogue is missing (not a complete PDF)",
}
# Thickest line (pt) that still counts as a rule rather than a filled box.
RULE_THICKNESS = 1.5


@dataclass
class _TextRun:
    """Consecutive body lines of one page, between tables."""

    lines: list[Line]

    @property
    def top(self) -> float:
        return self.lines[0].top


Item = Union[TableDraft, _TextRun]


class NoTextLayer(IngestError):
    """The PDF draws no text at all (a scan): another reader may still read it from its images."""


@dataclass
class PageLayout:
    """One page read: its tables and lines, before the pages are put together."""

    number: int
    height: float
    tables: list[TableDraft]
    lines: list[Line]
    rules: list[Rule]
    frame: Frame
    images: int = 0
    notes: list[Line] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    unmapped: int = 0  # glyphs whose font maps them to no character (objects.UNMAPPED)
    labels: int = 0  # ... of them read as list labels (labels.read_labels)
    bottom_line: frozenset = frozenset()  # keys of the page's lowest line (objects.bottom_line_keys)


def read_pdf(data: bytes, settings: PdfSettings = DEFAULT_SETTINGS, limits: Limits = DEFAULT_LIMITS) -> Document:
    """The PDF's paragraphs, tables (one per table, across pages) and footnotes.

    A file over ``limits.max_input_bytes`` or with more than ``limits.max_pages`` pages
    is refused before any page is read; a stream that decodes past ``limits.max_stream_bytes``
    is refused as it is decoded.
    """
    limits.check_input_size(len(data))
    layouts = read_pages(data, settings, limits)
    if not any(layout.tables or layout.lines for layout in layouts):
        raise NoTextLayer(NO_TEXT)
    warnings = [ReaderWarning("page_unread", SCANNED_PAGE, f"page {layout.number}") for layout in layouts
                if layout.images and not (layout.tables or layout.lines)]
    if any(layout.unmapped for layout in layouts):
        read_list_labels(layouts, settings)
    for layout in layouts:
        lost = layout.unmapped - layout.labels
        warnings += [ReaderWarning("glyph_unread", message.format(count), f"page {layout.number}")
                     for message, count in ((LABELS_READ, layout.labels), (UNMAPPED_GLYPHS, lost)) if count]
    return assemble(layouts, settings, warnings)


def assemble(layouts: list[PageLayout], settings: PdfSettings = DEFAULT_SETTINGS,
             warnings: list[ReaderWarning] | tuple = ()) -> Document:
    """Pages read into one document: furniture dropped, footnotes taken, tables and
    paragraphs carried over page breaks. Any reader that lays out pages (PDF, OCR) ends here."""
    drop_furniture(layouts, settings)
    cited = cited_markers(line for layout in layouts for line in page_lines(layout))
    widest = document_frame(layouts)
    notes: list[Footnote] = []
    for layout in layouts:
        notes.extend(take_footnotes(layout, settings, cited, widest))
        layout.items = page_items(layout)
    join_pages(layouts, settings)
    wrap_spaces = draws_wrap_spaces(followed_lines(layouts), settings)
    cuts = CutWords()

    def every_block() -> list[Block]:
        return [block for layout in layouts for item in layout.items
                for block in item_blocks(item, layout.frame, settings, wrap_spaces, cuts)]

    blocks = every_block()
    if cuts.pairs and cuts.decide(block_texts(blocks)):  # a word cut at a line's end, told by the document's words
        blocks = every_block()
    return Document(tuple(blocks), tuple(notes), (*warnings, *cuts.doubts))


def read_list_labels(layouts: list[PageLayout], settings: PdfSettings) -> None:
    """Unmapped runs opening lines at one place across the document read as bullets, in the
    pages' body lines and table cells (``labels.read_labels``); each page counts its own."""
    containers = [layout.lines for layout in layouts]
    containers += [cell.lines for layout in layouts for table in layout.tables for row in table.rows
                   for cell in row.cells]
    read = read_labels(containers, settings)
    for layout in layouts:
        layout.labels = read.get(layout.number, 0)


def block_texts(blocks: list[Block]) -> Iterator[str]:
    """The text of every paragraph, in the body and in table cells."""
    for block in blocks:
        if isinstance(block, Table):
            yield from (cell.text for row in block.rows for cell in row.cells)
        else:
            yield block.text


def read_pages(data: bytes, settings: PdfSettings, limits: Limits = DEFAULT_LIMITS) -> list[PageLayout]:
    """Every page read into tables and lines; pdfplumber's own errors become IngestError."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    try:
        with bounded_streams(limits):
            pdf = pdfplumber.open(io.BytesIO(data))
            # Before any `with pdf`: pdfplumber's close() builds every page object.
            check_page_tree(pdf.doc, limits)
            try:
                return read_each(_pages(pdf), settings, limits, TaggedBlocks(pdf.doc))
            finally:
                _close(pdf)
    except PdfminerException as error:
        raise pdfminer_error(error) from None
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise IngestError(ENCRYPTED) from None
    except (PSException, MalformedPDFException) as error:
        raise IngestError(DAMAGED.format(damage_reason(error))) from None


# What pdfplumber raises setting up a page whose boxes or rotation are not what they should be.
PAGE_SET_UP_ERRORS = (TypeError, ValueError, IndexError, KeyError)


def _pages(pdf) -> list:
    """pdfplumber's pages; its errors setting one up (a page box or rotation that is not what
    it should be) as one line."""
    try:
        return pdf.pages
    except PAGE_SET_UP_ERRORS:
        raise IngestError(DAMAGED.format("a page's size (MediaBox, CropBox) or rotation cannot be read")) from None


def _close(pdf) -> None:
    """pdfplumber's close(), which builds the pages it closes: on pages that could not be set up
    (``_pages``) it fails again, and the bytes are in memory, so nothing is left open."""
    try:
        pdf.close()
    except PAGE_SET_UP_ERRORS:
        pass


def check_page_tree(doc, limits: Limits) -> None:
    """Refuse too many pages, or a page without a size, from the page tree alone: the
    tree's /Count first, then its pages one by one up to the limit (the count may lie)."""
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import resolve1

    tree = resolve1(doc.catalog.get("Pages"))
    count = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
    if isinstance(count, int):
        limits.check_pages(count)
    pages = 0
    found = PDFPage.create_pages(doc)
    while True:
        try:
            page = next(found, None)
        except (TypeError, ValueError):  # pdfminer reads a page's attributes as it builds it
            raise IngestError(DAMAGED.format(BAD_PAGE.format(pages + 1))) from None
        if page is None:
            return
        pages += 1
        if pages > limits.max_pages:
            limits.check_pages(pages, counting=True)
        box = resolve1(page.attrs.get("MediaBox"))
        if box is None:
            raise IngestError(DAMAGED.format(NO_MEDIA_BOX.format(pages)))
        if not isinstance(box, (list, tuple)) or len(box) != 4 or \
                not all(isinstance(resolve1(value), (int, float)) for value in box):
            raise IngestError(DAMAGED.format(BAD_MEDIA_BOX.format(pages)))


def pdfminer_error(error: Exception, where: str = "") -> IngestError:
    """The IngestError for a PdfminerException (pdfplumber's wrapper, its cause the argument): a
    limit crossed deep inside pdfminer as it was raised, an encrypted file, else a damaged PDF
    (``where``, such as "page 3: ", says where)."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    cause = error.args[0] if error.args else error
    if isinstance(cause, IngestError):
        return cause
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return IngestError(ENCRYPTED)
    return IngestError(DAMAGED.format(where + damage_reason(cause)))


def damage_reason(error: BaseException) -> str:
    """A short reason from a pdfminer exception."""
    text = str(error).strip() or type(error).__name__
    for words, meaning in DAMAGE_REASONS.items():
        if words in text:
            return meaning
    return re.sub(r"\s+", " ", text)[:120]


def read_each(pages: list, settings: PdfSettings, limits: Limits = DEFAULT_LIMITS,
              tagged: TaggedBlocks | None = None) -> list[PageLayout]:
    """The pages read in order, each told the last line of the page before (``read_page``)
    and, in a tagged PDF, the paragraph of each of its glyphs (``structure.TaggedBlocks``)."""
    layouts: list[PageLayout] = []
    carried: frozenset = frozenset()
    for page in pages:
        blocks = tagged.of_page(page.page_obj.attrs) if tagged is not None and tagged.parents else None
        layouts.append(read_page(page, settings, limits, carried, blocks))
        carried = layouts[-1].bottom_line
    return layouts


def read_page(page, settings: PdfSettings = DEFAULT_SETTINGS, limits: Limits = DEFAULT_LIMITS,
              carried: frozenset = frozenset(), blocks: BlockOf | None = None) -> PageLayout:
    """One pdfplumber page: ruled tables, aligned tables, the lines outside them. ``carried``:
    the previous page's last line (``objects.bottom_line_keys``), whose glyphs drawn again
    above this page's first line are dropped (``objects.without_carried``); ``blocks``: a
    tagged page's paragraphs (``objects.page_objects``)."""
    number = page.page_number
    check_time(f"page {number}")
    drawn = page_objects(page, settings, blocks)
    drawn.glyphs = without_carried(drawn.glyphs, carried)
    found = find_ruled_tables(page, drawn.shapes, limits)
    boxes = [table.bbox for table in found]
    inside: list[list[Glyph]] = [[] for _ in found]
    free: list[Glyph] = []
    for glyph in drawn.glyphs:
        for index, (x0, top, x1, bottom) in enumerate(boxes):
            if x0 <= glyph.x0 and glyph.x1 <= x1 + 1 and top <= glyph.middle <= bottom:
                inside[index].append(glyph)
                break
        else:
            free.append(glyph)
    tables = [ruled_table(table, number, chunk, settings) for table, chunk in zip(found, inside)]
    free.extend(glyph for table in tables for glyph in table.stray)
    aligned, lines = find_aligned_tables(group_lines(free, settings, number), settings)
    tables.extend(aligned)
    rules = _rules(drawn.shapes, boxes)
    height = float(page.height)
    page.close()  # the layout is no longer needed: keep memory flat on long documents
    return PageLayout(number, height, tables, lines, rules, text_frame(tables, lines), drawn.images,
                      unmapped=drawn.unmapped, bottom_line=bottom_line_keys(drawn.glyphs))


def _rules(shapes: list[dict], boxes: list[tuple]) -> list[Rule]:
    """Thin horizontal lines drawn outside the page's ruled tables."""
    rules = []
    for shape in shapes:
        if shape["object_type"] == "curve" or shape["bottom"] - shape["top"] > RULE_THICKNESS \
                or shape["x1"] - shape["x0"] <= RULE_THICKNESS:
            continue
        y = (shape["top"] + shape["bottom"]) / 2
        if any(x0 - 1 <= shape["x0"] and shape["x1"] <= x1 + 1 and top - 1 <= y <= bottom + 1
               for x0, top, x1, bottom in boxes):
            continue
        rules.append(Rule(shape["x0"], shape["x1"], y))
    return rules


def text_frame(tables: list[TableDraft], lines: list[Line]) -> Frame:
    """The page's text area as its text and tables show it."""
    lefts = [line.x0 for line in lines] + [t.lefts[0] for t in tables]
    rights = [line.x1 for line in lines] + [t.rights[-1] for t in tables]
    return Frame(min(lefts, default=0.0), max(rights, default=0.0))


def drop_furniture(layouts: list[PageLayout], settings: PdfSettings) -> None:
    """Remove running headers, footers and page numbers from every page."""
    found = find_furniture([layout.lines for layout in layouts], [layout.height for layout in layouts],
                           settings)
    for layout in layouts:
        layout.lines = [line for line in layout.lines if id(line) not in found]


def page_lines(layout: PageLayout):
    """Every line of one page read: its text lines and its tables' cell lines."""
    yield from layout.lines
    for table in layout.tables:
        for row in table.rows:
            yield from row.lines()


def document_frame(layouts: list[PageLayout]) -> Frame:
    """The text area of the document: from the leftmost to the rightmost edge of any page's text."""
    frames = [layout.frame for layout in layouts if layout.tables or layout.lines]
    if not frames:
        return Frame(0.0, 0.0)
    return Frame(min(frame.left for frame in frames), max(frame.right for frame in frames))


def take_footnotes(layout: PageLayout, settings: PdfSettings, cited: frozenset[str], widest: Frame) -> list[Footnote]:
    """Move the page's footnote lines out of its body; return its footnotes
    (``cited``: the markers the document cites, see ``pdf_page.leading_marker``; ``widest``:
    the document's text area, which a footnote rule is short against)."""
    bottom = max((table.bottom for table in layout.tables), default=0.0)
    # A page of notes alone (a browser prints the notes after the text) is as narrow as its
    # notes, and its rule long against them; the body's size counts the tables' text too.
    layout.lines, layout.notes = split_footnotes(layout.lines, layout.rules, widest, bottom,
                                                 settings, cited, main_size(page_lines(layout)))
    return footnotes(layout.notes, layout.frame, settings, cited)


def page_items(layout: PageLayout) -> list[Item]:
    """The page's tables and runs of body lines, top to bottom."""
    items: list[Item] = sorted(layout.tables, key=lambda table: table.top)
    tops = [table.top for table in items]
    runs: dict[int, list[Line]] = {}
    for line in layout.lines:
        slot = sum(1 for top in tops if top <= line.top)
        runs.setdefault(slot, []).append(line)
    for slot in sorted(runs, reverse=True):
        items.insert(slot, _TextRun(runs[slot]))
    return items


def join_pages(layouts: list[PageLayout], settings: PdfSettings) -> None:
    """Carry tables and text over page breaks.

    A table atop a page that continues the one ending the page before (same
    columns, nothing between) is appended to it; body lines at the break that are
    rows of an aligned table on the other side of it join that table; body lines
    atop a page go on from those ending the page before, so a paragraph cut by
    the break is one.
    """
    tail: Item | None = None
    previous: list[Item] = []
    above: Item | None = None  # the item ``tail`` follows
    for layout in layouts:
        items = layout.items
        if items and isinstance(tail, TableDraft) and isinstance(items[0], _TextRun):
            _rows_after(tail, items, settings)
        elif items and isinstance(tail, _TextRun) and isinstance(items[0], TableDraft):
            tail = _rows_before(previous, items[0], settings) if previous else tail
            if isinstance(above, TableDraft) and _heading_before(previous, above, items[0], settings):
                tail = above
        if items and isinstance(tail, TableDraft) and isinstance(items[0], TableDraft) \
                and continues(tail, items[0], settings):
            stitch(tail, items.pop(0), settings)
        elif items and isinstance(tail, _TextRun) and isinstance(items[0], _TextRun):
            tail.lines.extend(items.pop(0).lines)
        if items:
            above = items[-2] if len(items) > 1 else tail
            tail, previous = items[-1], items


def _rows_after(tail: TableDraft, items: list[Item], settings: PdfSettings) -> None:
    """Move the lines atop a page that are rows of the table ending the page before into it
    (a table continuing it may follow them as far as spaced rows follow each other)."""
    run = items[0]
    following = items[1] if len(items) > 1 else None
    followed = isinstance(following, TableDraft) and continues(tail, following, settings) \
        and following.top - run.lines[-1].bottom <= settings.spaced_row_gap * run.lines[-1].size
    found = rows_at_break(run.lines, tail, before=False, followed=followed, settings=settings)
    if found is None:
        return
    draft, taken = found
    run.lines = run.lines[taken:]
    if not run.lines:
        items.pop(0)
    if followed and not run.lines:
        prepend(draft, following, settings)  # the table atop the page starts with the cut row's rest
    else:
        stitch(tail, draft, settings)


def _rows_before(previous: list[Item], table: TableDraft, settings: PdfSettings) -> Item | None:
    """Move the lines ending a page that are rows of the table atop the next one into it; the
    item that then ends the page before (a table above the lines taken may continue there)."""
    run = previous[-1]
    found = rows_at_break(run.lines, table, before=True, settings=settings)
    if found is None:
        return run
    draft, taken = found
    run.lines = run.lines[:-taken]
    if not run.lines:
        previous.pop()
    table.rows[:0] = draft.rows
    return previous[-1] if previous else None


def _heading_before(previous: list[Item], head: TableDraft, table: TableDraft, settings: PdfSettings) -> bool:
    """Move the lines ending a page (``previous``'s last item) that are a heading row of
    ``head``, the table above them, into it, when ``table``, atop the next page, continues
    ``head``; True when they moved."""
    if not previous or not isinstance(previous[-1], _TextRun) or not continues(head, table, settings):
        return False
    rows = heading_rows(head, previous[-1].lines, settings)
    if rows is None:
        return False
    head.rows.extend(rows)
    head.bottom = previous[-1].lines[-1].bottom
    previous.pop()
    return True


def followed_lines(layouts: list[PageLayout]):
    """Every body and cell line of the document with another line after it in its cell or run
    of text, after the pages are put together, as (line, the line after it, their frame):
    only such a line can end at a wrap (a cell's last line, "1. " in a number cell, keeps
    its trailing space for nothing)."""
    for layout in layouts:
        for item in layout.items:
            if isinstance(item, TableDraft):
                for row in item.rows:
                    for cell in row.cells:
                        frame = cell_frame(item, cell)
                        yield from ((line, after, frame) for line, after in zip(cell.lines, cell.lines[1:]))
            else:
                yield from ((line, after, layout.frame) for line, after in zip(item.lines, item.lines[1:]))


def item_blocks(item: Item, frame: Frame, settings: PdfSettings, wrap_spaces: bool,
                cuts: CutWords | None = None) -> list[Block]:
    """The finished blocks of one page item (``cuts`` as ``paragraphs`` takes it)."""
    if isinstance(item, TableDraft):
        return [to_table(item, settings, wrap_spaces, cuts)]
    return list(paragraphs(item.lines, frame, settings, wrap_spaces, cuts))
