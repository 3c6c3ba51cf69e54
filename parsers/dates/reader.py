"""Step 3c of reading a date phrase, and the public entry points: the phrase as a whole.

The rules in order: unscheduled and as-needed phrases, a recurrence, a deadline ("до"), then
a list or range (``parsers.dates.lists``). A phrase that cannot be read, names an impossible
day or a reversed range is kind "unknown" with its text kept and one warning; the reader
never guesses and never raises.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from parsers.dates import vocab
from parsers.dates.clock import attach_times, take_times
from parsers.dates.fold import fold
from parsers.dates.lists import read_list
from parsers.dates.recurrence import is_recurring, plan_year, read_recurring, recurrence_first
from parsers.dates.spans import Span, months
from parsers.dates.tokens import tokenize
from parsers.dates.unread import Unread
from parsers.dates.weekdays import check_weekdays, take_weekdays
from schemas.plan import DatePiece, DateSpan

__all__ = ["parse_date", "parse_date_with_warnings", "understand"]


def _deadline(tokens: list[str], year: int) -> Span:
    """"до 15 марта", "до конца I квартала": the last day of what follows "до"."""
    by = _body(tokens, year)
    exact_end = tokens[0] == "late"  # the end of a period is a day, not an estimate
    return Span("deadline", None, by.end, by.approximate and not exact_end, warnings=by.warnings)


def _reporting_period(tokens: list[str], year: int) -> Span:
    """"за 9 месяцев 2024 г.": January to the end of the ninth month (kind period); "за I
    квартал", "за 2024 год": the period itself."""
    if len(tokens) in (2, 3) and tokens[0].isdigit() and tokens[1] == "mon":
        if len(tokens) == 3 and tokens[2][:1] != "Y":
            raise Unread("unknown date phrase")
        in_year = int(tokens[2][1:]) if len(tokens) == 3 else year
        count = int(tokens[0])
        if not 1 <= count <= 12:
            raise Unread("impossible date")
        return Span("period", *months(in_year, 1, count))
    return _body(tokens, year)


def _school_year(tokens: list[str], year: int) -> Span:
    """"в течение учебного года", "2024/2025 учебный год": 1 September to 31 May of the next year;
    the school year that begins in the plan year unless its years are written."""
    while tokens[:1] == ["during"]:
        tokens = tokens[1:]
    if tokens[-1:] != ["syr"]:
        raise Unread("unknown date phrase")
    written = tokens[:-1]  # nothing, "2024", "2024 - 2025"
    years = [int(t[1:]) for t in written[::2] if t[:1] == "Y" and t[1:].isdigit()]
    if len(written) not in (0, 1, 3) or len(years) != (len(written) + 1) // 2 or written[1:2] not in ([], ["-"]):
        raise Unread("unknown date phrase")
    if len(years) == 2 and years[1] != years[0] + 1:
        raise Unread("unknown date phrase")
    begins = years[0] if years else year
    return Span("period", dt.date(begins, 9, 1), dt.date(begins + 1, 5, 31))


def _body(tokens: list[str], year: int) -> Span:
    if not tokens or tokens == ["yr"]:  # a bare "год" / "г." names no year
        raise Unread("unknown date phrase")
    while tokens[0] == "during":  # "в течение всего года": the span is the period itself
        tokens = tokens[1:]
        if not tokens:
            raise Unread("unknown date phrase")
    return read_list(_side_by_side(tokens) if len(tokens) > 1 else tokens, year)


def _side_by_side(tokens: list[str]) -> list[str]:
    """Dates written one after another with no joiner are a list: "апрель май", "5.06 12.06.2024",
    "2024 2025 гг."; a comma between a month and its year is no list ("Декабрь, 2024")."""
    for prev, token in zip(tokens, tokens[1:]):
        if (prev[0] in "MY" and (token[0] in "MY" or token.isdigit())) or (prev == "," and token[0] == "Y"):
            break
    else:
        return tokens  # the common case: nothing side by side
    out = tokens[:1]
    for prev, token in zip(tokens, tokens[1:]):
        if token == "," or not out:
            out.append(token)
            continue
        if out[-1] == "," and token[0] == "Y" and len(out) > 1 and out[-2][0] == "M" and token is tokens[-1]:
            out.pop()  # "Декабрь, 2024"
        elif prev[0] in "MY" and (token.isdigit() or token[0] == "M" or (prev[0] == "Y" and token[0] == "Y")):
            out.append(",")
        out.append(token)
    return out


def _relative_years(tokens: list[str], year: int) -> list[str]:
    """"текущего года" is the plan year, "очередного года" the next, "прошлого года" the last."""
    shifts = {"P0": 0, "P+1": 1, "P-1": -1}
    return [f"Y{year + shifts[t]}" if t in shifts else t for t in tokens]


def _core(tokens: list[str], year: int, special: bool = True) -> Span:
    """What the tokens name, times and weekdays aside (rules in order: recurrence, deadline,
    reporting period, school year, the rest); ``special`` false says no token of
    ``tokens.SPECIAL`` is there, so their rules are skipped."""
    if not tokens:
        raise Unread("unknown date phrase")
    first = tokens[0]
    if first == "from" and "until" in tokens:  # "с середины мая до конца июня"
        tokens = [("to" if t == "until" else t) for t in tokens]
    if (special and "every" in tokens) or (len(tokens) > 1 and "R:" in "".join(tokens[1:])):
        tokens = recurrence_first(tokens)
        first = tokens[0]
    if first[:2] == "R:" or "times" in tokens[:2] or (special and is_recurring(tokens)):
        return read_recurring(tokens, year, _core)
    if first == "until":
        return _deadline(tokens[1:], year)
    if special and first == "for":
        return _reporting_period(tokens[1:], year)
    if special and "syr" in tokens:
        return _school_year(tokens, year)
    return _body(tokens, year)


def _read(tokens: list[str], special: bool, year: int) -> Span:
    """The span a phrase's tokens name: the date, then its time and weekday checked against it."""
    if not special:
        return _core(tokens, year, False)
    approximate = "approx" in tokens
    if approximate:
        tokens = [t for t in tokens if t != "approx"]
    if not tokens:
        raise Unread("unknown date phrase")
    if "term" in tokens:
        raise Unread("a school term is not a calendar date")
    firsts = {t[0] for t in tokens}
    if "P" in firsts:
        tokens = _relative_years(tokens, year)
    start_time = end_time = None
    if "T" in firsts or "hr" in tokens:
        tokens, start_time, end_time = take_times(tokens)
    weekdays: list[int] = []
    if "W" in firsts:
        tokens, weekdays = take_weekdays(tokens, year)
    span = _core(tokens, year)
    if weekdays:
        span = check_weekdays(span, weekdays)
    if start_time:
        span = attach_times(span, start_time, end_time)
    return span._replace(approximate=True) if approximate else span


def _opens_with(folded: str, table: str) -> bool:
    """Whether ``folded`` opens with one of the phrases of ``vocab.<table>`` (its first letter is
    checked first: most phrases are dates and fail there)."""
    pattern, first_letters = _opening(table)
    return folded[:1] in first_letters and pattern.match(folded) is not None


@functools.cache
def _opening(table: str) -> tuple[re.Pattern, frozenset[str]]:
    """Matches text that opens with one of the phrases of ``vocab.<table>`` as whole words, a long
    word perhaps cut short with a dot ("по отд. графику", "в установл. порядке"); their first letters."""
    phrases: tuple[str, ...] = getattr(vocab, table)
    pattern = re.compile("(?:" + "|".join(map(_phrase_pattern, phrases)) + r")(?![^ ,.])")
    return pattern, frozenset(phrase[0] for phrase in phrases)


def _phrase_pattern(phrase: str) -> str:
    return r"\s?".join(map(_word_pattern, phrase.split(" ")))


def _word_pattern(word: str) -> str:
    """The word, or three or more of its first letters and a dot."""
    if len(word) < 5 or not word.isalpha():
        return re.escape(word)
    # The cuts as a flat alternation, longest first: re compiles it in a third of the time nested
    # optional letters take ("отд(?:е(?:л…)?)?"), and every process compiles it once.
    cuts = "|".join(re.escape(word[:length]) for length in range(len(word) - 1, 2, -1))
    return f"(?:{re.escape(word)}|(?:{cuts})(?:\\.|$))"  # folding strips a last dot


@functools.lru_cache(maxsize=16384)
def understand(text: str, year: int) -> tuple[Span, str | None]:
    """The span and, when unread, the reason; cached because plans repeat their phrases."""
    folded = fold(text)
    if folded in vocab.EMPTY_MARKS:
        return Span("unscheduled", None, None), None
    if _opens_with(folded, "UNSCHEDULED"):
        return _after_leading_label(folded, year) or Span("unscheduled", None, None), None
    try:
        if _opens_with(folded, "AS_NEEDED"):
            return plan_year(year, recurrence="as_needed"), None
        return _read(*tokenize(folded), year), None
    except Unread as why:
        labelled = _without_trailing_label(folded, year)
        return (labelled, None) if labelled else (Span("unknown", None, None), str(why))
    except (ValueError, OverflowError):  # a year datetime cannot hold (year 0, 10000)
        return Span("unknown", None, None), "impossible date"


def _after_leading_label(folded: str, year: int) -> Span | None:
    """"по приглашению, май", "по заявкам городов в течение года", "в сроки, определяемые … (май)":
    an unscheduled phrase, then a date; the date (the longest readable rest after a word), approximate.
    None when nothing datable follows, so the phrase is the whole cell."""
    words = folded.split(" ")
    for cut in range(1, len(words)):
        rest = " ".join(words[cut:]).strip(" ,;:()")
        if not rest or not any(ch.isalnum() for ch in rest):
            continue
        try:
            return _read(*tokenize(rest), year)._replace(approximate=True)
        except (Unread, ValueError, OverflowError):
            continue
    return None


def _without_trailing_label(folded: str, year: int) -> Span | None:
    """"IV квартал, по согласованию": a date, then after a comma a phrase that names no date; the
    date, approximate. None when the phrase is not so (or the date before it is unread too)."""
    head, comma, tail = folded.rpartition(", ")
    if not comma or not (_opens_with(tail, "UNSCHEDULED") or _opens_with(tail, "AS_NEEDED")):
        return None
    try:
        return _read(*tokenize(head), year)._replace(approximate=True)
    except (Unread, ValueError, OverflowError):  # unread, or a year datetime cannot hold
        return None


# ---------------------------------------------------------------------------------------------
# public


def parse_date_with_warnings(text: str, year: int) -> tuple[DateSpan, list[str]]:
    """Read a date phrase in plan year ``year``; the list says why when it could not be read
    (then the kind is "unknown"), or what is doubtful about a phrase that was read."""
    span, why = understand(text, year)
    pieces = [DatePiece(start=a, end=b) for a, b in span.pieces] if span.pieces else None
    date_span = DateSpan(text=text, kind=span.kind, start=span.start, end=span.end, **_extras(span, pieces))
    reasons = (why,) if why else span.warnings
    return date_span, [f"{reason} {text.strip()!r}" for reason in reasons]


def _extras(span: Span, pieces: list[DatePiece] | None) -> dict:
    """The fields a span gives beyond kind and dates; those left at their defaults are not passed
    (validating fewer values is measurably faster, and most spans have none of them)."""
    extras: dict = {}
    if span.recurrence is not None:
        extras["recurrence"] = span.recurrence
    if span.approximate:
        extras["approximate"] = True
    if pieces is not None:
        extras["spans"] = pieces
    if span.start_time is not None or span.interval is not None or span.times is not None:
        extras.update(start_time=span.start_time, end_time=span.end_time, interval=span.interval, times=span.times)
    return extras


def parse_date(text: str, year: int) -> DateSpan:
    """Read a Russian date phrase of plan year ``year``; never raises, "unknown" when unread."""
    return parse_date_with_warnings(text, year)[0]

