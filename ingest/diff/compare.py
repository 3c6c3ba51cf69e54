"""When two values of two plans' records count as the same, a year apart.

"май" in 2024 and "май" in 2025 are the same date; so are "ежеквартал." and
"ежеквартально". Texts compare with spaces collapsed and case folded; lists as
sets (order does not matter).
"""

from __future__ import annotations

import calendar
import datetime as dt

from ingest.diff.titles import Numeral, editions
from schemas.plan import DateSpan


def plain(text: str | None) -> str:
    """A text compared as its words: spaces collapsed, case folded, ё as е."""
    return " ".join((text or "").split()).casefold().replace("ё", "е")


def same_text(a: str | None, b: str | None) -> bool:
    """Same text apart from spacing and case; None only equals None or empty."""
    return plain(a) == plain(b)


def same_list(a: list[str], b: list[str]) -> bool:
    """Same members, in any order."""
    return {plain(x) for x in a} == {plain(x) for x in b}


def same_date(a: DateSpan, b: DateSpan) -> bool:
    """Same phrase, or the same days of the year, kind, recurrence and times (the year itself aside)."""
    if plain(a.text) == plain(b.text):
        return True
    if a.kind != b.kind or a.recurrence != b.recurrence or a.start is None or b.start is None:
        return False
    if (a.start_time, a.end_time, a.interval, a.times) != (b.start_time, b.end_time, b.interval, b.times):
        return False  # "14 мая 11.00" -> "14 мая 15.00": the same day, another time
    return (day_of_year(a.start), day_of_year(a.end)) == (day_of_year(b.start), day_of_year(b.end))


def day_of_year(day: dt.date | None) -> tuple[int, int | str] | None:
    """(month, day), the last day of a month as "last" so that February 28 and 29 agree."""
    if day is None:
        return None
    last = calendar.monthrange(day.year, day.month)[1]
    return day.month, "last" if day.day == last else day.day


def editions_text(found: tuple[Numeral, ...]) -> str | None:
    """Edition numerals as written, joined by ", "; None when there are none."""
    return ", ".join(numeral.text for numeral in found) if found else None


def editions_grow(old: tuple[Numeral, ...], new: tuple[Numeral, ...], years: int | None) -> bool:
    """True when the same series' editions grew by exactly the year difference.

    Each edition must count the same word ("XXX сессия" → "XXXI сессия") and grow
    by ``years`` or stay; at least one must grow.
    """
    if not years or not old or len(old) != len(new):
        return False
    steps = [_step(a, b) for a, b in zip(old, new)]
    return all(step in (0, years) for step in steps) and years in steps


def _step(old: Numeral, new: Numeral) -> int | None:
    """How much one edition grew; None when the numerals count different words."""
    return new.value - old.value if old.next_word == new.next_word else None
