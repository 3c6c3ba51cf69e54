"""The JSON Schemas of mag-plan's output, generated from the models.

Two are published: the plan (`mag-plan schema`, schemas/plan.schema.json) and
the diff of two plans (`mag-plan schema --diff`, schemas/diff.schema.json).
`python -m schemas.jsonschema` rewrites both files.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from schemas.diff import PlanDiff
from schemas.plan import Plan

SCHEMA_FILE = Path(__file__).with_name("plan.schema.json")
DIFF_SCHEMA_FILE = Path(__file__).with_name("diff.schema.json")


def model_schema(model: type[BaseModel], file_name: str) -> dict:
    """The JSON Schema (draft 2020-12) of ``model``, identified by its file name."""
    schema = model.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://mag-plan.invalid/{file_name}"
    return schema


def plan_schema() -> dict:
    """The JSON Schema (draft 2020-12) of a Plan."""
    return model_schema(Plan, SCHEMA_FILE.name)


def diff_schema() -> dict:
    """The JSON Schema (draft 2020-12) of a PlanDiff (`mag-plan diff --format json`)."""
    return model_schema(PlanDiff, DIFF_SCHEMA_FILE.name)


def schema_text(schema: dict | None = None) -> str:
    """A schema (the plan's by default) as the text kept in its file."""
    return json.dumps(plan_schema() if schema is None else schema, ensure_ascii=False, indent=2) + "\n"


SCHEMA_FILES = {SCHEMA_FILE: plan_schema, DIFF_SCHEMA_FILE: diff_schema}


if __name__ == "__main__":
    for path, make in SCHEMA_FILES.items():
        path.write_text(schema_text(make()), encoding="utf-8")
