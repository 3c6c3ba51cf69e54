"""Build event records from the rows of an event table.

A numbered row opens an event; continuation rows (a row cut by a page break)
add their paragraphs, items and notes to it; heading rows set the section.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parsers.blocks import Paragraph
from parsers.plan.cells import clean, paragraph_texts, split_title_cell
from parsers.plan.columns import Columns
from parsers.plan.checks import read_date
from parsers.dates import split_place_date
from parsers.plan.grid import GridRow
from parsers.plan.organizers import organizers_from_note
from parsers.plan.vocab import PARTICIPATION_OPENINGS
from schemas.plan import Event, EventSource, PlanWarning


@dataclass
class EventRows:
    """The rows gathered for one event before it is built."""

    number: int
    section: str | None
    first: GridRow
    title_blocks: list[Paragraph] = field(default_factory=list)
    cells: dict[str, list[str]] = field(default_factory=dict)

    def add_row(self, gridrow: GridRow, columns: Columns) -> None:
        """Take the row's cells into this event, column by column."""
        for role, column in columns.roles.items():
            slot = gridrow.at(column)
            if slot is None or (slot.inherited and gridrow is not self.first):
                continue
            if role == "title":
                self.title_blocks.extend(slot.cell.blocks)
            elif role != "number":
                self.cells.setdefault(role, []).extend(paragraph_texts(slot.cell))

    def text(self, role: str, joiner: str = " ") -> str:
        """The gathered paragraphs of one role's cells."""
        return joiner.join(self.cells.get(role, []))


def build_event(rows: EventRows, columns: Columns, year: int, event_id: str) -> tuple[Event, list[PlanWarning]]:
    """The event record for gathered rows, and what was doubtful in it."""
    where = f"event {event_id}"
    paragraphs, items = split_title_cell(rows.title_blocks)
    title = " ".join(paragraphs)
    place, date_text = _place_and_date(rows, columns)
    date, warnings = read_date(date_text, year, where)
    note = rows.text("note", "\n") or None
    organizers = organizers_from_note(note or "")
    if "organizers" in columns.roles:
        organizers = organizers or organizers_from_note(rows.text("organizers", "\n"), whole_cell=True)
        note = "\n".join(filter(None, [rows.text("organizers", "\n"), note])) or None
    if not title:
        warnings.append(PlanWarning(code="title_missing", message="event row has no title", where=where))
    event = Event(
        id=event_id,
        number=rows.number,
        section=rows.section,
        title=title,
        parts=paragraphs if len(paragraphs) > 1 else [],
        items=items,
        participation=title.lower().startswith(PARTICIPATION_OPENINGS),
        place=place,
        date=date,
        organizers=organizers,
        note=note,
        source=EventSource(page=rows.first.page, row=rows.first.index + 1),
    )
    return event, warnings


def _place_and_date(rows: EventRows, columns: Columns) -> tuple[str | None, str]:
    """Place and date phrase, from two columns or from one combined cell."""
    if "place_date" not in columns.roles:
        return (rows.text("place") or None), rows.text("date")
    paragraphs = rows.cells.get("place_date", [])
    if len(paragraphs) >= 2:
        place, date_text = split_place_date(paragraphs[-1])
        if place is None and date_text:
            return clean(" ".join(paragraphs[:-1])) or None, date_text
    whole = clean(" ".join(paragraphs))
    place, date_text = split_place_date(whole)
    if whole and not date_text:
        # No date phrase found: keep the whole cell as the (unread) date, reported.
        return None, whole
    return place, date_text

