"""One loader for every command that takes a plan: a source document or the JSON `ingest` wrote.

`export`, `diff` and anything else that accepts "FILE_OR_JSON" calls ``load_plan_any``, so
a plan read from a DOCX and the same plan read back from its JSON are one and the same thing.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from pydantic import ValidationError

from parsers.errors import IngestError
from parsers.limits import DEFAULT_LIMITS, Limits
from ingest.pipeline import ingest_bytes, read_input
from schemas.plan import Plan

STDIN = Path("-")
STDIN_NAME = "stdin"
_BOM = b"\xef\xbb\xbf"
# A JSON object opens with "{" and then, past any whitespace, a quoted key or "}": an RTF
# document ("{\rtf1") or other text in braces does not.
_JSON_OBJECT_START = re.compile(rb"\{[ \t\r\n]*[\"}]")


def is_plan_json(data: bytes) -> bool:
    """True when ``data`` opens as a JSON object (what `ingest` writes), not as a source document."""
    return _JSON_OBJECT_START.match(data.removeprefix(_BOM).lstrip()) is not None


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


def load_plan_any(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Plan:
    """The plan in ``path`` (- for stdin): a JSON written by `ingest` (validated), else a document
    run through the pipeline within ``limits`` (the JSON is held to the same input size)."""
    path = Path(path)
    shown = STDIN_NAME if path == STDIN else str(path)  # in messages: the path as given
    try:
        data = read_source(path, limits)
        if is_plan_json(data):
            return plan_from_json(data, shown)
        return ingest_bytes(data, input_name(path), limits)
    except IngestError as error:
        error.file = error.file or shown
        raise


def read_source(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of the file at ``path``, or of standard input for -, within the size limit."""
    if path != STDIN:
        return read_input(path, limits)
    data = sys.stdin.buffer.read(limits.max_input_bytes + 1)  # a pipe has no size to check first
    try:
        limits.check_input_size(len(data))
    except IngestError as error:
        error.file = STDIN_NAME
        raise
    return data


def input_name(path: Path) -> str:
    """The name an input is recorded under: its file name, or "stdin"."""
    return STDIN_NAME if path == STDIN else path.name
