"""What Tesseract reliably misreads in these documents, repaired where the context proves it.

Each repair is data: a table of look-alikes and the words that must stand next to them.
A repaired word keeps its raw reading in a warning (``ocr_repaired``), so nothing is
changed silently.

- Roman numerals read as Cyrillic look-alikes ("ХУП" for XVII, "УШ" for VIII, "ХП" for
  XII): repaired only before an ordinal word ("сессия", "Международный", "конкурс" ...),
  where a numeral stands in a title; anywhere else the word is left as read.
- The table header's "№ п/п" read as "№ пт", "№ n/n", "№ п/и".
- A bullet ("•") read as "·", "*", "‚", "e", "°": a line-opening mark of one small character.
- A raised footnote marker "¹" read as "'", "!", "|", "l": taken as "1".
- Line-end dashes ("—", "‐") read for a hyphen, so wrapped compounds join.
- A closing mark alone on a line of its own, which Tesseract does not read, given to the word
  above (``reader.carried_marks``).
- Words read in Latin capitals only as tall as small letters ("NOCTOAHH" for "постоянн") read again
  in Russian alone (``reader.in_russian``), taken when that reading is small Cyrillic letters
  (``as_small_letters``).
- Words of Latin twins of Cyrillic letters in Russian text ("OKMO", "no") in Cyrillic; one with
  an "n" (a serif "п") only when short or read in Cyrillic elsewhere on the page ("Open" stays).
"""

from __future__ import annotations

import re
import string
from dataclasses import replace

from parsers.readers.scan.engine import Symbol, Word

# Cyrillic (and Latin) letters Tesseract gives for the strokes of a Roman numeral.
ROMAN_LOOKALIKES = {
    "Х": "X", "X": "X", "х": "X",
    "У": "V", "V": "V", "v": "V",
    "І": "I", "I": "I", "l": "I", "1": "I", "|": "I", "!": "I", "]": "I",
    "П": "II", "Ш": "III", "Н": "II", "Щ": "III",
    "Г": "I", "Т": "I",
    "L": "L", "С": "C", "C": "C", "М": "M", "M": "M",
}
# Words a Roman numeral stands before in a title: "XXX сессия", "XVII Международный конгресс".
ORDINAL_WORDS = (
    "сесси", "международн", "межрегиональн", "всероссийск", "общероссийск", "российск",
    "московск", "конкурс", "форум", "конгресс", "конференци", "смотр", "съезд", "фестивал",
    "выставк", "ассамбле", "пленум", "заседани", "собрани", "чтени", "олимпиад", "биеннале",
    "квартал", "полугоди", "век", "созыв",
)
ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
# "№" as Tesseract reads it in a bilevel scan; taken as "№" only before "п/п" or its misreadings.
NUMERO_LOOKALIKES = ("№", "Ne", "No", "N°", "Nº", "Ns", "Nə", "Мо", "Ме", "Nо", "Nе", "Ho", "Но")
HEADER_NUMBER = re.compile(r"^(?:п/п|пт|п/и|n/n|п/n|n/п|nn|пп|п\.п\.?|пм)$", re.IGNORECASE)
BULLET_LOOKALIKES = ("•", "·", "*", "‚", ",", "e", "°", "©", "®", "o", "о", "¢", "«", "»", "“", "„", "-", "_", ".")
BULLET = "•"
# A raised "¹" as Tesseract reads it; quotes are left out: they are raised and small too.
ONE_LOOKALIKES = ("'", "!", "|", "l", "I", "i", "’", "`", "ˡ", "J", "]", "1")
# A raised marker glued to a word's end is often read as a closing quote: such a word is
# read again in two parts (``reader.split_markers``), and a real quote stays a quote.
QUOTE_LIKE = ('"', "”", "“", "'", "’")
MARKERS = ("*", "**", "***", "†", "‡", "§")
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
LINE_END_DASHES = ("—", "–", "‐", "‑", "¬")


def roman(token: str) -> str | None:
    """The Roman numeral a misread token stands for ("ХУП" → "XVII"), or None."""
    if not token or len(token) > 8 or any(ch not in ROMAN_LOOKALIKES for ch in token):
        return None
    numeral = "".join(ROMAN_LOOKALIKES[ch] for ch in token)
    return numeral if ROMAN.match(numeral) else None


def is_ordinal_word(word: str) -> bool:
    """True for a word a Roman numeral stands before ("сессия", "Международного")."""
    lower = word.lower().strip("«»\"'(")
    return any(lower.startswith(stem) for stem in ORDINAL_WORDS)


def region_words(words: list[Word], cap: float | None = None,
                 page: frozenset[str] = frozenset()) -> tuple[list[Word], list[tuple[str, str]]]:
    """A region's words (a cell's, in reading order) with the repairs made; and (raw,
    repaired) for each repair. A numeral's ordinal word may be on the next line; ``cap``
    is the page's capital height (pixels), against which a word read in capitals is measured;
    ``page`` is the page's words (``page_words``), where a reading may be found elsewhere."""
    out = list(words)
    repairs: list[tuple[str, str]] = []
    cyrillic = sum(1 for w in words for ch in w.text if is_cyrillic(ch))
    for index, word in enumerate(out):
        mixed = to_cyrillic(word.text, page)
        if mixed and cyrillic:  # some Cyrillic in the region: it is Russian text
            repairs.append((word.text, mixed))
            out[index] = word = _retext(word, mixed)
        if cap and is_small_caps_misread(word, cap):
            repairs.append((word.text, word.text.lower()))
            out[index] = word = _retext(word, word.text.lower())
        digits = digits_repaired(word.text)
        if digits != word.text:
            repairs.append((word.text, digits))
            out[index] = word = _retext(word, digits)
        following = out[index + 1].text if index + 1 < len(out) else ""
        numeral = roman(word.text)
        if numeral and numeral != word.text and is_ordinal_word(following):
            repairs.append((f"{word.text} {following}", f"{numeral} {following}"))
            out[index] = _retext(word, numeral)
        elif word.text in NUMERO_LOOKALIKES and index + 1 < len(out) and HEADER_NUMBER.match(out[index + 1].text) \
                and (word.text, out[index + 1].text) != ("№", "п/п"):
            repairs.append((f"{word.text} {out[index + 1].text}", "№ п/п"))
            out[index] = _retext(word, "№")
            out[index + 1] = _retext(out[index + 1], "п/п")
        line_end = index + 1 == len(out) or out[index + 1].line != word.line
        text = out[index].text
        if line_end and text[-1] in LINE_END_DASHES and len(text) > 1 and text[-2].isalpha():
            out[index] = _retext(out[index], text[:-1] + "-")
    return out, repairs


# Cyrillic capitals whose small letter is the same shape, only smaller: Tesseract reads a
# word of these in the wrong case ("ИЮЛЬ" for "июль"); only their size tells.
SAME_SHAPE_CAPITALS = set("ВГЖЗИЙКЛМНОПСТХЦЧШЩЪЫЬЭЮЯ")
LATIN_CAPITALS = set(string.ascii_uppercase)
# Small letters that reach neither above the x-height nor below the baseline.
FLAT_SMALL = set("авгежзиклмнопстхчшъыьэюя")
SMALL_CAPS_RATIO = 0.85  # a word of capitals under this share of the page's capital height is small letters


# Latin letters drawn as Cyrillic ones: in Russian text a word made only of these was read in
# the wrong script ("OKMO" for "ОКМО", "no" for "по": a serif "п" is an "n" with a flat top),
# unless it is a Roman numeral.
TWIN_LETTERS = "ABCEHKMOPTXYaceopxyn"
LATIN_TWINS = str.maketrans(TWIN_LETTERS, "АВСЕНКМОРТХУасеорхуп")
# An "n" is a "п" only in a word this short ("no" for "по"), or where the page has the word in
# Cyrillic elsewhere: a longer one is as likely English in Russian text ("Open", "Ocean", "one"
# in an event's name), which its other letters, all twins, would turn to "Ореп", "Осеап", "опе".
N_TWIN_LETTERS = 2


def to_cyrillic(text: str, page: frozenset[str] = frozenset()) -> str | None:
    """The word in Cyrillic when every letter of it is a Latin twin of a Cyrillic one, else None;
    a word with an "n" longer than ``N_TWIN_LETTERS`` only when ``page`` (``page_words``) holds
    that Cyrillic reading."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 2 or any(ch not in TWIN_LETTERS for ch in letters):
        return None
    if ROMAN.match("".join(letters)):
        return None
    cyrillic = text.translate(LATIN_TWINS)
    if "n" in letters and len(letters) > N_TWIN_LETTERS and _bare(cyrillic) not in page:
        return None
    return cyrillic


def page_words(texts) -> frozenset[str]:
    """The words of a page's texts as ``to_cyrillic`` looks them up: letters only, lower case."""
    return frozenset(_bare(word) for text in texts for word in text.split())


def _bare(word: str) -> str:
    return "".join(ch for ch in word if ch.isalpha()).lower()


def is_capitalised(text: str) -> bool:
    """A word of one capital, then at least three small letters of x-height ("Москва")."""
    letters = text.rstrip(".,:;»)\"")
    return len(letters) >= 4 and letters[0].isupper() and letters[0].isalpha() \
        and all(ch in FLAT_SMALL for ch in letters[1:])


def _short_capitals(word: Word, cap: float, capitals: set[str]) -> str | None:
    """The word's letters (the marks after them left off) when it is three or more of
    ``capitals`` standing only as tall as small letters, else None."""
    letters = word.text.rstrip(".,:;»)")
    return letters if len(letters) >= 3 and all(ch in capitals for ch in letters) \
        and word.bottom - word.top < SMALL_CAPS_RATIO * cap else None


def is_small_caps_misread(word: Word, cap: float) -> bool:
    """A word Tesseract gave in capitals that stands only as tall as small letters."""
    return _short_capitals(word, cap, SAME_SHAPE_CAPITALS) is not None


def is_latin_small_misread(word: Word, cap: float) -> bool:
    """A word Tesseract gave in Latin capitals that stands only as tall as small letters: Cyrillic
    small letters read in the wrong script ("NOCTOAHH" for "постоянн", a word filling a narrow
    column); a Latin word in capitals ("CD", "EXPO") stands as tall as the page's capitals, and a
    Roman numeral ("XVII", whose box may be measured short) stays as read."""
    letters = _short_capitals(word, cap, LATIN_CAPITALS)
    return letters is not None and not ROMAN.match(letters)


def as_small_letters(text: str) -> str | None:
    """A word ``is_latin_small_misread`` gave, as read again in Russian alone, in the small letters
    its height says it is ("постоянн", or "ПОСТОяНН" read in the wrong case as well); None when the
    reading again is no such word: no letters ("111"), a letter not Cyrillic, or a capital unlike its
    small letter ("ОМЕЗСО" for "UNESCO" in a footnote's smaller type: real capitals)."""
    letters = text.rstrip(".,:;»)")
    if not letters or not all(is_cyrillic(ch) for ch in letters):
        return None
    if any(ch.isupper() and ch not in SAME_SHAPE_CAPITALS for ch in letters):
        return None
    return text.lower()


def is_cyrillic(ch: str) -> bool:
    """A Cyrillic letter of the Russian alphabet, small or capital."""
    return "а" <= ch.lower() <= "я" or ch in "ёЁ"


def is_bullet(word: Word, line_height: int) -> bool:
    """A line-opening word that is one small mark, centred on the line: a bullet as misread."""
    if len(word.text) != 1 or word.text not in BULLET_LOOKALIKES:
        return False
    return word.bottom - word.top <= 0.6 * line_height and word.x1 - word.x0 <= 0.6 * line_height


def marker_text(text: str) -> str | None:
    """The footnote marker a raised small character stands for (superscript digits as
    digits, a look-alike of 1 as 1), or None when it is no marker (a quote, a degree sign)."""
    text = text.translate(SUPERSCRIPT_DIGITS)
    if text.isdigit() or text in MARKERS:
        return text
    return "1" if text in ONE_LOOKALIKES else None


def word_symbols(word: Word, raised) -> tuple[Symbol, ...]:
    """The word's characters with boxes in reading order: the word's box shared out evenly
    (Tesseract's own character boxes overlap and would reorder the letters), except a raised
    marker at either end (``raised(symbol)`` true), which keeps its own box."""
    text, x0, x1 = word.text, word.x0, word.x1
    first = last = None
    symbols = word.symbols
    if len(symbols) > 1 and "".join(symbol.text for symbol in symbols) == text:
        if raised(symbols[-1]):
            last, text, x1 = symbols[-1], text[:-len(symbols[-1].text)], min(x1, symbols[-1].x0)
        elif raised(symbols[0]):
            first, text, x0 = symbols[0], text[len(symbols[0].text):], max(x0, symbols[0].x1)
    width = (x1 - x0) / max(len(text), 1)
    shared = [Symbol(ch, int(x0 + i * width), word.top, int(x0 + (i + 1) * width), word.bottom)
              for i, ch in enumerate(text)]
    return tuple(([first] if first else []) + shared + ([last] if last else []))


# Letters read for digits inside a number ("З1октябрь" for "31октябрь", "2О" for "20").
DIGIT_LOOKALIKES = {"З": "3", "з": "3", "О": "0", "о": "0", "O": "0", "o": "0", "б": "6", "l": "1", "I": "1"}


def digits_repaired(text: str) -> str:
    """A token's look-alike letters made digits where they sit between digits or open a run
    of digits followed by a digit ("З1" → "31", "2О" at a word's end → "20")."""
    chars = list(text)
    for index, ch in enumerate(chars):
        if ch not in DIGIT_LOOKALIKES:
            continue
        before = chars[index - 1] if index else ""
        after = chars[index + 1] if index + 1 < len(chars) else ""
        if (before.isdigit() and (after.isdigit() or not after.isalpha())) or \
                (after.isdigit() and not before.isalpha()):
            chars[index] = DIGIT_LOOKALIKES[ch]
    return "".join(chars)


def bullet_word(word: Word) -> Word:
    """The word as the bullet it stands for."""
    return _retext(word, BULLET)


def _retext(word: Word, text: str) -> Word:
    return replace(word, text=text)
