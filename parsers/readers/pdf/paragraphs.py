"""Lines into paragraphs: the PDF reader's last text step.

``paragraphs`` walks one frame's lines in order and, as ``join_kind`` says for
each pair, opens a paragraph or a list item or glues the line to the one above.
Nothing here knows about plans.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parsers.blocks import Paragraph, Run
from parsers.readers.pdf.joins import SOFT_HYPHEN, CutWords, JoinKind, bullet_of, drawn_spaces, join_kind
from parsers.readers.pdf.lines import Frame, Line, append_text, block_of, line_runs
from parsers.readers.pdf.settings import DEFAULT_SETTINGS, PdfSettings
from parsers.vocab import BULLETS


@dataclass
class _Draft:
    """A paragraph being built."""

    runs: list[Run] = field(default_factory=list)
    list_kind: str | None = None
    page: int | None = None


def paragraphs(lines: list[Line], frame: Frame, settings: PdfSettings = DEFAULT_SETTINGS,
               wrap_spaces: bool = False, cuts: CutWords | None = None) -> list[Paragraph]:
    """The paragraphs and list items that ``lines`` (one frame, in order) make;
    ``wrap_spaces`` and ``cuts`` as ``join_kind`` takes them."""
    drafts: list[_Draft] = []
    previous: Line | None = None
    drawn = drawn_spaces(lines)
    for line in lines:
        if previous is None:
            kind = _opening_kind(lines, settings)
        elif _tagged_apart(previous, line):
            kind = "item" if bullet_of(line, settings) else "paragraph"
        else:
            kind = join_kind(previous, line, frame, settings, wrap_spaces, drawn, cuts)
        bullet = bullet_of(line, settings) if kind == "item" else None
        runs = line_runs(line, settings, skip=1 if bullet else 0)
        if kind in ("item", "paragraph"):
            drafts.append(_Draft(runs, "bullet" if bullet else None, line.page))
        else:
            _continue(drafts[-1], runs, kind)
        previous = line
    return [Paragraph(tuple(d.runs), list_kind=d.list_kind, page=d.page)
            for d in drafts if d.runs]


def _tagged_apart(previous: Line, line: Line) -> bool:
    """True when a tagged PDF draws the two lines in different paragraphs: a break the layout
    may not show (a paragraph ending where a line would have wrapped anyway, no spacing)."""
    above, below = block_of(previous), block_of(line)
    return above is not None and below is not None and above != below


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
        append_text(draft.runs, run.text, run.bold, run.superscript)
