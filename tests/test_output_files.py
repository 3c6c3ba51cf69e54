"""What the commands write: the mode of every file, and errors about the output named as such."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from ingest.export.atomic import write_bytes_atomically
from tests.conftest import ROOT, SAMPLES


def run_with_umask(umask: int, *args: str, cwd) -> subprocess.CompletedProcess:
    """`python -m ingest ARGS` in a process whose umask is ``umask``."""
    return subprocess.run([sys.executable, "-m", "ingest", *args], capture_output=True, text=True, cwd=cwd,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                          preexec_fn=lambda: os.umask(umask))


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_every_file_written_gets_the_mode_open_would_give(tmp_path, umask):
    plan = str(SAMPLES / "plan_2024.txt")
    assert run_with_umask(umask, "ingest", plan, "-o", "out", "--db", "plans.sqlite", "-q", cwd=tmp_path).returncode == 0
    for target in ("ics", "xlsx"):
        assert run_with_umask(umask, "export", target, plan, "-o", f"plan.{target}", cwd=tmp_path).returncode == 0
    written = [*sorted((tmp_path / "out").iterdir()), tmp_path / "plans.sqlite", tmp_path / "plan.ics",
               tmp_path / "plan.xlsx"]
    assert len(written) == 7
    assert {path.name: oct(mode(path)) for path in written} == {path.name: oct(0o666 & ~umask) for path in written}


def test_a_replaced_file_keeps_its_mode(tmp_path):
    target = tmp_path / "plan.json"
    target.write_text("{}")
    target.chmod(0o640)
    write_bytes_atomically(target, b'{"new": true}')
    assert mode(target) == 0o640 and target.read_bytes() == b'{"new": true}'
