"""The HTML reader: a page's bytes in, a block-model Document out.

Pages come from LibreOffice ("Save as HTML"), Word ("Web page") and Google Docs, bare or
packed with their parts (``packaged``); lxml's
HTML parser reads them and the shared code in ``parsers.readers.markup.walker`` turns its
events into blocks. This module only decides the charset and reports damage.
"""

from __future__ import annotations

from parsers.limits import DEFAULT_LIMITS, Limits
from parsers.readers.markup import encoding, packaged, soup, walker as markup
from parsers.blocks import Document, ReaderWarning


def read_html(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read an HTML page: paragraphs and tables in order, footnotes, charset warnings. The page
    may come zipped (Google Docs' "Web page (.html, zipped)") or as MHTML (Word's "Single File
    Web Page"): ``packaged``.

    Raises IngestError for an empty page, bytes that are not text, a page over
    ``limits.max_input_bytes`` or ``limits.max_markup_bytes`` or nested deeper than ``limits.max_html_depth``.
    """
    limits.check_input_size(len(data))
    data, charset = packaged.unpacked_page(data, limits)  # a zipped page, a Single File Web Page
    text, warnings = encoding.read_text_file(data, limits, packaged.PAGE_KIND,
                                             "not an HTML page: the file holds binary data",
                                             lambda page: decode_page(page, charset))
    tree = soup.parse(text, limits.max_html_depth)
    del text  # the tree holds the page now: its decoded text (twice the bytes or more) need not wait
    blocks, footnotes = markup.read_tree(tree)
    return Document(blocks=blocks, footnotes=footnotes, warnings=warnings)


def decode_page(data: bytes, transport: str | None = None) -> tuple[str, tuple[ReaderWarning, ...]]:
    """A page's text: byte-order mark, then the charset its package declares for it (``transport``,
    a MIME part's, as browsers trust an HTTP header's before a <meta>), then <meta> charset, then
    UTF-8, then windows-1251."""
    declared = encoding.transport_charset(transport) if transport else None
    if declared is None or not encoding.is_known(declared):  # an unknown one reported when nothing else is declared
        declared = encoding.declared_charset(data) or declared
    return encoding.decode(data, declared=declared)
