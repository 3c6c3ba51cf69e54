"""Step 2 of reading a date phrase: each word of the folded text becomes a canonical token.

"мая" -> ``M5``, "I" -> ``r1``, "02.06.2024" -> ``2 M6 Y2024``; the tables are in
``parsers.dates.vocab``. A word outside the vocabulary makes the phrase unknown.
"""

from __future__ import annotations

import functools
import re

from parsers.dates import vocab
from parsers.dates.unread import Unread
from parsers.roman import roman_value

__all__ = ["lexicon", "tokenize"]

_DAY_MONTH = r"(?P<nd>\d{1,2})\.(?P<nm>\d{1,2})(?:\.(?P<ny>\d{4}|\d{2})(?!\d))?"
_NUMBER = r"(?P<num>\d+)"
_WORD = r"(?P<word>[a-zа-яі]+)"
_JOIN = r"(?P<join>[-,])"
_QUIET = r"[\s.()]+"  # spaces, abbreviation dots and brackets carry nothing: "май (ориентировочно)"
_OTHER = r"(?P<other>.)"
_TOKEN = "|".join((_DAY_MONTH, _NUMBER, _WORD, _JOIN, _QUIET, _OTHER))


@functools.cache
def lexicon() -> dict[str, str]:
    """Every known word -> its canonical token (see ``parsers.dates.vocab``)."""
    tables = [
        {f"M{n}": forms for n, forms in vocab.MONTHS.items()},
        vocab.SEASONS,
        vocab.UNITS,
        vocab.PARTS,
        {str(n): forms for n, forms in vocab.ORDINALS.items()},
        {f"R:{r}": forms for r, forms in vocab.RECURRENCE_WORDS.items()},
        vocab.JOINERS,
    ]
    return {form: token for table in tables for token, forms in table.items() for form in forms}


@functools.cache
def _token_pattern() -> re.Pattern:
    return re.compile(_TOKEN)


def _roman(word: str) -> int | None:
    """The value of a Roman numeral that can count periods (under 40), else None."""
    value = roman_value(word)
    return value if value is not None and value < 40 else None


def _year_token(digits: str) -> str:
    return f"Y{2000 + int(digits) if len(digits) == 2 else int(digits)}"


def _word_token(word: str) -> str:
    token = lexicon().get(word)
    if token is not None:
        return token
    number = _roman(word)
    if number is not None:
        return f"r{number}"  # marked: a Roman numeral counts periods, never days
    raise Unread("unknown date phrase")


def tokenize(folded: str) -> list[str]:
    """Canonical tokens of a folded phrase; raises Unread on a word outside the vocabulary."""
    tokens: list[str] = []
    for m in _token_pattern().finditer(folded):
        kind = "nd" if m["nd"] else m.lastgroup  # a day.month match ends on its last part
        if kind is None:
            continue
        if kind == "nd":
            tokens += [str(int(m["nd"])), f"M{int(m['nm'])}"]
            if m["ny"]:
                tokens.append(_year_token(m["ny"]))
        elif kind == "num":
            digits = m["num"]
            if len(digits) == 4:
                tokens.append(_year_token(digits))
            elif len(digits) <= 2:
                tokens.append(str(int(digits)))
            else:
                raise Unread("unknown date phrase")
        elif kind == "word":
            _add_word(tokens, m["word"])
        elif kind == "join":
            tokens.append(m["join"])
        else:
            raise Unread("unknown date phrase")
    return tokens


def _is_number(token: str) -> bool:
    return token.isdigit() or (token[:1] == "r" and token[1:].isdigit())


def _add_word(tokens: list[str], word: str) -> None:
    """Append a word's token, dropping ordinal suffixes ("2-го") and "год" after a year."""
    if word in vocab.ORDINAL_SUFFIXES and tokens:
        if _is_number(tokens[-1]):
            return
        if tokens[-1] == "-" and len(tokens) > 1 and _is_number(tokens[-2]):
            tokens.pop()
            return
    token = _word_token(word)
    if token == "yr" and tokens and tokens[-1].startswith("Y"):
        return  # "2024 г.", "2024 года": the year is already there
    if token:
        tokens.append(token)

