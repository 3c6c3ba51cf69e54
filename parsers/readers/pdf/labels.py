"""List labels a font could not draw, read as bullets.

A browser that prints a list label in a font lacking its character (Chromium printing
LibreOffice's XHTML, whose labels are U+F0B7, a Symbol-font bullet) draws the font's
blank glyph, which maps to no character: pdfminer's "(cid:0)", read as U+FFFD
(``objects.UNMAPPED_TEXT``). Such a run opens each item's line, touching its text or
drawn over it (``objects.without_hidden_unmapped`` puts that one before the text). One
such run could be a lost letter, and so could many: a font lacking a letter that starts
lines at the page's left margin. A list's labels have a list's geometry: runs opening lines
at one place, their text starting at one place after them (the items' indent), each run
shaped as a label (``label_shaped``: drawn over its text, of two glyphs or more, or set
apart from its text), not as a letter touching the rest of its word. Those are read as a
bullet "•", so the lines are list items, and the reader's warning says so (the character
itself stays unknown).
"""

from __future__ import annotations

import math
from collections import deque
from typing import Iterable

from parsers.readers.pdf.lines import Glyph, Line, make_line
from parsers.readers.pdf.objects import LABEL_NUDGE, UNMAPPED_TEXT
from parsers.readers.pdf.settings import DEFAULT_SETTINGS, PdfSettings

BULLET = "•"
# Fewest lines a run must open at one place to be read as a list's labels.
MIN_LABELS = 2
# Space (em) between a one-glyph run and its text that sets it apart as a label, not a letter.
LABEL_GAP = 0.2


def label_length(line: Line) -> int:
    """How many unmapped glyphs open the line's visible text, text following them (else 0)."""
    visible = line.visible()
    count = 0
    while count < len(visible) and visible[count].text == UNMAPPED_TEXT:
        count += 1
    return count if count < len(visible) else 0


def label_shaped(line: Line, settings: PdfSettings = DEFAULT_SETTINGS) -> bool:
    """True when the unmapped run opening the line is shaped as a label: drawn over the text
    (no width left, ``objects.without_hidden_unmapped``), two glyphs or more (a bullet and the
    space or tab after it in one font), or set ``LABEL_GAP`` em or more apart from the text; a
    single glyph touching the text is a lost letter's shape."""
    visible = line.visible()
    count = label_length(line)
    run, text = visible[:count], visible[count]
    return (run[-1].x1 - run[0].x0 <= settings.align_tolerance or count > 1
            or text.x0 - run[-1].x1 >= LABEL_GAP * line.size)


def read_labels(containers: Iterable[list[Line]], settings: PdfSettings = DEFAULT_SETTINGS) -> dict[int | None, int]:
    """Replace, in each list of lines, the unmapped run opening a line by a bullet where runs
    shaped as labels (``label_shaped``) open at least ``MIN_LABELS`` lines at one place, their
    text starting at one place too (each within ``align_tolerance``); the number of glyphs read
    so, per page."""
    found = [(lines, index, line.x0, _text_x0(line)) for lines in containers for index, line in enumerate(lines)
             if label_length(line) and label_shaped(line, settings)]
    found.sort(key=lambda at: (at[2], at[3]))
    read: dict[int | None, int] = {}
    for group in _label_groups(found, settings.align_tolerance):
        if len(group) < MIN_LABELS:
            continue
        for lines, index, _, _ in group:
            line = lines[index]
            read[line.page] = read.get(line.page, 0) + label_length(line)
            lines[index] = bulleted(line, settings)
    return read


def _label_groups(found: list[tuple], tolerance: float) -> list[list[tuple]]:
    """The runs ``found`` (sorted by where they open, then by where their text starts) in groups:
    each joins the newest group opening within ``tolerance`` before it whose text starts within
    ``tolerance`` of its own, else opens a group. A group is looked for on the shelves (bands of
    text starts ``tolerance`` wide) beside the run's: groups open only where no group's text is
    within the tolerance, so a shelf holds one or two, and thousands of label runs at one place
    (a hostile file) cost linear time, not a scan of every group per run."""
    groups: list[list[tuple]] = []
    width = tolerance if tolerance > 0 else 1.0
    shelves: dict[int, deque[int]] = {}  # a band of text starts -> its groups, oldest first
    oldest = 0  # the groups before it open more than the tolerance before the run being placed
    for at in found:
        while oldest < len(groups) and at[2] - groups[oldest][0][2] > tolerance:
            oldest += 1
        shelf, best = math.floor(at[3] / width), -1
        for key in range(shelf - 2, shelf + 3):  # two bands each side: rounding at a band's edge
            indices = shelves.get(key, ())
            while indices and indices[0] < oldest:
                indices.popleft()
            best = max(best, next((index for index in reversed(indices)
                                   if index > best and abs(at[3] - groups[index][0][3]) <= tolerance), -1))
        if best >= 0:
            groups[best].append(at)
        else:
            shelves.setdefault(shelf, deque()).append(len(groups))
            groups.append([at])
    return groups


def _text_x0(line: Line) -> float:
    """Where the line's text starts after its opening unmapped run."""
    return line.visible()[label_length(line)].x0


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
