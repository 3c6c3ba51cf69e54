"""The feed commands as a user runs them: ingest DIR / --db, list, export ics|xlsx; what they print and exit with."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import sqlite3
import subprocess
import sys

import openpyxl
import pytest
from icalendar import Calendar

from ingest.cli import main
from ingest.sources import load_plan_any
from tests.conftest import ROOT, SAMPLES, terminal_chunks
from tests.test_cli import run

GOOD = ("plan_2024.txt", "plan_2024.docx", "plan_2024.html")


@pytest.fixture
def docs(tmp_path):
    """A folder of the three samples, a text that is no plan and an image."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in GOOD:
        shutil.copy(SAMPLES / name, folder / name)
    (folder / "bad.txt").write_text("не план\n", encoding="utf-8")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return folder


def table_rows(text: str) -> list[list[str]]:
    """The rows of a printed table, cells split on runs of two spaces, the header and rule left out."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("----"))
    return [re.split(r" {2,}", line.strip()) for line in lines[start + 1:]]


# ---- ingest DIR / pattern ---------------------------------------------------------------------

def test_a_folder_with_a_bad_file_reads_the_rest_prints_a_table_and_exits_2(docs, tmp_path):
    result = run("ingest", str(docs), "-o", str(tmp_path / "out"), "--db", str(tmp_path / "plans.sqlite"))
    assert result.returncode == 2
    assert table_rows(result.stdout) == [
        [f"{docs}/bad.txt", "failed: no event table found (no table header names events and their dates)"],
        [f"{docs}/logo.png", "skipped: not a supported document: an image that cannot be decoded (damaged or cut short)"],
        [f"{docs}/plan_2024.docx", "docx", "19", "0", "ok, db: added"],
        [f"{docs}/plan_2024.html", "html", "19", "0", "ok, db: unchanged"],
        [f"{docs}/plan_2024.txt", "text", "19", "0", "ok, db: unchanged"],
    ]
    assert f"mag-plan: error: {docs}/bad.txt: no event table found" in result.stderr
    assert f"mag-plan: skipped {docs}/logo.png" in result.stderr
    assert len(list((tmp_path / "out").glob("*.json"))) == 3


def test_a_folder_of_documents_and_non_documents_exits_0(docs, tmp_path):
    (docs / "bad.txt").unlink()
    assert run("ingest", str(docs), "-o", str(tmp_path / "out"), "-q").returncode == 0


def test_a_quoted_pattern_reads_what_it_matches(docs, tmp_path):
    assert main(["ingest", str(docs / "plan_*"), "-o", str(tmp_path / "out"), "-q", "-j", "2"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == [
        "plan_2024.docx.json", "plan_2024.html.json", "plan_2024.txt.json"]


def test_a_bug_reading_one_file_exits_1_and_the_rest_are_written(docs, tmp_path, monkeypatch, capsys):
    import ingest.pipeline

    real = ingest.pipeline.ingest_bytes
    monkeypatch.setattr(ingest.pipeline, "ingest_bytes",
                        lambda data, name, *limits: real(data, name, *limits) if name != "plan_2024.html" else 1 / 0)
    assert main(["ingest", str(docs), "-o", str(tmp_path / "out"), "-j", "1", "-q"]) == 1
    assert "plan_2024.html: unexpected error (ZeroDivisionError" in capsys.readouterr().err
    assert len(list((tmp_path / "out").glob("*.json"))) == 2


def test_an_empty_folder_fails_by_name_and_the_other_inputs_go_on(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("ingest", str(tmp_path / "empty"), str(SAMPLES / "plan_2024.txt"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert f"mag-plan: error: {tmp_path}/empty: is a folder with no files in it\n" in result.stderr
    assert (tmp_path / "out" / "plan_2024.json").exists()


def test_the_progress_bar_shows_on_a_terminal_only(docs, tmp_path):
    (docs / "bad.txt").unlink()
    command = [sys.executable, "-m", "ingest", "ingest", str(docs), "-o", str(tmp_path / "out")]
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    leader, follower = pty.openpty()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=follower, cwd=ROOT, env=env) as process:
        os.close(follower)
        stderr = b"".join(terminal_chunks(leader))
        process.wait()
    os.close(leader)
    assert process.returncode == 0
    assert b"\r[" in stderr and b"] 4/4 " in stderr
    piped = run("ingest", str(docs), "-o", str(tmp_path / "out"))
    assert "\r" not in piped.stderr and "[#" not in piped.stderr


# ---- --db and list ----------------------------------------------------------------------------

def test_ingest_db_stores_then_reports_unchanged(tmp_path, capsys):
    db = tmp_path / "plans.sqlite"
    arguments = ["ingest", str(SAMPLES / "plan_2024.txt"), "-o", str(tmp_path / "out"), "--db", str(db)]
    assert main(arguments) == 0
    assert capsys.readouterr().out.endswith(f"19 events, 8 jubilees, 9 city days, 0 warnings; {db}: added\n")
    assert main(arguments) == 0
    assert capsys.readouterr().out.endswith(f"; {db}: unchanged\n")
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT year, source_file FROM plans").fetchall() == [(2024, "plan_2024.txt")]


def test_list_prints_one_line_per_stored_year(tmp_path):
    db = tmp_path / "plans.sqlite"
    run("ingest", str(SAMPLES / "plan_2024.txt"), "-o", str(tmp_path / "out"), "--db", str(db))
    result = run("list", "--db", str(db))
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].split() == [
        "year", "events", "jubilees", "city", "days", "warnings", "source", "format", "loaded", "(UTC)"]
    [row] = table_rows(result.stdout)
    assert row[:7] == ["2024", "19", "8", "9", "0", "plan_2024.txt", "text"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", row[7])


@pytest.mark.parametrize("command", [["list"], ["list", "--db"]], ids=["no_db", "db_without_value"])
def test_list_without_a_db_is_a_usage_error(command):
    assert run(*command).returncode == 2


def test_list_of_a_missing_db_is_one_line_exit_2_and_creates_nothing(tmp_path):
    result = run("list", "--db", str(tmp_path / "none.sqlite"))
    assert result.returncode == 2 and result.stderr == f"mag-plan: error: {tmp_path}/none.sqlite: no such database\n"
    assert not (tmp_path / "none.sqlite").exists()


# ---- export -----------------------------------------------------------------------------------

@pytest.fixture
def plan_json(tmp_path):
    main(["ingest", str(SAMPLES / "plan_2024.txt"), "-o", str(tmp_path / "out"), "-q"])
    return tmp_path / "out" / "plan_2024.json"


@pytest.mark.parametrize("source", ["json", "document"])
def test_export_ics_prints_what_it_left_out(tmp_path, plan_json, source):
    path = plan_json if source == "json" else SAMPLES / "plan_2024.docx"
    result = run("export", "ics", str(path), "-o", str(tmp_path / "plan_2024.ics"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (f"{path} -> {tmp_path}/plan_2024.ics: 11 events, 8 jubilees, 9 city days "
                             "(27 approximate); left out: 5 recurring, 3 unscheduled\n")
    calendar = Calendar.from_ical((tmp_path / "plan_2024.ics").read_bytes())
    assert len(list(calendar.walk("VEVENT"))) == 28


def test_export_xlsx_writes_a_workbook_named_after_the_source(tmp_path, plan_json):
    result = run("export", "xlsx", str(plan_json), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{plan_json} -> plan_2024.xlsx: 19 events, 8 jubilees, 9 city days, 0 warnings\n"
    assert openpyxl.load_workbook(tmp_path / "plan_2024.xlsx").sheetnames == [
        "events", "jubilees", "city_days", "warnings"]


@pytest.mark.parametrize("content, message", [
    ('{"title": "x"}', "not a mag-plan JSON (2 problems; first at source: Field required)"),
    ('{"title": ', "damaged JSON"),
])
def test_export_of_a_json_that_is_not_a_plan_is_one_line_exit_2(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = run("export", "ics", str(bad), "-o", str(tmp_path / "bad.ics"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"mag-plan: error: {bad}: {message}")
    assert not (tmp_path / "bad.ics").exists()


def test_a_plan_loads_the_same_from_its_document_and_from_its_json(plan_json):
    assert load_plan_any(plan_json) == load_plan_any(SAMPLES / "plan_2024.txt")
    assert json.loads(plan_json.read_text(encoding="utf-8"))["source"]["file"] == "plan_2024.txt"
