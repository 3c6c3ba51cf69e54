"""Short builders and views of the block model, so reader tests read as specifications."""

from __future__ import annotations

from parsers.blocks import Document, Paragraph, Run, Table


def R(text: str, bold: bool = False, sup: bool = False, note: str | None = None) -> Run:
    """A run: ``R("1", sup=True, note="1")``."""
    return Run(text=text, bold=bold, superscript=sup, note=note)


def P(*runs: Run | str, **fields) -> Paragraph:
    """A paragraph from runs or plain strings: ``P("a ", R("b", bold=True))``."""
    return Paragraph(runs=tuple(R(run) if isinstance(run, str) else run for run in runs), **fields)


def paragraphs(document: Document) -> list[Paragraph]:
    """The document's top-level paragraphs."""
    return [block for block in document.blocks if isinstance(block, Paragraph)]


def tables(document: Document) -> list[Table]:
    """The document's tables."""
    return [block for block in document.blocks if isinstance(block, Table)]


def grid(table: Table) -> list[list[str]]:
    """Each row's cells as their text (paragraphs joined by newlines)."""
    return [[cell.text for cell in row.cells] for row in table.rows]


def outline(document: Document) -> list[str]:
    """Document order at a glance: "P:text" for paragraphs, "T:rows" for tables."""
    return [
        f"T:{len(block.rows)}" if isinstance(block, Table) else f"P:{block.text}"
        for block in document.blocks
    ]
