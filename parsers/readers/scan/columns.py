"""Columns of a scanned table without rules: a gap ends a column where the next column's edge is.

Recognised words are measured by their ink, and a line's type size by its words' boxes: a
line measured a little small (OCR's boxes vary) makes the spaces between its words look as
wide, in em, as the gutters ``pdf.lines.split_columns`` cuts a PDF's lines at. Down a page
the two differ: the column after a gutter starts at one edge on the lines around it, the
word after a space starts anywhere. So a gap that ``split_columns`` would cut at (wider
than ``column_gap`` em) is cut only when at least ``ALIGNED_LINES`` lines within
``WINDOW_EM`` above and below have a word starting where it ends (within ``ALIGN_EM``);
a gap wider than ``WIDE_GAP_EM`` is always cut. ``pdf.tables.find_aligned_tables`` then
makes the tables, as for a PDF.
"""

from __future__ import annotations

from typing import Callable

from parsers.readers.pdf.lines import Line, split_columns
from parsers.readers.pdf.settings import DEFAULT_SETTINGS, PdfSettings
from parsers.readers.pdf.tables import established_edges

WIDE_GAP_EM = 1.0  # a gap no space between words reaches
WINDOW_EM = 6.0  # how far above and below a line its neighbours are looked at
ALIGN_EM = 0.3  # how far apart (em) two words' left ink edges may be and still be one column's edge
ALIGNED_LINES = 2  # neighbours with a word starting where the gap ends that make it a column's edge


def word_starts(line: Line) -> list[float]:
    """The left ink edge of each word of a line (a run of glyphs between spaces)."""
    starts: list[float] = []
    open_word = False
    for glyph in line.glyphs:
        if not glyph.is_space and not open_word:
            starts.append(glyph.x0)
        open_word = not glyph.is_space
    return starts


def gutter_cuts(lines: list[Line], settings: PdfSettings = DEFAULT_SETTINGS
                ) -> Callable[[Line, float, float], bool]:
    """The ``cuts`` test for ``find_aligned_tables`` on these lines (one page's): a gap cut by
    the lines around it (``near_cuts``), or one wider than ``column_gap`` em that ends at a
    column edge the page's lines establish (``pdf.tables.established_edges``, on the lines as
    ``near_cuts`` splits them): a cell's text run close to the next column, whose neighbours
    within ``WINDOW_EM`` are too few to show the column ("регионах октябрь", a table's first
    row on its page under a printer's narrow padding)."""
    near = near_cuts(lines, settings)
    edges = established_edges([split_columns(line, settings, near) for line in lines], settings)

    def cuts(line: Line, start: float, end: float) -> bool:
        if near(line, start, end):
            return True
        return end - start > settings.column_gap * line.size \
            and any(abs(edge - end) <= ALIGN_EM * line.size for edge in edges)

    return cuts


def near_cuts(lines: list[Line], settings: PdfSettings = DEFAULT_SETTINGS
              ) -> Callable[[Line, float, float], bool]:
    """The gaps the lines around a line show as a column's end (see the module's docstring)."""
    starts = {id(line): word_starts(line) for line in lines}
    middles = [((line.top + line.bottom) / 2, line) for line in lines]

    def cuts(line: Line, start: float, end: float) -> bool:
        em = line.size
        width = end - start
        if width <= settings.column_gap * em:
            return False
        if width > WIDE_GAP_EM * em:
            return True
        middle = (line.top + line.bottom) / 2
        near = [other for at, other in middles if other is not line and abs(at - middle) <= WINDOW_EM * em]
        aligned = sum(1 for other in near
                      if any(abs(x0 - end) <= ALIGN_EM * em for x0 in starts.get(id(other), ())))
        return aligned >= ALIGNED_LINES

    return cuts
