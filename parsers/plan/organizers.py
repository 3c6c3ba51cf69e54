"""Organisers named in a note cell: "Организаторы: A, B, НП «C, D»"."""

from __future__ import annotations

import re

from parsers.plan.vocab import NOT_ORGANIZER_OPENINGS, ORGANIZER_LABELS, ORGANIZER_SEPARATORS, QUOTE_PAIRS


def _alternation(labels) -> str:
    return "|".join(map(re.escape, sorted(labels, key=len, reverse=True)))


# The label and its colon or dash; or the label and a name opening in a capital or a quote,
# the colon lost (a scan's OCR drops it: "Организаторы МАГ, АСДГ"). An abbreviated label ("Отв.",
# "Орг.") needs a colon or a spaced dash: "Орг.-техническое обеспечение" is a word, not a label.
_LABEL = re.compile(
    r"^\s*(?:(?:" + _alternation(label for label in ORGANIZER_LABELS if not label.endswith(".")) + r")"
    r"(?:\s*[:\-–—]\s*|\s+(?=(?-i:[«\"A-ZА-ЯЁ])))"
    r"|(?:" + _alternation(label for label in ORGANIZER_LABELS if label.endswith(".")) + r")"
    r"(?:\s*:\s*|\s+[\-–—]\s+|\s+(?=(?-i:[«\"A-ZА-ЯЁ]))))",
    re.IGNORECASE,
)
_TRAILING = " \t.,;:"
_SEPARATOR = re.compile("|".join(map(re.escape, ORGANIZER_SEPARATORS)))


def organizers_from_note(note: str, whole_cell: bool = False) -> list[str]:
    """Organisers a note names after its label; ``whole_cell`` when the column itself lists them."""
    match = _LABEL.match(note)
    if match:
        return split_names(note[match.end():])
    return split_names(note) if whole_cell and not note.lower().lstrip().startswith(NOT_ORGANIZER_OPENINGS) else []


def split_names(text: str) -> list[str]:
    """Split a list of names on commas, semicolons and line breaks outside quotes."""
    if not any(char in text for char in QUOTE_PAIRS):  # most notes: no quotes, plain separators
        return [clean for name in _SEPARATOR.split(text) if (clean := _clean(name))]
    names: list[str] = []
    current: list[str] = []
    closing: list[str] = []
    for char in text:
        if closing and char == closing[-1]:
            closing.pop()
        elif char in QUOTE_PAIRS and not (char == '"' and closing and closing[-1] == '"'):
            closing.append(QUOTE_PAIRS[char])
        elif char in ORGANIZER_SEPARATORS and not closing:
            names.append("".join(current))
            current = []
            continue
        current.append(char)
    names.append("".join(current))
    return [clean for name in names if (clean := _clean(name))]


_ABBREVIATION = re.compile(r"(?:\bдр|\bт\.д|\bт\.п)\.$")
# Characters before a name's end that decide whether it ends with an abbreviation.
_ABBREVIATION_REACH = 8


def _clean(name: str) -> str:
    """One name with whitespace collapsed and stray separators trimmed.

    The end moves back over the name once (no copy per character: a run of 50,000 dots
    is trimmed in one pass, not 50,000)."""
    name = " ".join(name.split())
    end = len(name)
    while end and name[end - 1] in _TRAILING and not _ends_with_abbreviation(name, end):
        end -= 1
        while end and name[end - 1] == " ":
            end -= 1
    return name[:end].strip(" \t,;:")


def _ends_with_abbreviation(name: str, end: int) -> bool:
    """True when ``name[:end]`` ends with "и др." / "т.д." whose dot belongs to the word."""
    return name[end - 1] == "." and bool(_ABBREVIATION.search(name[max(0, end - _ABBREVIATION_REACH):end]))
