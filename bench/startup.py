"""Would a CSV writer on pandas slow the CLI? What importing pandas adds to `mag-plan ingest`.

    python bench/startup.py [runs]

Runs `python -m ingest ingest samples/plan_2024.html` (the smallest real job: one page, written
to a temporary folder) in fresh processes, alternating a plain run with one that imports pandas
first, as a CSV writer on pandas would; prints the medians. Then `python -X importtime`'s
cumulative import time of pandas alone, median of the same number of runs.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "plan_2024.html"


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def pandas_import_ms() -> float:
    """pandas' cumulative import time, from `python -X importtime`, in milliseconds."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import pandas"],
                            capture_output=True, text=True, check=True)
    line = next(line for line in result.stderr.splitlines() if line.rstrip().endswith("| pandas"))
    return int(line.split("|")[1]) / 1000


def main(runs: int = 7) -> None:
    with tempfile.TemporaryDirectory() as folder:
        arguments = ["ingest", str(SAMPLE), "--output", folder, "--quiet"]
        plain = [sys.executable, "-m", "ingest", *arguments]
        with_pandas = [sys.executable, "-c", "import pandas, runpy, sys; sys.argv = ['mag-plan', *sys.argv[1:]]; "
                       "runpy.run_module('ingest', run_name='__main__')", *arguments]
        times: dict[str, list[float]] = {"plain": [], "pandas": []}
        for _ in range(runs):  # alternating, so a busy moment hurts both alike
            times["plain"].append(timed(plain))
            times["pandas"].append(timed(with_pandas))
    imports = [pandas_import_ms() for _ in range(runs)]
    plain_s, pandas_s = statistics.median(times["plain"]), statistics.median(times["pandas"])
    print(f"mag-plan ingest {SAMPLE.name}: {plain_s:.2f} s; with pandas imported: {pandas_s:.2f} s "
          f"({pandas_s / plain_s:.2f}x); import pandas alone: {statistics.median(imports):.0f} ms (medians of {runs})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
