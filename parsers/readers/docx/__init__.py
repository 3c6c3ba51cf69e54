"""The DOCX reader: the package, its body, styles, list numbers, notes and symbols, as Word renders them."""

from parsers.readers.docx.reader import read_docx

__all__ = ["read_docx"]
