"""Tell a document's format from its bytes, never from its name."""

from __future__ import annotations

import io
import re
import zipfile

from parsers.errors import IngestError, NotADocument
from schemas.plan import SourceFormat

# How far into the file the signatures are looked for.
SNIFF_BYTES = 4096

_MARKUP = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|table|meta|div|p)[\s>/]", re.IGNORECASE)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

# Formats we recognise but do not read, with what the user can do about them.
_REFUSED = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Word .doc or an encrypted Office file; save it as DOCX"),
    (b"{\\rtf", "an RTF document; save it as DOCX"),
)
# Images a scanned plan arrives as: read through OCR.
_IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def detect_format(data: bytes) -> SourceFormat:
    """"docx", "pdf", "html", "text" or "image" (PNG, JPEG, TIFF); NotADocument for other files, IngestError for damaged ones."""
    if not data.strip():
        raise IngestError("empty file")
    head = data[:SNIFF_BYTES]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_format(data)
    if head.startswith(_IMAGES):
        return "image"
    for signature, problem in _REFUSED:
        if head.startswith(signature):
            raise NotADocument(problem)
    if _MARKUP.search(_strip_bom(head).lstrip()[:SNIFF_BYTES]):
        return "html"
    if _is_text(head):
        return "text"
    raise NotADocument("binary data that is not DOCX, PDF, HTML or text")


def _zip_format(data: bytes) -> SourceFormat:
    """A zip is a DOCX only when it holds word/document.xml (or names it as main part)."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise IngestError(f"damaged DOCX or zip archive: {error}") from None
    if "word/document.xml" in names or "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
        return "docx"
    if "content.xml" in names and "mimetype" in names:
        raise NotADocument("an OpenDocument file; save it as DOCX")
    raise NotADocument("a zip archive without word/document.xml")


def _strip_bom(head: bytes) -> bytes:
    for bom in _BOMS:
        if head.startswith(bom):
            return head[len(bom):]
    return head


def _is_text(head: bytes) -> bool:
    """Text when it has no NUL bytes and few control characters."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 13, 12))
    return controls <= len(head) // 100
