"""Recognise an event table by what its header row says.

Columns may be renamed, reordered, or the combined "Место, дата" split into
two columns; each header cell is matched against the role vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.blocks import derived
from parsers.plan.cells import cell_text, shown_cell_text
from parsers.plan.grid import GridRow, grid_width
from parsers.plan.vocab import COLUMN_ROLES, DATE_ROLES, REQUIRED_ROLES

# How many rows at the top of a table may precede the header (a caption row).
HEADER_SEARCH_ROWS = 3


@dataclass(frozen=True)
class Columns:
    """Which grid column holds which role, and the header row's index."""

    roles: dict[str, int]
    header_index: int
    header_texts: tuple[str, ...]
    width: int

    @derived
    def header_keys(self) -> tuple[str, ...]:
        """The header texts as compared with a row that may repeat them."""
        return tuple(_norm(text) for text in self.header_texts)

    def get(self, role: str) -> int | None:
        """The column of ``role``, if the table has one."""
        return self.roles.get(role)


def role_of(text: str) -> str | None:
    """The role a header cell's text names, or None."""
    lowered = " ".join(text.lower().replace("ё", "е").split())
    if not lowered:
        return None
    found = [role for role, stems in COLUMN_ROLES.items() if any(stem in lowered for stem in stems)]
    if "place" in found and "date" in found:
        return "place_date"
    # A title header often mentions "мероприятия" next to other words; the
    # number column is the most specific and wins over everything.
    for role in ("number", "title", "place", "date", "organizers", "note"):
        if role in found:
            return role
    return None


def find_columns(grid: list[GridRow]) -> Columns | None:
    """The event-table columns, when one of the first rows is such a header."""
    for gridrow in grid[:HEADER_SEARCH_ROWS]:
        columns = _columns_of(gridrow)
        if columns is not None:
            return columns
    return None


def _columns_of(gridrow: GridRow) -> Columns | None:
    """Columns named by this row, if it names an event table's header."""
    roles: dict[str, int] = {}
    texts: list[str] = []
    for slot in gridrow.own_slots():
        text = cell_text(slot.cell)
        texts.append(text)
        role = role_of(text)
        if role and role not in roles:
            roles[role] = slot.column
    if not all(role in roles for role in REQUIRED_ROLES):
        return None
    if not any(role in roles for role in DATE_ROLES):
        return None
    width = grid_width([gridrow])
    return Columns(roles, gridrow.index, tuple(texts), width)


def is_header_repeat(gridrow: GridRow, columns: Columns) -> bool:
    """True for a row that repeats the header (as on every page of a long table)."""
    slots = gridrow.own_slots()
    if len(slots) != len(columns.header_texts):
        return False
    # Cell by cell, so that an event row stops at its number cell.
    return all(_norm(cell_text(slot.cell)) == header for slot, header in zip(slots, columns.header_keys))


def is_column_numbering(gridrow: GridRow) -> bool:
    """True for the row "1 | 2 | 3 | 4" that numbers the columns under a header."""
    slots = gridrow.own_slots()
    return len(slots) >= 3 and all(shown_cell_text(slot.cell).rstrip(".") == str(number)
                                   for number, slot in enumerate(slots, start=1))


_NOT_WORD = re.compile(r"\W+")


def _norm(text: str) -> str:
    return _NOT_WORD.sub("", text.lower())
