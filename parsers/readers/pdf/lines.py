"""Glyphs into lines, lines into paragraphs: the PDF reader's text rules.

A PDF knows glyphs and their positions, not words or paragraphs. These small
steps rebuild them, in the manner of pdfplumber's table.py (one named step per
idea, thresholds from ``PdfSettings``):

    glyphs_from_chars → group_lines → split_columns (tables without rules)
    lines → join_kind (per pair of lines) → paragraphs

``join_kind`` is the heart: it decides whether the next line opens a list item
or a paragraph, or continues the line above after a wrap, and how the two are
glued (a space, nothing after a hyphen, nothing inside a broken word). Nothing
here knows about plans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Literal, Mapping

from parsers.blocks import Paragraph, Run
from parsers.readers.pdf.settings import DEFAULT_SETTINGS, PdfSettings

# Glyphs that open a list item when they start a line and are followed by a
# space or a gap. U+F0B7 and U+F0A7 are the bullets LibreOffice and Word draw
# from the Symbol, Wingdings and OpenSymbol fonts (private-use code points).
BULLETS: tuple[str, ...] = ("•", "\uf0b7", "\uf0a7", "●", "▪", "■", "◦", "○", "➢", "✓")
# Dashes open an item only where the line above ended early (a typed list),
# since a dash can also start a wrapped line of running text.
DASH_BULLETS: tuple[str, ...] = ("-", "–", "—")
# Line-end hyphens that join a wrapped compound without a space; a soft
# hyphen is dropped, the others kept ("информационно-" + "аналитического").
HYPHENS: tuple[str, ...] = ("-", "\u2010", "\u2011")
SOFT_HYPHEN = "\u00ad"
# Marks written straight after a word, never before one: no space goes before them.
CLOSING_MARKS: tuple[str, ...] = (",", ".", ":", ";", "!", "?", ")", "]", "»", "”", "…")
# A space's width when a line draws none, as a share of the font size.
SPACE_EM = 0.25

JoinKind = Literal["item", "paragraph", "hyphen", "glue", "space"]


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


def split_columns(line: Line, settings: PdfSettings = DEFAULT_SETTINGS) -> list[Line]:
    """The line cut wherever its visible glyphs leave a gap wider than ``column_gap`` em.

    Spaces are ignored when measuring (a cell's trailing space can reach
    towards the next column); a piece keeps its trailing spaces.
    """
    limit = settings.column_gap * line.size
    pieces: list[list[Glyph]] = [[]]
    last: Glyph | None = None
    for glyph in line.glyphs:
        if glyph.is_space:
            pieces[-1].append(glyph)
            continue
        if last is not None and glyph.x0 - last.x1 > limit and not _only_bullet(pieces[-1]):
            pieces.append([])
        pieces[-1].append(glyph)
        last = glyph
    if len(pieces) == 1:
        return [line]
    return [make_line(_lstrip(piece), settings, line.page) for piece in pieces
            if any(not glyph.is_space for glyph in piece)]


def _only_bullet(glyphs: list[Glyph]) -> bool:
    """True when the glyphs so far are one bullet (its text follows after a tab's gap)."""
    visible = [glyph for glyph in glyphs if not glyph.is_space]
    return len(visible) == 1 and visible[0].text in BULLETS + DASH_BULLETS


def _lstrip(glyphs: list[Glyph]) -> list[Glyph]:
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
        _append(runs, text, glyph.bold, glyph.superscript)
        previous = glyph
    return _strip_runs(runs)


def _append(runs: list[Run], text: str, bold: bool, superscript: bool) -> None:
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


# -- how a line follows the one above -----------------------------------

def bullet_of(line: Line, settings: PdfSettings = DEFAULT_SETTINGS) -> str | None:
    """The bullet glyph opening the line, when a space or a gap follows it."""
    visible = line.visible()
    if len(visible) < 2 or visible[0].text not in BULLETS + DASH_BULLETS:
        return None
    first, second = visible[0], visible[1]
    spaced = any(g.is_space for g in line.glyphs if first.x1 <= g.x0 < second.x0 + 0.01)
    if spaced or second.x0 - first.x1 > settings.word_gap * line.size:
        return first.text
    return None


def text_left(line: Line, settings: PdfSettings = DEFAULT_SETTINGS) -> float:
    """Where the line's text starts: after its bullet, if it has one."""
    visible = line.visible()
    return visible[1].x0 if bullet_of(line, settings) else visible[0].x0


def space_width(line: Line, drawn: Mapping[float, float] | None = None) -> float:
    """The width of a space in the line: a drawn one; else one drawn nearby in the same
    size (``drawn``, see ``drawn_spaces``); else a quarter em (fonts' spaces vary from
    about a fifth to a third of an em)."""
    for glyph in line.glyphs:
        if glyph.is_space and glyph.x1 > glyph.x0:
            return glyph.x1 - glyph.x0
    if drawn:
        width = drawn.get(round(line.size, 1))
        if width:
            return width
    return SPACE_EM * line.size


def drawn_spaces(lines: Iterable[Line]) -> dict[float, float]:
    """The narrowest drawn space per font size in ``lines`` (justified lines only
    stretch their spaces, so the narrowest is the font's own)."""
    found: dict[float, float] = {}
    for line in lines:
        for glyph in line.glyphs:
            if glyph.is_space and glyph.x1 > glyph.x0:
                size, width = round(glyph.size, 1), glyph.x1 - glyph.x0
                if width < found.get(size, float("inf")):
                    found[size] = width
    return found


def first_fragment_width(line: Line, settings: PdfSettings = DEFAULT_SETTINGS) -> float:
    """Width of the line's first word, up to a space or through a hyphen:
    the piece a line-breaker would have tried to fit on the line above."""
    gap = settings.word_gap * line.size
    visible = line.visible()
    start = end = visible[0]
    previous = None
    for glyph in line.glyphs:
        if glyph.is_space:
            if previous is not None:
                break
            continue
        if previous is not None and glyph.x0 - previous.x1 > gap:
            break
        end = glyph
        if glyph.text in HYPHENS and previous is not None and previous.text.isalnum():
            break
        previous = glyph
    return end.x1 - start.x0


def ends_early(previous: Line, line: Line, frame: Frame, settings: PdfSettings = DEFAULT_SETTINGS,
               drawn: Mapping[float, float] | None = None) -> bool:
    """True when the line's first word would have fitted after the line above:
    the line above was ended by hand (a paragraph or a line break), not by a wrap.
    ``drawn`` as ``space_width`` takes it."""
    last = previous.visible()[-1]
    spacing = 0.0 if last.text in HYPHENS else space_width(previous, drawn)
    needed = spacing + first_fragment_width(line, settings)
    return previous.x1 + needed + settings.fit_slack <= frame.right


def ends_in_hyphen(line: Line) -> bool:
    """True when the line ends in a hyphen right after a letter or digit."""
    visible = line.visible()
    return len(visible) >= 2 and (visible[-1].text in HYPHENS or visible[-1].text == SOFT_HYPHEN) \
        and visible[-2].text.isalnum()


def carries_mark(previous: Line, line: Line, frame: Frame, settings: PdfSettings = DEFAULT_SETTINGS) -> bool:
    """True when the line opens with a mark that belongs to the last word above: a
    closing mark (",", ":", "»" ...) or the hyphen of a compound, glued to what follows
    it. The line above ends in a letter or digit with no space, and the mark would not
    have fitted there: LibreOffice then carries it down ("Организаторы" / ": МАГ",
    "информационно" / "-аналитического", or the hyphen alone on a line)."""
    if ends_with_space(previous) or not previous.visible()[-1].text.isalnum():
        return False
    opening = _lstrip(list(line.glyphs))
    mark = opening[0]
    if mark.text in HYPHENS:
        if len(opening) > 1:
            after = opening[1]
            if not after.text.isalnum() or after.x0 - mark.x1 > settings.word_gap * line.size:
                return False  # a dash before a word, not a hyphen inside one
    elif mark.text not in CLOSING_MARKS:
        return False
    return previous.x1 + (mark.x1 - mark.x0) + settings.fit_slack > frame.right


def is_lone_hyphen(line: Line) -> bool:
    """True when the line holds nothing but a hyphen."""
    visible = line.visible()
    return len(visible) == 1 and visible[0].text in HYPHENS


def breaks_word(previous: Line, line: Line, frame: Frame, settings: PdfSettings = DEFAULT_SETTINGS,
                wrap_spaces: bool = False, drawn: Mapping[float, float] | None = None) -> bool:
    """True when the line above is one word cut at the column's edge (no hyphen).

    The line above must be a single word with no hyphen of its own, after which
    not even the next line's first letter would have fitted, both sides of the
    cut being letters of one case (or the tail lower-case). A whole word that
    fills its line looks the same, so one more sign is needed: with
    ``wrap_spaces``, a space would have fitted yet none was drawn (the line did
    not end at a word's end); otherwise the piece on the next line is short
    (``cut_tail_letters``), as a cut word's tail usually is.
    """
    above, below = previous.visible(), line.visible()
    if ends_with_space(previous):
        return False  # the space drawn after the word says the word ended there
    if any(g.is_space for g in previous.glyphs if above[0].x0 < g.x0 < above[-1].x0):
        return False
    if any(g.text in HYPHENS for g in above):
        return False  # a line-breaker cuts a hyphenated word at its hyphen, not inside a part
    last, first = above[-1], below[0]
    if not (last.text.isalpha() and first.text.isalpha()):
        return False
    if not (first.text.islower() or last.text.isupper() and first.text.isupper()):
        return False  # a capital after a small letter opens a word; capitals go on in capitals
    if previous.x1 + (first.x1 - first.x0) <= frame.right:
        return False  # the next letter would have fitted: nothing was cut for want of room
    if wrap_spaces and space_fits(previous, frame, drawn):
        return True
    return leading_letters(line) <= settings.cut_tail_letters


def leading_letters(line: Line) -> int:
    """How many letters the line opens with, up to its first space or other mark."""
    count = 0
    for glyph in line.glyphs:
        if glyph.is_space and not count:
            continue
        if not glyph.text.isalpha():
            break
        count += 1
    return count


def space_fits(line: Line, frame: Frame, drawn: Mapping[float, float] | None = None) -> bool:
    """True when a space would have fitted after the line's last glyph. The frame's
    right edge may be where the widest text stops, short of the true edge: then a
    space that fits here fits there too. ``drawn`` as ``space_width`` takes it."""
    return line.x1 + space_width(line, drawn) <= frame.right


def ends_with_space(line: Line) -> bool:
    """True when the line's last glyph is a drawn space."""
    return line.glyphs[-1].is_space


def draws_wrap_spaces(lines: Iterable[Line], settings: PdfSettings = DEFAULT_SETTINGS) -> bool:
    """True when the PDF's producer leaves the space it wrapped a line at on the
    line's end (LibreOffice does): then a line ending without one was ended by hand.
    A wrap leaves one space: a run of them is filler (Word's no-break spaces after a
    list number, printed from its HTML), which says nothing about wraps."""
    return sum(1 for line in lines if ends_with_one_space(line)) >= settings.wrap_space_lines


def ends_with_one_space(line: Line) -> bool:
    """True when the line ends with exactly one drawn space, as a wrap leaves it."""
    glyphs = line.glyphs
    return glyphs[-1].is_space and (len(glyphs) < 2 or not glyphs[-2].is_space)


def join_kind(previous: Line, line: Line, frame: Frame, settings: PdfSettings = DEFAULT_SETTINGS,
              wrap_spaces: bool = False, drawn: Mapping[float, float] | None = None) -> JoinKind:
    """How ``line`` follows ``previous`` in the same frame.

    "item": it opens a list item; "paragraph": it opens a paragraph (a gap, an
    indent, the line above ended early, or, when ``wrap_spaces`` says the
    producer keeps the space it wrapped at, the line above has none though
    one would have fitted);
    otherwise it continues a wrapped line: "hyphen" (joined without a space
    after a hyphen), "glue" (a word broken without a hyphen, or before a mark
    that belongs to it), "space". ``drawn``: the spaces drawn nearby (see ``space_width``).
    """
    bullet = bullet_of(line, settings)
    if bullet in BULLETS:
        return "item"
    if bullet and (ends_early(previous, line, frame, settings, drawn) or bullet_of(previous, settings) == bullet):
        return "item"
    if line.top - previous.bottom > settings.paragraph_gap * line.size:
        return "paragraph"
    if _indented(previous, line, frame, settings):
        return "paragraph"
    if ends_in_hyphen(previous):
        return "hyphen"
    if carries_mark(previous, line, frame, settings):
        return "glue"
    if is_lone_hyphen(previous) and line.visible()[0].text.isalnum() \
            and not ends_early(previous, line, frame, settings, drawn):
        return "hyphen"  # the compound's next part, after its hyphen carried down alone
    if breaks_word(previous, line, frame, settings, wrap_spaces, drawn):
        return "glue"
    if wrap_spaces and not ends_with_space(previous) and space_fits(previous, frame, drawn):
        return "paragraph"  # a space would have fitted, and the producer drew none: no wrap here
    if ends_early(previous, line, frame, settings, drawn):
        return "paragraph"
    return "space"


def _indented(previous: Line, line: Line, frame: Frame, settings: PdfSettings) -> bool:
    """A first-line indent: the line above sits at the frame's left, this one further in
    (and not merely under the text of a bulleted line above)."""
    if abs(previous.x0 - frame.left) > settings.align_tolerance:
        return False
    return line.x0 - text_left(previous, settings) > settings.indent * line.size


# -- lines into paragraphs ----------------------------------------------

@dataclass
class _Draft:
    """A paragraph being built."""

    runs: list[Run] = field(default_factory=list)
    list_kind: str | None = None
    page: int | None = None


def paragraphs(lines: list[Line], frame: Frame, settings: PdfSettings = DEFAULT_SETTINGS,
               wrap_spaces: bool = False) -> list[Paragraph]:
    """The paragraphs and list items that ``lines`` (one frame, in order) make;
    ``wrap_spaces`` as ``join_kind`` takes it."""
    drafts: list[_Draft] = []
    previous: Line | None = None
    drawn = drawn_spaces(lines)
    for line in lines:
        kind = _opening_kind(lines, settings) if previous is None else \
            join_kind(previous, line, frame, settings, wrap_spaces, drawn)
        bullet = bullet_of(line, settings) if kind == "item" else None
        runs = line_runs(line, settings, skip=1 if bullet else 0)
        if kind in ("item", "paragraph"):
            drafts.append(_Draft(runs, "bullet" if bullet else None, line.page))
        else:
            _continue(drafts[-1], runs, kind)
        previous = line
    return [Paragraph(tuple(d.runs), list_kind=d.list_kind, page=d.page)
            for d in drafts if d.runs]


def _opening_kind(lines: list[Line], settings: PdfSettings) -> JoinKind:
    """The first line of a frame: an item when it opens with a bullet (with a dash,
    only when the next line opens with the same dash), else a paragraph."""
    bullet = bullet_of(lines[0], settings)
    if bullet in BULLETS or (bullet and len(lines) > 1 and bullet_of(lines[1], settings) == bullet):
        return "item"
    return "paragraph"


def _continue(draft: _Draft, runs: list[Run], kind: JoinKind) -> None:
    """Append a wrapped line's runs to the paragraph, glued as ``kind`` says."""
    if not runs:
        return
    if not draft.runs:
        draft.runs.extend(runs)
        return
    last = draft.runs[-1]
    if kind == "hyphen" and last.text.endswith(SOFT_HYPHEN):
        draft.runs[-1] = Run(last.text[:-1], last.bold, last.superscript)
    elif kind == "space":
        draft.runs[-1] = Run(last.text + " ", last.bold, last.superscript)
    for run in runs:
        _append(draft.runs, run.text, run.bold, run.superscript)
