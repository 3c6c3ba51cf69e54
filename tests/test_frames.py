"""frames(plans): one DataFrame per table across plans, one row per record, typed dates."""

import subprocess
import sys

import pandas as pd
import pytest

from ingest.frames import PLAN_COLUMNS, TABLES, frames
from schemas.tables import flat_columns
from tests.conftest import ROOT
from tests.feed_plans import expected_plan, with_date_pieces


@pytest.fixture(scope="module")
def plans():
    plan = with_date_pieces(expected_plan())
    later = plan.model_copy(update={"year": 2025, "source": plan.source.model_copy(update={"file": "plan_2025.pdf"}),
                                    "events": plan.events[:3]})
    return [plan, later]


@pytest.fixture(scope="module")
def tables(plans):
    return frames(plans)


@pytest.mark.parametrize("table", list(TABLES))
def test_one_row_per_record_of_every_plan_in_order(plans, tables, table):
    frame = tables[table]
    assert list(frame.columns) == [*PLAN_COLUMNS, *flat_columns(TABLES[table])]
    assert len(frame) == sum(len(getattr(plan, table)) for plan in plans)
    expected = [(plan.year, plan.source.file) for plan in plans for _ in getattr(plan, table)]
    assert list(zip(frame["year"], frame["file"])) == expected


def test_the_year_is_an_integer_column(tables):
    assert tables["events"]["year"].dtype == "Int64"
    assert tables["events"].groupby("year").size().to_dict() == {2024: 19, 2025: 3}


@pytest.mark.parametrize("table", ["events", "jubilees", "city_days"])
def test_dates_are_datetimes_and_a_date_without_a_day_is_nat(tables, table):
    for column in ("date_start", "date_end"):
        assert pd.api.types.is_datetime64_any_dtype(tables[table][column])


def test_date_values(tables):
    events = tables["events"].set_index("id")
    assert events.loc["2024-10", "date_start"] == pd.Timestamp(2024, 10, 31)
    assert events.loc["2024-10", "date_end"] == pd.Timestamp(2024, 11, 1)
    assert pd.isna(events.loc["2024-04", "date_start"])  # "по отдельному графику"


def test_lists_are_joined_as_in_the_csv_and_other_values_kept(plans, tables):
    first = plans[0].events[0]
    row = tables["events"].iloc[0]
    assert row["organizers"] == "; ".join(first.organizers)
    assert (row["number"], row["participation"], row["title"]) == (first.number, first.participation, first.title)


def test_no_plans_give_empty_frames_with_their_columns():
    empty = frames([])
    assert list(empty) == list(TABLES)
    assert all(frame.empty and list(frame.columns)[:2] == list(PLAN_COLUMNS) for frame in empty.values())


def test_importing_frames_does_not_import_pandas():
    code = "import sys, ingest.frames; print('pandas' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "False"
