"""Classify the rows of a plan table: numbered rows, headings, continuations.

A row with a number opens a record. A row with no number whose only text spans
the table (or sits in the number column, or is all bold) is a heading. Any other
row with no number continues the record above it: a row cut by a page break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from parsers.plan.cells import cell_markers, cell_text, shown_cell_text
from parsers.plan.grid import GridRow
from parsers.plan.vocab import SECTION_WORDS
from parsers.roman import roman_value

# Up to six digits: a generated 10,000-event plan is read whole; a longer run of digits
# in the number column is not an event number.
_NUMBER = re.compile(r"^\s*(?P<number>\d{1,6})\s*[.)]?\s*$")

RowKind = Literal["numbered", "heading", "continuation", "empty"]


@dataclass(frozen=True)
class RowClass:
    """What a row is, with its number or heading text when it has one."""

    kind: RowKind
    gridrow: GridRow
    number: int | None = None
    heading: str | None = None
    markers: tuple[str, ...] = ()
    by_bold_only: bool = False
    unread_number: str | None = None  # a continuation's number cell text that is no number ("1.1")


def number_of(text: str) -> int | None:
    """The row number written in a number cell ("12.", "12", "12)"), or None."""
    match = _NUMBER.match(text)
    return int(match.group("number")) if match else None


def _section_words(text: str) -> bool:
    """A section's number in the number column, "Раздел" / "Часть" and a number ("Раздел 2"):
    a section whatever its title looks like."""
    words = text.split()
    return len(words) == 2 and words[0].lower().rstrip(".") in SECTION_WORDS and (
        number_of(words[1]) is not None or _roman(words[1]))


def _roman_number(text: str) -> bool:
    """A section's number in the number column as a Roman numeral alone ("II.", "IV")."""
    words = text.split()
    return len(words) == 1 and _roman(words[0])


def _looks_like_heading(slot) -> bool:
    """A title cell set as a heading: bold, in capitals, or spanning the columns after it."""
    paragraphs = [block for block in slot.cell.blocks if block.text.strip()]
    text = cell_text(slot.cell)
    return slot.width >= 2 or text.isupper() or bool(paragraphs) and all(block.is_bold for block in paragraphs)


def _roman(word: str) -> bool:
    """A Roman numeral in capitals, as sections are numbered ("x" is a cross or a letter)."""
    numeral = word.rstrip(".")
    return numeral.isupper() and roman_value(numeral) is not None


def classify(gridrow: GridRow, number_column: int | None, width: int, sections: bool = False) -> RowClass:
    """Decide what one row of a plan table is; ``sections`` in an event table, whose number
    column may number a section beside its title."""
    filled = gridrow.filled()
    if not filled:
        return RowClass("empty", gridrow)
    number_slot = gridrow.at(number_column) if number_column is not None else None
    number_text = None
    if number_slot is not None and not number_slot.inherited and number_slot.width == 1:
        number_text = shown_cell_text(number_slot.cell)
        number = number_of(number_text)
        if number is not None:
            return RowClass("numbered", gridrow, number=number)
    # A Roman number beside a plain title may be an event's number typed in Roman ("II |
    # Заседание Совета МАГ |  | "): a section only when the title is set as a heading, else the
    # row goes on with the event above, its number reported (number_unread).
    title = next((slot for slot in filled if slot is not number_slot), None) if len(filled) == 2 else None
    if sections and number_text and title is not None and (
            _section_words(number_text) or _roman_number(number_text) and _looks_like_heading(title)):
        return RowClass("heading", gridrow, heading=f"{number_text} {cell_text(title.cell)}",
                        markers=tuple(cell_markers(title.cell)))
    heading = _heading_evidence(filled, number_column, width)
    if heading:
        slot = filled[0]
        return RowClass("heading", gridrow, heading=cell_text(slot.cell),
                        markers=tuple(cell_markers(slot.cell)), by_bold_only=heading == "bold")
    return RowClass("continuation", gridrow, unread_number=number_text or None)


def _heading_evidence(filled, number_column: int | None, width: int) -> str | None:
    """Why a row is a heading: one cell of text that spans, sits in the number column, or is bold."""
    if len(filled) != 1:
        return None
    slot = filled[0]
    if slot.width >= 2 or width <= 1:
        return "span"
    if number_column is not None and slot.column == number_column:
        return "number_column"
    paragraphs = [block for block in slot.cell.blocks if block.text.strip()]
    if paragraphs and all(block.is_bold for block in paragraphs):
        return "bold"
    return None
