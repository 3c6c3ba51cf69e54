"""Batch runs: inputs expanded, read in parallel in a fixed order, one bad file never stops the rest."""

from __future__ import annotations

import io
import os
import re
import shutil

import pytest

import ingest.pipeline
from ingest.batch import Delivery, Input, Progress, deliver, expand_inputs, read_many, run_batch
from ingest.store.database import load_plan
from parsers.readers.office import find_soffice
from tests.conftest import SAMPLES

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


@pytest.fixture
def folder(tmp_path):
    """Three good samples, a text with no plan, an image, a JSON and a hidden file."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("plan_2024.txt", "plan_2024.docx", "plan_2024.html"):
        shutil.copy(SAMPLES / name, docs / name)
    (docs / "bad.txt").write_text("не план\n", encoding="utf-8")
    (docs / "logo.png").write_bytes(PNG)
    (docs / "old.json").write_text('{"title": "x"}', encoding="utf-8")
    (docs / ".hidden.txt").write_text("скрытый\n", encoding="utf-8")
    return docs


EXPECTED_STATUSES = [("bad.txt", "failed"), ("logo.png", "skipped"), ("old.json", "skipped"),
                     ("plan_2024.docx", "ok"), ("plan_2024.html", "ok"), ("plan_2024.txt", "ok")]


def names(items) -> list[str]:
    return [item.path.name for item in items]


def test_a_folder_gives_its_visible_files_sorted_as_found(folder):
    items = expand_inputs([folder])
    assert names(items) == ["bad.txt", "logo.png", "old.json", "plan_2024.docx", "plan_2024.html", "plan_2024.txt"]
    assert all(item.found for item in items)


@pytest.mark.parametrize("arguments, expected", [
    (["{d}/plan_*"], [("plan_2024.docx", True), ("plan_2024.html", True), ("plan_2024.txt", True)]),
    (["{d}/plan_2024.txt"], [("plan_2024.txt", False)]),
    (["{d}/missing.docx"], [("missing.docx", False)]),            # fails later, by name
    (["{d}/*.pdf"], [("*.pdf", False)]),                           # a pattern matching nothing: "no such file"
    (["{d}/plan_2024.txt", "{d}/plan_*.txt", "{d}"], [("plan_2024.txt", False), ("bad.txt", True),
                                                      ("logo.png", True), ("old.json", True),
                                                      ("plan_2024.docx", True), ("plan_2024.html", True)]),
], ids=["pattern", "file", "missing", "pattern_without_match", "each_file_once"])
def test_arguments_expand_to_inputs(folder, arguments, expected):
    items = expand_inputs([argument.format(d=folder) for argument in arguments])
    assert [(item.path.name, item.found) for item in items] == expected


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_bad_file_never_stops_the_rest_and_order_is_kept(folder, jobs):
    results = read_many(expand_inputs([folder]), jobs=jobs)
    assert [(r.input.path.name, r.status) for r in results] == EXPECTED_STATUSES
    assert [r.format for r in results if r.status == "ok"] == ["docx", "html", "text"]
    assert all(len(r.plan.events) == 19 for r in results if r.status == "ok")
    assert "no event table" in results[0].message
    assert results[1].message.startswith("not a supported document")


def test_a_folder_reads_every_format_offices_send(tmp_path):
    """ODT, flat ODT, RTF and .doc in a folder are read, none skipped; an RTF, which starts
    with "{" as JSON does, is not taken for a JSON that ingest wrote."""
    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: it reads the RTF and .doc")
    for name in ("plan_2024.odt", "plan_2024.fodt", "plan_2024.rtf", "plan_2024.doc"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    results = read_many(expand_inputs([tmp_path]), jobs=2)
    assert [(r.input.path.name, r.status, r.format) for r in results] == [
        ("plan_2024.doc", "ok", "doc"), ("plan_2024.fodt", "ok", "fodt"), ("plan_2024.odt", "ok", "odt"),
        ("plan_2024.rtf", "ok", "rtf")]
    assert all(len(r.plan.events) == 19 for r in results)


def test_a_named_file_that_is_no_document_fails_instead_of_being_skipped(tmp_path):
    (tmp_path / "logo.png").write_bytes(PNG)
    [result] = read_many([Input(tmp_path / "logo.png")])
    assert result.status == "failed"


def test_a_bug_in_one_file_is_an_error_for_that_file_only(folder, monkeypatch):
    real = ingest.pipeline.ingest_bytes

    def buggy(data, name, *limits):
        if name.endswith(".html"):
            raise KeyError("reader bug")
        return real(data, name, *limits)
    monkeypatch.setattr(ingest.pipeline, "ingest_bytes", buggy)
    results = read_many(expand_inputs([folder]), jobs=1)
    assert [r.status for r in results] == ["failed", "skipped", "skipped", "ok", "error", "ok"]
    assert results[4].message == "unexpected error (KeyError: 'reader bug')"


def test_delivery_writes_and_stores_in_input_order(folder, tmp_path):
    db = tmp_path / "plans.sqlite"
    results = run_batch([folder / "plan_2024.txt", folder / "bad.txt"], Delivery(output=tmp_path / "out", db=db))
    assert [(r.status, r.stored) for r in results] == [("ok", "added"), ("failed", None)]
    assert [p.name for p in results[0].written] == [
        "plan_2024.json", "plan_2024.events.csv", "plan_2024.jubilees.csv", "plan_2024.city_days.csv"]
    assert load_plan(db, 2024) == results[0].plan
    again = run_batch([folder / "plan_2024.txt"], Delivery(output=None, db=db))
    assert [(r.status, r.stored, r.written) for r in again] == [("ok", "unchanged", ())]


def test_a_plan_that_cannot_be_stored_fails_alone(folder, tmp_path):
    results = read_many([Input(folder / "plan_2024.txt"), Input(folder / "plan_2024.html")], jobs=1)
    yearless = results[0].__class__(results[0].input, "ok", plan=results[0].plan.model_copy(update={"year": None}))
    delivered = deliver([yearless, results[1]], Delivery(db=tmp_path / "plans.sqlite"))
    assert [(r.status, r.stored) for r in delivered] == [("failed", None), ("ok", "added")]
    assert "no year" in delivered[0].message


def test_a_full_disk_while_storing_stops_the_delivery_naming_the_database(folder, tmp_path, monkeypatch):
    import sqlite3

    import ingest.store.database as store
    from ingest.destinations import OutputError

    def full(connection, plan):
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = sqlite3.SQLITE_FULL
        raise error

    db = tmp_path / "plans.sqlite"
    results = read_many([Input(folder / "plan_2024.txt"), Input(folder / "plan_2024.html")], jobs=1)
    monkeypatch.setattr(store, "_store_once", full)
    with pytest.raises(OutputError, match="cannot write: the disk is full") as caught:
        deliver(results, Delivery(db=db))  # every other plan would fail the same way
    assert caught.value.file == str(db)


def test_the_progress_bar_redraws_one_line_and_clears_it():
    stream = io.StringIO()
    progress = Progress(stream)
    for done in (1, 2):
        progress(done, 2, Input(SAMPLES / f"plan_{done}.txt"))
    progress.clear()
    text = stream.getvalue()
    assert "\n" not in text
    assert text.count("\r[") == 2 and "] 1/2 plan_1.txt" in text and "] 2/2 plan_2.txt" in text
    assert "[" + "#" * Progress.WIDTH + "]" in text
    assert text.endswith("\r")


def test_ctrl_c_stops_a_batch_at_once_keeps_what_was_read_and_exits_130(tmp_path):
    import pty
    import signal
    import subprocess
    import sys
    import threading
    import time

    from tests.conftest import ROOT, terminal_chunks

    docs = tmp_path / "docs"
    docs.mkdir()
    for number in range(300):  # far more than can be read in the second it may take to stop
        shutil.copy(SAMPLES / "plan_2024.pdf", docs / f"plan_{number:03}.pdf")
    leader, follower = pty.openpty()  # on a terminal the progress bar shows how far the batch is
    process = subprocess.Popen([sys.executable, "-m", "ingest", "ingest", str(docs), "-o", str(tmp_path / "out"),
                                "-j", "2"], stdout=subprocess.PIPE, stderr=follower, cwd=ROOT,
                               env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, start_new_session=True)
    os.close(follower)
    shown, started = bytearray(), threading.Event()

    def drain() -> None:
        for chunk in terminal_chunks(leader):
            shown.extend(chunk)
            if re.search(rb"\] [3-9]/300 ", shown):  # a few files read, most not
                started.set()
        started.set()

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    assert started.wait(timeout=300)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the whole process group
    signalled = time.monotonic()
    stdout = process.stdout.read().decode()
    process.wait(timeout=30)
    stopped = time.monotonic() - signalled
    reader.join(timeout=10)
    os.close(leader)
    stderr = bytes(shown).decode(errors="replace")
    assert process.returncode == 130 and "Traceback" not in stderr, stderr[-2000:]
    found = re.search(r"interrupted: (\d+) of 300 files done, (\d+) not done", stderr)
    done, not_done = int(found[1]), int(found[2])
    assert done >= 3 and not_done >= 200 and done + not_done == 300
    assert len(list((tmp_path / "out").glob("*.json"))) == done == stdout.count(": 19 events")
    assert not list((tmp_path / "out").glob(".mag-plan-*"))
    assert stopped < 3, f"took {stopped:.1f} s to stop"


def test_an_rtf_in_a_folder_is_not_called_a_json_file(tmp_path):
    (tmp_path / "plan.rtf").write_bytes(b"{\\rtf1\\ansi\\deff0 {\\fonttbl{\\f0 Times;}} hello}")
    [result] = read_many(expand_inputs([tmp_path]))
    assert result.status in ("skipped", "failed") and "JSON" not in result.message


def test_a_named_json_is_called_a_json_and_fails(tmp_path):
    path = tmp_path / "plan_2024.json"
    path.write_text('{"title": "x"}', encoding="utf-8")
    [result] = read_many([Input(path)])
    assert result.status == "failed" and result.message.startswith("a JSON file, not a plan document")


def test_a_folder_that_is_its_own_output_is_read_twice_alike(tmp_path):
    from tests.test_hostile_input import run

    (tmp_path / "plan_2024.docx").write_bytes((SAMPLES / "plan_2024.docx").read_bytes())
    first = run("ingest", str(tmp_path), "-o", str(tmp_path))
    second = run("ingest", str(tmp_path), "-o", str(tmp_path))
    assert (first.returncode, second.returncode) == (0, 0), second.stderr
    assert second.stderr.count("skipped") == 4 and "a CSV table mag-plan wrote" in second.stderr
    assert "error" not in second.stderr


def test_a_symlink_loop_on_the_command_line_is_one_line_and_exit_2(tmp_path):
    from tests.test_hostile_input import run

    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    result = run("ingest", str(tmp_path / "a"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"mag-plan: error: {tmp_path / 'a'}: a symbolic link that leads nowhere (a loop, or its target is gone)\n"


def test_an_unreadable_input_folder_is_bad_input_not_a_bug(tmp_path, monkeypatch):
    from pathlib import Path

    from parsers.errors import IngestError
    (tmp_path / "locked").mkdir()

    def refused(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refused)  # root reads every folder: the refusal is simulated
    with pytest.raises(IngestError, match="the folder cannot be read: Permission denied"):
        expand_inputs([tmp_path / "locked"])
