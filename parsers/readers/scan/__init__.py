"""The scan reader: page images (an image-only PDF, PNG, JPEG, TIFF) read through OCR into the block model."""

from parsers.readers.scan.engine import missing_engine
from parsers.readers.scan.reader import read_image, read_scan_pdf

__all__ = ["missing_engine", "read_image", "read_scan_pdf"]
