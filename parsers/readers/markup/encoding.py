"""Bytes to text: a byte-order mark first, then a declared charset, then guesses.

Files arrive from offices that save in UTF-8 or in the Windows Cyrillic code
page; this module is the one place that decides which. BeautifulSoup's
EncodingDetector finds the byte-order mark and the declaration; the order of
trust, the browsers' aliases, the guesses and their warnings are ours (its
UnicodeDammit would fall back to windows-1252 and warn nobody). It returns the
text and the warnings a guess deserves, and never raises on odd bytes.
"""

from __future__ import annotations

import codecs
from typing import Callable

from parsers.blocks import ReaderWarning
from parsers.errors import IngestError
from parsers.limits import Limits

# What browsers actually use for some declared names (WHATWG Encoding standard):
# a page that says "iso-8859-1" is decoded as windows-1252, one that says
# "utf-16" without a byte-order mark cannot be UTF-16 and is read as UTF-8.
DECLARED_ALIASES = {
    "iso-8859-1": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "us-ascii": "windows-1252",
    "ascii": "windows-1252",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}

# Tried in order when nothing is declared: strict UTF-8 rarely passes by accident.
GUESSES = ("utf-8", "windows-1251")

# The first byte of every byte-order mark (UTF-8 EF, UTF-16 FF/FE, UTF-32 00/FF).
BOM_FIRST_BYTES = (b"\xef", b"\xff", b"\xfe", b"\x00")

# How far into a page a charset declaration is looked for (browsers use 1024
# bytes; Word's pages put several namespace declarations first).
PRESCAN_BYTES = 4096


def split_byte_order_mark(data: bytes) -> tuple[str | None, bytes]:
    """The encoding a byte-order mark names (or None) and the bytes after it (BeautifulSoup's
    EncodingDetector: UTF-8, UTF-16 and UTF-32 in either byte order)."""
    if data[:1] not in BOM_FIRST_BYTES:  # no mark can start here: BeautifulSoup not needed
        return None, data
    from bs4.dammit import EncodingDetector

    body, encoding = EncodingDetector.strip_byte_order_mark(data)
    return encoding, body


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares near its top (an XML prologue or a <meta> charset, as
    BeautifulSoup's EncodingDetector finds them), as a Python codec name, or None."""
    from bs4.dammit import EncodingDetector

    name = EncodingDetector.find_declared_encoding(data[:PRESCAN_BYTES], is_html=True, search_entire_document=True)
    if not name:
        return None
    name = DECLARED_ALIASES.get(name.strip(), name.strip())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


# UTF-8 text with a stray invalid byte (a cut multi-byte character, a byte from another
# encoding pasted in) is still UTF-8: at most this share of its non-ASCII characters may be
# invalid, and it must hold at least MIN_UTF8_CHARACTERS valid ones. windows-1251 Cyrillic read
# as UTF-8 is nearly all invalid, so it never passes.
MAX_STRAY_SHARE = 0.01
MIN_UTF8_CHARACTERS = 20


def _mostly_utf8(body: bytes) -> tuple[str, int] | None:
    """The text decoded as UTF-8 with its few invalid bytes replaced, and how many; None
    when the bytes are not UTF-8 text."""
    text = body.decode("utf-8", errors="replace")
    stray = text.count("\ufffd") - body.count("\ufffd".encode("utf-8"))
    valid = sum(1 for character in text if character > "\x7f") - text.count("\ufffd")
    if valid >= MIN_UTF8_CHARACTERS and stray <= MAX_STRAY_SHARE * valid:
        return text, stray
    return None


def _stray_warning(stray: int) -> ReaderWarning:
    return ReaderWarning("bytes_replaced", f"{stray} invalid byte sequence(s) in UTF-8 text; they were replaced")


def decode(data: bytes, declared: str | None = None) -> tuple[str, tuple[ReaderWarning, ...]]:
    """Decode bytes: byte-order mark, then ``declared``, then UTF-8 (allowing a few stray
    invalid bytes, replaced), then windows-1251.

    Returns the text and warnings (a declaration that did not fit the bytes,
    or bytes no candidate decoded cleanly).
    """
    from_mark, body = split_byte_order_mark(data)
    if from_mark:
        return body.decode(from_mark, errors="replace"), ()
    warnings: list[ReaderWarning] = []
    if declared:
        try:
            return body.decode(declared), ()
        except UnicodeDecodeError:
            if codecs.lookup(declared).name == "utf-8" and (mostly := _mostly_utf8(body)):
                return mostly[0], (_stray_warning(mostly[1]),)
            warnings.append(ReaderWarning(
                "charset_mismatch", f"the declared charset {declared} does not fit the bytes; guessed instead"))
    for encoding in GUESSES:
        try:
            return body.decode(encoding), tuple(warnings)
        except UnicodeDecodeError:
            if encoding == "utf-8" and (mostly := _mostly_utf8(body)):
                return mostly[0], (*warnings, _stray_warning(mostly[1]))
            continue
    warnings.append(ReaderWarning("bytes_replaced", f"some bytes are not valid {GUESSES[-1]}; they were replaced"))
    return body.decode(GUESSES[-1], errors="replace"), tuple(warnings)


def read_text_file(data: bytes, limits: Limits, kind: str, binary: str,
                   decoder: Callable[[bytes], tuple[str, tuple[ReaderWarning, ...]]] | None = None
                   ) -> tuple[str, tuple[ReaderWarning, ...]]:
    """A markup file's text and its charset warnings (``decoder``, by default ``decode``), once
    it is within the markup limit (its reader checked the input limit); IngestError for an empty
    file ("the {kind} is empty") or one holding NUL bytes (``binary``, the reader's words for it)."""
    limits.check_markup_size(len(data), kind)
    text, warnings = (decoder or decode)(data)
    if not text.strip():
        raise IngestError(f"the {kind} is empty")
    if "\x00" in text:
        raise IngestError(binary)
    return text, warnings
