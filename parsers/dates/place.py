"""Place and date written in one cell on one line: "Хабаровск май" -> ("Хабаровск", "май")."""

from __future__ import annotations

import re

from parsers.dates import vocab
from parsers.dates.fold import fold
from parsers.dates.reader import understand
from parsers.dates.tokens import lexicon

__all__ = ["split_place_date"]


# The most words a date phrase may have ("в период с 1 по 10 июня 2024 года (предварительно)" has
# nine): only tails this long are tried, so a hostile 50 KB cell costs as much as a real one.
MAX_DATE_WORDS = 24


def split_place_date(text: str) -> tuple[str | None, str]:
    """Split "Хабаровск май" into ("Хабаровск", "май"): the date is the longest readable tail
    (of at most MAX_DATE_WORDS words)."""
    words = text.split()
    for i in range(max(0, len(words) - MAX_DATE_WORDS), len(words)):
        tail = " ".join(words[i:])
        if understand(tail, 2000)[0].kind != "unknown":
            # "Минск 31 июня": the impossible "31 июня" is not readable but "июня" is;
            # numbers just before the readable tail belong to the date, which then warns.
            while i > 0 and any(c.isdigit() for c in words[i - 1]):
                i -= 1
            # "ежемесячно, по понедельникам": a month or recurrence word just before the readable
            # tail is no place's; the date starts there (unread, the parse warns) rather than
            # the cell losing it to the place. Only words right before it: a time word further
            # back is a name's ("Москва, парк Весна, Дворец спорта 12 марта"), and so is a
            # capitalised one that a lower-case word leads into ("кинотеатр Октябрь, 5 мая").
            while i > 0 and _names_a_time(words[i - 1]) and not _named(words, i - 1):
                i -= 1
            # "ул. Тверская, 13, 15 мая", "д. 5 15 мая": a house number after an address word
            # (or after the street named by one) is the place's, not a day.
            while i < len(words) - 1 and _is_house_number(words, i):
                i += 1
            return _place(words[:i]), " ".join(words[i:])
    for i, word in enumerate(words):
        if _looks_dated(word):  # an unreadable date still leaves the place; the parse warns
            return _place(words[:i]), " ".join(words[i:])
    return _place(words), ""


# Address words after which a number is a house's, not a day ("ул. Тверская, 13", "д. 5").
ADDRESS_WORDS = frozenset(
    "ул. улица пр. пр-т просп. проспект пер. переулок д. дом корп. корпус стр. строение "
    "пл. площадь наб. набережная ш. шоссе".split()
)
_HOUSE_NUMBER = re.compile(r"\d+[а-яa-z]?(?:/\d+[а-яa-z]?)?[,;]?", re.IGNORECASE)


def _is_house_number(words: list[str], i: int) -> bool:
    """words[i] is a bare number right after an address word, or after the one word (the
    street's name) that follows one, not after another number and not before a month."""
    if not _HOUSE_NUMBER.fullmatch(words[i]) or i == 0:
        return False
    if not words[i].endswith((",", ";")) and _names_a_time(words[i + 1]):
        return False  # "ул. Тверская, 15 мая": a number right before a month is its day
    before = [w.lower().rstrip(",;") for w in words[max(0, i - 2) : i]]
    if any(c.isdigit() for c in before[-1]):
        return False
    return before[-1] in ADDRESS_WORDS or (len(before) == 2 and before[0] in ADDRESS_WORDS)


def _named(words: list[str], i: int) -> bool:
    """words[i] is capitalised and follows a lower-case word with no punctuation: part of a name."""
    return i > 0 and words[i][:1].isupper() and words[i - 1][-1:].isalpha() and words[i - 1].islower()


def _place(words: list[str]) -> str | None:
    return " ".join(words).rstrip(" ,;:" + vocab.DASHES) or None


_DATED_TOKENS = ("M", "R:")


def _looks_dated(word: str) -> bool:
    """A word that can only belong to a date: a digit, a month, a recurrence word."""
    return any(c.isdigit() for c in word) or _names_a_time(word)


def _names_a_time(word: str) -> bool:
    """A month, season or recurrence word (a number may be a place's: "ул. Тверская, 13")."""
    token = lexicon().get(fold(word), "")
    return token.startswith(_DATED_TOKENS) or token in vocab.SEASON_MONTHS
