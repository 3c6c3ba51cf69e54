"""Footnotes in HTML: which anchors cite a note, which mark a note's own number, which
elements hold a note.

The conventions themselves live in the producers' modules (``word``, ``libreoffice``,
``google_docs``); ``producers.NOTE_RULES`` joins them. A producer writes a note in one of two shapes: a container (Word's and LibreOffice's
<div id="ftn1"> or <div id="sdfootnote1">) whose text is the note and whose first anchor
is its number; or a paragraph that opens with a back-link, an anchor pointing back to
the reference (Google Docs' <a href="#ftnt_ref1">[1]</a>, LibreOffice's XHTML
<a href="#body_ftn1">1</a>): that paragraph is the note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.blocks import NOTE_MARKER_BRACKETS


@dataclass(frozen=True)
class NoteConventions:
    """How one producer marks footnotes (each part empty when the producer does not use it)."""

    producer: str
    anchor_classes: frozenset[str] = frozenset()  # <a class> that cites or numbers a note
    anchor_styles: tuple[str, ...] = ()  # style properties on such an <a>
    reference_hrefs: tuple[str, ...] = ()  # patterns of <a href> that cite a note
    backlink_hrefs: tuple[str, ...] = ()  # patterns of <a href> inside a note, back to its reference
    body_ids: tuple[str, ...] = ()  # patterns of the id of an element that holds a note
    body_elements: frozenset[str] = field(default_factory=frozenset)  # Word's mso-element values


def _any_of(patterns) -> re.Pattern | None:
    patterns = [pattern for pattern in patterns if pattern]
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns)) if patterns else None


class NoteRules:
    """Every producer's conventions as one set of checks."""

    def __init__(self, conventions: tuple[NoteConventions, ...]):
        self.conventions = conventions
        self.anchor_classes = frozenset().union(*(c.anchor_classes for c in conventions))
        self.anchor_styles = tuple(style for c in conventions for style in c.anchor_styles)
        self.references = _any_of(pattern for c in conventions for pattern in c.reference_hrefs)
        self.backlinks = _any_of(pattern for c in conventions for pattern in c.backlink_hrefs)
        self.body_ids = _any_of(pattern for c in conventions for pattern in c.body_ids)
        self.body_elements = frozenset().union(*(c.body_elements for c in conventions))

    def is_anchor(self, attrs: dict[str, str], styles: dict[str, str]) -> bool:
        """True for an <a> that cites a note, or numbers a note inside its body."""
        classes = attrs.get("class", "").split()
        if any(name in self.anchor_classes for name in classes):
            return True
        if any(name in styles for name in self.anchor_styles):
            return True
        href = attrs.get("href")
        return bool(href) and bool(self.references.fullmatch(href) or self.backlinks.fullmatch(href))

    def is_backlink(self, attrs: dict[str, str]) -> bool:
        """True for an anchor that points from a note back to its reference (the note's number)."""
        href = attrs.get("href")
        return bool(href) and bool(self.backlinks.fullmatch(href))

    def is_body(self, attrs: dict[str, str], styles: dict[str, str]) -> bool:
        """True for an element that holds a note's text (by its id or Word's mso-element)."""
        if styles.get("mso-element") in self.body_elements:
            return True
        element_id = attrs.get("id")
        return bool(element_id and self.body_ids.fullmatch(element_id))


def marker_text(text: str) -> str:
    """A note anchor's visible marker, its whitespace collapsed as a browser shows it,
    without the brackets Word and Google Docs draw: "[1]" -> "1"."""
    return " ".join(text.split()).strip(NOTE_MARKER_BRACKETS).strip()
