"""The OpenDocument reader: .odt packages and flat .fodt files, with their styles, lists and notes."""

from parsers.readers.odt.reader import read_fodt, read_odt

__all__ = ["read_fodt", "read_odt"]
