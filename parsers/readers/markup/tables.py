"""Tables as HTML writes them: rows opened and closed by the walker, cells with spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.blocks import Cell, Row

# Span limits from the HTML standard; anything larger is damage, not layout.
MAX_COLSPAN = 1000
MAX_ROWSPAN = 65534


@dataclass
class TableBuilder:
    """The table being read: its finished rows and the open row's cells."""

    rows: list[Row]
    cells: list[Cell] | None = None  # the open row's cells
    header_cells: int = 0
    in_head: int = 0

    def close_row(self) -> None:
        """End the open row (if any); a row of header cells only, or in <thead>, is a header."""
        if self.cells is None:
            return
        is_header = bool(self.in_head) or (bool(self.cells) and self.header_cells == len(self.cells))
        self.rows.append(Row(cells=tuple(self.cells), is_header=is_header))
        self.cells, self.header_cells = None, 0

    def open_row(self) -> None:
        """Start a row, ending the one before."""
        self.close_row()
        self.cells, self.header_cells = [], 0


def digits(value: str) -> str:
    """The first run of digits in ``value`` ("" when none)."""
    found = re.search(r"[0-9]+", value)
    return found.group() if found else ""


def span(value: str | None, limit: int) -> int:
    """A colspan/rowspan attribute as a number from 1 to ``limit``."""
    if value is None:  # most cells: no regular expression needed
        return 1
    found = digits(value)
    if len(found) > len(str(limit)):  # int() refuses thousands of digits; any such span is huge
        return limit
    return min(max(int(found or 1), 1), limit)
