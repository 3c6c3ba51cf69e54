"""The text reader: a text export in, a block-model Document out.

The export (``samples/plan_2024.txt``) is tab-separated rows with some Markdown and raw
HTML in it; a file whose structure is Markdown goes to the Markdown reader
(``parsers.readers.markup.markdown``) instead, as ``ingest.detect`` decides.

A line with tabs is a table row (cells split on tabs), and so is a Markdown
pipe-table line ("| a | b |", its "|---|---|" delimiter marking the row above as
the header); consecutive rows form one table, even across blank lines; any other
line ends the table. A "# " line is a heading. Other lines make paragraphs,
separated by blank lines; a line ending in two spaces breaks the line. Inside a
cell two or more spaces separate paragraphs. ``**bold**`` and the HTML fragments
(``<b>``, ``<sup>``, ``<ul><li>``, ``<br>``) are read by the same code as
HTML pages (``parsers.readers.markup.walker``). After a ``---`` line come the footnotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from parsers.limits import DEFAULT_LIMITS, Limits
from parsers.readers.markup import encoding
from parsers.blocks import Block, Cell, Document, Footnote, Paragraph, ReaderWarning, Row, Table
from parsers.readers.markup.walker import PARAGRAPH_SEPARATOR, fragment_paragraphs

CELL_SEPARATOR = "\t"
PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
PIPE_DELIMITER = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+(?:\s*:?-{3,}:?\s*)?$")
PIPE_SPLIT = re.compile(r"(?<!\\)\|")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)(?:\s+#+)?\s*$")
LINE_END = re.compile(r"\r\n|\r|\n")
FOOTNOTE_RULE = re.compile(r"-{3,}")  # the whole (stripped) line before the footnotes
HARD_BREAK = re.compile(r" {2,}$")  # a line ending in two spaces
CELL_PARAGRAPH_BREAK = re.compile(r" {2,}")
TAG = re.compile(r"<[^<>]*>")
MARKDOWN_BOLD = re.compile(r"\*\*(?=\S)(?P<text>.+?)(?<=\S)\*\*", re.DOTALL)
# An HTML table's rows or cells inside text: read as paragraphs, the table's shape is lost.
HTML_TABLE_ROWS = re.compile(r"<\s*(?:tr|td|th)[\s>/]", re.IGNORECASE)

# How the export writes a footnote after the rule: "<sup>1</sup> text",
# "[^1]: text" or "1 text".
_MARKER = r"(?P<marker>\d{1,3}|\*{1,3})"
_REST = r"\s*(?P<text>.*)"
FOOTNOTE_FORMS = (
    re.compile(rf"<sup>\s*{_MARKER}\s*</sup>{_REST}"),
    re.compile(r"\[\^(?P<marker>[^\]\s]+)\]:" + _REST),
    re.compile(rf"{_MARKER}\s+(?P<text>\S.*)"),
)


def read_text(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a text export: tables, paragraphs and the footnotes after ``---``.

    Raises IngestError for an empty file, bytes that are not text, or a file over
    ``limits.max_input_bytes`` or ``limits.max_markup_bytes``.
    """
    limits.check_input_size(len(data))
    text, warnings = encoding.read_text_file(data, limits, "text file", "not a text file: it holds binary data")
    reader = _Reader(limits=limits)
    html_rows: list[int] = []
    lines = LINE_END.split(text)
    for number, line in enumerate(lines, start=1):
        if HTML_TABLE_ROWS.search(line):
            html_rows.append(number)
        reader.line(line)
    reader.close()
    if html_rows:
        warnings = (*warnings, html_table_read_as_text(html_rows))
    elif flat := flattened_table(lines, reader.blocks):
        warnings = (*warnings, flat)
    return Document(blocks=tuple(reader.blocks), footnotes=tuple(reader.footnotes), warnings=warnings)


def html_table_read_as_text(lines: list[int]) -> ReaderWarning:
    """The warning for HTML table rows that a text export's reader can only read as text."""
    return ReaderWarning(
        code="table_unread", where=f"line {lines[0]}",
        message=f"{len(lines)} line(s) hold HTML table rows (<tr>, <td>) that were read as text, "
                "their cells run together: in a text export a table is tab-separated lines")


# A table flattened to a line per cell, as an export that writes each paragraph on a line of
# its own and nothing between cells or rows leaves it (LibreOffice's "Text" filter): a text
# with no table row at all and at least this many lines in a row with no blank between them.
FLAT_TABLE_LINES = 8


def flattened_table(lines: list[str], blocks: list[Block]) -> ReaderWarning | None:
    """The warning for a text with no table but a run of lines as long as a flattened table's
    (``where``: the run's lines), or None. A table of one row is no table here: one
    tab-separated line (a signature, "Генеральный секретарь<TAB>В.И. Селиванов") may follow
    a flattened table."""
    if any(isinstance(block, Table) and len(block.rows) > 1 for block in blocks):
        return None
    run, longest, end = 0, 0, 0
    for number, line in enumerate(lines, start=1):
        run = run + 1 if line.strip() else 0
        if run > longest:
            longest, end = run, number
    if longest < FLAT_TABLE_LINES:
        return None
    return ReaderWarning(
        code="table_unread", where=f"lines {end - longest + 1}-{end}",
        message="the text holds no table, only lines (a text export's table is tab-separated lines); "
                "an export that puts each cell on a line of its own, as LibreOffice's \"Text\" filter does, "
                "has lost its tables: export the document as DOCX, ODT or HTML")


def footnote_line(line: str) -> Footnote | None:
    """A footnote written on one line, or None when the line is not one."""
    stripped = line.strip()
    for form in FOOTNOTE_FORMS:
        found = form.fullmatch(stripped)
        if found:
            return Footnote(marker=found.group("marker"), text=plain_text(found.group("text")))
    return None


def table_row(line: str) -> Row:
    """A tab-separated or pipe-table line as a row, one cell per part."""
    if CELL_SEPARATOR in line:
        parts = line.split(CELL_SEPARATOR)
    else:
        parts = [part.strip().replace("\\|", "|") for part in PIPE_SPLIT.split(line.strip())[1:-1]]
    return Row(cells=tuple(Cell(blocks=cell_paragraphs(part)) for part in parts))


def heading_blocks(line: str) -> tuple[Paragraph, ...] | None:
    """A Markdown "# heading" line as heading paragraphs, or None."""
    found = HEADING.match(line)
    if not found:
        return None
    level = len(found.group("hashes"))
    return tuple(replace(p, heading_level=level) for p in paragraph_blocks([found.group("text")]))


def cell_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """A cell's paragraphs and list items: two or more spaces end a paragraph."""
    return fragment_paragraphs(_paragraph_breaks(markdown_to_markup(text)))


def paragraph_blocks(lines: list[str]) -> tuple[Paragraph, ...]:
    """The paragraph (or paragraphs, if its HTML has blocks) made by consecutive lines."""
    joined = [
        HARD_BREAK.sub("<br>", line) if number < len(lines) - 1 else line
        for number, line in enumerate(lines)
    ]
    return fragment_paragraphs(markdown_to_markup("\n".join(joined)))


def plain_text(text: str) -> str:
    """Text with its inline markup read and dropped."""
    return " ".join(paragraph.text for paragraph in fragment_paragraphs(markdown_to_markup(text)))


def markdown_to_markup(text: str) -> str:
    """Markdown's ``**bold**`` as ``<b>bold</b>``; the rest is already HTML or text."""
    return MARKDOWN_BOLD.sub(r"<b>\g<text></b>", text)


def _paragraph_breaks(markup: str) -> str:
    """Runs of two or more spaces outside tags become paragraph separators."""
    parts: list[str] = []
    position = 0
    for tag in TAG.finditer(markup):
        parts.append(CELL_PARAGRAPH_BREAK.sub(PARAGRAPH_SEPARATOR, markup[position : tag.start()]))
        parts.append(tag.group())
        position = tag.end()
    parts.append(CELL_PARAGRAPH_BREAK.sub(PARAGRAPH_SEPARATOR, markup[position:]))
    return "".join(parts)


@dataclass
class _Reader:
    """Groups lines into tables, paragraphs and footnotes, one line at a time."""

    blocks: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)  # the open table
    lines: list[str] = field(default_factory=list)  # the open paragraph
    in_footnotes: bool = False
    open_note: bool = False  # the last line was a footnote; the next may continue it
    limits: Limits = DEFAULT_LIMITS
    cells: int = 0  # table cells read so far, counted before each row is built

    def line(self, line: str) -> None:
        """Take one line of the file."""
        if PIPE_DELIMITER.match(line) and "|" in line:
            self.mark_header()
        elif CELL_SEPARATOR in line or PIPE_ROW.match(line):
            self.close_paragraph()
            self.cells += line.count(CELL_SEPARATOR) + line.count("|") + 1  # at least its cells
            self.limits.check_table_cells(self.cells)  # a line of 10 million tabs is not split first
            self.rows.append(table_row(line))
        elif not line.strip():
            self.close_paragraph()  # a blank line does not end a table
        elif FOOTNOTE_RULE.fullmatch(line.strip()):
            self.close()
            self.in_footnotes = True
        elif self.in_footnotes and self.footnote(line):
            return
        elif (heading := heading_blocks(line)) is not None:
            self.close()
            self.blocks.extend(heading)
        else:
            self.close_table()
            self.lines.append(line)
        self.open_note = False

    def mark_header(self) -> None:
        """A pipe table's delimiter line: the row above is the header."""
        if self.rows:
            self.rows[-1] = replace(self.rows[-1], is_header=True)

    def footnote(self, line: str) -> bool:
        """Take a footnote line, or a line continuing the footnote before it."""
        note = footnote_line(line)
        if note:
            self.close()
            self.footnotes.append(note)
        elif self.open_note:
            last = self.footnotes[-1]
            self.footnotes[-1] = Footnote(last.marker, f"{last.text} {plain_text(line)}".strip())
        else:
            return False
        self.open_note = True
        return True

    def close_paragraph(self) -> None:
        if self.lines:
            self.blocks.extend(paragraph_blocks(self.lines))
            self.lines = []

    def close_table(self) -> None:
        if self.rows:
            self.blocks.append(Table(rows=tuple(self.rows)))
            self.rows = []

    def close(self) -> None:
        """End whatever is open."""
        self.close_paragraph()
        self.close_table()
