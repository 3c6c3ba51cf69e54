"""A web page saved in one file with its parts: zipped, or as a Single File Web Page (MHTML).

Google Docs' "Download -> Web page (.html, zipped)" gives a zip of the page and an images/
folder; a Word "Web Page" (plan.htm and its plan_files/ folder of parts, whose name Word
localises) is often sent zipped. Word's "Single File Web Page" (.mht, .mhtml; Chromium's
"Save as MHTML" too) is a MIME multipart/related message whose first text/html part is the
page, quoted-printable or base64. Either way the page is the plan; its parts (pictures,
Word's filelist.xml, themedata, header.htm) are not read.
"""

from __future__ import annotations

import re

from parsers.errors import IngestError
from parsers.limits import DEFAULT_LIMITS, Limits
from parsers.readers.archive import check_package, read_member, zip_members

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".xht")
# Folders a zip tool adds that are not the sender's files (macOS's resource forks).
TOOL_FOLDERS = ("__MACOSX/",)
ZIP_KIND = "zipped web page"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")

# An MHTML file opens with a message's headers, one of them Content-Type: multipart/related.
_HEADER_LINE = re.compile(rb"[A-Za-z][A-Za-z0-9-]*:|[ \t]")
_MULTIPART_RELATED = re.compile(rb"^content-type:\s*multipart/related\b", re.IGNORECASE | re.MULTILINE)
HEADER_BYTES = 4096  # as far as the headers are looked for
_CHARSET_NAME = re.compile(r"[a-z0-9_.:-]{1,40}")
# A page and its parts (Word: the page, its filelist, colour map, theme, each picture) are tens,
# a page with many pictures hundreds; the email parser takes seconds per hundred thousand, so a
# message with more lines that could open a part ("--" and its boundary) than this is refused
# before it is parsed.
MAX_PARTS = 10_000
DAMAGED = "damaged Single File Web Page (MHTML)"
PAGE_TYPES = ("text/html", "application/xhtml+xml")  # the parts that may be the page
PAGE_KIND = "HTML page"  # as the HTML reader names what it holds to the markup limit
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_TRAILING_BLANKS = re.compile(rb"[ \t]+(?=\r?\n)")


def page_members(names: list[str]) -> list[str]:
    """The web pages of a zip whose names are ``names``: members named .html/.htm at the least
    depth any page has (a Word page's own parts, such as header.htm, sit a folder deeper),
    outside the folders zip tools add."""
    pages = [name for name in names if name.lower().endswith(PAGE_SUFFIXES) and not name.startswith(TOOL_FOLDERS)]
    if not pages:
        return []
    least = min(name.count("/") for name in pages)
    return [name for name in pages if name.count("/") == least]


def zipped_page(data: bytes, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The page of a zipped web page, within the package limits; IngestError when the zip holds
    no page or several (which one is the plan is the sender's to say)."""
    check_package(data, limits, kind=ZIP_KIND)
    pages = page_members([member.filename for member in zip_members(data, ZIP_KIND)])
    if len(pages) != 1:
        listed = ", ".join(pages[:3]) + (", ..." if len(pages) > 3 else "")
        raise IngestError(f"a zip archive of {len(pages)} web pages ({listed}): unzip it and read the plan's page"
                          if pages else "a zip archive without a web page in it")
    return read_member(data, pages[0], limits, kind=ZIP_KIND)


def is_mhtml(head: bytes) -> bool:
    """True when ``head`` opens a Single File Web Page: message headers up to the first blank line,
    among them Content-Type: multipart/related with its boundary, and the line opening the first
    part ("--" and the boundary) after them. A letter or a note whose first lines read as headers
    naming multipart/related has no such line: it is text."""
    head = head[:HEADER_BYTES].lstrip(b"\xef\xbb\xbf")
    block, *rest = re.split(rb"\r?\n\r?\n", head, maxsplit=1)
    lines = block.splitlines()
    if not lines or not all(_HEADER_LINE.match(line) for line in lines):
        return False
    if _MULTIPART_RELATED.search(re.sub(rb"\r?\n[ \t]+", b" ", block)) is None:
        return False
    boundary = _headers(block).get_boundary()
    if not boundary or not rest:
        return False
    return _delimiter(boundary).search(rest[0]) is not None


def _headers(block: bytes):
    """A block of MIME headers, parsed (the email parser's compat32 Message, no body)."""
    import email.parser  # here, not above: every HTML page is read through this module, few are MHTML
    import email.policy

    return email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(block)


def _delimiter(boundary: str, closing: bool = False) -> re.Pattern[bytes]:
    """The lines that open the parts of a multipart with ``boundary`` (``closing``: and the one
    that closes the last)."""
    return re.compile(rb"^--" + re.escape(boundary.encode("ascii", "surrogateescape"))
                      + (rb"(?:--)?" if closing else b"") + rb"[ \t]*\r?$", re.MULTILINE)


def _least_decoded(data: bytes, start: int, end: int, encoding: str) -> int:
    """The fewest bytes the body ``data[start:end]`` can decode to in its transfer ``encoding``,
    counted without decoding or copying it (within 2% of the decoded size for Word's pages):
    base64 gives 3 bytes for 4 of its alphabet; in quoted-printable an "=" and the two bytes
    after it ("=E0") give one byte at the least, a line end and the blanks before it none."""
    size, lines = end - start, data.count(b"\n", start, end)
    if encoding == "base64":
        blanks = lines + sum(data.count(blank, start, end) for blank in (b"\r", b" ", b"\t"))
        return max(0, (size - blanks) * 3 // 4 - 2)
    if encoding == "quoted-printable":
        blanks = sum(len(run) for run in _TRAILING_BLANKS.findall(data, start, end))
        return max(0, size - 2 * data.count(b"=", start, end) - lines - blanks)
    return max(0, size - lines)


def check_page_parts(data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse, before the message is parsed (the email parser holds several times the file),
    a Single File Web Page whose page part cannot decode within ``limits.max_markup_bytes``:
    each part of the outer multipart that is a page is measured in place, with the HTML
    reader's own error for a page over the limit. Parts nested deeper are held to the limit
    once decoded, as any page is."""
    block = re.split(rb"\r?\n\r?\n", data[:HEADER_BYTES], maxsplit=1)[0]
    boundary = _headers(block).get_boundary()
    if not boundary:
        return
    delimiters = list(_delimiter(boundary, closing=True).finditer(data, len(block)))
    for opening, closing in zip(delimiters, delimiters[1:]):
        blank = _BLANK_LINE.search(data, opening.end(), min(closing.start(), opening.end() + HEADER_BYTES))
        if blank is None:
            continue  # no body, or headers too long to be a page's: the parser judges it
        part = _headers(data[opening.end():blank.start()].lstrip(b"\r\n"))
        if part.get_content_type() in PAGE_TYPES:
            encoding = str(part.get("Content-Transfer-Encoding") or "").strip().lower()
            limits.check_markup_size(_least_decoded(data, blank.end(), closing.start(), encoding), PAGE_KIND)


def mhtml_page(data: bytes, limits: Limits = DEFAULT_LIMITS) -> tuple[bytes, str | None]:
    """The page of a Single File Web Page: its root part (the ``start`` the message names, else
    its first text/html part), transfer-decoded, and the charset the part declares (or None):
    the page's bytes are left as they are, a byte-order mark first. A page part over the markup
    limit is refused before the message is parsed (``check_page_parts``)."""
    import email.errors
    import email.parser
    import email.policy
    import email.utils

    if data.count(b"\n--") > MAX_PARTS:
        raise IngestError(f"refused: a Single File Web Page (MHTML) of more than {MAX_PARTS:,} lines that may open a part "
                          "(a damaged or hostile file)")
    check_page_parts(data, limits)
    try:
        message = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(data)
        if not message.is_multipart():
            raise IngestError(f"{DAMAGED}: no parts after its headers")
        parts = [part for part in message.walk() if not part.is_multipart()]
    except RecursionError:
        raise IngestError(f"{DAMAGED}: its parts nest too deep to read") from None
    except (email.errors.MessageError, ValueError, LookupError) as error:
        raise IngestError(f"{DAMAGED}: {error}") from None
    # str(): a parameter in RFC 2231's form comes back as a tuple, a header not in ASCII as a Header
    start = str(email.utils.collapse_rfc2231_value(message.get_param("start") or "")).strip("<>")
    root = next((part for part in parts if start and str(part.get("Content-ID") or "").strip("<>") == start), None)
    root = root or next((part for part in parts if part.get_content_type() in PAGE_TYPES), None)
    if root is None:
        kinds = sorted({part.get_content_type() for part in parts})
        listed = ", ".join(kinds[:5]) + (", ..." if len(kinds) > 5 else "")
        raise IngestError(f"a Single File Web Page (MHTML) without an HTML page in it (its parts: {listed or 'none'})")
    page = root.get_payload(decode=True) or b""
    charset = root.get_content_charset()
    return page, charset if charset and _CHARSET_NAME.fullmatch(charset) else None


def unpacked_page(data: bytes, limits: Limits = DEFAULT_LIMITS) -> tuple[bytes, str | None]:
    """The page itself: unzipped or taken out of its MHTML message (a bare page as it is), and
    the charset its package declares for it (a MIME part's; None for the others)."""
    if data.startswith(ZIP_SIGNATURES):
        return zipped_page(data, limits), None
    if is_mhtml(data):
        return mhtml_page(data, limits)
    return data, None
