"""Step 3a of reading a date phrase: the pieces of time one single names.

A single is ``[part] [number] [unit] [month] [year]`` ("начало", "I", "квартал", "мая",
"2024"); ``resolve`` turns it into an inclusive span of the calendar: a day, a month, a
quarter, a half-year, a ten-day period, a season, a year, or a part of one of them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

from parsers.dates import vocab
from parsers.dates.unread import Unread

__all__ = ["RANGE_KIND", "Single", "Span", "months", "resolve", "single"]


class Span(NamedTuple):
    """What a phrase means: kind, inclusive start/end, and the pieces when several (a named
    tuple: immutable, as the reader's cache shares it, and quick to make)."""

    kind: str
    start: dt.date | None
    end: dt.date | None
    approximate: bool = False
    pieces: tuple[tuple[dt.date, dt.date], ...] | None = None
    recurrence: str | None = None
    interval: int | None = None
    times: int | None = None
    start_time: str | None = None
    end_time: str | None = None
    warnings: tuple[str, ...] = ()  # read, but the reader doubts it: "10 октября, среда"


class Single(NamedTuple):
    """One side of a range, or a whole phrase: the named parts it was written with."""

    part: str | None
    num: int | None
    unit: str | None
    mon: int | None
    year: int | None
    roman: bool = False

    @property
    def partial(self) -> bool:
        """Written with neither a unit nor a month ("5" in "5-6 июля"): it borrows them."""
        return self.unit is None and self.mon is None and self.year is None


_SEASON_UNITS = "|".join(vocab.SEASON_MONTHS)
_SINGLE = re.compile(
    r"(?:(?P<part>early|mid|late) )?"
    r"(?:(?P<roman>r)?(?P<num>\d{1,2}|L) )?"
    rf"(?:(?P<unit>q|h|dk|yr|half|week|{_SEASON_UNITS}) )?"
    r"(?:M(?P<mon>\d{1,2}) )?"
    r"(?:Y(?P<year>\d{4}) )?"
)
_DECADE_DAYS = ((1, 10), (11, 20), (21, 31))
_HALF_DAYS = ((1, 15), (16, 31))  # "первая / вторая половина марта"
LAST = -1  # "последняя неделя": the number of the last one
RANGE_KIND = {"day": "day_range", "month": "month_range"}


def single(tokens: list[str]) -> Single:
    m = _SINGLE.fullmatch(" ".join(tokens) + " ")
    if m is None or not tokens:
        raise Unread("unknown date phrase")
    num, mon, year = m["num"], m["mon"], m["year"]
    return Single(
        m["part"],
        (LAST if num == "L" else int(num)) if num else None,
        m["unit"],
        int(mon) if mon else None,
        int(year) if year else None,
        m["roman"] is not None,
    )


_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_days(year: int, mon: int) -> int:
    """Days in month ``mon`` (1-12) of ``year``; February of a leap year has 29."""
    return 29 if mon == 2 and calendar.isleap(year) else _DAYS_IN_MONTH[mon - 1]


def months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    """First day of month ``first`` to last day of month ``last`` of ``year``."""
    if not (1 <= first <= last <= 12):
        raise Unread("impossible date")
    return dt.date(year, first, 1), dt.date(year, last, _month_days(year, last))


def _day(year: int, mon: int, day: int) -> dt.date:
    if not 1 <= mon <= 12 or not 1 <= day <= _month_days(year, mon):
        raise Unread("impossible date")
    return dt.date(year, mon, day)


def _numbered(num: int | None, count: int) -> int:
    """The index of a quarter, half-year or decade, checked against how many there are."""
    if num == LAST:
        return count
    if num is None or not 1 <= num <= count:
        raise Unread("impossible date")
    return num


def resolve(s: Single, year: int) -> Span:
    """The span one single names in ``year`` (its own year wins)."""
    y = s.year if s.year is not None else year
    if s.part:
        return _part_of(s.part, resolve(s._replace(part=None), year))
    if s.unit is None and s.mon is not None:
        if s.num is None:
            return Span("month", *months(y, s.mon, s.mon))
        if s.roman:
            raise Unread("unknown date phrase")
        d = _day(y, s.mon, s.num)
        return Span("day", d, d)
    if s.unit == "q" and s.mon is None:
        q = _numbered(s.num, 4)
        return Span("quarter", *months(y, 3 * q - 2, 3 * q))
    if s.unit == "h" and s.mon is None:
        h = _numbered(s.num, 2)
        return Span("half_year", *months(y, 6 * h - 5, 6 * h))
    if s.unit == "dk" and s.mon is not None:
        first, last = _DECADE_DAYS[_numbered(s.num, 3) - 1]
        return Span("decade", _day(y, s.mon, first), _day(y, s.mon, min(last, _month_days(y, s.mon))))
    if s.unit == "half":
        return _half(s, y)
    if s.unit == "week" and s.mon is not None and s.num is not None:
        return _week(s.num, s.mon, y)
    if s.unit in vocab.SEASON_MONTHS and s.num is None and s.mon is None:
        return _season(s.unit, y)
    if s.num is None and s.mon is None and (s.unit == "yr" or (s.unit is None and s.year is not None)):
        return Span("year", *months(y, 1, 12))
    raise Unread("unknown date phrase")


def _half(s: Single, year: int) -> Span:
    """"Первая половина марта" (days 1-15, 16-last) or "вторая половина года" (a half-year), approximate."""
    half = _numbered(s.num, 2)
    if s.mon is not None:
        first, last = _HALF_DAYS[half - 1]
        last = min(last, _month_days(year, s.mon))
        return Span("day_range", _day(year, s.mon, first), _day(year, s.mon, last), True)
    return Span("half_year", *months(year, 6 * half - 5, 6 * half), True)


def _week(num: int, mon: int, year: int) -> Span:
    """The n-th seven days of a month from its 1st ("вторая неделя мая": 8-14), the last seven
    for "последняя"; approximate, as a plan's week is rarely counted so strictly."""
    end_of_month = _month_days(year, mon)
    first = end_of_month - 6 if num == LAST else 7 * num - 6
    if not 1 <= first <= end_of_month:
        raise Unread("impossible date")
    return Span("day_range", _day(year, mon, first), _day(year, mon, min(first + 6, end_of_month)), True)


def _season(name: str, year: int) -> Span:
    pieces = tuple(months(year, a, b) for a, b in vocab.SEASON_MONTHS[name])
    return Span("season", pieces[0][0], pieces[-1][1], True, pieces if len(pieces) > 1 else None)


def _part_of(part: str, whole: Span) -> Span:
    """Начало / середина / конец of a month (its decades) or of a longer period (its months)."""
    if whole.pieces or whole.start is None or whole.end is None:
        raise Unread("unknown date phrase")
    start, end = whole.start, whole.end
    if whole.kind == "month":
        first, last = _DECADE_DAYS[("early", "mid", "late").index(part)]
        last = min(last, end.day)
        return Span("decade", start.replace(day=first), start.replace(day=last), True)
    if whole.kind not in ("quarter", "half_year", "season", "year"):
        raise Unread("unknown date phrase")
    n = end.month - start.month + 1
    first, last = {"early": (1, 1), "mid": ((n + 1) // 2, n // 2 + 1), "late": (n, n)}[part]
    a, b = months(start.year, start.month + first - 1, start.month + last - 1)
    return Span("month" if first == last else "month_range", a, b, True)

