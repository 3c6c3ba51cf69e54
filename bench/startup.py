"""Start-up: the whole `mag-plan ingest FILE` process against the reader library's own process.

    python bench/startup.py                # 21 alternating rounds
    python bench/startup.py --rounds 5     # quicker, noisier
    python bench/startup.py --pandas       # also: what importing pandas would add (the CSV writer)

Issue 18's target: the whole process within 2x the floor's process, for DOCX, HTML and text.
Every command runs in a fresh interpreter (through bench/peak.py, so its peak memory is its
own), all of them in turn in each round, so a busy moment falls on every side alike; a figure
is the median of the rounds (lowest-highest), a ratio the median of the rounds' own ratios.

- process: `python -m ingest ingest SAMPLE -o TMP -q` (read, extract, validate with pydantic,
  write the JSON and three CSV files);
- floor: a fresh `python -c` doing what the reader library alone does with the same file:
  DOCX, python-docx opening it and walking every table cell's text; HTML,
  `BeautifulSoup(page, "lxml")`; text, reading the file and splitting its lines at the tabs;
- `python -c pass`, the interpreter alone, for scale.

With --pandas: `mag-plan ingest samples/plan_2024.html` plain and with pandas imported first,
alternating, and `python -X importtime`'s cumulative import time of pandas alone (why the CSV
writer stays on the csv module; the README's Library section).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.measure import Spread, machine, ratios, run_child, show  # noqa: E402

SAMPLES = {"docx": ROOT / "samples" / "plan_2024.docx", "html": ROOT / "samples" / "plan_2024.html",
           "text": ROOT / "samples" / "plan_2024.txt"}
FLOORS = {
    "docx": "import sys, docx\n"
            "for table in docx.Document(sys.argv[1]).tables:\n"
            "    for row in table.rows:\n"
            "        for cell in row.cells:\n"
            "            cell.text\n",
    "html": "import sys\nfrom bs4 import BeautifulSoup\nBeautifulSoup(open(sys.argv[1], 'rb').read(), 'lxml')\n",
    "text": "import sys\n[line.split('\\t') for line in open(sys.argv[1], encoding='utf-8').read().splitlines()]\n",
}
TARGET_RATIO = 2.0
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout, not the installed copy


def commands(output: str) -> dict[str, list[str]]:
    """Every command of a round, by name: the bare interpreter, then per format ours and the floor."""
    found = {"pass": [sys.executable, "-c", "pass"]}
    for fmt, path in SAMPLES.items():
        found[f"{fmt} process"] = [sys.executable, "-m", "ingest", "ingest", str(path), "-o", output, "-q"]
        found[f"{fmt} floor"] = [sys.executable, "-c", FLOORS[fmt], str(path)]
    return found


def measure(rounds: int) -> dict[str, tuple[Spread, Spread]]:
    """(seconds, peak MB) of every command over ``rounds`` rounds, each round running all in turn."""
    with tempfile.TemporaryDirectory() as output:
        todo = commands(output)
        runs: dict[str, list] = {name: [] for name in todo}
        for _ in range(rounds):
            for name, command in todo.items():
                child = run_child(command, env=ENV)
                runs[name].append((child.seconds, child.peak_mb))
    return {name: (Spread(tuple(s for s, _ in found)), Spread(tuple(mb for _, mb in found)))
            for name, found in runs.items()}


def startup_rows(found: dict[str, tuple[Spread, Spread]]) -> list[dict]:
    """One row per format: the process, the floor, their ratio and both peaks."""
    rows = []
    for fmt, path in SAMPLES.items():
        (ours, peak), (floor, floor_peak) = found[f"{fmt} process"], found[f"{fmt} floor"]
        ratio = ratios(ours, floor)
        rows.append({"format": fmt, "file": path.name, "process_s": ours.text(".3f"), "floor_s": floor.text(".3f"),
                     "ratio": ratio.text(".2f"), "met": "yes" if ratio.median <= TARGET_RATIO else "no",
                     "peak_mb": peak.median, "floor_peak_mb": floor_peak.median})
    return rows


# ------------------------------------------------------------ pandas (the CSV writer)

def pandas_import_ms() -> float:
    """pandas' cumulative import time, from `python -X importtime`, in milliseconds."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import pandas"],
                            capture_output=True, text=True, check=True)
    line = next(line for line in result.stderr.splitlines() if line.rstrip().endswith("| pandas"))
    return int(line.split("|")[1]) / 1000


def pandas_rows(rounds: int) -> list[dict]:
    """`mag-plan ingest` of the HTML sample plain and with pandas imported first, alternating."""
    sample = SAMPLES["html"]
    with tempfile.TemporaryDirectory() as folder:
        arguments = ["ingest", str(sample), "--output", folder, "--quiet"]
        plain = [sys.executable, "-m", "ingest", *arguments]
        with_pandas = [sys.executable, "-c", "import pandas, runpy, sys; sys.argv = ['mag-plan', *sys.argv[1:]]; "
                       "runpy.run_module('ingest', run_name='__main__')", *arguments]
        times: dict[str, list[float]] = {"plain": [], "pandas": []}
        for _ in range(rounds):
            times["plain"].append(run_child(plain, env=ENV).seconds)
            times["pandas"].append(run_child(with_pandas, env=ENV).seconds)
    imports = Spread(tuple(pandas_import_ms() / 1000 for _ in range(rounds)))
    plain_s, pandas_s = Spread(tuple(times["plain"])), Spread(tuple(times["pandas"]))
    return [{"command": f"mag-plan ingest {sample.name}", "seconds": plain_s.text(".3f"), "ratio": "1.00"},
            {"command": "  with pandas imported first", "seconds": pandas_s.text(".3f"),
             "ratio": ratios(pandas_s, plain_s).text(".2f")},
            {"command": "import pandas alone (-X importtime)", "seconds": imports.text(".3f"), "ratio": ""}]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=21, help="alternating rounds (default 21)")
    parser.add_argument("--pandas", action="store_true", help="also measure what importing pandas adds")
    args = parser.parse_args(argv)
    print(machine())
    found = measure(args.rounds)
    show(f"Start-up: the whole process against the floor's process, seconds, median (min-max) of "
         f"{args.rounds} alternating rounds (target: ratio at most {TARGET_RATIO})", startup_rows(found),
         {"format": "", "file": "", "process_s": "", "floor_s": "", "ratio": "", "met": "",
          "peak_mb": ".0f", "floor_peak_mb": ".0f"})
    print(f"python -c pass: {found['pass'][0].text('.3f')} s, {found['pass'][1].median:.0f} MB")
    if args.pandas:
        show(f"pandas: median (min-max) of {args.rounds} alternating rounds", pandas_rows(args.rounds),
             {"command": "", "seconds": "", "ratio": ""})
    return 0


if __name__ == "__main__":
    sys.exit(main())
