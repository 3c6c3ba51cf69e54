"""The DOCX reader: the package, its body, styles and notes, as Word renders them."""

from parsers.readers.docx.reader import read_docx

__all__ = ["read_docx"]
