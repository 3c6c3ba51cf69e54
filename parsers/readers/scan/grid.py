"""Ruled tables in a page image: rules by morphology, cells from their crossings.

One named step per idea, as pdfplumber's table finder does on drawn lines:

    ink → horizontal and vertical rules (an opening with a long thin kernel)
        → segments (connected pieces of each)
        → tables (rules that touch one another)
        → grid edges (rule positions, clustered)
        → cells (grid boxes; a box is merged with its neighbour where the rule between is missing)
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Shortest run of ink that counts as a rule, in inches: longer than any letter's stroke.
MIN_HORIZONTAL_IN = 0.5
MIN_VERTICAL_IN = 0.2
# Rules closer than this (inches) are one grid edge (a thick or doubled line, a slight skew).
EDGE_TOLERANCE_IN = 0.04
# Share of a grid box's side a rule must cover to separate it from its neighbour.
SIDE_COVER = 0.6


@dataclass(frozen=True)
class Segment:
    """A straight piece of rule: its position across (``at``) and its extent along it."""

    at: float
    start: float
    end: float


@dataclass(frozen=True)
class CellBox:
    """A cell found on the grid: its position, spans and pixel box."""

    row: int
    column: int
    row_span: int
    col_span: int
    box: tuple[int, int, int, int]  # x0, top, x1, bottom


@dataclass
class GridTable:
    """A ruled table: its column and row edges (pixels) and its cells."""

    xs: list[float]
    ys: list[float]
    cells: list[CellBox] = field(default_factory=list)

    @property
    def box(self) -> tuple[int, int, int, int]:
        return int(self.xs[0]), int(self.ys[0]), int(self.xs[-1]), int(self.ys[-1])


def rule_masks(ink, dpi: int):
    """The horizontal and the vertical rules of the page (uint8 masks of ink 255)."""
    import cv2

    long_h = max(int(MIN_HORIZONTAL_IN * dpi), 10)
    long_v = max(int(MIN_VERTICAL_IN * dpi), 10)
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (long_h, 1)))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, long_v)))
    # Bridge pixels lost to noise or a thin scan of the line.
    horizontal = cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 3)))
    vertical = cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 5)))
    return horizontal, vertical


def segments(mask, horizontal: bool) -> list[Segment]:
    """Each connected piece of a rule mask as a segment."""
    import cv2

    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    found = []
    for index in range(1, count):
        x, y, width, height, _ = stats[index]
        if horizontal:
            found.append(Segment(y + height / 2, float(x), float(x + width)))
        else:
            found.append(Segment(x + width / 2, float(y), float(y + height)))
    return found


@dataclass
class RuledPage:
    """What the rules of a page show: its tables, the horizontal rules in none (a footnote's
    rule), and every rule's ink (uint8 mask, 255), to be taken out of the text."""

    tables: list[GridTable]
    loose: list[Segment]
    rules: object


def find_tables(ink, dpi: int) -> RuledPage:
    """The page's ruled tables, the rules in none, and the rules' ink."""
    import cv2

    horizontal, vertical = rule_masks(ink, dpi)
    rows = segments(horizontal, True)
    columns = segments(vertical, False)
    joined = cv2.dilate(cv2.bitwise_or(horizontal, vertical), cv2.getStructuringElement(cv2.MORPH_RECT, (7, 7)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    tolerance = EDGE_TOLERANCE_IN * dpi
    tables: list[GridTable] = []
    used: set[int] = set()
    for index in range(1, count):
        x, y, width, height, _ = stats[index]
        box = (x - tolerance, y - tolerance, x + width + tolerance, y + height + tolerance)
        mine_h = [s for s in rows if box[0] <= s.start and s.end <= box[2] and box[1] <= s.at <= box[3]]
        mine_v = [s for s in columns if box[1] <= s.start and s.end <= box[3] and box[0] <= s.at <= box[2]]
        ys = cluster([s.at for s in mine_h], tolerance)
        xs = cluster([s.at for s in mine_v], tolerance)
        if len(ys) < 2 or len(xs) < 2:
            continue
        used.update(id(s) for s in mine_h)
        tables.append(GridTable(xs, ys, grid_cells(xs, ys, mine_h, mine_v, tolerance)))
    loose = [s for s in rows if id(s) not in used]
    return RuledPage(sorted(tables, key=lambda table: table.ys[0]), loose, cv2.bitwise_or(horizontal, vertical))


def cluster(values: list[float], tolerance: float) -> list[float]:
    """Positions closer than ``tolerance`` merged into their mean, sorted."""
    groups: list[list[float]] = []
    for value in sorted(values):
        if groups and value - groups[-1][-1] <= tolerance:
            groups[-1].append(value)
        else:
            groups.append([value])
    return [sum(group) / len(group) for group in groups]


def _separates(rules: list[Segment], at: float, start: float, end: float, tolerance: float) -> bool:
    """True when rules at ``at`` part the boxes either side of the stretch ``start``..``end``:
    they cover most of it and reach both its ends (the rules across it).

    A rule of the box above or below pokes through their crossing a few pixels into the
    stretch, and a letter whose stroke touches the rule there (a bold "р" standing on a merged
    heading row's bottom rule, right where the rows below have their column rule) carries the
    rule on into the stretch: a rule reaching in from one end only is not a side of the box.
    """
    span = end - start
    pieces = []
    for s in rules:
        if abs(s.at - at) > tolerance:
            continue
        piece = (max(s.start, start), min(s.end, end))
        whole = piece[0] <= start and piece[1] >= end
        if piece[1] - piece[0] >= tolerance or whole:
            pieces.append(piece)
    if not pieces:
        return False
    covered = sum(max(0.0, b - a) for a, b in pieces)
    first, last = min(a for a, _ in pieces), max(b for _, b in pieces)
    return covered >= span * SIDE_COVER and first <= start + tolerance and last >= end - tolerance


def grid_cells(xs: list[float], ys: list[float], rows: list[Segment], columns: list[Segment],
               tolerance: float) -> list[CellBox]:
    """The grid's boxes joined into cells where no rule separates them (merged cells)."""
    height, width = len(ys) - 1, len(xs) - 1
    parent = list(range(height * width))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(height):
        for c in range(width):
            if c + 1 < width and not _separates(columns, xs[c + 1], ys[r], ys[r + 1], tolerance):
                parent[root(r * width + c + 1)] = root(r * width + c)
            if r + 1 < height and not _separates(rows, ys[r + 1], xs[c], xs[c + 1], tolerance):
                parent[root((r + 1) * width + c)] = root(r * width + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(height):
        for c in range(width):
            groups.setdefault(root(r * width + c), []).append((r, c))
    cells = []
    for members in groups.values():
        r0, r1 = min(m[0] for m in members), max(m[0] for m in members)
        c0, c1 = min(m[1] for m in members), max(m[1] for m in members)
        cells.append(CellBox(r0, c0, r1 - r0 + 1, c1 - c0 + 1,
                             (int(xs[c0]), int(ys[r0]), int(xs[c1 + 1]), int(ys[r1 + 1]))))
    return sorted(cells, key=lambda cell: (cell.row, cell.column))
