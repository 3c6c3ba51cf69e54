"""The HTML reader: a page's bytes in, a block-model Document out.

Pages come from LibreOffice ("Save as HTML") and from Word ("Web page"); both
are read with BeautifulSoup and lxml, and walked by the shared code in
``parsers.markup``. This module only decides the charset and reports damage.
"""

from __future__ import annotations

from bs4.builder import ParserRejectedMarkup

from ingest.errors import IngestError
from ingest.limits import DEFAULT_LIMITS, Limits
from parsers import encoding, markup
from parsers.blocks import Document


def read_html(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read an HTML page: paragraphs and tables in order, footnotes, charset warnings.

    Raises IngestError for an empty page, bytes that are not text, or a page over
    ``limits.max_input_bytes``.
    """
    limits.check_input_size(len(data))
    text, warnings = decode_page(data)
    if not text.strip():
        raise IngestError("the HTML page is empty")
    if "\x00" in text:
        raise IngestError("not an HTML page: the file holds binary data")
    try:
        tree = markup.parse_html(text, limits.max_html_depth)
    except (ParserRejectedMarkup, ValueError) as error:
        raise IngestError(f"the HTML page cannot be parsed ({error})") from error
    blocks, footnotes = markup.read_tree(tree)
    markup.discard(tree)
    return Document(blocks=blocks, footnotes=footnotes, warnings=warnings)


def decode_page(data: bytes) -> tuple[str, tuple[str, ...]]:
    """A page's text: byte-order mark, then <meta> charset, then UTF-8, then windows-1251."""
    return encoding.decode(data, declared=encoding.declared_charset(data))
