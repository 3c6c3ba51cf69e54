"""List numbers as Word draws them, from word/numbering.xml.

Word stores a list item as a paragraph with w:numPr (a list, ``numId``, and a level,
``ilvl``) and draws its number itself: the number is not text in the file. This module
computes what Word shows, as docx4j's numbering emulator does:

- a ``w:num`` names a ``w:abstractNum`` (directly, or through a numbering style:
  ``w:numStyleLink`` → the style's numPr → the abstractNum with that ``w:styleLink``);
  ``w:lvlOverride`` may replace a level (``w:lvl``) or restart it (``w:startOverride``);
- a level has ``w:start``, ``w:numFmt`` (Word 2010's custom "001, 002, 003" inside an
  mc:AlternateContent), ``w:lvlText`` ("%1.", "%1.%2)", a bullet glyph),
  ``w:lvlRestart`` and ``w:isLgl``;
- counters belong to the abstractNum, so every ``w:num`` of one abstractNum counts on
  from the other (how Word continues a list across tables and interruptions); a ``w:num``
  with a ``w:startOverride`` for a level sets that level's counter when first used ("Restart
  numbering"); a level restarts when a higher level is used after it, unless lvlRestart says
  otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from parsers.readers.docx.drawings import ALTERNATE_CONTENT, chosen_branch
from parsers.readers.docx.styles import VAL, Styles, on_off, w, whole_number
from parsers.readers.docx.symbols import symbol_text
from parsers.roman import MAX_START, to_roman

LEVELS = 9  # w:ilvl runs 0-8
MAX_STYLE_LINKS = 2  # numStyleLink → style → num → abstractNum; a loop must not hang us
PLACEHOLDER = re.compile(r"%([1-9])")

# Word's Russian letters for lists: the alphabet without ё, й, ъ, ь (29 letters).
RUSSIAN_LETTERS = "абвгдежзиклмнопрстуфхцчшщыэюя"
CHICAGO = ("*", "†", "‡", "§")


def repeated_letters(alphabet: str):
    """A, B, ... Z, AA, BB, ... as Word counts in letters: past the last letter, each repeats."""
    def letter(number: int) -> str:
        return alphabet[(number - 1) % len(alphabet)] * ((number - 1) // len(alphabet) + 1)
    return letter


letters = repeated_letters("abcdefghijklmnopqrstuvwxyz")
russian_letters = repeated_letters(RUSSIAN_LETTERS)

# How w:numFmt writes a number (lists and notes alike). A format not listed (ordinal,
# cardinalText, the East Asian ones) is written as decimal.
NUMBER_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerRoman": to_roman,
    "upperRoman": lambda n: to_roman(n).upper(),
    "lowerLetter": letters,
    "upperLetter": lambda n: letters(n).upper(),
    "russianLower": russian_letters,
    "russianUpper": lambda n: russian_letters(n).upper(),
    "chicago": lambda n: CHICAGO[(n - 1) % 4] * ((n - 1) // 4 + 1),
}


ZERO_PADDED = re.compile(r"0{1,8}1")  # the first item of a custom format "001, 002, 003, ..."


def number_text(fmt: str, number: int) -> str:
    """``number`` in the w:numFmt ``fmt``; numbers below 1 only in decimal (Word allows w:start 0).
    A custom format (Word 2010's "001, 002, 003, ...", written ``custom:001, 002, 003, ...``
    here) pads with zeros; one of another kind is written as decimal."""
    if fmt.startswith("custom:"):
        first = fmt[len("custom:"):].split(",")[0].strip()
        return f"{number:0{len(first)}d}" if ZERO_PADDED.fullmatch(first) else str(number)
    if number < 1 or fmt not in NUMBER_FORMATS:
        return str(number)
    return NUMBER_FORMATS[fmt](number)


@dataclass(frozen=True)
class Level:
    """One w:lvl: how the level counts and what it draws."""

    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    restart: int | None = None  # None: after any higher level; 0: never; k: after level k (1-based)
    legal: bool = False  # w:isLgl: every number in the label in decimal ("1.1" under "I.")
    font: str | None = None  # the label's font (a bullet in Symbol or Wingdings)

    def restarts_after(self, higher: int) -> bool:
        """True when using level ``higher`` (0-based, above this one) restarts this level."""
        if self.restart is None:
            return True
        return higher < self.restart


def level_of(lvl: etree._Element) -> Level:
    """A Level from its w:lvl element; absent properties take Word's defaults."""
    def value(tag: str) -> str | None:
        element = lvl.find(w(tag))
        return element.get(VAL) if element is not None else None

    fonts = lvl.find(f"{w('rPr')}/{w('rFonts')}")
    start = whole_number(value("start"), MAX_START)
    return Level(
        fmt=number_format(lvl),
        text=value("lvlText") or "",
        start=1 if start is None else start,
        restart=whole_number(value("lvlRestart"), LEVELS),
        legal=bool(on_off(lvl.find(w("isLgl")))),
        font=(fonts.get(w("ascii")) or fonts.get(w("hAnsi"))) if fonts is not None else None,
    )


def number_format(lvl: etree._Element) -> str:
    """A level's w:numFmt. Word 2010 and later write a custom format ("001, 002, 003, ...")
    in an mc:AlternateContent, its Choice ``custom`` with w:format, its Fallback plain decimal."""
    element = lvl.find(w("numFmt"))
    if element is None:
        alternate = lvl.find(ALTERNATE_CONTENT)
        element = chosen_branch(alternate).find(w("numFmt")) if alternate is not None else None
    if element is None:
        return "decimal"
    fmt = element.get(VAL) or "decimal"
    return f"custom:{element.get(w('format'), '')}" if fmt == "custom" else fmt


def indexed_levels(abstract: etree._Element) -> dict[int, etree._Element]:
    """An abstractNum's w:lvl by level. Word writes w:ilvl on each; some web exporters (Lark,
    Feishu) leave it out, and then the levels are in order, 0 to 8. The first of a level wins."""
    found: dict[int, etree._Element] = {}
    for position, lvl in enumerate(abstract.findall(w("lvl"))):
        named = lvl.get(w("ilvl"))
        index = whole_number(named, LEVELS - 1) if named is not None else position
        if index is not None and index < LEVELS:
            found.setdefault(index, lvl)
    return found


class Numbering:
    """The list definitions of word/numbering.xml (none when the part is absent)."""

    def __init__(self, root: etree._Element | None, styles: Styles):
        self.styles = styles
        self.abstracts: dict[str, etree._Element] = {}
        self.nums: dict[str, etree._Element] = {}
        self._levels: dict[tuple[str, int], Level | None] = {}
        if root is None:
            return
        for element in root.iter(w("abstractNum")):
            self.abstracts[element.get(w("abstractNumId"), "")] = element
        for element in root.iter(w("num")):
            self.nums[element.get(w("numId"), "")] = element

    def abstract(self, num_id: str, hops: int = 0) -> tuple[str, etree._Element] | None:
        """The abstractNum (its id and element) that defines list ``num_id``'s levels,
        numbering-style links followed."""
        num = self.nums.get(num_id)
        reference = num.find(w("abstractNumId")) if num is not None else None
        abstract_id = reference.get(VAL, "") if reference is not None else ""
        abstract = self.abstracts.get(abstract_id)
        if abstract is None:
            return None
        link = abstract.find(w("numStyleLink"))
        if link is not None and abstract.find(w("lvl")) is None and hops < MAX_STYLE_LINKS:
            linked = self.styles.numbering_reference(None, link.get(VAL))
            if linked:
                return self.abstract(linked[0], hops + 1)
        return abstract_id, abstract

    def override(self, num_id: str, ilvl: int) -> etree._Element | None:
        """The w:lvlOverride of level ``ilvl`` in list ``num_id``, if any."""
        num = self.nums.get(num_id)
        if num is None:
            return None
        return next((o for o in num.iter(w("lvlOverride")) if o.get(w("ilvl")) == str(ilvl)), None)

    def level(self, num_id: str, ilvl: int) -> Level | None:
        """Level ``ilvl`` of list ``num_id``: an override's w:lvl, else the abstractNum's."""
        key = (num_id, ilvl)
        if key not in self._levels:
            self._levels[key] = self._find_level(num_id, ilvl)
        return self._levels[key]

    def _find_level(self, num_id: str, ilvl: int) -> Level | None:
        override = self.override(num_id, ilvl)
        if override is not None and override.find(w("lvl")) is not None:
            return level_of(override.find(w("lvl")))
        found = self.abstract(num_id)
        if found is None:
            return None
        lvl = indexed_levels(found[1]).get(ilvl)
        return level_of(lvl) if lvl is not None else None

    def start_override(self, num_id: str, ilvl: int) -> int | None:
        """The w:startOverride of level ``ilvl`` in list ``num_id``, if it has one."""
        override = self.override(num_id, ilvl)
        element = override.find(w("startOverride")) if override is not None else None
        return whole_number(element.get(VAL), MAX_START) if element is not None else None

    def level_of_style(self, num_id: str, style_id: str | None) -> int:
        """The level a paragraph style is linked to (w:lvl/w:pStyle), 0 when none is."""
        found = self.abstract(num_id)
        if found is None or style_id is None:
            return 0
        for index, lvl in indexed_levels(found[1]).items():
            style = lvl.find(w("pStyle"))
            if style is not None and style.get(VAL) == style_id:
                return index
        return 0

    def list_kind(self, num_id: str, ilvl: int) -> str | None:
        """"bullet", "number", or None when the list or level is unknown or shows nothing."""
        level = self.level(num_id, ilvl)
        if level is None:
            return None
        if level.fmt == "bullet":
            return "bullet"
        if level.fmt == "none":
            # No number; literal label text (a typed dash) still makes a list item.
            return "bullet" if PLACEHOLDER.sub("", level.text).strip() else None
        return "number"


class Counters:
    """Word's running list counters, advanced paragraph by paragraph in document order."""

    def __init__(self, numbering: Numbering):
        self.numbering = numbering
        self.counts: dict[str, list[int | None]] = {}  # abstractNum id → count per level
        self.entered: set[tuple[str, int]] = set()  # (numId, ilvl) already used once

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Count one item of list ``num_id`` at level ``ilvl`` and return what Word draws
        before it ("3.", "IV.", "б)", "•"); None when it draws nothing."""
        numbering = self.numbering
        level = numbering.level(num_id, ilvl)
        found = numbering.abstract(num_id)
        if level is None:
            return None
        counts = self.counts.setdefault(found[0] if found else f"num {num_id}", [None] * LEVELS)
        if (num_id, ilvl) not in self.entered:
            self.entered.add((num_id, ilvl))
            start = numbering.start_override(num_id, ilvl)
            if start is not None:
                counts[ilvl] = start - 1
        counts[ilvl] = level.start if counts[ilvl] is None else counts[ilvl] + 1
        for deeper in range(ilvl + 1, LEVELS):
            below = numbering.level(num_id, deeper)
            if below is None or below.restarts_after(ilvl):
                counts[deeper] = None
        return self.render(num_id, level, counts)

    def render(self, num_id: str, level: Level, counts: list[int | None]) -> str | None:
        """The label of ``level`` with its %1…%9 replaced by the levels' current numbers."""
        if level.fmt == "bullet":
            return symbol_text(level.text, level.font).strip() or None

        def number(match: re.Match) -> str:
            index = int(match.group(1)) - 1
            shown = self.numbering.level(num_id, index) or Level()
            if shown.fmt == "none":
                return ""
            value = counts[index] if counts[index] is not None else shown.start
            return number_text("decimal" if level.legal else shown.fmt, value)

        return PLACEHOLDER.sub(number, symbol_text(level.text, level.font)).strip() or None
