"""HTML as each producer writes it: Word (full and filtered), LibreOffice's XHTML, Google Docs.

Each case is markup the way its producer writes it (copied in shape from real exports),
read into the block model.
"""

from __future__ import annotations

import pytest

from parsers.blocks import Footnote, Paragraph, Table
from parsers.readers.markup.html import read_html
from tests.blockshapes import P, R, paragraphs

WORD_FILLER = "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp; </span>"


def page(body: str, css: str = "") -> bytes:
    style = f"<style><!-- {css} --></style>" if css else ""
    return f'<html><head><meta charset="utf-8">{style}</head><body>{body}</body></html>'.encode()


def cell_blocks(body: str) -> tuple[Paragraph, ...]:
    (table,) = [block for block in read_html(page(f"<table><tr><td>{body}</td></tr></table>")).blocks
                if isinstance(block, Table)]
    return table.rows[0].cells[0].blocks


WORD_LISTS = {
    "full page: the number in mso-list:Ignore is the label": (
        "<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
        f"<![if !supportLists]><span style='mso-list:Ignore'>1.{WORD_FILLER}</span><![endif]>Москва<o:p></o:p></p>",
        [P("Москва", list_kind="number", list_label="1.")],
    ),
    "full page: a Symbol bullet": (
        "<p class=MsoListParagraphCxSpMiddle style='mso-list:l2 level2 lfo3'><![if !supportLists]>"
        f"<span style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·{WORD_FILLER}"
        "</span></span><![endif]>ОКМО</p>",
        [P("ОКМО", list_kind="bullet", list_level=1, list_label="•")],
    ),
    "filtered page: the number before the 7-point filler is the label": (
        f"<p class=MsoListParagraphCxSpFirst style='margin-left:36.0pt;text-indent:-18.0pt'><span>1.{WORD_FILLER}</span>"
        "<span>Москва</span></p>",
        [P("Москва", list_kind="number", list_label="1.")],
    ),
    "filtered page: a Symbol bullet": (
        f"<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt'><span style='font-family:Symbol'>·{WORD_FILLER}"
        "</span>ВАРМСУ</p>",
        [P("ВАРМСУ", list_kind="bullet", list_label="•")],
    ),
    "filtered page: a letter": (
        f"<p class=MsoListParagraph><span>а){WORD_FILLER}</span>заседание</p>",
        [P("заседание", list_kind="number", list_label="а)")],
    ),
    "LibreOffice's XHTML: the glyph in the ListLabel span": (
        '<ul><li><p class="P5" style="margin-left:0cm;"><span class="ListLabel_20_1" '
        'style="display:block;float:left;min-width:0cm;">\uf0b7\uf0b7</span>ОКМО<span class="odfLiEnd"/> </p></li></ul>',
        [P("ОКМО", list_kind="bullet", list_label="•")],
    ),
    "a 7-point span of spaces inside text is only spaces": (
        f"<p>Москва{WORD_FILLER}май</p>", [P("Москва     май")],
    ),
    "a 7-point span after a long text is not a list": (
        f"<p>Организатор: МАГ{WORD_FILLER}</p>", [P("Организатор: МАГ")],
    ),
}


@pytest.mark.parametrize(("body", "expected"), WORD_LISTS.values(), ids=WORD_LISTS.keys())
def test_word_list_labels(body, expected):
    assert paragraphs(read_html(page(body))) == expected


@pytest.mark.parametrize("body", [
    # Word's "Web Page": the number cell holds only the drawn number (issue 13: 0 events).
    "<p class=MsoNormal style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>"
    f"1.{WORD_FILLER}</span><![endif]><o:p>&nbsp;</o:p></p>",
    # Word's "Web Page, Filtered": the number is text before the filler.
    f"<p class=MsoNormal style='margin-left:0cm;text-indent:0cm'><span>1.{WORD_FILLER}</span></p>",
    # ... and an empty paragraph's no-break space after it.
    f"<p class=MsoNormal><span>1.{WORD_FILLER}</span><span>&nbsp;</span></p>",
], ids=["full page", "filtered page", "filtered page, a no-break space after"])
def test_word_numbered_cell_keeps_its_drawn_number(body):
    (paragraph,) = cell_blocks(body)
    assert (paragraph.text, paragraph.list_label, paragraph.shown_text, paragraph.list_kind) == ("", "1.", "1.", "number")


WORD_REVISION = 'cite="mailto:Секретариат%20МАГ" datetime="2024-01-15T09:30"'
TRACKED_CHANGES = {
    "a date replaced: the text once the change is made": (
        f"<p class=MsoNormal><span class=msoDel><del {WORD_REVISION}>по согласованию</del></span>"
        f"<span class=msoIns><ins {WORD_REVISION}>май</ins></span><o:p></o:p></p>",
        [P("май")],
    ),
    "a word inserted is read as any text": (
        f"<p class=MsoNormal>XXX сессия <span class=msoIns><ins {WORD_REVISION}>МАГ </ins></span>в Москве</p>",
        [P("XXX сессия МАГ в Москве")],
    ),
    "a paragraph deleted whole shows nothing": (
        f"<p class=MsoNormal><span class=msoDel><del {WORD_REVISION}>Организатор: МАГ</del></span></p><p>май</p>",
        [P("май")],
    ),
    "a bold word deleted inside a bold run": (
        f"<p><b>Юбилеи <del {WORD_REVISION}>всех </del>городов</b></p>",
        [P(R("Юбилеи городов", bold=True))],
    ),
    "a deletion naming its reviser as Word does, no msoDel span": (
        '<p>Москва <del cite="mailto:Иванов" datetime="2024-01-15T09:30">Казань</del></p>',
        [P("Москва")],
    ),
    "a blog's struck text with its time (WordPress writes <del datetime>) is read": (
        '<p>5. Форум <del datetime="2024-03-01T10:00:00+00:00">перенесён</del> отменён</p>',
        [P("5. Форум перенесён отменён")],
    ),
    "struck text citing a page, not a reviser, is read": (
        '<p><del cite="https://example.org/news">Казань</del> Москва</p>',
        [P("Казань Москва")],
    ),
    "a page's struck text, no revision named, is read": (
        "<p><del>Семинар в Казани</del> отменён</p>",
        [P("Семинар в Казани отменён")],
    ),
    "struck text after a table is read": (
        "<table><tr><td>1</td></tr></table><p><del>май</del></p>",
        [P("май")],
    ),
    "another span's classes are read": (
        "<p><span class=MsoNormal>Москва</span></p>",
        [P("Москва")],
    ),
}


@pytest.mark.parametrize(("body", "expected"), TRACKED_CHANGES.values(), ids=TRACKED_CHANGES.keys())
def test_word_tracked_changes_read_as_the_changed_text(body, expected):
    assert paragraphs(read_html(page(body))) == expected


def test_struck_text_in_a_hand_written_table_is_read():
    cell = cell_blocks("<del>15 марта</del> 20 марта")
    assert [paragraph.text for paragraph in cell] == ["15 марта 20 марта"]


WORD_COMMENTS = {
    "full page: the reference after the commented text, the comment list at the end": (
        "<p class=MsoNormal><a style='mso-comment-reference:С_1;mso-comment-date:20240115T0930'>Москва</a>"
        "<span class=MsoCommentReference><span style='font-size:8.0pt'><span style='mso-special-character:comment'>"
        "&nbsp;<![if !supportAnnotations]><a class=msocomanchor id=\"_anchor_1\" href=\"#_msocom_1\" "
        "name=\"_msoanchor_1\">[С1]</a><![endif]></span></span></span></p>"
        "<div style='mso-element:comment-list'><![if !supportAnnotations]><hr class=msocomoff align=left size=1 "
        "width=\"33%\"><![endif]><div style='mso-element:comment'><![if !supportAnnotations]><div id=\"_com_1\" "
        "class=msocomtxt><![endif]><p class=MsoCommentText><span class=MsoCommentReference><span "
        "style='mso-special-character:comment'>&nbsp;<![if !supportAnnotations]><a href=\"#_msoanchor_1\" "
        "class=msocomoff>[С1]</a><![endif]></span></span>Уточнить сроки<o:p></o:p></p><![if !supportAnnotations]>"
        "</div><![endif]></div></div>",
        [P("Москва")],
    ),
    "filtered page: the reference and the comment by their classes": (
        "<p class=MsoNormal>Москва<a class=msocomanchor id=\"_anchor_1\" href=\"#_msocom_1\" "
        "name=\"_msoanchor_1\">[С1]</a></p><div><hr class=msocomoff align=left size=1 width=\"33%\"><div>"
        "<div id=\"_com_1\" class=msocomtxt><a name=\"_msocom_1\"></a><p class=MsoCommentText><span "
        "class=MsoCommentReference>&nbsp;<a href=\"#_msoanchor_1\">[С1]</a></span>Уточнить сроки</p></div></div></div>",
        [P("Москва")],
    ),
    "text typed after the mark keeps the Comment Reference style and is read": (
        "<p class=MsoNormal>Семинар<span class=MsoCommentReference><span style='font-size:8.0pt'>"
        "<a class=msocomanchor href=\"#_msocom_1\">[С1]</a> </span></span><span class=MsoCommentReference>"
        "<span style='font-size:10.5pt'>в Казани, 15 марта</span></span></p>",
        [P("Семинар в Казани, 15 марта")],
    ),
    "the full page's mark in its special-character span, text after it in the same run": (
        "<p class=MsoNormal>Москва<span class=MsoCommentReference><span style='mso-special-character:comment'>"
        "&nbsp;<![if !supportAnnotations]><a class=msocomanchor href=\"#_msocom_1\">[С1]</a><![endif]></span>"
        " 15 марта</span></p>",
        [P("Москва 15 марта")],
    ),
}


GOOGLE_COMMENTS = {
    "the reference after the text, the thread with its reply after the notes": (
        '<p class="c0"><span class="c4">XXX сессия МАГ</span><sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup></p>'
        '<p class="c0"><span class="c4">май</span></p>'
        '<hr class="c8"><div><p class="c11"><a href="#ftnt_ref1" id="ftnt1">[1]</a><span>&nbsp;Примечание</span></p>'
        '</div><div class="c13"><p class="c11"><a href="#cmnt_ref1" id="cmnt1">[a]</a><span class="c4">Уточнить'
        '</span></p><p class="c11"><span class="c4">Сроки уточнены</span></p></div>',
        [P("XXX сессия МАГ"), P("май")],
    ),
    "a thread in a site's wrapper div: only its own div is left out": (
        '<div class="page"><p>Москва</p><div><p><a href="#cmnt_ref1" id="cmnt1">[a]</a><span>Уточнить</span></p>'
        '<p>Ответ</p></div><p>май</p></div>',
        [P("Москва"), P("май")],
    ),
    "a back-link inside a paragraph's text is only a mark": (
        '<div class="page"><p>Пункт<a href="#cmnt_ref1">[a]</a> текст после</p><p>Следующий абзац</p>'
        '<table><tr><td>1</td></tr></table></div>',
        [P("Пункт текст после"), P("Следующий абзац")],
    ),
    "a back-link opening a paragraph that is not its div's first is only a mark": (
        '<div><p>Москва</p><p><a href="#cmnt_ref1">[a]</a>май</p></div><p>июнь</p>',
        [P("Москва"), P("май"), P("июнь")],
    ),
    "a back-link after text in its div is only a mark": (
        '<div>Москва<p><a href="#cmnt_ref1">[a]</a>май</p></div>',
        [P("Москва"), P("май")],
    ),
    "a back-link opening a paragraph outside any div is only a mark": (
        '<p><a href="#cmnt_ref2" id="cmnt2">[b]</a><span>Уточнить</span></p><p>Москва</p>',
        [P("Уточнить"), P("Москва")],
    ),
    "a thread's div laid out with whitespace between its tags": (
        '<p>Москва</p>\n<div>\n  <p>\n    <a href="#cmnt_ref1" id="cmnt1">[a]</a><span>Уточнить</span></p>\n'
        '  <p>Ответ</p>\n</div>\n<p>май</p>',
        [P("Москва"), P("май")],
    ),
    "a link to another place is read": (
        '<p><a href="#cmnt">см. раздел</a> и <a href="https://example.com/#cmnt1">сайт</a></p>',
        [P("см. раздел и сайт")],
    ),
}


@pytest.mark.parametrize(("body", "expected"), GOOGLE_COMMENTS.values(), ids=GOOGLE_COMMENTS.keys())
def test_google_docs_comments_are_not_the_documents_text(body, expected):
    assert paragraphs(read_html(page(body))) == expected


@pytest.mark.parametrize(("body", "expected"), WORD_COMMENTS.values(), ids=WORD_COMMENTS.keys())
def test_word_comments_are_not_the_documents_text(body, expected):
    assert paragraphs(read_html(page(body))) == expected


REFERENCE, NOTE = "Юбилеи городов МАГ", "Дни городов указаны ОРИЕНТИРОВОЧНО"
WORD_NOTE_REFERENCE = ("<span class=MsoFootnoteReference><span style='mso-special-character:footnote'>"
                       "<![if !supportFootnotes]><span class=MsoFootnoteReference>[1]</span><![endif]></span></span>")
NOTES = {
    "Word, full page": (
        f"<p>{REFERENCE}<a style='mso-footnote-id:ftn1' href=\"#_ftn1\" name=\"_ftnref1\" title=\"\">"
        f"{WORD_NOTE_REFERENCE}</a></p><div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all>"
        "<hr align=left size=1 width=\"33%\"><![endif]><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText>"
        f"<a style='mso-footnote-id:ftn1' href=\"#_ftnref1\" name=\"_ftn1\" title=\"\">{WORD_NOTE_REFERENCE}</a> {NOTE}"
        "<o:p></o:p></p></div></div>",
        "",
    ),
    "Word, filtered page": (
        f"<p>{REFERENCE}<a href=\"#_ftn1\" name=\"_ftnref1\" title=\"\"><span class=MsoFootnoteReference>"
        "<span class=MsoFootnoteReference><span style='font-size:12.0pt'>[1]</span></span></span></a></p>"
        "<div><br clear=all><hr align=left size=1 width=\"33%\"><div id=ftn1><p class=MsoFootnoteText>"
        "<a href=\"#_ftnref1\" name=\"_ftn1\" title=\"\"><span class=MsoFootnoteReference><span class=MsoFootnoteReference>"
        f"<span style='font-size:10.0pt'>[1]</span></span></span></a> {NOTE}</p></div></div>",
        "span.MsoFootnoteReference {vertical-align:super;}",
    ),
    "LibreOffice's XHTML export": (
        f'<div class="P4"><span class="T1">{REFERENCE}</span><span class="T2" title="Footnote: {NOTE}">'
        f'<a href="#ftn1" id="body_ftn1">1</a></span></div><p class="P3"> </p>'
        f'<p class="P1"><span class="footnodeNumber"><a class="" id="ftn1" href="#body_ftn1">1</a></span>{NOTE}</p>',
        ".T1 { font-weight:bold; } .T2 { vertical-align:super; font-size:58%;font-weight:bold; }",
    ),
    "Google Docs": (
        f'<p class="c2"><span class="c3">{REFERENCE}</span><sup class="c7"><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>'
        f'</p><hr class="c9"><div><p class="c4"><a href="#ftnt_ref1" id="ftnt1">[1]</a>'
        f'<span class="c6">&nbsp;{NOTE}</span></p></div>',
        ".c3{font-weight:700}.c7{vertical-align:super}.c6{font-size:10pt}",
    ),
}


@pytest.mark.parametrize(("body", "css"), NOTES.values(), ids=NOTES.keys())
def test_footnotes_in_each_producers_convention(body, css):
    document = read_html(page(body, css))
    (paragraph,) = paragraphs(document)
    assert (paragraph.main_text, paragraph.markers) == (REFERENCE, ("1",))
    assert document.footnotes == (Footnote(marker="1", text=NOTE),)


@pytest.mark.parametrize(("body", "css"), [NOTES["LibreOffice's XHTML export"], NOTES["Google Docs"]],
                         ids=["LibreOffice's XHTML export", "Google Docs"])
def test_bold_by_class_rules(body, css):
    (paragraph,) = paragraphs(read_html(page(body, css)))
    assert paragraph.runs[0] == R(REFERENCE, bold=True)
