"""One loader for every command that takes a plan: a source document or the JSON `ingest` wrote.

`export`, `diff` and anything else that accepts "FILE_OR_JSON" calls ``load_plan_any``, so
a plan read from a DOCX and the same plan read back from its JSON are one and the same thing.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from parsers.errors import IngestError
from parsers.limits import DEFAULT_LIMITS, Limits
from ingest.pipeline import ingest_bytes, read_input
from schemas.plan import Plan

_BOM = b"\xef\xbb\xbf"
# A JSON object opens with "{" and then, past any whitespace, a quoted key or "}": an RTF
# document ("{\rtf1") or other text in braces does not.
_JSON_OBJECT_START = re.compile(rb"\{[ \t\r\n]*[\"}]")


def is_plan_json(data: bytes) -> bool:
    """True when ``data`` opens as a JSON object (what `ingest` writes), not as a source document."""
    return _JSON_OBJECT_START.match(data.removeprefix(_BOM).lstrip()) is not None


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


def load_plan_any(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Plan:
    """The plan in ``path``: a JSON written by `ingest` (validated), else a document run through the
    pipeline within ``limits`` (the JSON is held to the same input size)."""
    path = Path(path)
    try:
        data = read_input(path, limits)
        if is_plan_json(data):
            return plan_from_json(data, str(path))
        return ingest_bytes(data, path.name, limits)
    except IngestError as error:
        error.file = error.file or str(path)
        raise
