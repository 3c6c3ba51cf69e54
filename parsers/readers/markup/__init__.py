"""Readers of marked-up text: HTML (and XHTML), Markdown, and text exports; their shared walker."""

from parsers.readers.markup.html import read_html
from parsers.readers.markup.text import read_text

__all__ = ["read_html", "read_text"]
