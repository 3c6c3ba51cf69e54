"""Tables on PDF pages: found, filled with lines, carried across pages.

Two ways to find a table, picked by what the page shows:

- ruled: pdfplumber's table finder on the drawn lines gives each cell's box;
  glyphs go to the cell whose box holds their centre (``ruled_table``);
- aligned: text with no ruling, whose lines fall into columns separated by
  gutters; rows are told apart by the wider gaps between them, or, where rows
  follow each other as closely as a cell's lines (a table without borders and
  without cell margins, as Word lays it out), by the first column: a row starts
  where it holds a row number, or text again after lines without any
  (``find_aligned_tables``).

Both give a ``TableDraft``: rows of cells holding ``Line``s, not yet
paragraphs, so that a row cut by a page break can be joined to its first half
line by line (``stitch``) before paragraphs are made (``to_table``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Callable

from parsers.blocks import Cell, Row, Table
from parsers.readers.pdf.joins import CutWords
from parsers.readers.pdf.lines import Frame, Glyph, Line, group_lines, lstrip_glyphs, make_line, split_columns
from parsers.readers.pdf.paragraphs import paragraphs
from parsers.readers.pdf.settings import DEFAULT_SETTINGS, PdfSettings


@dataclass
class CellDraft:
    """A cell: where it starts on the grid, how far it spans, its lines."""

    column: int
    col_span: int = 1
    row_span: int = 1
    lines: list[Line] = field(default_factory=list)
    frame: Frame | None = None  # None: the table's column edges give it
    confidence: float | None = None  # OCR: the engine's confidence in its least sure word

    @property
    def is_empty(self) -> bool:
        """True when the cell holds no text."""
        return not self.lines


@dataclass
class RowDraft:
    """A row: the cells that start in it, and the page it starts on."""

    cells: list[CellDraft]
    page: int | None

    def at(self, column: int) -> CellDraft | None:
        """The cell of this row covering ``column``."""
        for cell in self.cells:
            if cell.column <= column < cell.column + cell.col_span:
                return cell
        return None

    def lines(self) -> list[Line]:
        """Every line of the row's cells."""
        return [line for cell in self.cells for line in cell.lines]

    def texts(self) -> tuple[str, ...]:
        """Each cell's text, spaces collapsed: to compare rows."""
        return tuple(" ".join(" ".join(line.text for line in cell.lines).split()) for cell in self.cells)


@dataclass
class TableDraft:
    """A table being read: its rows, column edges, box and page."""

    rows: list[RowDraft]
    lefts: list[float]  # left edge of each grid column
    rights: list[float]  # right edge of each column's text (aligned) or cell (ruled)
    top: float
    bottom: float
    page: int | None
    ruled: bool
    header_repeats: int = 0
    stray: list[Glyph] = field(default_factory=list)  # inside the box, in no cell: not the table's


# -- ruled tables -----------------------------------------------------------

def ruled_table(found, page: int | None, glyphs: list[Glyph],
                settings: PdfSettings = DEFAULT_SETTINGS) -> TableDraft:
    """A pdfplumber ``Table`` as a draft, its glyphs placed in its cells.

    ``glyphs`` are the glyphs inside the table's box; a merged cell covers
    several grid positions and gets the glyphs of all of them. Glyphs in no
    cell (a gap in the grid) are kept as ``stray``, for the page's text.
    """
    xs = _edges([x for bbox in found.cells for x in (bbox[0], bbox[2])])
    ys = _edges([y for bbox in found.cells for y in (bbox[1], bbox[3])])
    grid: dict[tuple[int, int], CellDraft] = {}
    rows = [RowDraft([], page) for _ in range(len(ys) - 1)]
    boxes: dict[int, tuple] = {}
    for bbox in sorted(found.cells, key=lambda b: (b[1], b[0])):
        row, column = _index(ys, bbox[1]), _index(xs, bbox[0])
        cell = CellDraft(column, _index(xs, bbox[2]) - column, _index(ys, bbox[3]) - row)
        rows[row].cells.append(cell)
        boxes[id(cell)] = bbox
        for r in range(row, row + cell.row_span):
            for c in range(column, column + cell.col_span):
                grid[(r, c)] = cell
    placed: dict[int, list[Glyph]] = {}
    stray: list[Glyph] = []
    for glyph in glyphs:
        r = bisect_right(ys, glyph.middle) - 1
        c = bisect_right(xs, (glyph.x0 + glyph.x1) / 2) - 1
        cell = grid.get((r, c))
        if cell is not None:
            placed.setdefault(id(cell), []).append(glyph)
        else:
            stray.append(glyph)
    cells = [cell for row in rows for cell in row.cells]
    for cell in cells:
        cell.lines = group_lines(placed.get(id(cell), ()), settings, page)
    padding = min((line.x0 - boxes[id(cell)][0] for cell in cells for line in cell.lines), default=0.0)
    for cell in cells:
        x0, _, x1, _ = boxes[id(cell)]
        cell.frame = Frame(x0 + max(padding, 0.0), x1 - max(padding, 0.0))
    for row in rows:
        row.cells.sort(key=lambda cell: cell.column)
    return TableDraft(rows, xs[:-1], xs[1:], found.bbox[1], found.bbox[3], page, ruled=True, stray=stray)


def _edges(values: list[float]) -> list[float]:
    """Distinct coordinates, sorted (cells of one table share exact edges)."""
    return sorted({round(value, 2) for value in values})


def _index(edges: list[float], value: float) -> int:
    """Position of ``value`` among ``edges``."""
    return edges.index(round(value, 2))


# -- tables without ruling lines -----------------------------------------

@dataclass
class _Candidate:
    """Lines that may make an aligned table, and the column intervals they show."""

    entries: list[tuple[Line, list[Line]]] = field(default_factory=list)
    columns: list[list[float]] = field(default_factory=list)  # [left, right] per column
    multi: int = 0  # lines with text in two or more columns
    last_multi: int = -1  # index in entries of the last such line
    spanned: bool = False  # a one-place line from the left edge or before it since that line


def find_aligned_tables(lines: list[Line], settings: PdfSettings = DEFAULT_SETTINGS,
                        cuts: Callable[[Line, float, float], bool] | None = None
                        ) -> tuple[list[TableDraft], list[Line]]:
    """Tables made of text aligned in columns, and the lines left outside them.

    A table grows from lines whose text falls into two or more columns; lines
    with text in one place join it when table lines surround them, or when
    they follow closely in one of its columns. ``cuts`` tells where a line's
    columns end (``split_columns``; by default a gap wider than ``column_gap``).
    """
    tables: list[TableDraft] = []
    rest: list[Line] = []
    current: _Candidate | None = None
    split = [split_columns(line, settings, cuts) for line in lines]
    edges = established_edges(split, settings) if cuts is None else []  # OCR: its own gutters (``cuts``)
    for line, pieces in zip(lines, split):
        if len(pieces) > 1 and edges:
            pieces = [cut for piece in pieces for cut in _cut_at_edges(piece, edges, settings)]
        near = current is not None and (line.top - current.entries[-1][0].bottom <= settings.table_gap * line.size
                                        or _next_row(line.top - current.entries[-1][0].bottom, line, pieces,
                                                     current.columns, settings)
                                        or _next_paragraph(current, line, pieces, settings))
        if current is not None and (not near or (len(pieces) > 1 and not _fits_after(current, pieces, settings))):
            _close(current, tables, rest, settings)
            current = None
        if len(pieces) > 1:
            current = current or _Candidate()
            _widen(current.columns, pieces)
            current.entries.append((line, pieces))
            current.multi += 1
            current.last_multi = len(current.entries) - 1
            current.spanned = False
        elif current is not None:
            current.entries.append((line, pieces))
            current.spanned = current.spanned or line.x0 <= current.columns[0][0] + settings.align_tolerance
        else:
            rest.append(line)
    if current is not None:
        _close(current, tables, rest, settings)
    rest.sort(key=lambda line: line.top)
    return tables, rest


def established_edges(split: list[list[Line]], settings: PdfSettings) -> list[float]:
    """The left edges where pieces of at least ``edge_share`` of the lines with text in two
    or more columns start (and at least ``min_table_lines`` of them): a table's columns.
    A column holding a row's first lines only (a place, a date) is shown by fewer than half."""
    starts = sorted(piece.x0 for pieces in split if len(pieces) > 1 for piece in pieces)
    multi = sum(1 for pieces in split if len(pieces) > 1)
    needed = max(settings.min_table_lines, multi * settings.edge_share)
    edges: list[float] = []
    group: list[float] = []
    for x in starts + [float("inf")]:
        if group and x - group[0] > settings.align_tolerance:
            if len(group) >= needed:
                edges.append(group[0])
            group = []
        group.append(x)
    return edges


def _cut_at_edges(piece: Line, edges: list[float], settings: PdfSettings) -> list[Line]:
    """The piece cut at each column edge it crosses where a glyph starts at the edge after a
    gap of at least ``edge_gap`` em and no drawn space: two cells' texts drawn closer than a
    column gap (a header's "№ п/п" beside "Мероприятия" in a narrow number column), or
    touching it where a capital follows a small letter (a word too long for its cell runs
    into the next one's: "31октябрь-1ноябрь" + "Организатор:"; a word does not turn to
    capitals midway). Words of one cell are parted by a space where the PDF draws spaces."""
    inner = [edge for edge in edges if piece.x0 + settings.align_tolerance < edge < piece.x1]
    if not inner:
        return [piece]
    glyphs = list(piece.glyphs)
    cuts: list[int] = []
    last: Glyph | None = None
    spaced = False  # a space drawn since the last glyph: words of one cell
    for index, glyph in enumerate(glyphs):
        if glyph.is_space:
            spaced = True
            continue
        parted = last is not None and (glyph.x0 - last.x1 >= settings.edge_gap * piece.size
                                       or last.text.islower() and glyph.text.isupper())
        if parted and not spaced and any(abs(glyph.x0 - edge) <= settings.align_tolerance for edge in inner):
            cuts.append(index)
        last, spaced = glyph, False
    if not cuts:
        return [piece]
    bounds = [0, *cuts, len(glyphs)]
    return [make_line(lstrip_glyphs(glyphs[start:end]), settings, piece.page)
            for start, end in zip(bounds, bounds[1:])]


def _next_row(gap: float, line: Line, pieces: list[Line], columns: list[list[float]], settings: PdfSettings) -> bool:
    """A line ``gap`` below the table, further than its own gaps allow, that still starts a row of it."""
    return gap <= settings.spaced_row_gap * line.size and _starts_row(pieces, columns, settings)


def _next_paragraph(current: _Candidate, line: Line, pieces: list[Line], settings: PdfSettings) -> bool:
    """A one-place line further below than the table's gaps allow, inside one of its columns
    but the first (a cell's next paragraph spaced out as its rows are), or starting at the
    table's left edge or before it (a row spanning the table: a section's heading; text
    after the table starts there too, and ``_close`` gives it back when no row follows)."""
    if len(pieces) != 1 or line.top - current.entries[-1][0].bottom > settings.spaced_row_gap * line.size:
        return False
    if line.x0 <= current.columns[0][0] + settings.align_tolerance:
        return True
    slot = _column_slot(line, current.columns, settings)
    return slot is not None and slot >= 1


def _fits_after(current: _Candidate, pieces: list[Line], settings: PdfSettings) -> bool:
    """True when a line with text in two or more columns goes on the table: its pieces fit its
    columns (``_fits``) and, after a line spanning the table (a section's heading, or the text
    after the table: a signature, another table's caption), those falling in a column are set
    as that column's text is (``_on_edges``): rows of another table whose text merely falls
    inside these columns start a table of their own."""
    return _fits(current.columns, pieces) and (not current.spanned or _on_edges(pieces, current, settings))


# The table's last lines with text in two or more columns that show how a column's text is set.
ALIGNMENT_LINES = 12
# How a piece of a column may be set: its left edge, its centre, its right edge.
_ALIGNMENTS: tuple[Callable[[Line], float], ...] = (lambda piece: piece.x0,
                                                    lambda piece: (piece.x0 + piece.x1) / 2,
                                                    lambda piece: piece.x1)


def _on_edges(pieces: list[Line], current: _Candidate, settings: PdfSettings) -> bool:
    """True when each piece inside one of the columns is set as that column's text is so far
    (``_column_alignment``: at its left edge, centred, set right), save a first piece in the
    first column (a row number set right or centred); a piece in none opens a column the table
    has not shown yet (a continuation's first rows leave some empty)."""
    columns = current.columns
    shown = [entry_pieces for _, entry_pieces in current.entries if len(entry_pieces) > 1][-ALIGNMENT_LINES:]
    for index, piece in enumerate(pieces):
        hits = [i for i, column in enumerate(columns) if _overlaps(piece, column)]
        if not hits or (index == 0 and hits[0] == 0):
            continue
        column = columns[hits[0]]
        seen = [other for entry_pieces in shown for other in entry_pieces if _overlaps(other, column)]
        # a column with no text in those lines shows no alignment: its own edges and centre serve
        allowed = _column_alignment(seen, settings) if seen else \
            list(zip(_ALIGNMENTS, (column[0], (column[0] + column[1]) / 2, column[1])))
        if not any(abs(at(piece) - value) <= settings.align_tolerance for at, value in allowed):
            return False
    return True


def _column_alignment(seen: list[Line], settings: PdfSettings) -> list[tuple[Callable[[Line], float], float]]:
    """How a column's pieces are set: of left edge, centre and right edge, the ones most of
    its pieces share (within ``align_tolerance``), each with where they share it; all that tie
    (pieces of one width are set every way at once)."""
    found: list[tuple[int, Callable[[Line], float], float]] = []
    for at in _ALIGNMENTS:
        values = sorted(at(piece) for piece in seen)
        count, value = max(((sum(1 for other in values if abs(other - v) <= settings.align_tolerance), v)
                            for v in values), default=(0, 0.0))
        found.append((count, at, value))
    most = max(count for count, _, _ in found)
    return [(at, value) for count, at, value in found if count == most and count > 0]


def _overlaps(piece: Line, column: list[float]) -> bool:
    return piece.x0 < column[1] and piece.x1 > column[0]


def _fits(columns: list[list[float]], pieces: list[Line]) -> bool:
    """True when each piece falls in at most one column and no column gets two pieces."""
    used: set[int] = set()
    for piece in pieces:
        hits = [i for i, column in enumerate(columns) if _overlaps(piece, column)]
        if len(hits) > 1 or (hits and hits[0] in used):
            return False
        used.update(hits)
    return True


def _widen(columns: list[list[float]], pieces: list[Line]) -> None:
    """Grow the column intervals by the pieces of a line that fits them."""
    for piece in pieces:
        for column in columns:
            if _overlaps(piece, column):
                column[0], column[1] = min(column[0], piece.x0), max(column[1], piece.x1)
                break
        else:
            columns.append([piece.x0, piece.x1])
    columns.sort()


def _close(candidate: _Candidate, tables: list[TableDraft], rest: list[Line],
           settings: PdfSettings) -> None:
    """Keep the candidate as a table when enough lines show its columns; else give its lines back."""
    entries = candidate.entries[:candidate.last_multi + 1]
    trailing = candidate.entries[candidate.last_multi + 1:]
    for line, _ in trailing:
        if _trails(entries[-1][0], line, candidate.columns, settings):
            entries.append((line, [line]))
        else:
            break
    left_over = candidate.entries[len(entries):]
    rest.extend(line for line, _ in left_over)
    if candidate.multi < settings.min_table_lines or len(candidate.columns) < 2:
        rest.extend(line for line, _ in entries)
        return
    tables.append(_aligned_table(entries, candidate.columns, settings))


def _trails(previous: Line, line: Line, columns: list[list[float]], settings: PdfSettings) -> bool:
    """A one-place line after the table's last full line: more of the same row,
    or a row starting at one of the table's column edges."""
    gap = line.top - previous.bottom
    if gap <= settings.row_gap * line.size:  # in a column, or in its slot up to the next one
        return any(column[0] - settings.align_tolerance <= line.x0 and line.x1 <= column[1] + line.size
                   for column in columns) or _column_slot(line, columns, settings) is not None
    aligned = any(abs(line.x0 - column[0]) <= settings.align_tolerance for column in columns)
    return aligned and gap <= settings.table_gap * line.size


def _aligned_table(entries: list[tuple[Line, list[Line]]], columns: list[list[float]],
                   settings: PdfSettings) -> TableDraft:
    """Rows of cells from the table's lines: a row ends where a wider gap opens."""
    lefts = [column[0] for column in columns]
    rights = [column[1] for column in columns]
    for _, pieces in entries:  # one-place lines count too: a column is as wide as its widest line
        for piece in pieces:
            first, last = _column_range(lefts, rights, piece)
            if first == last:
                rights[first] = max(rights[first], piece.x1)
    page = entries[0][0].page
    keys = [_first_column_text(pieces, lefts, rights) for _, pieces in entries]
    gapped = [index == 0 or line.top - entries[index - 1][0].bottom > settings.row_gap * line.size
              for index, (line, _) in enumerate(entries)]
    numbered = [key is not None and ROW_NUMBER.match(key) is not None for key in keys]
    # Gaps tell the rows apart unless there are none, or one gap-made row holds two
    # numbered lines (a number alone mid-row is a vertically centred cell's).
    by_first_column = not any(gapped[1:]) or _numbers_per_gap_row(gapped, numbered) > 1
    rows: list[RowDraft] = []
    cells: dict[int, CellDraft] = {}
    for index, (line, pieces) in enumerate(entries):
        starts = gapped[index] or (by_first_column and keys[index] is not None and (
            numbered[index] or keys[index - 1] is None or numbered[index - 1]))
        heading = cells.get(0)
        if numbered[index] and heading is not None and heading.col_span > 1 and len(pieces) > 1:
            starts = True  # a numbered row right under a heading spanning the first columns
        if starts:
            cells = {}
            rows.append(RowDraft([], line.page))
        for piece in pieces:
            first, last = _column_range(lefts, rights, piece)
            cell = cells.get(first)
            if cell is None:
                cell = cells[first] = CellDraft(first, last - first + 1)
                rows[-1].cells.append(cell)
            cell.col_span = max(cell.col_span, last - cell.column + 1)
            cell.lines.append(piece)
    for row in rows:
        _complete(row, len(columns))
    return TableDraft(rows, lefts, rights, entries[0][0].top, entries[-1][0].bottom, page, ruled=False)


def _numbers_per_gap_row(gapped: list[bool], numbered: list[bool]) -> int:
    """The most numbered lines any row made by the gaps alone holds."""
    most = count = 0
    for gap, number in zip(gapped, numbered):
        count = (0 if gap else count) + number
        most = max(most, count)
    return most


# A row number as tables print it, alone in its cell's line: "1", "1.", "12)", "1.2.", "IV."
# (not "12 июня" or "10.00 – 12.00": a first column of dates does not number rows).
ROW_NUMBER = re.compile(r"(?:\d{1,4}(?:\.\d{1,3})*|[IVXLCDM]{1,7})[.)]?\s*$")


def _first_column_text(pieces: list[Line], lefts: list[float], rights: list[float]) -> str | None:
    """The text a line has in the table's first column (a piece spanning from there counts), or None."""
    for piece in pieces:
        if _column_range(lefts, rights, piece)[0] == 0:
            return piece.text.strip() or None
    return None


def _column_range(lefts: list[float], rights: list[float], piece: Line) -> tuple[int, int]:
    """The first and last columns a piece of text covers."""
    hits = [i for i in range(len(lefts)) if piece.x0 < rights[i] and piece.x1 > lefts[i]]
    if not hits:  # in a gutter: the column it starts after
        hits = [max(0, bisect_right(lefts, piece.x0) - 1)]
    return hits[0], hits[-1]


def _complete(row: RowDraft, width: int) -> None:
    """Order the row's cells, stretch a lone spanning cell to the full width,
    and add empty cells where a column has no text."""
    row.cells.sort(key=lambda cell: cell.column)
    if len(row.cells) == 1 and row.cells[0].col_span > 1:
        row.cells[0].col_span = width - row.cells[0].column
    taken = {c for cell in row.cells for c in range(cell.column, cell.column + cell.col_span)}
    row.cells.extend(CellDraft(c) for c in range(width) if c not in taken)
    row.cells.sort(key=lambda cell: cell.column)


# -- across pages ------------------------------------------------------------

def continues(head: TableDraft, draft: TableDraft, settings: PdfSettings = DEFAULT_SETTINGS) -> bool:
    """True when ``draft`` (atop a page) has the columns of ``head`` (ending the page before);
    an aligned table may show only some of them (its rows leave a column empty)."""
    if head.ruled != draft.ruled:
        return False
    if not head.ruled and len(draft.lefts) < len(head.lefts):
        return _column_map(head, draft, settings) is not None
    if len(head.lefts) != len(draft.lefts):
        return False
    tolerance = settings.column_tolerance
    shift = draft.lefts[0] - head.lefts[0]
    shift = shift if abs(shift) <= settings.page_shift else 0.0  # a scan's page laid a little aside
    same = all(abs(a + shift - b) <= tolerance for a, b in zip(head.lefts[1:], draft.lefts[1:]))
    same = same and (abs(head.lefts[0] + shift - draft.lefts[0]) <= tolerance
                     or not head.ruled and _same_first_column(head, draft))
    if head.ruled:
        same = same and abs(head.rights[-1] + shift - draft.rights[-1]) <= tolerance
    return same


def _same_first_column(head: TableDraft, draft: TableDraft) -> bool:
    """True when two aligned tables' first columns overlap, each short of the other's second:
    row numbers set right ("10." starts left of "9."), a header wider than the numbers."""
    if len(head.lefts) < 2 or len(draft.lefts) < 2:
        return False
    return (head.lefts[0] < draft.rights[0] and draft.lefts[0] < head.rights[0]
            and head.rights[0] < draft.lefts[1] and draft.rights[0] < head.lefts[1])


def _column_map(head: TableDraft, draft: TableDraft, settings: PdfSettings) -> list[int] | None:
    """For each column of ``draft``, the column of ``head`` it is, in order: its left edge
    matches (or, the first, as ``_same_first_column`` says); None when one has none."""
    tolerance = settings.column_tolerance
    found: list[int] = []
    for index, left in enumerate(draft.lefts):
        start = found[-1] + 1 if found else 0
        match = next((j for j in range(start, len(head.lefts)) if abs(head.lefts[j] - left) <= tolerance
                      or index == j == 0 and _same_first_column(head, draft)), None)
        if match is None:
            return None
        found.append(match)
    return found


def regrid(draft: TableDraft, head: TableDraft, settings: PdfSettings = DEFAULT_SETTINGS) -> None:
    """Put a continuation showing only some of ``head``'s columns on ``head``'s grid."""
    if head.ruled or len(draft.lefts) >= len(head.lefts):
        return
    mapping = _column_map(head, draft, settings)
    if mapping is None:
        return
    ends = mapping[1:] + [len(head.lefts)]
    for row in draft.rows:
        for cell in row.cells:
            last = cell.column + cell.col_span - 1
            cell.col_span = ends[last] - mapping[cell.column] if cell.col_span > 1 else 1
            cell.column = mapping[cell.column]
        _complete(row, len(head.lefts))
    draft.lefts, draft.rights = list(head.lefts), list(head.rights)


def prepend(head: TableDraft, draft: TableDraft, settings: PdfSettings = DEFAULT_SETTINGS) -> None:
    """Put ``head``, a table's piece just above ``draft`` (the rest of a row cut by a page break,
    a first piece that showed fewer columns), atop ``draft``: the one showing fewer columns on
    the other's grid, ``head``'s rows first, and what else it held goes with them (headers
    repeated, taken out of it; text in its box but in no cell)."""
    regrid(head, draft, settings)
    regrid(draft, head, settings)
    draft.rows[:0] = head.rows
    draft.top = head.top
    draft.header_repeats += head.header_repeats
    draft.stray[:0] = head.stray


def rows_at_break(lines: list[Line], table: TableDraft, before: bool, followed: bool = False,
                  settings: PdfSettings = DEFAULT_SETTINGS) -> tuple[TableDraft, int] | None:
    """Body lines at a page break that are rows of ``table``, an aligned table on the other
    side of it, as a draft of its columns and how many lines it took; None when they are not.

    ``before`` false: the lines atop a page, after ``table`` ended the page before; true: the
    lines ending a page, before ``table`` opens the next. One row, or a last row alone on its
    page, was too little to be seen as a table there. The lines taken are those whose text falls
    inside the table's columns, each gap within the table's (or a spaced row's, see
    ``_starts_row``); a line with text in two columns, each at a column's edge, shows they are
    rows. Lines with text in one column only (the rest of a row cut by the break) count alone
    only atop a page, when a table continuing ``table`` follows them closely (``followed``)."""
    if table.ruled:
        return None
    columns = [[left, right] for left, right in zip(table.lefts, table.rights)]
    entries: list[tuple[Line, list[Line]]] = []
    for line in (reversed(lines) if before else lines):
        pieces = split_columns(line, settings)
        if any(_column_slot(piece, columns, settings) is None for piece in pieces):
            break
        if entries:
            (upper, _), (lower, lower_pieces) = ((line, pieces), entries[-1]) if before else (entries[-1], (line, pieces))
            gap = lower.top - upper.bottom
            if gap > settings.table_gap * lower.size and not _next_row(gap, lower, lower_pieces, columns, settings):
                break
        entries.append((line, pieces))
    if before:
        entries.reverse()
        while entries and not _starts_row(entries[0][1], columns, settings):
            entries.pop(0)
    shown = any(_starts_row(pieces, columns, settings) for _, pieces in entries)
    if not entries or not shown and (before or not followed or len(entries) < len(lines)):
        return None
    draft = _aligned_table(entries, columns, settings)
    draft.lefts, draft.rights = list(table.lefts), list(table.rights)
    return draft, len(entries)


def heading_rows(table: TableDraft, lines: list[Line], settings: PdfSettings = DEFAULT_SETTINGS
                 ) -> list[RowDraft] | None:
    """``lines`` after ``table`` at a page's end as rows spanning it (a section's heading
    left alone there, the table going on on the next page), or None when they are not: each
    line in one place from the table's left edge or before it, the first as near the table
    as spaced rows are, the next as near as a table's lines; lines closer than a row gap
    make one row."""
    if table.ruled or not lines or lines[0].top - table.bottom > settings.spaced_row_gap * lines[0].size:
        return None
    rows: list[RowDraft] = []
    previous: Line | None = None
    for line in lines:
        if len(split_columns(line, settings)) != 1 or line.x0 > table.lefts[0] + settings.align_tolerance:
            return None
        gap = None if previous is None else line.top - previous.bottom
        if gap is not None and gap > settings.table_gap * line.size:
            return None
        if gap is None or gap > settings.row_gap * line.size:
            rows.append(RowDraft([CellDraft(0, len(table.lefts))], line.page))
        rows[-1].cells[0].lines.append(line)
        previous = line
    return rows


def _starts_row(pieces: list[Line], columns: list[list[float]], settings: PdfSettings) -> bool:
    """Text in two or more columns, each piece at one of the columns' left edges, save
    a first piece in the first column, short of the second (a row number set right or
    centred: "10." starts left of "9.")."""
    if len(pieces) < 2 or not columns:
        return False
    first = pieces[0]
    numbered = first.x1 > columns[0][0] and (len(columns) < 2 or first.x1 < columns[1][0])
    return all(any(abs(piece.x0 - column[0]) <= settings.align_tolerance for column in columns)
               for piece in pieces[1 if numbered else 0:])


def _column_slot(piece: Line, columns: list[list[float]], settings: PdfSettings) -> int | None:
    """The column whose slot (from its left edge to the next column's) holds the piece, or None."""
    lefts = [column[0] for column in columns]
    slot = bisect_right(lefts, piece.x0 + settings.align_tolerance) - 1
    return slot if slot >= 0 and (slot == len(lefts) - 1 or piece.x1 < lefts[slot + 1]) else None


def stitch(head: TableDraft, draft: TableDraft, settings: PdfSettings = DEFAULT_SETTINGS) -> None:
    """Append a table's continuation to it: drop rows with no text atop it (a browser draws a
    cut row's rules again above the next page's margin) and a repeated header row, join a
    row cut by the page break (its continuation has an empty first cell); the text in its box
    but in no cell goes with it, as ``prepend``'s does."""
    regrid(draft, head, settings)
    rows = list(draft.rows)
    while rows and not any(rows[0].texts()):
        rows.pop(0)  # no text: the cut row's rules drawn again, clipped, in the page's top margin
    if rows and head.rows and rows[0].texts() == head.rows[0].texts():
        rows.pop(0)
        head.header_repeats += 1
    elif rows and head.rows and (rest := _after_header(rows[0], head.rows[0])) is not None:
        rows[0] = rest  # a header repeated with no gap before the cut row's lines
        head.header_repeats += 1
    header_only = len(head.rows) == 1 and head.header_repeats
    if rows and head.rows and not header_only and _first_cell_empty(rows[0]):
        _join_rows(head.rows[-1], rows.pop(0))
    head.rows.extend(rows)
    head.bottom = draft.bottom
    head.rights = [max(a, b) for a, b in zip(head.rights, draft.rights)]
    head.stray.extend(draft.stray)


def _after_header(row: RowDraft, header: RowDraft) -> RowDraft | None:
    """What ``row`` holds after the lines of ``header`` when each of its cells begins with
    the header cell's lines of the same column (None when it does not, or holds nothing more)."""
    if len(row.cells) != len(header.cells):
        return None
    rest = []
    for cell, head_cell in zip(row.cells, header.cells):
        count = len(head_cell.lines)
        if cell.column != head_cell.column or [line.text.strip() for line in cell.lines[:count]] \
                != [line.text.strip() for line in head_cell.lines]:
            return None
        rest.append(replace(cell, lines=cell.lines[count:]))
    if all(cell.is_empty for cell in rest):
        return None
    return RowDraft(rest, row.page)


def _first_cell_empty(row: RowDraft) -> bool:
    cell = row.at(0)
    return cell is None or cell.is_empty


def _join_rows(first: RowDraft, rest: RowDraft) -> None:
    """Add the second half of a cut row to its first half, column by column."""
    for cell in rest.cells:
        if cell.is_empty:
            continue
        target = first.at(cell.column)
        if target is None:
            first.cells.append(cell)
            first.cells.sort(key=lambda c: c.column)
        else:
            target.lines.extend(cell.lines)
            if cell.confidence is not None:
                target.confidence = min(cell.confidence, target.confidence or 100.0)


def to_table(draft: TableDraft, settings: PdfSettings = DEFAULT_SETTINGS, wrap_spaces: bool = False,
             cuts: CutWords | None = None) -> Table:
    """The finished block: each cell's lines made into paragraphs and list items
    (``wrap_spaces`` and ``cuts`` as ``paragraphs`` takes them)."""
    rows = []
    for index, row in enumerate(draft.rows):
        cells = tuple(Cell(tuple(paragraphs(cell.lines, cell_frame(draft, cell), settings, wrap_spaces, cuts)),
                           cell.col_span, cell.row_span, cell.confidence) for cell in row.cells)
        rows.append(Row(cells, row.page, is_header=index == 0 and draft.header_repeats > 0))
    return Table(tuple(rows), draft.page)


def cell_frame(draft: TableDraft, cell: CellDraft) -> Frame:
    """The cell's own frame, or (aligned tables) its columns' text edges."""
    if cell.frame is not None:
        return cell.frame
    last = min(cell.column + cell.col_span, len(draft.rights)) - 1
    return Frame(draft.lefts[cell.column], draft.rights[last])
