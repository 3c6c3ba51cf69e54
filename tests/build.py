"""Small builders for block-model documents in tests."""

from __future__ import annotations

from parsers.blocks import Cell, Document, Footnote, Paragraph, Row, Run, Table
from schemas.plan import Source


def p(text: str, bold: bool = False, sup: str | None = None, note: str | None = None, **fields) -> Paragraph:
    """A paragraph; ``sup`` appends a superscript marker, ``note`` a footnote reference."""
    runs = [Run(text, bold=bold)] if text else []
    if sup:
        runs.append(Run(sup, superscript=True, bold=bold))
    if note:
        runs.append(Run(note, superscript=True, note=note))
    return Paragraph(tuple(runs), **fields)


def li(text: str) -> Paragraph:
    """A bulleted list item."""
    return Paragraph((Run(text),), list_kind="bullet")


def c(*content, span: int = 1, down: int = 1) -> Cell:
    """A cell of paragraphs; plain strings become paragraphs."""
    blocks = tuple(p(item) if isinstance(item, str) else item for item in content)
    return Cell(blocks, col_span=span, row_span=down)


def row(*cells) -> Row:
    """A row; plain strings become one-paragraph cells."""
    return Row(tuple(cell if isinstance(cell, Cell) else c(cell) if cell else c() for cell in cells))


def table(*rows) -> Table:
    return Table(tuple(rows))


def doc(*blocks, footnotes: dict[str, str] | None = None) -> Document:
    notes = tuple(Footnote(marker, text) for marker, text in (footnotes or {}).items())
    return Document(tuple(blocks), notes)


HEADER = row("№ п/п", "Мероприятия", "Место, дата", "Примечание")
TITLE = p("План мероприятий на 2024 год", bold=True)
SIGNATURE = p("Генеральный директор МАГ В.И. Селиванов")  # a plan is signed (else signatory_missing)
# Where a built document "was read from": the extractor records it in the plan untouched.
SOURCE = Source(file="built.docx", format="docx", sha256="0" * 64)
