"""parse_date on arbitrary text: it never raises, never reverses a span, and says when it did not read."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.dates import vocab
from parsers.dates import parse_date_with_warnings, split_place_date

# Words of the vocabulary mixed with noise, so that examples reach deep into the rules.
_WORDS = sorted(
    {form for forms in vocab.MONTHS.values() for form in forms}
    | {form for forms in vocab.UNITS.values() for form in forms}
    | {form for forms in vocab.PARTS.values() for form in forms}
    | {form for forms in vocab.SEASONS.values() for form in forms}
    | {form for forms in vocab.RECURRENCE_WORDS.values() for form in forms}
    | {form for forms in vocab.JOINERS.values() for form in forms if form}
    | {form for forms in vocab.WEEKDAYS.values() for form in forms}
    | {form for forms in vocab.RELATIVE_YEARS.values() for form in forms}
    | {"I", "II", "IV", "XII", "2024", "2025", "24", "-", "–", ",", ".", "и", "по", "до", "(", ")",
       "10:00", "9.30", "14-00", "ч.", "половина", "неделя", "последняя", "учебного года", "за", "каждый",
       ", по согласованию", "(онлайн)", "(четверг)"}
)
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.integers(min_value=0, max_value=40).map(str),
    st.from_regex(r"\d{1,2}\.\d{1,2}(\.\d{2,4})?", fullmatch=True),
    st.text(max_size=4),
)
_PHRASES = st.one_of(st.text(max_size=40), st.lists(_PIECES, max_size=7).map(" ".join))
_YEARS = st.integers(min_value=1, max_value=9999)
_BOUNDED = settings(max_examples=300, deadline=None)


@_BOUNDED
@given(_PHRASES, _YEARS)
def test_parse_date_never_raises_and_never_reverses(text: str, year: int) -> None:
    span, warnings = parse_date_with_warnings(text, year)
    assert span.text == text
    if span.start is not None and span.end is not None:
        assert span.start <= span.end
    for piece in span.spans or ():
        assert span.start <= piece.start <= piece.end <= span.end


@_BOUNDED
@given(_PHRASES, _YEARS)
def test_unread_phrase_is_unknown_with_no_dates_and_one_warning(text: str, year: int) -> None:
    span, warnings = parse_date_with_warnings(text, year)
    if span.kind == "unknown":
        assert len(warnings) == 1 and span.start is None and span.end is None
    elif warnings:  # read, but doubtful (a weekday that is not the date's): the dates are there
        assert span.end is not None
    if span.kind in ("unscheduled", "unknown"):
        assert span.start is None and span.end is None
    if span.kind == "deadline":
        assert span.start is None and span.end is not None
    if span.start_time is not None:
        assert span.kind in ("day", "recurring")
        assert span.end_time is None or span.start_time <= span.end_time


@_BOUNDED
@given(_PHRASES)
def test_split_place_date_is_a_prefix_and_a_suffix_of_the_text(text: str) -> None:
    place, date = split_place_date(text)
    flat = " ".join(text.split())
    assert flat.endswith(date)
    rest = flat[: len(flat) - len(date)]
    assert place == (rest.rstrip(" ,;:" + vocab.DASHES) or None)
