"""Vocabulary the readers and the extractor share: the glyphs that open a list item.

One table for both: a PDF reader meets the bullets a producer draws, the extractor the ones a
person typed into a cell, and they are the same glyphs. It sits below both (readers must not
import the extractor; see tests/test_layers.py). Data only: no code here.
"""

# Glyphs that open a list item when a space (or a gap) follows them. U+F0B7 and U+F0A7 are the
# bullets LibreOffice and Word draw from the Symbol, Wingdings and OpenSymbol fonts
# (private-use code points); "·" is the middle dot typed for one.
BULLETS: tuple[str, ...] = ("•", "\uf0b7", "\uf0a7", "●", "▪", "■", "◦", "○", "·", "➢", "✓")

# Dashes open an item too, but can also start a wrapped line of running text: a PDF reader
# takes one as a bullet only where the line above ended early (a typed list).
DASH_BULLETS: tuple[str, ...] = ("-", "–", "—")

# Typed in text for a bullet; also a footnote's marker, so only the extractor, reading a
# cell's text, takes it for one.
ASTERISK_BULLET = "*"

# Every glyph a person may type to open an item in text.
TYPED_BULLETS: tuple[str, ...] = BULLETS + DASH_BULLETS + (ASTERISK_BULLET,)

# Bullets that also separate items written inline on one line ("A: • B • C").
INLINE_BULLETS: tuple[str, ...] = ("•", "●", "▪", "■", "◦")

# Endings of Russian full adjectives and participles in every case ("международного",
# "стратегическое", "информационных"): a word that ends in one ended there. The PDF reader
# weighs them where a word fills its narrow line and lower-case letters go on below, which
# a word cut without a hyphen would look like too ("Минэкономра" + "звития").
ADJECTIVE_ENDINGS: tuple[str, ...] = (
    "ого", "его", "ому", "ему", "ыми", "ими", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие",
    "ых", "их", "ым", "им", "ую", "юю",
)
