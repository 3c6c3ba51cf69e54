"""A plan as data: what the yearly plan says, not how it is laid out.

A plan file (``samples/plans/plan_YYYY.py``) builds one ``Plan`` from these
classes; ``layout.py`` turns it into document blocks. Nothing here knows about
ODF, Word or LibreOffice.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Event:
    """One row of the event table.

    ``number`` is None on a continuation row (a row carried over a page break):
    its number cell is left empty. ``title`` is the title cell's paragraphs;
    ``items`` follow them as a bulleted list. ``place`` None means the
    place/date cell holds only the date phrase.
    """

    number: str | None
    title: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    place: str | None = None
    date: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Section:
    """A section heading: one bold row spanning the whole event table."""

    title: str


@dataclass(frozen=True)
class Heading:
    """A bold heading row of an annex table, optionally cited by a marker.

    ``footnote`` makes a real footnote (its text) cited by the marker;
    ``superscript`` types the marker as superscript text, citing nothing.
    """

    text: str
    footnote: str | None = None
    superscript: str | None = None


@dataclass(frozen=True)
class AnnexPart:
    """A heading row followed by numbered rows of plain cells."""

    heading: Heading
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Plan:
    """Everything one plan document says, in document order."""

    title_lines: tuple[str, ...]
    header: tuple[str, str, str, str]
    rows: tuple[Event | Section, ...]
    signatory_position: tuple[str, ...]
    signatory_name: str
    annex: tuple[AnnexPart, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())  # lines typed under the annex: footnotes typed by hand
