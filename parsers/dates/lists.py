"""Step 3b of reading a date phrase: ranges ("5-6 июля", "с марта по май") and lists of items
joined by "," / "и" ("12, 19 и 26 марта"), each item leaning on the one after it."""

from __future__ import annotations

import datetime as dt

from parsers.dates.spans import RANGE_KIND, Single, Span, resolve, single
from parsers.dates.unread import Unread

__all__ = ["read_list"]


def _borrow(s: Single, other: Single) -> Single:
    """Fill what a partial single leaves out from the single it leans on."""
    if s.partial and s.part is None and other.num is not None:  # "5" of "5-6 июля", not of "5, июль"
        s = s._replace(unit=other.unit, mon=other.mon)
    elif s.mon is None and s.unit == "dk":
        s = s._replace(mon=other.mon)
    return s


def _given(*years: int | None) -> int:
    """The first year that was given."""
    return next(y for y in years if y is not None)


def _rolls_over(left: Span, right: Span) -> bool:
    """Autumn-to-spring order ("31 декабря - 2 января", "ноябрь - январь") crosses a new year."""
    return left.start.month >= 7 and right.end.month <= 6


def _range(left: Single, right: Single, year: int) -> Span:
    """A range written as two singles; a side without a year takes the other side's."""
    left = _borrow(left, right)
    ly, ry = left.year, right.year
    a = resolve(left._replace(year=_given(ly, ry, year)), year)
    b = resolve(right._replace(year=_given(ry, ly, year)), year)
    if a.pieces or b.pieces:  # "зима - весна": which winter is meant is anyone's guess
        raise Unread("unknown date phrase")
    if a.start > b.end and _rolls_over(a, b):
        if ry is None:
            b = resolve(right._replace(year=_given(ly, year) + 1), year)
        elif ly is None:
            a = resolve(left._replace(year=ry - 1), year)
    if a.start > b.end:
        raise Unread("reversed range")
    return Span(_combined_kind([a, b]), a.start, b.end, a.approximate or b.approximate)


def _combined_kind(spans: list[Span]) -> str:
    """The kind of a range or list of spans in order: days -> day_range, months -> month_range."""
    kinds = {s.kind for s in spans}
    first, last = spans[0].start, spans[-1].end
    if len(kinds) == 1:
        kind = kinds.pop()
        kind = RANGE_KIND.get(kind, kind)
        if kind == "decade" and (first.year, first.month) != (last.year, last.month):
            kind = "day_range"  # "начало мая - конец июня" is no ten-day period
    else:
        kind = "day_range" if kinds & {"day", "day_range", "decade"} else "month_range"
    if kind == "month_range" and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        if first.year == last.year:
            return "year"
    return kind


def _split(tokens: list[str], seps: tuple[str, ...]) -> list[list[str]]:
    first, second = seps
    if first not in tokens and second not in tokens:
        return [tokens]  # the common case: one part
    parts: list[list[str]] = [[]]
    for t in tokens:
        if t in seps:
            parts.append([])
        else:
            parts[-1].append(t)
    return parts


def _range_or_single(tokens: list[str], year: int, context: Single | None) -> tuple[Span, Single]:
    """One item of a list: a range or a single, leaning on ``context`` when partial."""
    sides = _split(tokens, ("-", "to"))
    if len(sides) > 2:
        raise Unread("unknown date phrase")
    if len(sides) == 2:
        left = sides[0][1:] if sides[0][:1] == ["from"] else sides[0]
        right = single(sides[1])
        if context is not None:
            right = _borrow(right, context)
            right = right if right.year is not None else right._replace(year=context.year)
        return _range(single(left), right, year), right
    s = single(tokens)
    if context is not None:
        s = _borrow(s, context)
        s = s if s.year is not None else s._replace(year=context.year)
    return resolve(s, year), s


def read_list(tokens: list[str], year: int) -> Span:
    """Items joined by "," / "и" ("12, 19 и 26 марта"): the whole span and its pieces."""
    if "," not in tokens and "and" not in tokens:
        return _range_or_single(tokens, year, None)[0]
    items = _split(tokens, (",", "and"))
    if any(not item for item in items):
        raise Unread("unknown date phrase")
    read: list[_Read] = []
    context: Single | None = None
    for item in reversed(items):
        leaned_on = context
        span, context = _range_or_single(item, year, context)
        read.append((item, leaned_on, span, context.year is not None))
    read.reverse()
    spans = [entry[2] for entry in read]
    years = {span.kind == "year" for span in spans}
    if len(spans) > 1 and True in years and False in years:  # "ул. 1905 года, 12 мая"
        raise Unread("unknown date phrase")
    spans, rolled = _across_new_year(read, year) if len(read) > 1 else (spans, False)
    warnings: tuple[str, ...] = ()
    if rolled:
        warnings = (f"the list runs past the year end: its later items are read in {spans[-1].end.year}",)
    spans.sort(key=lambda s: s.start)
    pieces = _merged([p for s in spans for p in (s.pieces or ((s.start, s.end),))])
    kind = _combined_kind(spans) if len(spans) > 1 else spans[0].kind
    approximate = any(s.approximate for s in spans)
    pieces_or_none = tuple(pieces) if len(pieces) > 1 else None
    return Span(kind, pieces[0][0], pieces[-1][1], approximate, pieces_or_none, warnings=warnings)


_Read = tuple[list[str], Single | None, Span, bool]  # an item, what it leaned on, its span, its year written


def _across_new_year(read: list[_Read], year: int) -> tuple[list[Span], bool]:
    """The order written is the order meant: "ноябрь, март" in a 2024 plan is November 2024 and
    March 2025. An item without a year is read in the year the item before it ends in, and in
    the next one when it would fall before that item, going from the autumn to the spring."""
    spans: list[Span] = []
    rolled = False
    running = year
    for item, leaned_on, span, written in read:
        if spans and not written:
            if running != year:
                span = _range_or_single(item, running, leaned_on)[0]
            if span.start < spans[-1].start and _rolls_over(spans[-1], span):
                span = _range_or_single(item, running + 1, leaned_on)[0]
                rolled = True
        spans.append(span)
        running = span.end.year
    return spans, rolled


def _merged(pieces: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """Pieces in order with touching or overlapping ones joined ("5 и 6 июля" is one piece)."""
    out: list[tuple[dt.date, dt.date]] = []
    for start, end in sorted(pieces):
        if out and start <= out[-1][1] + dt.timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
