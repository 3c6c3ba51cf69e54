"""FILE_OR_JSON: a JSON written by `ingest` is told from a document by its bytes and validated."""

from __future__ import annotations

import pytest

from parsers.errors import IngestError
from ingest.sources import is_plan_json, load_plan_any, plan_from_json
from tests.conftest import SAMPLES
from tests.feed_plans import expected_plan


@pytest.mark.parametrize("data, is_json", [
    (b'{"title": "x"}', True),
    (b'\xef\xbb\xbf\n  {"title": "x"}', True),          # BOM and blank lines first
    ("№ п/п\tМероприятия\n".encode(), False),          # a text export
    (b"PK\x03\x04rest", False),                          # a DOCX
    (b"<html><body>{</body></html>", False),
    (b"[1, 2]", False),                                  # JSON, but no plan object
    (b"{\\rtf1\\ansi {\\fonttbl}}", False),                # an RTF document starts with "{" too
])
def test_a_plan_json_is_told_from_a_document_by_its_bytes(data, is_json):
    assert is_plan_json(data) is is_json


def test_a_written_plan_json_loads_back_equal(tmp_path):
    plan = expected_plan()
    path = tmp_path / "plan_2024.json"
    path.write_text(plan.model_dump_json(indent=2), encoding="utf-8")
    assert load_plan_any(path) == plan


@pytest.mark.parametrize("data, message", [
    (b'{"title": "x"}', "first at source: Field required"),
    (b'{"schema_version": "9.9"', "damaged JSON"),
])
def test_a_json_that_is_not_a_plan_is_bad_input_naming_the_problem(data, message):
    with pytest.raises(IngestError, match=message) as raised:
        plan_from_json(data, "bad.json")
    assert raised.value.file == "bad.json"


def test_a_document_goes_through_the_pipeline():
    assert load_plan_any(SAMPLES / "plan_2024.txt").source.format == "text"


def test_a_missing_file_is_bad_input(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        load_plan_any(tmp_path / "none.json")
