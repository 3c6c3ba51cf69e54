"""schemas/diff.schema.json is generated from the diff model and must not go stale."""

from schemas.jsonschema import DIFF_SCHEMA_FILE, diff_schema, schema_text


def test_the_committed_diff_schema_matches_the_model():
    assert DIFF_SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(diff_schema()), (
        "schemas/diff.schema.json is stale: run python -m schemas.jsonschema")


def test_the_diff_schema_forbids_unknown_fields():
    schema = diff_schema()
    assert schema["additionalProperties"] is False
    assert all(definition.get("additionalProperties") is False for definition in schema["$defs"].values())
