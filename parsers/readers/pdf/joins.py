"""How a PDF line follows the one above: a list item, a paragraph, or a wrap.

``join_kind`` decides, per pair of lines in one frame, whether the next line
opens a list item or a paragraph, or continues the line above after a wrap,
and how the two are glued (a space, nothing after a hyphen, nothing inside a
broken word). Each sign it weighs is one small named test below. Nothing here
knows about plans.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Literal

from parsers.blocks import ReaderWarning
from parsers.readers.pdf.lines import Frame, Line, lstrip_glyphs
from parsers.readers.pdf.settings import DEFAULT_SETTINGS, PdfSettings
from parsers.vocab import ADJECTIVE_ENDINGS, BULLETS, DASH_BULLETS

# Line-end hyphens that join a wrapped compound without a space; a soft
# hyphen is dropped, the others kept ("информационно-" + "аналитического").
HYPHENS: tuple[str, ...] = ("-", "\u2010", "\u2011")
SOFT_HYPHEN = "\u00ad"
# Marks written straight after a word, never before one: no space goes before them.
CLOSING_MARKS: tuple[str, ...] = (",", ".", ":", ";", "!", "?", ")", "]", "»", "”", "…")
# How far (pt) a line may reach past its frame's right edge and still end inside it: a
# line-breaker cuts a word to fit, so a line reaching further is a whole word overflowing.
OVERFLOW_SLACK = 0.1
# Letters in the longest word a plan is taken to hold: longer ones are rare in Russian
# ("высокопроизводительный" has 22), so two pieces that would make a longer word are two words.
LONGEST_WORD = 22
# A space's width when a line draws none, as a share of the font size.
SPACE_EM = 0.25

JoinKind = Literal["item", "paragraph", "hyphen", "glue", "space"]


def bullet_of(line: Line, settings: PdfSettings = DEFAULT_SETTINGS) -> str | None:
    """The bullet glyph opening the line, when a space or a gap follows it."""
    visible = line.visible()
    if len(visible) < 2 or visible[0].text not in BULLETS + DASH_BULLETS:
        return None
    first, second = visible[0], visible[1]
    spaced = any(g.is_space for g in line.glyphs if first.x1 <= g.x0 < second.x0 + 0.01)
    if spaced or second.x0 - first.x1 > settings.word_gap * line.size:
        return first.text
    return None


def text_left(line: Line, settings: PdfSettings = DEFAULT_SETTINGS) -> float:
    """Where the line's text starts: after its bullet, if it has one."""
    visible = line.visible()
    return visible[1].x0 if bullet_of(line, settings) else visible[0].x0


def space_width(line: Line, drawn: Mapping[float, float] | None = None) -> float:
    """The width of a space in the line: a drawn one; else one drawn nearby in the same
    size (``drawn``, see ``drawn_spaces``); else a quarter em (fonts' spaces vary from
    about a fifth to a third of an em)."""
    for glyph in line.glyphs:
        if glyph.is_space and glyph.x1 > glyph.x0:
            return glyph.x1 - glyph.x0
    if drawn:
        width = drawn.get(round(line.size, 1))
        if width:
            return width
    return SPACE_EM * line.size


def drawn_spaces(lines: Iterable[Line]) -> dict[float, float]:
    """The narrowest drawn space per font size in ``lines`` (justified lines only
    stretch their spaces, so the narrowest is the font's own)."""
    found: dict[float, float] = {}
    for line in lines:
        for glyph in line.glyphs:
            if glyph.is_space and glyph.x1 > glyph.x0:
                size, width = round(glyph.size, 1), glyph.x1 - glyph.x0
                if width < found.get(size, float("inf")):
                    found[size] = width
    return found


def first_fragment_width(line: Line, settings: PdfSettings = DEFAULT_SETTINGS) -> float:
    """Width of the line's first word, up to a space or through a hyphen:
    the piece a line-breaker would have tried to fit on the line above."""
    gap = settings.word_gap * line.size
    visible = line.visible()
    start = end = visible[0]
    previous = None
    for glyph in line.glyphs:
        if glyph.is_space:
            if previous is not None:
                break
            continue
        if previous is not None and glyph.x0 - previous.x1 > gap:
            break
        end = glyph
        if glyph.text in HYPHENS and previous is not None and previous.text.isalnum():
            break
        previous = glyph
    return end.x1 - start.x0


def ends_early(previous: Line, line: Line, frame: Frame, settings: PdfSettings = DEFAULT_SETTINGS,
               drawn: Mapping[float, float] | None = None) -> bool:
    """True when the line's first word would have fitted after the line above:
    the line above was ended by hand (a paragraph or a line break), not by a wrap.
    ``drawn`` as ``space_width`` takes it."""
    last = previous.visible()[-1]
    spacing = 0.0 if last.text in HYPHENS else space_width(previous, drawn)
    needed = spacing + first_fragment_width(line, settings)
    return previous.x1 + needed + settings.fit_slack <= frame.right


def ends_in_hyphen(line: Line) -> bool:
    """True when the line ends in a hyphen right after a letter or digit."""
    visible = line.visible()
    return len(visible) >= 2 and (visible[-1].text in HYPHENS or visible[-1].text == SOFT_HYPHEN) \
        and visible[-2].text.isalnum()


def carries_mark(previous: Line, line: Line, frame: Frame, settings: PdfSettings = DEFAULT_SETTINGS) -> bool:
    """True when the line opens with a mark that belongs to the last word above: a
    closing mark (",", ":", "»" ...) or the hyphen of a compound, glued to what follows
    it. The line above ends in a letter or digit with no space, and the mark would not
    have fitted there: LibreOffice then carries it down ("Организаторы" / ": МАГ",
    "информационно" / "-аналитического", or the hyphen alone on a line)."""
    if ends_with_space(previous) or not previous.visible()[-1].text.isalnum():
        return False
    opening = lstrip_glyphs(list(line.glyphs))
    mark = opening[0]
    if mark.text in HYPHENS:
        if len(opening) > 1:
            after = opening[1]
            if not after.text.isalnum() or after.x0 - mark.x1 > settings.word_gap * line.size:
                return False  # a dash before a word, not a hyphen inside one
    elif mark.text not in CLOSING_MARKS:
        return False
    return previous.x1 + (mark.x1 - mark.x0) + settings.fit_slack > frame.right


def is_lone_hyphen(line: Line) -> bool:
    """True when the line holds nothing but a hyphen."""
    visible = line.visible()
    return len(visible) == 1 and visible[0].text in HYPHENS


def breaks_word(previous: Line, line: Line, frame: Frame, settings: PdfSettings = DEFAULT_SETTINGS,
                wrap_spaces: bool = False, drawn: Mapping[float, float] | None = None) -> bool:
    """True when the line above is one word cut at the column's edge (no hyphen).

    The pair looks cut (``looks_cut``, which the caller checked). The line must stay inside
    the frame (a word too long for its column that a browser lets overflow was not cut, but
    the frame may also sit a little short of the true edge), and since a whole word that
    fills its line looks the same, one more sign is needed: with ``wrap_spaces``, a space
    would have fitted yet none was drawn (the line did not end at a word's end); otherwise
    the piece on the next line is short (``cut_tail_letters``), as a cut word's tail usually
    is. A pair that looks cut without either sign, or past the edge, is left to the
    document's own words (``CutWords``).
    """
    if overflows(previous, frame):
        return False
    if wrap_spaces and space_fits(previous, frame, drawn):
        return True
    return leading_letters(line) <= settings.cut_tail_letters


def overflows(line: Line, frame: Frame) -> bool:
    """True when the line reaches past its frame's right edge (``OVERFLOW_SLACK``)."""
    return line.x1 > frame.right + OVERFLOW_SLACK


def looks_cut(previous: Line, line: Line, frame: Frame, settings: PdfSettings = DEFAULT_SETTINGS) -> bool:
    """True when the line above may be one word cut at the column's edge: a single word
    with no hyphen of its own and no space drawn after it, after which not even the next
    line's first letter would have fitted (``settings.cut_slack``), both sides of the break
    being letters of one case (or the tail lower-case)."""
    above, below = previous.visible(), line.visible()
    if ends_with_space(previous):
        return False  # the space drawn after the word says the word ended there
    if any(g.is_space for g in previous.glyphs if above[0].x0 < g.x0 < above[-1].x0):
        return False
    if any(g.text in HYPHENS for g in above):
        return False  # a line-breaker cuts a hyphenated word at its hyphen, not inside a part
    last, first = above[-1], below[0]
    if not (last.text.isalpha() and first.text.isalpha()):
        return False
    if not (first.text.islower() or last.text.isupper() and first.text.isupper()):
        return False  # a capital after a small letter opens a word; capitals go on in capitals
    # else nothing was cut for want of room
    return previous.x1 + (first.x1 - first.x0) + settings.cut_slack > frame.right


def leading_letters(line: Line) -> int:
    """How many letters the line opens with, up to its first space or other mark."""
    count = 0
    for glyph in line.glyphs:
        if glyph.is_space and not count:
            continue
        if not glyph.text.isalpha():
            break
        count += 1
    return count


def space_fits(line: Line, frame: Frame, drawn: Mapping[float, float] | None = None) -> bool:
    """True when a space would have fitted after the line's last glyph. The frame's
    right edge may be where the widest text stops, short of the true edge: then a
    space that fits here fits there too. ``drawn`` as ``space_width`` takes it."""
    return line.x1 + space_width(line, drawn) <= frame.right


def ends_with_space(line: Line) -> bool:
    """True when the line's last glyph is a drawn space."""
    return line.glyphs[-1].is_space


def draws_wrap_spaces(pairs: Iterable[tuple[Line, Line, Frame]], settings: PdfSettings = DEFAULT_SETTINGS) -> bool:
    """True when the PDF's producer leaves the space it wrapped a line at on the
    line's end (LibreOffice does): then a line ending without one was ended by hand.
    ``pairs``: each line with the line after it and its frame. Only lines where a wrap
    was due count, those after which the next line's first word would not have fitted:
    a line breaker wraps there and nowhere else, so a space before a word that fitted (a
    list item's text ending in one, the next item below) says nothing about wraps. The
    producer must leave one on ``settings.wrap_space_lines`` of them at least, and on
    ``settings.wrap_space_share`` of them: a few among many without are the text's own.
    A wrap leaves one space: a run of them is filler (Word's no-break spaces after a list
    number, printed from its HTML), which says nothing either."""
    due = spaced = 0
    for line, after, frame in pairs:
        if not ends_early(line, after, frame, settings):
            due += 1
            spaced += ends_with_one_space(line)
    return spaced >= settings.wrap_space_lines and spaced >= settings.wrap_space_share * due


def ends_with_one_space(line: Line) -> bool:
    """True when the line ends with exactly one drawn space, as a wrap leaves it."""
    glyphs = line.glyphs
    return glyphs[-1].is_space and (len(glyphs) < 2 or not glyphs[-2].is_space)


def join_kind(previous: Line, line: Line, frame: Frame, settings: PdfSettings = DEFAULT_SETTINGS,
              wrap_spaces: bool = False, drawn: Mapping[float, float] | None = None,
              cuts: CutWords | None = None) -> JoinKind:
    """How ``line`` follows ``previous`` in the same frame.

    "item": it opens a list item; "paragraph": it opens a paragraph (a gap, an
    indent, the line above ended early, or, when ``wrap_spaces`` says the
    producer keeps the space it wrapped at, the line above has none though
    one would have fitted);
    otherwise it continues a wrapped line: "hyphen" (joined without a space
    after a hyphen), "glue" (a word broken without a hyphen, or before a mark
    that belongs to it), "space". ``drawn``: the spaces drawn nearby (see ``space_width``).
    A "space" after a line that may be one word cut at the frame's edge (``looks_cut``) is
    for ``cuts`` to decide, from the document's own words, when it is given.
    """
    bullet = bullet_of(line, settings)
    if bullet in BULLETS:
        return "item"
    if bullet and (ends_early(previous, line, frame, settings, drawn) or bullet_of(previous, settings) == bullet):
        return "item"
    if line.top - previous.bottom > settings.paragraph_gap * line.size:
        return "paragraph"
    if _indented(previous, line, frame, settings):
        return "paragraph"
    if ends_in_hyphen(previous):
        return "hyphen"
    if carries_mark(previous, line, frame, settings):
        return "glue"
    if is_lone_hyphen(previous) and line.visible()[0].text.isalnum() \
            and not ends_early(previous, line, frame, settings, drawn):
        return "hyphen"  # the compound's next part, after its hyphen carried down alone
    cut = looks_cut(previous, line, frame, settings)
    if cut and breaks_word(previous, line, frame, settings, wrap_spaces, drawn):
        return "glue"
    if wrap_spaces and not ends_with_space(previous) and space_fits(previous, frame, drawn):
        return "paragraph"  # a space would have fitted, and the producer drew none: no wrap here
    if ends_early(previous, line, frame, settings, drawn):
        return "paragraph"
    return cuts.join(previous, line, frame) if cut and cuts is not None else "space"


def _indented(previous: Line, line: Line, frame: Frame, settings: PdfSettings) -> bool:
    """A first-line indent: the line above sits at the frame's left, this one further in
    (and not merely under the text of a bulleted line above)."""
    if abs(previous.x0 - frame.left) > settings.align_tolerance:
        return False
    return line.x0 - text_left(previous, settings) > settings.indent * line.size


class CutWords:
    """Tells a word cut at a line's end (no hyphen) from a whole word that fills its line,
    where the line's geometry cannot (``looks_cut`` but not ``breaks_word``), from the
    document's own words, in two passes.

    The first pass reads every such pair as two words and notes it (``join``). ``decide``
    then counts the words of what was read: the two pieces found as one word elsewhere
    ("Минэкономразвития", in another row) say the pair is one word cut; either piece found
    alone elsewhere ("центр"), the piece above ending as an adjective does
    ("международного", ``vocab.ADJECTIVE_ENDINGS``; a two-letter ending only when the
    piece below does not end as one too, since a cut leaves "Всероссий" + "ский" as often
    as a whole adjective leaves "информационных" + "материалов"), the two making a word
    longer than ``LONGEST_WORD``, or the piece above overflowing the frame (a browser lets
    a word too long for its column overflow it, uncut) says they are two. A second pass reads
    the pairs so decided as one word; with neither sign, or both, a pair stays two words
    and a ``word_cut_unsure`` warning is kept in ``doubts``.
    """

    def __init__(self) -> None:
        self.pairs: dict[tuple[int, int], tuple[str, str, int | None, bool]] = {}
        self.decided: dict[tuple[int, int], JoinKind] = {}
        self.doubts: list[ReaderWarning] = []

    def join(self, previous: Line, line: Line, frame: Frame) -> JoinKind:
        """How the pair is read in this pass: two words until ``decide`` says otherwise."""
        key = (id(previous), id(line))
        if key not in self.decided:
            self.pairs[key] = (previous.text.strip(), line.text.split()[0], line.page, overflows(previous, frame))
        return self.decided.get(key, "space")

    def decide(self, texts: Iterable[str]) -> bool:
        """Decide every pair from the words of ``texts`` (all the document read in the first
        pass); True when a pair is now one word, so the document must be read again."""
        found = Counter(filter(None, map(_bare_word, (word for text in texts for word in text.split()))))
        own = Counter(_bare_word(piece) for head, tail, *_ in self.pairs.values() for piece in (head, tail))
        for key, (head, tail, page, overflowing) in self.pairs.items():
            joined = _bare_word(head + tail)
            whole = found[joined] > 0
            apart = overflowing or len(joined) > LONGEST_WORD \
                or any(found[word] > own[word] for word in (_bare_word(head), _bare_word(tail)) if word) \
                or _ends_as_adjective(_bare_word(head), _bare_word(tail))
            if whole != apart:
                self.decided[key] = "glue" if whole else "space"
                continue
            self.doubts.append(ReaderWarning(
                "word_cut_unsure", f"'{head} {tail}' may be one word cut at the column's edge without a "
                f"hyphen ('{head}{tail}'); read as two words", None if page is None else f"page {page}"))
        self.pairs.clear()
        return "glue" in self.decided.values()


def _ends_as_adjective(head: str, tail: str) -> bool:
    """Whether ``head`` ends as a Russian adjective does, so that it ended there: a
    three-letter ending ("-ого", "-ому") always, a two-letter one ("-ий", "-ое") only when
    ``tail`` does not end as an adjective too ("Всероссий" + "ский" is one word cut)."""
    ending = next((ending for ending in ADJECTIVE_ENDINGS if head.endswith(ending)), None)
    return ending is not None and (len(ending) > 2 or not tail.endswith(ADJECTIVE_ENDINGS))


def _bare_word(text: str) -> str:
    """A word without the marks around it, lower-cased ("«Центр»," -> "центр"); "" when
    it holds no letter."""
    word = text.strip("«»\"'„“”()[],.:;!?…").lower()
    return word if any(char.isalpha() for char in word) else ""
