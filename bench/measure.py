"""What the benchmarks share: alternating rounds, medians with their spread, and one child
process's own time and peak memory (bench/peak.py).

Work is timed round by round, each round running every contender once in turn (pipeline,
floor, pipeline, floor, ...), so a busy moment on a shared machine falls on both sides alike;
a figure is the median of its rounds, shown with the lowest and highest.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEAK = Path(__file__).with_name("peak.py")


@dataclass(frozen=True)
class Spread:
    """The values of one measurement over the rounds."""

    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def low(self) -> float:
        return min(self.values)

    @property
    def high(self) -> float:
        return max(self.values)

    def text(self, spec: str, scale: float = 1.0) -> str:
        """``median (low-high)``, each formatted with ``spec`` after multiplying by ``scale``."""
        return f"{self.median * scale:{spec}} ({self.low * scale:{spec}}-{self.high * scale:{spec}})"


def ratios(ours: Spread, theirs: Spread) -> Spread:
    """The round-by-round ratios of two alternated measurements."""
    return Spread(tuple(a / b for a, b in zip(ours.values, theirs.values)))


def alternate(rounds: int, *works) -> list[Spread]:
    """Seconds of each of ``works`` (no-argument callables), run in turn ``rounds`` times."""
    times: list[list[float]] = [[] for _ in works]
    for _ in range(rounds):
        for work, found in zip(works, times):
            start = time.perf_counter()
            work()
            found.append(time.perf_counter() - start)
    return [Spread(tuple(found)) for found in times]


@dataclass(frozen=True)
class Child:
    """One finished child process: its wall time, CPU time, own peak resident memory, stdout."""

    seconds: float
    cpu_seconds: float
    peak_mb: float
    stdout: str


def run_child(command: list[str], env: dict | None = None, cwd: Path = ROOT) -> Child:
    """Run ``command`` through bench/peak.py, so that its peak memory is its own, not this
    process's; raise with its stderr when it fails."""
    with tempfile.NamedTemporaryFile("r", suffix=".peak") as result, tempfile.TemporaryFile() as errors:
        done = subprocess.run([sys.executable, str(PEAK), result.name, *command], stdout=subprocess.PIPE,
                              stderr=errors, env=env, cwd=cwd, check=False)
        seconds, cpu, peak_kb, code = result.read().split()
        if done.returncode or int(code):
            errors.seek(0)
            raise RuntimeError(f"{' '.join(command)} exited {code}: {errors.read().decode(errors='replace')[-2000:]}")
    return Child(float(seconds), float(cpu), int(peak_kb) / 1024, done.stdout.decode())


def alternate_children(rounds: int, commands: dict[str, tuple[list[str], dict | None, Path]]) -> dict[str, list[Child]]:
    """Each of ``commands`` (a name: its command line, environment and folder) run as a child
    process in turn, ``rounds`` times; each name's children in the order they ran."""
    children: dict[str, list[Child]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, (command, env, cwd) in commands.items():
            children[name].append(run_child(command, env=env, cwd=cwd))
    return children


def own_peak_mb() -> float:
    """This process's own peak resident memory: /proc's VmHWM, which exec starts afresh, where
    ``getrusage``'s ru_maxrss keeps the parent's peak from before the exec (see bench/peak.py)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    raise RuntimeError("no VmHWM in /proc/self/status (Linux only)")


def machine() -> str:
    """The line every benchmark prints first: Python, cores, load, date (figures are per machine)."""
    load = ", load %.1f %.1f %.1f" % os.getloadavg() if hasattr(os, "getloadavg") else ""
    return (f"python {sys.version.split()[0]}, {os.cpu_count()} cores{load}, "
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")


def show(title: str, rows: list[dict], formats: dict[str, str]) -> None:
    """A plain text table: a title, a header and one line per row (a spec of "" prints the value as it is)."""
    print(f"\n{title}")
    cells = [[format(row[key], spec) for key, spec in formats.items()] for row in rows]
    widths = [max(len(key), *(len(line[index]) for line in cells)) for index, key in enumerate(formats)]
    print("  ".join(key.rjust(width) for key, width in zip(formats, widths)))
    for line in cells:
        print("  ".join(cell.rjust(width) for cell, width in zip(line, widths)))
