"""Times of day in a date phrase: "14 мая 11.00", "с 10-00 до 12-00", "9.30 ч.".

The tokenizer has made each time a ``T<HH:MM>`` token; this step takes the one time or time
range out of the tokens, so that what is left is read as a date, and the time goes into the
span's start_time / end_time. A time belongs to one day (or to each occurrence of a
recurrence); a time with no day or over several days is unread.
"""

from __future__ import annotations

from parsers.dates.spans import Span
from parsers.dates.unread import Unread

__all__ = ["attach_times", "take_times"]

_SEPARATORS = ("-", "to", "until")
_TIMED_KINDS = ("day", "recurring")


def _is_time(token: str) -> bool:
    return token[:1] == "T"


def _hours(tokens: list[str]) -> list[str]:
    """ "в 10 ч." -> a time: a number of hours followed by "ч"/"час"."""
    out: list[str] = []
    for token in tokens:
        if token == "hr" and out and _is_time(out[-1]):
            continue  # "9.30 ч.": the mark after a time says nothing more
        if token == "hr" and out and out[-1].isdigit() and int(out[-1]) < 24:
            out[-1] = f"T{int(out[-1]):02d}:00"
            continue
        out.append(token)
    return out


def take_times(tokens: list[str]) -> tuple[list[str], str | None, str | None]:
    """The tokens without their time clause, and the start and end time it gives."""
    if "hr" in tokens:
        tokens = _hours(tokens)
    at = [i for i, token in enumerate(tokens) if _is_time(token)]
    if not at:
        return tokens, None, None
    first, last = at[0], at[-1]
    if len(at) > 2 or (len(at) == 2 and not (last == first + 2 and tokens[first + 1] in _SEPARATORS)):
        raise Unread("unknown date phrase")
    start, end = tokens[first][1:], tokens[last][1:] if len(at) == 2 else None
    if first > 0 and tokens[first - 1] == "until":
        raise Unread("unknown date phrase")  # "до 12.00": a deadline within a day is no time span
    if first > 0 and tokens[first - 1] == "from":
        first -= 1
    if first > 0 and tokens[first - 1] == ",":
        first -= 1
    rest = tokens[:first] + tokens[last + 1 :]
    if rest[:1] == [","]:
        rest = rest[1:]
    if not rest:
        raise Unread("a time without a day")
    if end is not None and end < start:
        raise Unread("reversed range")
    return rest, start, end


def attach_times(span: Span, start: str | None, end: str | None) -> Span:
    """The span with its times; a time on anything but one day or a recurrence is unread."""
    if start is None:
        return span
    if span.kind not in _TIMED_KINDS:
        multi_day = span.kind in ("day_range", "decade")
        raise Unread("a time over several days" if multi_day else "a time without a day")
    return span._replace(start_time=start, end_time=end)
