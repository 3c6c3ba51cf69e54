"""How the diff scales: two generated plans of N events each, diffed, with pairing quality.

The plans come from tests/plan_variants.py: a plan and its next year's version
(renumbered, editions advanced, events moved, reworded, dropped and added) with the
truth of which event continues as which. Each size runs in a fresh process, so its
peak memory is its own; the time is the median of the repeats of ``diff_plans`` alone
(the plans are built before the clock starts), with the collector paused as `mag-plan diff`
pauses it.

    python bench/diff.py                   # 1,000, 10,000 and 100,000 events, 3 repeats
    python bench/diff.py 2000 5000 -r 5
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout, not an installed copy


def one(count: int, repeats: int) -> dict:
    """Diff two ``count``-event plans ``repeats`` times in this process; figures as a dict."""
    from ingest.collector import collector_paused
    from ingest.diff import diff_plans
    from tests.diff_events import plan
    from tests.plan_variants import variant

    plans = variant(count, seed=count)
    old, new = plan(2024, plans.old), plan(2025, plans.new)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        with collector_paused():
            result = diff_plans(old, new)
        times.append(time.perf_counter() - start)
    found = {pair.old: pair.new for pair in result.pairs}
    right = sum(1 for old_id, new_id in found.items() if plans.truth.get(old_id) == new_id)
    return {"events": count, "seconds": statistics.median(times), "spread": max(times) - min(times),
            "us_per_event": statistics.median(times) / count * 1e6,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "pairs": len(found), "precision": right / len(found) if found else 1.0,
            "recall": right / len(plans.truth) if plans.truth else 1.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    parser.add_argument("-r", "--repeats", type=int, default=3)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child's own size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.repeats)))
        return
    print(f"diff of two generated plans; {os.cpu_count()} cores; median of {args.repeats}")
    print(f"{'events':>8} {'seconds':>8} {'spread':>7} {'us/event':>9} {'peak_mb':>8} {'pairs':>7} "
          f"{'precision':>9} {'recall':>7}")
    for count in args.sizes:
        child = subprocess.run([sys.executable, __file__, "--one", str(count), "-r", str(args.repeats)],
                               capture_output=True, text=True, check=True)
        row = json.loads(child.stdout)
        print(f"{row['events']:>8,} {row['seconds']:>8.2f} {row['spread']:>7.2f} {row['us_per_event']:>9.0f} "
              f"{row['peak_mb']:>8.0f} {row['pairs']:>7,} {row['precision']:>9.4f} {row['recall']:>7.4f}")


if __name__ == "__main__":
    main()
