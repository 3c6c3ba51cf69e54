"""The HTML pipeline against BeautifulSoup's own parse, by CPU time, alternating checkouts.

    python bench/html_ratio.py PAGE [PAGE ...]                      # this checkout
    python bench/html_ratio.py --root /tmp/before --root . PAGE     # two checkouts, taking turns
    python bench/html_ratio.py --runs 3 --rounds 2 /tmp/mag-plan-bench/plan_10000.lean.html

bench/formats.py's own ``pipeline`` (read, extract, validate, serialise; the collector paused
while reading) and ``html_floor`` (``BeautifulSoup(data, "lxml")``) timed with
``time.process_time``, which other jobs on a shared machine disturb less than the wall clock.
Each page is measured in a fresh process per checkout, the checkouts taking turns round after
round; printed per run: the fastest and the median of each side and their ratios (issue 13's
target: within 2.5x).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def child(root: str, page: str, runs: int) -> None:
    """In a fresh process: ``runs`` of pipeline and floor in turn, CPU seconds as JSON."""
    sys.path.insert(0, root)
    from bench.formats import html_floor, pipeline

    data = Path(page).read_bytes()
    pipeline(data, Path(page).name), html_floor(data)  # warm: imports and caches are not measured
    ours, floor = [], []
    for _ in range(runs):
        start = time.process_time()
        pipeline(data, Path(page).name)
        ours.append(time.process_time() - start)
        start = time.process_time()
        html_floor(data)
        floor.append(time.process_time() - start)
    print(json.dumps({"pipeline": ours, "floor": floor}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", type=Path)
    parser.add_argument("--root", action="append", type=Path, help="a checkout to measure (repeat to alternate)")
    parser.add_argument("--runs", type=int, default=10, help="runs per process (default 10)")
    parser.add_argument("--rounds", type=int, default=2, help="processes per checkout and page (default 2)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return 0
    roots = args.root or [ROOT]
    print(f"{'page':<28} {'checkout':<16} {'pipeline_ms':>11} {'floor_ms':>8} {'fastest':>7} {'median':>6}")
    for page in args.pages:
        for _ in range(args.rounds):
            for root in roots:
                result = subprocess.run([sys.executable, __file__, "--child", str(root.resolve()), str(page),
                                         str(args.runs)], check=True, capture_output=True, text=True, cwd=root)
                times = json.loads(result.stdout)
                ours, floor = times["pipeline"], times["floor"]
                print(f"{page.name[:28]:<28} {str(root)[-16:]:<16} {min(ours) * 1000:11.1f} {min(floor) * 1000:8.1f} "
                      f"{min(ours) / min(floor):7.2f} {statistics.median(ours) / statistics.median(floor):6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
