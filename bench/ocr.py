"""Scanned plans through OCR: fields right per scan, seconds per page, peak memory.

    python bench/ocr.py                 # every scan in samples/scans/, and a 10-page scan
    python bench/ocr.py -v SCAN...      # and list each wrong field
    python bench/ocr.py --runs 5        # more runs per scan (default 3)

Each scan is read in a fresh process (``ingest_file``) pinned to one core, Tesseract held
to one thread (OMP_THREAD_LIMIT=1); the scans are run in turn, round after round, and the
median time is kept (the machine is shared). Its records are compared field
by field with the hand-written tests/expected/plan_2024.json: events by id, jubilees and city
days by city; a record missing or unmatched counts all its fields wrong. Plan fields
(title, year, footnotes, signatory) count one each. Peak memory is the process's maximum
resident set (VmHWM: its own, not its parent's). Not a test: targets are in the README.
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
# The numbers, dates, cities and ages that must never be wrong without a warning (marked "!").
TEN_PAGES = "plan_2024_10pages.pdf"
HARD_FIELDS = {"number", "id", "date", "city", "age", "anniversary", "founded"}

CHILD = r"""
import json, os, sys, time
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from ingest.pipeline import ingest_file, read_document
import pdfplumber
from PIL import Image
start = time.perf_counter()
if sys.argv[3] == "plan":
    plan = ingest_file(sys.argv[1]).model_dump(mode="json")
else:  # pages repeated make no plan: time the reading alone
    read_document(Path(sys.argv[1]).read_bytes(), "pdf")
    plan = {"warnings": []}
seconds = time.perf_counter() - start
pages = len(pdfplumber.open(sys.argv[1]).pages) if sys.argv[1].endswith(".pdf") else \
    getattr(Image.open(sys.argv[1]), "n_frames", 1)
# VmHWM, not ru_maxrss: Linux carries the parent's peak across fork and exec into ru_maxrss.
peak_kb = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"plan": plan, "seconds": seconds, "pages": pages, "peak_mb": peak_kb / 1024}))
"""


def read_scan(path: Path) -> dict:
    """The plan and figures of one scan, read in a fresh process on one core."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    what = "blocks" if path.name == TEN_PAGES else "plan"
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), str(ROOT), what], capture_output=True,
                          text=True, env=env)
    if done.returncode:
        raise SystemExit(f"{path.name}: {done.stderr.strip().splitlines()[-1]}")
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
                    hard = "!" if name in HARD_FIELDS else ""
                    wrong.append(f"{hard}{table} {want[key]} {name}: {record.get(name)!r} != {value!r}")
    for name in ("title", "year", "footnotes", "signatory"):
        total += 1
        if plan[name] == expected[name]:
            right += 1
        else:
            wrong.append(f"{name}: {plan[name]!r} != {expected[name]!r}")
    return right, total, wrong


def scored(plan: dict, expected: dict) -> tuple[str, str, list[str]]:
    """A scan's "fields right" and "numbers, dates, cities, ages wrong" cells, and its wrong fields."""
    right, total, wrong = score(plan, expected)
    return f"{right}/{total} ({100 * right / total:.1f} %)", str(sum(line.startswith("!") for line in wrong)), wrong


def ten_pages(folder: Path) -> Path:
    """A 10-page scan: the 200 dpi scan's pages over again (for time and memory only)."""
    import pdfplumber

    path = folder / TEN_PAGES
    with pdfplumber.open(SCANS / "plan_2024_200dpi.pdf") as pdf:
        images = [page.to_image(resolution=200).original.convert("L") for page in pdf.pages]
    pages = [images[index % len(images)] for index in range(10)]
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=200, quality=70)
    return path


def median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2]


def main() -> None:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scans", nargs="*", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    expected = expected_plan()
    with tempfile.TemporaryDirectory() as folder:
        # The PNG and the photo JPEG are page 1 alone: read by the tests, not scored against the whole plan.
        scans = args.scans or sorted(p for p in SCANS.iterdir() if p.suffix in (".pdf", ".tif")) + \
            [ten_pages(Path(folder))]
        runs: dict[Path, list[dict]] = {path: [] for path in scans}
        for _ in range(args.runs):
            for path in scans:
                runs[path].append(read_scan(path))
        print("| scan | pages | fields right | numbers, dates, cities, ages wrong | s/page (median) | peak MB | OCR warnings |")
        print("|---|---|---|---|---|---|---|")
        for path in scans:
            figures = runs[path][0]
            plan = figures["plan"]
            seconds = median([run["seconds"] / run["pages"] for run in runs[path]])
            peak = max(run["peak_mb"] for run in runs[path])
            doubts = sum(1 for w in plan["warnings"] if w["code"].startswith("ocr_"))
            if path.name == TEN_PAGES:
                shown, hard = "(pages repeated: not scored)", "-"
                wrong: list[str] = []
            else:
                shown, hard, wrong = scored(plan, expected)
            print(f"| {path.name} | {figures['pages']} | {shown} | {hard} | {seconds:.2f} | {peak:.0f} | {doubts} |")
            if args.verbose:
                for line in wrong:
                    print("    " + line[:220])


if __name__ == "__main__":
    main()
