"""Read a DOCX file into the block model: open the package (``package.py``), walk its
body (``body.py``) with the styles, list numbering and notes it refers to."""

from __future__ import annotations

from parsers.blocks import Document
from parsers.limits import DEFAULT_LIMITS, Limits
from parsers.readers.archive import check_package
from parsers.readers.docx.body import BodyReader
from parsers.readers.docx.package import open_parts


def read_docx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read DOCX bytes into a ``Document``; damaged input, or input beyond ``limits``
    (size, a zip bomb), raises ``IngestError``."""
    limits.check_input_size(len(data))
    check_package(data, limits)
    return BodyReader(open_parts(data), limits).read()
