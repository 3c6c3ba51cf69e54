"""A page as BeautifulSoup reads it (with lxml's parser), replayed to the block builder.

BeautifulSoup builds the page's tree with libxml2 (lxml), which never refuses bad tags;
the nesting limit is counted while the tree is built, so a hostile page is refused at
the first element past it, before its tree grows. The tree is then walked in document
order and each element's start and end and the text between are reported to a
``BlockBuilder``, exactly as lxml's parser reports them to a parser target.
"""

from __future__ import annotations

import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.element import NavigableString, Script, Stylesheet, Tag, TemplateString

from parsers.errors import IngestError
from parsers.readers.markup.styles import StyleSheet

# BeautifulSoup's advice to a person at a prompt (a page that looks like a file name
# or a URL, an XHTML page read as HTML) is no warning about the plan: never printed.
QUIET = (MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning)
# The strings a parser target hears as text (BeautifulSoup types the text inside <script>,
# <style> and <template>); comments, the doctype and processing instructions are not text.
TEXT = frozenset({NavigableString, Script, Stylesheet, TemplateString})


_push_tag = BeautifulSoup.pushTag  # called once per element: no super() lookup


class BoundedSoup(BeautifulSoup):
    """BeautifulSoup that refuses markup nested deeper than ``max_depth`` while it builds the tree."""

    def __init__(self, markup: str, max_depth: int):
        self.max_depth = max_depth
        self.style_elements: list[Tag] = []  # the page's <style> elements, in order
        # No entities but HTML's own, no network: lxml's HTMLParser defaults, which
        # BeautifulSoup keeps; huge_tree stays off, so libxml2's own size limits hold.
        # "class" stays one string, as the attribute is written.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", QUIET)
            super().__init__(markup, "lxml", multi_valued_attributes=None)

    def pushTag(self, tag: Tag) -> None:  # noqa: N802 - BeautifulSoup's name
        """Open an element, unless it would be nested deeper than the limit."""
        if len(self.tagStack) > self.max_depth:  # the stack holds the soup itself, then the elements
            raise IngestError(f"refused: the markup nests elements more than {self.max_depth} deep "
                              "(a damaged or hostile page)")
        _push_tag(self, tag)
        if tag.name == "style":
            self.style_elements.append(tag)

    def style_sheet(self) -> StyleSheet:
        """The class rules of every <style> element on the page (a browser applies them all,
        wherever the element stands)."""
        sheet = StyleSheet()
        for element in self.style_elements:
            sheet.add(element.get_text())
        return sheet


def parse(text: str, max_depth: int) -> BoundedSoup:
    """The page's tree; IngestError when its elements nest deeper than ``max_depth``."""
    return BoundedSoup(text, max_depth)


def replay(soup: BeautifulSoup, target) -> None:
    """Report the tree to ``target`` as a parser target hears a page: ``start(name, attrs)``,
    ``data(text)``, ``end(name)``, then ``close()``. Comments, the doctype and processing
    instructions are not reported (a parser target without those methods hears none).

    The tree is consumed as it is reported: each string once reported and each element once
    closed is emptied (its links to parent, siblings and children dropped), so the tree
    shrinks while the blocks grow, and none of it waits for the cyclic collector (its links
    run both ways; the CLI pauses the collector while a document is read). ``soup`` is empty
    afterwards. Walked with a stack of child iterators, not recursion: the depth is the page's."""
    start, end, data = target.start, target.end, target.data
    text_types = TEXT
    iterators = [iter(soup.contents)]
    elements: list[Tag] = [soup]  # the open elements, the soup itself first
    while iterators:
        for node in iterators[-1]:
            kind = type(node)
            if kind is Tag:
                start(node.name, node.attrs)
                elements.append(node)
                iterators.append(iter(node.contents))
                break
            if kind in text_types:
                data(node)
            node.__dict__.clear()
        else:  # this element's children are done
            iterators.pop()
            element = elements.pop()
            if elements:
                end(element.name)
            element.__dict__.clear()
    target.close()
