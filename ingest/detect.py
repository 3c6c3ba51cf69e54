"""Tell a document's format from its bytes, never from its name."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

from parsers.errors import IngestError, NotADocument
from schemas.plan import SourceFormat

# How far into the file the signatures are looked for.
SNIFF_BYTES = 4096
# How much of a text file's start and of its end is searched for Markdown structure: a
# plan's title and first table, its annex tables and footnotes (pandoc writes the notes
# last). Bounded, so a 50 MB file is sniffed in milliseconds.
STRUCTURE_BYTES = 256 * 1024

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF_SIGNATURE = b"{\\rtf"  # an RTF file starts with its group; a JSON object starts with "{" too
ODF_OFFICE_NS = b"urn:oasis:names:tc:opendocument:xmlns:office:1.0"
ODF_TEXT_MIMETYPES = frozenset({"application/vnd.oasis.opendocument.text",
                                "application/vnd.oasis.opendocument.text-template"})
# A flat OpenDocument file: what may stand before its root (XML declaration, comments,
# processing instructions, a DOCTYPE: the reader refuses that one), then the root
# <office:document ...> with any prefix.
_XML_PROLOGUE = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)", re.DOTALL)
_FLAT_ODF_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?document\s[^>]*>", re.DOTALL)
_MIMETYPE_ATTRIBUTE = re.compile(rb"""[\s:]mimetype\s*=\s*["']([^"']*)["']""")

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

# Images a scanned plan arrives as: read through OCR.
_IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def detect_format(data: bytes) -> SourceFormat:
    """"docx", "odt", "fodt", "rtf", "doc", "pdf", "html", "markdown", "text" or "image" (PNG,
    JPEG, TIFF); NotADocument for other files, IngestError for damaged ones. A zip of one web
    page and its parts, and a Single File Web Page (MHTML), are "html"."""
    if not data or data.isspace():  # no copy of a large input, as strip() would make
        raise IngestError("empty file")
    head = data[:SNIFF_BYTES]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_format(data)
    if head.startswith(OLE2_SIGNATURE):
        return _compound_format(data)
    if head.startswith(RTF_SIGNATURE):
        return "rtf"
    if head.startswith(_IMAGES):
        return "image"
    if _is_flat_opendocument(_strip_bom(head)):
        return "fodt"
    # A Single File Web Page (Word's .mht, Chromium's MHTML): its page is read. is_mhtml is the one
    # rule (media types ignore case); it turns most text down at its first line, and a text file's
    # reader loads the markup package anyway.
    from parsers.readers.markup.packaged import is_mhtml

    if is_mhtml(head):
        return "html"
    if not _is_text(head):
        raise NotADocument("binary data that is not DOCX, ODT, RTF, DOC, PDF, HTML, text or an image")
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
    """A zip is a DOCX when it holds word/document.xml (or names it as main part), an ODT
    when its mimetype member says OpenDocument text and it holds content.xml."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        mimetype = _small_member(archive, "mimetype") if "mimetype" in names else None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error) as error:
        raise IngestError(f"damaged DOCX or zip archive: {error}") from None
    if "word/document.xml" in names or "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
        return "docx"
    if mimetype is not None and mimetype.startswith("application/vnd.oasis.opendocument."):
        if mimetype not in ODF_TEXT_MIMETYPES:
            raise NotADocument(f"an OpenDocument file that is not a text document ({mimetype})")
        if "content.xml" not in names:
            raise IngestError("damaged OpenDocument file: no content.xml in the archive")
        return "odt"
    if mimetype:  # a package naming its own format (an EPUB book, application/epub+zip), pages in it or not
        raise NotADocument(f"a zip package of another format ({mimetype[:60]}), not DOCX, ODT or a web page")
    from parsers.readers.markup.packaged import page_members

    if page_members(list(names)):  # Google Docs' "Web page (.html, zipped)", a zipped Word page
        return "html"  # (the reader refuses a zip of several pages, naming them)
    raise NotADocument("a zip archive without word/document.xml, an OpenDocument text or a web page")


def _small_member(archive: zipfile.ZipFile, name: str, most: int = 200) -> str:
    """The first ``most`` bytes of a member as text; never inflates more than that."""
    with archive.open(name) as member:
        return member.read(most).decode("ascii", "replace").strip()


def _is_flat_opendocument(head: bytes) -> bool:
    """True when the XML's root is an OpenDocument office:document of a text document.

    A flat ODS or ODP is refused here rather than read as markup."""
    position = 0
    while prologue := _XML_PROLOGUE.match(head, position):
        position = prologue.end()
    position = len(head) - len(head[position:].lstrip())
    root = _FLAT_ODF_ROOT.match(head, position)
    if root is None or ODF_OFFICE_NS not in root.group(0):
        return False
    mimetype = _MIMETYPE_ATTRIBUTE.search(root.group(0))
    if mimetype and mimetype.group(1).decode("ascii", "replace") not in ODF_TEXT_MIMETYPES:
        raise NotADocument(f"a flat OpenDocument file that is not a text document "
                           f"({mimetype.group(1).decode('ascii', 'replace')})")
    return True


# What a compound file's root streams say it is (the first match wins). A password-protected
# file is a document that cannot be read (an error, as an encrypted PDF is; a folder walk
# reports it); a workbook or presentation is no document (a folder walk skips it).
ENCRYPTED_PACKAGE = "EncryptedPackage"
_COMPOUND_KINDS = (
    ("WordDocument", None),
    ("Workbook", "an Excel workbook, not a document"),
    ("Book", "an Excel workbook, not a document"),
    ("PowerPoint Document", "a PowerPoint presentation, not a document"),
)


def _compound_format(data: bytes) -> SourceFormat:
    """An OLE2 compound file is a legacy Word .doc when it holds a WordDocument stream.

    An encrypted DOCX (or any password-protected Office 2007+ file) is also a compound
    file, with an EncryptedPackage stream instead: it cannot be read without its password.
    olefile reads the compound directory (the streams' names) without reading the streams."""
    import olefile

    try:
        with olefile.OleFileIO(data) as compound:
            names = {entry[0] for entry in compound.listdir(streams=True, storages=True)}
    except (OSError, ValueError, IndexError, struct.error) as error:
        raise IngestError(f"damaged Office compound file: {error}") from None
    if ENCRYPTED_PACKAGE in names:
        raise IngestError("an Office document protected by a password; save it without the password")
    for name, problem in _COMPOUND_KINDS:
        if name in names:
            if problem is None:
                return "doc"
            raise NotADocument(problem)
    raise NotADocument("an OLE2 compound file that is not a Word document")


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
