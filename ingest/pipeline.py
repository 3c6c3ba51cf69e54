"""The library API: a document's bytes in, a validated Plan out.

reader → block model → extractor → records. Readers are imported only when a
document of their format arrives, so the CLI starts fast.
"""

from __future__ import annotations

import gc
import hashlib
import threading
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from ingest.detect import detect_format
from parsers.errors import IngestError
from parsers.limits import DEFAULT_LIMITS, Limits
from parsers.blocks import Document, Table
from schemas.plan import Plan, PlanWarning, Source, SourceFormat

# collector_paused: how many reads are running, and whether the collector ran before the first.
_PAUSE_LOCK = threading.Lock()
_pauses = 0
_resume = False


# One function per format: each imports its reader when a document of that format arrives,
# so the CLI starts fast. Each reader takes (bytes, limits=Limits) and returns a Document.
def _read_docx(data: bytes, limits: Limits) -> Document:
    from parsers.readers.docx import read_docx
    return read_docx(data, limits=limits)


def _read_pdf(data: bytes, limits: Limits) -> Document:
    from parsers.readers.pdf import read_pdf
    return read_pdf(data, limits=limits)


def _read_html(data: bytes, limits: Limits) -> Document:
    from parsers.readers.markup import read_html
    return read_html(data, limits=limits)


def _read_text(data: bytes, limits: Limits) -> Document:
    from parsers.readers.markup import read_text
    return read_text(data, limits=limits)


READERS = {"docx": _read_docx, "pdf": _read_pdf, "html": _read_html, "text": _read_text}


def read_document(data: bytes, fmt: SourceFormat, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Run the reader for ``fmt`` on ``data``, within ``limits``."""
    document = READERS[fmt](data, limits)
    limits.check_table_cells(table_cells(document))
    return document


def table_cells(document: Document) -> int:
    """How many cells the document's tables hold, all together."""
    return sum(len(row.cells) for block in document.blocks if isinstance(block, Table) for row in block.rows)


def plan_from_document(document: Document, source: Source) -> Plan:
    """Extract and validate the plan records of a block model."""
    from parsers.plan import NoEventTable, extract_plan

    try:
        found = extract_plan(document)
    except NoEventTable as error:
        raise IngestError(str(error)) from None
    reader_warnings = [PlanWarning(code=w.code, message=w.message, where=w.where) for w in document.warnings]
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


def ingest_bytes(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Plan:
    """The plan in a document given as bytes; ``name`` is recorded as its source file."""
    limits.check_input_size(len(data))
    fmt = detect_format(data)
    source = Source(file=name, format=fmt, sha256=hashlib.sha256(data).hexdigest())
    with collector_paused():
        return plan_from_document(read_document(data, fmt, limits), source)


@contextmanager
def collector_paused():
    """Pause Python's cyclic garbage collector while a document is read, then resume it.

    Reading builds hundreds of thousands of small objects (parse trees, blocks, records)
    that all live until the plan is made; the collector would walk them again and again
    and find nothing to free: they are acyclic, but for the HTML reader's BeautifulSoup
    tree, which is freed once the collector resumes. Measured with bench/formats.py: 5-10 % of the time, and
    the same peak memory (10,000 events, 50 PDF pages). Nested and concurrent calls (threads)
    share one pause; the collector resumes when the last one ends, if it was running before.
    """
    global _pauses, _resume
    with _PAUSE_LOCK:
        if not _pauses:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _pauses -= 1
            if not _pauses and _resume:
                gc.enable()


def ingest_file(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Plan:
    """The plan in the document at ``path``; IngestError names the file on bad input."""
    path = Path(path)
    try:
        data = read_input(path, limits)
        return ingest_bytes(data, path.name, limits)
    except IngestError as error:
        error.file = error.file or str(path)
        raise


def read_input(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes, or an IngestError saying why they cannot be had.

    The size is checked before reading, so a huge file is never loaded.
    """
    if not path.exists():
        raise IngestError("no such file", str(path))
    if path.is_dir():
        raise IngestError("is a folder, not a document", str(path))
    try:
        limits.check_input_size(path.stat().st_size)
        with path.open("rb") as stream:
            # Read one byte past the limit: a pipe or a growing file has no trustworthy size.
            data = stream.read(limits.max_input_bytes + 1)
        limits.check_input_size(len(data))
        return data
    except OSError as error:
        raise IngestError(f"cannot be read: {error.strerror or error}", str(path)) from None
