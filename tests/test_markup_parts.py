"""The markup reader's parts, each alone: styles, spans, footnote conventions, Word's lists."""

from __future__ import annotations

import pytest

from parsers.readers.markup import lists, notes, styles, tables, word
from parsers.readers.markup.producers import NOTE_RULES

STYLE_CASES = {
    "bold by weight": ("font-weight: bold", "b", (True, None)),
    "normal weight switches bold off": ("font-weight:400", "b", (False, None)),
    "superscript by alignment": ("vertical-align:super", "span", (None, True)),
    "baseline switches superscript off": ("vertical-align: baseline", "sup", (None, False)),
    "the tag alone": ("", "strong", (True, None)),
    "a style read in capitals": ("FONT-WEIGHT:BOLD", "span", (True, None)),
    "styles it does not read": ("color:red; margin:0", "span", (None, None)),
}


@pytest.mark.parametrize(("style", "tag", "change"), STYLE_CASES.values(), ids=STYLE_CASES.keys())
def test_inline_change_of_an_element(style, tag, change):
    assert styles.inline_change(tag, styles.read_style(style)) == change


@pytest.mark.parametrize(("style", "hidden"), [("display:none", True), ("display: none !important", True),
                                               ("display:block", False), (None, False)])
def test_hidden_elements(style, hidden):
    assert styles.is_hidden(styles.read_style(style)) is hidden


@pytest.mark.parametrize(("value", "limit", "span"), [
    (None, 1000, 1), ("3", 1000, 3), ("0", 1000, 1), ("-2", 1000, 2), ("x", 1000, 1),
    ("5000", 1000, 1000), ("9" * 5000, 65534, 65534), (" 2px", 1000, 2),
])
def test_span_attribute(value, limit, span):
    assert tables.span(value, limit) == span


ANCHOR_CASES = {
    "LibreOffice's reference": ({"class": "sdfootnoteanc", "href": "#sdfootnote1sym"}, {}, True),
    "LibreOffice's note symbol": ({"class": "sdfootnotesym"}, {}, True),
    "Word's full HTML": ({"href": "#_ftn1"}, {"mso-footnote-id": "ftn1"}, True),
    "Word's filtered back-link": ({"href": "#_ftnref1", "name": "_ftn1"}, {}, True),
    "an ordinary link": ({"href": "https://mag.example/ftn1"}, {}, False),
}


@pytest.mark.parametrize(("attrs", "style", "anchor"), ANCHOR_CASES.values(), ids=ANCHOR_CASES.keys())
def test_note_anchors(attrs, style, anchor):
    assert NOTE_RULES.is_anchor(attrs, style) is anchor


@pytest.mark.parametrize(("attrs", "style", "body"), [
    ({"id": "sdfootnote1"}, {}, True), ({"id": "ftn1"}, {}, True), ({"id": "_edn2"}, {}, True),
    ({}, {"mso-element": "footnote"}, True), ({"id": "footer"}, {}, False), ({}, {}, False),
])
def test_note_bodies(attrs, style, body):
    assert NOTE_RULES.is_body(attrs, style) is body


@pytest.mark.parametrize(("text", "marker"), [("[1]", "1"), (" 2 ", "2"), ("*", "*"), ("[ 3 ]", "3"), ("*\t\n*", "* *")])
def test_note_marker_text(text, marker):
    assert notes.marker_text(text) == marker


@pytest.mark.parametrize(("mso_list", "level"), [
    ("l0 level1 lfo1", 0), ("l2 level3 lfo4", 2), ("none", None), ("ignore", None),
])
def test_word_list_level(mso_list, level):
    assert word.list_level(mso_list) == level


@pytest.mark.parametrize(("text", "numbered"), [
    ("1.", True), ("12)", True), ("iv.", True), ("а)", True), ("(b)", True), ("·", False), ("o", False), ("§", False),
])
def test_list_marker_kind(text, numbered):
    assert lists.is_numbered_marker(text) is numbered


@pytest.mark.parametrize(("text", "label"), [
    ("1.", "1."), (" 12) ", "12)"), ("·", "•"), ("\uf0b7\uf0b7", "•"), ("§", "▪"), ("o", "o"), ("–", "–"),
    ("Москва", None), ("", None), ("Организатор:", None), ("1.2.3.4.5.", None),
])
def test_list_label_of_a_drawn_marker(text, label):
    assert lists.list_label(text) == label
