"""Columns of a scanned table without rules: a gap that the lines around it also leave is a gutter.

Recognised words are measured by their ink, and a line's type size by its words' boxes: a
line measured a little small (OCR's boxes vary) makes the spaces between its words look as
wide, in em, as the gutters ``pdf.lines.split_columns`` cuts a PDF's lines at. Down a page
the two differ: a gutter stays at the same place on the lines around it, a space between
words does not. So a gap that ``split_columns`` would cut at (wider than ``column_gap`` em)
is kept as a space when, at every point across it, at least ``WORD_GAP_SHARE`` of the lines
within ``WINDOW_EM`` above and below that reach across it have ink there; a gap wider than
``WIDE_GAP_EM`` is always cut. ``pdf.tables.find_aligned_tables`` then makes the tables, as for a PDF.
"""

from __future__ import annotations

from typing import Callable

from parsers.readers.pdf.lines import Line
from parsers.readers.pdf.settings import DEFAULT_SETTINGS, PdfSettings

WIDE_GAP_EM = 1.0  # a gap no space between words reaches
WINDOW_EM = 6.0  # how far above and below a line its neighbours are looked at
WORD_GAP_SHARE = 0.5  # of the neighbours with ink across a gap that make it a space between words
MIN_NEIGHBOURS = 3  # fewer neighbours than this tell nothing: the gap is cut as in a PDF


def word_extents(line: Line) -> list[tuple[float, float]]:
    """The left and right ink edges of each word of a line (runs of glyphs between spaces)."""
    extents: list[tuple[float, float]] = []
    open_word = False
    for glyph in line.glyphs:
        if glyph.is_space:
            open_word = False
        elif open_word:
            extents[-1] = (extents[-1][0], max(extents[-1][1], glyph.x1))
        else:
            extents.append((glyph.x0, glyph.x1))
            open_word = True
    return extents


def gutter_cuts(lines: list[Line], settings: PdfSettings = DEFAULT_SETTINGS
                ) -> Callable[[Line, float, float], bool]:
    """The ``cuts`` test for ``find_aligned_tables`` on these lines (one page's)."""
    words = {id(line): word_extents(line) for line in lines}
    middles = [((line.top + line.bottom) / 2, line) for line in lines]

    def inked(line: Line, x: float) -> bool:
        return any(x0 <= x <= x1 for x0, x1 in words.get(id(line)) or word_extents(line))

    def cuts(line: Line, start: float, end: float) -> bool:
        width = end - start
        if width <= settings.column_gap * line.size:
            return False
        if width > WIDE_GAP_EM * line.size:
            return True
        middle = (line.top + line.bottom) / 2
        near = [other for at, other in middles if other is not line and abs(at - middle) <= WINDOW_EM * line.size
                and other.x0 < start and other.x1 > end]
        if len(near) < MIN_NEIGHBOURS:
            return True
        steps = max(int(width), 1)
        points = [start + width * (i + 0.5) / steps for i in range(steps)]
        return min(sum(inked(other, x) for other in near) for x in points) < WORD_GAP_SHARE * len(near)

    return cuts
