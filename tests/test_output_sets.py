"""One input's output files are replaced as a set: a run killed at any moment, or two runs
writing the same stem at once, end with one run's complete set (ingest/export/files.py)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from ingest.export import files
from tests.conftest import ROOT, SAMPLES

SETS = ("json", "events.csv", "jubilees.csv", "city_days.csv")


def versions(tmp_path):
    """Two versions of one input under the same name (the second a corrected plan)."""
    first, second = tmp_path / "a" / "plan_2024.txt", tmp_path / "b" / "plan_2024.txt"
    text = (SAMPLES / "plan_2024.txt").read_text(encoding="utf-8")
    for path, content in ((first, text), (second, text.replace("Хабаровск", "Владивосток"))):
        path.parent.mkdir()
        path.write_text(content, encoding="utf-8")
    return first, second


def ingest(path, out) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ingest", "ingest", str(path), "-o", str(out), "-q"],
                            cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def the_set(out) -> dict[str, bytes]:
    return {kind: (out / f"plan_2024.{kind}").read_bytes() for kind in SETS if (out / f"plan_2024.{kind}").exists()}


def expected_sets(tmp_path, inputs) -> list[dict[str, bytes]]:
    sets = []
    for index, path in enumerate(inputs):
        out = tmp_path / f"expected{index}"
        assert ingest(path, out).wait(timeout=60) == 0
        sets.append(the_set(out))
    assert sets[0] != sets[1] and all(len(s) == 4 for s in sets)
    return sets


def settle(out) -> None:
    """What the next run into ``out`` does first: finish or remove what killed runs left."""
    with files.output_lock(out):
        files.sweep(out)


def test_a_run_failing_between_its_renames_is_finished_by_the_next(tmp_path, monkeypatch):
    out = tmp_path / "out"
    files.write_files(out, {"p.json": "old\n", "p.events.csv": "old\n", "p.jubilees.csv": "old\n"})
    real_replace, renamed = os.replace, []

    def dying_replace(source, target):
        if len(renamed) == 2:
            raise SystemExit("killed")  # as SIGKILL would stop it: between two renames
        renamed.append(target)
        real_replace(source, target)

    monkeypatch.setattr(files.os, "replace", dying_replace)
    with pytest.raises(SystemExit):
        files.write_files(out, {"p.json": "new\n", "p.events.csv": "new\n", "p.jubilees.csv": "new\n"})
    monkeypatch.setattr(files.os, "replace", real_replace)
    assert sorted((out / name).read_text(encoding="utf-8-sig") for name in ("p.json", "p.events.csv", "p.jubilees.csv")) == [
        "new\n", "new\n", "old\n"]  # mixed until the next run
    files.write_files(out, {"q.json": "other input\n"})
    assert [(out / name).read_text(encoding="utf-8-sig") for name in ("p.json", "p.events.csv", "p.jubilees.csv")] == ["new\n"] * 3
    assert sorted(p.name for p in out.iterdir()) == ["p.events.csv", "p.json", "p.jubilees.csv", "q.json"]


def test_stale_temporary_files_of_our_pattern_are_swept(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.Popen(["true"])
    dead.wait()
    (out / f".mag-plan-stage-{dead.pid}-x").mkdir()  # killed while staging: never made ready
    (out / f".mag-plan-stage-{dead.pid}-x" / "p.json").write_text("half")
    old, fresh, theirs = out / ".mag-plan-abc.csv", out / ".mag-plan-def.csv", out / ".hidden-notes.txt"
    for path in (old, fresh, theirs):
        path.write_text("temporary")
    os.utime(old, (time.time() - 2 * files.STALE_SECONDS,) * 2)
    files.write_files(out, {"p.json": "new\n"})
    assert sorted(p.name for p in out.iterdir()) == [".hidden-notes.txt", ".mag-plan-def.csv", "p.json"]


def test_sigkill_at_random_moments_leaves_one_runs_complete_set(tmp_path):
    inputs = versions(tmp_path)
    sets = expected_sets(tmp_path, inputs)
    out = tmp_path / "out"
    chance = random.Random(17)
    deadline = time.monotonic() + 30
    for round_ in range(20):
        if time.monotonic() > deadline:
            break
        process = ingest(inputs[round_ % 2], out)
        time.sleep(chance.uniform(0.15, 0.6))  # the run starts in ~0.3 s and writes in a few ms
        process.send_signal(signal.SIGKILL)
        process.wait()
        if out.exists():
            settle(out)
            found = the_set(out)
            assert found in ([{}] + sets), f"round {round_}: a mixed set"
            assert not list(out.glob(".mag-plan-*")), f"round {round_}: leftovers"


def test_two_runs_of_the_same_stem_at_once_end_with_one_runs_set(tmp_path):
    inputs = versions(tmp_path)
    sets = expected_sets(tmp_path, inputs)
    for round_ in range(3):
        out = tmp_path / f"out{round_}"
        runs = [ingest(path, out) for path in inputs]
        assert [run.wait(timeout=60) for run in runs] == [0, 0]
        assert the_set(out) in sets
        assert sorted(p.name for p in out.iterdir()) == sorted(f"plan_2024.{kind}" for kind in SETS)
