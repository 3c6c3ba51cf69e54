"""Recurrences in a date phrase: "ежегодно, май", "1 раз в 3 года", "2 раза в год", "01.09
ежегодно", "до 25 числа каждого месяца", "до 20 числа месяца, следующего за отчетным".

A recurrence is said by a word (``R:<value>``), by "раз в <unit>" (``times``) or by "каждый
<unit>" (``every``); what follows it is the period it runs over (the plan year when nothing
follows, or only an anchor inside each period: "до 5 числа", "в конце", "последний рабочий день").
"""

from __future__ import annotations

from collections.abc import Callable

from parsers.dates import vocab
from parsers.dates.spans import Span, months
from parsers.dates.unread import Unread

__all__ = ["is_recurring", "plan_year", "read_recurring", "recurrence_first"]

# Tokens that place an occurrence inside each period rather than name a period of the plan.
_ANCHORS = frozenset({"until", "dom", "mon", "q", "h", "week", "day", "yr", "early", "mid", "late", "L",
                      "workday", ",", "after_report", "and", "from", "to"})
_SCHOOL_TERM = "a school term is not a calendar date"


def plan_year(year: int, **fields) -> Span:
    """A recurrence over the whole plan year."""
    return Span("recurring", *months(year, 1, 12), **fields)


def recurrence_first(tokens: list[str]) -> list[str]:
    """The tokens with the recurrence said first: "01.09 ежегодно" -> "ежегодно 01.09",
    "до 25 числа каждого месяца" -> "раз в месяц до 25 числа"."""
    for i, token in enumerate(tokens):
        if token[:2] == "R:" and i > 0:
            rest = tokens[:i] + tokens[i + 1 :]
            rest = [t for t in rest if t != token]  # "еженедельно по понедельникам": said twice
            return [token] + _without_edge_comma(rest, i)
        if token == "every" and tokens[i + 1 : i + 2] and tokens[i + 1] in vocab.RECURRENCE_BY_UNIT:
            rest = tokens[:i] + tokens[i + 2 :]
            return ["times", tokens[i + 1]] + _without_edge_comma(rest, i)
        if token == "every" and tokens[i + 1 : i + 2] and tokens[i + 1].isdigit() and tokens[i + 2 : i + 3] \
                and tokens[i + 2] in vocab.RECURRENCE_BY_UNIT:  # "каждые 2 недели": "раз в 2 недели"
            rest = tokens[:i] + tokens[i + 3 :]
            return ["times", tokens[i + 1], tokens[i + 2]] + _without_edge_comma(rest, i)
        if token == "every" and tokens[i + 1 : i + 2] == ["term"]:
            raise Unread(_SCHOOL_TERM)
    if tokens[:1] and tokens[0][:2] == "R:" and tokens[0] in tokens[1:]:
        return [tokens[0]] + [t for t in tokens[1:] if t != tokens[0]]
    return tokens


def _without_edge_comma(rest: list[str], at: int) -> list[str]:
    """Drop the comma the recurrence word was written beside ("01.09, ежегодно")."""
    if 0 < at <= len(rest) and rest[at - 1] == ",":
        return rest[: at - 1] + rest[at:]
    if at < len(rest) and rest[at] == ",":
        return rest[:at] + rest[at + 1 :]
    return rest


def is_recurring(tokens: list[str]) -> bool:
    """A phrase that says a recurrence first, or a deadline in each reporting period."""
    return tokens[0][:2] == "R:" or "times" in tokens[:2] or "after_report" in tokens


def _by_unit(tokens: list[str], at: int) -> tuple[str, int | None, int]:
    """"раз в [N] <unit>" from ``at`` (just after "раз"): the recurrence, its interval, tokens used."""
    count = 1
    if tokens[at : at + 1] and tokens[at].isdigit():
        count, at = int(tokens[at]), at + 1
    unit = tokens[at] if at < len(tokens) else None
    if unit == "term":
        raise Unread(_SCHOOL_TERM)
    if unit not in vocab.RECURRENCE_BY_UNIT or count < 1:
        raise Unread("unknown date phrase")
    recurrence, months_each = vocab.RECURRENCE_BY_UNIT[unit]
    interval = count * months_each
    return recurrence, (interval if interval > 1 else None), at + 1


def _recurrence(tokens: list[str]) -> tuple[str, int | None, int | None, int]:
    """The recurrence a phrase opens with, its interval and times, and how many tokens say it."""
    if tokens[0][:2] == "R:":
        return tokens[0][2:], None, None, 1
    times = 1
    at = 0
    if tokens[0].isdigit() and tokens[1:2] == ["times"]:  # "2 раза в год"
        times, at = int(tokens[0]), 1
    if tokens[at : at + 1] != ["times"] or times < 1:
        raise Unread("unknown date phrase")
    recurrence, interval, used = _by_unit(tokens, at + 1)
    return recurrence, interval, (times if times > 1 else None), used


def _reporting(tokens: list[str], year: int) -> Span:
    """"до 20 числа месяца, следующего за отчетным [кварталом]": a deadline in each period after
    the reporting one; the period is the one named after "отчетным", else the one before it."""
    at = tokens.index("after_report")
    after, before = tokens[at + 1 :], [t for t in tokens[:at] if t != ","]
    unit = after[0] if after else (before[-1] if before else None)
    if tokens[0] != "until" or len(after) > 1 or unit not in vocab.RECURRENCE_BY_UNIT:
        raise Unread("unknown date phrase")
    if not all(t in _ANCHORS or t.isdigit() or t[0] == "M" for t in before):
        raise Unread("unknown date phrase")
    recurrence, months_each = vocab.RECURRENCE_BY_UNIT[unit]
    return plan_year(year, recurrence=recurrence, interval=months_each if months_each > 1 else None)


def read_recurring(tokens: list[str], year: int, read: Callable[[list[str], int], Span]) -> Span:
    """A recurrence and the span it runs over; ``read`` reads the period that follows it."""
    if tokens[0][:2] != "R:" and "times" not in tokens[:2]:
        return _reporting(tokens, year)
    recurrence, interval, times, used = _recurrence(tokens)
    tail = tokens[used + 1 :] if tokens[used : used + 1] == [","] else tokens[used:]
    fields = {"recurrence": recurrence, "interval": interval, "times": times}
    if not tail or ("after_report" in tail and all(t in _ANCHORS or t.isdigit() for t in tail)):
        return plan_year(year, **fields)  # "ежеквартально, до 15 числа месяца, следующего за отчетным"
    try:
        period = read(tail, year)
    except Unread:
        if all(t in _ANCHORS or t.isdigit() for t in tail):  # "до 5 числа", "в конце", "последний рабочий день"
            return plan_year(year, **fields)
        raise
    if period.kind in ("recurring", "unscheduled"):
        raise Unread("unknown date phrase")
    return Span("recurring", period.start, period.end, period.approximate, period.pieces,
                warnings=period.warnings, **fields)
