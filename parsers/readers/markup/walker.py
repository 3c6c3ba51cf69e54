"""HTML markup to blocks: the entry points the HTML and the text reader share.

The HTML reader reads a whole page with ``read_page``; the text reader reads the HTML
fragments its export leaves inside lines and cells with ``fragment_paragraphs``, so
``<b>``, ``<sup>``, ``<ul><li>`` and ``<br>`` mean the same in both. The parser reports
each element's start and end and the text between to a ``BlockBuilder``
(``parsers.readers.markup.builder``), which builds the blocks. A page is read by
BeautifulSoup (with lxml) and its tree replayed to the builder (``soup``); a fragment of
a text export's line or cell has no tree worth building, so lxml's parser reports it to
the builder directly. Both are libxml2's reading of the markup, event for event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from parsers.blocks import Block, Footnote, Paragraph
from parsers.limits import DEFAULT_LIMITS
from parsers.readers.markup.builder import LINE_SEPARATOR, PARAGRAPH_SEPARATOR, BlockBuilder

if TYPE_CHECKING:
    from parsers.readers.markup import soup

__all__ = ["LINE_SEPARATOR", "PARAGRAPH_SEPARATOR", "fragment_paragraphs", "read_page", "read_tree"]

# Characters without which a fragment is plain text (no tags, no entities).
MARKUP_STARTS = ("<", "&")


def read_page(text: str, max_depth: int = DEFAULT_LIMITS.max_html_depth
              ) -> tuple[tuple[Block, ...], tuple[Footnote, ...]]:
    """Blocks (paragraphs and tables, in order) and footnotes of a whole page.

    Raises IngestError when elements nest deeper than ``max_depth``.
    """
    from parsers.readers.markup import soup  # BeautifulSoup: not imported for text and Markdown cells

    return read_tree(soup.parse(text, max_depth))


def read_tree(tree: soup.BoundedSoup) -> tuple[tuple[Block, ...], tuple[Footnote, ...]]:
    """Blocks and footnotes of a page parsed by ``soup.parse``; the tree is consumed (freed as
    it is read, not by the collector), so a caller that holds nothing else of the page
    peaks at its tree, not at its tree and its blocks."""
    from parsers.readers.markup import soup

    builder = BlockBuilder(tables=True, max_depth=tree.max_depth, style_sheet=tree.style_sheet())
    soup.replay(tree, builder)
    return tuple(builder.body), tuple(builder.footnotes)


def fragment_paragraphs(markup: str) -> tuple[Paragraph, ...]:
    """Paragraphs and list items of an HTML fragment, read as the content of one cell.

    Tables inside the fragment are flattened into paragraphs, as in a cell.
    """
    builder = BlockBuilder(tables=False, max_depth=DEFAULT_LIMITS.max_html_depth)
    if any(char in markup for char in MARKUP_STARTS):
        # Read as the body's content: after head-only markup such as <style>, libxml2
        # would drop a stray <td> (a cell's own markup) and its text.
        _parse("<body>" + markup, builder)
    else:  # plain text, as the parser would hand it over: skip the parser
        builder.text(markup)
        builder.flush()
    return tuple(builder.body)


def _parse(text: str, builder: BlockBuilder) -> None:
    """Run lxml's HTML parser (libxml2: tolerant, never refuses bad tags) with the builder
    as its target: the builder hears each element open and close and the text between.

    No network and no entities but HTML's own (a DOCTYPE's declarations are not
    read); ``huge_tree`` stays off, so libxml2's own size limits hold. Fed as text, so an
    XML prologue naming a charset is ignored: the bytes were decoded already.
    """
    parser = etree.HTMLParser(target=builder, recover=True, no_network=True, huge_tree=False)
    parser.feed(text)
    parser.close()
