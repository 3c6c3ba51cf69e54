"""What the commands write: the mode of every file, and errors about the output named as such."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from ingest.export.atomic import write_bytes_atomically
from tests.conftest import ROOT, SAMPLES
from tests.test_cli import run


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


@pytest.fixture
def read_only(tmp_path):
    """A folder no file can be created in: permissions, or sysfs when running as root (root ignores them)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    for candidate in (folder, Path("/sys")):
        try:
            (candidate / ".probe").touch()
        except OSError:
            return candidate
        (candidate / ".probe").unlink()
    pytest.skip("no folder here refuses new files")


def one_error_line(result, *names) -> str:
    """The single stderr line of a failed command, checked to name ``names`` and to be no bug report."""
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("mag-plan: error: ")
    assert "Traceback" not in result.stderr and "report" not in result.stderr
    for name in names:
        assert str(name) in result.stderr
    return result.stderr


PLAN = str(SAMPLES / "plan_2024.txt")


@pytest.mark.parametrize("arguments, target", [
    (["ingest", PLAN, "-o", "{ro}"], "{ro}/plan_2024.json"),
    (["ingest", PLAN, "--stdout", "--db", "{ro}/plans.sqlite"], "{ro}/plans.sqlite"),
    (["export", "xlsx", PLAN, "-o", "{ro}/plan.xlsx"], "{ro}/plan.xlsx"),
    (["export", "ics", PLAN, "-o", "{ro}/plan.ics"], "{ro}/plan.ics"),
], ids=["ingest", "db", "xlsx", "ics"])
def test_a_read_only_destination_is_one_line_naming_it_and_exit_2(read_only, tmp_path, arguments, target):
    result = run(*[argument.format(ro=read_only) for argument in arguments], cwd=tmp_path)
    line = one_error_line(result, target.format(ro=read_only))
    assert "not writable" in line or "read-only" in line
    assert PLAN not in line


def test_o_with_a_file_name_is_refused_and_creates_no_folder(tmp_path):
    line = one_error_line(run("ingest", PLAN, "-o", "result.json", cwd=tmp_path), "result.json")
    assert "--stdout" in line
    assert list(tmp_path.iterdir()) == []


def test_o_naming_an_existing_file_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    line = one_error_line(run("ingest", PLAN, "-o", "notes.txt", cwd=tmp_path), "notes.txt")
    assert "is a file, not a folder" in line
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_export_onto_a_folder_is_refused(tmp_path):
    (tmp_path / "plan.xlsx").mkdir()
    line = one_error_line(run("export", "xlsx", PLAN, "-o", "plan.xlsx", cwd=tmp_path), "plan.xlsx")
    assert "it is a folder" in line


@pytest.fixture
def foreign_db(tmp_path):
    """Another program's SQLite database, with a table named as one of mag-plan's."""
    path = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT)")
        connection.execute("INSERT INTO events (what) VALUES ('birthday')")
    return path


@pytest.mark.parametrize("arguments", [
    ["list", "--db", "{db}"],
    ["diff", "--db", "{db}", "2023", "2024"],
    ["ingest", PLAN, "--stdout", "--db", "{db}"],
], ids=["list", "diff", "ingest"])
def test_a_foreign_database_is_refused_and_left_as_it_was(foreign_db, tmp_path, arguments):
    before = foreign_db.read_bytes()
    line = one_error_line(run(*[argument.format(db=foreign_db) for argument in arguments], cwd=tmp_path), foreign_db)
    assert "not a mag-plan database (it holds events)" in line
    assert foreign_db.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["other.sqlite"]
