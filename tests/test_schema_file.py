"""schemas/plan.schema.json is generated from the models and must not go stale."""

import json

import jsonschema

from ingest.pipeline import ingest_file
from schemas.jsonschema import SCHEMA_FILE, schema_text
from tests.conftest import SAMPLES


def test_the_committed_schema_matches_the_models():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "schemas/plan.schema.json is stale: run python -m schemas.jsonschema")


def test_the_output_validates_against_the_schema():
    plan = json.loads(ingest_file(SAMPLES / "plan_2024.txt").model_dump_json())
    jsonschema.validate(plan, json.loads(schema_text()))
