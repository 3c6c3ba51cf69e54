"""Inline text to runs: whitespace as a browser shows it, equal neighbours merged.

The markup walker queues text as pieces, each with its formatting and a mode
saying how its whitespace is treated; a paragraph's pieces become its runs
here, in one pass.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from parsers.blocks import Run

# Whitespace a browser collapses: ASCII only, so a no-break space survives.
COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")
NO_BREAK_SPACE = "\xa0"


def collapse(text: str) -> str:
    """Each run of collapsible whitespace as one space. Most text has none to collapse (single
    spaces between words): five substring tests are ten times cheaper than the regex's pass."""
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text:
        return COLLAPSIBLE.sub(" ", text)
    return text


class Piece(NamedTuple):
    """Text waiting to become a run; ``mode`` says how its whitespace is treated."""

    text: str
    bold: bool
    superscript: bool
    note: str | None = None
    mode: str = "flow"  # flow | pre | break | note


def normalise_runs(pieces: list[Piece]) -> tuple[Run, ...]:
    """Collapse whitespace across pieces as a browser would, then merge equal runs.

    A no-break space is kept (as a plain space); a line break drops the spaces
    around it; the paragraph's edges are trimmed.
    """
    if len(pieces) == 1 and pieces[0].mode == "flow":  # most paragraphs: one plain piece
        piece = pieces[0]
        text = collapse(piece.text).replace(NO_BREAK_SPACE, " ").strip(" \n")
        return (Run(text, piece.bold, piece.superscript),) if text else ()
    texts: list[list] = []  # [text, bold, superscript, note]
    after_space = True  # at a line start a collapsible space disappears
    for piece in pieces:
        if piece.mode == "break":
            _trim_end(texts)
            texts.append(["\n", piece.bold, piece.superscript, None])
            after_space = True
            continue
        if piece.mode == "flow":
            text = collapse(piece.text)
            if after_space:
                text = text.lstrip(" ")
        else:
            text = piece.text.replace("\r\n", "\n").replace("\r", "\n")
        if text:
            texts.append([text, piece.bold, piece.superscript, piece.note])
            after_space = text[-1] in " \n"
    for entry in texts:
        entry[0] = entry[0].replace(NO_BREAK_SPACE, " ")
    _trim_edges(texts)
    return _merged(texts)


def _trim_end(texts: list[list]) -> None:
    while texts and texts[-1][3] is None:
        texts[-1][0] = texts[-1][0].rstrip(" ")
        if texts[-1][0]:
            return
        texts.pop()


def _trim_edges(texts: list[list]) -> None:
    while texts and texts[0][3] is None:
        texts[0][0] = texts[0][0].lstrip(" \n")
        if texts[0][0]:
            break
        texts.pop(0)
    while texts and texts[-1][3] is None:
        texts[-1][0] = texts[-1][0].rstrip(" \n")
        if texts[-1][0]:
            break
        texts.pop()


def _merged(texts: list[list]) -> tuple[Run, ...]:
    runs: list[Run] = []
    for text, bold, superscript, note in texts:
        if not text:
            continue
        last = runs[-1] if runs else None
        same_format = last and (last.bold, last.superscript) == (bold, superscript)
        if same_format and note is None and last.note is None:
            runs[-1] = Run(last.text + text, bold, superscript)
        else:
            runs.append(Run(text, bold, superscript, note))
    return tuple(runs)
