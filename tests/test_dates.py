"""parse_date and split_place_date, driven by the hand-written table tests/data/date_cases.tsv."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

from parsers.dates import parse_date, parse_date_with_warnings, split_place_date
from schemas.plan import KNOWN_SCHEMA_VERSIONS, SCHEMA_VERSION, DateSpan

CASES = Path(__file__).parent / "data" / "date_cases.tsv"
COLUMNS = ("phrase", "year", "kind", "start", "end", "recurrence", "approximate", "spans", "warning", "more")
MORE = ("start_time", "end_time", "interval", "times")


def _unescape(phrase: str) -> str:
    """The table writes invisible characters as escapes: \\n, \\t, \\u00a0."""
    return re.sub(r"\\(n|t|u[0-9a-fA-F]{4})", _escaped, phrase)


def _escaped(m: re.Match) -> str:
    return {"n": "\n", "t": "\t"}.get(m[1]) or chr(int(m[1][1:], 16))


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _spans(text: str) -> list[tuple[dt.date, dt.date]] | None:
    if not text:
        return None
    return [tuple(dt.date.fromisoformat(d) for d in piece.split("/")) for piece in text.split()]


def _load() -> list:
    rows = []
    with CASES.open(encoding="utf-8", newline="") as f:
        for line_no, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not row or row[0].startswith("#") or row[0] == "phrase":
                continue
            row += [""] * (len(COLUMNS) - len(row))
            case = dict(zip(COLUMNS, row))
            rows.append(pytest.param(case, id=f"{line_no}:{case['phrase']}"))
    return rows


@pytest.mark.parametrize("case", _load())
def test_phrase_reads_as_the_table_says(case: dict) -> None:
    phrase = _unescape(case["phrase"])
    span, warnings = parse_date_with_warnings(phrase, int(case["year"]))
    got = (span.kind, span.start, span.end, span.recurrence, span.approximate)
    want = (
        case["kind"],
        _date(case["start"]),
        _date(case["end"]),
        case["recurrence"] or None,
        case["approximate"] == "y",
    )
    assert got == want
    assert (None if span.spans is None else [(p.start, p.end) for p in span.spans]) == _spans(case["spans"])
    assert span.text == phrase
    more = dict(pair.split("=", 1) for pair in case["more"].split())
    assert {name: getattr(span, name) for name in MORE} == {
        name: (int(more[name]) if name in ("interval", "times") else more[name]) if name in more else None
        for name in MORE
    }
    if case["kind"] == "unknown":
        assert warnings == [case["warning"]]
    else:
        assert warnings == ([case["warning"]] if case["warning"] else [])


def test_the_table_has_at_least_200_cases() -> None:
    assert len(_load()) >= 200


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Хабаровск май", ("Хабаровск", "май")),
        ("Москва февраль", ("Москва", "февраль")),
        ("Волгоград 31октябрь-1ноябрь", ("Волгоград", "31октябрь-1ноябрь")),
        ("Санкт-Петербург октябрь", ("Санкт-Петербург", "октябрь")),
        ("постоянно", (None, "постоянно")),
        ("ежеквартал.", (None, "ежеквартал.")),
        ("по отдельному графику", (None, "по отдельному графику")),
        ("г. Москва, 15 мая", ("г. Москва", "15 мая")),
        ("Москва, ЦВК «Экспоцентр», 12-14 марта", ("Москва, ЦВК «Экспоцентр»", "12-14 марта")),
        ("Хабаровск\nмай", ("Хабаровск", "май")),
        ("Хабаровск \n май", ("Хабаровск", "май")),
        ("Москва,\u00a0июль", ("Москва", "июль")),
        ("Хабаровск", ("Хабаровск", "")),
        ("Москва, ЦВК «Экспоцентр»,", ("Москва, ЦВК «Экспоцентр»", "")),
        ("", (None, "")),
        ("май", (None, "май")),
        ("Ростов-на-Дону 15 сентября", ("Ростов-на-Дону", "15 сентября")),
        ("Минск — 9 сентября", ("Минск", "9 сентября")),
        ("Казань I квартал", ("Казань", "I квартал")),
        ("Москва 2 июня 2024 г.", ("Москва", "2 июня 2024 г.")),
        ("Москва 12, 19 и 26 марта", ("Москва", "12, 19 и 26 марта")),
        ("Москва 35 мартобря", ("Москва", "35 мартобря")),  # unreadable date: still split, parse warns
        ("Минск 31 июня", ("Минск", "31 июня")),  # impossible date stays whole, so the parse warns
        ("Сочи 30-31 июня", ("Сочи", "30-31 июня")),
        ("Нижний Новгород по согласованию", ("Нижний Новгород", "по согласованию")),
        ("Москва г.", ("Москва г.", "")),  # "г." alone is no date
        ("Москва, 14 мая 11.00", ("Москва", "14 мая 11.00")),
        ("Казань, по отд. графику", ("Казань", "по отд. графику")),
        ("Сочи 5.06 12.06.2024", ("Сочи", "5.06 12.06.2024")),
        ("Самара, IV квартал, по согласованию", ("Самара", "IV квартал, по согласованию")),
        ("Тула 10-00", ("Тула", "10-00")),  # a time alone is unread: still split, the parse warns
        # a recurrence or month word before the readable tail is the date's, not a place
        # ("по понедельникам" alone is readable; the cell's date is all of it, unread: warned)
        ("ежемесячно, по понедельникам", (None, "ежемесячно, по понедельникам")),
        ("Москва ежемесячно, по понедельникам", ("Москва", "ежемесячно, по понедельникам")),
        ("Москва, парк Весна, Дворец спорта 12 марта", ("Москва, парк Весна, Дворец спорта", "12 марта")),
        ("Москва, парк Весна 12 марта", ("Москва, парк Весна", "12 марта")),
        ("май, по понедельникам", (None, "май, по понедельникам")),
        # a house number after an address word (or the street it names) is the place's
        ("Москва, ул. Тверская, 13, 15 мая", ("Москва, ул. Тверская, 13", "15 мая")),
        ("Москва, д. 5 15 мая", ("Москва, д. 5", "15 мая")),
        ("Москва, Ленинский просп., 32а, 1-3 июня", ("Москва, Ленинский просп., 32а", "1-3 июня")),
        ("Казань, пл. Свободы, 2, корп. 1, май", ("Казань, пл. Свободы, 2, корп. 1", "май")),
        ("Москва, улица Арбат, 10/2, 12, 19 марта", ("Москва, улица Арбат, 10/2", "12, 19 марта")),
        ("Москва, ул. Тверская, 15 мая", ("Москва, ул. Тверская", "15 мая")),
    ],
)
def test_split_place_date(text: str, expected: tuple) -> None:
    assert split_place_date(text) == expected


@pytest.mark.parametrize("text", ["  май ", "Mай", "МАЙ\u00a0", "в мае\n"])
def test_text_is_kept_exactly_as_written(text: str) -> None:
    span = parse_date(text, 2024)
    assert span.text == text and span.kind == "month"


def test_unknown_phrase_keeps_text_and_warns() -> None:
    span, warnings = parse_date_with_warnings("когда получится", 2024)
    assert (span.kind, span.start, span.end, span.text) == ("unknown", None, None, "когда получится")
    assert warnings == ["unknown date phrase 'когда получится'"]


@pytest.mark.parametrize("text", ["декабрь, март, по согласованию", "декабрь, март (онлайн)", "декабрь, март"])
def test_a_list_rolled_past_the_last_year_a_date_can_hold_is_unknown(text: str) -> None:
    span, warnings = parse_date_with_warnings(text, 9999)  # March would be in the year 10000
    assert span.kind == "unknown" and len(warnings) == 1


def test_parse_date_gives_the_same_span_as_with_warnings() -> None:
    assert parse_date("31 июня", 2024) == parse_date_with_warnings("31 июня", 2024)[0]


def test_a_date_s_pieces_cannot_be_changed() -> None:
    # Readings are cached and shared between records, so a date is immutable all through.
    first = parse_date("май, ноябрь", 2024)
    with pytest.raises(AttributeError):
        first.spans.clear()
    assert len(parse_date("май, ноябрь", 2024).spans) == 2


def test_schema_1_0_date_without_spans_still_validates() -> None:
    assert SCHEMA_VERSION == "1.2" and {"1.0", "1.1"} <= set(KNOWN_SCHEMA_VERSIONS)
    old = DateSpan.model_validate({"text": "май", "kind": "month", "start": "2024-05-01", "end": "2024-05-31"})
    assert old.spans is None


def test_spans_round_trip_through_json() -> None:
    span = parse_date("12, 19 и 26 марта", 2024)
    assert DateSpan.model_validate_json(span.model_dump_json()) == span


@pytest.mark.parametrize("cell", ["1 " * 25_000, "до " * 17_000, "с 1 по " * 7_000, "Москва " * 8_000 + "май"])
def test_a_huge_cell_tries_only_tails_a_date_phrase_can_have(monkeypatch, cell):
    """Every tail of a 50 KB cell was parsed (quadratic: minutes); only the last few words can be a date."""
    from parsers.dates import place

    calls = []
    real = place.understand
    monkeypatch.setattr(place, "understand", lambda text, year: calls.append(text) or real(text, year))
    place_part, date_part = split_place_date(cell)
    assert len(calls) <= place.MAX_DATE_WORDS
    assert max(map(len, calls)) < 400
    assert (place_part or "").split() + date_part.split() == cell.split()  # no word lost
