"""List labels: the number or bullet a producer drew before a list item, read from what it wrote.

Word and LibreOffice's XHTML export write the marker they drew as text before the item
(in a span of their own); the reader makes it the paragraph's list label. Bullets drawn
from a symbol font arrive as that font's character: Word writes Symbol's bullet as "·",
LibreOffice as the private-use character U+F0B7.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.roman import MAX_START, to_roman

# "1." "1.2." "12)" "(3)" "1" (Word's lvlText "%1"), "а)" "iv." "(b)" (letters need their stop).
_DIGITS = r"\d+(?:\.\d+)*[.)]?"
_LETTERS = r"(?:[a-zа-я]|[ivxlcdm]+)[.)]"
NUMBERED_MARKER = re.compile(rf"\(?(?:{_DIGITS}|{_LETTERS})", re.IGNORECASE)
# Symbol-font bullets as producers write them, and what they show.
SYMBOL_GLYPHS = {
    "·": "•", "\uf0b7": "•",  # Symbol's bullet
    "§": "▪", "\uf0a7": "▪",  # Wingdings' square
    "Ø": "➢", "\uf0d8": "➢",  # Wingdings' arrowhead
    "ü": "✓", "\uf0fc": "✓",  # Wingdings' tick
    "o": "o",  # Courier New's circle
    "-": "-", "–": "–", "•": "•", "*": "*", "▪": "▪",
}
LONGEST_LABEL = 8  # "iv.", "1.2.3." and glyphs; a longer text before a filler is text


def is_numbered_marker(text: str) -> bool:
    """True when a drawn list marker is a number or letter ("1.", "iv)", "(а)"), not a glyph."""
    text = text.strip()
    return bool(NUMBERED_MARKER.fullmatch(text)) and text not in SYMBOL_GLYPHS


def list_label(text: str) -> str | None:
    """The label a drawn marker shows ("1.", "•"), or None when ``text`` is no list marker.
    A glyph written twice (LibreOffice's XHTML does) is drawn once."""
    text = "".join(text.split())
    if len(set(text)) == 1 and text[0] in SYMBOL_GLYPHS:
        return SYMBOL_GLYPHS[text[0]]
    if not text or len(text) > LONGEST_LABEL:
        return None
    if is_numbered_marker(text):
        return text
    return text if len(text) == 1 and not text.isalnum() else None


# --- What a browser draws before an <ol>'s items --------------------------------


@dataclass
class OrderedList:
    """An open <ol>: the number its next item shows and how it writes numbers (its ``type``)."""

    next: int = 1
    step: int = 1
    style: str = "1"

    counted: bool = True  # False: a reversed list without its start (browsers count its items first)

    @classmethod
    def from_attributes(cls, attrs: dict[str, str]) -> "OrderedList":
        style = (attrs.get("type") or "1").strip()
        style = style if style in ("1", "a", "A", "i", "I") else "1"
        if "reversed" in attrs:
            start = _bounded(attrs.get("start"), None)
            return cls(start or 0, -1, style, counted=start is not None)
        return cls(_bounded(attrs.get("start"), 1), 1, style)

    def label(self, attrs: dict[str, str]) -> str | None:
        """The label of the item opening now ("3.", "c.", "iv."), a ``value`` attribute obeyed;
        None where it cannot be known as the item opens (a reversed list counting from its end)."""
        value = _bounded(attrs.get("value"), None)
        if value is not None:
            self.next, self.counted = value, True
        number, self.next = self.next, self.next + self.step
        return f"{_number_text(number, self.style)}." if self.counted else None


def starts_with_number(text: str) -> bool:
    """True when ``text`` opens with a numbered marker and a space ("1. text", "iv) text")."""
    head = text.lstrip().split(maxsplit=1)
    return len(head) == 2 and is_numbered_marker(head[0]) and head[0][-1] in ".)"


def _bounded(value: str | None, default: int | None) -> int | None:
    try:
        number = int((value or "").strip())
    except ValueError:
        return default
    return number if abs(number) <= MAX_START else default


def _number_text(number: int, style: str) -> str:
    """``number`` as an <ol type> writes it; below 1 in decimal, as browsers do."""
    if number < 1 or style == "1":
        return str(number)
    if style in ("i", "I"):
        roman = to_roman(number)
        return roman.upper() if style == "I" else roman
    letters = ""
    while number:  # a, b, ... z, aa, ab, ...
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters.upper() if style == "A" else letters
