"""Scanned plans through OCR: fields right per scan, seconds per page, peak memory.

    python bench/ocr.py                 # every scan in samples/scans/
    python bench/ocr.py -v SCAN...      # and list each wrong field

Each scan is read in a fresh process, one at a time (``ingest_file``), on one core
(OMP_THREAD_LIMIT=1, as Tesseract would otherwise use more). Its records are compared field
by field with the hand-written tests/expected/plan_2024.json: events by id, jubilees and city
days by city; a record missing or unmatched counts all its fields wrong. Plan fields
(title, year, footnotes, signatory) count one each. Peak memory is the process's maximum
resident set (ru_maxrss). Not a test: targets are in the README.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANS = ROOT / "samples" / "scans"
EXPECTED = ROOT / "tests" / "expected" / "plan_2024.json"
KEYS = {"events": "id", "jubilees": "city", "city_days": "city"}
# The numbers, dates, cities and ages that must never be wrong without a warning.
HARD_FIELDS = {"number", "id", "date", "city", "age", "anniversary", "founded"}

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from ingest.pipeline import ingest_file
import pdfplumber
start = time.perf_counter()
plan = ingest_file(sys.argv[1])
seconds = time.perf_counter() - start
pages = len(pdfplumber.open(sys.argv[1]).pages) if sys.argv[1].endswith(".pdf") else 1
print(json.dumps({"plan": plan.model_dump(mode="json"), "seconds": seconds, "pages": pages,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def read_scan(path: Path) -> dict:
    """The plan and figures of one scan, read in a fresh process on one core."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), str(ROOT)], capture_output=True,
                          text=True, env=env, check=True)
    return json.loads(done.stdout)


def expected_plan() -> dict:
    """The expected JSON with each record's defaults filled in by the models."""
    sys.path.insert(0, str(ROOT))
    from tests.test_samples import expected_records

    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    return {**expected, **{table: expected_records(expected, table) for table in KEYS}}


def score(plan: dict, expected: dict) -> tuple[int, int, list[str]]:
    """Fields right, fields in all, and a line for each wrong one."""
    right = total = 0
    wrong: list[str] = []
    for table, key in KEYS.items():
        got = {record[key]: record for record in plan[table]}
        for want in expected[table]:
            record = got.get(want[key], {})
            for name, value in want.items():
                total += 1
                if record.get(name) == value:
                    right += 1
                else:
                    wrong.append(f"{table} {want[key]} {name}: {record.get(name)!r} != {value!r}")
    for name in ("title", "year", "footnotes", "signatory"):
        total += 1
        if plan[name] == expected[name]:
            right += 1
        else:
            wrong.append(f"{name}: {plan[name]!r} != {expected[name]!r}")
    return right, total, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scans", nargs="*", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    scans = args.scans or sorted(p for p in SCANS.iterdir() if p.suffix in (".pdf", ".png"))
    expected = expected_plan()
    print("| scan | fields right | s/page | peak MB | OCR warnings |")
    print("|---|---|---|---|---|")
    for path in scans:
        figures = read_scan(path)
        plan = figures["plan"]
        right, total, wrong = score(plan, expected)
        doubts = sum(1 for w in plan["warnings"] if w["code"].startswith("ocr_"))
        print(f"| {path.name} | {right}/{total} ({100 * right / total:.1f} %) | "
              f"{figures['seconds'] / figures['pages']:.2f} | {figures['peak_mb']:.0f} | {doubts} |")
        if args.verbose:
            for line in wrong:
                print("    " + line[:220])


if __name__ == "__main__":
    main()
