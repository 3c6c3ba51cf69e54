"""The format-neutral block model every reader produces.

A handful of small immutable classes, in the manner of python-mammoth's
``documents.py``: a document is a sequence of paragraphs and tables in reading
order, plus the footnotes it cites. Readers build it; the plan extractor walks
it. Nothing here knows about plans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, Union

ListKind = Literal["bullet", "number"]

# What a superscript must look like to be read as a footnote marker rather than
# as text ("м²" stays text, "1", "*", "†" are markers).
# Superscript digits typed as characters ("¹", "²³") are markers too, read as the plain
# digits a note's number is ("¹" cites note "1").
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
MARKER_PATTERN = re.compile(rf"^(?:\d{{1,3}}|\*{{1,3}}|[†‡§]|[{SUPERSCRIPT_DIGITS}]{{1,3}})$")
_PLAIN_DIGITS = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


def plain_marker(text: str) -> str:
    """A marker with superscript digits written as plain ones ("¹" -> "1")."""
    return text.translate(_PLAIN_DIGITS)
# The brackets some producers draw around a note's number (Word, Google Docs: "[1]").
NOTE_MARKER_BRACKETS = "[]"


def drawn_marker(text: str) -> str | None:
    """The footnote marker ``text`` draws, without the brackets around it ("[1]" -> "1",
    "*" -> "*"), or None when it is no marker."""
    text = text.strip()
    if len(text) > 2 and text[0] == NOTE_MARKER_BRACKETS[0] and text[-1] == NOTE_MARKER_BRACKETS[1]:
        text = text[1:-1].strip()
    return plain_marker(text) if MARKER_PATTERN.match(text) else None


class derived:
    """A property computed once per block and then kept: blocks are immutable and the
    extractor asks for the same text many times. (functools.cached_property takes a lock
    on every first access in Python 3.11, which costs more than these computations.)"""

    def __init__(self, compute):
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, block, owner=None):
        if block is None:
            return self
        value = block.__dict__[self.name] = self.compute(block)  # shadows this descriptor
        return value


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting.

    ``note`` is set on a footnote reference: the footnote's marker, which is
    also the run's text.
    """

    text: str
    bold: bool = False
    superscript: bool = False
    note: str | None = None

    @property
    def marker(self) -> str | None:
        """The footnote marker this run stands for, if it is one."""
        if self.note:
            return self.note
        if not self.superscript:  # most runs: no need to look at the text
            return None
        text = self.text.strip()
        return plain_marker(text) if MARKER_PATTERN.match(text) else None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph, or a list item when ``list_kind`` is set.

    Line breaks inside the paragraph are kept as ``"\\n"`` in a run's text.
    ``list_label`` is the number or glyph the producer draws before a list item and does
    not store as text ("1.", "IV.", "а)", "•"), as the reader rendered it; None when none is drawn.
    """

    runs: tuple[Run, ...] = ()
    style: str | None = None
    heading_level: int | None = None
    list_kind: ListKind | None = None
    list_level: int = 0
    page: int | None = None
    list_label: str | None = None

    @derived
    def text(self) -> str:
        """The paragraph's plain text, runs concatenated (without its list label)."""
        runs = self.runs
        return runs[0].text if len(runs) == 1 else "".join([run.text for run in runs])

    @derived
    def shown_text(self) -> str:
        """The text as the producer shows it: the list label it draws, then the runs' text."""
        if not self.list_label:
            return self.text
        return f"{self.list_label} {self.text}" if self.text else self.list_label

    @property
    def is_list_item(self) -> bool:
        """True for a bulleted or numbered list item."""
        return self.list_kind is not None

    @derived
    def is_bold(self) -> bool:
        """True when every run with visible text is bold."""
        visible = [run for run in self.runs if run.text.strip() and not run.superscript]
        return bool(visible) and all(run.bold for run in visible)

    @derived
    def markers(self) -> tuple[str, ...]:
        """Footnote markers cited in this paragraph (references and superscripts)."""
        found: list[str] = []
        for run in self.runs:
            marker = run.marker
            if marker and marker not in found:
                found.append(marker)
        return tuple(found)

    @derived
    def main_text(self) -> str:
        """The text without footnote references and superscript markers."""
        if not any(run.note or run.superscript for run in self.runs):  # most paragraphs: no markers
            return self.text
        return "".join([run.text for run in self.runs if run.marker is None])


@dataclass(frozen=True)
class Cell:
    """A table cell: its paragraphs and list items, and how far it spans.

    A merged cell is reported once, at its top-left position; ``col_span`` and
    ``row_span`` say how many grid columns and rows it covers. ``confidence`` is set when
    the text was recognised from an image (OCR): the engine's confidence (0-100) in the
    cell's least sure word.
    """

    blocks: tuple[Paragraph, ...] = ()
    col_span: int = 1
    row_span: int = 1
    confidence: float | None = None

    @derived
    def text(self) -> str:
        """All paragraphs' text joined by newlines."""
        blocks = self.blocks
        return blocks[0].text if len(blocks) == 1 else "\n".join([block.text for block in blocks])

    @property
    def is_empty(self) -> bool:
        """True when the cell holds no visible text."""
        return not self.text.strip()


@dataclass(frozen=True)
class Row:
    """A table row. ``cells`` lists only the cells that start in this row."""

    cells: tuple[Cell, ...] = ()
    page: int | None = None
    is_header: bool = False


@dataclass(frozen=True)
class Table:
    """A table: rows of cells, in order."""

    rows: tuple[Row, ...] = ()
    page: int | None = None


@dataclass(frozen=True)
class Footnote:
    """A footnote or endnote: the marker that cites it and its text."""

    marker: str
    text: str


Block = Union[Paragraph, Table]


@dataclass(frozen=True)
class ReaderWarning:
    """Something a reader skipped or was unsure of, with a stable ``code`` and, where known,
    where in the document it is (``"page 3"``, ``"table 2, row 5"``)."""

    code: str
    message: str
    where: str | None = None


@dataclass(frozen=True)
class Document:
    """What a reader returns: blocks in reading order, footnotes, warnings; ``ocr`` names the
    engine when the text was recognised from images ("tesseract 5.5.4 rus+eng")."""

    blocks: tuple[Block, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    warnings: tuple[ReaderWarning, ...] = field(default=())
    ocr: str | None = None


def plain(text: str, **paragraph_fields) -> Paragraph:
    """A one-run paragraph; a convenience for readers and tests."""
    return Paragraph(runs=(Run(text),) if text else (), **paragraph_fields)
