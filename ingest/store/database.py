"""The plan store: every year's plan in one SQLite file (Python's sqlite3, no server).

One plan per year. Storing the same document again (same sha256) changes nothing, and so does
another document holding the same records (the DOCX and the PDF of one plan); a document with
other records for a stored year replaces that year's rows in one transaction; a load that
fails leaves the database as it was. The schema is created and migrated here (ingest/store/migrations.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import sqlite3
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Literal, TypeVar

from parsers.errors import IngestError
from ingest.destinations import OutputError, output_error
from schemas.tables import record_from_row, record_row
from ingest.store.migrations import MIGRATIONS
from schemas.plan import CityDay, Event, Footnote, Jubilee, Plan, PlanWarning, Signatory, Source

# table -> the model of its rows, in the order a plan holds them
RECORD_MODELS = {"events": Event, "jubilees": Jubilee, "city_days": CityDay,
                 "footnotes": Footnote, "warnings": PlanWarning}

StoreAction = Literal["added", "replaced", "unchanged"]


@dataclass(frozen=True)
class StoreResult:
    """What storing one plan did."""

    year: int
    plan_id: int
    action: StoreAction


@dataclass(frozen=True)
class StoredPlan:
    """One row of `mag-plan list`: a stored plan and how many records it holds."""

    id: int
    year: int
    title: str
    source_file: str
    source_format: str
    source_sha256: str
    loaded_at: str
    events: int
    jubilees: int
    city_days: int
    warnings: int


# How long a writer waits for another to finish: four times the largest plan the limits allow
# (2,000,000 table cells, some 500,000 events; 20,000 events take 1.3 s to store here, so about
# 30 s); a waiter that still finds the database locked then retries with backoff.
BUSY_TIMEOUT_SECONDS = 120.0
# Attempts at a write that finds the database locked, with backoff doubling from 50 ms.
WRITE_ATTEMPTS = 6
# SQLite's primary result codes, and what each means to the person who gave --db.
SQLITE_CAUSES = {
    3: "permission denied",  # SQLITE_PERM
    8: "it is read-only (a read-only file, folder or file system)",  # SQLITE_READONLY
    10: "input/output error (a failing disk or network share?)",  # SQLITE_IOERR
    13: "the disk is full",  # SQLITE_FULL
    14: "cannot be opened (no permission to read or create it there?)",  # SQLITE_CANTOPEN
    26: "not a mag-plan database (not an SQLite file)",  # SQLITE_NOTADB
    11: "not a mag-plan database (a damaged SQLite file)",  # SQLITE_CORRUPT
}
T = TypeVar("T")  # what a work retried while the database is locked returns (_busy_retried)


def connect(db_path: str | Path, create: bool = True) -> sqlite3.Connection:
    """An open store at ``db_path``, created or migrated to the latest schema.

    With ``create`` false the store is only read: opened read-only, never created or migrated,
    so a reading command cannot change a database (a foreign one least of all). Every SQLite
    failure is an error naming the database and its cause; a database this call created and
    could not set up is removed again (no 0-byte file left behind).
    """
    if not create:
        return _open_for_reading(db_path)
    path = Path(db_path)
    check_db_path(path, create)
    existed = path.exists()
    try:
        path.touch(exist_ok=True)  # SQLite would create it 0644 whatever the umask; open() honours it
    except OSError as error:
        raise output_error(error, db_path) from None
    connection = None
    try:
        connection = _open(db_path, str(db_path), uri=False)
        _busy_retried(lambda: _set_up(connection, db_path))
    except (sqlite3.Error, IngestError) as error:
        if connection is not None:
            connection.close()
        if not existed:
            _remove_new_database(path)
        if isinstance(error, IngestError):
            raise
        raise database_error(error, db_path) from None
    except BaseException:
        if connection is not None:
            connection.close()
        raise
    return connection


def _set_up(connection: sqlite3.Connection, db_path: str | Path) -> None:
    """A store's tables at the latest schema, then write-ahead logging; a foreign database refused."""
    if schema_version(connection) == 0 and _tables(connection):
        raise _foreign(connection, db_path)
    migrate(connection)  # before WAL: a new file that cannot be set up stays empty
    _use_wal(connection)


def _open_for_reading(db_path: str | Path) -> sqlite3.Connection:
    """The store at ``db_path`` opened read-only, refused unless its schema is the one this mag-plan reads."""
    if not Path(db_path).is_file():
        raise IngestError("no such database", str(db_path))
    connection = _open(db_path, Path(db_path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        current, latest = schema_version(connection), MIGRATIONS[-1][0]
        if current == 0:
            raise _foreign(connection, db_path)
        _check_not_newer(current)
        if current < latest:
            raise IngestError(f"the database has schema version {current}, from an older mag-plan; "
                              "reading does not upgrade it: store a plan in it with `mag-plan ingest FILE --db` "
                              "first", str(db_path))
    except sqlite3.Error as error:
        connection.close()
        raise database_error(error, db_path) from None
    except BaseException:
        connection.close()
        raise
    return connection


def _open(db_path: str | Path, target: str, uri: bool) -> sqlite3.Connection:
    """sqlite3.connect with this store's settings; its errors as one line naming the database."""
    try:
        connection = sqlite3.connect(target, isolation_level=None, uri=uri,  # transactions are explicit below
                                     timeout=BUSY_TIMEOUT_SECONDS)
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as error:
        raise database_error(error, db_path) from None
    return connection


def _tables(connection: sqlite3.Connection) -> list[str]:
    return [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]


def _foreign(connection: sqlite3.Connection, db_path: str | Path) -> IngestError:
    """A database mag-plan did not make: refused, never changed."""
    tables = _tables(connection)
    held = f"it holds {', '.join(tables[:5])}{', ...' if len(tables) > 5 else ''}" if tables else "it is empty"
    return IngestError(f"not a mag-plan database ({held}); name a new file or one `mag-plan ingest --db` made",
                       str(db_path))


# SQLite's primary result codes that are about the place, not the content (sqlite3.h)
_SQLITE_OUTPUT = {3, 8, 10, 13, 14}
_SQLITE_BUSY = {5, 6}
_SQLITE_DAMAGED = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


def _primary_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code of the error (its extended code's low byte), when it has one."""
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def database_error(error: sqlite3.Error, db_path: str | Path | None) -> IngestError:
    """A sqlite3 error met opening, reading or writing the store, as one line naming the database.

    A cause about the place (SQLITE_CAUSES: permissions, a read-only or full disk, a lock held past
    the busy timeout) is an OutputError with what to do, since every other plan would fail the same
    way; a file that is not a store, or a damaged one, is an IngestError; any other SQLite failure
    is an IngestError with SQLite's own words and code."""
    code = _primary_code(error)
    where = None if db_path is None else str(db_path)
    if code in _SQLITE_OUTPUT:
        return OutputError(f"cannot write: {SQLITE_CAUSES[code]} ({error}); check that the file and its "
                           "folder are writable, or name another file with --db", where)
    if code in _SQLITE_BUSY:
        return OutputError("the database is locked by another program; try again when it is done", where)
    if code in _SQLITE_DAMAGED:
        return IngestError(f"{SQLITE_CAUSES[code]}: {error}", where)
    return IngestError(f"database error{'' if code is None else f' (SQLite code {code})'}: {error}", where)


def check_db_path(path: Path, create: bool) -> None:
    """Refuse a --db that cannot be a database file before SQLite tries it."""
    if path.is_dir():
        raise IngestError("is a folder, not a database", str(path))
    if not path.exists():
        if not create:
            raise IngestError("no such database", str(path))
        if not path.parent.is_dir():
            raise IngestError(f"cannot be created: the folder {path.parent} does not exist", str(path))
    elif not path.is_file():
        raise IngestError("is not a regular file, not a database", str(path))
    elif not os.access(path, os.R_OK):
        raise IngestError("cannot be read: permission denied", str(path))


def _use_wal(connection: sqlite3.Connection) -> None:
    """Write-ahead logging, so readers never wait for a writer; a read-only store keeps its mode."""
    try:
        connection.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError as error:
        if _primary_code(error) not in (8, 14):  # read-only: keep its journal
            raise


def _remove_new_database(path: Path) -> None:
    """Remove the empty database file this run created (SQLite creates the file on opening)."""
    try:
        if path.stat().st_size == 0 and not path.with_name(path.name + "-journal").exists():
            path.unlink()  # else another process has set it up meanwhile: it is theirs
    except OSError:
        pass


def schema_version(connection: sqlite3.Connection) -> int:
    """The number of the last migration applied (0 for a new database)."""
    exists = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
    if not exists:
        return 0
    return connection.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(connection: sqlite3.Connection) -> int:
    """Apply the migrations the database lacks, each in its own transaction; the version reached.

    The version is read again inside each migration's IMMEDIATE transaction: of several
    processes opening a new database at once, one applies a migration and the others,
    waiting for the write lock, then find it applied."""
    latest = MIGRATIONS[-1][0]
    _refuse_newer(schema_version(connection), latest)
    for number, description, sql in MIGRATIONS:
        with transaction(connection):
            current = schema_version(connection)
            _refuse_newer(current, latest)
            if number <= current:
                continue
            connection.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                               "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)")
            for statement in _statements(sql):
                connection.execute(statement)
            connection.execute("INSERT INTO schema_version VALUES (?, ?, ?)", (number, description, _now()))
    return latest


def _check_not_newer(current: int) -> int:
    """The latest schema version this mag-plan knows; IngestError when ``current`` is newer."""
    latest = MIGRATIONS[-1][0]
    _refuse_newer(current, latest)
    return latest


def _refuse_newer(current: int, latest: int) -> None:
    if current > latest:
        raise IngestError(f"the database has schema version {current}; this mag-plan knows up to {latest}: "
                          "upgrade mag-plan")


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK when the block raises."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:  # SQLite may have rolled back already (a full disk)
            connection.execute("ROLLBACK")
        raise


def store_plan(db_path: str | Path, plan: Plan) -> StoreResult:
    """Store ``plan`` as its year's plan: added, replaced (another document) or unchanged (same sha256)."""
    with closing(connect(db_path)) as connection:
        return store_plan_in(connection, plan)


def store_plan_in(connection: sqlite3.Connection, plan: Plan) -> StoreResult:
    """``store_plan`` on an open connection (a batch stores many plans through one).

    A write that finds the database locked past the busy timeout is tried again with backoff;
    any other SQLite failure rolls back and is ``database_error``'s one line (a full disk, a
    read-only file: an OutputError)."""
    if plan.year is None:
        raise IngestError("the plan has no year, and the store keeps one plan per year", plan.source.file)
    try:
        return _busy_retried(lambda: _store_once(connection, plan))
    except sqlite3.Error as error:
        raise database_error(error, _db_file(connection)) from None


def _busy_retried(work: Callable[[], T]) -> T:
    """``work()``, tried again with backoff while SQLite finds the database locked (SQLITE_BUSY,
    SQLITE_LOCKED): past the busy timeout, or at once where SQLite cannot wait (two connections
    upgrading their read to a write, a switch of journal mode while another process opens the
    same new database); the last attempt's error raised."""
    for attempt in range(WRITE_ATTEMPTS):
        try:
            return work()
        except sqlite3.OperationalError as error:
            if _primary_code(error) not in _SQLITE_BUSY or attempt == WRITE_ATTEMPTS - 1:
                raise
            time.sleep(0.05 * 2 ** attempt * (1 + random.random()))
    raise AssertionError("unreachable")


def _db_file(connection: sqlite3.Connection) -> str | None:
    """The file of the connection's main database (None when even that cannot be asked: the
    error being reported is then named without it, rather than replaced by this one)."""
    try:
        row = connection.execute("PRAGMA database_list").fetchone()
    except sqlite3.Error:
        return None
    return row[2] if row else None


def _store_once(connection: sqlite3.Connection, plan: Plan) -> StoreResult:
    # the check and the write share one IMMEDIATE transaction: two loaders cannot interleave
    with transaction(connection):
        stored = connection.execute("SELECT id, source_sha256, content_sha256 FROM plans WHERE year = ?",
                                    (plan.year,)).fetchone()
        same = stored and (stored["source_sha256"] == plan.source.sha256
                           or stored["content_sha256"] == content_sha256(plan))
        if same:
            return StoreResult(plan.year, stored["id"], "unchanged")
        if stored:
            connection.execute("DELETE FROM plans WHERE id = ?", (stored["id"],))  # records cascade
        plan_id = _insert_plan(connection, plan)
        for table in RECORD_MODELS:
            insert_records(connection, table, plan_id, getattr(plan, table))
    return StoreResult(plan.year, plan_id, "replaced" if stored else "added")


def content_sha256(plan: Plan) -> str:
    """A digest of the plan's records alone: not its source file, format, pages or contract version."""
    content = plan.model_dump(mode="json", exclude={"source": True, "schema_version": True,
                                                   "events": {"__all__": {"source"}}})
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def load_plan(db_path: str | Path, year: int) -> Plan:
    """The plan stored for ``year``, equal to the Plan that was stored; IngestError when there is none."""
    with closing(connect(db_path, create=False)) as connection:
        plan_row = connection.execute("SELECT * FROM plans WHERE year = ?", (year,)).fetchone()
        if plan_row is None:
            stored = ", ".join(str(p.year) for p in list_plans_in(connection)) or "none"
            raise IngestError(f"no plan for {year} in the database (stored years: {stored})", str(db_path))
        records = {table: [record_from_row(model, dict(row)) for row in connection.execute(
            f"SELECT * FROM {table} WHERE plan_id = ? ORDER BY position", (plan_row["id"],))]
            for table, model in RECORD_MODELS.items()}
    return Plan(schema_version=plan_row["contract_version"], title=plan_row["title"], year=plan_row["year"],
                source=Source(file=plan_row["source_file"], format=plan_row["source_format"],
                              sha256=plan_row["source_sha256"]),
                signatory=_signatory(plan_row), **records)


def list_plans(db_path: str | Path) -> list[StoredPlan]:
    """The stored plans, by year, with their record counts."""
    with closing(connect(db_path, create=False)) as connection:
        return list_plans_in(connection)


def list_plans_in(connection: sqlite3.Connection) -> list[StoredPlan]:
    """``list_plans`` on an open connection."""
    counts = ", ".join(f"(SELECT count(*) FROM {table} WHERE plan_id = plans.id) AS {table}"
                       for table in ("events", "jubilees", "city_days", "warnings"))
    rows = connection.execute(
        "SELECT id, year, title, source_file, source_format, source_sha256, loaded_at, "
        f"{counts} FROM plans ORDER BY year")
    return [StoredPlan(**dict(row)) for row in rows]


def insert_records(connection: sqlite3.Connection, table: str, plan_id: int, records: list) -> None:
    """Insert one plan's records of ``table``, ``position`` keeping their order."""
    for position, record in enumerate(records, start=1):
        row = {"plan_id": plan_id, "position": position, **record_row(record)}
        names = ", ".join(row)
        marks = ", ".join(f":{name}" for name in row)
        connection.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", row)


def _insert_plan(connection: sqlite3.Connection, plan: Plan) -> int:
    signatory = plan.signatory
    cursor = connection.execute(
        "INSERT INTO plans (year, title, contract_version, source_file, source_format, source_sha256, "
        "content_sha256, signatory_position, signatory_name, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (plan.year, plan.title, plan.schema_version, plan.source.file, plan.source.format, plan.source.sha256,
         content_sha256(plan), signatory.position if signatory else None, signatory.name if signatory else None,
         _now()))
    return cursor.lastrowid


def _signatory(plan_row: sqlite3.Row) -> Signatory | None:
    if plan_row["signatory_name"] is None:
        return None
    return Signatory(position=plan_row["signatory_position"], name=plan_row["signatory_name"])


def _statements(sql: str) -> list[str]:
    """The statements of a migration script (executescript would commit our transaction)."""
    return [statement.strip() for statement in sql.split(";") if statement.strip()]


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
