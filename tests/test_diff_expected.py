"""The diffs 2023→2024 and 2024→2025 equal the hand-written tests/expected/diff_*.json.

Every pair (and each of its changes), every addition and removal, and the cities
are checked, whatever formats the two plans are read from.
"""

from __future__ import annotations

import json

import pytest

from ingest.diff.plans import diff_plans
from tests.conftest import EXPECTED
from tests.sample_plans import format_pair, sample_plan

EXPECTED_DIFFS = ["diff_2023_2024.json", "diff_2024_2025.json"]
# (old format, new format): the same content must give the same diff.
FORMAT_PAIRS = [format_pair(*pair) for pair in (
    ("docx", "docx"), ("html", "html"), ("docx", "html"), ("html", "docx"), ("pdf", "pdf"), ("pdf", "html"))]


@pytest.fixture(scope="module", params=EXPECTED_DIFFS)
def expected(request) -> dict:
    return json.loads((EXPECTED / request.param).read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=FORMAT_PAIRS)
def formats(request) -> tuple[str, str]:
    return request.param


@pytest.fixture
def diff(expected, formats):
    old_format, new_format = formats
    return diff_plans(sample_plan(expected["old"], old_format), sample_plan(expected["new"], new_format))


def test_every_pair_is_found_in_the_new_plans_order(diff, expected):
    assert [(p.old, p.new) for p in diff.pairs] == [(p["old"], p["new"]) for p in expected["pairs"]]


def test_every_pair_reports_exactly_its_changes(diff, expected):
    got = {(p.old, p.new): json.loads(p.model_dump_json())["changes"] for p in diff.pairs}
    for pair in expected["pairs"]:
        assert got[pair["old"], pair["new"]] == pair["changes"], f"{pair['old']} → {pair['new']}"


def test_every_pair_gives_its_reasons_and_a_score_over_the_threshold(diff, expected):
    got = {(p.old, p.new): p for p in diff.pairs}
    for pair in expected["pairs"]:
        found = got[pair["old"], pair["new"]]
        assert set(pair["reasons"]) <= set(found.reasons), f"{pair['old']} → {pair['new']}: {found.reasons}"
        assert diff.threshold <= found.score <= 1


def test_added_removed_and_unchanged(diff, expected):
    assert (diff.added, diff.removed, diff.unchanged) == (expected["added"], expected["removed"],
                                                          expected["unchanged"])
    assert diff.year_difference == expected["year_difference"]


def test_look_alikes_are_not_paired(diff, expected):
    pairs = {(p.old, p.new) for p in diff.pairs}
    for old, new in expected["must_not_pair"]:
        assert (old, new) not in pairs


@pytest.mark.parametrize("table", ["jubilees", "city_days"])
def test_cities_added_removed_moved_and_warned(diff, expected, table):
    got = json.loads(getattr(diff, table).model_dump_json())
    want = expected[table]
    for key in ("added", "removed", "changed", "unchanged"):
        assert got[key] == want[key], key
    assert [{"code": w["code"], "where": w["where"]} for w in got["warnings"]] == want["warnings"]
