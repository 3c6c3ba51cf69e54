"""Characters of Word's symbol fonts (Symbol, Wingdings) as the Unicode characters they draw.

Word writes a symbol-font character as its byte in that font: in a w:sym
(``w:char="F0B7"``, the byte plus F000, a private-use code point) and in a bullet's
w:lvlText (U+F0B7, or the plain byte "§" with w:rFonts Wingdings). Read as Unicode,
these are private-use or wrong characters; the tables below say what each draws.
Only what lists and plans use is listed (bullets, arrows, check marks, Greek and
mathematical signs); anything else is unknown and the caller says so.
"""

from __future__ import annotations

PRIVATE_USE_BASE = 0xF000  # Word's symbol characters: the font's byte + F000

# Adobe's Symbol encoding: printable ASCII is itself, except what these bytes draw.
_SYMBOL_GREEK = dict(zip(range(0x41, 0x5B), "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ")) | dict(
    zip(range(0x61, 0x7B), "αβχδεφγηιϕκλμνοπθρστυϖωξψζ"))
SYMBOL = {code: chr(code) for code in range(0x20, 0x7F)} | _SYMBOL_GREEK | {
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "*", 0x2D: "−", 0x40: "≅", 0x5C: "∴", 0x5E: "⊥",
    0x7E: "∼", 0xA0: "€", 0xA2: "′", 0xA3: "≤", 0xA5: "∞", 0xA7: "♣", 0xA8: "♦", 0xA9: "♥",
    0xAA: "♠", 0xAB: "↔", 0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓", 0xB0: "°", 0xB1: "±",
    0xB2: "″", 0xB3: "≥", 0xB4: "×", 0xB7: "•", 0xB8: "÷", 0xB9: "≠", 0xBA: "≡", 0xBB: "≈",
    0xBC: "…", 0xD2: "®", 0xD3: "©", 0xD4: "™", 0xD6: "√", 0xD7: "⋅", 0xD8: "¬", 0xDE: "⇒",
    0xE0: "◊", 0xE5: "∑",
}
WINGDINGS = {
    0x6C: "●", 0x6D: "❍", 0x6E: "■", 0x6F: "□", 0x71: "❑", 0x72: "❒", 0x73: "⬧", 0x74: "⧫",
    0x75: "◆", 0x76: "❖", 0x77: "⬥", 0x9F: "•", 0xA7: "▪", 0xA8: "◻", 0xD8: "➢", 0xE0: "➢",
    0xE8: "➔", 0xF0: "⇨", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑", 0x4A: "☺",
}
FONTS = {"symbol": SYMBOL, "wingdings": WINGDINGS}


def font_table(font: str | None) -> dict[int, str] | None:
    """The table of a symbol font ("Wingdings 2" counts as Wingdings); None for a text font."""
    name = (font or "").strip().lower()
    return next((table for key, table in FONTS.items() if name.startswith(key)), None)


def symbol_char(code: int, font: str | None) -> str | None:
    """What symbol-font character ``code`` (U+F0B7 or the plain byte) draws; None when unknown."""
    table = font_table(font)
    if table is None and PRIVATE_USE_BASE <= code <= PRIVATE_USE_BASE + 0xFF:
        table = SYMBOL  # a private-use symbol whose font is not named: Word's default is Symbol
    if table is None:
        return chr(code)
    return table.get(code - PRIVATE_USE_BASE if code >= PRIVATE_USE_BASE else code)


def symbol_text(text: str, font: str | None) -> str:
    """A label written in a symbol font as the characters it draws; a symbol with no known
    equivalent is drawn as a bullet (it can only be a bullet's glyph)."""
    if font_table(font) is None and not any(PRIVATE_USE_BASE <= ord(c) <= PRIVATE_USE_BASE + 0xFF for c in text):
        return text
    return "".join(symbol_char(ord(char), font) or "•" for char in text)
