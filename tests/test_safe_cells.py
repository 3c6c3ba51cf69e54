"""CSV cells a spreadsheet would execute are neutralised; JSON keeps the text as written."""

from __future__ import annotations

import csv
import io
import json

import pytest

from ingest.cli import main
from ingest.export.safe_cells import neutralise
from tests.conftest import SAMPLES


@pytest.mark.parametrize("text, expected", [
    ("=HYPERLINK(\"http://x\",\"click\")", "'=HYPERLINK(\"http://x\",\"click\")"),
    ("+7 495 000-00-00", "'+7 495 000-00-00"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("＝HYPERLINK(\"http://x\")", "'＝HYPERLINK(\"http://x\")"),  # full-width forms, converted on import
    ("＋7 495", "'＋7 495"),
    ("－2+3", "'－2+3"),
    ("＠SUM(A1)", "'＠SUM(A1)"),
    ("Москва", "Москва"),
    ("Организатор: МАГ", "Организатор: МАГ"),
    ("31октябрь-1ноябрь", "31октябрь-1ноябрь"),  # a trigger inside the text is harmless
    (" =1+1", " =1+1"),
    ("", ""),
])
def test_neutralise_prefixes_formula_text_with_an_apostrophe(text, expected):
    assert neutralise(text) == expected


HOSTILE_ROWS = {  # seed line start → the hostile row replacing it
    "1.\t": "1.\t=HYPERLINK(\"http://evil.example\",\"Сессия\")\tХабаровск май\t@Организатор: МАГ\n",
    "2.\t": "2.\t+cmd|' /C calc'!A0\tМосква февраль\t-Организатор: МАГ\n",
}


@pytest.fixture
def hostile_plan(tmp_path):
    """The seed text export with formula text in two event rows; converted into tmp_path/out."""
    lines = (SAMPLES / "plan_2024.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    for start, replacement in HOSTILE_ROWS.items():
        lines = [replacement if line.startswith(start) and "\t" in line else line for line in lines]
    source = tmp_path / "plan.txt"
    source.write_text("".join(lines), encoding="utf-8")
    assert main(["ingest", str(source), "-o", str(tmp_path / "out"), "-q"]) == 0
    return tmp_path / "out"


def csv_rows(path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_formula_text_is_neutralised_in_csv(hostile_plan):
    first, second = csv_rows(hostile_plan / "plan.events.csv")[:2]
    assert first["title"] == "'=HYPERLINK(\"http://evil.example\",\"Сессия\")"
    assert first["note"] == "'@Организатор: МАГ"
    assert second["title"] == "'+cmd|' /C calc'!A0"
    assert second["note"] == "'-Организатор: МАГ"


def test_json_keeps_the_text_as_written(hostile_plan):
    events = json.loads((hostile_plan / "plan.json").read_text(encoding="utf-8"))["events"]
    assert events[0]["title"] == "=HYPERLINK(\"http://evil.example\",\"Сессия\")"
    assert events[1]["note"] == "-Организатор: МАГ"


def test_negative_numbers_stay_numbers_in_csv(hostile_plan):
    yerevan = next(row for row in csv_rows(hostile_plan / "plan.city_days.csv") if row["city"] == "Ереван")
    assert yerevan["founded"] == "-782"
    assert all(not row["founded"].startswith("'") for row in csv_rows(hostile_plan / "plan.city_days.csv"))


def test_ordinary_csv_cells_are_unchanged(hostile_plan):
    rows = csv_rows(hostile_plan / "plan.events.csv")
    assert not any(value.startswith("'") for row in rows[2:] for value in row.values())
