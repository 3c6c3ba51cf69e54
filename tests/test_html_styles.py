"""Styles in HTML: class rules from <style> apply as inline style= does, read with a CSS tokenizer."""

from __future__ import annotations

import pytest

from parsers.readers.markup.html import read_html
from parsers.readers.markup.styles import StyleSheet, declarations
from tests.blockshapes import P, R, paragraphs


def page(css: str, body: str) -> bytes:
    return f'<html><head><meta charset="utf-8"><style>{css}</style></head><body>{body}</body></html>'.encode()


CLASS_CASES = {
    "bold by a class (Google Docs)": (".c3{font-weight:700}", '<p><span class="c3">Москва</span> май</p>',
                                      [P(R("Москва", bold=True), " май")]),
    "superscript by a class (LibreOffice's XHTML)": (".T2 { vertical-align: super }",
                                                     '<p>Дни<span class="T2">1</span></p>', [P("Дни", R("1", sup=True))]),
    "one of several classes": (".c7{vertical-align:super}", '<p>a<span class="c1 c7 c9">2</span></p>',
                               [P("a", R("2", sup=True))]),
    "a rule naming the element applies to it": ("span.b{font-weight:bold}", '<p><span class="b">x</span></p>',
                                                [P(R("x", bold=True))]),
    "a rule naming another element does not": ("p.b{font-weight:bold}", '<p>y <span class="b">x</span></p>',
                                               [P("y x")]),
    "a selector list": ("h1.a, span.b { font-weight: bold }", '<p><span class="b">x</span></p>', [P(R("x", bold=True))]),
    "the inline style wins over the class": (".c3{font-weight:700}",
                                             '<p>a <span class="c3" style="font-weight:400">b</span></p>', [P("a b")]),
    "the later rule wins": (".a{font-weight:bold} .a{font-weight:normal}", '<p><span class="a">x</span></p>', [P("x")]),
    "a rule naming the element wins over a later one that does not": (
        "span.a{font-weight:bold} .a{font-weight:normal}", '<p><span class="a">x</span></p>', [P(R("x", bold=True))]),
    "Word's style block inside a comment, with CSS comments": (
        "<!-- /* Style Definitions */ span.Z {font-weight:bold;} -->", '<p><span class="Z">x</span></p>',
        [P(R("x", bold=True))]),
    "hidden by a class": (".h{display:none}", '<p>a<span class="h">secret</span></p>', [P("a")]),
    "Word's list marker by a class": (".i{mso-list:Ignore}", '<p style="mso-list:l0 level1 lfo1"><span class="i">·</span>x</p>',
                                      [P("x", list_kind="bullet", list_label="•")]),
    "rules inside @media are not class rules": ("@media print { .a {font-weight:bold} }",
                                                '<p><span class="a">x</span></p>', [P("x")]),
    "descendant and id selectors are not read": ("p .a, #b, .c .d {font-weight:bold}",
                                                 '<p><span class="a" id="b">x</span></p>', [P("x")]),
    "class names are matched as written": (".C3{font-weight:bold}", '<p><span class="c3">x</span></p>', [P("x")]),
}


@pytest.mark.parametrize(("css", "body", "expected"), CLASS_CASES.values(), ids=CLASS_CASES.keys())
def test_class_rules_apply_as_inline_styles(css, body, expected):
    assert paragraphs(read_html(page(css, body))) == expected


def test_a_style_element_after_the_content_applies_to_it_too():
    data = b'<html><body><p><span class="c3">x</span></p><style>.c3{font-weight:bold}</style></body></html>'
    assert paragraphs(read_html(data)) == [P(R("x", bold=True))]


INLINE_CASES = {
    "a semicolon inside a quoted font name": ('font-family:"a;font-weight:bold"', {}),
    "a declaration in a comment": ("/* font-weight:bold; */ color:red", {}),
    "!important dropped": ("display: none !important", {"display": "none"}),
    "names and values lower-cased, spaces collapsed": ("FONT-WEIGHT : Bold ; Vertical-Align:  Super", {
        "font-weight": "bold", "vertical-align": "super"}),
    "Word's list and filler styles": ("mso-list:l0 level1 lfo1;font:7.0pt \"Times New Roman\"", {
        "mso-list": "l0 level1 lfo1", "font": '7.0pt "times new roman"'}),
    "a broken declaration is skipped, the rest read": ("font-weight; vertical-align:super", {"vertical-align": "super"}),
    "properties not read are dropped": ("color:red;margin:0", {}),
}


@pytest.mark.parametrize(("style", "expected"), INLINE_CASES.values(), ids=INLINE_CASES.keys())
def test_style_attributes_read_with_a_css_tokenizer(style, expected):
    assert declarations(style) == expected


def test_a_semicolon_inside_quotes_does_not_make_text_bold():
    data = page("", "<p><span style='font-family:\"x;font-weight:bold\"'>x</span></p>")
    assert paragraphs(read_html(data)) == [P("x")]


def test_style_sheet_keeps_only_class_rules_with_properties_it_reads():
    sheet = StyleSheet()
    sheet.add("p { font-weight: bold } .a { color: red } .b { font-weight: bold } @page { margin: 0 }")
    assert list(sheet.rules) == ["b"]
