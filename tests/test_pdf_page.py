"""Page furniture and footnote markers, on small hand-made lines."""

from __future__ import annotations

import pytest

from parsers.readers.pdf.lines import Frame, Glyph, group_lines, make_line
from parsers.readers.pdf.page import (
    PAGE_NUMBER, Rule, cited_markers, find_furniture, footnotes, furniture_key, leading_marker,
    split_footnotes,
)
from tests.test_pdf_lines import glyphs, raised_marker

HEIGHT = 842.0


def at(text: str, top: float, size: float = 10.0):
    return make_line(glyphs(text, top=top, size=size))


@pytest.mark.parametrize("text, is_page_number", [
    ("3", True),
    ("- 3 -", True),
    ("Стр. 3", True),
    ("Страница 3 из 10", True),
    ("Page 3 of 10", True),
    ("3/10", True),
    ("(3)", True),
    ("2024 год", False),
    ("Москва", False),
    ("[1]", False),  # a note's marker as Word and Google Docs draw it
])
def test_page_number_pattern(text, is_page_number):
    assert bool(PAGE_NUMBER.match(furniture_key(at(text, 800.0)))) is is_page_number


def test_repeated_lines_at_the_top_and_page_numbers_are_furniture():
    pages = [[at("Ассамблея городов", 30.0), at("Текст страницы", 400.0), at(str(n), 810.0)]
             for n in (1, 2)]
    found = find_furniture(pages, [HEIGHT, HEIGHT])
    assert [line.text for page in pages for line in page if id(line) in found] == \
        ["Ассамблея городов", "1", "Ассамблея городов", "2"]


TOP, BOTTOM, MIDDLE = 30.0, 810.0, 400.0


# A page number is what repeats at the page's edge, or a page's own number there.
# id, each page's lines as (text, top), the texts taken for furniture.
FURNITURE_CASES = [
    ("numbers at the foot of every page", [[("1", BOTTOM)], [("2", BOTTOM)], [("3", BOTTOM)]],
     ["1", "2", "3"]),
    ("the first page unnumbered: the second's own number", [[("Текст", MIDDLE)], [("2", BOTTOM)]], ["2"]),
    ("a one-page document's own number", [[("Текст", MIDDLE), ("- 1 -", BOTTOM)]], ["- 1 -"]),
    ("a note's marker atop a page of notes", [[("Текст", MIDDLE)], [("Текст", MIDDLE)], [("[1]", TOP)]],
     []),
    ("a bracketed number atop its own page is a marker too", [[("Текст", MIDDLE)], [("[2]", TOP)]], []),
    ("a number at the edge of one page, not its own", [[("Текст", MIDDLE)], [("7", BOTTOM)]], []),
    ("numbers at the top of one page and the foot of another", [[("5", TOP)], [("9", BOTTOM)]], []),
    ("a number in the middle of every page", [[("1", MIDDLE)], [("2", MIDDLE)]], []),
    ("page words repeated at the foot", [[("Стр. 1 из 2", BOTTOM)], [("Стр. 2 из 2", BOTTOM)]],
     ["Стр. 1 из 2", "Стр. 2 из 2"]),
]


@pytest.mark.parametrize("pages, expected", [case[1:] for case in FURNITURE_CASES],
                         ids=[case[0] for case in FURNITURE_CASES])
def test_a_page_number_is_what_repeats_at_the_edge(pages, expected):
    made = [[at(text, top) for text, top in page] for page in pages]
    found = find_furniture(made, [HEIGHT] * len(made))
    assert [line.text for page in made for line in page if id(line) in found] == expected


def test_a_repeated_line_in_the_middle_of_the_page_is_content():
    pages = [[at("Итого", 400.0)], [at("Итого", 400.0)]]
    assert not find_furniture(pages, [HEIGHT, HEIGHT])


def test_the_title_at_the_top_of_a_single_page_is_content():
    assert not find_furniture([[at("План на 2024 год", 30.0)]], [HEIGHT])


CITED = frozenset({"1"})  # the body cites marker "1" as a superscript


@pytest.mark.parametrize("made, cited, marker", [
    (make_line(raised_marker("Дни") + glyphs(" городов", x0=20.0)), CITED, None),  # marker not first
    (make_line([Glyph("1", 0, 3, 0, 6, 6.0)] + glyphs("Дни городов", x0=3.0, top=0.0)), CITED, "1"),
    (at("1) Дни городов", 0.0), CITED, "1"),
    (at("* Дни городов", 0.0), CITED, "*"),
    (at("1945 год", 0.0), CITED, None),
    # the number neither raised nor spaced off (an ODT printed without its footnote style)
    (at("1Дни городов", 0.0), CITED, "1"),
    (at("1Дни городов", 0.0), frozenset(), None),  # nothing cites "1": a word like "5км"
    (at("2Дни городов", 0.0), CITED, None),
    (at("12 июня", 0.0), CITED, "12"),  # spaced off: a marker whether cited or not
    (at("1945год", 0.0), CITED, None),  # too many digits to be a marker
    (at("1-й тур", 0.0), CITED, None),  # glued to a hyphen, not a letter
    # "[1]" raised at full size and put on its line (a browser's print of Word's note)
    (group_lines(glyphs("[1]", top=-8.0) + glyphs(" Дни городов", x0=15.0))[0], frozenset(), "1"),
    (at("[1] Дни городов", 0.0), frozenset(), "1"),  # not raised, spaced off (Google Docs' notes)
    (at("[1945] год", 0.0), frozenset(), None),
])
def test_leading_marker(made, cited, marker):
    assert leading_marker(made, cited) == marker


def test_cited_markers_are_the_raised_markers():
    made = [make_line(raised_marker("МАГ")), make_line(raised_marker("Итого", "x")), at("Текст 2", 30.0)]
    assert cited_markers(made) == frozenset({"1"})


def test_a_glued_cited_marker_opens_a_footnote_below_a_rule():
    body, note = at("Текст страницы", 400.0), at("1Дни городов указаны", 800.0, size=8.0)
    rule = Rule(0.0, 60.0, 795.0)
    assert split_footnotes([body, note], [rule], Frame(0.0, 400.0), 500.0, cited=CITED) == ([body], [note])
    assert split_footnotes([body, note], [rule], Frame(0.0, 400.0), 500.0) == ([body, note], [])
    assert [(n.marker, n.text) for n in footnotes([note], Frame(0.0, 400.0), cited=CITED)] == \
        [("1", "Дни городов указаны")]


def test_footnotes_split_at_each_marker_and_drop_it():
    lines = [at("1 Дни городов указаны", 0.0), at("ориентировочно", 12.0), at("2 Второе", 24.0)]
    notes = footnotes(lines, Frame(0.0, 120.0))
    assert [(n.marker, n.text) for n in notes] == [("1", "Дни городов указаны ориентировочно"),
                                                  ("2", "Второе")]


def test_a_note_numbered_in_brackets_loses_its_brackets():
    """Google Docs' notes, "[1] text", printed with the number neither raised nor small."""
    notes = footnotes([at("[1] Дни городов", 0.0), at("[2] Второе", 12.0)], Frame(0.0, 120.0))
    assert [(n.marker, n.text) for n in notes] == [("1", "Дни городов"), ("2", "Второе")]


def test_notes_after_the_last_table_are_small_against_the_whole_page():
    """A page holding tables and, below them, only its footnote (a browser's print of an
    HTML page): the footnote is small against the tables' text, not against itself."""
    note = at("1Дни городов указаны", 800.0, size=8.0)
    assert split_footnotes([note], [], Frame(0.0, 400.0), 500.0, cited=CITED, body_size=10.0) == ([], [note])
    assert split_footnotes([note], [], Frame(0.0, 400.0), 500.0, cited=CITED) == ([note], [])
