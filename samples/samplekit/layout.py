"""Lay a ``plan.Plan`` out as document blocks, under a few layout options.

The plan says what is written; ``Layout`` says how: where place and date go,
whether lines are line breaks or paragraphs, borders, page size and font.
Every sample is one (plan, layout) pair.
"""

from __future__ import annotations

import itertools

from dataclasses import dataclass, field
from typing import Literal

from samplekit.doc import (
    BulletList, Cell, Document, LineBreak, ListNumber, Note, Page, Para, Row, Table, Text,
)
from samplekit.plan import AnnexPart, Event, Heading, Plan, Section

CELL = "Table_20_Contents"


@dataclass(frozen=True)
class Layout:
    """How to lay a plan out.

    place_date: "paragraphs" (place and date as two paragraphs of one cell),
      "line" (one paragraph "Хабаровск май"), "columns" (two columns, headed
      by ``place_date_headers``).
    annex: "one_table" (every annex part a merged heading row of one table) or
      "tables" (each part a bold heading paragraph over a table of its own rows).
    lines: "breaks" (title and signatory lines joined by line breaks in one
      paragraph) or "paragraphs" (one paragraph per line).
    numbers: "typed" (the number cells hold "1.") or "list" (each is an empty paragraph
      of an automatic list, as Word's numbering button makes it; only a writer that
      draws list numbers can write this).
    """

    place_date: Literal["paragraphs", "line", "columns"] = "paragraphs"
    place_date_headers: tuple[str, str] = ("Место", "Дата")
    lines: Literal["breaks", "paragraphs"] = "breaks"
    annex: Literal["one_table", "tables"] = "one_table"
    numbers: Literal["typed", "list"] = "typed"
    borders: bool = True
    repeat_header: bool = True
    rows_may_split: bool = True
    event_widths_cm: tuple[float, ...] = (1.5, 8.0, 3.5, 4.0)
    columns_widths_cm: tuple[float, ...] = (1.5, 7.0, 3.0, 2.5, 3.0)
    annex_widths_cm: tuple[float, ...] = (1.5, 6.5, 4.5, 4.5)
    page: Page = field(default_factory=Page)


def plan_document(plan: Plan, layout: Layout = Layout()) -> Document:
    """The whole plan as document blocks: title, event table, signatory, annex, typed notes."""
    blocks = [
        *lines_block(plan.title_lines, layout, style="Plan_20_Title"),
        Para(()),
        event_table(plan, layout),
        Para(()),
        *lines_block(plan.signatory_position, layout),
        Para(()),
        Para((Text(plan.signatory_name, bold=True),)),
        Para(()),
    ]
    if plan.annex and layout.annex == "tables":
        blocks.extend(annex_tables(plan.annex, layout))
    elif plan.annex:
        blocks.append(annex_table(plan.annex, layout))
    blocks.extend(Para((Text(note),)) for note in plan.notes)
    return Document(tuple(blocks), layout.page)


def lines_block(lines: tuple[str, ...], layout: Layout, style: str = "Standard") -> list[Para]:
    """Lines as one paragraph with line breaks, or as paragraphs."""
    if layout.lines == "paragraphs":
        return [Para((Text(line),), style) for line in lines]
    inlines: list = []
    for line in lines:
        if inlines:
            inlines.append(LineBreak())
        inlines.append(Text(line))
    return [Para(tuple(inlines), style)]


def event_table(plan: Plan, layout: Layout) -> Table:
    """The event table: a repeating header row, then events and section rows."""
    columns = layout.place_date == "columns"
    header = list(plan.header)
    if columns:
        header[2:3] = layout.place_date_headers
    widths = layout.columns_widths_cm if columns else layout.event_widths_cm
    rows = [Row(tuple(cell_of(label) for label in header), header=layout.repeat_header)]
    numbers = NumberCells("events", layout)
    for row in plan.rows:
        if isinstance(row, Section):
            rows.append(Row((Cell((bold_para(row.title),), span=len(widths)),)))
        else:
            rows.append(event_row(row, layout, numbers))
    return Table("Events", widths, tuple(rows), layout.borders, layout.rows_may_split)


class NumberCells:
    """The number cells of one table: the typed number, or an empty paragraph of the
    automatic list ``name`` that draws the same number (checked, so a plan whose numbers
    an automatic list cannot draw is not laid out wrongly)."""

    def __init__(self, name: str, layout: Layout):
        self.name, self.layout, self.count, self.restart = name, layout, 0, False

    def cell(self, number: str | None) -> Cell:
        """The number cell of a row numbered ``number`` ("3."; None: a continuation row)."""
        if self.layout.numbers == "typed" or not number:
            return cell_of(number or "")
        self.count += 1
        if number != f"{self.count}.":
            raise ValueError(f"an automatic list draws {self.count}. where the plan has {number!r}")
        restart, self.restart = self.restart, False
        return Cell((ListNumber(self.name, restart),))

    def start_again(self) -> None:
        """The next number starts the list again at 1."""
        self.count, self.restart = 0, self.count > 0


def event_row(event: Event, layout: Layout, numbers: NumberCells) -> Row:
    """One event (or continuation) row."""
    title = tuple(Para((Text(part),), CELL) for part in event.title)
    if event.items:
        title += (BulletList(event.items),)
    cells = [numbers.cell(event.number), Cell(title), *place_date_cells(event, layout),
             cell_of(event.note)]
    return Row(tuple(cells))


def place_date_cells(event: Event, layout: Layout) -> list[Cell]:
    """Place and date in the shape the layout asks for."""
    present = [text for text in (event.place, event.date) if text]
    if layout.place_date == "columns":
        return [cell_of(event.place or ""), cell_of(event.date or "")]
    if layout.place_date == "line":
        return [cell_of(" ".join(present))]
    return [Cell(tuple(Para((Text(text),), CELL) for text in present))]


def annex_table(parts: tuple[AnnexPart, ...], layout: Layout) -> Table:
    """One table holding every annex part: a merged heading row, then its rows."""
    width = len(layout.annex_widths_cm)
    rows: list[Row] = []
    numbers = NumberCells("annex", layout)
    for part in parts:
        rows.append(Row((Cell((heading_para(part.heading),), span=width),)))
        numbers.start_again()
        rows.extend(Row((numbers.cell(values[0]), *(cell_of(text) for text in values[1:])))
                    for values in part.rows)
    return Table("Annex", layout.annex_widths_cm, tuple(rows), layout.borders,
                 layout.rows_may_split)


def annex_tables(parts: tuple[AnnexPart, ...], layout: Layout) -> list:
    """Each annex part as a bold heading paragraph over a table of its own rows."""
    blocks: list = []
    for number, part in enumerate(parts, start=1):
        rows = tuple(Row(tuple(cell_of(text) for text in values)) for values in part.rows)
        blocks.append(heading_para(part.heading, style="Standard"))
        blocks.append(Table(f"Annex{number}", layout.annex_widths_cm, rows, layout.borders,
                            layout.rows_may_split))
    return blocks


def heading_para(heading: Heading, style: str = CELL) -> Para:
    """A bold heading, cited by a real footnote or by a typed superscript."""
    inlines: list = [Text(heading.text, bold=True)]
    if heading.footnote:
        inlines.append(Note("1", heading.footnote))
    if heading.superscript:
        inlines.append(Text(heading.superscript, bold=True, superscript=True))
    return Para(tuple(inlines), style)


def bold_para(text: str) -> Para:
    """A one-run bold cell paragraph."""
    return Para((Text(text, bold=True),), CELL)


def cell_of(text: str) -> Cell:
    """A cell with one plain paragraph (an empty one for empty text)."""
    return Cell((Para((Text(text),) if text else (), CELL),))


def every_layout() -> dict[str, Layout]:
    """Every combination of the layout choices a sweep varies (96), named after them:
    "columns_breaks_one_table_list_10" is place_date, lines, annex, numbers, then 1/0 for
    borders and for a repeated header row."""
    layouts = {}
    for place_date, lines, annex, numbers, borders, repeat in itertools.product(
            ("paragraphs", "line", "columns"), ("breaks", "paragraphs"), ("one_table", "tables"), ("typed", "list"),
            (True, False), (True, False)):
        name = f"{place_date}_{lines}_{annex}_{numbers}_{int(borders)}{int(repeat)}"
        layouts[name] = Layout(place_date=place_date, lines=lines, annex=annex, numbers=numbers, borders=borders,
                               repeat_header=repeat)
    return layouts
