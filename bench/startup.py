"""Start-up: the whole `mag-plan ingest FILE` process against the reader library's own process.

    python bench/startup.py                # 21 alternating rounds
    python bench/startup.py --rounds 5     # quicker, noisier
    python bench/startup.py --pandas       # also: what importing pandas would add (the CSV writer)
    python bench/startup.py --against DIR  # also: the same process from another checkout (a change's gain)

Issue 18's target: the whole process within 2x the floor's process, for DOCX, HTML and text.
Every command runs in a fresh interpreter (through bench/peak.py, so its peak memory is its
own), all of them in turn in each round, so a busy moment falls on every side alike; a figure
is the median of the rounds (lowest-highest), a ratio the median of the rounds' own ratios.

- process: `python -m ingest ingest SAMPLE -o TMP -q` (read, extract, validate with pydantic,
  write the JSON and three CSV files);
- floor: a fresh `python -c` doing what the reader library alone does with the same file:
  DOCX, python-docx opening it and walking every table cell's text; HTML,
  `BeautifulSoup(page, "lxml")`; text, reading the file and splitting its lines at the tabs;
- `python -c pass`, the interpreter alone, for scale;
- models: `python -c "import schemas.plan"`, the interpreter importing pydantic and building the
  record models, and nothing else. A process that validates with them and does the floor's work
  takes at least the models' time plus the floor's work (the floor's time over `pass`), so
  (models + floor - pass) / floor is the least ratio that format's process can reach: when it is
  over 2, the target cannot be met while pydantic validates (the design card's choice).

This checkout's modules are compiled to bytecode first, as an install would have them (see
``compile_bytecode``).

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

from bench.measure import Spread, alternate_children, machine, ratios, show  # noqa: E402

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
PACKAGES = ("ingest", "parsers", "schemas")


def environment(root: Path) -> dict[str, str]:
    """The environment that runs the checkout at ``root``, not the installed copy."""
    return {**os.environ, "PYTHONPATH": str(root)}


def commands(output: str, against: Path | None = None) -> dict[str, tuple[list[str], Path]]:
    """Every command of a round, by name, with the folder it runs in: the bare interpreter, then
    per format ours and the floor (and ours from the ``against`` checkout)."""
    found = {"pass": ([sys.executable, "-c", "pass"], ROOT),
             "models": ([sys.executable, "-c", "import schemas.plan"], ROOT)}
    for fmt, path in SAMPLES.items():
        ingest = [sys.executable, "-m", "ingest", "ingest", str(path), "-o", output, "-q"]
        found[f"{fmt} process"] = (ingest, ROOT)
        if against:
            found[f"{fmt} before"] = (ingest, against)
        found[f"{fmt} floor"] = ([sys.executable, "-c", FLOORS[fmt], str(path)], ROOT)
    return found


def compile_bytecode(root: Path) -> None:
    """Compile a checkout's modules, as pip does on install: with PYTHONDONTWRITEBYTECODE set
    (or a read-only tree) every process would compile them from source again, about 0.1 s here,
    which is not start-up a user meets. The libraries in site-packages are compiled already."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", *(str(root / name) for name in PACKAGES)],
                   check=True, stdout=subprocess.DEVNULL)


def measure(rounds: int, against: Path | None = None) -> dict[str, dict[str, Spread]]:
    """Wall seconds, CPU seconds and peak MB of every command over ``rounds`` rounds, each round
    running all of them in turn."""
    with tempfile.TemporaryDirectory() as output:
        runs = alternate_children(rounds, {name: (command, environment(root), root)
                                           for name, (command, root) in commands(output, against).items()})
    return {name: {"seconds": Spread(tuple(child.seconds for child in found)),
                   "cpu": Spread(tuple(child.cpu_seconds for child in found)),
                   "peak": Spread(tuple(child.peak_mb for child in found))}
            for name, found in runs.items()}


def startup_rows(found: dict[str, dict[str, Spread]]) -> list[dict]:
    """One row per format: the process, the floor, their ratio (wall and CPU time) and both peaks."""
    rows = []
    for fmt, path in SAMPLES.items():
        ours, floor = found[f"{fmt} process"], found[f"{fmt} floor"]
        ratio = ratios(ours["seconds"], floor["seconds"])
        rows.append({"format": fmt, "process_s": ours["seconds"].text(".3f"), "floor_s": floor["seconds"].text(".3f"),
                     "ratio": ratio.text(".2f"), "met": "yes" if ratio.median <= TARGET_RATIO else "no",
                     "cpu_ratio": ratios(ours["cpu"], floor["cpu"]).text(".2f"),
                     "peak_mb": ours["peak"].median, "floor_peak_mb": floor["peak"].median})
    return rows


def least_ratios(found: dict[str, dict[str, Spread]]) -> str:
    """Per format, the ratio a process would have that imports pydantic and builds the models
    (``models``) and then does the floor's work and nothing else (the floor's time over the bare
    interpreter's), from the medians: no code of ours can take the process below it."""
    bare, models = found["pass"]["seconds"].median, found["models"]["seconds"].median
    least = []
    for fmt in SAMPLES:
        floor = found[f"{fmt} floor"]["seconds"].median
        least.append(f"{fmt} {(models + floor - bare) / floor:.2f}")
    return ", ".join(least)


def gain_rows(found: dict[str, dict[str, Spread]]) -> list[dict]:
    """Per format: this checkout's process against the other checkout's, round by round."""
    rows = []
    for fmt in SAMPLES:
        after, before = found[f"{fmt} process"], found[f"{fmt} before"]
        saved = Spread(tuple(b - a for a, b in zip(after["cpu"].values, before["cpu"].values)))
        rows.append({"format": fmt, "before_s": before["seconds"].text(".3f"), "after_s": after["seconds"].text(".3f"),
                     "before_cpu_s": before["cpu"].text(".3f"), "after_cpu_s": after["cpu"].text(".3f"),
                     "cpu_saved_ms": saved.text(".1f", 1000)})
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
        runs = alternate_children(rounds, {"plain": (plain, environment(ROOT), ROOT),
                                           "pandas": (with_pandas, environment(ROOT), ROOT)})
    imports = Spread(tuple(pandas_import_ms() / 1000 for _ in range(rounds)))
    plain_s, pandas_s = (Spread(tuple(child.seconds for child in runs[name])) for name in ("plain", "pandas"))
    return [{"command": f"mag-plan ingest {sample.name}", "seconds": plain_s.text(".3f"), "ratio": "1.00"},
            {"command": "  with pandas imported first", "seconds": pandas_s.text(".3f"),
             "ratio": ratios(pandas_s, plain_s).text(".2f")},
            {"command": "import pandas alone (-X importtime)", "seconds": imports.text(".3f"), "ratio": ""}]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=21, help="alternating rounds (default 21)")
    parser.add_argument("--pandas", action="store_true", help="also measure what importing pandas adds")
    parser.add_argument("--against", type=Path, metavar="DIR",
                        help="another checkout (git archive COMMIT | tar -x -C DIR) whose process runs in the same "
                             "rounds: the gain of a change")
    args = parser.parse_args(argv)
    print(machine())
    for root in (ROOT, args.against) if args.against else (ROOT,):
        compile_bytecode(root)
    found = measure(args.rounds, args.against)
    show(f"Start-up: `mag-plan ingest samples/plan_2024.*` against the floor's process, wall seconds, "
         f"median (min-max) of {args.rounds} alternating rounds (target: ratio at most {TARGET_RATIO}; "
         f"cpu_ratio: the same for user+system CPU time)", startup_rows(found),
         {"format": "", "process_s": "", "floor_s": "", "ratio": "", "met": "", "cpu_ratio": "",
          "peak_mb": ".0f", "floor_peak_mb": ".0f"})
    bare = found["pass"]
    print(f"python -c pass: {bare['seconds'].text('.3f')} s, CPU {bare['cpu'].text('.3f')} s, "
          f"{bare['peak'].median:.0f} MB")
    models = found["models"]
    print(f"models alone (python -c 'import schemas.plan'): {models['seconds'].text('.3f')} s, "
          f"{models['peak'].median:.0f} MB; the least ratio a process that validates with them and does "
          f"the floor's work can reach, (models + floor - pass) / floor: {least_ratios(found)}")
    if args.against:
        show(f"Against {args.against}: the same process from both checkouts, median (min-max); cpu_saved_ms "
             "per round", gain_rows(found), {"format": "", "before_s": "", "after_s": "", "before_cpu_s": "",
                                             "after_cpu_s": "", "cpu_saved_ms": ""})
    if args.pandas:
        show(f"pandas: median (min-max) of {args.rounds} alternating rounds", pandas_rows(args.rounds),
             {"command": "", "seconds": "", "ratio": ""})
    return 0


if __name__ == "__main__":
    sys.exit(main())
