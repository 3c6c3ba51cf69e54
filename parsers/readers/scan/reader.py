"""Scan reader: a page image in, the block model out, through Tesseract.

Each page is read in a chain of named steps:

    page image (rendered by pdfplumber, or an image file) → grey, coloured ink faded
    → deskewed → ruled tables (``grid``) → each cell read on its own (Tesseract ``--psm 6``)
    → the text outside the tables read as a block of lines
    → tables without rules among those lines (``columns``: gutters the lines share)
    → bullets and footnote markers found in the ink; misreadings repaired (``repair``)
    → recognised characters as glyphs on the PDF reader's page layout (points)

and from there the pages are put together exactly as a PDF's are
(``pdf.reader.assemble``: furniture, footnotes, tables across pages, paragraphs and
list items), so a scan gives the same blocks as its digital original would.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from parsers.blocks import Document, ReaderWarning
from parsers.limits import DEFAULT_LIMITS, Limits, check_time
from parsers.readers.pdf.lines import Frame, Glyph, Line, make_line
from parsers.readers.pdf.page import Rule
from parsers.readers.pdf.reader import PageLayout, text_frame, assemble
from parsers.readers.pdf.settings import DEFAULT_SETTINGS, PdfSettings
from parsers.readers.pdf.tables import (CellDraft, RowDraft, TableDraft, continues, find_aligned_tables, prepend,
                                        stitch)
from parsers.readers.scan import repair
from parsers.readers.scan.columns import gutter_cuts
from parsers.readers.scan.engine import Engine, Symbol, Word
from parsers.readers.scan.grid import GridTable, find_tables
from parsers.readers.scan.image import PageImage, binarise, image_pages, render_pdf_pages, rotate, skew_angle


# Recognised words are measured by their ink, which is narrower than the advance widths a
# PDF's glyphs have (each letter loses its side bearings): a word that "would have fitted"
# after the line above needs this much more slack (points) before the line counts as ended early.
# A sheet is laid on the glass (or photographed) a little differently each page: a table
# continued on the next page may lie shifted as a whole by up to 5 mm. A word cut at a
# column's edge and the first letter of its rest measure 0.5-3 pt shorter by their ink than
# their advances do (in the sample and narrow-column scans), so a cut needs slack to show.
OCR_PDF_SETTINGS = replace(DEFAULT_SETTINGS, fit_slack=4.0, page_shift=14.0, cut_slack=2.0)


@dataclass(frozen=True)
class ScanSettings:
    """The scan reader's thresholds, in one place."""

    confidence_threshold: float = 60.0
    """A word Tesseract is less sure of than this (0-100) makes its cell an ``ocr_doubtful``
    warning naming the page and row, the text kept as read. On the sample scans most words
    score 85-97; the lone row numbers it misread from grey crops ("Poe" for "2.") scored 37-59."""
    reread_below: float = 75.0
    """A cell whose least sure word scores under this is read again at twice the size;
    the surer reading is kept."""
    min_skew: float = 0.2
    """Degrees below which a page is left unturned (turning costs a little sharpness)."""
    cell_inset_in: float = 0.02
    """Inches cut from each side of a cell before it is read, so its rules are not read as text."""
    cell_margin_in: float = 0.1
    """Inches of paper added around a cell's crop before it is read."""
    min_cell_ink: int = 12
    """Ink pixels below which a cell is taken as empty and not read (specks, rule ends)."""
    superscript_height: float = 0.62
    """A character shorter than this share of its line, raised above the line's middle,
    is a superscript (a footnote marker)."""
    orientation_check: float = 75.0
    """Mean word confidence of a page below which Tesseract's OSD is asked whether the page
    is upside down or on its side; the page is then turned and read again. The sample scans'
    upright pages score 94-96, the 200 dpi page turned on its side 56."""
    pdf: PdfSettings = field(default_factory=lambda: OCR_PDF_SETTINGS)
    """The PDF reader's settings its steps use on the recognised lines."""


DEFAULT_SCAN_SETTINGS = ScanSettings()


@dataclass
class PageRead:
    """One page read: its layout for ``assemble`` and what the reader was unsure of."""

    layout: PageLayout
    warnings: list[ReaderWarning] = field(default_factory=list)
    confidence: float = 100.0


def read_scan_pdf(data: bytes, limits: Limits = DEFAULT_LIMITS,
                  settings: ScanSettings = DEFAULT_SCAN_SETTINGS) -> Document:
    """An image-only PDF read through OCR (pages rendered by pdfplumber)."""
    limits.check_input_size(len(data))
    return read_page_images(render_pdf_pages(data, limits), settings)


def read_image(data: bytes, limits: Limits = DEFAULT_LIMITS,
               settings: ScanSettings = DEFAULT_SCAN_SETTINGS) -> Document:
    """A PNG, JPEG or TIFF (each TIFF frame a page) read through OCR."""
    limits.check_input_size(len(data))
    return read_page_images(image_pages(data, limits), settings)


def read_page_images(pages, settings: ScanSettings = DEFAULT_SCAN_SETTINGS) -> Document:
    """Pages (``PageImage``s, one at a time) read and put together into one document."""
    layouts: list[PageLayout] = []
    warnings: list[ReaderWarning] = []
    with Engine() as engine:
        for page in pages:
            read = read_page(page, engine, settings)
            layouts.append(read.layout)
            warnings.extend(read.warnings)
        version = engine.version
    document = assemble(layouts, settings.pdf, warnings)
    return replace(document, ocr=version)


def read_page(page: PageImage, engine: Engine, settings: ScanSettings = DEFAULT_SCAN_SETTINGS) -> PageRead:
    """One page: straightened, its tables found and read cell by cell, its other text read."""
    grey = page.image
    ink = binarise(grey, page.dpi)
    angle = skew_angle(ink)
    if abs(angle) >= settings.min_skew:
        grey, ink = rotate(grey, angle), None
    read = _read_layout(page, grey, engine, settings, ink)
    if read.confidence < settings.orientation_check:
        turn = engine.orientation(grey)
        if turn:
            read = _read_layout(page, grey.rotate(turn, expand=True), engine, settings)
    return read


@dataclass
class _CellRead:
    """One cell's words, read, before they become lines."""

    draft: CellDraft
    row: int
    box: tuple[int, int, int, int]  # the cell's box on the grid (pixels)
    origin: tuple[int, int]  # where its words' boxes are measured from
    words: list[Word] = field(default_factory=list)
    inked: bool = False  # it holds marks worth reading


def _read_layout(page: PageImage, grey, engine: Engine, settings: ScanSettings, ink=None) -> PageRead:
    """Tables and free text of a straight page image, as a PDF page layout; ``ink``: the
    image binarised already (``binarise``), when it was for its skew.

    Tesseract is given our binarised page (black print on white), not the grey one: its own
    threshold, taken per small cell crop, breaks thin glyphs (on the 200 dpi sample it read
    23 of 36 lone row numbers such as "1." right from grey crops, 36 of 36 from ours).
    All words are read first, then made into lines, so that every line can be measured
    against the page's type (``page_cap_height``).
    """
    from PIL import Image

    ink = binarise(grey, page.dpi) if ink is None else ink
    ruled = find_tables(ink, page.dpi)
    grids, loose = ruled.tables, ruled.loose
    # The rules are taken out of the text: a rule a photo's perspective leaves slanting
    # runs into the edge of a cell's crop, and is read as "|" or spoils the letters by it.
    ink &= ~ruled.rules
    clean = Image.fromarray(255 - ink)
    scale = 72 / page.dpi
    warnings: list[ReaderWarning] = []
    tables = [(grid, _read_cells(grid, clean, ink, page, engine, settings, warnings)) for grid in grids]
    # The text outside the tables: the page with its tables painted over with paper.
    outside = ink.copy()
    for grid in grids:
        x0, top, x1, bottom = grid.box
        outside[top:bottom, x0:x1] = 0
    masked = Image.fromarray(255 - outside)
    words = engine.read(masked, psm=4, dpi=page.dpi) if _has_ink(ink, None, settings) else []
    words = [w for w in words if not any(_inside(w, grid.box) for grid in grids) and _inked(masked, w, 0, 0)]
    repairs: list[tuple[str, str]] = []
    unread = unread_words(masked, outside, words, engine, page.dpi, settings, repairs, warnings,
                          f"page {page.number}")
    words = one_line_per_baseline(words + unread)
    words = mark_bullets(split_markers(words, masked, 0, 0, engine, page.dpi, settings, repairs), masked, 0, 0)
    warnings.extend(_repaired(repairs, f"page {page.number}"))
    cap = page_cap_height(words + [w for _, cells in tables for cell in cells for w in cell.words])
    if cap:
        for cell in (cell for _, cells in tables for cell in cells):
            fixed: list[tuple[str, str]] = []
            cell.words = in_russian(cell.words, clean, *cell.origin, engine, page.dpi, cap, settings, fixed)
            warnings.extend(_repaired(fixed, f"page {page.number}, row {cell.row + 1}"))
        fixed = []
        words = in_russian(words, masked, 0, 0, engine, page.dpi, cap, settings, fixed)
        warnings.extend(_repaired(fixed, f"page {page.number}"))
    every = words + [w for _, cells in tables for cell in cells for w in cell.words]
    known = repair.page_words(w.text for w in every)
    drafts = [_build_table(grid, cells, ink, page, cap, known, settings, warnings) for grid, cells in tables]
    lines = _lines([_ink_band(w, ink) for w in words], 0, 0, scale, page.number, settings, warnings,
                   f"page {page.number}", cap, known)
    aligned, lines = _unruled_tables(lines, page.number, settings, warnings)
    drafts = sorted(drafts + aligned, key=lambda draft: draft.top)
    for line_words in _doubtful(words, settings):
        warnings.append(_doubt(line_words, page.number, None))
    rules = [Rule(s.start * scale, s.end * scale, s.at * scale) for s in loose]
    layout = PageLayout(page.number, grey.size[1] * scale, drafts, lines, rules, text_frame(drafts, lines))
    mean = sum(w.confidence for w in every) / len(every) if every else 0.0
    return PageRead(layout, warnings, mean)


def _unruled_tables(lines: list[Line], page: int, settings: ScanSettings,
                    warnings: list[ReaderWarning]) -> tuple[list[TableDraft], list[Line]]:
    """Tables without rules among the page's text lines, as the PDF reader finds them
    (``find_aligned_tables``), its columns cut at the gutters neighbouring lines share
    (``columns.gutter_cuts``); each table is an ``ocr_unruled`` warning."""
    aligned, rest = find_aligned_tables(lines, settings.pdf, gutter_cuts(lines, settings.pdf))
    aligned = _rejoined(aligned, rest, settings)
    for draft in aligned:
        for cell in (cell for row in draft.rows for cell in row.cells):
            cell.lines = [_without_end_space(line, settings) for line in cell.lines]
        warnings.append(ReaderWarning("ocr_unruled", UNRULED.format(rows=len(draft.rows), columns=len(draft.lefts)),
                                      f"page {page}"))
    return aligned, rest


def unread_words(clean, ink, words: list[Word], engine: Engine, dpi: int, settings: ScanSettings,
                 repairs: list[tuple[str, str]], warnings: list[ReaderWarning], where: str) -> list[Word]:
    """The words in ink that reading the page left out, each patch read on its own as a cell is
    (``ink``: the page's ink, non-zero where ``clean`` is dark).

    Tesseract's page layout (``--psm 4``) now and then drops a narrow column whole: the row
    numbers "3." to "9." of a table without rules atop a page, clear of the cities beside
    them. Ink no word's box covers is joined letter to letter into patches; a patch the size
    of print (``UNREAD_HEIGHT_IN``) that lines up with the page's text (``_lines_up``; its text
    is its words of two letters or more, read surely) is read, at most ``UNREAD_MAX_PATCHES``
    of them (the rest skipped, said in a warning). Pen strokes, a signature, a stamp's ring are
    such ink too: a reading without a letter or a digit is dropped, and one that is not a
    column of row numbers (``_row_numbers``) is an ``ocr_doubtful`` warning at ``where``."""
    import cv2
    import numpy as np

    ink = (ink > 0).astype(np.uint8)  # a copy, whose words are wiped out below
    pad = max(2, dpi // 100)
    for word in words:
        ink[max(word.top - pad, 0):word.bottom + pad, max(word.x0 - pad, 0):word.x1 + pad] = 0
    letters = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (int(UNREAD_JOIN_IN * dpi) | 1, 1)))
    count, _, stats, _ = cv2.connectedComponentsWithStats(letters, connectivity=8)
    low, high = (int(limit * dpi) for limit in UNREAD_HEIGHT_IN)
    # The page's text is its words of letters, read surely: pen strokes are read too, as signs.
    text = [w for w in words if w.confidence >= settings.confidence_threshold
            and sum(ch.isalpha() for ch in w.text) >= 2]
    bands, edges = _line_bands(text), _column_edges(text, int(UNREAD_EDGE_IN * dpi))
    patches = sorted((int(y), int(x), int(x + width), int(y + height)) for x, y, width, height, _ in stats[1:]
                     if low <= height <= high and int(ink[y:y + height, x:x + width].sum()) >= settings.min_cell_ink)
    patches = [(x0, top, x1, bottom) for top, x0, x1, bottom in patches
               if _lines_up((x0, top, x1, bottom), bands, edges, int(UNREAD_EDGE_IN * dpi))]
    if len(patches) > UNREAD_MAX_PATCHES:
        warnings.append(ReaderWarning("ocr_unread", UNREAD_SKIPPED.format(count=len(patches) - UNREAD_MAX_PATCHES,
                                                                          limit=UNREAD_MAX_PATCHES), where))
        patches = patches[:UNREAD_MAX_PATCHES]
    found: list[Word] = []
    line = max((word.line for word in words), default=-1) + 1
    for box in patches:
        check_time(f"{where}, ink left unread")
        read = [w for w in _read_region(clean, box, engine, dpi, settings, repairs, where)
                if w.confidence >= settings.confidence_threshold and any(ch.isalnum() for ch in w.text)]
        found.extend(replace(_moved(word, box[0], box[1]), line=line + word.line) for word in read)
        line += 1 + max((word.line for word in read), default=0)
    numbers = {id(word) for word in _row_numbers(found, words, bands, int(UNREAD_EDGE_IN * dpi))}
    doubtful = [word for word in found if id(word) not in numbers]
    if doubtful:
        shown = ", ".join(f"'{w.text}' ({w.confidence:.0f}%)" for w in doubtful)
        warnings.append(ReaderWarning("ocr_doubtful", UNREAD_DOUBT.format(words=shown), where))
    return found


def _by_line(words: list[Word]) -> dict[int, list[Word]]:
    """The words of each text line (Tesseract's line number), in the order given."""
    lines: dict[int, list[Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    return lines


def _band(words: list[Word]) -> tuple[int, int]:
    """The band the words stand in: from the top of the highest to the bottom of the lowest (pixels)."""
    return min(w.top for w in words), max(w.bottom for w in words)


def _line_bands(words: list[Word]) -> list[tuple[int, int, int]]:
    """Each text line's band (top, bottom) and the left edge of its first word (pixels)."""
    return [(*_band(group), min(w.x0 for w in group)) for group in _by_line(words).values()]


def _column_edges(words: list[Word], tolerance: int) -> tuple[list[int], list[int]]:
    """The left and the right word edges at least ``UNREAD_EDGE_LINES`` text lines share: columns'."""
    found: tuple[list[int], list[int]] = ([], [])
    for edges, side in zip(found, (sorted((w.x0, w.line) for w in words), sorted((w.x1, w.line) for w in words))):
        xs = [x for x, _ in side]
        for at in xs:
            near = side[bisect_left(xs, at - tolerance):bisect_right(xs, at + tolerance)]
            if len({line for _, line in near}) >= UNREAD_EDGE_LINES:
                edges.append(at)
    return found


def _lines_up(box, bands: list[tuple[int, int, int]], edges: tuple[list[int], list[int]], tolerance: int) -> bool:
    """True when a patch of ink stands on one of the page's text lines (shares more than
    ``SAME_BASELINE`` of its height with the line's band, and is no taller than twice it),
    or starts at a column's left edge or ends at its right edge (``_column_edges``)."""
    x0, top, x1, bottom = box
    for band_top, band_bottom, _ in bands:
        if _same_baseline(top, bottom, band_top, band_bottom) and bottom - top <= 2 * (band_bottom - band_top):
            return True
    lefts, rights = edges
    return any(abs(edge - x0) <= tolerance for edge in lefts) or any(abs(edge - x1) <= tolerance for edge in rights)


def _same_baseline(top: float, bottom: float, other_top: float, other_bottom: float) -> bool:
    """True when two bands share more than ``SAME_BASELINE`` of the lower one's height."""
    return min(bottom, other_bottom) - max(top, other_top) > \
        SAME_BASELINE * min(bottom - top, other_bottom - other_top)


def _row_numbers(found: list[Word], words: list[Word], bands: list[tuple[int, int, int]],
                 tolerance: int) -> list[Word]:
    """The words read from unread ink that are a column of row numbers, as Tesseract drops
    them: numbers ("3.", "12"), each opening a text line of the page (left of its first
    word), at least ``UNREAD_EDGE_LINES`` of them (these and those the page's reading found,
    ``words``) sharing a left or a right edge."""
    def opens_line(word: Word) -> bool:
        return any(min(word.bottom, bottom) - max(word.top, top) > SAME_BASELINE * (word.bottom - word.top)
                   and word.x1 <= left for top, bottom, left in bands)

    numbers = [w for w in found if ROW_NUMBER.match(w.text) and opens_line(w)]
    column = numbers + [w for w in words if ROW_NUMBER.match(w.text)]
    return [w for w in numbers
            if sum(1 for other in column if abs(other.x0 - w.x0) <= tolerance
                   or abs(other.x1 - w.x1) <= tolerance) >= UNREAD_EDGE_LINES]


def one_line_per_baseline(words: list[Word]) -> list[Word]:
    """The page's words with one text line for all the words on one baseline, as a PDF's
    lines are made: Tesseract (``--psm 4``) may give each cell of a row without rules a text
    line of its own ("7." / "Москва" / "876 лет" / "9-10 сентября" atop a page), and a
    row read as four one-place lines is a row of no table.

    Lines are joined when their bands (top to bottom of their words) overlap by more than
    ``SAME_BASELINE`` of the lower one's height and their words do not overlap across."""
    lines = _by_line(words)
    bands = sorted((*_band(group), key) for key, group in lines.items())
    groups: list[list] = []  # [top, bottom, keys, spans]
    for top, bottom, key in bands:
        spans = [(w.x0, w.x1) for w in lines[key]]
        for group in groups:
            clear = not any(a < d and c < b for a, b in spans for c, d in group[3])
            if _same_baseline(top, bottom, group[0], group[1]) and clear:
                group[0], group[1] = min(top, group[0]), max(bottom, group[1])
                group[2].append(key)
                group[3].extend(spans)
                break
        else:
            groups.append([top, bottom, [key], spans])
    renumbered = {key: index for index, group in enumerate(groups) for key in group[2]}
    if len(groups) == len(lines):
        return words
    return [replace(word, line=renumbered[word.line]) for word in words]


def _rejoined(drafts: list[TableDraft], lines: list[Line], settings: ScanSettings) -> list[TableDraft]:
    """Tables without rules that follow one another on the page, no line between them, and
    show the same columns (``continues``, as a table carried to the next page does), as one.

    One row whose gutter OCR did not see (a word read across it, a cell's text run close to
    the next) fits none of the table's columns and ends the table there; the rows after it
    would start a table of their own with no header, whose rows fit no column of the plan.
    """
    out: list[TableDraft] = []
    for draft in drafts:
        head = out[-1] if out else None
        between = head is not None and any(head.bottom <= (line.top + line.bottom) / 2 <= draft.top
                                           for line in lines)
        if head is None or between:
            out.append(draft)
        elif continues(head, draft, settings.pdf):
            stitch(head, draft, settings.pdf)
        elif len(draft.lefts) > len(head.lefts) and continues(draft, head, settings.pdf):
            prepend(head, draft, settings.pdf)  # the first piece showed fewer columns
            out[-1] = draft
        else:
            out.append(draft)
    return out


def _read_cells(grid: GridTable, clean, ink, page: PageImage, engine: Engine, settings: ScanSettings,
                warnings: list[ReaderWarning]) -> list[_CellRead]:
    """Each cell of a ruled table read alone (its words; lines come later)."""
    inset = max(2, int(settings.cell_inset_in * page.dpi))
    cells = []
    for cell in grid.cells:
        x0, top, x1, bottom = cell.box
        box = (x0 + inset, top + inset, x1 - inset, bottom - inset)
        read = _CellRead(CellDraft(cell.column, cell.col_span, cell.row_span), cell.row, cell.box, box[:2])
        if box[2] > box[0] and box[3] > box[1] and _has_ink(ink, box, settings):
            read.inked = True
            repairs: list[tuple[str, str]] = []
            where = f"page {page.number}, row {cell.row + 1}"
            read.words = _read_region(clean, box, engine, page.dpi, settings, repairs, where)
            warnings.extend(_repaired(repairs, where))
        cells.append(read)
    return cells


def _build_table(grid: GridTable, cells: list[_CellRead], ink, page: PageImage, cap: float | None,
                 known: frozenset[str], settings: ScanSettings, warnings: list[ReaderWarning]) -> TableDraft:
    """A ruled table's read cells as a draft the PDF reader's steps finish."""
    scale = 72 / page.dpi
    rows = [RowDraft([], page.number) for _ in range(len(grid.ys) - 1)]
    for read in cells:
        draft, words = read.draft, read.words
        if words:
            where = f"page {page.number}, row {read.row + 1}"
            draft.lines = _lines(words, *read.origin, scale, page.number, settings, warnings, where, cap, known)
            draft.confidence = min(w.confidence for w in words)
            low = [w for w in words if w.confidence < settings.confidence_threshold]
            if low:
                warnings.append(_doubt(low, page.number, read.row + 1, words))
        elif read.inked and _has_ink(ink, _inner(read.box, page.dpi, settings), settings, UNREAD_INK):
            warnings.append(ReaderWarning("ocr_unread", "a cell holds marks but OCR read no text in it; "
                                          "it is left empty", f"page {page.number}, row {read.row + 1}"))
        rows[read.row].cells.append(draft)
    # As the PDF reader does for a ruled table: text sits one padding in from the rules, the
    # same in every cell, so a cell's frame (where its lines may reach) is its box less that.
    padding = min((line.x0 - read.box[0] * scale for read in cells for line in read.draft.lines), default=0.0)
    padding = max(padding, 0.0)
    for read in cells:
        read.draft.frame = Frame(read.box[0] * scale + padding, read.box[2] * scale - padding)
    for row in rows:
        row.cells.sort(key=lambda c: c.column)
    xs = [x * scale for x in grid.xs]
    return TableDraft(rows, xs[:-1], xs[1:], grid.ys[0] * scale, grid.ys[-1] * scale, page.number, ruled=True)


def _without_end_space(line: Line, settings: ScanSettings) -> Line:
    """A piece of a line cut at a gutter, without the space the reader put between its words:
    OCR draws no spaces, and the PDF reader takes a line ending in one as wrapped there."""
    glyphs = list(line.glyphs)
    while glyphs and glyphs[-1].is_space:
        glyphs.pop()
    return line if len(glyphs) == len(line.glyphs) else make_line(glyphs, settings.pdf, line.page)


def _ink_band(word: Word, ink) -> Word:
    """The word's box cut down to its ink's main band: Tesseract's boxes of words read on a
    whole page are at times a few pixels too tall, or reach a letter of the next line, and a
    line's baseline and size are measured from them. The band is the longest run of ink rows
    (a dot or breve above, a descender below, touch or nearly touch it, and stay)."""
    import numpy as np

    rows = (ink[word.top:word.bottom, word.x0:word.x1] > 0).any(axis=1)
    if not rows.any():
        return word
    best, start, run = (0, 0), None, 0
    for index, inked in enumerate(np.append(rows, False)):
        if inked:
            start = index if start is None else start
            run = 0
        elif start is not None:
            run += 1
            if run > BAND_GAP:
                end = index - run + 1
                best = max(best, (start, end), key=lambda band: band[1] - band[0])
                start, run = None, 0
    if start is not None:
        best = max(best, (start, len(rows)), key=lambda band: band[1] - band[0])
    top, bottom = word.top + best[0], word.top + best[1]
    return word if (top, bottom) == (word.top, word.bottom) else replace(word, top=top, bottom=bottom)


def page_cap_height(words: list[Word]) -> float | None:
    """The height of the page's capital letters (pixels): the median height of the words
    written with one capital and then small letters without ascenders or descenders
    ("Москва", "Организатор"), which Tesseract reads with the surest case; None when none."""
    heights = sorted(w.bottom - w.top for w in words if repair.is_capitalised(w.text))
    return float(heights[len(heights) // 2]) if heights else None


def _read_region(clean, box, engine: Engine, dpi: int, settings: ScanSettings,
                 repairs: list[tuple[str, str]], where: str) -> list[Word]:
    """The words of one region (a cell), boxes relative to its corner.

    Read once on a margin of paper; when a word scores under ``reread_below``, read again at
    twice the size, and the reading whose least sure word is surer is kept.
    """
    from PIL import Image

    margin = int(settings.cell_margin_in * dpi)
    crop = _padded(clean, box, margin)
    words = [_moved(w, -margin, -margin) for w in engine.read(crop, psm=6, dpi=dpi)]
    least = min((w.confidence for w in words), default=0.0)
    if not words or least < settings.reread_below:
        big = crop.resize((crop.width * 2, crop.height * 2), Image.Resampling.LANCZOS)
        again = [_moved(w, -2 * margin, -2 * margin, 2) for w in engine.read(big, psm=6, dpi=dpi * 2)]
        if again and min(w.confidence for w in again) > least:
            words = again
    words = [w for w in words if _inked(clean, w, box[0], box[1])]
    words = split_markers(words, clean, box[0], box[1], engine, dpi, settings, repairs)
    words = carried_marks(words, clean, box, repairs, where)
    return mark_bullets(words, clean, box[0], box[1])


def carried_marks(words: list[Word], clean, box, repairs: list[tuple[str, str]], where: str) -> list[Word]:
    """The region's words, a closing mark alone on a line of its own given to the last word of
    the line above: where a word fills a narrow cell, LibreOffice carries the mark after it down
    ("Организаторы" / ":", "ежеквартал" / "."), and Tesseract reads no such line. The mark is
    found in the ink no word covers: at the text's left edge, on no word's line, on the next
    line's baseline, nothing else beside it; one dot or two stacked (``_mark_of``), one to a line
    (the first below it). Each is in ``repairs``; ``where`` names the region for the time limit."""
    import cv2
    import numpy as np

    if not words:
        return words
    ink = (np.asarray(clean.crop(box)) < 128).astype(np.uint8)
    for word in words:
        ink[max(word.top, 0):word.bottom, max(word.x0, 0):word.x1] = 0
    height = sorted(w.bottom - w.top for w in words)[len(words) // 2]
    bands = sorted((*_band(group), line) for line, group in _by_line(words).items())
    left = min(w.x0 for w in words)
    joined = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(3, height // 3) | 1)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    xs, tops, talls = (stats[1:, column].astype(np.int64) for column in (0, 1, 3))
    bottoms = tops + talls
    # The blobs sharing each one's rows, itself included: those starting above its bottom, less
    # those ending by its top (a speckled cell has thousands; this is two sorts, not a pair loop).
    sharing = np.searchsorted(np.sort(tops), bottoms, "left") - np.searchsorted(np.sort(bottoms), tops, "right")
    candidates = np.flatnonzero((xs - left <= height // 2) & (sharing == 1))
    out = list(words)
    marked: set[int] = set()  # the lines above given a mark
    for index in candidates[np.argsort(tops[candidates], kind="stable")]:
        check_time(f"{where}, a mark alone on a line")
        x, y, width, tall = (int(v) for v in stats[index + 1, :4])
        above = [band for band in bands if band[1] <= y]
        if not above or above[-1][2] in marked or y + tall - above[-1][1] > 2 * height:  # the next line's baseline
            continue
        if any(top < y + tall and y < bottom for top, bottom, _ in bands):
            continue
        mark = _mark_of(ink[y:y + tall, x:x + width] * (labels[y:y + tall, x:x + width] == index + 1), height)
        if mark is None:
            continue
        marked.add(above[-1][2])
        last = max((w for w in out if w.line == above[-1][2]), key=lambda w: w.x1)
        repairs.append((f"a mark alone on the line after '{last.text}'", f"{last.text}{mark}"))
        out[out.index(last)] = replace(last, text=last.text + mark)
    return out


def _mark_of(blot, height: int) -> str | None:
    """The closing mark a small blot of ink is (a region of the blot's pixels, 1 for ink), by its
    shape: one dot a period, one with a tail below it a comma, two stacked a colon (a semicolon
    when the lower has the tail); None for anything else (a speck, a dash, a letter)."""
    import cv2

    count, _, stats, _ = cv2.connectedComponentsWithStats(blot.astype("uint8"), connectivity=8)
    dots = sorted((tuple(int(v) for v in stat[:4]) for stat in stats[1:]), key=lambda dot: dot[1])
    if not 1 <= len(dots) <= 2 or dots[-1][1] + dots[-1][3] - dots[0][1] > 0.8 * height:
        return None
    small, large = MARK_DOT
    if not all(small * height <= w <= large * height and small * height <= h <= 2 * large * height
               for _, _, w, h in dots):
        return None
    tail = dots[-1][3] > MARK_TAIL * dots[-1][2]
    if len(dots) == 1:
        return "," if tail else "."
    return ";" if tail else ":"


def in_russian(words: list[Word], clean, dx: int, dy: int, engine: Engine, dpi: int, cap: float,
               settings: ScanSettings, repairs: list[tuple[str, str]]) -> list[Word]:
    """The words Tesseract gave in Latin capitals only as tall as small letters (``repair.
    is_latin_small_misread``: "NOCTOAHH" for "постоянн", a word filling a narrow column, which
    it reads so at any size) read again in Russian alone, each repair in ``repairs``; a word
    whose reading again is not small Cyrillic letters (``repair.as_small_letters``) stays as it
    was. The reading again is less sure than the Latin one (64 % to 91 % for "постоянн" in the
    narrow-column scans), so its confidence tells nothing and is kept as it is."""
    out = []
    for word in words:
        if not repair.is_latin_small_misread(word, cap):
            out.append(word)
            continue
        margin = int(settings.cell_margin_in * dpi)
        crop = _padded(clean, (word.x0 + dx, word.top + dy, word.x1 + dx, word.bottom + dy), margin)
        again = [replace(_moved(w, word.x0 - margin, word.top - margin), line=word.line)
                 for w in engine.read(crop, psm=7, dpi=dpi, first=True)]
        small = [repair.as_small_letters(w.text) for w in again]
        if not again or None in small:
            out.append(word)
            continue
        again = [replace(w, text=text) for w, text in zip(again, small)]
        repairs.append((word.text, " ".join(w.text for w in again)))
        out.extend(again)
    return out


def split_markers(words: list[Word], clean, dx: int, dy: int, engine: Engine, dpi: int,
                  settings: ScanSettings, repairs: list[tuple[str, str]]) -> list[Word]:
    """Words that swallowed a raised footnote marker ("¹Дни" read as a doubtful "Дни",
    "МАГ¹" as "МАГ\""), read again in two parts: the marker alone, then the rest.

    The marker is found in the ink, not in Tesseract's character boxes (they overlap and
    shift): the word's first or last blot of ink, small, above the word's middle and clear
    of its neighbour. Only doubtful words and words ending in a quote-like mark are looked at.
    """
    heights = _line_heights(words)
    out = []
    for word in words:
        height, middle = heights[word.line]
        quote_end = word.text[-1] in repair.QUOTE_LIKE and len(word.text) > 1
        if word.confidence >= settings.confidence_threshold and not quote_end:
            out.append(word)
            continue
        blots = _blots(clean, word, dx, dy)
        found = None
        if len(blots) >= 2 and word.confidence < settings.confidence_threshold \
                and _marker_blot(blots[0], blots[1], height, middle, settings, leading=True):
            found = (blots[0], (blots[0][2] + 1, word.top, word.x1, word.bottom), True)
        elif len(blots) >= 2 and _marker_blot(blots[-1], blots[-2], height, middle, settings, leading=False):
            found = (blots[-1], (word.x0, word.top, blots[-1][0] - 1, word.bottom), False)
        if found is None:
            out.append(word)
            continue
        marker_box, rest_box, leading = found
        out.append(_reread_split(word, marker_box, rest_box, leading, clean, dx, dy, engine, dpi, repairs))
    return out


def mark_bullets(words: list[Word], clean, dx: int, dy: int) -> list[Word]:
    """Bullets found in the ink: a line whose first blot is a filled round dot, clear of the
    text after it, opens with "•", whatever Tesseract read there ("e", "$", "*", "©" or
    nothing at all)."""
    heights = _line_heights(words)
    out = list(words)
    for line, group in _by_line(words).items():
        group.sort(key=lambda w: w.x0)
        first = group[0]
        height, _ = heights[line]
        top, bottom = _band(group)
        reach = group[1].x1 if len(group) > 1 else first.x1  # the dot and the text after it
        strip = Word("", max(first.x0 - 3 * height, 0), top, reach, bottom, 0.0, line, ())
        blots = _blots(clean, strip, dx, dy)
        if len(blots) < 2 or not _is_dot(blots[0], height) or blots[1][0] - blots[0][2] < 0.25 * height:
            continue
        dot = blots[0]
        bullet = Word(BULLET, *dot, first.confidence, line, (Symbol(BULLET, *dot),))
        if dot[2] < first.x0:  # Tesseract read nothing there
            out.insert(out.index(first), bullet)
        elif len(first.text) <= 2 and not first.text[-1].isalnum() or len(first.text) == 1:
            out[out.index(first)] = bullet  # the dot, misread as a letter or a sign
    return out


def _is_dot(blot, height: int) -> bool:
    """A filled round blot a third to a half of the line's height across: a bullet."""
    x0, top, x1, bottom = blot
    width, tall = x1 - x0, bottom - top
    return 0.2 * height <= tall <= 0.6 * height and 0.7 <= width / max(tall, 1) <= 1.4


def _blots(clean, word: Word, dx: int, dy: int) -> list[tuple[int, int, int, int]]:
    """The separate blots of ink in a word's box (boxes relative to the region), left to right;
    a letter's dots and accents are separate blots too."""
    import cv2
    import numpy as np

    box = (word.x0 + dx, word.top + dy, word.x1 + dx, word.bottom + dy)
    ink = (np.asarray(clean.crop(box)) < 128).astype("uint8")
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    blots = [(word.x0 + int(x), word.top + int(y), word.x0 + int(x + w), word.top + int(y + h))
             for x, y, w, h, area in stats[1:] if area >= 3 and area >= FILLED * w * h * (w * h > 16)]
    return sorted(blots)


def _marker_blot(blot, neighbour, height: int, middle: float, settings: ScanSettings, leading: bool) -> bool:
    """True when ``blot`` at the word's end is a raised marker: short, above its line's middle,
    and clear of the next blot (a dot or an accent sits over its letter)."""
    def raised(box) -> bool:
        return box[3] - box[1] < settings.superscript_height * height and box[3] < middle

    x0, _, x1, _ = blot
    clear = neighbour[0] > x1 if leading else neighbour[2] < x0
    # Two raised ticks side by side are a quotation mark, not a marker.
    return raised(blot) and not raised(neighbour) and clear and x1 - x0 < height


MARKER_PIXELS = 40
MARK_DOT = (0.08, 0.3)  # a mark's dot: its width, as a share of the region's word height
MARK_TAIL = 1.4  # a dot this many times taller than wide has a comma's tail
UNREAD_JOIN_IN = 0.06  # gap between letters closed to make a patch of unread ink a word
UNREAD_HEIGHT_IN = (0.06, 0.4)  # heights of a patch of unread ink that can be print (a digit, a line)
UNREAD_EDGE_IN = 0.04  # how near (inches) a patch's edge comes to a column edge to stand on it
UNREAD_EDGE_LINES = 2  # text lines whose words must share an edge for it to be a column's edge
# Patches of unread ink read again on one page, at most: a column of row numbers is a few
# dozen; a page of pen strokes or specks lined up with its text would cost a read each.
UNREAD_MAX_PATCHES = 60
UNREAD_SKIPPED = ("{count} more patches of ink that OCR's reading of the page left out were not read again "
                  "(at most {limit} are); any text in them is lost: check the page against the scan")
UNREAD_DOUBT = ("OCR's reading of the page left out ink it then read alone as {words}: kept as read, "
                "it may be a pen stroke, a stamp or a signature; check it against the scan")
ROW_NUMBER = re.compile(r"^\d{1,3}[.)]?$")  # a row's number as a plan's tables give it: "3.", "12", "4)"
SAME_BASELINE = 0.5  # share of a line's height another must share to stand on its baseline
MIN_WORD_INK = 2  # ink pixels a word's box must hold to be a word at all
BAND_GAP = 2  # rows of paper a word's ink band may hold (a dot above its letter is that close)
UNRULED = ("a table without rules: its {rows} rows and {columns} columns are placed by where OCR found "
           "its words, so a row or a cell may be split or joined wrongly; check it against the scan")
# Share of a cell's area in ink from which a cell read as empty is reported (specks are less).
UNREAD_INK = 0.002
BULLET = "•"
FILLED = 0.0  # blots are kept whatever their fill; see _is_dot
STROKE_ASPECT = 2.0
# Both parts of a split word must read at least this sure, or the word stays as first read.
CONFIDENT = 70.0


def _reread_split(word: Word, marker_box, rest_box, leading: bool, clean, dx: int, dy: int,
                  engine: Engine, dpi: int, repairs: list[tuple[str, str]]) -> Word:
    """The word rebuilt from its marker and its rest, each read alone; as read when either fails."""
    from PIL import Image

    def crop(box, factor: int):
        x0, top, x1, bottom = box
        piece = _padded(clean, (x0 + dx, top + dy, x1 + dx, bottom + dy), 10)
        return piece.resize((piece.width * factor, piece.height * factor), Image.Resampling.LANCZOS)

    if rest_box[2] <= rest_box[0] or marker_box[2] <= marker_box[0]:
        return word
    # Enlarged until the marker is as tall as body text at 300 dpi: read alone, small, it is lost.
    factor = max(3, -(-MARKER_PIXELS // max(marker_box[3] - marker_box[1], 1)))
    marker, marker_confidence = engine.read_marker(crop(marker_box, factor), dpi * factor)
    rest = engine.read(crop(rest_box, 2), psm=7, dpi=dpi * 2)
    if len(marker) != 1 or marker_confidence < CONFIDENT:
        # A "¹" worn by the scan to a tick reads as nothing sure ("'", "!", "}"): a raised
        # single stroke at least twice as tall as wide can only be a one; said in a warning.
        width, height = marker_box[2] - marker_box[0], marker_box[3] - marker_box[1]
        if height >= STROKE_ASPECT * max(width, 1):
            marker, marker_confidence = "1", CONFIDENT
            repairs.append((f"a raised stroke {'before' if leading else 'after'} '{word.text}'",
                            "footnote marker 1"))
    if len(marker) != 1 or len(rest) != 1:
        return word
    # The rest must read surely, or read again as the word was first read (its marker lost).
    if rest[0].confidence < CONFIDENT and rest[0].text not in (word.text, word.text[1:], word.text[:-1]):
        return word
    text = rest[0].text
    rest_symbols = tuple(Symbol(ch, rest_box[0] + i * (rest_box[2] - rest_box[0]) // len(text), word.top,
                                rest_box[0] + (i + 1) * (rest_box[2] - rest_box[0]) // len(text), word.bottom)
                         for i, ch in enumerate(text))
    mark = Symbol(marker, *marker_box)
    symbols = (mark,) + rest_symbols if leading else rest_symbols + (mark,)
    return replace(word, text="".join(symbol.text for symbol in symbols), symbols=symbols,
                   confidence=min(marker_confidence, rest[0].confidence))


def _line_heights(words: list[Word]) -> dict[int, tuple[int, float]]:
    """Each text line's typical word height and its middle (pixels)."""
    found = {}
    for line, group in _by_line(words).items():
        tall = sorted(w.bottom - w.top for w in group if len(w.text) > 1) or [max(w.bottom - w.top for w in group)]
        top, bottom = _band(group)
        found[line] = (max(tall[len(tall) // 2], 1), (top + bottom) / 2)
    return found


def _moved(word: Word, dx: int, dy: int, factor: int = 1) -> Word:
    """The word, its box and its characters' moved by (``dx``, ``dy``) pixels, then scaled down
    ``factor`` times: read on a region's crop (padded, enlarged), back in the region's pixels."""
    def x(at: int) -> int:
        return (at + dx) // factor

    def y(at: int) -> int:
        return (at + dy) // factor

    return replace(word, x0=x(word.x0), top=y(word.top), x1=x(word.x1), bottom=y(word.bottom),
                   symbols=tuple(Symbol(s.text, x(s.x0), y(s.top), x(s.x1), y(s.bottom)) for s in word.symbols))


def _inked(clean, word: Word, dx: int, dy: int) -> bool:
    """True when the word's box holds ink. Tesseract reads a dash now and then in the empty
    gutter between two columns of a table without rules ("ООН-Хабитат — по отдельному", the
    dash at 56 %), and the gutter, cut in two, no longer ends a column."""
    import numpy as np

    box = (word.x0 + dx, word.top + dy, word.x1 + dx, word.bottom + dy)
    if box[2] <= box[0] or box[3] <= box[1]:
        return False
    return int((np.asarray(clean.crop(box)) < 128).sum()) >= MIN_WORD_INK


def _padded(clean, box, margin: int):
    """The cell's crop on a margin of white, as Tesseract reads best (a glyph near the very
    edge of an image, or alone in a small one, is often misread)."""
    from PIL import ImageOps

    return ImageOps.expand(clean.crop(box), border=margin, fill=255)


def _has_ink(ink, box, settings: ScanSettings, share: float = 0.0) -> bool:
    """True when the region holds enough ink to be worth reading (``min_cell_ink`` pixels,
    and ``share`` of its area when given)."""
    region = ink if box is None else ink[box[1]:box[3], box[0]:box[2]]
    count = int((region > 0).sum())
    return count >= settings.min_cell_ink and count >= share * region.size


def _inner(box, dpi: int, settings: ScanSettings):
    """A cell's box less its inset, where its text is."""
    inset = max(2, int(settings.cell_inset_in * dpi))
    return box[0] + inset, box[1] + inset, box[2] - inset, box[3] - inset


def _inside(word: Word, box) -> bool:
    x = (word.x0 + word.x1) / 2
    y = (word.top + word.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _doubtful(words: list[Word], settings: ScanSettings) -> list[list[Word]]:
    """The words below the threshold, grouped by text line."""
    return list(_by_line([w for w in words if w.confidence < settings.confidence_threshold]).values())


def _doubt(low: list[Word], page: int, row: int | None, context: list[Word] | None = None) -> ReaderWarning:
    """The warning for a cell (or a line of text) with words Tesseract is unsure of."""
    shown = ", ".join(f"'{w.text}' ({w.confidence:.0f}%)" for w in low)
    cell = " ".join(w.text for w in context) if context else ""
    where = f"page {page}, row {row}" if row is not None else f"page {page}"
    message = f"OCR is unsure of {shown}" + (f" in '{cell}'" if cell else "") + "; kept as read"
    return ReaderWarning("ocr_doubtful", message, where)


def _repaired(repairs: list[tuple[str, str]], where: str) -> list[ReaderWarning]:
    """The warnings that keep each repair's raw reading."""
    return [ReaderWarning("ocr_repaired", f"read '{raw}', taken as '{repaired}'", where) for raw, repaired in repairs]


def _lines(words: list[Word], dx: int, dy: int, scale: float, page: int, settings: ScanSettings,
           warnings: list[ReaderWarning], where: str, cap: float | None = None,
           known: frozenset[str] = frozenset()) -> list[Line]:
    """Recognised words as the PDF reader's lines of glyphs, in points, top to bottom
    (misreadings repaired, each repair a warning at ``where``; ``known``: the page's words,
    ``repair.page_words``)."""
    fixed, repairs = repair.region_words(sorted(words, key=lambda w: (w.line, w.x0)), cap, known)
    warnings.extend(_repaired(repairs, where))
    lines = []
    for group in _by_line(fixed).values():
        glyphs = _glyphs(group, dx, dy, scale, settings)
        if glyphs:
            lines.append(make_line(glyphs, settings.pdf, page))
    return sorted(lines, key=lambda line: line.top)


def _glyphs(words: list[Word], dx: int, dy: int, scale: float, settings: ScanSettings) -> list[Glyph]:
    """The characters of one text line as glyphs, a space glyph between words.

    A PDF's glyphs all span their font's full height (ascent to descent), whatever the letter;
    the PDF reader's rules (gaps between lines, indents, superscripts) measure in that size.
    So every glyph of the line gets the box and size the line's font would give
    (``line_metrics``), except a raised small character (a footnote marker), which keeps its
    own box and a smaller size so ``make_line`` marks it.
    """
    top, bottom = _band(words)
    tall = sorted(w.bottom - w.top for w in words if len(w.text) > 1) or [bottom - top]
    height = max(tall[len(tall) // 2], 1)
    middle = (top + bottom) / 2
    baseline, font = line_metrics(words)
    size = font * scale
    ascent, descent = (baseline - ASCENT * font + dy) * scale, (baseline + DESCENT * font + dy) * scale

    def raised(symbol) -> bool:
        """A small character above the line's middle: a superscript."""
        return symbol.bottom - symbol.top < settings.superscript_height * height and symbol.bottom < middle

    if len(words) > 1 and repair.is_bullet(words[0], height):
        words = [repair.bullet_word(words[0])] + words[1:]
    glyphs: list[Glyph] = []
    previous: Word | None = None
    for word in words:
        if previous is not None:
            glyphs.append(Glyph(" ", (previous.x1 + dx) * scale, (word.x0 + dx) * scale, ascent, descent, size))
        for symbol in repair.word_symbols(word, raised):
            marker = repair.marker_text(symbol.text) if raised(symbol) else None
            if marker:
                glyphs.append(Glyph(marker, (symbol.x0 + dx) * scale, (symbol.x1 + dx) * scale,
                                    (symbol.top + dy) * scale, (symbol.bottom + dy) * scale, size * 0.6))
            else:
                glyphs.append(Glyph(symbol.text, (symbol.x0 + dx) * scale, (symbol.x1 + dx) * scale,
                                    ascent, descent, size))
        previous = word
    return glyphs


# A serif or sans font's ascent and descent, and its capital height, as shares of its size.
ASCENT, DESCENT, CAP_HEIGHT, X_HEIGHT = 0.8, 0.2, 0.68, 0.47
# Letters that reach below the baseline, and those that reach the capital height.
# ("д" stands at the x-height on feet below the baseline, "з" on it, "ф" reaches both ways:
# as Liberation, DejaVu and Times draw them upright.)
DESCENDERS = set("рудфцщуДЦЩgjpqy,;()[]{}/|")
TALL = set("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯбйёфABCDEFGHIJKLMNOPQRSTUVWXYZbdfhklt0123456789()")


def line_metrics(words: list[Word]) -> tuple[float, float]:
    """A text line's baseline and its font size (pixels), from its words' boxes:
    the baseline where words without descenders end, the size from the height of
    words with a capital, a digit or an ascender (else from the x-height)."""
    def median(values: list[float]) -> float:
        values = sorted(values)
        return values[len(values) // 2]

    flat = [w for w in words if not DESCENDERS & set(w.text)]
    if flat:
        baseline = median([w.bottom for w in flat])
    else:  # every word reaches below the baseline, by its font's descent
        fonts = [(w.bottom - w.top) / ((CAP_HEIGHT if TALL & set(w.text) else X_HEIGHT) + DESCENT) for w in words]
        baseline = median([w.bottom - DESCENT * font for w, font in zip(words, fonts)])
    # Of an even count, the lower middle: a footnote marker raised over its word ("МАГ¹") makes
    # that word taller than the type, and a short line has few words to outvote it.
    tall = sorted(baseline - w.top for w in words if TALL & set(w.text))
    if tall:
        return baseline, max(tall[(len(tall) - 1) // 2] / CAP_HEIGHT, 1.0)
    return baseline, max(median([baseline - w.top for w in words]) / X_HEIGHT, 1.0)
