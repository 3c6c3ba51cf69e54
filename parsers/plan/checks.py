"""Consistency checks: what the extractor reports instead of guessing."""

from __future__ import annotations

import functools

from parsers.dates import parse_date_with_warnings
from schemas.plan import DateSpan, PlanWarning


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
