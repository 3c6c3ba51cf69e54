"""Event titles as the matcher sees them: edition numerals set aside, words reduced to stems.

"XXX сессия МАГ" and "XXXI сессия МАГ" are one series: the numeral is taken out
(and kept, to compare editions), quotes, case and punctuation are dropped, and
each word is cut to a short stem so that "конкурса" and "конкурс" agree.
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass

from parsers import roman
from parsers.dates.vocab import ORDINAL_SUFFIXES
from parsers.plan.vocab import PARTICIPATION_OPENINGS

# ---- vocabularies (data) ---------------------------------------------------

# Words after which a numeral is not an edition ("в XXI веке").
NOT_EDITION_WORDS = ("век", "веке", "века", "веку", "веком", "столетие", "столетия", "тысячелетие")
# Words too common to tell events apart.
STOPWORDS = frozenset(("в", "во", "на", "и", "по", "с", "со", "для", "к", "ко", "о", "об", "от", "из", "за",
                       "при", "а", "до", "под", "над", "их", "его", "как"))
# Russian inflects word endings; the first letters of a word stay ("конкурс", "конкурса").
STEM_LENGTH = 5

# ---- patterns built from named parts ---------------------------------------

_ROMAN_LETTERS = "".join(roman.DIGITS) + "".join(roman.LOOKALIKES)  # upper case: "XXX", "ХХХ"
_ROMAN = rf"(?P<roman>[{_ROMAN_LETTERS}]+)"
# Endings written after an Arabic ordinal ("30-я сессия", "8-й форум", "5-го конкурса"): the dates' table.
_ORDINAL_ENDING = "|".join(sorted(ORDINAL_SUFFIXES, key=len, reverse=True))
_ARABIC = rf"(?P<arabic>\d+)(?:\s?-\s?(?:{_ORDINAL_ENDING}))?"
NUMERAL = re.compile(rf"(?<!\w)(?:{_ROMAN}|{_ARABIC})(?!\w)")
_NEXT_WORD = re.compile(r"\W*(\w+)")
WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Numeral:
    """A numeral in a title: as written, its value, and the stem of the word after it."""

    text: str
    value: int
    start: int
    end: int
    next_word: str | None

    @property
    def is_edition(self) -> bool:
        """An edition counts a series ("XXX сессия"), not a century or a year."""
        return self.next_word is not None and self.next_word not in _NOT_EDITION_STEMS and self.value < 1000


_NOT_EDITION_STEMS = frozenset(word[:STEM_LENGTH] for word in NOT_EDITION_WORDS)


def numerals(title: str) -> tuple[Numeral, ...]:
    """The Roman and Arabic numerals of a title, in order."""
    found = []
    for match in NUMERAL.finditer(title):
        value = roman.roman_value(match["roman"]) if match["roman"] else int(match["arabic"])
        if value is None:
            continue
        following = _NEXT_WORD.match(title, match.end())
        next_word = stem(following[1]) if following else None
        found.append(Numeral(match[0], value, match.start(), match.end(), next_word))
    return tuple(found)


def editions(title: str) -> tuple[Numeral, ...]:
    """The numerals of a title that count editions of a series."""
    return tuple(numeral for numeral in numerals(title) if numeral.is_edition)


def masked(title: str) -> str:
    """The title as written with every edition numeral replaced by "#" and spaces collapsed."""
    return _mask(title, editions(title))


def _mask(title: str, found: tuple[Numeral, ...]) -> str:
    pieces, last = [], 0
    for numeral in found:
        pieces += [title[last:numeral.start], "#"]
        last = numeral.end
    pieces.append(title[last:])
    masked_text = " ".join("".join(pieces).split())
    return title if masked_text == title else masked_text  # most titles: no numeral, spaced once


def stem(word: str) -> str:
    """A crude stem: the word in lower case, ё as е, cut to STEM_LENGTH letters."""
    return word.casefold().replace("ё", "е")[:STEM_LENGTH]


def title_stems(title: str) -> frozenset[str]:
    """The stems a title is compared by: no numerals, quotes, punctuation, stopwords or set-aside opening."""
    return frozenset(_stems_of(masked(title)))


def _stems_of(masked_title: str) -> tuple[str, ...]:
    """title_stems of a masked title, each once, sorted (a tuple: a tenth of a set's memory, and a
    large plan's profiles are first-touched memory)."""
    text = masked_title.casefold().replace("ё", "е")
    for opening in PARTICIPATION_OPENINGS:  # how МАГ takes part, not what the event is
        if text.startswith(opening):
            text = text[len(opening):]
    words = (word for word in WORD.findall(text) if not word.isdigit() and word not in STOPWORDS)
    return tuple(sorted({sys.intern(stem(word)) for word in words}))  # one copy of each stem for every title


@dataclass(frozen=True, slots=True)
class Title:
    """What the matcher reads of one title, worked out once per event rather than once per pair."""

    text: str
    editions: tuple[Numeral, ...]
    masked: str
    stems: tuple[str, ...]  # distinct, sorted

    @property
    def masked_key(self) -> str:
        """The masked title as compared when a title has no stems at all."""
        return self.masked.casefold()


def read_title(text: str) -> Title:
    """A title's editions, masked text and stems."""
    found = editions(text)
    masked_text = _mask(text, found)
    return Title(text, found, masked_text, _stems_of(masked_text))


def title_similarity(a: str, b: str) -> float:
    """0..1: the mean of the Dice overlap and the containment of the two titles' stems."""
    return similarity(read_title(a), read_title(b))


def similarity(a: Title, b: Title) -> float:
    """title_similarity of two read titles."""
    first, second = a.stems, b.stems
    if not first or not second:
        return 1.0 if first == second and a.masked_key == b.masked_key else 0.0
    shared = len(set(first).intersection(second))
    dice = 2 * shared / (len(first) + len(second))
    containment = shared / min(len(first), len(second))
    return (dice + containment) / 2


def least_shared(smaller: int, larger: int, threshold: float) -> int:
    """The fewest stems two titles of these stem counts must share to be ``threshold`` alike.

    similarity = shared × (1/(a+b) + 1/(2a)) for a ≤ b, so the bound grows with the
    larger title; at least one stem whenever the threshold is above 0.
    """
    if threshold <= 0:
        return 0
    need = threshold / (1 / (smaller + larger) + 1 / (2 * smaller))
    return max(1, math.ceil(need - 1e-9))
