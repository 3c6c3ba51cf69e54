"""What WordprocessingML styles say about a run or a paragraph.

The DOCX reader asks two questions these answer: is this run bold / superscript /
hidden, and is this paragraph a heading or a list item (which list, which level).
Lists' numbers are drawn in ``numbering.py``, notes' marks in ``notes.py``. Properties are looked up
the way Word cascades them: direct formatting, then the character style, then
the paragraph style and the styles it is based on, then document defaults.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from parsers.readers.xml import whole_number  # noqa: F401 (used here and by the reader's modules)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(local: str) -> str:
    """Clark name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{local}"


VAL = w("val")
RSTYLE, NUM_PR, NUM_ID, ILVL = w("rStyle"), w("numPr"), w("numId"), w("ilvl")
BOLD, VERT_ALIGN, VANISH, OUTLINE_LEVEL = w("b"), w("vertAlign"), w("vanish"), w("outlineLvl")
OFF_VALUES = frozenset({"0", "false", "off", "none"})
MAX_STYLE_DEPTH = 20  # basedOn chains are short; a cycle must not hang us

# Style names that make a heading, in any language a plan may be written in,
# followed by the level: "heading 1", "Heading 2", "Заголовок 3".
HEADING_WORDS = ("heading", "заголовок")
HEADING_NAME = re.compile(
    r"^(?:" + "|".join(HEADING_WORDS) + r")" + r"\s*" + r"(?P<level>[1-9])$",
    re.IGNORECASE,
)
BODY_TEXT_OUTLINE_LEVEL = 9  # w:outlineLvl 9 means "body text", not a heading
MAX_LIST_LEVEL = 8  # w:ilvl runs 0-8


def on_off(element: etree._Element | None) -> bool | None:
    """A toggle property's value: None when absent, else on unless val says off."""
    if element is None:
        return None
    return element.get(VAL, "true").lower() not in OFF_VALUES


@dataclass(frozen=True)
class RunFormat:
    """The formatting of a run that the block model keeps."""

    bold: bool = False
    superscript: bool = False
    hidden: bool = False


@dataclass(frozen=True)
class Style:
    """One w:style: its name, parent and property elements."""

    name: str
    based_on: str | None
    ppr: etree._Element | None
    rpr: etree._Element | None


class Styles:
    """Style lookups over word/styles.xml (an empty set when the part is absent)."""

    def __init__(self, root: etree._Element | None):
        self.styles: dict[str, Style] = {}
        self.default_paragraph: str | None = None
        self.default_rpr: etree._Element | None = None
        # What the styles say depends only on style ids, and a document uses few of them:
        # each answer is worked out once (every run and paragraph asked it again before).
        self._chains: dict[str | None, tuple[Style, ...]] = {}
        self._inherited: dict[tuple, object] = {}
        if root is None:
            return
        self.default_rpr = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        for element in root.iter(w("style")):
            style_id = element.get(w("styleId"))
            if style_id is None:
                continue
            name = element.find(w("name"))
            based_on = element.find(w("basedOn"))
            self.styles[style_id] = Style(
                name=name.get(VAL, style_id) if name is not None else style_id,
                based_on=based_on.get(VAL) if based_on is not None else None,
                ppr=element.find(w("pPr")),
                rpr=element.find(w("rPr")),
            )
            if element.get(w("type")) == "paragraph" and on_off_attr(element.get(w("default"))):
                self.default_paragraph = style_id

    def name(self, style_id: str | None) -> str | None:
        """The style's display name (its id when it has none)."""
        if style_id is None:
            return None
        style = self.styles.get(style_id)
        return style.name if style else style_id

    def chain(self, style_id: str | None) -> tuple[Style, ...]:
        """The style and the styles it is based on, nearest first."""
        cached = self._chains.get(style_id)
        if cached is not None:
            return cached
        found: list[Style] = []
        next_id = style_id
        while next_id and len(found) < MAX_STYLE_DEPTH:
            style = self.styles.get(next_id)
            if style is None or style in found:
                break
            found.append(style)
            next_id = style.based_on
        self._chains[style_id] = tuple(found)
        return self._chains[style_id]

    def paragraph_style(self, ppr: etree._Element | None) -> str | None:
        """The paragraph's style id, or the document's default paragraph style."""
        style = ppr.find(w("pStyle")) if ppr is not None else None
        return style.get(VAL) if style is not None else self.default_paragraph

    def run_property(self, rpr: etree._Element | None, paragraph_style: str | None,
                     tag: str) -> etree._Element | None:
        """The nearest run property ``tag``: direct, character style, paragraph style, defaults."""
        if rpr is None:
            return self.inherited_run_property(None, paragraph_style, tag)
        found = rpr.find(tag)
        if found is not None:
            return found
        char_style = rpr.find(RSTYLE)
        return self.inherited_run_property(char_style.get(VAL) if char_style is not None else None,
                                           paragraph_style, tag)

    def inherited_run_property(self, char_style: str | None, paragraph_style: str | None,
                               tag: str) -> etree._Element | None:
        """A run property from the styles alone: character style, paragraph style, defaults."""
        key = ("r", char_style, paragraph_style, tag)
        if key not in self._inherited:
            sources = [s.rpr for s in self.chain(char_style)] + [s.rpr for s in self.chain(paragraph_style)]
            self._inherited[key] = first_found([*sources, self.default_rpr], tag)
        return self._inherited[key]

    def run_format(self, rpr: etree._Element | None, paragraph_style: str | None) -> RunFormat:
        """Bold, superscript and hidden for a run, cascaded through the styles."""
        vert_align = self.run_property(rpr, paragraph_style, VERT_ALIGN)
        return RunFormat(
            bold=bool(on_off(self.run_property(rpr, paragraph_style, BOLD))),
            superscript=vert_align is not None and vert_align.get(VAL) == "superscript",
            hidden=bool(on_off(self.run_property(rpr, paragraph_style, VANISH))),
        )

    def paragraph_property(self, ppr: etree._Element | None, style_id: str | None,
                           tag: str) -> etree._Element | None:
        """The nearest paragraph property ``tag``: direct, then the style chain."""
        found = ppr.find(tag) if ppr is not None else None
        if found is not None:
            return found
        key = ("p", style_id, tag)
        if key not in self._inherited:
            self._inherited[key] = first_found([s.ppr for s in self.chain(style_id)], tag)
        return self._inherited[key]

    def heading_level(self, ppr: etree._Element | None, style_id: str | None) -> int | None:
        """Heading level from the style's name ("Heading 2") or an outline level."""
        key = ("heading", style_id)
        if key not in self._inherited:
            names = (HEADING_NAME.match(style.name.strip()) for style in self.chain(style_id))
            self._inherited[key] = next((int(m.group("level")) for m in names if m), None)
        if self._inherited[key] is not None:
            return self._inherited[key]
        outline = self.paragraph_property(ppr, style_id, OUTLINE_LEVEL)
        level = whole_number(outline.get(VAL) if outline is not None else None, BODY_TEXT_OUTLINE_LEVEL)
        if level is not None:
            return level + 1 if level < BODY_TEXT_OUTLINE_LEVEL else None
        return None

    def numbering_reference(self, ppr: etree._Element | None,
                            style_id: str | None) -> tuple[str, int | None] | None:
        """(numId, ilvl) from w:numPr, direct or through the style; None if not a list.
        ilvl is None when no w:numPr names it (the style's list level then decides)."""
        num_id = ilvl = None
        for source in [ppr] + [s.ppr for s in self.chain(style_id)]:
            num_pr = source.find(NUM_PR) if source is not None else None
            if num_pr is None:
                continue
            if num_id is None and num_pr.find(NUM_ID) is not None:
                num_id = num_pr.find(NUM_ID).get(VAL)
            if ilvl is None and num_pr.find(ILVL) is not None:
                ilvl = num_pr.find(ILVL).get(VAL)
        if not num_id or num_id == "0":  # numId 0 removes numbering a style gave
            return None
        return num_id, None if ilvl is None else whole_number(ilvl, MAX_LIST_LEVEL) or 0


def first_found(sources: list[etree._Element | None], tag: str) -> etree._Element | None:
    """The first ``tag`` child among ``sources``, nearest first."""
    for source in sources:
        found = source.find(tag) if source is not None else None
        if found is not None:
            return found
    return None


def on_off_attr(value: str | None) -> bool:
    """An ST_OnOff attribute value (absent means off)."""
    return value is not None and value.lower() not in OFF_VALUES
