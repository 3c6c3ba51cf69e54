"""FILE_OR_JSON: a JSON written by `ingest` is told from a document by its bytes and validated."""

from __future__ import annotations

import pytest

from parsers.errors import IngestError
from parsers.limits import Limits
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
    (b'{ \n "title": "x"}', True),
    (b"{}", True),
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl{\\f0 Times;}} \\u1055?}", False),  # RTF opens with a brace too
    (b"{{ template }}", False),
    (b"{1: 2}", False),
])
def test_a_plan_json_is_told_from_a_document_by_its_bytes(data, is_json):
    assert is_plan_json(data) is is_json


def test_a_written_plan_json_loads_back_equal(tmp_path):
    plan = expected_plan()
    path = tmp_path / "plan_2024.json"
    path.write_text(plan.model_dump_json(indent=2), encoding="utf-8")
    assert load_plan_any(path) == plan


def written_json(folder):
    """The expected 2024 plan as the JSON `ingest` writes, in ``folder``."""
    path = folder / "plan_2024.json"
    path.write_text(expected_plan().model_dump_json(indent=2), encoding="utf-8")
    return path


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


def test_an_rtf_is_not_taken_for_damaged_json(tmp_path):
    path = tmp_path / "plan.rtf"
    path.write_bytes(b"{\\rtf1\\ansi\\deff0 {\\fonttbl{\\f0 Times;}} hello}")
    with pytest.raises(IngestError) as raised:
        load_plan_any(path)
    assert "JSON" not in raised.value.message and raised.value.file == str(path)


@pytest.mark.parametrize("make_path", [lambda d: SAMPLES / "plan_2024.txt", written_json],
                         ids=["document", "json"])
def test_the_size_limit_holds_for_documents_and_json_and_names_the_file(tmp_path, make_path):
    path = make_path(tmp_path)
    with pytest.raises(IngestError, match="over the 1.0 KB limit") as raised:
        load_plan_any(path, limits=Limits(max_input_bytes=1024))
    assert raised.value.file == str(path)
