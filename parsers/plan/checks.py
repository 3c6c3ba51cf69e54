"""Consistency checks: what the extractor reports instead of guessing."""

from __future__ import annotations

import functools

from parsers.blocks import Paragraph
from parsers.dates import parse_date_with_warnings
from parsers.errors import IngestError
from schemas.plan import DateSpan, PlanWarning

# Names of the city tables in messages.
CITY_TABLE_RECORDS = {"jubilees": "jubilee", "city_days": "city-day"}


def read_date(text: str, year: int, where: str) -> tuple[DateSpan, list[PlanWarning]]:
    """Parse a date phrase; an unread phrase, a doubtful one (a weekday that is not the date's) or a
    date outside the plan year is a warning."""
    date, messages, outside = _reading(text, year)
    code = "date_unknown" if date.kind == "unknown" else "date_doubtful"
    warnings = [PlanWarning(code=code, message=message, where=where) for message in messages]
    if outside:
        warnings.append(PlanWarning(code="date_outside_year", where=where,
                                    message=f"date '{date.text}' falls outside the plan year {year}"))
    return date, warnings


@functools.lru_cache(maxsize=4096)
def _reading(text: str, year: int) -> tuple[DateSpan, tuple[str, ...], bool]:
    """The span, why it is unread, and whether it leaves the plan year; cached, as a plan
    repeats its phrases ("постоянно", month names) and a DateSpan is immutable."""
    date, messages = parse_date_with_warnings(text, year)
    years = {day.year for day in (date.start, date.end) if day is not None}
    outside = date.kind not in ("recurring",) and bool(years) and years != {year}
    return date, tuple(messages), outside


def numbering_warnings(numbers: list[int], what: str) -> list[PlanWarning]:
    """Gaps and repeats in a table's row numbers (expected 1, 2, 3, ...)."""
    warnings: list[PlanWarning] = []
    expected = 1
    seen: set[int] = set()
    for number in numbers:
        if number in seen:
            warnings.append(PlanWarning(code="numbering_repeat", where=f"{what} {number}",
                                        message=f"{what} number {number} appears more than once"))
        elif number != expected:
            warnings.append(PlanWarning(code="numbering_gap", where=f"{what} {number}",
                                        message=f"{what} number {number} follows {expected - 1}"))
        seen.add(number)
        expected = max(expected, number + 1)
    return warnings


def check_event_rows(events: int, read_rows: int, unplaced_rows: int) -> None:
    """Raise IngestError when the event table was found but its rows were not read: no event,
    or more of its rows fitting no event than giving one. That reading is broken, not a plan
    with a few odd rows, and must not pass for a success."""
    total = read_rows + unplaced_rows
    if events == 0:
        why = (f"none of its {total} rows has an event number in its number column" if total
               else "it has no rows under its header")
        raise IngestError(f"the event table was found but no event could be read: {why}")
    if unplaced_rows > read_rows:
        raise IngestError(
            f"most rows of the event table could not be read: {unplaced_rows} of {total} rows fit "
            f"no event ({events} events read); is the number column empty?")


def empty_city_table(kind: str, heading: str, records: int) -> list[PlanWarning]:
    """A jubilee or city-day heading with no record read after it."""
    if records:
        return []
    return [PlanWarning(code="records_missing", where=f"{kind} heading",
                        message=f"the heading {heading!r} is followed by no {CITY_TABLE_RECORDS[kind]} "
                                "records that could be read")]


def missing_footnotes(blocks, footnotes: dict[str, str], reported: set[str]) -> list[PlanWarning]:
    """A warning for each footnote marker cited in the document (a reference or a raised
    number) that names no footnote the document has; ``reported`` ones are left out."""
    warnings: list[PlanWarning] = []
    known = set(reported) | set(footnotes)

    def check(paragraph: Paragraph, where: str) -> None:
        for marker in paragraph.markers:
            if marker not in known:
                known.add(marker)
                warnings.append(PlanWarning(
                    code="footnote_missing", where=where,
                    message=f"{clean_start(paragraph.main_text)!r} cites footnote {marker!r} "
                            "but the document has no such footnote"))

    for paragraph, cell in all_paragraphs(blocks):
        if paragraph.markers:  # most have none: where is only worked out for those that do
            check(paragraph, "text" if cell is None else f"table {cell[0]}, row {cell[1]}")
    return warnings


def all_paragraphs(blocks):
    """Every paragraph of the blocks in order, those in table cells included, each with None
    when it stands in the text or (table, row), both counted from 1, when it is in a cell."""
    tables = 0
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block, None
            continue
        tables += 1
        for index, row in enumerate(block.rows, start=1):
            for cell in row.cells:
                for paragraph in cell.blocks:
                    yield paragraph, (tables, index)


def clean_start(text: str, length: int = 60) -> str:
    """The first words of a text, whitespace collapsed, to name it in a message."""
    return " ".join(text.split())[:length]
