"""Footnotes and endnotes: the notes of each kind by id, and the marks Word numbers them with.

The body reader cites a note where its reference stands (``BodyReader.note_reference``)
and reads its text there; this module knows where the notes are and what mark the next
one gets (w:footnotePr / w:endnotePr in the settings or the section: format and start).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from parsers.readers.docx.numbering import NUMBER_FORMATS, number_text
from parsers.readers.docx.styles import VAL, w, whole_number
from parsers.roman import MAX_START

SKIPPED_NOTE_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
NOTE_KINDS = ("footnote", "endnote")
# Word's defaults: footnotes 1, 2, 3; endnotes i, ii, iii.
DEFAULT_NOTE_FORMAT = {"footnote": "decimal", "endnote": "lowerRoman"}


@dataclass(frozen=True)
class NoteStyle:
    """How one kind of note is numbered: the format and the first number."""

    fmt: str = "decimal"
    start: int = 1

    def marker(self, ordinal: int) -> str:
        """The displayed mark of the ``ordinal``-th (1-based) note."""
        return number_text(self.fmt, self.start + ordinal - 1)


def note_style(kind: str, *roots: etree._Element | None) -> NoteStyle:
    """The numbering of ``kind`` ("footnote"/"endnote") from settings, then the section."""
    fmt, start = DEFAULT_NOTE_FORMAT[kind], 1
    for root in roots:
        if root is None:
            continue
        for props in root.iter(w(f"{kind}Pr")):
            num_fmt, num_start = props.find(w("numFmt")), props.find(w("numStart"))
            if num_fmt is not None and num_fmt.get(VAL) in NUMBER_FORMATS:
                fmt = num_fmt.get(VAL)
            if num_start is not None and (number := whole_number(num_start.get(VAL), MAX_START)) is not None:
                start = number
    return NoteStyle(fmt, start)


def notes_by_id(root: etree._Element | None, kind: str) -> dict[str, etree._Element]:
    """The notes of a footnotes/endnotes part by id, separators left out."""
    if root is None:
        return {}
    return {note.get(w("id"), ""): note for note in root.iter(w(kind))
            if note.get(w("type"), "normal") not in SKIPPED_NOTE_TYPES}


class Notes:
    """The document's notes of both kinds, and how many of each have been cited so far."""

    def __init__(self, footnotes: etree._Element | None, endnotes: etree._Element | None,
                 settings: etree._Element | None, document: etree._Element):
        self.by_id = {"footnote": notes_by_id(footnotes, "footnote"),
                      "endnote": notes_by_id(endnotes, "endnote")}
        self.styles = {kind: note_style(kind, settings, document) for kind in NOTE_KINDS}
        self.cited = {kind: 0 for kind in NOTE_KINDS}

    def next_marker(self, kind: str) -> str:
        """The mark Word shows for the next automatically numbered note of ``kind``."""
        self.cited[kind] += 1
        return self.styles[kind].marker(self.cited[kind])

    def find(self, kind: str, note_id: str) -> etree._Element | None:
        """The note ``note_id`` of ``kind``; None when the file does not have it."""
        return self.by_id[kind].get(note_id)


def on_off_attr_value(value: str | None) -> bool:
    """An ST_OnOff attribute such as customMarkFollows ("1", "true", "on")."""
    return value is not None and value.lower() in {"1", "true", "on"}
