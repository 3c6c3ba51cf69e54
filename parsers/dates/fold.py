"""Step 1 of reading a date phrase: a normalised copy of its text.

Every space kind becomes one space, every dash "-", upper case and "ё" are folded, Latin
look-alikes in Cyrillic words are folded, and several-word phrases become one word; the words
themselves are in ``parsers.dates.vocab``.
"""

from __future__ import annotations

import functools
import re

from parsers.dates import vocab
from parsers.roman import roman_value

__all__ = ["fold"]


def _char_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(c): " " for c in vocab.SPACES}
    table.update({ord(c): "-" for c in vocab.DASHES})
    table.update({ord(c): None for c in vocab.INVISIBLE})
    table.update({ord("ё"): "е", ord("Ё"): "е"})
    return table


@functools.cache
def _folding() -> tuple[dict, re.Pattern, re.Pattern, dict, re.Pattern, re.Pattern]:
    """The folding tables and patterns, built once on first use (no import-time work)."""
    latin = re.compile(r"[a-z]")
    words = re.compile(r"[a-zа-яі]+")
    lookalikes = str.maketrans(vocab.LATIN_LOOKALIKES)
    longest_first = sorted(vocab.PHRASES, key=len, reverse=True)
    first_letters = "".join(sorted({phrase[0] for phrase in longest_first}))  # fails fast elsewhere
    alternatives = "|".join(map(re.escape, longest_first))
    phrases = re.compile(rf"(?<![а-я])(?=[{first_letters}])(?:{alternatives})(?![а-я])")
    spaces = re.compile(r" {2,}")
    return _char_table(), latin, words, lookalikes, phrases, spaces


def _fold_word(match: re.Match, lookalikes: dict) -> str:
    word = match.group()
    if not word.isascii() or roman_value(word) is None:
        return word.translate(lookalikes)  # "mай" -> "май"; a Roman numeral stays Latin
    return word


def fold(text: str) -> str:
    """A normalised copy of ``text``: one space, "-" for every dash, lower case, "е" for "ё"."""
    chars, latin, words, lookalikes, phrases, spaces = _folding()
    folded = text.translate(chars).lower()
    if latin.search(folded):
        folded = words.sub(lambda m: _fold_word(m, lookalikes), folded)
    folded = phrases.sub(lambda m: vocab.PHRASES[m.group()], folded)
    return spaces.sub(" ", folded).strip(" .,;")
