"""pandoc's simple and multiline tables (``pandoc -t markdown`` writes a table whose cells
each hold one paragraph this way, rather than as a grid table), as a markdown-it block rule.

    ---------------------------------------      multiline: a line of dashes opens it,
      1\\.   Симферополь     240    2 июня          the header row (pandoc's first row),
    ------ -------------- ------ ---------      the dashes under it mark the columns,
      2\\.   Киров           650    12 июня        rows apart by blank lines, a cell's
                                                text may run over several lines;
      3\\.   Уфа             450    12 июня
    ---------------------------------------      a line of dashes closes it.

A headerless table opens and closes with the column line itself; a simple table is one line
per row, its header line (if any) over the column line, and ends at a blank line. A column
runs from where its dashes start to where the next column's start (pandoc's own rule), so
text may reach into the gap after its dashes. Each cell's text is handed back as Markdown,
like a grid table's (``gridtable.GridRow``).
"""

from __future__ import annotations

import re

from parsers.readers.markup.gridtable import GridCell, GridRow, cell_text

FULL_DASHES = re.compile(r" {0,3}-{3,}[ \t]*")
COLUMN_DASHES = re.compile(r" {0,3}-+(?: +-+)+[ \t]*")  # two columns or more
DASH_RUN = re.compile(r"-+")
MAX_HEADER_LINES = 8  # pandoc wraps a header cell over a few lines at most
TOKEN = "pandoc_table"


def table_rule(state, start: int, end: int, silent: bool) -> bool:
    """markdown-it block rule: a pandoc table starting at line ``start`` becomes one token
    holding its rows (``meta["rows"]``) and the lines it spans (``map``)."""
    lines = _Lines(state, end)
    found = _find(lines, start)
    if found is None:
        return False
    stop, rows = found
    if not silent:
        token = state.push(TOKEN, "", 0)
        token.map = [start, stop]
        token.meta = {"rows": rows}
    state.line = stop
    return True


class _Lines:
    """The block state's lines as text, read on demand."""

    def __init__(self, state, end: int) -> None:
        self.state, self.end = state, end

    def text(self, line: int) -> str:
        state = self.state
        return state.src[state.bMarks[line]:state.eMarks[line]]

    def blank(self, line: int) -> bool:
        return not self.text(line).strip()


def _find(lines: _Lines, start: int) -> tuple[int, list[GridRow]] | None:
    """Where the table starting at ``start`` ends (the line after it) and its rows, or None."""
    first = lines.text(start)
    if FULL_DASHES.fullmatch(first):  # multiline, with a header
        for column_line in range(start + 1, min(start + 2 + MAX_HEADER_LINES, lines.end)):
            if lines.blank(column_line):
                return None
            if COLUMN_DASHES.fullmatch(lines.text(column_line)):
                break
        else:
            return None
        if column_line == start + 1:
            return None
        body = _body(lines, column_line + 1, closing=FULL_DASHES)
        if body is None:
            return None
        stop, groups = body
        header = [lines.text(line) for line in range(start + 1, column_line)]
        return stop, _rows(lines.text(column_line), [header], groups)
    if COLUMN_DASHES.fullmatch(first):  # headerless, closed by the same dashes
        body = _body(lines, start + 1, closing=COLUMN_DASHES)
        if body is None:
            return None
        stop, groups = body
        return stop, _rows(first, [], groups)
    if start + 1 < lines.end and first.strip() and COLUMN_DASHES.fullmatch(lines.text(start + 1)):
        rows, line = [], start + 2  # simple, with a header: one line a row, to a blank line
        while line < lines.end and not lines.blank(line) and not _dashes(lines.text(line)):
            rows.append([lines.text(line)])
            line += 1
        if not rows:
            return None
        if line < lines.end and _dashes(lines.text(line)):
            line += 1  # a closing line of dashes
        return line, _rows(lines.text(start + 1), [[first]], rows)
    return None


def _dashes(text: str) -> bool:
    return bool(FULL_DASHES.fullmatch(text) or COLUMN_DASHES.fullmatch(text))


def _body(lines: _Lines, line: int, closing: re.Pattern) -> tuple[int, list[list[str]]] | None:
    """The rows from ``line`` to the closing line of dashes: several lines a row where blank
    lines part them (multiline), else one line a row (simple). None without a closing line."""
    groups: list[list[str]] = [[]]
    spaced = False
    while line < lines.end:
        text = lines.text(line)
        if closing.fullmatch(text):
            rows = [group for group in groups if group]
            if not rows:
                return None
            return line + 1, rows if spaced else [[text] for group in rows for text in group]
        if not text.strip():
            if not groups[-1]:
                return None  # two blank lines: the table has ended without its closing line
            spaced = True
            groups.append([])
        else:
            groups[-1].append(text)
        line += 1
    return None


def _rows(column_line: str, header: list[list[str]], body: list[list[str]]) -> list[GridRow]:
    starts = [match.start() for match in DASH_RUN.finditer(column_line)]
    cuts = [0, *starts[1:], None]
    return [GridRow(_cells(group, cuts), is_header=True) for group in header] + \
        [GridRow(_cells(group, cuts)) for group in body]


def _cells(group: list[str], cuts: list[int | None]) -> tuple[GridCell, ...]:
    return tuple(GridCell(cell_text(group, begin, end)) for begin, end in zip(cuts, cuts[1:]))
