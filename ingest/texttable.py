"""A plain-text table for the terminal: columns padded to their widest cell."""

from __future__ import annotations

from typing import Sequence

GAP = "  "


def text_table(header: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[str] = ()) -> str:
    """``header`` over a rule over ``rows``; columns named in ``numeric`` are right-aligned."""
    cells = [[str(value) for value in row] for row in rows]
    widths = [max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(header)]

    def line(values: Sequence[str]) -> str:
        padded = [value.rjust(width) if name in numeric else value.ljust(width)
                  for name, value, width in zip(header, values, widths)]
        return GAP.join(padded).rstrip()

    return "\n".join([line(header), line(["-" * width for width in widths]), *map(line, cells)]) + "\n"
