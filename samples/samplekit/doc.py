"""The few document blocks the sample writer understands.

``layout.py`` builds these from a plan; ``fodt.py`` writes them as Flat ODT.
They are deliberately generic (paragraphs, bullet lists, tables with spans and
repeating header rows, footnotes), so a new sample shape is a new layout, not
a new writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Text:
    """Inline text with one formatting."""

    text: str
    bold: bool = False
    superscript: bool = False


@dataclass(frozen=True)
class LineBreak:
    """A line break inside a paragraph."""


@dataclass(frozen=True)
class Note:
    """A real footnote: the citation shown in the text and the note's body."""

    citation: str
    body: str


Inline = Text | LineBreak | Note


@dataclass(frozen=True)
class Para:
    """A paragraph in a named paragraph style (see ``fodt.PARAGRAPH_STYLES``)."""

    inlines: tuple[Inline, ...]
    style: str = "Standard"


@dataclass(frozen=True)
class BulletList:
    """A bulleted list of one-line items; the bullet comes from the list style."""

    items: tuple[str, ...]
    style: str = "Table_20_Contents"


@dataclass(frozen=True)
class ListNumber:
    """An empty paragraph of an automatically numbered list: the writer's program draws
    the number (Word's numbering), the file stores none. ``restart`` starts the list
    ``name`` again at 1 (Word's "Restart numbering")."""

    name: str
    restart: bool = False


CellBlock = Para | BulletList | ListNumber


@dataclass(frozen=True)
class Cell:
    """A table cell; ``span`` > 1 merges it with the cells to its right."""

    blocks: tuple[CellBlock, ...] = ()
    span: int = 1


@dataclass(frozen=True)
class Row:
    """A table row; header rows repeat at the top of each page."""

    cells: tuple[Cell, ...]
    header: bool = False


@dataclass(frozen=True)
class Table:
    """A table with column widths in centimetres."""

    name: str
    widths_cm: tuple[float, ...]
    rows: tuple[Row, ...]
    borders: bool = True
    rows_may_split: bool = True


Block = Para | Table


@dataclass(frozen=True)
class Page:
    """Page size, margins and body font; optionally a running header and page numbers.

    ``header_text`` is printed at the top of every page; ``footer_page_number``
    prints the page number at the bottom of every page.
    """

    width_cm: float = 21.0
    height_cm: float = 29.7
    margin_cm: float = 2.0
    font_name: str = "Times New Roman"
    font_size_pt: float = 12.0
    language: str = "ru"
    country: str = "RU"
    header_text: str | None = None
    footer_page_number: bool = False


@dataclass(frozen=True)
class Document:
    """Blocks in order, printed on one kind of page."""

    blocks: tuple[Block, ...]
    page: Page = field(default_factory=Page)


def is_empty_number(cell: Cell) -> bool:
    """A number cell left empty: one paragraph with nothing in it (a row going on with the event above)."""
    return len(cell.blocks) == 1 and isinstance(cell.blocks[0], Para) and not cell.blocks[0].inlines
