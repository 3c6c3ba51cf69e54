"""The library API: a document's bytes in, a validated Plan out.

reader → block model → extractor → records. Readers are imported only when a
document of their format arrives, so the CLI starts fast.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from pydantic import ValidationError

from ingest.detect import detect_format
from ingest.phases import Phases
from parsers.errors import IngestError, NotADocument
from parsers.limits import DEFAULT_LIMITS, Limits, check_time, time_budget
from parsers.blocks import Document, Table
from schemas.plan import Plan, Source, SourceFormat

# One function per format: each imports its reader when a document of that format arrives,
# so the CLI starts fast. Each reader takes (bytes, limits=Limits) and returns a Document.
def _read_docx(data: bytes, limits: Limits) -> Document:
    from parsers.readers.docx import read_docx
    return read_docx(data, limits=limits)


def _read_odt(data: bytes, limits: Limits) -> Document:
    from parsers.readers.odt import read_odt
    return read_odt(data, limits=limits)


def _read_fodt(data: bytes, limits: Limits) -> Document:
    from parsers.readers.odt import read_fodt
    return read_fodt(data, limits=limits)


def _read_pdf(data: bytes, limits: Limits) -> Document:
    from parsers.readers.pdf import read_pdf
    from parsers.readers.pdf.reader import NoTextLayer

    try:
        return read_pdf(data, limits=limits)
    except NoTextLayer:
        return _read_scan(data, limits)


def _read_scan(data: bytes, limits: Limits) -> Document:
    """A PDF with no text layer, read through OCR when the engine is installed."""
    from parsers.readers.scan import missing_engine, read_scan_pdf

    problem = missing_engine()
    if problem:
        raise IngestError(problem)
    return read_scan_pdf(data, limits=limits)


def _read_image(data: bytes, limits: Limits) -> Document:
    """A PNG, JPEG or TIFF of a plan, read through OCR."""
    from parsers.readers.scan import missing_engine, read_image

    problem = missing_engine("an image")
    if problem:  # skipped in a folder walk, like any file mag-plan cannot read
        raise NotADocument(problem)
    return read_image(data, limits=limits)


def _read_html(data: bytes, limits: Limits) -> Document:
    from parsers.readers.markup import read_html
    return read_html(data, limits=limits)


def _read_text(data: bytes, limits: Limits) -> Document:
    from parsers.readers.markup import read_text
    return read_text(data, limits=limits)


def _read_rtf(data: bytes, limits: Limits) -> Document:
    from parsers.readers.office import read_through_libreoffice
    return read_through_libreoffice(data, "rtf", limits=limits)


def _read_doc(data: bytes, limits: Limits) -> Document:
    from parsers.readers.office import read_through_libreoffice
    return read_through_libreoffice(data, "doc", limits=limits)


def _read_markdown(data: bytes, limits: Limits) -> Document:
    from parsers.readers.markup.markdown import read_markdown
    return read_markdown(data, limits=limits)


READERS = {"docx": _read_docx, "pdf": _read_pdf, "html": _read_html, "text": _read_text,
           "markdown": _read_markdown, "odt": _read_odt, "fodt": _read_fodt, "rtf": _read_rtf,
           "doc": _read_doc, "image": _read_image}


def read_document(data: bytes, fmt: SourceFormat, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Run the reader for ``fmt`` on ``data``, within ``limits``."""
    document = READERS[fmt](data, limits)
    limits.check_table_cells(table_cells(document))
    return document


def table_cells(document: Document) -> int:
    """How many grid cells the document's tables span, all together (merged cells counted
    in every row and column they cover: ``grid.grid_cells``)."""
    from parsers.plan.grid import grid_cells

    return sum(grid_cells(block) for block in document.blocks if isinstance(block, Table))


def with_reader_warnings(message: str, warnings, shown: int = 2) -> str:
    """``message`` followed by what the reader warned of (the first ``shown`` warnings): when no
    plan is found, that is often why (a table the reader could not read as one)."""
    said = [f"{w.message} ({w.where})" if w.where else w.message for w in warnings[:shown]]
    if len(warnings) > shown:
        said.append(f"{len(warnings) - shown} more warning(s)")
    return "; the reader warned: ".join([message, "; ".join(said)]) if said else message


def plan_from_document(document: Document, source: Source) -> Plan:
    """Extract and validate the plan records of a block model."""
    from parsers.plan import NoEventTable, extract_plan

    try:
        return extract_plan(document, source)
    except NoEventTable as error:
        raise IngestError(with_reader_warnings(str(error), document.warnings)) from None
    except ValidationError as error:  # a record the extractor built wrongly is a bug, not bad input
        raise RuntimeError(f"extracted records do not validate: {error}") from error


def ingest_bytes(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS, phases: Phases | None = None) -> Plan:
    """The plan in a document given as bytes; ``name`` is recorded as its source file.
    ``phases``, when given, records how long detection, reading and extraction took.

    The size is the reader's to check, before it parses anything (detection only sniffs
    the head), so the bytes are measured once; hashing waits until the reader accepted them."""
    phases = phases or Phases()
    with phases("detect"):
        fmt = detect_format(data)
    phases.notes.update(format=fmt, reader=READERS[fmt].__name__.lstrip("_"))
    with time_budget(limits):
        with phases("read"):
            document = read_document(data, fmt, limits)
        check_time("the end of reading")
        with phases("extract and validate"):
            source = Source(file=name, format=fmt, sha256=hashlib.sha256(data).hexdigest(), ocr=document.ocr)
            return plan_from_document(document, source)


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

    The size is checked once: as the file system states it, before reading, so a huge file
    is never loaded; else as read, one byte past the limit at most (a pipe or a growing file
    has no trustworthy size).
    """
    if not path.exists():
        if path.is_symlink():
            raise IngestError("a symbolic link that leads nowhere (a loop, or its target is gone)", str(path))
        raise IngestError("no such file", str(path))
    if path.is_dir():
        raise IngestError("is a folder, not a document", str(path))
    try:
        # Opened without blocking, then checked: a FIFO waits forever for a writer, a device
        # never ends; only a regular file is read.
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise IngestError("is not a regular file (a pipe, socket or device?); not read", str(path))
            os.set_blocking(stream.fileno(), True)
            stated = status.st_size
            data = stream.read(limits.max_input_bytes + 1) if stated <= limits.max_input_bytes else b""
        limits.check_input_size(max(stated, len(data)))
        return data
    except OSError as error:
        raise IngestError(f"cannot be read: {error.strerror or error}", str(path)) from None
