"""Readers of marked-up text: HTML (and XHTML), Markdown, and text exports; their shared walker.

The readers are imported on first use: a text export does not load BeautifulSoup.
"""

__all__ = ["read_html", "read_text"]


def __getattr__(name: str):
    if name == "read_html":
        from parsers.readers.markup.html import read_html
        return read_html
    if name == "read_text":
        from parsers.readers.markup.text import read_text
        return read_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
