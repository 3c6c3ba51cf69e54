"""Inline styles: what an element's style attribute and its tag say about bold and superscript.

A reader needs only a few properties (weight, vertical alignment, display and Word's
``mso-`` properties); other styles are not even parsed.
"""

from __future__ import annotations

import re

BOLD_TAGS = frozenset({"b", "strong"})
SUPERSCRIPT_TAGS = frozenset({"sup"})
BOLD_WEIGHTS = frozenset({"bold", "bolder", "600", "700", "800", "900"})
SUPERSCRIPT_ALIGNS = frozenset({"super", "top", "text-top"})

# The style properties this reader understands; other styles are not even parsed.
READ_STYLES = re.compile(r"font-weight|vertical-align|display|mso-", re.IGNORECASE)
NO_STYLES: dict[str, str] = {}


def read_style(style: str | None) -> dict[str, str]:
    """The declarations of a style attribute this reader understands (NO_STYLES when none)."""
    return style_declarations(style) if style and READ_STYLES.search(style) else NO_STYLES


def style_declarations(style: str) -> dict[str, str]:
    """A style attribute as {property: value}, both lower-cased."""
    found = {}
    for declaration in style.split(";"):
        name, colon, value = declaration.partition(":")
        if colon:
            found[name.strip().lower()] = " ".join(value.split()).lower()
    return found


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
