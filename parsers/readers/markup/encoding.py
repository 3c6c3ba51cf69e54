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

# What browsers actually use for a declared name (the WHATWG Encoding standard's labels), where
# Python names the encoding otherwise or not at all: Word's "Web Options" offer "Cyrillic (Mac)",
# written charset=x-mac-cyrillic. A page that says "iso-8859-1" is decoded as windows-1252, one
# that says "utf-16" (or "unicode", as Word's UTF-16 pages do) without a byte-order mark cannot be
# UTF-16 and is read as UTF-8.
DECLARED_ALIASES = {
    **dict.fromkeys(("iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "iso-ir-100",
                     "latin1", "latin-1", "l1", "cp819", "ibm819", "csisolatin1", "us-ascii", "ascii",
                     "ansi_x3.4-1968", "x-cp1252"), "windows-1252"),
    **dict.fromkeys(("utf-16", "utf-16le", "utf-16be", "unicode", "unicodefeff", "ucs-2", "csunicode",
                     "iso-10646-ucs-2", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"),
                    "utf-8"),
    **dict.fromkeys(("x-mac-cyrillic", "x-mac-ukrainian"), "mac-cyrillic"),
    **dict.fromkeys(("koi", "koi8"), "koi8-r"),
    "koi8-ru": "koi8-u",
    "iso88595": "iso8859-5",
    "iso88592": "iso8859-2",
    "x-cp1250": "windows-1250",
    "x-cp1251": "windows-1251",
    **dict.fromkeys(("mac", "csmacintosh", "x-mac-roman"), "mac-roman"),
    **dict.fromkeys(("windows-874", "dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620"), "cp874"),
    **dict.fromkeys(("gb2312", "gb_2312", "gb_2312-80", "csgb2312", "chinese", "iso-ir-58", "csiso58gb231280",
                     "x-gbk"), "gbk"),
    **dict.fromkeys(("windows-31j", "x-sjis"), "cp932"),
}

# A charset the transport declares (a MIME part's Content-Type, as an HTTP header) is read as
# browsers read it: UTF-16 there is UTF-16 (only a <meta> saying so cannot be, as above).
TRANSPORT_ALIASES = {
    **dict.fromkeys(("utf-16", "utf-16le", "unicode", "unicodefeff", "ucs-2", "csunicode", "iso-10646-ucs-2"),
                    "utf-16-le"),
    **dict.fromkeys(("utf-16be", "unicodefffe"), "utf-16-be"),
}
_TRANSPORT_NAMES = {**DECLARED_ALIASES, **TRANSPORT_ALIASES}  # a transport's names: browsers', UTF-16 as UTF-16

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
    BeautifulSoup's EncodingDetector finds them), as a Python codec name (browsers' names
    mapped by DECLARED_ALIASES), or None; a name no codec has is returned as written,
    lower-cased, for ``decode`` to report."""
    from bs4.dammit import EncodingDetector

    name = EncodingDetector.find_declared_encoding(data[:PRESCAN_BYTES], is_html=True, search_entire_document=True)
    if not name:
        return None
    return _codec_name(name, DECLARED_ALIASES)


def transport_charset(name: str) -> str:
    """The codec for a charset the transport declares (a MIME part's ``charset``), browsers'
    names mapped as for ``declared_charset`` save UTF-16's (TRANSPORT_ALIASES)."""
    return _codec_name(name, _TRANSPORT_NAMES)


def _codec_name(name: str, aliases: dict[str, str]) -> str:
    """A charset's Python codec name, or (no codec decodes it: ``is_known``) the name as written,
    lower-cased, for ``decode`` to report."""
    name = name.strip().lower()
    name = aliases.get(name, name)
    return codecs.lookup(name).name if is_known(name) else name


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


# Text codecs that decode no charset a page is written in: Python's escapes (a page of them reads as
# mojibake), domain names, and the one that refuses everything. Bytes-to-bytes codecs (base64, hex,
# zlib, rot13) are no text encodings at all.
NOT_CHARSETS = frozenset({"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined",
                          "charmap", "utf-7"})  # charmap is Latin-1 by another name; no browser reads UTF-7


def is_known(name: str) -> bool:
    """True when a codec decodes text in the charset ``name``: a text encoding, not one of NOT_CHARSETS."""
    try:
        codec = codecs.lookup(name)
    except LookupError:
        return False
    return codec._is_text_encoding and codec.name not in NOT_CHARSETS


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
    if declared and not is_known(declared):
        warnings.append(ReaderWarning(
            "charset_unknown", f"the declared charset {declared[:40]!r} is not one this reader knows; guessed instead"))
        declared = None
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
