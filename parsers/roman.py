"""Roman numerals as plans write them: read ("XXX сессия", "I квартал") and written (note numbers).

Plans type Cyrillic letters for Latin ones ("ХХХ", "І"), so those count as the
Latin digit they look like. Only I, V, X and L are digits here: in plans C, D and M
are abbreviations ("на CD") far more often than numbers beyond eighty-nine.
"""

from __future__ import annotations

import re

# Cyrillic letters typed in place of Latin ones ("ХХХ сессия", Ukrainian "І квартал").
LOOKALIKES = {"Х": "X", "І": "I", "Ӏ": "I"}
DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50}
# The well-formed numerals of I to LXXXIX ("IIII", "VV", "IL" are not).
_WELL_FORMED = re.compile(r"L?X{0,3}(?:IX|IV|V?I{0,3})|XL(?:IX|IV|V?I{0,3})")

# The largest start a list or note numbering may take: Word's largest w:start. A larger one
# would make a Roman number of megabytes ("m" * 10**12).
MAX_START = 32767

# For writing: every value with its letters, largest first.
_WRITTEN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def roman_value(text: str) -> int | None:
    """The value of a well-formed Roman numeral in either case, Cyrillic look-alikes
    allowed ("XXI", "ххі", "IV"); None for anything else."""
    latin = "".join(LOOKALIKES.get(char, char) for char in text.upper())
    if not latin or not _WELL_FORMED.fullmatch(latin):
        return None
    values = [DIGITS[char] for char in latin]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def to_roman(number: int) -> str:
    """``number`` (1 or more) as a lower-case Roman numeral: 14 -> "xiv"."""
    out = ""
    for value, letters in _WRITTEN:
        while number >= value:
            out += letters
            number -= value
    return out
