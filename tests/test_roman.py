"""Roman numerals: read in titles and date phrases, written for note numbers."""

from __future__ import annotations

import pytest

from parsers.roman import roman_value, to_roman


@pytest.mark.parametrize("text, value", [
    ("I", 1), ("IV", 4), ("IX", 9), ("XIV", 14), ("XIX", 19), ("XXIX", 29), ("XXX", 30), ("XXXI", 31),
    ("XL", 40), ("XLIX", 49), ("LXXXIX", 89),
    ("ХХХ", 30),     # Cyrillic Х typed for Latin X
    ("ХХІ", 21),     # Cyrillic Х and Ukrainian І
    ("iv", 4), ("xii", 12), ("iі", 2), ("хх", 20),  # lower case, as date phrases are folded
    ("IIII", None), ("VV", None), ("IL", None), ("XXXX", None), ("", None), ("I I", None),
    ("CD", None), ("MD", None), ("C", None),  # abbreviations, not editions
    ("XC", None), ("май", None),
])
def test_roman_numerals_are_read_or_refused(text, value):
    assert roman_value(text) == value


@pytest.mark.parametrize("number, text", [(1, "i"), (4, "iv"), (9, "ix"), (14, "xiv"), (40, "xl"),
                                          (89, "lxxxix"), (1999, "mcmxcix")])
def test_numbers_are_written_in_roman(number, text):
    assert to_roman(number) == text


def test_what_is_written_is_read_back():
    assert all(roman_value(to_roman(number)) == number for number in range(1, 90))
