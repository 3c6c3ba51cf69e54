"""The SQLite plan store: schema, round trip, idempotency, replacement and rollback."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest

import ingest.store.database as store
from parsers.errors import IngestError
from ingest.store.migrations import MIGRATIONS
from schemas.plan import EventSource, PlanWarning
from schemas.tables import TABLES, columns, flat_columns
from tests.feed_plans import expected_plan, moved_to_year, with_date_pieces


@pytest.fixture
def db(tmp_path):
    return tmp_path / "plans.sqlite"


def dump(db_path) -> list[str]:
    """The whole database as SQL text, to compare before and after."""
    with sqlite3.connect(db_path) as connection:
        return list(connection.iterdump())


def query(db_path, sql: str, *params) -> list[tuple]:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(sql, params).fetchall()


def with_warnings_and_pages(plan):
    """A plan exercising the optional fields the 2024 sample leaves empty (pages, warnings, date pieces)."""
    events = [event.model_copy(update={"source": EventSource(page=1 + i // 10, row=event.source.row)})
              for i, event in enumerate(plan.events)]
    warnings = [PlanWarning(code="numbering", message="номер 7 повторяется", where="строка 9"),
                PlanWarning(code="reader", message="пустая таблица")]
    return with_date_pieces(plan.model_copy(update={"events": events, "warnings": warnings, "signatory": None}))


# ---- schema ---------------------------------------------------------------------------------

def test_a_new_database_gets_every_migration_and_records_its_version(db):
    with closing(store.connect(db)) as connection:
        assert store.schema_version(connection) == MIGRATIONS[-1][0]
    assert query(db, "SELECT version FROM schema_version") == [(number,) for number, _, _ in MIGRATIONS]


def test_opening_again_applies_nothing(db):
    store.connect(db).close()
    before = dump(db)
    store.connect(db).close()
    assert dump(db) == before


def test_an_older_database_is_migrated_and_keeps_its_rows(db, monkeypatch):
    monkeypatch.setattr(store, "MIGRATIONS", MIGRATIONS[:1])
    with closing(store.connect(db)) as connection:
        connection.execute("INSERT INTO plans (year, title, contract_version, source_file, source_format, "
                           "content_sha256, source_sha256, loaded_at) VALUES (2023, 'план', '1.0', 'a.docx', 'docx', 'cd', 'ab', 'x')")
    monkeypatch.setattr(store, "MIGRATIONS", MIGRATIONS)
    with closing(store.connect(db)) as connection:
        assert store.schema_version(connection) == MIGRATIONS[-1][0] > 1
    assert query(db, "SELECT year, title FROM plans") == [(2023, "план")]
    assert "date_spans" in [row[1] for row in query(db, "PRAGMA table_info(events)")]


@pytest.mark.parametrize("table, model", [(t, m) for t, m in store.RECORD_MODELS.items()])
def test_each_table_has_a_column_for_every_field_of_its_record(db, table, model):
    store.connect(db).close()
    names = [row[1] for row in query(db, f"PRAGMA table_info({table})")]
    assert names[:2] == ["plan_id", "position"]
    assert sorted(names[2:]) == sorted(flat_columns(model))  # a later migration appends its columns


@pytest.mark.parametrize("table", sorted(TABLES))
def test_record_columns_are_named_as_the_csv_columns(table):
    assert flat_columns(TABLES[table]) == columns(TABLES[table])


def test_children_point_at_their_plan_through_a_foreign_key(db):
    store.connect(db).close()
    for table in store.RECORD_MODELS:
        keys = query(db, f"PRAGMA foreign_key_list({table})")
        assert [(key[2], key[3], key[4], key[6]) for key in keys] == [("plans", "plan_id", "id", "CASCADE")]
    with closing(store.connect(db)) as connection, pytest.raises(sqlite3.IntegrityError):
        connection.execute("INSERT INTO footnotes (plan_id, position, marker, text) VALUES (42, 1, '1', 'x')")


def test_dates_and_years_are_indexed(db):
    store.connect(db).close()
    indexed = {(row[0], row[1]) for row in query(
        db, "SELECT m.tbl_name, i.name FROM sqlite_master m, pragma_index_info(m.name) i WHERE m.type = 'index'")}
    assert {("plans", "year"), ("events", "date_start"), ("jubilees", "date_start"),
            ("city_days", "date_start")} <= indexed


def test_a_database_from_a_newer_mag_plan_is_refused(db):
    store.connect(db).close()
    with sqlite3.connect(db) as connection:
        connection.execute("INSERT INTO schema_version VALUES (99, 'future', '2099-01-01')")
    with pytest.raises(IngestError, match="schema version 99"):
        store.connect(db)


@pytest.mark.parametrize("read", [store.list_plans, lambda db: store.load_plan(db, 2024)], ids=["list", "load"])
def test_reading_a_missing_database_is_bad_input_and_creates_nothing(db, read):
    with pytest.raises(IngestError, match="no such database"):
        read(db)
    assert not db.exists()


def test_a_file_that_is_not_a_database_is_bad_input(db):
    db.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(IngestError, match="not a mag-plan database"):
        store.connect(db)


# ---- round trip -----------------------------------------------------------------------------

@pytest.mark.parametrize("make_plan", [expected_plan, lambda: with_warnings_and_pages(expected_plan())],
                         ids=["plan_2024", "with_warnings_pages_no_signatory"])
def test_a_stored_plan_loads_back_equal(db, make_plan):
    plan = make_plan()
    store.store_plan(db, plan)
    assert store.load_plan(db, plan.year) == plan


def test_rows_hold_the_json_records_values(db):
    plan = expected_plan()
    store.store_plan(db, plan)
    event_10 = query(db, "SELECT id, place, date_text, date_kind, date_start, date_end, approximate "
                         "FROM events WHERE number = 10")
    assert event_10 == [("2024-10", "Волгоград", "31октябрь-1ноябрь", "day_range", "2024-10-31", "2024-11-01", 0)]
    organizers = query(db, "SELECT organizers, items FROM events WHERE number = 12")[0]
    assert json.loads(organizers[0]) == plan.events[11].organizers
    assert json.loads(organizers[1]) == plan.events[11].items
    assert query(db, "SELECT city, founded, approximate FROM city_days ORDER BY position LIMIT 1") == [
        ("Бишкек", 1878, 1)]


def test_loading_a_year_that_is_not_stored_names_the_stored_years(db):
    store.store_plan(db, expected_plan())
    with pytest.raises(IngestError, match=r"no plan for 2031 .*stored years: 2024"):
        store.load_plan(db, 2031)


# ---- loading: idempotent, replacing, all or nothing -------------------------------------------

def test_the_same_document_again_changes_nothing(db):
    first = store.store_plan(db, expected_plan())
    before = dump(db)
    again = store.store_plan(db, expected_plan())
    assert (first.action, again.action) == ("added", "unchanged")
    assert again.plan_id == first.plan_id
    assert dump(db) == before


def test_a_corrected_document_replaces_its_year_and_leaves_other_years(db):
    store.store_plan(db, expected_plan())
    store.store_plan(db, moved_to_year(expected_plan(), 2025))
    corrected = corrected_plan()
    result = store.store_plan(db, corrected)
    assert result.action == "replaced"
    assert store.load_plan(db, 2024) == corrected
    assert store.load_plan(db, 2025) == moved_to_year(expected_plan(), 2025)
    assert query(db, "SELECT count(*) FROM plans") == [(2,)]
    assert query(db, "SELECT count(*) FROM events WHERE plan_id NOT IN (SELECT id FROM plans)") == [(0,)]
    assert query(db, "SELECT count(*) FROM events") == [(18 + 19,)]


def corrected_plan():
    """The 2024 plan as a corrected document: another title, the last event dropped, another sha256."""
    original = expected_plan()
    return original.model_copy(update={
        "title": original.title + " (исправленный)", "events": original.events[:-1],
        "source": original.source.model_copy(update={"sha256": "f" * 64})})


def test_another_document_with_the_same_records_changes_nothing(db):
    store.store_plan(db, expected_plan())
    before = dump(db)
    plan = expected_plan()
    as_pdf = plan.model_copy(update={
        "source": plan.source.model_copy(update={"file": "plan_2024.pdf", "format": "pdf", "sha256": "d" * 64}),
        "events": [
            e.model_copy(update={"source": EventSource(page=2, row=e.source.row)}) for e in plan.events]})
    assert store.store_plan(db, as_pdf).action == "unchanged"
    assert dump(db) == before


def test_a_record_that_differs_makes_it_a_correction(db):
    store.store_plan(db, expected_plan())
    plan = expected_plan()
    moved = plan.events[0].model_copy(update={"place": "Москва"})
    other = plan.model_copy(update={"events": [moved, *plan.events[1:]],
                                    "source": plan.source.model_copy(update={"sha256": "c" * 64})})
    assert store.store_plan(db, other).action == "replaced"
    assert store.load_plan(db, 2024).events[0].place == "Москва"


def failing_on(table: str):
    """An ``insert_records`` that fails when it reaches ``table``, after the tables before it were written."""
    real = store.insert_records

    def insert(connection, name, plan_id, records):
        if name == table:
            raise RuntimeError(f"disk gone while writing {name}")
        real(connection, name, plan_id, records)
    return insert


@pytest.mark.parametrize("stored_first", [[], [2024], [2024, 2025]], ids=["empty", "replacing", "two_years"])
@pytest.mark.parametrize("table", ["jubilees", "warnings"])
def test_a_load_failing_midway_leaves_the_database_as_it_was(db, monkeypatch, stored_first, table):
    for year in stored_first:
        plan = expected_plan() if year == 2024 else moved_to_year(expected_plan(), year)
        store.store_plan(db, plan)
    store.connect(db).close()
    before = dump(db)
    corrected = corrected_plan()
    monkeypatch.setattr(store, "insert_records", failing_on(table))
    with pytest.raises(RuntimeError, match="disk gone"):
        store.store_plan(db, corrected)
    assert dump(db) == before


def test_a_plan_without_a_year_is_refused(db):
    with pytest.raises(IngestError, match="no year"):
        store.store_plan(db, expected_plan().model_copy(update={"year": None}))


def test_list_shows_each_stored_year_with_its_counts(db):
    store.store_plan(db, moved_to_year(expected_plan(), 2025))
    store.store_plan(db, with_warnings_and_pages(expected_plan()))
    listed = store.list_plans(db)
    assert [(p.year, p.source_file, p.events, p.jubilees, p.city_days, p.warnings) for p in listed] == [
        (2024, "plan_2024.txt", 19, 8, 9, 2), (2025, "plan_2024.txt", 19, 8, 9, 0)]
