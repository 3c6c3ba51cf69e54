"""The PDF reader: page objects, lines, joins, paragraphs, page furniture and tables, on pdfplumber."""

from parsers.readers.pdf.reader import read_pdf

__all__ = ["read_pdf"]
