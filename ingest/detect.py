"""Tell a document's format from its bytes, never from its name."""

from __future__ import annotations

import io
import re
import zipfile

from parsers.errors import IngestError, NotADocument
from schemas.plan import SourceFormat

# How far into the file the signatures are looked for.
SNIFF_BYTES = 4096
# How much of a text file's start and of its end is searched for Markdown structure: a
# plan's title and first table, its annex tables and footnotes (pandoc writes the notes
# last). Bounded, so a 50 MB file is sniffed in milliseconds.
STRUCTURE_BYTES = 256 * 1024

# Text files: which reader gets one is decided here, by the file's structure (_text_format).
# A page: these elements anywhere near the start.
_PAGE = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|meta)[\s>/]", re.IGNORECASE)
# An HTML fragment: the file starts with one of these.
_FRAGMENT = re.compile(rb"<\s*(?:table|div|p|style|title|h[1-6]|ul|ol)[\s>/]", re.IGNORECASE)
# The line patterns below start at a line's "\n" rather than at "^": a literal start lets
# the regex engine skip ahead, ten times faster (the text searched starts and ends with "\n").
# A text export: tab-separated cells (a tab after text on a line), but not a Markdown
# list item whose marker a tab follows ("1.\tfirst", "-\titem").
_TAB_ROW = re.compile(rb"\n(?! {0,3}(?:[-*+]|[0-9]{1,9}[.)])\t)[^\r\n]*[^\s]\t")
# Markdown block syntax that neither a text export nor an HTML page writes.
_DELIMITER_CELL = rb"[ \t]*:?-+:?[ \t]*"
_MARKDOWN_SYNTAX = (
    # a pipe table's delimiter row: "|---|:--|", "--- | ---"
    rb"\n {0,3}(?:\|" + _DELIMITER_CELL + rb")+\|?[ \t]*\r?\n",
    rb"\n {0,3}" + _DELIMITER_CELL + rb"(?:\|" + _DELIMITER_CELL + rb")+\|?[ \t]*\r?\n",
    rb"\n {0,3}\[\^[^\]\s]+\]:",  # a footnote definition "[^1]: ..."
    rb"\n {0,3}#{1,6}[ \t]+\S",  # an ATX heading "# Title"
    rb"\\\r?\n[ \t]*\S",  # a hard line break written as a trailing backslash
)
_MARKDOWN = re.compile(b"|".join(b"(?:" + form + b")" for form in _MARKDOWN_SYNTAX))
# An HTML block inside Markdown: a line that opens a block element, after text.
_HTML_BLOCK = re.compile(rb"\n {0,3}<(?:table|div|section|p|ul|ol|h[1-6]|blockquote|pre)[\s>/]", re.IGNORECASE)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

# Formats we recognise but do not read, with what the user can do about them.
_REFUSED = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Word .doc or an encrypted Office file; save it as DOCX"),
    (b"{\\rtf", "an RTF document; save it as DOCX"),
    (b"\x89PNG", "a PNG image, not a document"),
    (b"\xff\xd8\xff", "a JPEG image, not a document"),
)


def detect_format(data: bytes) -> SourceFormat:
    """"docx", "pdf", "html", "markdown" or "text"; NotADocument for other files, IngestError for damaged ones."""
    if not data.strip():
        raise IngestError("empty file")
    head = data[:SNIFF_BYTES]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_format(data)
    for signature, problem in _REFUSED:
        if head.startswith(signature):
            raise NotADocument(problem)
    if not _is_text(head):
        raise NotADocument("binary data that is not DOCX, PDF, HTML or text")
    return _text_format(data)


def _text_format(data: bytes) -> SourceFormat:
    """Which reader a text file gets, from its structure:

    1. "html": a page (``<html>``, ``<!DOCTYPE html>``, ``<body>``... near the start);
    2. "markdown": Markdown block syntax (a pipe table's delimiter row, a ``[^1]:``
       footnote definition, a ``# heading``, a trailing-backslash line break), unless the
       file is a text export of tab-separated rows;
    3. "html": a fragment, the file starting with ``<table>``, ``<div>``, ``<p>``, ``<style>``...;
    4. "text": a text export of tab-separated rows (``**bold**``, ``<b>`` and the like in it);
    5. "markdown": text with HTML blocks among its lines (a line opening ``<table>``, as
       pandoc writes a table it cannot write as a pipe table);
    6. "text" otherwise. "<table>" inside a sentence is prose, not markup.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 (Notepad's "Unicode"): look at its text
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    start = _strip_bom(data[:SNIFF_BYTES]).lstrip()
    if _PAGE.search(start):
        return "html"
    sample = b"\n" + _start_and_end(data) + b"\n"
    tab_rows = b"\t" in sample and _TAB_ROW.search(sample) is not None
    if not tab_rows and _MARKDOWN.search(sample):
        return "markdown"
    if _FRAGMENT.match(start):
        return "html"
    if not tab_rows and _HTML_BLOCK.search(sample):
        return "markdown"
    return "text"


def _start_and_end(data: bytes) -> bytes:
    """The first and last STRUCTURE_BYTES of the file, the end from a line's start."""
    if len(data) <= 2 * STRUCTURE_BYTES:
        return data
    end = data[-STRUCTURE_BYTES:]
    return data[:STRUCTURE_BYTES] + b"\n" + end[end.find(b"\n") + 1:]


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
