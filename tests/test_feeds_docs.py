"""docs/feeds.md tells the truth: each SQL query there gives the rows shown under it."""

from __future__ import annotations

import re
import sqlite3

import pytest

from ingest.pipeline import ingest_file
from ingest.store.database import store_plan
from tests.conftest import ROOT, SAMPLES

DOC = ROOT / "docs" / "feeds.md"
# A ```sql block, then the ```text block that shows what it prints.
QUERY_AND_RESULT = re.compile(r"```sql\n(?P<sql>.*?)```\s*```text\n(?P<table>.*?)```", re.DOTALL)


def documented_queries() -> list[tuple[str, str]]:
    return [(m["sql"], m["table"]) for m in QUERY_AND_RESULT.finditer(DOC.read_text(encoding="utf-8"))]


def shown_rows(table: str) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of a table as `sqlite3 -header -column` prints it."""
    lines = [line.strip() for line in table.strip().splitlines()]
    split = [re.split(r" {2,}", line) for line in lines]
    return split[0], split[2:]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("docs") / "plans.sqlite"
    store_plan(path, ingest_file(SAMPLES / "plan_2024.txt"))
    return path


def test_the_page_documents_queries():
    assert len(documented_queries()) >= 3


@pytest.mark.parametrize("sql, table", documented_queries(), ids=lambda value: value.split("\n")[0][:40])
def test_a_documented_query_gives_the_rows_shown(db, sql, table):
    with sqlite3.connect(db) as connection:
        cursor = connection.execute(sql)
        header = [column[0] for column in cursor.description]
        rows = [[str(value) for value in row] for row in cursor.fetchall()]
    assert shown_rows(table) == (header, rows)
