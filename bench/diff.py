"""How the diff scales: two generated plans of N events each, diffed, with pairing quality.

The plans come from tests/plan_variants.py: a plan and its next year's version
(renumbered, editions advanced, events moved, reworded, dropped and added) with the
truth of which event continues as which. Each size runs in a fresh process, so its
peak memory is its own, and the sizes alternate round by round (``-r`` rounds), so that a
busy spell of a shared machine falls on every size alike. A child builds its plans, diffs two
small plans once untimed (first-call work: imports, compiled patterns), then times
``diff_plans`` alone, with the collector paused as `mag-plan diff` pauses it: wall time and the
process's CPU time (less disturbed by other jobs on the machine). The table gives the median
over the rounds and the spread (largest minus smallest).

    python bench/diff.py                   # 1,000, 10,000 and 100,000 events, 3 rounds
    python bench/diff.py 2000 5000 -r 5
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout, not an installed copy

from bench.measure import Spread, machine, own_peak_mb  # noqa: E402


def one(count: int) -> dict:
    """Diff two ``count``-event plans once in this process; figures as a dict."""
    from ingest.collector import collector_paused
    from ingest.diff import diff_plans
    from tests.diff_events import plan
    from tests.plan_variants import variant

    warm = variant(200, seed=1)
    diff_plans(plan(2024, warm.old), plan(2025, warm.new))
    plans = variant(count, seed=count)
    old, new = plan(2024, plans.old), plan(2025, plans.new)
    start, cpu = time.perf_counter(), time.process_time()
    with collector_paused():
        result = diff_plans(old, new)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    found = {pair.old: pair.new for pair in result.pairs}
    right = sum(1 for old_id, new_id in found.items() if plans.truth.get(old_id) == new_id)
    return {"events": count, "seconds": seconds, "cpu": cpu,
            "peak_mb": own_peak_mb(),
            "pairs": len(found), "precision": right / len(found) if found else 1.0,
            "recall": right / len(plans.truth) if plans.truth else 1.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    parser.add_argument("-r", "--rounds", type=int, default=3, help="rounds over all sizes (default 3)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child's own size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    runs: dict[int, list[dict]] = {count: [] for count in args.sizes}
    for _ in range(args.rounds):
        for count in args.sizes:
            child = subprocess.run([sys.executable, __file__, "--one", str(count)],
                                   capture_output=True, text=True, check=True)
            runs[count].append(json.loads(child.stdout))
    print(machine())
    print(f"diff of two generated plans; median of {args.rounds} alternating rounds, spread = highest - lowest")
    print(f"{'events':>8} {'seconds':>8} {'spread':>7} {'us/event':>9} {'cpu_us/ev':>9} {'cpu_spread':>10} "
          f"{'peak_mb':>8} {'pairs':>7} {'precision':>9} {'recall':>7}")
    for count, rows in runs.items():
        seconds, cpu = Spread(tuple(row["seconds"] for row in rows)), Spread(tuple(row["cpu"] for row in rows))
        last = rows[-1]  # the pairing is the same every round
        print(f"{count:>8,} {seconds.median:>8.2f} {seconds.high - seconds.low:>7.2f} "
              f"{seconds.median / count * 1e6:>9.0f} {cpu.median / count * 1e6:>9.0f} "
              f"{(cpu.high - cpu.low) / count * 1e6:>10.0f} {max(row['peak_mb'] for row in rows):>8.0f} "
              f"{last['pairs']:>7,} {last['precision']:>9.4f} {last['recall']:>7.4f}")


if __name__ == "__main__":
    main()
