"""The signature block: position lines followed by a name with initials."""

from __future__ import annotations

import re

from schemas.plan import Signatory

_CAPITAL = "А-ЯЁ"
_SURNAME = rf"[{_CAPITAL}][а-яё]+(?:-[{_CAPITAL}][а-яё]+)?"
_INITIALS = rf"[{_CAPITAL}]\.\s?(?:[{_CAPITAL}]\.)?"
# "В.И. Селиванов", "В. И. Селиванов", "Селиванов В.И."
_NAME = re.compile(rf"(?P<name>{_INITIALS}\s?{_SURNAME}|{_SURNAME}\s{_INITIALS})\s*$")

# Position lines are short; a long line is body text, not part of the block.
MAX_POSITION_LINE = 160
MAX_POSITION_LINES = 4


# What a signature block holds beside the position: the line signed on ("_________"), the
# words under it ("(подпись)") and the seal's place ("М.П.").
# "Подпись:" goes with its colon.
_NOT_POSITION = re.compile(r"_{2,}|\(?\bподпись\b\)?\s*:?|\bм\.\s?п\.", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")


def find_signatory(lines: list[str]) -> Signatory | None:
    """The first name-with-initials line and the position lines just above it."""
    for index, line in enumerate(lines):
        match = _NAME.search(line)
        if not match:
            continue
        before = _position_part(line[: match.start()])
        position = _position_lines(lines[:index])
        if before:
            position.append(before)
        if position:
            return Signatory(position=" ".join(position), name=" ".join(match.group("name").split()))
    return None


def _position_lines(lines: list[str]) -> list[str]:
    """The last MAX_POSITION_LINES position lines of these, in order: the signing lines left out
    first, so that they use up no place (read back from the end: as many lines as are kept)."""
    kept: list[str] = []
    for raw in reversed(lines):
        if len(kept) == MAX_POSITION_LINES:
            break
        if len(raw) <= MAX_POSITION_LINE and (text := _position_part(raw)):
            kept.append(text)
    return kept[::-1]


def _position_part(text: str) -> str:
    """A line of the block without the signing line, "(подпись)" and "М.П."; "" when no letter is left."""
    part = " ".join(_NOT_POSITION.sub(" ", text).split())
    return part if _LETTER.search(part) else ""
