"""Lay a table's cells out on its column grid.

Readers report a merged cell once, at its top-left position. To read a table by
column we need to know which grid column each cell starts in, skipping the
columns that a cell from a row above still covers. A cell merged down over
several rows is offered again, marked ``inherited``, in every row it covers:
one "постоянно" merged down a column applies to each event beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from parsers.blocks import Cell, Row, Table, derived
from parsers.limits import check_time


class Slot(NamedTuple):
    """A cell as seen from one grid row: where it starts and how wide it is.

    (A named tuple, not a frozen dataclass: a plan makes one per cell per row, and a
    frozen dataclass is several times slower to build.)
    """

    cell: Cell
    column: int
    width: int
    inherited: bool = False

    @property
    def text(self) -> str:
        """The cell's text."""
        return self.cell.text


@dataclass(frozen=True)
class GridRow:
    """One table row on the grid: its slots in column order."""

    index: int
    row: Row
    slots: tuple[Slot, ...]

    def at(self, column: int) -> Slot | None:
        """The slot that covers ``column``, if any."""
        for slot in self.slots:
            if slot.column <= column < slot.column + slot.width:
                return slot
        return None

    def own_slots(self) -> tuple[Slot, ...]:
        """Slots of cells that start in this row (not merged down from above)."""
        return self.own

    def filled(self) -> tuple[Slot, ...]:
        """Own slots holding visible text, a number the producer draws included (an
        auto-numbered cell shows "20." though it stores no text, as a typed one does)."""
        return self.visible

    # Worked out once per row: the extractor asks each row several questions.
    @derived
    def own(self) -> tuple[Slot, ...]:
        return tuple(slot for slot in self.slots if not slot.inherited)

    @derived
    def visible(self) -> tuple[Slot, ...]:
        return tuple(slot for slot in self.own if not slot.cell.is_empty or shows_a_number(slot.cell))

    @property
    def page(self) -> int | None:
        """The page the row starts on, when known."""
        return self.row.page


def shows_a_number(cell: Cell) -> bool:
    """True when the producer draws a list number in the cell (its text may be empty)."""
    return any(block.list_label and block.list_kind == "number" for block in cell.blocks)


def grid_width(rows: list[GridRow]) -> int:
    """How many grid columns the rows span."""
    return max((slot.column + slot.width for gridrow in rows for slot in gridrow.slots), default=0)


def grid_cells(table: Table) -> int:
    """How many grid cells the table spans: each cell counted in every row and column it
    covers, a row span ending at the table's last row (as browsers end it). This, not the
    cells as written, is what laying the table out costs."""
    rows = len(table.rows)
    return sum(min(max(cell.row_span, 1), rows - index) * max(cell.col_span, 1)
               for index, row in enumerate(table.rows) for cell in row.cells)


def lay_out(table: Table) -> list[GridRow]:
    """Place every row's cells on the grid, repeating row-merged cells as inherited
    (down to the table's last row at most)."""
    covering: dict[int, tuple[Slot, int]] = {}  # column -> (slot, last row it covers)
    grid: list[GridRow] = []
    last = len(table.rows) - 1
    for index, row in enumerate(table.rows):
        if index % 256 == 0:
            check_time(f"table row {index + 1}")
        covering = {col: held for col, held in covering.items() if held[1] >= index}
        slots = [Slot(slot.cell, col, slot.width, inherited=True) for col, (slot, _) in covering.items()]
        column = 0
        for cell in row.cells:
            column = _next_free(column, covering)
            slot = Slot(cell, column, max(cell.col_span, 1))
            slots.append(slot)
            if cell.row_span > 1:
                covering[column] = (slot, min(index + cell.row_span - 1, last))
            column += slot.width
        if covering:  # slots merged down from above go between this row's own cells
            slots.sort(key=lambda slot: (slot.column, slot.inherited))
        grid.append(GridRow(index, row, tuple(slots)))
    return grid


def _next_free(column: int, covering: dict[int, tuple[Slot, int]]) -> int:
    """The first column at or after ``column`` not covered by a cell merged from above."""
    while column in covering:
        column += covering[column][0].width
    return column
