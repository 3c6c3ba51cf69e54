"""Grid tables, as pandoc's own Markdown writes a table (``pandoc -t markdown``).

    +------+--------------+        a border: "+" where columns meet
    | № п/п| Мероприятия  |
    +:=====+:=============+        "=" under the header rows
    | 1\\.  | XXX сессия   |        a cell's text runs over several lines,
    |      | МАГ          |        a blank line inside a cell separates paragraphs
    +------+--------------+
    | **Раздел**          |        no "|" where the border has a "+": the cell spans

Each cell's text is handed back as Markdown, for the Markdown reader to read as it
reads a document. Cells spanning rows (borders drawn in part) are not read: ``None``.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

BORDER = re.compile(r"\+(?:[-=:]+\+)+")
HEADER_BORDER = "="


@dataclass(frozen=True)
class GridCell:
    """A cell's Markdown text (its lines, the table's padding removed) and its column span."""

    text: str
    col_span: int = 1


@dataclass(frozen=True)
class GridRow:
    cells: tuple[GridCell, ...]
    is_header: bool = False


def grid_rows(source: str) -> list[GridRow] | None:
    """The rows of a grid table written as ``source`` (nothing else), or None when it is none."""
    lines = [line.rstrip() for line in source.strip().splitlines()]
    if len(lines) < 3 or not BORDER.fullmatch(lines[0]) or not BORDER.fullmatch(lines[-1]):
        return None
    if any(len(line) != len(lines[0]) for line in lines):
        return None  # not drawn to one width (wide characters, or not a grid table at all)
    # Columns meet wherever any border has a "+": the top one has none under a first row
    # that spans the table (a header row over the whole table, as pandoc writes Word's).
    joints = sorted({position for line in lines if BORDER.fullmatch(line)
                     for position, char in enumerate(line) if char == "+"})
    rows: list[GridRow] = []
    body: list[str] = []
    for line in lines[1:]:
        if BORDER.fullmatch(line):
            if not body:
                return None
            row = _row(body, joints)
            if row is None:
                return None
            rows.append(GridRow(row, is_header=HEADER_BORDER in line))
            body = []
        elif line[0] == "|" and line[-1] == "|":
            body.append(line)
        else:
            return None  # a border drawn in part: a cell spanning rows
    return rows


def cell_text(lines: list[str], start: int | None, end: int | None) -> str:
    """A cell's Markdown: the columns ``start:end`` of each of its lines, dedented as one."""
    return textwrap.dedent("\n".join(line[start:end].rstrip() for line in lines)).strip("\n")


def _row(lines: list[str], joints: list[int]) -> tuple[GridCell, ...] | None:
    """One row's cells: cut where every line of the row has a "|" at a joint."""
    edges = [joint for joint in joints if all(line[joint] == "|" for line in lines)]
    if edges[0] != joints[0] or edges[-1] != joints[-1]:
        return None
    cells = []
    for start, end in zip(edges, edges[1:]):
        cells.append(GridCell(text=cell_text(lines, start + 1, end), col_span=joints.index(end) - joints.index(start)))
    return tuple(cells)
