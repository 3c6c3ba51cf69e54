"""How the diff scales: two generated plans of N events each, diffed, with pairing quality.

The plans come from tests/plan_variants.py: a plan and its next year's version
(renumbered, editions advanced, events moved, reworded, dropped and added) with the
truth of which event continues as which. Each size runs in a fresh process, so its
peak memory is its own, and the sizes alternate round by round (``-r`` rounds), so that a
busy spell of a shared machine falls on every size alike. A child builds its plans, diffs two
small plans and one large group once untimed (first-call work: imports, compiled patterns), then times
``diff_plans`` alone, with the collector paused as `mag-plan diff` pauses it: wall time and the
process's CPU time (less disturbed by other jobs on the machine), the CPU time split into user
time (the diff's own work) and system time (mostly the kernel handing the process memory it
touches for the first time: on a virtual machine that can cost ~16 µs a 4 KB page, against
under 1 µs for memory the process reuses, so it grows with the peak, not with the work). The
table gives the median over the rounds and the spread (largest minus smallest).

    python bench/diff.py                   # 1,000, 10,000 and 100,000 events, 3 rounds
    python bench/diff.py 2000 5000 -r 5
    python bench/diff.py 1000 10000 30000 --stages   # CPU µs per event of each stage

``--stages`` wraps the functions of each stage of the diff with a CPU timer (each stage's own time,
the stages it calls taken out) and prints the median per event of each, size by size, instead.
"""

from __future__ import annotations

import argparse
import json
import statistics
import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout, not an installed copy

from bench.measure import Spread, alternate_children, machine, own_peak_mb  # noqa: E402


def one(count: int, stages: bool = False) -> dict:
    """Diff two ``count``-event plans once in this process; figures as a dict (with ``stages``:
    each stage's CPU seconds)."""
    from ingest.collector import collector_paused
    from ingest.diff import plans as diffs
    from ingest.diff.assignment import LARGE, sparse_max_score_assignment
    from tests.diff_events import plan
    from tests.plan_variants import variant

    warm = variant(200, seed=1)
    diffs.diff_plans(plan(2024, warm.old), plan(2025, warm.new))
    # and a large group, whose first assignment imports scipy's sparse matching (0.2 s of CPU, which
    # the groups of a 200-event plan never reach): otherwise timed in the largest plans alone
    sparse_max_score_assignment(range(LARGE + 1), range(LARGE + 1), [1.0] * (LARGE + 1), (LARGE + 1, LARGE + 1))
    plans = variant(count, seed=count)
    old, new = plan(2024, plans.old), plan(2025, plans.new)
    timer = Stages() if stages else None
    start, cpu, before = time.perf_counter(), time.process_time(), resource.getrusage(resource.RUSAGE_SELF)
    with collector_paused():
        result = diffs.diff_plans(old, new)
    seconds, cpu, after = time.perf_counter() - start, time.process_time() - cpu, resource.getrusage(resource.RUSAGE_SELF)
    if timer:
        return dict(timer.cpu)
    found = {pair.old: pair.new for pair in result.pairs}
    right = sum(1 for old_id, new_id in found.items() if plans.truth.get(old_id) == new_id)
    return {"events": count, "seconds": seconds, "cpu": cpu,
            "user": after.ru_utime - before.ru_utime, "system": after.ru_stime - before.ru_stime,
            "peak_mb": own_peak_mb(),
            "pairs": len(found), "precision": right / len(found) if found else 1.0,
            "recall": right / len(plans.truth) if plans.truth else 1.0}


class Stages:
    """CPU seconds of each stage of the diff: the functions that make each stage, wrapped in place
    (a stage's own time: what the wrapped functions it calls take is theirs)."""

    def __init__(self):
        from ingest.diff import assignment, candidates, matching, plans, profiles

        self.cpu: Counter = Counter()
        self.inner = [0.0]  # the time of the wrapped calls made by the call being timed, per level
        large = lambda rows, columns, scores, shape: "assignment: large groups" if max(shape) > assignment.LARGE \
            else "assignment: small groups"
        for owner, name, stage in (
                (plans, "diff_plans", "event_changes and the rest of diff_plans"),
                (profiles.Profile, "of", "profiles"),
                (matching, "candidate_pairs", "candidates: the rest"),
                (candidates.Titles, "of", "candidates: titles ranked"),
                (candidates, "_evidence", "candidates: evidence columns"),
                (candidates, "_blocks", "candidates: blocks"),
                (candidates, "_join", "candidates: title join (the rest)"),
                (candidates, "_keys", "candidates: title join keys"),
                (candidates, "_every_stem", "candidates: title join keys"),
                (candidates, "_matches", "candidates: title join matching keys"),
                (candidates.Titles, "similarity", "candidates: similarities"),
                (candidates, "_may_reach", "candidates: evidence bound"),
                (matching, "_candidate", "scoring"),
                (matching, "_groups", "assignment: groups"),
                (matching, "_assign", "assignment: the rest"),
                (matching, "sparse_max_score_assignment", large)):
            setattr(owner, name, self.timed(getattr(owner, name), stage))

    def timed(self, function, stage):
        """``function`` adding its own CPU time to ``stage`` (a name, or a function of its arguments)."""
        def wrapper(*args):
            self.inner.append(0.0)
            start = time.process_time()
            try:
                return function(*args)
            finally:
                spent = time.process_time() - start
                self.cpu[stage if isinstance(stage, str) else stage(*args)] += spent - self.inner.pop()
                self.inner[-1] += spent
        return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    parser.add_argument("-r", "--rounds", type=int, default=3, help="rounds over all sizes (default 3)")
    parser.add_argument("--stages", action="store_true", help="CPU µs per event of each stage instead")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child's own size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.stages)))
        return
    children = alternate_children(args.rounds, {
        count: ([sys.executable, __file__, "--one", str(count), *["--stages"] * args.stages], None, ROOT)
        for count in args.sizes})
    runs = {count: [json.loads(child.stdout) for child in found] for count, found in children.items()}
    print(machine())
    if args.stages:
        show_stages(runs, args.rounds)
        return
    print(f"diff of two generated plans; median of {args.rounds} alternating rounds, spread = highest - lowest")
    print(f"{'events':>8} {'seconds':>8} {'spread':>7} {'us/event':>9} {'cpu_us/ev':>9} {'cpu_spread':>10} "
          f"{'user_us':>8} {'sys_us':>7} {'peak_mb':>8} {'pairs':>7} {'precision':>9} {'recall':>7}")
    for count, rows in runs.items():
        seconds, cpu = Spread(tuple(row["seconds"] for row in rows)), Spread(tuple(row["cpu"] for row in rows))
        user, system = (statistics.median(row[name] for row in rows) / count * 1e6 for name in ("user", "system"))
        last = rows[-1]  # the pairing is the same every round
        print(f"{count:>8,} {seconds.median:>8.2f} {seconds.high - seconds.low:>7.2f} "
              f"{seconds.median / count * 1e6:>9.0f} {cpu.median / count * 1e6:>9.0f} "
              f"{(cpu.high - cpu.low) / count * 1e6:>10.0f} {user:>8.0f} {system:>7.0f} {max(row['peak_mb'] for row in rows):>8.0f} "
              f"{last['pairs']:>7,} {last['precision']:>9.4f} {last['recall']:>7.4f}")



def show_stages(runs: dict[int, list[dict]], rounds: int) -> None:
    """Each stage's median CPU µs per event, size by size, and the total."""
    print(f"CPU µs per event of each stage; median of {rounds} alternating rounds")
    stages = sorted({stage for rows in runs.values() for row in rows for stage in row})
    print(f"{'stage':<42}" + "".join(f"{count:>10,}" for count in runs))
    for stage in [*stages, "total"]:
        cells = [Spread(tuple(sum(row.values()) if stage == "total" else row.get(stage, 0.0) for row in rows))
                 for rows in runs.values()]
        print(f"{stage:<42}" + "".join(f"{cell.median / count * 1e6:>10.1f}" for cell, count in zip(cells, runs)))


if __name__ == "__main__":
    main()
