"""Step 2 of reading a date phrase: each word of the folded text becomes a canonical token.

"мая" -> ``M5``, "I" -> ``r1``, "02.06.2024" -> ``2 M6 Y2024``, "10:00" / "10.00" / "10-00" ->
``T10:00``, "2024/2025" -> ``Y2024 - Y2025``; the tables are in ``parsers.dates.vocab``. A word
outside the vocabulary makes the phrase unknown; a trailing bracket that is no date phrase
("15 мая (онлайн)") is a label: it is dropped and the date marked approximate.
"""

from __future__ import annotations

import functools
import re

from parsers.dates import vocab
from parsers.dates.unread import Unread
from parsers.roman import roman_value

__all__ = ["lexicon", "tokenize"]

# A time of day: "10:00" always; "10.00" only where the minutes are no month (00, 13-59), and
# "10-00" only with 00 ("10-12 июня" is days), unless "ч"/"час" follows ("9.10 ч.").
_HOUR_MARK = r"(?= ?ч(?:ас[а-я]*)?(?![а-я]))"
_TIME = (
    r"(?P<th>[01]?\d|2[0-3])"
    r"(?::(?P<tm>[0-5]\d)|\.(?P<td>00|1[3-9]|[2-5]\d)|-(?P<tz>00)|[.-](?P<tq>[0-5]\d)" + _HOUR_MARK + ")"
    r"(?!\d|\.\d)"
)
_YEARS = r"(?P<y1>\d{4})/(?P<y2>\d{4}|\d{2})(?!\d)"
_DAY_MONTH = r"(?P<nd>\d{1,2})\.(?P<nm>\d{1,2})(?:\.(?P<ny>\d{4}|\d{2})(?!\d))?"
_NUMBER = r"(?P<num>\d+)"
_WORD = r"(?P<word>[a-zа-яі]+)"
_JOIN = r"(?P<join>[-,])"
_QUIET = r"[\s.()]*+"  # spaces, abbreviation dots and brackets carry nothing: "май (ориентировочно)"
_OTHER = r"(?P<other>.)"
# Each match is one token after what carries nothing; words first: they are most of a phrase,
# and no other part starts as a word does.
_TOKEN = _QUIET + "(?:" + "|".join((_WORD, _TIME, _YEARS, _DAY_MONTH, _NUMBER, _JOIN, _OTHER)) + ")"


@functools.cache
def lexicon() -> dict[str, str]:
    """Every known word -> its canonical token (see ``parsers.dates.vocab``)."""
    tables = [
        {f"M{n}": forms for n, forms in vocab.MONTHS.items()},
        vocab.SEASONS,
        vocab.UNITS,
        vocab.PARTS,
        {str(n): forms for n, forms in vocab.ORDINALS.items()},
        {str(n): forms for n, forms in vocab.CARDINALS.items()},
        {"L": vocab.LAST},
        {f"W{n}": forms for n, forms in vocab.WEEKDAYS.items()},
        vocab.RELATIVE_YEARS,
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


# Tokens that need a step beyond the plain rules (a time, a weekday, a year told from the plan
# year, ...): a phrase with none skips those steps, which keeps the common phrase fast.
SPECIAL: frozenset[str] = frozenset(
    {"approx", "term", "hr", "every", "after_report", "for", "syr", *vocab.RELATIVE_YEARS}
    | {f"W{n}" for n in vocab.WEEKDAYS}
)


def tokenize(folded: str) -> tuple[list[str], bool]:
    """Canonical tokens of a folded phrase, and whether any is special (a time, a weekday, one of
    ``SPECIAL``); raises Unread on a word outside the vocabulary."""
    if folded[-1:] == ")":
        opened = folded.rfind("(")
        label = folded[opened + 1 : -1]
        if opened > 0 and not _names_a_date(label):
            try:
                _tokens(label)
            except Unread:  # "(по согласованию)", "(онлайн)": a label, not a date
                return _tokens(folded[:opened])[0] + ["approx"], True
    return _tokens(folded)


_DATE_TOKENS = ("M", "W", "R:", "Y")


def _names_a_date(label: str) -> bool:
    """A bracket that holds a digit or a date word ("(или июнь)", "(четверг)") is no mere label."""
    if any(c.isdigit() for c in label):
        return True
    words = lexicon()
    return any(words.get(word, "").startswith(_DATE_TOKENS) or words.get(word, "") in vocab.SEASON_MONTHS
               for word in re.findall(r"[a-zа-яі]+", label))


# The last group a match sets -> what was matched: a day.month, a time, two years.
_LAST_GROUP = {"nm": "nd", "ny": "nd", "tm": "th", "td": "th", "tz": "th", "tq": "th", "y2": "y1"}


def _tokens(folded: str) -> tuple[list[str], bool]:
    tokens: list[str] = []
    timed = False
    for m in _token_pattern().finditer(folded):
        kind = m.lastgroup
        kind = _LAST_GROUP.get(kind, kind)
        if kind == "word":
            _add_word(tokens, m["word"])
        elif kind == "num":
            digits = m["num"]
            if len(digits) == 4:
                tokens.append(_year_token(digits))
            elif len(digits) <= 2:
                tokens.append(str(int(digits)))
            else:
                raise Unread("unknown date phrase")
        elif kind == "nd":
            tokens += [str(int(m["nd"])), f"M{int(m['nm'])}"]
            if m["ny"]:
                tokens.append(_year_token(m["ny"]))
        elif kind == "join":
            tokens.append(m["join"])
        elif kind == "th":
            timed = True
            minutes = m["tm"] or m["td"] or m["tz"] or m["tq"]
            tokens.append(f"T{int(m['th']):02d}:{int(minutes):02d}")  # int(): "\d" is any script's digit
        elif kind == "y1":
            tokens += [_year_token(m["y1"]), "-", _year_token(m["y2"]) if len(m["y2"]) == 4
                       else f"Y{int(m['y1']) // 100 * 100 + int(m['y2'])}"]
        else:
            raise Unread("unknown date phrase")
    return tokens, timed or not SPECIAL.isdisjoint(tokens)


@functools.cache
def _ordinal_suffixes() -> frozenset[str]:
    return frozenset(vocab.ORDINAL_SUFFIXES)  # looked up for every word: a set, not a tuple


def _is_number(token: str) -> bool:
    return token.isdigit() or (token[:1] == "r" and token[1:].isdigit())


def _add_word(tokens: list[str], word: str) -> None:
    """Append a word's token, dropping ordinal suffixes ("2-го") and "год" after a year."""
    if tokens and word in _ordinal_suffixes():
        if _is_number(tokens[-1]):
            return
        if tokens[-1] == "-" and len(tokens) > 1 and _is_number(tokens[-2]):
            tokens.pop()
            return
    token = _word_token(word)
    if token == "yr" and tokens and (tokens[-1][0] in "YP" or tokens[-1] == "half"):
        return  # "2024 г.", "2024 года": the year is already there; "половина года" is a half-year
    if token:
        tokens.append(token)

