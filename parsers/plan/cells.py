"""Reading the content of table cells: clean text, paragraphs, bullet items."""

from __future__ import annotations

import re

from parsers.blocks import Cell, Paragraph
from parsers.vocab import INLINE_BULLETS, TYPED_BULLETS


def clean(text: str) -> str:
    """Collapse every run of whitespace (line breaks, non-breaking spaces) to one space."""
    return " ".join(text.split())


def paragraph_texts(cell: Cell | None) -> list[str]:
    """The cell's non-empty paragraphs as clean text, footnote markers left out."""
    if cell is None:
        return []
    return [text for block in cell.blocks if (text := clean(block.main_text))]


def cell_text(cell: Cell | None, joiner: str = " ") -> str:
    """The cell's paragraphs joined by ``joiner``."""
    return joiner.join(paragraph_texts(cell))


def shown_cell_text(cell: Cell | None) -> str:
    """The cell's paragraphs as the producer shows them, joined by a space: with the list
    number or glyph it draws before an item ("1." of an automatically numbered column),
    footnote markers left out. What reads a number cell reads this, so a number typed and
    a number drawn read alike."""
    if cell is None:
        return ""
    return " ".join([text for block in cell.blocks if (text := clean(
        f"{block.list_label} {block.main_text}" if block.list_label else block.main_text))])


def cell_markers(cell: Cell | None) -> list[str]:
    """Footnote markers cited anywhere in the cell, in order."""
    found: list[str] = []
    for block in cell.blocks if cell else ():
        found.extend(marker for marker in block.markers if marker not in found)
    return found


def split_title_cell(blocks: tuple[Paragraph, ...] | list[Paragraph]) -> tuple[list[str], list[str]]:
    """Paragraphs and bullet items of a title cell, each in order.

    Items come from list paragraphs, from paragraphs opening with a bullet
    glyph or (after the first paragraph) a typed list label ("1) ОКМО"), and
    from bullets written inline ("объединений: • ОКМО • ВАРМСУ").
    """
    paragraphs: list[str] = []
    items: list[str] = []
    texts = [(block, text) for block in blocks if (text := clean(block.main_text))]
    labelled = _labelled_runs([text for _, text in texts])
    for index, (block, text) in enumerate(texts):
        if block.is_list_item:
            items.append(strip_bullet(text))
            continue
        label = TYPED_LABEL.match(text) if index in labelled and (paragraphs or items) else None
        if label:  # "1) ОКМО", "б) ..." typed reads as the same item a list draws
            items.append(text[label.end():])
            continue
        lead, inline = split_inline_bullets(text)
        if lead and starts_with_bullet(lead) and not inline:
            items.append(strip_bullet(lead))
        elif lead:
            paragraphs.append(lead)
        items.extend(inline)
    return paragraphs, items


def _labelled_runs(texts: list[str]) -> set[int]:
    """Indexes of the paragraphs whose typed label goes on from the one before or into the one
    after ("1)" then "2)", "а)" then "б)"): a list. A label alone ("Конференция" then "1) пленарное
    заседание, 2) секции", a wrapped title's line opening "3. ") is the title's text."""
    keys = [_label_key(text) for text in texts]
    found: set[int] = set()
    for index in range(1, len(keys)):
        before, after = keys[index - 1], keys[index]
        if before and after and before[0] == after[0] and after[1] == before[1] + 1:
            found.update((index - 1, index))
    return found


_LETTERS = ("абвгдежзиклмнопрстуфхцчшщэюя", "abcdefghijklmnopqrstuvwxyz")


def _label_key(text: str) -> tuple[str, int] | None:
    """A typed label's kind (its closing mark, digits or which alphabet) and its ordinal."""
    label = TYPED_LABEL.match(text)
    if label is None:
        return None
    mark = label.group().strip()
    body, closing = mark[:-1], mark[-1]
    if body.isdigit():
        return f"digit{closing}", int(body)
    for alphabet in _LETTERS:
        if body in alphabet:
            return f"{alphabet[0]}{closing}", alphabet.index(body) + 1
    return None


# A list label typed before an item ("1)", "2.", "а)"): an item after the cell's first paragraph,
# as the item a numbered list draws with that label is (the label dropped alike), when the label
# goes on from or into the next paragraph's (_labelled_runs). A first
# paragraph so opening is the title ("1. Пленарное заседание" stays whole); a letter and a dot
# opens an abbreviation ("г. Москва"), no label.
TYPED_LABEL = re.compile(r"^(?:\d{1,2}[.)]|[а-яёa-z]\))\s+(?=\S)")

_INLINE_BULLET = re.compile("|".join(map(re.escape, INLINE_BULLETS)))


def split_inline_bullets(text: str) -> tuple[str, list[str]]:
    """Text before the first inline bullet glyph, and the items after it."""
    first = _INLINE_BULLET.search(text)
    if first is None:
        return text, []
    cut = first.start()
    pieces = [text[cut:]]
    for glyph in INLINE_BULLETS:
        pieces = [part for piece in pieces for part in piece.split(glyph)]
    return clean(text[:cut]), [item for piece in pieces if (item := clean(piece))]


# What an item may open with: any bullet glyph and a space, or an inline bullet alone.
# One tuple, so one str.startswith call per paragraph.
BULLET_OPENINGS = tuple(glyph + " " for glyph in TYPED_BULLETS) + tuple(
    glyph for glyph in TYPED_BULLETS if glyph in INLINE_BULLETS)


def starts_with_bullet(text: str) -> bool:
    """True when the text opens with a bullet glyph and a space."""
    return text.startswith(BULLET_OPENINGS)


def strip_bullet(text: str) -> str:
    """The item's text without a leading bullet glyph."""
    stripped = text
    for glyph in TYPED_BULLETS:
        if stripped.startswith(glyph) and (glyph in INLINE_BULLETS or stripped[len(glyph):][:1] == " "):
            stripped = stripped[len(glyph):]
            break
    return stripped.strip()
