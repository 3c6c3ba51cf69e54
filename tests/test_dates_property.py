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
    | {"I", "II", "IV", "XII", "2024", "2025", "24", "-", "–", ",", ".", "и", "по", "до"}
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
    if warnings:
        assert (span.kind, span.start, span.end, len(warnings)) == ("unknown", None, None, 1)
    if span.kind == "unknown":
        assert warnings and span.start is None and span.end is None
    if span.kind in ("unscheduled", "unknown"):
        assert span.start is None and span.end is None
    if span.kind == "deadline":
        assert span.start is None and span.end is not None


@_BOUNDED
@given(_PHRASES)
def test_split_place_date_is_a_prefix_and_a_suffix_of_the_text(text: str) -> None:
    place, date = split_place_date(text)
    flat = " ".join(text.split())
    assert flat.endswith(date)
    rest = flat[: len(flat) - len(date)]
    assert place == (rest.rstrip(" ,;:" + vocab.DASHES) or None)
