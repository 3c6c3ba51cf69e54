"""What a page carries besides its content: furniture and footnotes.

- Furniture: running headers and footers and page numbers: what repeats at the
  page's edge. A line in the top or bottom band is furniture when the same text
  (digits aside) stands in that band on two or more pages; a page number alone
  on its page (a first page left unnumbered, a one-page document) is furniture
  only when it is that page's own number in plain form ("2", "- 2 -", "стр. 2").
  A number that is neither, such as a note's "[1]" at the top of a page of notes,
  is content.
- Footnotes: the lines below a short rule at the foot of the page, or, with no
  rule, trailing lines set smaller than the body text; each starts with its
  marker and runs until the next marker. A marker is raised, or a number or
  asterisk (bare or in brackets, "[1]") set apart by a space, or one glued to
  the text ("1Дни") when the document cites that marker as a superscript:
  LibreOffice prints an ODT's footnote number that way when the file lacks the
  footnote character style.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable
from dataclasses import dataclass

from parsers.blocks import MARKER_PATTERN, NOTE_MARKER_BRACKETS, Footnote, drawn_marker, plain_marker
from parsers.readers.pdf.lines import Frame, Line, line_runs
from parsers.readers.pdf.paragraphs import paragraphs
from parsers.readers.pdf.settings import DEFAULT_SETTINGS, PdfSettings

# Words that may stand next to a page number ("стр. 3", "Page 3 of 10").
PAGE_WORDS: tuple[str, ...] = ("стр", "страница", "с", "page", "p", "seite")
PAGE_JOINERS: tuple[str, ...] = ("из", "of", "von", "/")
# A page's number in plain form, digits masked as "#": no square brackets, "[1]" alone is a
# note's marker as Word and Google Docs draw it.
_NUMBER = r"[-–—(]*\s*#+\s*[-–—)]*"
_WORD = r"(?:(?:" + "|".join(map(re.escape, PAGE_WORDS)) + r")\.?\s*)?"
_OF = r"(?:\s*(?:" + "|".join(map(re.escape, PAGE_JOINERS)) + r")\s*#+)?"
PAGE_NUMBER = re.compile(r"^" + _WORD + _NUMBER + _OF + r"$")
# A marker glued to the footnote's first word: the marker's characters, then a letter.
_MARKER_CHARS = r"\d{1,3}|\*{1,3}|[†‡§]"
_LETTER = r"[^\W\d_]"
GLUED_MARKER = re.compile(r"^(" + _MARKER_CHARS + r")(?=" + _LETTER + r")")


@dataclass(frozen=True)
class Rule:
    """A short horizontal line drawn on a page."""

    x0: float
    x1: float
    y: float


def furniture_key(line: Line) -> str:
    """The line's text with digits masked, to compare headers across pages."""
    return " ".join(re.sub(r"\d+", "#", line.text).lower().split())


def margin_zone(line: Line, height: float, settings: PdfSettings = DEFAULT_SETTINGS) -> str | None:
    """The edge band the line lies in, "top" or "bottom", or None in the page's body."""
    zone = settings.furniture_zone * height
    if line.bottom <= zone:
        return "top"
    return "bottom" if line.top >= height - zone else None


def find_furniture(pages: list[list[Line]], heights: list[float],
                   settings: PdfSettings = DEFAULT_SETTINGS) -> set[int]:
    """ids of the lines that are running headers, footers or page numbers (see the module's
    docstring: what repeats in the same edge band, or a page's own number there)."""
    candidates = [[(zone, furniture_key(line), line) for line in lines
                   if (zone := margin_zone(line, height, settings)) is not None]
                  for lines, height in zip(pages, heights)]
    seen = Counter(place for found in candidates for place in {(zone, key) for zone, key, _ in found})
    found: set[int] = set()
    for number, lines in enumerate(candidates, start=1):
        for zone, key, line in lines:
            if seen[(zone, key)] > 1 or is_own_page_number(line, number, key):
                found.add(id(line))
    return found


def is_own_page_number(line: Line, number: int, key: str) -> bool:
    """True when the line (``key``: its ``furniture_key``) reads as page ``number``'s number:
    "2", "- 2 -", "стр. 2", "2 из 5"."""
    if not PAGE_NUMBER.match(key):
        return False
    digits = re.search(r"\d+", line.text)
    return digits is not None and int(digits.group()) == number


def split_footnotes(lines: list[Line], rules: list[Rule], text_frame: Frame, content_bottom: float,
                    settings: PdfSettings = DEFAULT_SETTINGS, cited: frozenset[str] = frozenset(),
                    body_size: float | None = None) -> tuple[list[Line], list[Line]]:
    """The page's lines split into body lines and footnote lines (top to bottom).

    ``content_bottom`` is the lowest edge of the page's tables: footnotes lie below it;
    ``cited``: the markers the document cites (see ``leading_marker``); ``body_size``:
    the size the page's text is mostly set in, its tables' included (see ``main_size``),
    by default that of ``lines``.
    """
    width = text_frame.right - text_frame.left
    short = [rule for rule in rules if rule.x1 - rule.x0 <= settings.footnote_rule_width * width
             and rule.y >= content_bottom]
    below: list[Line] = []
    for rule in sorted(short, key=lambda r: r.y):
        below = [line for line in lines if line.top >= rule.y]
        if below and leading_marker(below[0], cited) is not None:
            break
        below = []
    if not below:
        below = _small_tail(lines, content_bottom, settings, cited, body_size or main_size(lines))
    if not below:
        return lines, []
    cut = {id(line) for line in below}
    return [line for line in lines if id(line) not in cut], below


def main_size(lines: Iterable[Line]) -> float:
    """The size most of the lines are set in (0 for no lines)."""
    sizes = Counter(round(line.size, 1) for line in lines).most_common(1)
    return sizes[0][0] if sizes else 0.0


def _small_tail(lines: list[Line], content_bottom: float, settings: PdfSettings,
                cited: frozenset[str], body: float) -> list[Line]:
    """Trailing lines set smaller than the body, the first opening with a marker."""
    if not lines:
        return []
    tail: list[Line] = []
    for line in reversed(lines):
        if line.top < content_bottom or line.size > body * settings.footnote_size:
            break
        tail.insert(0, line)
    while tail and leading_marker(tail[0], cited) is None:
        tail.pop(0)
    return tail


def leading_marker(line: Line, cited: frozenset[str] = frozenset()) -> str | None:
    """The footnote marker a line opens with: a raised one, a number or asterisk (bare or
    in brackets, "[1]") followed by a space, or one of the ``cited`` markers glued to the
    first word."""
    runs = line_runs(line)
    if not runs:
        return None
    first = runs[0]
    if first.superscript and MARKER_PATTERN.match(first.text.strip()):
        return plain_marker(first.text.strip())
    token = drawn_marker(first.text.split(" ", 1)[0].rstrip(")."))
    if token is not None and " " in first.text:
        return token
    glued = GLUED_MARKER.match(first.text)
    if glued and glued.group(1) in cited:
        return glued.group(1)
    return None


def cited_markers(lines: Iterable[Line]) -> frozenset[str]:
    """The footnote markers the lines cite: their raised runs that look like markers."""
    found = set()
    for line in lines:
        if any(glyph.superscript for glyph in line.shown):
            found.update(plain_marker(run.text.strip()) for run in line_runs(line)
                         if run.superscript and MARKER_PATTERN.match(run.text.strip()))
    return frozenset(found)


def footnotes(lines: list[Line], frame: Frame, settings: PdfSettings = DEFAULT_SETTINGS,
              cited: frozenset[str] = frozenset()) -> list[Footnote]:
    """Footnotes from the lines below a page's rule: each opens with its marker
    (``cited`` as ``leading_marker`` takes it)."""
    groups: list[list[Line]] = []
    for line in lines:
        if leading_marker(line, cited) is not None or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    notes = []
    for group in groups:
        marker = leading_marker(group[0], cited) or ""
        text = " ".join(p.text for p in paragraphs(group, frame, settings))
        notes.append(Footnote(marker, _without_marker(text, marker)))
    return notes


def _without_marker(text: str, marker: str) -> str:
    """The footnote's text after its marker (drawn bare or in brackets, and the ")" or "."
    that may follow it)."""
    rest = text
    if marker:
        for drawn in (marker, NOTE_MARKER_BRACKETS[0] + marker + NOTE_MARKER_BRACKETS[1]):
            if text.startswith(drawn):
                rest = text[len(drawn):]
                break
    return rest.lstrip(").").strip()
