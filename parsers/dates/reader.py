"""Step 3c of reading a date phrase, and the public entry points: the phrase as a whole.

The rules in order: unscheduled and as-needed phrases, a recurrence, a deadline ("до"), then
a list or range (``parsers.dates.lists``). A phrase that cannot be read, names an impossible
day or a reversed range is kind "unknown" with its text kept and one warning; the reader
never guesses and never raises.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from parsers.dates import vocab
from parsers.dates.fold import fold
from parsers.dates.lists import read_list
from parsers.dates.spans import Span, months
from parsers.dates.tokens import tokenize
from parsers.dates.unread import Unread
from schemas.plan import DatePiece, DateSpan

__all__ = ["parse_date", "parse_date_with_warnings", "understand"]


def _plan_year(year: int, **kw) -> Span:
    return Span("recurring", *months(year, 1, 12), **kw)


def _recurrence(tokens: list[str]) -> tuple[str | None, int]:
    """The recurrence a phrase opens with, and how many tokens say it."""
    if tokens[0].startswith("R:"):
        return tokens[0][2:], 1
    n = 0 if tokens[0] == "times" else 1  # "раз в квартал", "1 раз в квартал", "2 раза в год"
    if tokens[n : n + 1] == ["times"] and tokens[n + 1 : n + 2] and tokens[n + 1] in vocab.RECURRENCE_BY_UNIT:
        if n == 0 or tokens[0] == "1":
            return vocab.RECURRENCE_BY_UNIT[tokens[n + 1]], n + 2
        if tokens[0].isdigit():
            return None, n + 2  # several times a period: no value in the contract
    raise Unread("unknown date phrase")


def _recurring(tokens: list[str], year: int) -> Span:
    """"постоянно", "ежегодно, май", "1 раз в квартал": a recurrence and the span it runs over."""
    recurrence, used = _recurrence(tokens)
    tail = tokens[used + 1 :] if tokens[used : used + 1] == [","] else tokens[used:]
    if not tail or (len(tail) == 3 and tail[0] == "until" and tail[1].isdigit() and tail[2] == "dom"):
        return _plan_year(year, recurrence=recurrence)  # "до 5 числа": each period's own deadline
    period = _body(tail, year)
    return Span("recurring", period.start, period.end, period.approximate, period.pieces, recurrence)


def _deadline(tokens: list[str], year: int) -> Span:
    """"до 15 марта", "до конца I квартала": the last day of what follows "до"."""
    by = _body(tokens, year)
    exact_end = tokens[0] == "late"  # the end of a period is a day, not an estimate
    return Span("deadline", None, by.end, by.approximate and not exact_end)


def _body(tokens: list[str], year: int) -> Span:
    if not tokens or tokens == ["yr"]:  # a bare "год" / "г." names no year
        raise Unread("unknown date phrase")
    while tokens[:1] == ["during"]:  # "в течение всего года": the span is the period itself
        tokens = tokens[1:]
    return read_list(tokens, year)


def _read(tokens: list[str], year: int) -> Span:
    """The span a phrase's tokens name (rules in order: recurrence, deadline, the rest)."""
    approximate = "approx" in tokens
    tokens = [t for t in tokens if t != "approx"]
    if not tokens:
        raise Unread("unknown date phrase")
    if tokens[0].startswith("R:") or "times" in tokens[:2]:
        span = _recurring(tokens, year)
    elif tokens[0] == "until":
        span = _deadline(tokens[1:], year)
    else:
        span = _body(tokens, year)
    return replace(span, approximate=True) if approximate else span


@functools.cache
def _opening(phrases: tuple[str, ...]) -> re.Pattern:
    """Matches text that opens with one of ``phrases`` as whole words."""
    return re.compile("(?:" + "|".join(map(re.escape, phrases)) + r")(?![^ ,.])")


@functools.lru_cache(maxsize=16384)
def understand(text: str, year: int) -> tuple[Span, str | None]:
    """The span and, when unread, the reason; cached because plans repeat their phrases."""
    folded = fold(text)
    if folded in vocab.EMPTY_MARKS or _opening(vocab.UNSCHEDULED).match(folded):
        return Span("unscheduled", None, None), None
    try:
        if _opening(vocab.AS_NEEDED).match(folded):
            return _plan_year(year, recurrence="as_needed"), None
        return _read(tokenize(folded), year), None
    except Unread as why:
        return Span("unknown", None, None), str(why)
    except (ValueError, OverflowError):  # a year datetime cannot hold (year 0, 10000)
        return Span("unknown", None, None), "impossible date"


# ---------------------------------------------------------------------------------------------
# public


def parse_date_with_warnings(text: str, year: int) -> tuple[DateSpan, list[str]]:
    """Read a date phrase in plan year ``year``; the list says why when it could not be read."""
    span, why = understand(text, year)
    pieces = [DatePiece(start=a, end=b) for a, b in span.pieces] if span.pieces else None
    date_span = DateSpan(
        text=text,
        kind=span.kind,
        start=span.start,
        end=span.end,
        recurrence=span.recurrence,
        approximate=span.approximate,
        spans=pieces,
    )
    return date_span, ([f"{why} {text.strip()!r}"] if why else [])


def parse_date(text: str, year: int) -> DateSpan:
    """Read a Russian date phrase of plan year ``year``; never raises, "unknown" when unread."""
    return parse_date_with_warnings(text, year)[0]

