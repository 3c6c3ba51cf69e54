"""The library API: a document's bytes in, a validated Plan out.

reader → block model → extractor → records. Readers are imported only when a
document of their format arrives, so the CLI starts fast.
"""

from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

from pydantic import ValidationError

from ingest.detect import detect_format
from ingest.errors import IngestError
from parsers.blocks import Document
from schemas.plan import Plan, PlanWarning, Source, SourceFormat

# format -> "module:function" of its reader (bytes -> Document)
READERS: dict[str, str] = {
    "docx": "parsers.docx:read_docx",
    "pdf": "parsers.pdf:read_pdf",
    "html": "parsers.html:read_html",
    "text": "parsers.text:read_text",
}


def read_document(data: bytes, fmt: SourceFormat) -> Document:
    """Run the reader for ``fmt`` on ``data``."""
    module_name, function = READERS[fmt].split(":")
    reader = getattr(importlib.import_module(module_name), function)
    return reader(data)


def plan_from_document(document: Document, source: Source) -> Plan:
    """Extract and validate the plan records of a block model."""
    from parsers.plan import NoEventTable, extract_plan

    try:
        found = extract_plan(document)
    except NoEventTable as error:
        raise IngestError(str(error)) from None
    reader_warnings = [PlanWarning(code="reader", message=message) for message in document.warnings]
    try:
        return Plan(
            source=source,
            title=found.title,
            year=found.year,
            events=found.events,
            jubilees=found.jubilees,
            city_days=found.city_days,
            footnotes=found.footnotes,
            signatory=found.signatory,
            warnings=reader_warnings + found.warnings,
        )
    except ValidationError as error:  # a record the extractor built wrongly is a bug, not bad input
        raise RuntimeError(f"extracted records do not validate: {error}") from error


def ingest_bytes(data: bytes, name: str) -> Plan:
    """The plan in a document given as bytes; ``name`` is recorded as its source file."""
    fmt = detect_format(data)
    source = Source(file=name, format=fmt, sha256=hashlib.sha256(data).hexdigest())
    return plan_from_document(read_document(data, fmt), source)


def ingest_file(path: str | Path) -> Plan:
    """The plan in the document at ``path``; IngestError names the file on bad input."""
    path = Path(path)
    try:
        data = read_input(path)
        return ingest_bytes(data, path.name)
    except IngestError as error:
        error.file = error.file or str(path)
        raise


def read_input(path: Path) -> bytes:
    """The file's bytes, or an IngestError saying why they cannot be had."""
    if not path.exists():
        raise IngestError("no such file", str(path))
    if path.is_dir():
        raise IngestError("is a folder, not a document", str(path))
    try:
        return path.read_bytes()
    except OSError as error:
        raise IngestError(f"cannot be read: {error.strerror or error}", str(path)) from None
