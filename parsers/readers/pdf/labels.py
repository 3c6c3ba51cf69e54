"""List labels a font could not draw, read as bullets.

A browser that prints a list label in a font lacking its character (Chromium printing
LibreOffice's XHTML, whose labels are U+F0B7, a Symbol-font bullet) draws the font's
blank glyph, which maps to no character: pdfminer's "(cid:0)", read as U+FFFD
(``objects.UNMAPPED_TEXT``). Such a run opens each item's line, touching its text or
drawn over it (``objects.without_hidden_unmapped`` puts that one before the text). One
such run could be a lost letter; the same run opening lines at the same place, across the
document, is a list's labels: each is read as a bullet "•", so the lines are list items,
and the reader's warning says so (the character itself stays unknown).
"""

from __future__ import annotations

from typing import Iterable

from parsers.readers.pdf.lines import Glyph, Line, make_line
from parsers.readers.pdf.objects import LABEL_NUDGE, UNMAPPED_TEXT
from parsers.readers.pdf.settings import DEFAULT_SETTINGS, PdfSettings

BULLET = "•"
# Fewest lines a run must open at one place to be read as a list's labels.
MIN_LABELS = 2


def label_length(line: Line) -> int:
    """How many unmapped glyphs open the line's visible text, text following them (else 0)."""
    visible = line.visible()
    count = 0
    while count < len(visible) and visible[count].text == UNMAPPED_TEXT:
        count += 1
    return count if count < len(visible) else 0


def read_labels(containers: Iterable[list[Line]], settings: PdfSettings = DEFAULT_SETTINGS) -> dict[int | None, int]:
    """Replace, in each list of lines, the unmapped run opening a line by a bullet where such
    runs open at least ``MIN_LABELS`` lines at one place (within ``align_tolerance``);
    the number of glyphs read so, per page."""
    found = [(lines, index) for lines in containers for index, line in enumerate(lines) if label_length(line)]
    found.sort(key=lambda at: at[0][at[1]].x0)
    groups: list[list[tuple[list[Line], int]]] = []
    for at in found:
        if groups and at[0][at[1]].x0 - groups[-1][0][0][groups[-1][0][1]].x0 <= settings.align_tolerance:
            groups[-1].append(at)
        else:
            groups.append([at])
    read: dict[int | None, int] = {}
    for group in groups:
        if len(group) < MIN_LABELS:
            continue
        for lines, index in group:
            line = lines[index]
            read[line.page] = read.get(line.page, 0) + label_length(line)
            lines[index] = bulleted(line, settings)
    return read


def bulleted(line: Line, settings: PdfSettings = DEFAULT_SETTINGS) -> Line:
    """The line with its opening unmapped run as one bullet, a space after it (the text
    may touch the run: ``joins.bullet_of`` takes a bullet followed by a space)."""
    visible = line.visible()
    count = label_length(line)
    run, text = visible[:count], visible[count]
    end = max(run[0].x0, min(run[-1].x1, text.x0 - LABEL_NUDGE))
    bullet = Glyph(BULLET, run[0].x0, end, run[0].top, run[0].bottom, line.size, text.bold, block=text.block)
    space = Glyph(" ", end, end, run[0].top, run[0].bottom, line.size, text.bold, block=text.block)
    labels = {id(glyph) for glyph in run}
    return make_line([bullet, space, *(glyph for glyph in line.glyphs if id(glyph) not in labels)], settings, line.page)
