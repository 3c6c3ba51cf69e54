"""The PDF reader's line rules, on small hand-made lines (no PDF needed).

Every glyph below is 5pt wide and set in 20pt unless a case says otherwise (a
space is then a quarter em, as in real fonts), so a line's width is 5pt per
character and a 100pt frame holds 20 characters.
"""

from __future__ import annotations

import pytest

from parsers.blocks import Run
from parsers.readers.pdf.joins import CutWords, draws_wrap_spaces, first_fragment_width, join_kind
from parsers.readers.pdf.lines import Frame, Glyph, Line, group_lines, line_runs, make_line, split_columns
from parsers.readers.pdf.paragraphs import paragraphs

WIDTH = 5.0
SIZE = 20.0
PITCH = 23.0  # top to top of consecutive lines: a 3pt gap
FRAME = Frame(0.0, 100.0)


def glyphs(text: str, x0: float = 0.0, top: float = 0.0, size: float = SIZE, bold: bool = False,
           spaces: bool = True) -> list[Glyph]:
    """One glyph per character, left to right; ``spaces=False`` leaves gaps instead of space glyphs."""
    made = []
    for index, char in enumerate(text):
        if char == " " and not spaces:
            continue
        left = x0 + index * WIDTH
        made.append(Glyph(char, left, left + WIDTH, top, top + size, size, bold))
    return made


def line(text: str, x0: float = 0.0, row: int = 0, gap: float = 0.0, **options) -> Line:
    """A line of text at row ``row`` (plus ``gap`` points further down)."""
    return make_line(glyphs(text, x0, row * PITCH + gap, **options), page=1)


def lines(*texts: str) -> list[Line]:
    """Consecutive lines at the frame's left edge."""
    return [line(text, row=index) for index, text in enumerate(texts)]


# -- how one line follows another --------------------------------------------------

JOIN_CASES = [
    # id, line above, line below, frame, expected
    ("a wrap joins with a space",
     line("Круглый стол МАГ по"), line("тематике Умного", row=1), FRAME, "space"),
    ("a line that ended early ends its paragraph",
     line("Независимых"), line("Круглый стол", row=1), FRAME, "paragraph"),
    ("a short line whose next word did not fit still wraps",
     line("Организаторы:"), line("Администрация", row=1), FRAME, "space"),
    ("a hyphen inside a compound joins without a space",
     line("информационно-"), line("аналитического", row=1), FRAME, "hyphen"),
    ("a hyphen counts its next fragment up to the next hyphen",
     line("Волгоград 31октябрь-"), line("1ноябрь", row=1), FRAME, "hyphen"),
    ("a word cut at the column edge is glued",
     line("Минэкономразвит"), line("ия РФ", row=1), Frame(0.0, 78.0), "glue"),
    ("a hyphenated word at the edge is not a cut word",
     line("Санкт-Петербург"), line("октябрь", row=1), Frame(0.0, 78.0), "space"),
    ("a capital after a word at the edge is a new word",
     line("Администрация"), line("Волгограда", row=1), Frame(0.0, 68.0), "space"),
    ("a bullet opens an item",
     line("объединений:"), line("• ОКМО", row=1), FRAME, "item"),
    ("the Symbol font's bullet opens an item",
     line("• ОКМО"), line("\uf0b7 ВАРМСУ", row=1), FRAME, "item"),
    ("a dash after a line that ended early opens an item",
     line("Участники:"), line("- ОКМО", row=1), FRAME, "item"),
    ("a dash after a full line is wrapped text",
     line("с 31 октября и далее"), line("– 1 ноября", row=1), FRAME, "space"),
    ("a dash after a dash item opens an item",
     line("– ОКМО, ВАРМСУ и далее"), line("– АГП", row=1), Frame(0.0, 120.0), "item"),
    ("a wider gap opens a paragraph",
     line("Круглый стол МАГ по"), line("тематике Умного", row=1, gap=12.0), FRAME, "paragraph"),
    ("a first-line indent opens a paragraph",
     line("Круглый стол МАГ по"), line("Итоги конкурса", x0=15.0, row=1), FRAME, "paragraph"),
    ("a line under the text of a bulleted line continues the item",
     line("• Участие в собраниях"), line("объединений", x0=10.0, row=1), Frame(0.0, 105.0), "space"),
    # LibreOffice cuts a compound before its hyphen when the hyphen does not fit.
    ("a hyphen carried to the next line joins the compound without a space",
     line("Информационно"), line("-аналитических", row=1), Frame(0.0, 70.0), "glue"),
    ("a hyphen carried down alone joins the compound without a space",
     line("информационно"), line("-", row=1), Frame(0.0, 70.0), "glue"),
    ("after a hyphen carried down alone the compound goes on",
     line("-"), line("аналитического", row=1), Frame(0.0, 70.0), "hyphen"),
    ("a colon carried to the next line belongs to the word above",
     line("Организаторы"), line(": Исполком СНГ", row=1), Frame(0.0, 62.0), "glue"),
    ("a comma carried to the next line belongs to the word above",
     line("Новосибирска"), line(", АСДГ", row=1), Frame(0.0, 62.0), "glue"),
    ("a dash that would have fitted above is not a carried hyphen",
     line("Москва"), line("-", row=1), FRAME, "paragraph"),
    ("a dash mark before a short line stays apart",
     line("-"), line("март", row=1), FRAME, "paragraph"),
    ("a dash and a space before a word is not a carried hyphen",
     line("с 31 октября и далее"), line("- 1 ноября", row=1), FRAME, "space"),
]


@pytest.mark.parametrize("above, below, frame, expected",
                         [case[1:] for case in JOIN_CASES], ids=[case[0] for case in JOIN_CASES])
def test_join_kind(above, below, frame, expected):
    assert join_kind(above, below, frame) == expected


# When the producer draws the space it wrapped at (LibreOffice does), a line
# without one was ended by hand, unless not even a space would have fitted.
WRAP_SPACE_CASES = [
    ("no drawn space where one fitted: ended by hand",
     line("стол МАГ «Цифра»"), line("Международного форума", row=1), "paragraph"),
    ("the drawn space of a wrap",
     line("Круглый стол МАГ по "), line("тематике Умного", row=1), "space"),
    ("a full line drops its space: no evidence",
     line("Круглый стол МАГ под"), line("тематике Умного", row=1), "space"),
    ("a typed space after a short last line: the next word fitted",
     line("Москва "), line("март", row=1), "paragraph"),
    ("a hyphen at the end needs no space",
     line("информационно-"), line("аналитического", row=1), "hyphen"),
]


@pytest.mark.parametrize("above, below, expected", [case[1:] for case in WRAP_SPACE_CASES],
                         ids=[case[0] for case in WRAP_SPACE_CASES])
def test_join_kind_when_wraps_keep_their_space(above, below, expected):
    assert join_kind(above, below, FRAME, wrap_spaces=True) == expected


def test_without_drawn_wrap_spaces_a_line_without_one_may_wrap():
    assert join_kind(line("стол МАГ «Цифра»"), line("Международного форума", row=1), FRAME) == "space"


def opening_wide(text: str, row: int = 1, width: float = 8.0) -> Line:
    """A line whose first letter is ``width`` wide, wider than a space (as letters are)."""
    made = glyphs(text, top=row * PITCH)
    first = made[0]
    rest = [Glyph(g.text, g.x0 + width - WIDTH, g.x1 + width - WIDTH, g.top, g.bottom, g.size)
            for g in made[1:]]
    return make_line([Glyph(first.text, 0.0, width, first.top, first.bottom, first.size)] + rest, page=1)


# A single word that fills its line, and lower-case letters go on below: a word
# cut for want of room, or a whole word wrapped? (12 letters end at 60pt, 13 at 65pt;
# a space is 5pt, the next line's first letter 8pt.)
CUT_CASES = [
    # id, line above, line below, frame right, the producer draws wrap spaces, expected
    ("room for a space, none drawn: the line ended inside a word",
     line("Минэкономраз"), opening_wide("вития РФ"), 66.0, True, "glue"),
    ("too full for a space, a long piece below: the next word",
     line("федеративному"), opening_wide("устройству и"), 68.0, True, "space"),
    ("too full for a space, a short piece below: a cut word's tail",
     line("Администраци"), opening_wide("я Волгограда"), 63.0, True, "glue"),
    ("a producer without wrap spaces: a long piece below is the next word",
     line("Минэкономраз"), opening_wide("вития РФ"), 66.0, False, "space"),
    ("a producer without wrap spaces: a short piece below is a cut word's tail",
     line("Минэкономразвит"), opening_wide("ия РФ"), 78.0, False, "glue"),
    ("a word in capitals cut at the edge goes on in capitals",
     line("«ГОРОДСКИ"), opening_wide("Е ТЕХНОЛОГИИ»"), 50.0, True, "glue"),
    ("a word in capitals cut at the edge, a producer without wrap spaces",
     line("«ГОРОДСКИ"), opening_wide("Е ТЕХНОЛОГИИ»"), 50.0, False, "glue"),
    ("a space drawn after the word: the word ended there",
     line("Ассоциация "), opening_wide("и городов"), 54.0, True, "space"),
    ("a word too long for its column runs past the edge: overflowed, not cut",
     line("взаимопонимание"), opening_wide("в XXI веке»"), 74.0, False, "space"),
    ("a word cut right at the edge is glued",
     line("взаимопонимани"), opening_wide("е в XXI веке»"), 70.0, False, "glue"),
]


@pytest.mark.parametrize("above, below, right, wrap_spaces, expected",
                         [case[1:] for case in CUT_CASES], ids=[case[0] for case in CUT_CASES])
def test_a_word_at_the_column_edge_is_glued_only_when_cut(above, below, right, wrap_spaces, expected):
    assert join_kind(above, below, Frame(0.0, right), wrap_spaces=wrap_spaces) == expected


# Where the geometry cannot tell (no wrap spaces, a tail of over cut_tail_letters letters),
# the document's own words decide: the pieces found as one word elsewhere, or either piece
# found alone elsewhere; neither or both leave two words and a warning.
WORD_CASES = [
    # id, line above, line below, frame right, the rest of the document, read, warned
    ("the whole word is found in another row: one word",
     line("Минэкономраз"), opening_wide("вития РФ"), 66.0, ["Минэкономразвития РФ, МАГ"],
     "Минэкономразвития РФ", False),
    ("the piece below is found alone, in marks: two words",
     line("федеративному"), opening_wide("устройству и"), 68.0, ["О «устройству», МАГ"],
     "федеративному устройству и", False),
    ("the piece above is found alone, at a cell's end: two words",
     line("«Леонтьевский"), opening_wide("центр» и МАГ"), 66.0, ["Организатор: НП «Леонтьевский»"],
     "«Леонтьевский центр» и МАГ", False),
    ("nothing found: two words, and a warning",
     line("Минэкономраз"), opening_wide("вития РФ"), 66.0, ["Круглый стол МАГ"],
     "Минэкономраз вития РФ", True),
    ("the piece above ends as an adjective: two words",
     line("федеративному"), opening_wide("устройству и"), 68.0, ["Круглый стол МАГ"],
     "федеративному устройству и", False),
    ("a two-letter adjective ending: two words",
     line("информационных"), opening_wide("материалов и"), 73.0, ["Круглый стол МАГ"],
     "информационных материалов и", False),
    ("a two-letter ending with an adjective's ending below: a cut, unsure",
     line("Всероссий"), opening_wide("ский форум"), 48.0, ["Круглый стол МАГ"],
     "Всероссий ский форум", True),
    ("a no-break space after the piece below: the whole word is still found",
     line("Минэкономраз"), opening_wide("вития\xa0РФ"), 66.0, ["Минэкономразвития РФ, МАГ"],
     "Минэкономразвития РФ", False),
    ("a word past the frame's edge (a browser's overflow) is left to the words: found alone",
     line("взаимопонимание"), opening_wide("в городах"), 70.0, ["участие в форуме"],
     "взаимопонимание в городах", False),
    ("a word past the frame's edge: two words, nothing found",
     line("Минэкономразвития"), opening_wide("городов"), 80.0, ["Круглый стол МАГ"],
     "Минэкономразвития городов", False),
    ("a word past the frame's edge, the two found as one word: two words, and a warning",
     line("Минэкономраз"), opening_wide("вития РФ"), 58.0, ["Минэкономразвития РФ, МАГ"],
     "Минэкономраз вития РФ", True),
    ("the two would make a word of over 22 letters: two words",
     line("«Стратегическое"), opening_wide("планирование»"), 78.0, ["Круглый стол МАГ"],
     "«Стратегическое планирование»", False),
    ("both found: two words, and a warning",
     line("Минэкономраз"), opening_wide("вития РФ"), 66.0, ["Минэкономразвития", "и вития"],
     "Минэкономраз вития РФ", True),
]


@pytest.mark.parametrize("above, below, right, elsewhere, read, warned",
                         [case[1:] for case in WORD_CASES], ids=[case[0] for case in WORD_CASES])
def test_a_word_at_the_column_edge_is_told_by_the_documents_words(above, below, right, elsewhere, read, warned):
    cuts, frame = CutWords(), Frame(0.0, right)
    found = paragraphs([above, below], frame, cuts=cuts)
    assert found[0].text.split() == (above.text + " " + below.text).split()  # the first pass: two words
    if cuts.decide([found[0].text, *elsewhere]):
        found = paragraphs([above, below], frame, cuts=cuts)
    assert found[0].text == read
    assert [(w.code, w.where) for w in cuts.doubts] == ([("word_cut_unsure", "page 1")] if warned else [])
    if warned:
        assert f"'{above.text} {below.text.split()[0]}'" in cuts.doubts[0].message


def test_the_pieces_of_pairs_are_no_evidence_for_each_other():
    cuts, frame = CutWords(), Frame(0.0, 66.0)
    texts = [paragraph.text for _ in range(2)
             for paragraph in paragraphs([line("Минэкономраз"), opening_wide("вития РФ")], frame, cuts=cuts)]
    assert not cuts.decide(texts)
    assert [w.code for w in cuts.doubts] == ["word_cut_unsure"] * 2


def test_a_cut_the_geometry_tells_is_not_left_to_the_words():
    cuts = CutWords()
    found = paragraphs([line("Минэкономразвит"), opening_wide("ия РФ")], Frame(0.0, 78.0), cuts=cuts)
    assert found[0].text == "Минэкономразвития РФ"
    assert not cuts.decide([found[0].text]) and not cuts.doubts


def pairs(*texts: str, frame: Frame = FRAME):
    """Consecutive lines (as ``lines``), each with the next and the frame: what
    ``draws_wrap_spaces`` weighs."""
    made = lines(*texts)
    return [(above, below, frame) for above, below in zip(made, made[1:])]


# A 100 pt frame holds 20 characters: "Международного " (15 and a space) leaves no room
# for "сотрудничества"; "ОКМО " leaves room for "ВАРМСУ".
@pytest.mark.parametrize("texts, expected", [
    (["Форум городского ", "сотрудничества", "Международного "], False),
    (["Форум городского ", "сотрудничества ", "Международного ", "сотрудничества"], True),
    # Chromium's print of Word's HTML: the 7-point filler after each list number is a
    # run of no-break spaces at the number cell's line end, not the space of a wrap.
    (["1.\xa0\xa0\xa0\xa0\xa0 ", "2.\xa0\xa0\xa0\xa0\xa0 ", "3.\xa0\xa0\xa0\xa0\xa0 ", "Умного города"], False),
    (["1.\xa0\xa0\xa0\xa0\xa0 ", "2.\xa0\xa0\xa0\xa0\xa0 ", "Форум городского ", "сотрудничества ",
      "Международного ", "сотрудничества"], True),
    # Chromium's print of LibreOffice's XHTML: list items whose text ends in a space, the
    # next item's word fitting after it: no line breaker wrapped there.
    (["ОКМО ", "ВАРМСУ ", "АГП ", "АГУ ", "АСДГ"], False),
    # ... and of Word's runs, where a space that closes a run stays at the line's end: three
    # spaces among ten due wraps are the text's own, not a producer's wrap spaces
    (["Форум городского ", "сотрудничества", "Международного ", "сотрудничества", "Международного ",
      "сотрудничества", "Международного", "сотрудничества", "Международного", "сотрудничества",
      "Международного"], False),
])
def test_draws_wrap_spaces_needs_a_few_lines_ending_in_a_space_where_a_wrap_was_due(texts, expected):
    assert draws_wrap_spaces(pairs(*texts)) is expected


# -- lines into paragraphs and list items ---------------------------------------

PARAGRAPH_CASES = [
    ("wrapped lines make one paragraph",
     lines("Международный", "экономический Форум"),
     [("Международный экономический Форум", None)]),
    ("a compound broken at its hyphen keeps the hyphen",
     lines("Выпуск информационно-", "аналитического журнала"),
     [("Выпуск информационно-аналитического журнала", None)]),
    ("short lines are separate paragraphs",
     lines("Москва", "март"),
     [("Москва", None), ("март", None)]),
    ("bullets make list items without their glyph",
     lines("Участие в годовых собраниях", "межгородских объединений:", "• ОКМО", "• ВАРМСУ"),
     [("Участие в годовых собраниях межгородских объединений:", None),
      ("ОКМО", "bullet"), ("ВАРМСУ", "bullet")]),
    ("a wrapped list item stays one item",
     [line("• Ассоциация городов"), line("Поволжья", x0=10.0, row=1), line("• АГП", row=2)],
     [("Ассоциация городов Поволжья", "bullet"), ("АГП", "bullet")]),
    ("a typed dash list opens with its first dash",
     lines("- ОКМО", "- АГП"),
     [("ОКМО", "bullet"), ("АГП", "bullet")]),
    ("a lone dash opening a cell is text",
     lines("- 5 участников"),
     [("- 5 участников", None)]),
    ("a paragraph gap separates paragraphs",
     [line("Первый абзац текста"), line("Второй", row=1, gap=12.0)],
     [("Первый абзац текста", None), ("Второй", None)]),
]


@pytest.mark.parametrize("given, expected", [case[1:] for case in PARAGRAPH_CASES],
                         ids=[case[0] for case in PARAGRAPH_CASES])
def test_paragraphs(given, expected):
    made = paragraphs(given, FRAME)
    assert [(p.text, p.list_kind) for p in made] == expected
    assert all(p.page == 1 for p in made)


def test_a_compound_cut_before_its_hyphen_reads_as_one_word():
    """As LibreOffice printed a narrow cell: the hyphen did not fit after "информационно",
    so it went down alone, and "аналитического" filled its line."""
    cell = lines("Выпуск ", "информационно", "-", "аналитического", "журнала ", "«Вестник МАГ»")
    made = paragraphs(cell, Frame(0.0, 70.5), wrap_spaces=True)
    assert [p.text for p in made] == ["Выпуск информационно-аналитического журнала «Вестник МАГ»"]


def drawn_space_line(words: list[str], row: int, space: float, size: float, trailing: bool) -> Line:
    """Words of 5pt letters in ``size`` type, separated (and, with ``trailing``, followed)
    by spaces drawn ``space`` wide: a font whose space is not a quarter em."""
    made, x, top = [], 0.0, row * (size + 2.0)
    for index, word in enumerate(words):
        for char in word:
            made.append(Glyph(char, x, x + WIDTH, top, top + size, size))
            x += WIDTH
        if trailing or index < len(words) - 1:
            made.append(Glyph(" ", x, x + space, top, top + size, size))
            x += space
    return make_line(made, page=1)


def test_a_line_without_a_drawn_space_is_measured_with_the_spaces_drawn_near_it():
    """The font's spaces are 3.5pt (a quarter em would be 2.75pt): after "аналитического"
    (70pt) no space fits in 73.2pt, so that line was not ended inside a word."""
    cell = [drawn_space_line(["Выпуск"], 0, 3.5, 11.0, trailing=True),
            drawn_space_line(["аналитического"], 1, 3.5, 11.0, trailing=False),
            drawn_space_line(["журнала"], 2, 3.5, 11.0, trailing=True)]
    made = paragraphs(cell, Frame(0.0, 73.2), wrap_spaces=True)
    assert [p.text for p in made] == ["Выпуск аналитического журнала"]


# -- glyphs into lines and runs ------------------------------------------------

def raised_marker(after: str, marker: str = "1") -> list[Glyph]:
    """``after`` followed by a small raised marker, as a superscript is drawn."""
    base = glyphs(after)
    left = base[-1].x1
    return base + [Glyph(marker, left, left + 3.0, -1.0, 5.0, 6.0)]


def test_a_raised_smaller_glyph_is_a_superscript_run():
    assert line_runs(make_line(raised_marker("МАГ"))) == [Run("МАГ"), Run("1", superscript=True)]


def test_a_superscript_stays_on_its_line():
    made = group_lines(raised_marker("МАГ") + glyphs("Второй", top=PITCH))
    assert [l.text for l in made] == ["МАГ1", "Второй"]


def raised(text: str, x0: float, rise: float, top: float = 0.0, size: float = SIZE) -> list[Glyph]:
    """``text`` at full size, its baseline ``rise`` em above that of a line at ``top``
    (a browser's print of Word's nested footnote-reference styles raises it by 0.8 em)."""
    return glyphs(text, x0=x0, top=top - rise * size, size=size, spaces=False)


# A full-size raised marker is a line of its own by its centre; it is put back on the line it
# touches when it is a marker, raised by less than a line and touching the line's glyphs.
# id, glyphs, the lines' texts expected, the runs of the line holding the marker (or None).
RAISED_MARKER_CASES = [
    ("after a heading", glyphs("Юбилеи МАГ") + raised("[1]", 50.0, 0.8),
     ["Юбилеи МАГ[1]"], [Run("Юбилеи МАГ"), Run("1", superscript=True)]),
    ("at a footnote line's start", raised("[1]", 0.0, 0.8) + glyphs(" Дни городов", x0=15.0),
     ["[1] Дни городов"], [Run("1", superscript=True), Run(" Дни городов")]),
    ("a bare number at a footnote line's start, a space's gap after it",
     raised("1", 0.0, 0.8) + glyphs("Дни", x0=10.0),
     ["1Дни"], [Run("1", superscript=True), Run(" Дни")]),
    ("in a gap between words", glyphs("Дни", spaces=False) + raised("*", 15.0, 0.5)
     + glyphs(" городов", x0=20.0, spaces=False),
     ["Дни*городов"], [Run("Дни"), Run("*", superscript=True), Run(" городов")]),
    ("raised half an em: on the line by its centre, and marked",
     glyphs("МАГ") + raised("[1]", 15.0, 0.5), ["МАГ[1]"], [Run("МАГ"), Run("1", superscript=True)]),
    ("a font of another descent on the same baseline is no superscript",
     raised("12", 0.0, 0.1) + glyphs(" июня", x0=10.0), ["12 июня"], [Run("12 июня")]),
    ("a line higher: the line above", glyphs("МАГ") + raised("1", 15.0, 1.0), ["1", "МАГ"], None),
    ("too far from the line's glyphs: another column", glyphs("МАГ") + raised("1", 30.0, 0.8),
     ["1", "МАГ"], None),
    ("over the line's glyphs: not on it", glyphs("Юбилеи МАГ") + raised("1", 10.0, 0.8),
     ["1", "Юбилеи МАГ"], None),
    ("a raised word is no marker", glyphs("МАГ") + raised("СНГ", 15.0, 0.8), ["СНГ", "МАГ"], None),
    ("larger than the line's text", glyphs("МАГ", size=10.0) + raised("1", 15.0, 0.8, size=12.0),
     ["1", "МАГ"], None),
    ("a row number raised a little, a column away from the text: not a marker",
     raised("1", 0.0, 0.3) + glyphs("Подведение итогов", x0=40.0), ["1Подведение итогов"],
     [Run("1 Подведение итогов")]),
]


@pytest.mark.parametrize("given, texts, runs", [case[1:] for case in RAISED_MARKER_CASES],
                         ids=[case[0] for case in RAISED_MARKER_CASES])
def test_a_raised_marker_at_text_size_is_put_on_its_line(given, texts, runs):
    made = group_lines(given)
    assert [l.text for l in made] == texts
    if runs is not None:
        assert line_runs(made[0]) == runs


def test_a_marker_put_on_a_line_does_not_move_its_top_or_baseline():
    made, = group_lines(glyphs("Юбилеи МАГ") + raised("[1]", 50.0, 0.8))
    assert (made.top, made.bottom, made.size) == (0.0, SIZE, SIZE)


def test_bold_glyphs_make_a_bold_run():
    made = make_line(glyphs("Итоги ") + glyphs("конкурса", x0=30.0, bold=True))
    assert line_runs(made) == [Run("Итоги "), Run("конкурса", bold=True)]


@pytest.mark.parametrize("text, spaces, expected", [
    ("Круглый стол", True, "Круглый стол"),
    ("Круглый стол", False, "Круглый стол"),  # no space glyph: the gap is a space
    ("  Круглый  стол  ", True, "Круглый стол"),
])
def test_line_text_has_single_spaces(text, spaces, expected):
    assert "".join(r.text for r in line_runs(make_line(glyphs(text, spaces=spaces)))) == expected


@pytest.mark.parametrize("pieces, expected", [
    ([("1.", 0.0), ("Хабаровск", 40.0)], ["1.", "Хабаровск"]),       # a gutter cuts the line
    ([("Круглый стол", 0.0)], ["Круглый стол"]),                      # word spaces do not
    ([("\uf0b7", 0.0), ("ОКМО", 20.0)], ["\uf0b7ОКМО"]),              # a bullet keeps its text
])
def test_split_columns(pieces, expected):
    made = make_line([g for text, x0 in pieces for g in glyphs(text, x0)])
    assert [piece.text for piece in split_columns(made)] == expected


@pytest.mark.parametrize("text, width", [
    ("конкурса городских", 8 * WIDTH),
    ("смотра-конкурса", 7 * WIDTH),  # a line-breaker may cut after the hyphen
    ("1ноябрь", 7 * WIDTH),
])
def test_first_fragment_width(text, width):
    assert first_fragment_width(line(text)) == width
