"""The store under concurrent use: eight writer processes at once on a new database, twenty
rounds each, lose nothing and duplicate nothing; a database that cannot be used is one error
naming it and its cause, and a database already there is never left damaged."""

from __future__ import annotations

import multiprocessing
import sqlite3

import pytest

import ingest.store.database as store
from parsers.errors import IngestError
from tests.feed_plans import expected_plan, moved_to_year

WRITERS, ROUNDS = 8, 20
SHARED_YEAR = 1990


def writer(db: str, worker: int, start, failures) -> None:
    """One process: ``ROUNDS`` first-time opens and stores, each of its own year and the shared one."""
    base = expected_plan()
    plans = [moved_to_year(base, 2000 + worker * ROUNDS + turn) for turn in range(ROUNDS)]
    shared = moved_to_year(base, SHARED_YEAR).model_copy(update={"title": f"writer {worker}"})
    start.wait()
    for plan in plans:
        try:
            store.store_plan(db, plan)
            store.store_plan(db, shared)
        except Exception as error:  # noqa: BLE001 - the parent reports what each process met
            failures.put(f"writer {worker}: {type(error).__name__}: {error}")


def test_eight_writers_on_a_new_database_lose_nothing_and_duplicate_nothing(tmp_path):
    db = str(tmp_path / "plans.sqlite")
    context = multiprocessing.get_context("fork")
    start, failures = context.Event(), context.Queue()
    processes = [context.Process(target=writer, args=(db, worker, start, failures)) for worker in range(WRITERS)]
    for process in processes:
        process.start()
    start.set()
    for process in processes:
        process.join(timeout=300)
    problems = []
    while not failures.empty():
        problems.append(failures.get())
    assert problems == []
    events = len(expected_plan().events)
    with sqlite3.connect(db) as connection:
        years = [row[0] for row in connection.execute("SELECT year FROM plans ORDER BY year")]
        counts = connection.execute("SELECT plan_id, count(*) FROM events GROUP BY plan_id").fetchall()
        versions = connection.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
    assert years == [SHARED_YEAR] + [2000 + n for n in range(WRITERS * ROUNDS)]
    assert sorted(count for _, count in counts) == [events] * len(years)
    assert [v for (v,) in versions] == [number for number, _, _ in store.MIGRATIONS]
    assert mode == "wal"


def test_a_folder_as_database_is_one_error(tmp_path):
    with pytest.raises(IngestError, match="is a folder, not a database") as caught:
        store.store_plan(tmp_path, expected_plan())
    assert caught.value.file == str(tmp_path)


def test_a_database_in_a_missing_folder_is_one_error_and_creates_nothing(tmp_path):
    db = tmp_path / "missing" / "plans.sqlite"
    with pytest.raises(IngestError, match=r"cannot be created: the folder .*missing does not exist"):
        store.store_plan(db, expected_plan())
    assert not (tmp_path / "missing").exists()


def test_a_full_disk_is_one_error_and_the_database_keeps_what_it_held(tmp_path):
    db = tmp_path / "plans.sqlite"
    store.store_plan(db, expected_plan())
    before = sorted(sqlite3.connect(db).iterdump())
    connection = store.connect(db)
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk full"
    big = moved_to_year(expected_plan(), 2030)
    big = big.model_copy(update={"events": big.events * 50})
    with pytest.raises(IngestError, match="the disk is full") as caught:
        store.store_plan_in(connection, big)
    assert caught.value.file == str(db)
    connection.close()
    assert sorted(sqlite3.connect(db).iterdump()) == before


@pytest.mark.parametrize("code, cause", [
    (sqlite3.SQLITE_READONLY, "it is read-only"),
    (sqlite3.SQLITE_CANTOPEN, "cannot be opened"),
    (sqlite3.SQLITE_FULL, "the disk is full"),
    (sqlite3.SQLITE_IOERR, "input/output error"),
])
def test_sqlite_failures_on_opening_are_one_error_and_leave_no_new_file(tmp_path, monkeypatch, code, cause):
    db = tmp_path / "plans.sqlite"

    def failing_migrate(connection):
        error = sqlite3.OperationalError("failure")
        error.sqlite_errorcode = code
        raise error

    monkeypatch.setattr(store, "migrate", failing_migrate)
    with pytest.raises(IngestError, match=cause):
        store.connect(db)
    assert list(tmp_path.iterdir()) == []  # no 0-byte database left behind


@pytest.mark.parametrize("make_db, cause", [
    (lambda tmp: tmp, "is a folder, not a database"),
    (lambda tmp: tmp / "missing" / "plans.sqlite", "does not exist"),
    (lambda tmp: (tmp / "plans.sqlite").write_bytes(b"not sqlite" * 100) and tmp / "plans.sqlite",
     "not a mag-plan database"),
])
def test_a_bad_db_on_the_command_line_is_one_line_naming_it_exit_2(tmp_path, make_db, cause):
    from tests.conftest import SAMPLES
    from tests.test_hostile_input import run

    db = make_db(tmp_path)
    result = run("ingest", str(SAMPLES / "plan_2024.txt"), "--db", str(db), "-o", str(tmp_path / "out"))
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(db) in result.stderr and cause in result.stderr


@pytest.mark.parametrize("code, kind, message", [
    (sqlite3.SQLITE_FULL, "OutputError", "cannot write: the disk is full (failure); check that"),
    (sqlite3.SQLITE_READONLY | (1 << 8), "OutputError", "cannot write: it is read-only"),  # an extended code
    (sqlite3.SQLITE_BUSY, "OutputError", "the database is locked by another program"),
    (sqlite3.SQLITE_NOTADB, "IngestError", "not a mag-plan database (not an SQLite file): failure"),
    (sqlite3.SQLITE_CORRUPT, "IngestError", "not a mag-plan database (a damaged SQLite file): failure"),
    (sqlite3.SQLITE_CONSTRAINT, "IngestError", "database error (SQLite code 19): failure"),
    (None, "IngestError", "database error: failure"),
])
def test_one_mapper_gives_every_sqlite_failure_one_line_naming_the_database(code, kind, message):
    error = sqlite3.OperationalError("failure")
    if code is not None:
        error.sqlite_errorcode = code
    mapped = store.database_error(error, "plans.sqlite")
    assert type(mapped).__name__ == kind and isinstance(mapped, IngestError)
    assert mapped.message.startswith(message) and mapped.file == "plans.sqlite"


def test_a_write_that_finds_the_database_locked_is_tried_again(tmp_path, monkeypatch):
    db = tmp_path / "plans.sqlite"
    real, attempts = store._store_once, []

    def locked_twice(connection, plan):
        attempts.append(1)
        if len(attempts) <= 2:
            error = sqlite3.OperationalError("database is locked")
            error.sqlite_errorcode = sqlite3.SQLITE_BUSY
            raise error
        return real(connection, plan)

    monkeypatch.setattr(store, "_store_once", locked_twice)
    monkeypatch.setattr(store.time, "sleep", lambda seconds: None)
    assert store.store_plan(db, expected_plan()).action == "added"
    assert len(attempts) == 3


def test_opening_a_new_database_that_another_process_has_locked_is_tried_again(tmp_path, monkeypatch):
    """SQLite cannot wait for some locks (a switch of journal mode while another process sets up
    the same new database): SQLITE_BUSY at once, whatever the busy timeout. Opening the store
    tries again, as a write does, rather than failing one of eight writers (a flaky CI run)."""
    real, attempts = store._use_wal, []

    def locked_once(connection):
        attempts.append(1)
        if len(attempts) == 1:
            error = sqlite3.OperationalError("database is locked")
            error.sqlite_errorcode = sqlite3.SQLITE_BUSY
            raise error
        real(connection)

    monkeypatch.setattr(store, "_use_wal", locked_once)
    monkeypatch.setattr(store.time, "sleep", lambda seconds: None)
    assert store.store_plan(tmp_path / "plans.sqlite", expected_plan()).action == "added"
    assert len(attempts) == 2
