"""Embedded documents (``w:altChunk``): content a program left in the package for Word to import.

Document generators and mail-merge tools (html-docx-js, docx4j's and OpenXML PowerTools'
users, report builders of Russian office systems) put an HTML page, a Single File Web Page
(MHTML), plain text or a whole DOCX into a part of the package and point a ``w:altChunk`` at
it; Word converts it into its own markup when it opens the file. The reader reads such a part
with the reader of its format, by the part's content type. RTF needs LibreOffice and is
reported as not read, as is any other type.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsers.blocks import Document
from parsers.limits import Limits

# Content type of the chunk's part → how it is read.
CHUNK_KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "message/rfc822": "html",  # MHTML, as html-docx-js writes its afchunk.mht
    "multipart/related": "html",
    "text/plain": "text",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.ms-word.document.macroEnabled.12": "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template": "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "document part",
}
MAX_CHUNK_DEPTH = 2  # a DOCX chunk may embed chunks of its own; a chain of them must end


@dataclass(frozen=True)
class Chunk:
    """The part a w:altChunk points at."""

    name: str
    content_type: str
    data: bytes

    @property
    def kind(self) -> str | None:
        """"html", "text", "docx", "document part", or None when the reader cannot read it."""
        return CHUNK_KINDS.get(self.content_type.split(";")[0].strip().lower())


def read_markup_chunk(chunk: Chunk, limits: Limits) -> Document:
    """An HTML, MHTML or text chunk through the reader of its format (imported here: few
    documents have chunks, and the HTML reader's libraries need not load for the others)."""
    if chunk.kind == "html":
        from parsers.readers.markup.html import read_html

        return read_html(chunk.data, limits)
    from parsers.readers.markup.text import read_text

    return read_text(chunk.data, limits)
