"""Fields: what Word shows for a field, and what it does not.

A complex field is runs: ``w:fldChar begin``, its instruction (``w:instrText``, and the
results of any fields nested in it, which are arguments, not text), ``w:fldChar separate``,
the result Word last rendered, ``w:fldChar end``. The result is read; the instruction never
is. A simple field (``w:fldSimple``) holds its result as runs.

Word stores a result for nearly every field, but not for the AUTONUM family, whose numbers
it draws as it draws list numbers; and programs that generate documents (mail merge,
report builders) often write SEQ fields with no result, for Word to fill in when it opens
the file. For those, the number is computed here as Word would: one counter per kind
(per identifier for SEQ, per list for LISTNUM), advanced in document order. LISTNUM is drawn
for Word's three built-in lists (NumberDefault, LegalDefault, OutlineDefault); one naming a
list of the document's own is not computed, and the reader warns. A legacy check box form
field (FORMCHECKBOX) stores its state, not its look: it reads as ☒ or ☐.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from parsers.readers.docx.numbering import number_text
from parsers.readers.docx.styles import on_off, w
from parsers.readers.xml import whole_number
from parsers.roman import MAX_START

TOKEN = re.compile(r'"[^"]*"|\S+')
# \* switches that give a number's format (Word's names are case-sensitive: ROMAN, roman).
FORMAT_SWITCHES = {
    "ARABIC": "decimal", "ROMAN": "upperRoman", "roman": "lowerRoman",
    "ALPHABETIC": "upperLetter", "alphabetic": "lowerLetter",
}
# AUTONUMOUT draws the outline numbers of Word's legal outline: I., A., 1., a), (1), (a), (i), (a), (i).
OUTLINE_LABELS = (("upperRoman", "{}."), ("upperLetter", "{}."), ("decimal", "{}."), ("lowerLetter", "{})"),
                  ("decimal", "({})"), ("lowerLetter", "({})"), ("lowerRoman", "({})"),
                  ("lowerLetter", "({})"), ("lowerRoman", "({})"))
AUTONUM_KINDS = ("AUTONUM", "AUTONUMLGL", "AUTONUMOUT")
LEVELS = 9
# LISTNUM's built-in lists, level by level: (format, label), or None for the legal numbers
# (every level so far, joined by periods: 1. 1.1. 1.1.1.).
NUMBER_DEFAULT = (("decimal", "{})"), ("lowerLetter", "{})"), ("lowerRoman", "{})"), ("decimal", "({})"),
                  ("lowerLetter", "({})"), ("lowerRoman", "({})"), ("decimal", "{}."), ("lowerLetter", "{}."),
                  ("lowerRoman", "{}."))
LIST_DEFAULTS = {"numberdefault": NUMBER_DEFAULT, "outlinedefault": OUTLINE_LABELS, "legaldefault": None}


@dataclass
class Field:
    """A complex field being read: its instruction so far, and whether its result began."""

    instruction: list[str] = field(default_factory=list)
    in_result: bool = False
    result_shown: bool = False  # its stored result holds visible text
    hidden: int = 0  # characters of text inside the instruction (nested fields' results)
    mark: str | None = None  # what a legacy check box form field shows ("☒", "☐"), stored nowhere as text


def check_box_mark(begin: etree._Element) -> str | None:
    """What a legacy check box form field (FORMCHECKBOX) shows: its w:ffData says whether it is
    checked (w:checked, else w:default); Word draws the box, the file holds no text."""
    box = begin.find(f"{w('ffData')}/{w('checkBox')}")
    if box is None:
        return None
    state = box.find(w("checked"))
    if state is None:
        state = box.find(w("default"))
    return "☒" if on_off(state) else "☐"


def tokens(instruction: str) -> list[str]:
    """The words of a field instruction, quoted arguments unquoted."""
    return [t[1:-1] if t.startswith('"') and t.endswith('"') and len(t) > 1 else t
            for t in TOKEN.findall(instruction)]


KEEP_FORMATTING = frozenset({"MERGEFORMAT", "CHARFORMAT"})


def switch_value(words: list[str], switch: str) -> str | None:
    """The argument of ``switch`` (``\\r``, ``\\*``), or None when the switch is absent.

    ``\\* MERGEFORMAT`` and ``\\* CHARFORMAT`` keep the result's formatting, not its number
    format, so they are skipped: ``SEQ x \\* MERGEFORMAT \\* roman`` is roman."""
    for index, word in enumerate(words[:-1]):
        if word.lower() == switch.lower() and words[index + 1].upper() not in KEEP_FORMATTING:
            return words[index + 1]
    return None


class FieldCounters:
    """The numbers Word computes for result-less fields, in document order."""

    def __init__(self):
        self.sequences: dict[str, int] = {}  # SEQ identifier (any case) → its last number
        self.autonum: dict[str, list[int]] = {kind: [0] * LEVELS for kind in AUTONUM_KINDS}
        self.lists: dict[str, list[int]] = {}  # LISTNUM list name → count per level
        self.in_paragraph = 0  # LISTNUM fields so far in this paragraph: each is a level lower

    def new_paragraph(self) -> None:
        """A paragraph begins (LISTNUM's default level is counted within one)."""
        self.in_paragraph = 0

    def result(self, instruction: str, level: int, stored: bool) -> str | None:
        """What Word shows for a field with this instruction in a paragraph at outline
        ``level`` (1-9); counters advance either way. None when the field is not one that
        counts, or when its result is ``stored`` in the file (which is then read instead)."""
        words = tokens(instruction)
        kind = words[0].upper() if words else ""
        if kind == "SEQ" and len(words) > 1:
            text = self.sequence(words)
        elif kind in AUTONUM_KINDS:
            text = self.autonumber(kind, words, level)
        elif kind == "LISTNUM" and listnum_list(words) in LIST_DEFAULTS:
            text = self.list_number(words)
        else:
            return None
        return None if stored else text

    def sequence(self, words: list[str]) -> str:
        """SEQ identifier [\\c | \\r N | \\n] [\\h] [\\* format]."""
        name = words[1].lower()
        flags = {word.lower() for word in words}
        reset = whole_number(switch_value(words, "\\r"), MAX_START)
        if reset is not None:
            value = reset
        elif "\\c" in flags:
            value = self.sequences.get(name, 0)
        else:
            value = self.sequences.get(name, 0) + 1
        self.sequences[name] = value
        if "\\h" in flags:
            return ""
        return number_text(FORMAT_SWITCHES.get(switch_value(words, "\\*") or "", "decimal"), value)

    def autonumber(self, kind: str, words: list[str], level: int) -> str:
        """AUTONUM (1. 2. 3.), AUTONUMLGL (1. 1.1. 1.1.1.), AUTONUMOUT (I. A. 1. a) ...),
        counted by the paragraph's outline level; \\e leaves out AUTONUMLGL's last period,
        \\s gives AUTONUM's separator."""
        counts = self.autonum[kind]
        index = min(max(level, 1), LEVELS) - 1
        counts[index] += 1
        for deeper in range(index + 1, LEVELS):
            counts[deeper] = 0
        fmt = FORMAT_SWITCHES.get(switch_value(words, "\\*") or "", None)
        if kind == "AUTONUMOUT":
            outline_fmt, pattern = OUTLINE_LABELS[index]
            return pattern.format(number_text(fmt or outline_fmt, counts[index]))
        if kind == "AUTONUMLGL":
            numbers = ".".join(number_text(fmt or "decimal", max(count, 1)) for count in counts[:index + 1])
            return numbers if "\\e" in {word.lower() for word in words} else numbers + "."
        separator = switch_value(words, "\\s")
        return number_text(fmt or "decimal", counts[index]) + (separator[:1] if separator else ".")

    def list_number(self, words: list[str]) -> str:
        """LISTNUM [list] [\\l level] [\\s start]: the next number of a built-in list; without
        \\l, the first LISTNUM of a paragraph is at level 1, the next at level 2, and so on."""
        self.in_paragraph += 1
        name = listnum_list(words)
        level = whole_number(switch_value(words, "\\l"), LEVELS) or min(self.in_paragraph, LEVELS)
        counts = self.lists.setdefault(name, [0] * LEVELS)
        index = level - 1
        start = whole_number(switch_value(words, "\\s"), MAX_START)
        counts[index] = start if start is not None else counts[index] + 1
        for deeper in range(index + 1, LEVELS):
            counts[deeper] = 0
        labels = LIST_DEFAULTS[name]
        if labels is None:
            return ".".join(str(max(count, 1)) for count in counts[:index + 1]) + "."
        fmt, pattern = labels[index]
        return pattern.format(number_text(fmt, counts[index]))


def listnum_list(words: list[str]) -> str:
    """The list a LISTNUM field numbers in (lower case): its first argument, NumberDefault if none."""
    name = words[1] if len(words) > 1 and not words[1].startswith("\\") else "NumberDefault"
    return name.lower()


def unnumbered_kind(instruction: str) -> str | None:
    """The name of a numbering field whose number the reader cannot compute (LISTNUM of a
    list the document defines)."""
    words = tokens(instruction)
    if words and words[0].upper() == "LISTNUM" and listnum_list(words) not in LIST_DEFAULTS:
        return "LISTNUM"
    return None
