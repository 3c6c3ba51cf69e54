"""Footnotes as the exporters write them: which anchors cite a note and which elements hold one.

LibreOffice: <a class="sdfootnoteanc"> cites, <div id="sdfootnote1"> holds the note and
its <a class="sdfootnotesym">. Word: <a style="mso-footnote-id:ftn1"> both cites and,
inside <div style="mso-element:footnote" id="ftn1">, marks the note; a filtered Word
page keeps only the href="#_ftn1" / "#_ftnref1" pairs.
"""

from __future__ import annotations

import re

NOTE_ANCHOR_CLASSES = frozenset({"sdfootnoteanc", "sdendnoteanc", "sdfootnotesym", "sdendnotesym"})
NOTE_ANCHOR_STYLES = ("mso-footnote-id", "mso-endnote-id")
NOTE_ANCHOR_HREF = re.compile(r"#_?(?:ftn|edn)(?:ref)?\d+")
NOTE_BODY_ID = re.compile(r"sd(?:foot|end)note\d+|_?(?:ftn|edn)\d+")
NOTE_BODY_ELEMENTS = frozenset({"footnote", "endnote"})  # values of Word's mso-element
NOTE_MARKER_BRACKETS = "[]"


def is_note_anchor(attrs: dict[str, str], styles: dict[str, str]) -> bool:
    """True for an <a> that cites a note, or marks a note body's own number."""
    classes = attrs.get("class", "").split()
    if any(name in NOTE_ANCHOR_CLASSES for name in classes):
        return True
    if any(name in styles for name in NOTE_ANCHOR_STYLES):
        return True
    return bool(NOTE_ANCHOR_HREF.fullmatch(attrs.get("href") or ""))


def is_note_body(attrs: dict[str, str], styles: dict[str, str]) -> bool:
    """True for an element that holds a note's text (by its id or Word's mso-element)."""
    if styles.get("mso-element") in NOTE_BODY_ELEMENTS:
        return True
    element_id = attrs.get("id")
    return bool(element_id and NOTE_BODY_ID.fullmatch(element_id))


def marker_text(text: str) -> str:
    """A note anchor's visible marker, its whitespace collapsed as a browser shows it,
    without Word's brackets: "[1]" -> "1"."""
    return " ".join(text.split()).strip(NOTE_MARKER_BRACKETS).strip()
