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


def every_paragraph(document: Document):
    """All paragraphs: top-level ones and those inside cells."""
    for block in document.blocks:
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    yield from cell.blocks
        else:
            yield block


# Pieces of the markup both readers meet, for property tests to shuffle.
MARKUP_TOKENS = (
    "<p>", "</p>", "<div>", "</div>", "<table>", "</table>", "<tr>", "<td>", "</td>", "<th>", "<thead>",
    '<td colspan=3 rowspan="0">', "<ul>", "<ol>", "<li>", "<br>", "<b>", "</b>", "<sup>", "</sup>", "<pre>",
    "</pre>", "<h2>", "&nbsp;", "<o:p>", "<style>", "<!--", "-->", "<![if x]>", "<a class=sdfootnoteanc>",
    "</a>", "<div id=sdfootnote1>", "<div style='mso-element:footnote'>", "<a style='mso-footnote-id:ftn1'>",
    "<span style='mso-list:Ignore'>", "<p style='mso-list:l0 level3'>", "\t", "\n", "  ", "**", "---",
    "<sup>1</sup> ", "[^1]: ", "1 ", "•", "\u2029", "x", "Я",
)  # fmt: skip
