"""One loader for every command that takes a plan: a source document or the JSON `ingest` wrote.

`export`, `diff` and anything else that accepts "FILE_OR_JSON" calls ``load_plan_any``, so
a plan read from a DOCX and the same plan read back from its JSON are one and the same thing.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from parsers.errors import IngestError
from ingest.pipeline import ingest_file, read_input
from schemas.plan import Plan

# A JSON document starts with "{" once any byte-order mark and whitespace are skipped.
_BOM = b"\xef\xbb\xbf"
_JSON_START = b"{"


def is_plan_json(data: bytes) -> bool:
    """True when ``data`` looks like a JSON object (what `ingest` writes), not a source document."""
    return data.removeprefix(_BOM).lstrip().startswith(_JSON_START)


def is_plan_csv(data: bytes) -> bool:
    """True when ``data`` is one of the CSV tables `ingest` writes (its header row is one of ours),
    so a folder that is both input and output is not read back as documents."""
    from schemas.tables import TABLES, columns

    first_line = data.removeprefix(_BOM).split(b"\r\n", 1)[0].split(b"\n", 1)[0]
    return any(first_line == ",".join(columns(model)).encode("utf-8") for model in TABLES.values())


def plan_from_json(data: bytes, name: str = "JSON") -> Plan:
    """A Plan validated from the JSON `ingest` wrote; IngestError says what does not fit."""
    try:
        return Plan.model_validate_json(data.removeprefix(_BOM))
    except ValidationError as error:
        errors = error.errors()
        first = next((e for e in errors if e["type"] == "missing"), errors[0])  # a missing field says most
        if first["type"] == "json_invalid":
            raise IngestError(f"damaged JSON: {first['msg']}", name) from None
        where = ".".join(str(part) for part in first["loc"]) or "document"
        raise IngestError(f"not a mag-plan JSON ({error.error_count()} problems; first at {where}: "
                          f"{first['msg']})", name) from None


def load_plan_any(path: str | Path) -> Plan:
    """The plan in ``path``: a JSON written by `ingest` (validated), else a document run through the pipeline."""
    path = Path(path)
    data = read_input(path)
    if is_plan_json(data):
        return plan_from_json(data, str(path))
    return ingest_file(path)
