"""The held-out corpus: date cells of many kinds of Russian plans (municipal, ministry, school,
association), written by hand with the reading each should get before the forms of issue 15 were
built, and not tuned against afterwards (tests/data/date_corpus.tsv).

It measures rather than specifies: the share read right must be at least 95 %, and no cell may
get a confident wrong span (dates that are not the ones the cell means). A cell read as unknown
is not right, but it is not wrong either: the user is told."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from parsers.dates import parse_date
from tests.test_dates import _unescape

CORPUS = Path(__file__).parent / "data" / "date_corpus.tsv"
COLUMNS = ("phrase", "year", "kind", "start", "end", "recurrence", "approximate", "start_time", "end_time")


def corpus() -> list[dict]:
    """The corpus rows, phrases unescaped."""
    rows = []
    with CORPUS.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#") or row[0] == "phrase":
                continue
            case = dict(zip(COLUMNS, row + [""] * (len(COLUMNS) - len(row))))
            case["phrase"] = _unescape(case["phrase"])
            rows.append(case)
    return rows


def expected(case: dict) -> tuple:
    """kind, start, end, recurrence, approximate, start_time, end_time as the corpus says."""
    day = lambda text: dt.date.fromisoformat(text) if text else None  # noqa: E731
    return (case["kind"], day(case["start"]), day(case["end"]), case["recurrence"] or None,
            case["approximate"] == "y", case["start_time"] or None, case["end_time"] or None)


def reading(case: dict) -> tuple:
    """The same fields as parse_date reads them."""
    span = parse_date(case["phrase"], int(case["year"]))
    return (span.kind, span.start, span.end, span.recurrence, span.approximate,
            getattr(span, "start_time", None), getattr(span, "end_time", None))


def confidently_wrong(got: tuple, want: tuple) -> bool:
    """A span with dates that are not the ones meant (an unread cell is reported, not wrong)."""
    has_dates = got[1] is not None or got[2] is not None
    return has_dates and got[:3] != want[:3]


def test_corpus_is_large_and_varied() -> None:
    rows = corpus()
    assert len(rows) >= 150
    assert len({row["kind"] for row in rows}) >= 12


def test_corpus_is_read_right_and_never_confidently_wrong() -> None:
    rows = corpus()
    misses = [(r["phrase"], reading(r), expected(r)) for r in rows if reading(r) != expected(r)]
    wrong = [miss for miss in misses if confidently_wrong(miss[1], miss[2])]
    share = 1 - len(misses) / len(rows)
    assert wrong == []
    assert share >= 0.95, f"{share:.1%} read right; missed: " + "; ".join(repr(m[0]) for m in misses)
