"""Glyphs into lines: the PDF reader's first text step.

A PDF knows glyphs and their positions, not words or lines. These small steps
rebuild lines, in the manner of pdfplumber's table.py (one named step per idea,
thresholds from ``PdfSettings``):

    glyphs_from_chars → group_lines → split_columns (tables without rules) → line_runs

How one line follows another is ``joins``; lines into paragraphs is
``paragraphs``. Nothing here knows about plans.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from parsers.blocks import Run
from parsers.readers.pdf.settings import DEFAULT_SETTINGS, PdfSettings
from parsers.vocab import BULLETS, DASH_BULLETS


@dataclass(frozen=True, slots=True)
class Glyph:
    """One drawn character: its text, box, size and weight."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    superscript: bool = False

    @property
    def is_space(self) -> bool:
        """True for a space (drawn or not, it separates words)."""
        return not self.text.strip()

    @property
    def middle(self) -> float:
        """The vertical centre."""
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Line:
    """A line of glyphs in reading order, measured by its visible glyphs."""

    glyphs: tuple[Glyph, ...]
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int | None = None
    shown: tuple[Glyph, ...] = ()  # the glyphs that are not spaces (kept: asked for often)

    @property
    def text(self) -> str:
        """The line's text, spaces as drawn."""
        return "".join(glyph.text for glyph in self.glyphs)

    def visible(self) -> tuple[Glyph, ...]:
        """The glyphs that are not spaces."""
        return self.shown


@dataclass(frozen=True)
class Frame:
    """The left and right edges text may occupy (a cell's inside, a page's text area)."""

    left: float
    right: float


def make_line(glyphs: Iterable[Glyph], settings: PdfSettings = DEFAULT_SETTINGS,
              page: int | None = None) -> Line:
    """A line of ``glyphs``: sorted left to right, superscripts marked, measured."""
    ordered = sorted(glyphs, key=lambda glyph: glyph.x0)
    visible = [glyph for glyph in ordered if not glyph.is_space] or ordered
    size = _main_size(visible)
    main = [glyph for glyph in visible if glyph.size >= size * settings.superscript_size] or visible
    baseline = max(glyph.bottom for glyph in main)
    raised = settings.raised_baseline * size
    marked = tuple(
        Glyph(g.text, g.x0, g.x1, g.top, g.bottom, g.size, g.bold, True)
        if g.size < size * settings.superscript_size and g.bottom < baseline - raised else g
        for g in ordered)
    shown = tuple(glyph for glyph in marked if not glyph.is_space)
    return Line(marked, visible[0].x0, visible[-1].x1,
                min(glyph.top for glyph in main), baseline, size, page, shown)


def _main_size(glyphs: list[Glyph]) -> float:
    """The size most of the line's glyphs are set in."""
    counts: dict[float, int] = {}
    for glyph in glyphs:
        key = round(glyph.size, 1)
        counts[key] = counts.get(key, 0) + 1
    return max(counts, key=lambda size: (counts[size], size))


def group_lines(glyphs: Iterable[Glyph], settings: PdfSettings = DEFAULT_SETTINGS,
                page: int | None = None) -> list[Line]:
    """Glyphs gathered into lines by their vertical centres, top to bottom.

    A glyph joins the line being built when its centre lies within
    ``line_overlap`` em of the centre of the line's largest glyph, so a raised
    superscript stays on its line.
    """
    lines: list[Line] = []
    current: list[Glyph] = []
    anchor: Glyph | None = None
    for glyph in sorted(glyphs, key=lambda g: g.middle):
        if anchor is not None and abs(glyph.middle - anchor.middle) <= \
                settings.line_overlap * max(anchor.size, glyph.size):
            current.append(glyph)
            if glyph.size > anchor.size:
                anchor = glyph
            continue
        if current:
            lines.append(make_line(current, settings, page))
        current, anchor = [glyph], glyph
    if current:
        lines.append(make_line(current, settings, page))
    return [line for line in lines if line.visible()]


def split_columns(line: Line, settings: PdfSettings = DEFAULT_SETTINGS,
                  cuts: Callable[[Line, float, float], bool] | None = None) -> list[Line]:
    """The line cut wherever its visible glyphs leave a gap wider than ``column_gap`` em
    (or, given ``cuts``, wherever ``cuts(line, gap_start, gap_end)`` says a column ends).

    Spaces are ignored when measuring (a cell's trailing space can reach
    towards the next column); a piece keeps its trailing spaces.
    """
    limit = settings.column_gap * line.size
    cuts = cuts or (lambda _, start, end: end - start > limit)
    pieces: list[list[Glyph]] = [[]]
    last: Glyph | None = None
    for glyph in line.glyphs:
        if glyph.is_space:
            pieces[-1].append(glyph)
            continue
        if last is not None and cuts(line, last.x1, glyph.x0) and not _only_bullet(pieces[-1]):
            pieces.append([])
        pieces[-1].append(glyph)
        last = glyph
    if len(pieces) == 1:
        return [line]
    return [make_line(lstrip_glyphs(piece), settings, line.page) for piece in pieces
            if any(not glyph.is_space for glyph in piece)]


def _only_bullet(glyphs: list[Glyph]) -> bool:
    """True when the glyphs so far are one bullet (its text follows after a tab's gap)."""
    visible = [glyph for glyph in glyphs if not glyph.is_space]
    return len(visible) == 1 and visible[0].text in BULLETS + DASH_BULLETS


def lstrip_glyphs(glyphs: list[Glyph]) -> list[Glyph]:
    """Glyphs without leading spaces (trailing ones stay: they tell a wrap, see ``join_kind``)."""
    start = 0
    while start < len(glyphs) and glyphs[start].is_space:
        start += 1
    return glyphs[start:]


# -- the text of a line ---------------------------------------------------

def line_runs(line: Line, settings: PdfSettings = DEFAULT_SETTINGS, skip: int = 0) -> list[Run]:
    """The line as runs of one formatting, a space put where a gap shows one.

    ``skip`` leaves out that many leading visible glyphs (a list item's bullet).
    """
    runs: list[Run] = []
    gap = settings.word_gap * line.size
    previous: Glyph | None = None
    visible_seen = 0
    for glyph in line.glyphs:
        if not glyph.is_space:
            visible_seen += 1
            if visible_seen <= skip:
                previous = glyph
                continue
        elif visible_seen <= skip:
            continue
        text = " " if glyph.is_space else glyph.text
        if previous is not None and not glyph.is_space and not previous.is_space \
                and glyph.x0 - previous.x1 > gap:
            text = " " + text
        append_text(runs, text, glyph.bold, glyph.superscript)
        previous = glyph
    return _strip_runs(runs)


def append_text(runs: list[Run], text: str, bold: bool, superscript: bool) -> None:
    """Add text to the last run when it has the same formatting, else open a run."""
    if runs and runs[-1].bold == bold and runs[-1].superscript == superscript:
        last = runs[-1]
        runs[-1] = Run(last.text + text, bold, superscript)
    else:
        runs.append(Run(text, bold, superscript))


def _strip_runs(runs: list[Run]) -> list[Run]:
    """Runs with repeated spaces collapsed and the ends trimmed."""
    cleaned: list[Run] = []
    for run in runs:
        text = " ".join(run.text.split(" "))
        while "  " in text:
            text = text.replace("  ", " ")
        if cleaned and cleaned[-1].text.endswith(" ") and text.startswith(" "):
            text = text[1:]
        if text:
            cleaned.append(Run(text, run.bold, run.superscript))
    if cleaned:
        cleaned[0] = Run(cleaned[0].text.lstrip(), cleaned[0].bold, cleaned[0].superscript)
        cleaned[-1] = Run(cleaned[-1].text.rstrip(), cleaned[-1].bold, cleaned[-1].superscript)
    return [run for run in cleaned if run.text]
