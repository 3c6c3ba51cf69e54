"""Benchmark parse_date on the case table, side by side with dateparser (a dev-only extra).

    pip install -e '.[bench]'      # dateparser, for the comparison
    python bench/dates.py          # no network needed

Prints phrases per second of parse_date (cold: every phrase parsed afresh; warm: phrases
repeat as they do across a plan, so the cache answers) and, on the same hand-written table and
on the held-out corpus of real cells (tests/data/date_corpus.tsv), how many phrases each
library gets right, by kind. dateparser returns one datetime, so it is
counted right when that day is the span's start (the end for a deadline), or when it returns
nothing for a phrase that names no date; that is an upper bound on what it can express.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # measure this checkout, not an installed copy

from parsers.dates import parse_date  # noqa: E402
from parsers.dates.reader import understand  # noqa: E402

CASES = ROOT / "tests" / "data" / "date_cases.tsv"
CORPUS = ROOT / "tests" / "data" / "date_corpus.tsv"
COLUMNS = ("phrase", "year", "kind", "start", "end", "recurrence", "approximate", "spans", "warning", "more")
CORPUS_COLUMNS = ("phrase", "year", "kind", "start", "end", "recurrence", "approximate", "start_time", "end_time")
REPEATS = 20


def load_cases(path: Path = CASES, columns: tuple[str, ...] = COLUMNS) -> list[dict]:
    """The rows of a case table, phrases unescaped, dates parsed."""
    cases = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#") or row[0] == "phrase":
                continue
            case = dict(zip(columns, row + [""] * (len(columns) - len(row))))
            case["phrase"] = re.sub(
                r"\\(n|t|u[0-9a-fA-F]{4})",
                lambda m: {"n": "\n", "t": "\t"}.get(m[1]) or chr(int(m[1][1:], 16)),
                case["phrase"],
            )
            case["year"] = int(case["year"])
            for key in ("start", "end"):
                case[key] = dt.date.fromisoformat(case[key]) if case[key] else None
            cases.append(case)
    return cases


def rate(fn, cases: list[dict], repeats: int, before=lambda: None) -> float:
    """Best phrases per second over ``repeats`` passes of ``fn`` over the table."""
    best = float("inf")
    for _ in range(repeats):
        before()
        t0 = time.perf_counter()
        for case in cases:
            fn(case["phrase"], case["year"])
        best = min(best, time.perf_counter() - t0)
    return len(cases) / best


def ours_right(case: dict) -> bool:
    """Every field of the span as the table says (the corpus leaves out the pieces and the interval)."""
    span = parse_date(case["phrase"], case["year"])
    want = (case["kind"], case["start"], case["end"], case["recurrence"] or None, case["approximate"] == "y")
    got = (span.kind, span.start, span.end, span.recurrence, span.approximate)
    if "more" in case:
        more = dict(pair.split("=", 1) for pair in case["more"].split())
        pieces = " ".join(f"{p.start}/{p.end}" for p in span.spans or ())
        extra = tuple(str(getattr(span, name) or "") for name in ("start_time", "end_time", "interval", "times"))
        want += (case["spans"], *(more.get(name, "") for name in ("start_time", "end_time", "interval", "times")))
        got += (pieces, *extra)
    else:
        want += (case["start_time"] or None, case["end_time"] or None)
        got += (span.start_time, span.end_time)
    return got == want


def dateparser_fn():
    """dateparser set up for Russian and the plan year, or None when it is not installed."""
    try:
        import dateparser
    except ImportError:
        return None
    parsers: dict[int, dateparser.DateDataParser] = {}  # one per plan year, built once

    def parse(phrase: str, year: int) -> dt.date | None:
        """The day dateparser finds in ``phrase``, or None."""
        if year not in parsers:
            settings = {"RELATIVE_BASE": dt.datetime(year, 1, 1), "PREFER_DAY_OF_MONTH": "first"}
            parsers[year] = dateparser.DateDataParser(languages=["ru"], settings=settings)
        found = parsers[year].get_date_data(phrase).date_obj
        return found.date() if found else None

    return parse


def dateparser_right(parse, case: dict) -> bool:
    """dateparser's one day is the span's start (end for a deadline), or nothing for no date."""
    got = parse(case["phrase"], case["year"])
    if case["kind"] in ("unscheduled", "unknown"):
        return got is None
    return got == (case["end"] if case["kind"] == "deadline" else case["start"])


def main() -> None:
    """Print the speeds, then the accuracy by kind."""
    cases = load_cases()
    cold = rate(parse_date, cases, REPEATS, before=understand.cache_clear)
    warm = rate(parse_date, cases, REPEATS)
    ours = Counter(c["kind"] for c in cases if ours_right(c))
    print(f"{len(cases)} phrases from {CASES.relative_to(ROOT)}, Python {sys.version.split()[0]}, one core")
    print(f"parse_date  cold (no cache): {cold:>10,.0f} phrases/s")
    print(f"parse_date  warm (cached):   {warm:>10,.0f} phrases/s")
    parse = dateparser_fn()
    if parse is None:
        print("dateparser  not installed: pip install -e '.[bench]'")
        theirs = None
    else:
        import dateparser

        parse(cases[0]["phrase"], cases[0]["year"])  # load its language data outside the timing
        speed = rate(parse, cases, 3)
        theirs = Counter(c["kind"] for c in cases if dateparser_right(parse, c))
        print(f"dateparser {dateparser.__version__:<6}:        {speed:>10,.0f} phrases/s")
    print()
    print_accuracy(cases, ours, theirs)
    corpus = load_cases(CORPUS, CORPUS_COLUMNS)
    ours = Counter(c["kind"] for c in corpus if ours_right(c))
    theirs = Counter(c["kind"] for c in corpus if dateparser_right(parse, c)) if parse else None
    print()
    print(f"held-out corpus: {len(corpus)} cells from {CORPUS.relative_to(ROOT)}")
    print_accuracy(corpus, ours, theirs)


def print_accuracy(cases: list[dict], ours: Counter, theirs: Counter | None) -> None:
    """One line per kind: how many cases, how many each library got right."""
    by_kind = Counter(c["kind"] for c in cases)
    print(f"{'kind':<12} {'cases':>5} {'parse_date':>11} {'dateparser':>11}")
    for kind, n in sorted(by_kind.items(), key=lambda kv: -kv[1]):
        other = f"{theirs[kind]:>11}" if theirs is not None else f"{'-':>11}"
        print(f"{kind:<12} {n:>5} {ours[kind]:>11} {other}")
    total = len(cases)
    other = f"{sum(theirs.values()) / total:>11.1%}" if theirs is not None else f"{'-':>11}"
    print(f"{'accuracy':<12} {total:>5} {sum(ours.values()) / total:>11.1%} {other}")


if __name__ == "__main__":
    main()
