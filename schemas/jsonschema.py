"""The JSON Schema of mag-plan's output, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path

from schemas.plan import Plan

SCHEMA_FILE = Path(__file__).with_name("plan.schema.json")


def plan_schema() -> dict:
    """The JSON Schema (draft 2020-12) of a Plan."""
    schema = Plan.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://mag-plan.invalid/plan.schema.json"
    return schema


def schema_text() -> str:
    """The schema as the text kept in schemas/plan.schema.json."""
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
