"""Weekdays in a date phrase: "10 октября, четверг", "Пятница, 15 марта", "третье воскресенье
сентября", "каждую среду".

A weekday beside a date is a check, not a date: it is taken out of the tokens, and when the
date falls on another weekday the span gets a warning (a cell copied from last year's plan).
"N-й <weekday> <month>" and "последний <weekday> <month>" name a day; "каждый <weekday>" is weekly.
"""

from __future__ import annotations

import calendar
import datetime as dt

from parsers.dates import vocab
from parsers.dates.spans import Span
from parsers.dates.unread import Unread

__all__ = ["check_weekdays", "take_weekdays"]

_NAMES = {n: forms[0] for n, forms in vocab.WEEKDAYS.items()}


def _weekday(token: str) -> int | None:
    return int(token[1]) if len(token) == 2 and token[0] == "W" and token[1].isdigit() else None


def _nth_weekday(nth: str, weekday: int, mon: int, year: int) -> int:
    """The day of the month of its ``nth`` (or last, "L") ``weekday``."""
    days = [week[weekday] for week in calendar.monthcalendar(year, mon) if week[weekday]]
    if nth == "L":
        return days[-1]
    if not 1 <= int(nth) <= len(days):
        raise Unread("impossible date")
    return days[int(nth) - 1]


def take_weekdays(tokens: list[str], year: int) -> tuple[list[str], list[int]]:
    """The tokens with weekdays taken out (a named n-th weekday becomes its day), and the
    weekdays written beside a date, to check."""
    out: list[str] = []
    written: list[int] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        weekday = _weekday(token)
        if weekday is None:
            out.append(token)
        elif out and out[-1] == "every":
            out[-1] = "R:weekly"  # "каждую среду"
        elif out and (out[-1].isdigit() or out[-1] == "L") and tokens[i + 1 : i + 2] and tokens[i + 1][0] == "M":
            mon = int(tokens[i + 1][1:])
            following = tokens[i + 2 : i + 3]
            written_year = following and following[0][0] == "Y" and following[0][1:].isdigit()
            in_year = int(following[0][1:]) if written_year else year
            out[-1] = str(_nth_weekday(out[-1], weekday, mon, in_year))  # "третье воскресенье сентября"
        else:
            written.append(weekday)
            if out and (out[-1] == "," or (out[-1] == "-" and len(written) > 1)):
                out.pop()  # "15 марта, пятница"; "чт-пт"
            elif tokens[i + 1 : i + 2] == [","] and not out:
                i += 1  # "Пятница, 15 марта"
        i += 1
    return out, written


def check_weekdays(span: Span, written: list[int]) -> Span:
    """The span, with a warning when a weekday written beside its day is not that day's."""
    if not written or span.kind in ("recurring", "day_range", "decade"):
        return span  # several days: which weekday is which day is not checked
    if span.kind != "day":
        raise Unread("a weekday without a day")
    actual = span.start.weekday()
    if written != [actual]:
        said = ", ".join(_NAMES[w] for w in written)
        warning = f"the weekday ({said}) does not match the date: {span.start:%d.%m.%Y} is a {_english(actual)}"
        return span._replace(warnings=span.warnings + (warning,))
    return span


def _english(weekday: int) -> str:
    return dt.date(2024, 1, 1 + weekday).strftime("%A")  # 1 January 2024 was a Monday
