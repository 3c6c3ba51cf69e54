"""A plan written by another secretary (samples/plans/plan_2026.py): the same kind of content
written otherwise. Each of its files yields exactly the hand-written tests/expected/plan_2026.json."""

from __future__ import annotations

import json

import pytest

from ingest.pipeline import ingest_file
from tests.conftest import EXPECTED, SAMPLES
from tests.test_samples import RECORD_TABLES, comparable, expected_records, plan_field

# What it writes otherwise than the 2024 plan: a "Ответственные" column with "Отв.:" labels
# and empty cells, sections "Раздел I." / "II." / "3." in capitals, sub-items typed as "а)",
# "1)" and dashes, several cities or none as the place ("в режиме ВКС", "онлайн", "по месту"),
# quarters, half-years, decades, "до", "конец мая – начало июня", "12.03.2026", "12–14.05";
# a jubilee heading citing "*" typed plainly, a city-day heading citing a raised "¹", both
# notes typed under the annex, the city-day table with its own header row (date before age).
FILES = ("plan_2026.docx", "plan_2026.html", "plan_2026.pdf", "src/plan_2026.fodt")


@pytest.fixture(scope="module")
def expected_2026() -> dict:
    return json.loads((EXPECTED / "plan_2026.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=FILES)
def plan(request):
    return ingest_file(SAMPLES / request.param)


@pytest.mark.parametrize("table", sorted(RECORD_TABLES))
def test_records_equal_the_expected_json(plan, expected_2026, table):
    got = [comparable(record) for record in getattr(plan, table)]
    assert got == expected_records(expected_2026, table)


@pytest.mark.parametrize("field", ["title", "year", "footnotes", "signatory", "warnings"])
def test_plan_fields_equal_the_expected_json(plan, expected_2026, field):
    assert plan_field(plan, field) == expected_2026[field]
