"""Styles: what an element's tag, its style attribute and the page's class rules say it looks like.

One way of reading CSS for both places a page sets it: an inline ``style=""`` and the
class rules of its ``<style>`` elements (Google Docs styles only through generated
classes, LibreOffice's XHTML export raises note numbers by class). Both are read with
tinycss2, a real CSS tokenizer; a class rule applies as if written inline, and the
inline style wins over it. Only the properties a reader needs are kept (weight,
vertical alignment, display, the font shorthand and Word's ``mso-`` properties).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

import tinycss2

BOLD_TAGS = frozenset({"b", "strong"})
SUPERSCRIPT_TAGS = frozenset({"sup"})
BOLD_WEIGHTS = frozenset({"bold", "bolder", "600", "700", "800", "900"})
SUPERSCRIPT_ALIGNS = frozenset({"super", "top", "text-top"})

# The properties read; every other declaration is dropped as it is parsed.
READ_PROPERTIES = frozenset({"font-weight", "vertical-align", "display", "font"})
READ_PREFIXES = ("mso-",)
NO_STYLES: dict[str, str] = {}

# Distinct style attributes and class sets on one page are few (a producer repeats them),
# so each is parsed once; the bound keeps a hostile page from growing the caches.
CACHED_STYLES = 4096


def declarations(tokens_or_text) -> dict[str, str]:
    """CSS declarations (a style attribute's text, or a rule's content tokens) as
    {property: value}, both lower-cased, whitespace collapsed, ``!important`` dropped;
    only the properties read, NO_STYLES when there are none."""
    found: dict[str, str] = {}
    for declaration in tinycss2.parse_declaration_list(tokens_or_text, skip_whitespace=True, skip_comments=True):
        if declaration.type != "declaration":
            continue  # a parse error: the browser drops it too
        name = declaration.lower_name
        if name in READ_PROPERTIES or name.startswith(READ_PREFIXES):
            found[name] = " ".join(tinycss2.serialize(declaration.value).split()).lower()
    return found or NO_STYLES


@lru_cache(maxsize=CACHED_STYLES)
def read_style(style: str | None) -> dict[str, str]:
    """The declarations of a style attribute this reader understands (NO_STYLES when none).
    The dictionary is shared: callers must not change it."""
    return declarations(style) if style else NO_STYLES


def style_declarations(style: str) -> dict[str, str]:
    """A style attribute as {property: value} (the properties this reader reads)."""
    return dict(read_style(style))


@dataclass(frozen=True)
class _Rule:
    tag: str | None  # "p" in p.MsoNormal; None in .c3
    class_name: str
    order: int
    styles: dict[str, str]


@dataclass
class StyleSheet:
    """A page's class rules (``.c3``, ``p.MsoNormal``), looked up by element name and class."""

    rules: dict[str, list[_Rule]] = field(default_factory=dict)  # class name -> its rules, in order
    count: int = 0  # rules taken so far: a later rule wins
    _cache: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)

    def add(self, css: str) -> None:
        """Take the class rules of one <style> element's text; other selectors are ignored."""
        for rule in tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True):
            if rule.type != "qualified-rule":
                continue  # @media, @page, Word's @list: not class rules
            styles = declarations(rule.content)
            if not styles:
                continue
            for tag, class_name in class_selectors(rule.prelude):
                self.rules.setdefault(class_name, []).append(_Rule(tag, class_name, self.count, styles))
                self.count += 1
        self._cache.clear()

    def styles_for(self, name: str, classes: str) -> dict[str, str]:
        """The declarations the class rules give an element ``name`` with ``class="classes"``:
        a rule naming the element (p.x) wins over one that does not (.x), then the later rule."""
        key = (name, classes)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        matching = [rule for class_name in classes.split() for rule in self.rules.get(class_name, ())
                    if rule.tag is None or rule.tag == name]
        merged: dict[str, str] = {}
        for rule in sorted(matching, key=lambda rule: (rule.tag is not None, rule.order)):
            merged.update(rule.styles)
        result = merged or NO_STYLES
        if len(self._cache) < CACHED_STYLES:
            self._cache[key] = result
        return result

    def element_styles(self, name: str, attrs: dict[str, str]) -> dict[str, str]:
        """An element's styles: its class rules, then its style attribute over them."""
        inline = read_style(attrs.get("style"))
        classes = attrs.get("class") if self.rules else None
        if not classes:
            return inline
        from_classes = self.styles_for(name, classes)
        if from_classes is NO_STYLES:
            return inline
        return {**from_classes, **inline} if inline else from_classes


def class_selectors(prelude) -> Iterable[tuple[str | None, str]]:
    """The simple class selectors of a rule's prelude: ``.c3`` -> (None, "c3"),
    ``p.MsoNormal`` -> ("p", "MsoNormal"); the element's name is matched in lower case, the
    class as written. Compound, descendant, id and attribute selectors are skipped (no
    producer styles a plan's text through them)."""
    for selector in _split_on_commas(prelude):
        tokens = [token for token in selector if token.type not in ("whitespace", "comment")]
        tag = None
        if tokens and tokens[0].type == "ident":
            tag = tokens[0].lower_value
            tokens = tokens[1:]
        if (len(tokens) == 2 and tokens[0].type == "literal" and tokens[0].value == "."
                and tokens[1].type == "ident"):
            yield tag, tokens[1].value


def _split_on_commas(prelude) -> list[list]:
    selectors: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def inline_change(name: str, styles: dict[str, str]) -> tuple[bool | None, bool | None]:
    """(bold, superscript) the element switches on or off; None leaves it as it is."""
    bold = True if name in BOLD_TAGS else None
    superscript = True if name in SUPERSCRIPT_TAGS else None
    weight = styles.get("font-weight")
    if weight:
        bold = weight in BOLD_WEIGHTS
    align = styles.get("vertical-align")
    if align:
        superscript = align in SUPERSCRIPT_ALIGNS
    return bold, superscript


def is_hidden(styles: dict[str, str]) -> bool:
    """True when the style hides the element (display:none)."""
    return styles.get("display", "").startswith("none")
