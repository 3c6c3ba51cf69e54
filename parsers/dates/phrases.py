"""The Russian date normaliser: a date phrase of a plan cell -> a typed, inclusive DateSpan.

Three steps, one idea each (the words themselves live in ``parsers.dates.vocab``):
1. fold   - a normalised copy of the text: spaces, dashes, case, "ё", Latin look-alikes;
2. tokens - each word becomes a canonical token ("мая" -> ``M5``, "I" -> ``1``,
            "02.06.2024" -> ``2 M6 Y2024``); an unknown word makes the phrase unknown;
3. read   - generic rules over the tokens: recurrence, deadline, list, range, single.
A phrase that cannot be read, names an impossible day or a reversed range is kind "unknown"
with its text kept and one warning; the parser never guesses and never raises.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from parsers.dates import vocab
from parsers.roman import roman_value
from schemas.plan import DatePiece, DateSpan

__all__ = ["parse_date", "parse_date_with_warnings", "split_place_date"]


class _Unread(Exception):
    """A phrase the rules cannot turn into a date; the message is the warning."""


# ---------------------------------------------------------------------------------------------
# 1. fold


def _char_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(c): " " for c in vocab.SPACES}
    table.update({ord(c): "-" for c in vocab.DASHES})
    table.update({ord(c): None for c in vocab.INVISIBLE})
    table.update({ord("ё"): "е", ord("Ё"): "е"})
    return table


@functools.cache
def _folding() -> tuple[dict, re.Pattern, re.Pattern, dict, re.Pattern, re.Pattern]:
    """The folding tables and patterns, built once on first use (no import-time work)."""
    latin = re.compile(r"[a-z]")
    words = re.compile(r"[a-zа-яі]+")
    lookalikes = str.maketrans(vocab.LATIN_LOOKALIKES)
    phrases = re.compile(r"(?<![а-я])(?:" + "|".join(map(re.escape, vocab.PHRASES)) + r")(?![а-я])")
    spaces = re.compile(r" {2,}")
    return _char_table(), latin, words, lookalikes, phrases, spaces


def _fold_word(match: re.Match, lookalikes: dict) -> str:
    word = match.group()
    if not word.isascii() or roman_value(word) is None:
        return word.translate(lookalikes)  # "mай" -> "май"; a Roman numeral stays Latin
    return word


def _fold(text: str) -> str:
    """A normalised copy of ``text``: one space, "-" for every dash, lower case, "е" for "ё"."""
    chars, latin, words, lookalikes, phrases, spaces = _folding()
    folded = text.translate(chars).lower()
    if latin.search(folded):
        folded = words.sub(lambda m: _fold_word(m, lookalikes), folded)
    folded = phrases.sub(lambda m: vocab.PHRASES[m.group()], folded)
    return spaces.sub(" ", folded).strip(" .,;")


# ---------------------------------------------------------------------------------------------
# 2. tokens

_DAY_MONTH = r"(?P<nd>\d{1,2})\.(?P<nm>\d{1,2})(?:\.(?P<ny>\d{4}|\d{2})(?!\d))?"
_NUMBER = r"(?P<num>\d+)"
_WORD = r"(?P<word>[a-zа-яі]+)"
_JOIN = r"(?P<join>[-,])"
_QUIET = r"[\s.()]+"  # spaces, abbreviation dots and brackets carry nothing: "май (ориентировочно)"
_OTHER = r"(?P<other>.)"
_TOKEN = "|".join((_DAY_MONTH, _NUMBER, _WORD, _JOIN, _QUIET, _OTHER))


@functools.cache
def _lexicon() -> dict[str, str]:
    """Every known word -> its canonical token (see ``parsers.dates.vocab``)."""
    tables = [
        {f"M{n}": forms for n, forms in vocab.MONTHS.items()},
        vocab.SEASONS,
        vocab.UNITS,
        vocab.PARTS,
        {str(n): forms for n, forms in vocab.ORDINALS.items()},
        {f"R:{r}": forms for r, forms in vocab.RECURRENCE_WORDS.items()},
        vocab.JOINERS,
    ]
    return {form: token for table in tables for token, forms in table.items() for form in forms}


@functools.cache
def _token_pattern() -> re.Pattern:
    return re.compile(_TOKEN)


def _roman(word: str) -> int | None:
    """The value of a Roman numeral that can count periods (under 40), else None."""
    value = roman_value(word)
    return value if value is not None and value < 40 else None


def _year_token(digits: str) -> str:
    return f"Y{2000 + int(digits) if len(digits) == 2 else int(digits)}"


def _word_token(word: str) -> str:
    token = _lexicon().get(word)
    if token is not None:
        return token
    number = _roman(word)
    if number is not None:
        return f"r{number}"  # marked: a Roman numeral counts periods, never days
    raise _Unread("unknown date phrase")


def _tokens(folded: str) -> list[str]:
    """Canonical tokens of a folded phrase; raises _Unread on a word outside the vocabulary."""
    tokens: list[str] = []
    for m in _token_pattern().finditer(folded):
        kind = "nd" if m["nd"] else m.lastgroup  # a day.month match ends on its last part
        if kind is None:
            continue
        if kind == "nd":
            tokens += [str(int(m["nd"])), f"M{int(m['nm'])}"]
            if m["ny"]:
                tokens.append(_year_token(m["ny"]))
        elif kind == "num":
            digits = m["num"]
            if len(digits) == 4:
                tokens.append(_year_token(digits))
            elif len(digits) <= 2:
                tokens.append(str(int(digits)))
            else:
                raise _Unread("unknown date phrase")
        elif kind == "word":
            _add_word(tokens, m["word"])
        elif kind == "join":
            tokens.append(m["join"])
        else:
            raise _Unread("unknown date phrase")
    return tokens


def _is_number(token: str) -> bool:
    return token.isdigit() or (token[:1] == "r" and token[1:].isdigit())


def _add_word(tokens: list[str], word: str) -> None:
    """Append a word's token, dropping ordinal suffixes ("2-го") and "год" after a year."""
    if word in vocab.ORDINAL_SUFFIXES and tokens:
        if _is_number(tokens[-1]):
            return
        if tokens[-1] == "-" and len(tokens) > 1 and _is_number(tokens[-2]):
            tokens.pop()
            return
    token = _word_token(word)
    if token == "yr" and tokens and tokens[-1].startswith("Y"):
        return  # "2024 г.", "2024 года": the year is already there
    if token:
        tokens.append(token)


# ---------------------------------------------------------------------------------------------
# 3. read: pieces of time


@dataclass(frozen=True, slots=True)
class _Span:
    """What a phrase means: kind, inclusive start/end, and the pieces when several."""

    kind: str
    start: dt.date | None
    end: dt.date | None
    approximate: bool = False
    pieces: tuple[tuple[dt.date, dt.date], ...] | None = None
    recurrence: str | None = None


class _Single(NamedTuple):
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
    r"(?:(?P<roman>r)?(?P<num>\d{1,2}) )?"
    rf"(?:(?P<unit>q|h|dk|yr|{_SEASON_UNITS}) )?"
    r"(?:M(?P<mon>\d{1,2}) )?"
    r"(?:Y(?P<year>\d{4}) )?"
)
_DECADE_DAYS = ((1, 10), (11, 20), (21, 31))
_RANGE_KIND = {"day": "day_range", "month": "month_range"}


def _single(tokens: list[str]) -> _Single:
    m = _SINGLE.fullmatch("".join(t + " " for t in tokens))
    if m is None or not tokens:
        raise _Unread("unknown date phrase")
    num, mon, year = m["num"], m["mon"], m["year"]
    return _Single(
        m["part"],
        int(num) if num else None,
        m["unit"],
        int(mon) if mon else None,
        int(year) if year else None,
        m["roman"] is not None,
    )


_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_days(year: int, mon: int) -> int:
    """Days in month ``mon`` (1-12) of ``year``; February of a leap year has 29."""
    return 29 if mon == 2 and calendar.isleap(year) else _DAYS_IN_MONTH[mon - 1]


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    """First day of month ``first`` to last day of month ``last`` of ``year``."""
    if not (1 <= first <= last <= 12):
        raise _Unread("impossible date")
    return dt.date(year, first, 1), dt.date(year, last, _month_days(year, last))


def _day(year: int, mon: int, day: int) -> dt.date:
    if not 1 <= mon <= 12 or not 1 <= day <= _month_days(year, mon):
        raise _Unread("impossible date")
    return dt.date(year, mon, day)


def _numbered(num: int | None, count: int) -> int:
    """The index of a quarter, half-year or decade, checked against how many there are."""
    if num is None or not 1 <= num <= count:
        raise _Unread("impossible date")
    return num


def _resolve(s: _Single, year: int) -> _Span:
    """The span one single names in ``year`` (its own year wins)."""
    y = s.year if s.year is not None else year
    if s.part:
        return _part_of(s.part, _resolve(s._replace(part=None), year))
    if s.unit is None and s.mon is not None:
        if s.num is None:
            return _Span("month", *_months(y, s.mon, s.mon))
        if s.roman:
            raise _Unread("unknown date phrase")
        d = _day(y, s.mon, s.num)
        return _Span("day", d, d)
    if s.unit == "q" and s.mon is None:
        q = _numbered(s.num, 4)
        return _Span("quarter", *_months(y, 3 * q - 2, 3 * q))
    if s.unit == "h" and s.mon is None:
        h = _numbered(s.num, 2)
        return _Span("half_year", *_months(y, 6 * h - 5, 6 * h))
    if s.unit == "dk" and s.mon is not None:
        first, last = _DECADE_DAYS[_numbered(s.num, 3) - 1]
        return _Span("decade", _day(y, s.mon, first), _day(y, s.mon, min(last, _month_days(y, s.mon))))
    if s.unit in vocab.SEASON_MONTHS and s.num is None and s.mon is None:
        return _season(s.unit, y)
    if s.num is None and s.mon is None and (s.unit == "yr" or (s.unit is None and s.year is not None)):
        return _Span("year", *_months(y, 1, 12))
    raise _Unread("unknown date phrase")


def _season(name: str, year: int) -> _Span:
    pieces = tuple(_months(year, a, b) for a, b in vocab.SEASON_MONTHS[name])
    return _Span("season", pieces[0][0], pieces[-1][1], True, pieces if len(pieces) > 1 else None)


def _part_of(part: str, whole: _Span) -> _Span:
    """Начало / середина / конец of a month (its decades) or of a longer period (its months)."""
    if whole.pieces or whole.start is None or whole.end is None:
        raise _Unread("unknown date phrase")
    start, end = whole.start, whole.end
    if whole.kind == "month":
        first, last = _DECADE_DAYS[("early", "mid", "late").index(part)]
        last = min(last, end.day)
        return _Span("decade", start.replace(day=first), start.replace(day=last), True)
    if whole.kind not in ("quarter", "half_year", "season", "year"):
        raise _Unread("unknown date phrase")
    n = end.month - start.month + 1
    first, last = {"early": (1, 1), "mid": ((n + 1) // 2, n // 2 + 1), "late": (n, n)}[part]
    a, b = _months(start.year, start.month + first - 1, start.month + last - 1)
    return _Span("month" if first == last else "month_range", a, b, True)


# ---------------------------------------------------------------------------------------------
# 3. read: ranges and lists


def _borrow(s: _Single, other: _Single) -> _Single:
    """Fill what a partial single leaves out from the single it leans on."""
    if s.partial and s.part is None and other.num is not None:  # "5" of "5-6 июля", not of "5, июль"
        s = s._replace(unit=other.unit, mon=other.mon)
    elif s.mon is None and s.unit == "dk":
        s = s._replace(mon=other.mon)
    return s


def _given(*years: int | None) -> int:
    """The first year that was given."""
    return next(y for y in years if y is not None)


def _rolls_over(left: _Span, right: _Span) -> bool:
    """Autumn-to-spring order ("31 декабря - 2 января", "ноябрь - январь") crosses a new year."""
    return left.start.month >= 7 and right.end.month <= 6


def _range(left: _Single, right: _Single, year: int) -> _Span:
    """A range written as two singles; a side without a year takes the other side's."""
    left = _borrow(left, right)
    ly, ry = left.year, right.year
    a = _resolve(left._replace(year=_given(ly, ry, year)), year)
    b = _resolve(right._replace(year=_given(ry, ly, year)), year)
    if a.pieces or b.pieces:  # "зима - весна": which winter is meant is anyone's guess
        raise _Unread("unknown date phrase")
    if a.start > b.end and _rolls_over(a, b):
        if ry is None:
            b = _resolve(right._replace(year=_given(ly, year) + 1), year)
        elif ly is None:
            a = _resolve(left._replace(year=ry - 1), year)
    if a.start > b.end:
        raise _Unread("reversed range")
    return _Span(_combined_kind([a, b]), a.start, b.end, a.approximate or b.approximate)


def _combined_kind(spans: list[_Span]) -> str:
    """The kind of a range or list of spans in order: days -> day_range, months -> month_range."""
    kinds = {s.kind for s in spans}
    first, last = spans[0].start, spans[-1].end
    if len(kinds) == 1:
        kind = kinds.pop()
        kind = _RANGE_KIND.get(kind, kind)
        if kind == "decade" and (first.year, first.month) != (last.year, last.month):
            kind = "day_range"  # "начало мая - конец июня" is no ten-day period
    else:
        kind = "day_range" if kinds & {"day", "day_range", "decade"} else "month_range"
    if kind == "month_range" and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        if first.year == last.year:
            return "year"
    return kind


def _split(tokens: list[str], seps: tuple[str, ...]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for t in tokens:
        if t in seps:
            parts.append([])
        else:
            parts[-1].append(t)
    return parts


def _range_or_single(tokens: list[str], year: int, context: _Single | None) -> tuple[_Span, _Single]:
    """One item of a list: a range or a single, leaning on ``context`` when partial."""
    sides = _split(tokens, ("-", "to"))
    if len(sides) > 2:
        raise _Unread("unknown date phrase")
    if len(sides) == 2:
        left = sides[0][1:] if sides[0][:1] == ["from"] else sides[0]
        right = _single(sides[1])
        if context is not None:
            right = _borrow(right, context)
            right = right if right.year is not None else right._replace(year=context.year)
        return _range(_single(left), right, year), right
    s = _single(tokens)
    if context is not None:
        s = _borrow(s, context)
        s = s if s.year is not None else s._replace(year=context.year)
    return _resolve(s, year), s


def _list(tokens: list[str], year: int) -> _Span:
    """Items joined by "," / "и" ("12, 19 и 26 марта"): the whole span and its pieces."""
    if "," not in tokens and "and" not in tokens:
        return _range_or_single(tokens, year, None)[0]
    items = _split(tokens, (",", "and"))
    if any(not item for item in items):
        raise _Unread("unknown date phrase")
    spans: list[_Span] = []
    context: _Single | None = None
    for item in reversed(items):
        span, context = _range_or_single(item, year, context)
        spans.append(span)
    if len(spans) > 1 and any(s.kind == "year" for s in spans):  # "ул. 1905 года, 12 мая"
        raise _Unread("unknown date phrase")
    spans.sort(key=lambda s: s.start)
    pieces = _merged([p for s in spans for p in (s.pieces or ((s.start, s.end),))])
    kind = _combined_kind(spans) if len(spans) > 1 else spans[0].kind
    approximate = any(s.approximate for s in spans)
    return _Span(kind, pieces[0][0], pieces[-1][1], approximate, tuple(pieces) if len(pieces) > 1 else None)


def _merged(pieces: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """Pieces in order with touching or overlapping ones joined ("5 и 6 июля" is one piece)."""
    out: list[tuple[dt.date, dt.date]] = []
    for start, end in sorted(pieces):
        if out and start <= out[-1][1] + dt.timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


# ---------------------------------------------------------------------------------------------
# 3. read: the phrase


def _plan_year(year: int, **kw) -> _Span:
    return _Span("recurring", *_months(year, 1, 12), **kw)


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
    raise _Unread("unknown date phrase")


def _recurring(tokens: list[str], year: int) -> _Span:
    """"постоянно", "ежегодно, май", "1 раз в квартал": a recurrence and the span it runs over."""
    recurrence, used = _recurrence(tokens)
    tail = tokens[used + 1 :] if tokens[used : used + 1] == [","] else tokens[used:]
    if not tail or (len(tail) == 3 and tail[0] == "until" and tail[1].isdigit() and tail[2] == "dom"):
        return _plan_year(year, recurrence=recurrence)  # "до 5 числа": each period's own deadline
    period = _body(tail, year)
    return _Span("recurring", period.start, period.end, period.approximate, period.pieces, recurrence)


def _deadline(tokens: list[str], year: int) -> _Span:
    """"до 15 марта", "до конца I квартала": the last day of what follows "до"."""
    by = _body(tokens, year)
    exact_end = tokens[0] == "late"  # the end of a period is a day, not an estimate
    return _Span("deadline", None, by.end, by.approximate and not exact_end)


def _body(tokens: list[str], year: int) -> _Span:
    if not tokens or tokens == ["yr"]:  # a bare "год" / "г." names no year
        raise _Unread("unknown date phrase")
    while tokens[:1] == ["during"]:  # "в течение всего года": the span is the period itself
        tokens = tokens[1:]
    return _list(tokens, year)


def _read(tokens: list[str], year: int) -> _Span:
    """The span a phrase's tokens name (rules in order: recurrence, deadline, the rest)."""
    approximate = "approx" in tokens
    tokens = [t for t in tokens if t != "approx"]
    if not tokens:
        raise _Unread("unknown date phrase")
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
def _understand(text: str, year: int) -> tuple[_Span, str | None]:
    """The span and, when unread, the reason; cached because plans repeat their phrases."""
    folded = _fold(text)
    if folded in vocab.EMPTY_MARKS or _opening(vocab.UNSCHEDULED).match(folded):
        return _Span("unscheduled", None, None), None
    try:
        if _opening(vocab.AS_NEEDED).match(folded):
            return _plan_year(year, recurrence="as_needed"), None
        return _read(_tokens(folded), year), None
    except _Unread as why:
        return _Span("unknown", None, None), str(why)
    except (ValueError, OverflowError):  # a year datetime cannot hold (year 0, 10000)
        return _Span("unknown", None, None), "impossible date"


# ---------------------------------------------------------------------------------------------
# public


def parse_date_with_warnings(text: str, year: int) -> tuple[DateSpan, list[str]]:
    """Read a date phrase in plan year ``year``; the list says why when it could not be read."""
    span, why = _understand(text, year)
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


def split_place_date(text: str) -> tuple[str | None, str]:
    """Split "Хабаровск май" into ("Хабаровск", "май"): the date is the longest readable tail."""
    words = text.split()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if _understand(tail, 2000)[0].kind != "unknown":
            # "Минск 31 июня": the impossible "31 июня" is not readable but "июня" is;
            # numbers just before the readable tail belong to the date, which then warns.
            while i > 0 and any(c.isdigit() for c in words[i - 1]):
                i -= 1
            return _place(words[:i]), " ".join(words[i:])
    for i, word in enumerate(words):
        if _looks_dated(word):  # an unreadable date still leaves the place; the parse warns
            return _place(words[:i]), " ".join(words[i:])
    return _place(words), ""


def _place(words: list[str]) -> str | None:
    return " ".join(words).rstrip(" ,;:" + vocab.DASHES) or None


_DATED_TOKENS = ("M", "R:")


def _looks_dated(word: str) -> bool:
    """A word that can only belong to a date: a digit, a month, a recurrence word."""
    folded = _fold(word)
    if any(c.isdigit() for c in folded):
        return True
    token = _lexicon().get(folded, "")
    return token.startswith(_DATED_TOKENS) or token in vocab.SEASON_MONTHS
