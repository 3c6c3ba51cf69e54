"""Glyphs into lines: the PDF reader's first text step.

A PDF knows glyphs and their positions, not words or lines. These small steps
rebuild lines, in the manner of pdfplumber's table.py (one named step per idea,
thresholds from ``PdfSettings``):

    glyphs_from_chars → group_lines → split_columns (tables without rules) → line_runs

How one line follows another is ``joins``; lines into paragraphs is
``paragraphs``. Nothing here knows about plans.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterable

from parsers.blocks import Run, drawn_marker
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
    block: object | None = None  # a tagged PDF's mark of it (``structure.Mark``): its paragraph, when asked

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


def block_of(line: Line) -> int | None:
    """The paragraph a tagged PDF draws the line's text in (its first marked glyph's), or None."""
    mark = next((glyph.block for glyph in line.visible() if glyph.block is not None), None)
    return None if mark is None else mark.block


@dataclass(frozen=True)
class Frame:
    """The left and right edges text may occupy (a cell's inside, a page's text area)."""

    left: float
    right: float


def make_line(glyphs: Iterable[Glyph], settings: PdfSettings = DEFAULT_SETTINGS,
              page: int | None = None) -> Line:
    """A line of ``glyphs``: sorted left to right, superscripts marked, measured by its
    text (a marker raised above it does not move its top)."""
    ordered = sorted(glyphs, key=lambda glyph: glyph.x0)
    visible = [glyph for glyph in ordered if not glyph.is_space] or ordered
    # Glyphs already marked (a full-size marker put on the line) do not measure it.
    body = [glyph for glyph in visible if not glyph.superscript] or visible
    size = _main_size(body)
    main = [glyph for glyph in body if glyph.size >= size * settings.superscript_size] or body
    baseline = max(glyph.bottom for glyph in main)
    raised = settings.raised_baseline * size
    marked = _mark_raised_markers(tuple(
        replace(g, superscript=True)
        if g.size < size * settings.superscript_size and g.bottom < baseline - raised else g
        for g in ordered), baseline - settings.marker_raise * size, settings.marker_gap * size)
    shown = tuple(glyph for glyph in marked if not glyph.is_space)
    lettering = [glyph for glyph in shown if not glyph.superscript and glyph.size >= size * settings.superscript_size]
    return Line(marked, visible[0].x0, visible[-1].x1,
                min(glyph.top for glyph in lettering or main), baseline, size, page, shown)


def _mark_raised_markers(glyphs: tuple[Glyph, ...], limit: float, gap: float) -> tuple[Glyph, ...]:
    """The glyphs with every run of them whose baseline is above ``limit`` and which reads
    as a note marker ("1", "[1]", "*") marked superscript, whatever its size, when it stands
    within ``gap`` of the line's text on either side (a number raised by a vertically centred
    cell, further off, is no marker: it stays text)."""
    if min(glyph.bottom for glyph in glyphs) >= limit:  # most lines: nothing raised
        return glyphs
    marked = list(glyphs)
    start: int | None = None
    for index in range(len(marked) + 1):
        glyph = marked[index] if index < len(marked) else None
        if glyph is not None and not glyph.is_space and glyph.bottom < limit:
            start = index if start is None else start
            continue
        if start is not None and drawn_marker("".join(g.text for g in marked[start:index])) is not None \
                and _beside_text(marked, start, index, gap):
            marked[start:index] = [replace(g, superscript=True) for g in marked[start:index]]
        start = None
    return tuple(marked)


def _beside_text(glyphs: list[Glyph], start: int, end: int, gap: float) -> bool:
    """True when the nearest visible glyph before ``glyphs[start:end]`` or after it is within ``gap``."""
    before = next((g for g in reversed(glyphs[:start]) if not g.is_space), None)
    after = next((g for g in glyphs[end:] if not g.is_space), None)
    return (before is not None and glyphs[start].x0 - before.x1 <= gap) or \
        (after is not None and after.x0 - glyphs[end - 1].x1 <= gap)


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
    return attach_raised_markers([line for line in lines if line.visible()], settings)


def attach_raised_markers(lines: list[Line], settings: PdfSettings = DEFAULT_SETTINGS) -> list[Line]:
    """The lines with each raised note marker put back on the line it belongs to, as its
    superscript (see ``PdfSettings.marker_rise``): a marker drawn at full size and raised
    by most of a line's height is a line of its own after ``group_lines``."""
    hosts: dict[int, list[Line]] = {}
    tallest = max((line.size for line in lines), default=0.0)
    for index, line in enumerate(lines):
        if drawn_marker(line.text) is None:
            continue
        host = _marker_host(index, lines, tallest, settings)
        if host is not None:
            hosts.setdefault(host, []).append(line)
    if not hosts:
        return lines
    markers = {id(marker) for found in hosts.values() for marker in found}
    joined = []
    for index, line in enumerate(lines):
        if id(line) in markers:
            continue
        if index in hosts:
            raised = [glyph if glyph.is_space else replace(glyph, superscript=True)
                      for marker in hosts[index] for glyph in marker.glyphs]
            line = make_line(line.glyphs + tuple(raised), settings, line.page)
        joined.append(line)
    return joined


def _marker_host(at: int, lines: list[Line], tallest: float, settings: PdfSettings) -> int | None:
    """The index of the line the marker ``lines[at]`` is raised on and touches, the nearest
    below it (lines run top to bottom: only those within ``tallest`` below are looked at); None."""
    marker = lines[at]
    best: int | None = None
    for index in range(at + 1, len(lines)):
        line = lines[index]
        if line.top > marker.bottom + tallest:
            break
        rise = line.bottom - marker.bottom
        if drawn_marker(line.text) is not None or round(marker.size, 1) > round(line.size, 1) \
                or not settings.raised_baseline * line.size < rise < settings.marker_rise * line.size:
            continue
        if _touches(marker, line, settings) and (best is None or line.bottom < lines[best].bottom):
            best = index
    return best


def _touches(marker: Line, line: Line, settings: PdfSettings) -> bool:
    """True when ``marker`` stands at ``line``'s start, its end or in a gap between its
    glyphs, within ``marker_gap`` em of a glyph and overlapping none."""
    slack = 0.05 * line.size
    left = [glyph.x1 for glyph in line.glyphs if glyph.x1 <= marker.x0 + slack]
    right = [glyph.x0 for glyph in line.glyphs if glyph.x0 >= marker.x1 - slack]
    if len(left) + len(right) < len(line.glyphs):  # a glyph under the marker: another line
        return False
    gap = settings.marker_gap * line.size
    return (bool(left) and marker.x0 - max(left) <= gap) or (bool(right) and min(right) - marker.x1 <= gap)


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
    return [_bare_marker(run) for run in _strip_runs(runs)]


def _bare_marker(run: Run) -> Run:
    """A raised note marker as its marker alone: the brackets Word and Google Docs draw
    around it ("[1]") left out, as the HTML reader leaves them out."""
    if not run.superscript:
        return run
    marker = drawn_marker(run.text)
    if marker is None or marker == run.text.strip():
        return run
    return Run(run.text.replace(run.text.strip(), marker), run.bold, True)


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
