"""Bytes to text: a byte-order mark first, then a declared charset, then guesses.

Files arrive from offices that save in UTF-8 or in the Windows Cyrillic code
page; this module is the one place that decides which. It returns the text
and the warnings a guess deserves, and never raises on odd bytes.
"""

from __future__ import annotations

import codecs
import re

from parsers.blocks import ReaderWarning

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

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

# How far into a page a charset declaration is looked for (browsers use 1024
# bytes; Word's pages put several namespace declarations first).
PRESCAN_BYTES = 4096

_QUOTE = rb"[\"']?\s*"
_NAME = rb"(?P<charset>[-\w.:]+)"
DECLARATIONS = (
    # <meta charset="utf-8"> and <meta http-equiv=... content="text/html; charset=windows-1251">
    re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*" + _QUOTE + _NAME, re.IGNORECASE),
    # <?xml version="1.0" encoding="windows-1251"?> at the top of XHTML
    re.compile(rb"<\?xml\b[^>]*?\bencoding\s*=\s*" + _QUOTE + _NAME, re.IGNORECASE),
)


def split_byte_order_mark(data: bytes) -> tuple[str | None, bytes]:
    """The encoding a byte-order mark names (or None) and the bytes after it."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding, data[len(mark):]
    return None, data


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares near its top, as a Python codec name, or None."""
    head = data[:PRESCAN_BYTES]
    for pattern in DECLARATIONS:
        found = pattern.search(head)
        if found:
            name = found.group("charset").decode("ascii", "replace").lower()
            name = DECLARED_ALIASES.get(name, name)
            try:
                return codecs.lookup(name).name
            except LookupError:
                return None
    return None


def decode(data: bytes, declared: str | None = None) -> tuple[str, tuple[ReaderWarning, ...]]:
    """Decode bytes: byte-order mark, then ``declared``, then UTF-8, then windows-1251.

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
            warnings.append(ReaderWarning(
                "charset_mismatch", f"the declared charset {declared} does not fit the bytes; guessed instead"))
    for encoding in GUESSES:
        try:
            return body.decode(encoding), tuple(warnings)
        except UnicodeDecodeError:
            continue
    warnings.append(ReaderWarning("bytes_replaced", f"some bytes are not valid {GUESSES[-1]}; they were replaced"))
    return body.decode(GUESSES[-1], errors="replace"), tuple(warnings)
