#!/usr/bin/env python3
"""Make the 2024 plan as HTML the way other producers write it.

    plan_2024_word.html            Microsoft Word, "Web Page" (.htm), windows-1251
    plan_2024_word_filtered.html   Microsoft Word, "Web Page, Filtered", windows-1251
    plan_2024_google_docs.html     Google Docs, "Download -> Web page (.html)"
    plan_2024_libreoffice.xhtml.html  LibreOffice's XHTML export of plan_2024.docx
                                   (soffice --convert-to "html:XHTML Writer File:UTF8")
    plan_2024_word_chrome.pdf      plan_2024_word.html printed by headless Chromium
                                   ("Save as PDF", no header or footer lines)

Word and Google Docs are not available here, so their pages are written by this
script from the plan's content (samples/plans/plan_2024.py) with each producer's
conventions, as Word 2016 and Google Docs write them:

- Word: the xmlns:v/o/w/m namespaces, ProgId and Generator meta, <xml> islands inside
  conditional comments, the style block inside <!-- --> with MsoNormal, MsoTableGrid,
  MsoFootnoteReference and @list definitions; tables of class MsoTableGrid with
  mso-yfti rows; every table's number column is an auto-numbered list (Word draws
  "1." and stores nothing), bullets are Symbol-font list paragraphs; the number or
  bullet Word drew written in <![if !supportLists]><span style='mso-list:Ignore'>…
  with its 7-point filler; empty paragraphs hold <o:p>&nbsp;</o:p>; the footnote is
  <a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1"> and
  <div style='mso-element:footnote' id=ftn1>. The filtered page drops the namespaces,
  islands, o:p, mso- styles and conditional comments, keeping the drawn numbers as
  text before the filler and the notes as <div id=ftn1>.
- Google Docs: one <style> of generated classes (.c3{font-weight:700},
  .c7{vertical-align:super}), no <b> or <sup> but the note reference's <sup>; bullets
  as <ul class="lst-kix_… start"><li>; numbers typed in the cells; the note
  <sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>, the notes after an <hr> as
  <p><a href="#ftnt_ref1" id="ftnt1">[1]</a><span>&nbsp;text</span></p>.

Usage: python samples/make_producer_html.py [--plan YEAR] [--out DIR] [--no-libreoffice] [--no-chromium]
Run twice, get the same files. ``--plan 2023`` (or 2025) writes the same pages of that year's
plan (samples/plans/plan_2023.py), named plan_2023_*, the XHTML from samples/plan_2023.docx;
``--out`` writes them elsewhere than beside this script (the committed samples are 2024's).
"""

from __future__ import annotations

import argparse
import html
import importlib
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from samplekit.plan import AnnexPart, Event, Heading, Plan, Section  # noqa: E402

NBSP = "&nbsp;"
WORD_FILLER = "<span style='font:7.0pt \"Times New Roman\"'>" + NBSP * 5 + " </span>"
WORD_BULLET_FILLER = "<span style='font:7.0pt \"Times New Roman\"'>" + NBSP * 7 + " </span>"
CELL_WIDTHS_PT = (42.5, 226.8, 99.2, 113.4)  # 1.5 / 8.0 / 3.5 / 4.0 cm, as the DOCX sample
ANNEX_WIDTHS_PT = (42.5, 184.3, 127.6, 127.6)


def text(value: str) -> str:
    """Text as Word and Google Docs escape it (quotes stay as written)."""
    return html.escape(value, quote=False)


# ------------------------------------------------------------------ Microsoft Word


class WordPage:
    """One Word HTML page: full ("Web Page") or filtered."""

    def __init__(self, plan: Plan, filtered: bool, name: str = "plan_2024_word"):
        self.plan = plan
        self.filtered = filtered
        self.name = name  # the page's file name without .html: Word names its folder of parts after it
        self.lists = 0  # Word's list override numbers (lfo) given out so far

    # Paragraphs ------------------------------------------------------------

    def empty(self) -> str:
        return "<p class=MsoNormal>&nbsp;</p>" if self.filtered else "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"

    def para(self, content: str, css_class: str = "MsoNormal", style: str = "") -> str:
        end = "" if self.filtered else "<o:p></o:p>"
        style_attr = f" style='{style}'" if style else ""
        return f"<p class={css_class}{style_attr}>{content}{end}</p>"

    def numbered(self, label: str, list_id: int, lfo: int) -> str:
        """A number cell: an empty paragraph of an auto-numbered list; Word writes what it drew."""
        if self.filtered:
            return (f"<p class=MsoNormal style='margin-left:0cm;text-indent:0cm'><span>{label}{WORD_FILLER}"
                    "</span></p>")
        return (f"<p class=MsoNormal style='margin-left:0cm;text-indent:0cm;mso-list:l{list_id} level1 lfo{lfo}'>"
                "<![if !supportLists]><span style='mso-bidi-font-family:\"Times New Roman\"'>"
                f"<span style='mso-list:Ignore'>{label}{WORD_FILLER}</span></span><![endif]><o:p>&nbsp;</o:p></p>")

    def bullets(self, items: tuple[str, ...], lfo: int) -> list[str]:
        """Bullet list paragraphs (Symbol font "·"), First/Middle/Last as Word classes them."""
        out = []
        for index, item in enumerate(items):
            place = "First" if index == 0 else "Last" if index == len(items) - 1 else "Middle"
            css_class = f"MsoListParagraphCxSp{place}" if len(items) > 1 else "MsoListParagraph"
            if self.filtered:
                out.append(f"<p class={css_class} style='margin-left:18.0pt;text-indent:-18.0pt'>"
                           f"<span style='font-family:Symbol'>·{WORD_BULLET_FILLER}</span>{text(item)}</p>")
            else:
                out.append(
                    f"<p class={css_class} style='margin-left:18.0pt;mso-add-space:auto;text-indent:-18.0pt;"
                    f"mso-list:l1 level1 lfo{lfo}'><![if !supportLists]><span style='font-family:Symbol;"
                    "mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span style='mso-list:Ignore'>·"
                    f"{WORD_BULLET_FILLER}</span></span><![endif]>{text(item)}<o:p></o:p></p>")
        return out

    def lines(self, lines: tuple[str, ...], bold: bool = False, centred: bool = False) -> str:
        content = "<br>\r\n".join(text(line) for line in lines)
        if bold:
            content = f"<b>{content}</b>" if self.filtered else f"<b><span style='font-size:14.0pt'>{content}<o:p></o:p></span></b>"
        style = "text-align:center" if centred else ""
        align = " align=center" if centred else ""
        end = "" if self.filtered or bold else "<o:p></o:p>"
        style_attr = f" style='{style}'" if style else ""
        return f"<p class=MsoNormal{align}{style_attr}>{content}{end}</p>"

    def note_reference(self) -> str:
        size = "font-size:12.0pt;font-family:\"Times New Roman\",serif"
        if self.filtered:
            return ("<a href=\"#_ftn1\" name=\"_ftnref1\" title=\"\"><span class=MsoFootnoteReference>"
                    f"<span class=MsoFootnoteReference><span style='{size}'>[1]</span></span></span></a>")
        return ("<a style='mso-footnote-id:ftn1' href=\"#_ftn1\" name=\"_ftnref1\" title=\"\">"
                "<span class=MsoFootnoteReference><span style='mso-special-character:footnote'>"
                "<![if !supportFootnotes]><span class=MsoFootnoteReference><span style='"
                f"{size};mso-fareast-font-family:\"Times New Roman\";mso-ansi-language:RU;mso-fareast-language:RU'>"
                "[1]</span></span><![endif]></span></span></a>")

    def note_list(self, note: str) -> str:
        size = "font-size:10.0pt;font-family:\"Times New Roman\",serif"
        if self.filtered:
            return ("<div><br clear=all>\r\n\r\n<hr align=left size=1 width=\"33%\">\r\n\r\n<div id=ftn1>\r\n\r\n"
                    "<p class=MsoFootnoteText><a href=\"#_ftnref1\" name=\"_ftn1\" title=\"\">"
                    "<span class=MsoFootnoteReference><span class=MsoFootnoteReference>"
                    f"<span style='{size}'>[1]</span></span></span></a> {text(note)}</p>\r\n\r\n</div>\r\n\r\n</div>")
        return ("<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all>\r\n\r\n"
                "<hr align=left size=1 width=\"33%\">\r\n\r\n<![endif]>\r\n\r\n"
                "<div style='mso-element:footnote' id=ftn1>\r\n\r\n<p class=MsoFootnoteText>"
                "<a style='mso-footnote-id:ftn1' href=\"#_ftnref1\" name=\"_ftn1\" title=\"\">"
                "<span class=MsoFootnoteReference><span style='mso-special-character:footnote'>"
                "<![if !supportFootnotes]><span class=MsoFootnoteReference>"
                f"<span style='{size};mso-fareast-font-family:\"Times New Roman\"'>[1]</span></span><![endif]>"
                f"</span></span></a> {text(note)}<o:p></o:p></p>\r\n\r\n</div>\r\n\r\n</div>")

    # Tables ----------------------------------------------------------------

    def cell(self, width: float, paragraphs: list[str], colspan: int = 1, first: bool = False) -> str:
        span = f" colspan={colspan}" if colspan > 1 else ""
        border = "border:solid windowtext 1.0pt" if first else "border:solid windowtext 1.0pt;border-left:none"
        mso = "" if self.filtered else ";\r\n  mso-border-alt:solid windowtext .5pt"
        body = "\r\n  ".join(paragraphs or [self.empty()])
        return (f"  <td width={round(width * 4 / 3)} valign=top{span} style='width:{width}pt;{border}{mso};"
                f"padding:0cm 5.4pt 0cm 5.4pt'>\r\n  {body}\r\n  </td>")

    def row(self, index: int, cells: list[str], header: bool = False) -> str:
        if self.filtered:
            start = "<tr>"
        else:
            first = ";mso-yfti-firstrow:yes" if index == 0 else ""
            repeat = ";mso-yfti-lastfirstrow:yes" if header else ""
            start = f"<tr style='mso-yfti-irow:{index}{first}{repeat}'>"
        return f" {start}\r\n" + "\r\n".join(cells) + "\r\n </tr>"

    def table(self, rows: list[str]) -> str:
        mso = "" if self.filtered else (";mso-border-alt:solid windowtext .5pt;\r\n mso-yfti-tbllook:1184;"
                                        "mso-padding-alt:0cm 5.4pt 0cm 5.4pt")
        return ("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0\r\n"
                f" style='border-collapse:collapse;border:none{mso}'>\r\n" + "\r\n".join(rows) + "\r\n</table>")

    def event_table(self) -> str:
        self.lists += 1
        number_list = self.lists
        rows = [self.row(0, [self.cell(w, [self.para(text(h))], first=i == 0)
                             for i, (w, h) in enumerate(zip(CELL_WIDTHS_PT, self.plan.header))], header=True)]
        for entry in self.plan.rows:
            index = len(rows)
            if isinstance(entry, Section):
                content = self.para(f"<b>{text(entry.title)}</b>", style="text-align:center")
                rows.append(self.row(index, [self.cell(sum(CELL_WIDTHS_PT), [content], colspan=4, first=True)]))
                continue
            rows.append(self.row(index, self.event_cells(entry, number_list)))
        return self.table(rows)

    def event_cells(self, event: Event, number_list: int) -> list[str]:
        number = [self.numbered(event.number, 0, number_list)] if event.number else []
        title = [self.para(text(line)) for line in event.title]
        if event.items:
            self.lists += 1
            title += self.bullets(event.items, self.lists)
        place_date = [self.para(text(value)) for value in (event.place, event.date) if value]
        note = [self.para(text(event.note))] if event.note else []
        return [self.cell(width, content, first=i == 0)
                for i, (width, content) in enumerate(zip(CELL_WIDTHS_PT, (number, title, place_date, note)))]

    def annex_table(self, parts: tuple[AnnexPart, ...]) -> str:
        rows = []
        for part in parts:
            rows.append(self.row(len(rows), [self.cell(sum(ANNEX_WIDTHS_PT), [self.heading(part.heading)], colspan=4,
                                                       first=True)]))
            self.lists += 1  # each part numbers its rows from 1: a list of its own
            for number, *cells in part.rows:
                content = [[self.numbered(number, 2, self.lists)]] + [[self.para(text(cell))] for cell in cells]
                rows.append(self.row(len(rows), [self.cell(w, c, first=i == 0)
                                                 for i, (w, c) in enumerate(zip(ANNEX_WIDTHS_PT, content))]))
        return self.table(rows)

    def heading(self, heading: Heading) -> str:
        content = f"<b>{text(heading.text)}</b>"
        if heading.footnote:
            content += self.note_reference()
        if heading.superscript:
            content += f"<sup>{text(heading.superscript)}</sup>"
        return self.para(content)

    # The page --------------------------------------------------------------

    def page(self) -> bytes:
        plan = self.plan
        notes = [part.heading.footnote for part in plan.annex if part.heading.footnote]
        body = [
            self.lines(plan.title_lines, bold=True, centred=True),
            self.empty(),
            self.event_table(),
            self.empty(),
            self.lines(plan.signatory_position),
            self.empty(),
            self.para(f"<b>{text(plan.signatory_name)}</b>"),
            self.empty(),
        ]
        if plan.annex:
            body.append(self.annex_table(plan.annex))
            body.append(self.empty())
        page = (self.head() + "\r\n<div class=WordSection1>\r\n\r\n" + "\r\n\r\n".join(body) + "\r\n\r\n</div>\r\n\r\n"
                + (self.note_list(notes[0]) + "\r\n\r\n" if notes else "") + "</body>\r\n\r\n</html>\r\n")
        return page.encode("cp1251", "xmlcharrefreplace")

    def head(self) -> str:
        if self.filtered:
            return ("<html>\r\n\r\n<head>\r\n<meta http-equiv=Content-Type content=\"text/html; charset=windows-1251\">\r\n"
                    "<meta name=Generator content=\"Microsoft Word 15 (filtered)\">\r\n<style>\r\n<!--\r\n"
                    f"{WORD_FONTS}{WORD_STYLES}-->\r\n</style>\r\n\r\n</head>\r\n\r\n"
                    "<body lang=RU style='word-wrap:break-word'>\r\n")
        return ("<html xmlns:v=\"urn:schemas-microsoft-com:vml\"\r\nxmlns:o=\"urn:schemas-microsoft-com:office:office\"\r\n"
                "xmlns:w=\"urn:schemas-microsoft-com:office:word\"\r\n"
                "xmlns:m=\"http://schemas.microsoft.com/office/2004/12/omml\"\r\n"
                "xmlns=\"http://www.w3.org/TR/REC-html40\">\r\n\r\n<head>\r\n"
                "<meta http-equiv=Content-Type content=\"text/html; charset=windows-1251\">\r\n"
                "<meta name=ProgId content=Word.Document>\r\n<meta name=Generator content=\"Microsoft Word 15\">\r\n"
                "<meta name=Originator content=\"Microsoft Word 15\">\r\n"
                f"<link rel=File-List href=\"{self.name}_files/filelist.xml\">\r\n"
                "<!--[if gte mso 9]><xml>\r\n <o:DocumentProperties>\r\n  <o:Author>МАГ</o:Author>\r\n"
                "  <o:Pages>3</o:Pages>\r\n  <o:Version>16.00</o:Version>\r\n </o:DocumentProperties>\r\n"
                f"</xml><![endif]-->\r\n<link rel=themeData href=\"{self.name}_files/themedata.thmx\">\r\n"
                "<!--[if gte mso 9]><xml>\r\n <w:WordDocument>\r\n  <w:SpellingState>Clean</w:SpellingState>\r\n"
                "  <w:GrammarState>Clean</w:GrammarState>\r\n  <w:TrackMoves>false</w:TrackMoves>\r\n"
                "  <w:LidThemeOther>RU</w:LidThemeOther>\r\n </w:WordDocument>\r\n</xml><![endif]-->\r\n"
                f"<style>\r\n<!--\r\n{WORD_FONTS}{WORD_STYLES}{WORD_LISTS}-->\r\n</style>\r\n"
                "<!--[if gte mso 10]>\r\n<style>\r\n /* Style Definitions */\r\n table.MsoNormalTable\r\n"
                "\t{mso-style-name:\"Обычная таблица\";\r\n\tmso-tstyle-rowband-size:0;\r\n\tmso-style-noshow:yes;}\r\n"
                "table.MsoTableGrid\r\n\t{mso-style-name:\"Сетка таблицы\";\r\n\tmso-tstyle-rowband-size:0;\r\n"
                "\tborder:solid windowtext 1.0pt;}\r\n</style>\r\n<![endif]-->\r\n</head>\r\n\r\n"
                "<body lang=RU style='tab-interval:35.4pt;word-wrap:break-word'>\r\n")


WORD_FONTS = (" /* Font Definitions */\r\n @font-face\r\n\t{font-family:\"Cambria Math\";\r\n"
              "\tpanose-1:2 4 5 3 5 4 6 3 2 4;}\r\n@font-face\r\n\t{font-family:Symbol;\r\n"
              "\tpanose-1:5 5 1 2 1 7 6 2 5 7;}\r\n")
WORD_STYLES = (" /* Style Definitions */\r\n p.MsoNormal, li.MsoNormal, div.MsoNormal\r\n\t{margin:0cm;\r\n"
               "\tfont-size:12.0pt;\r\n\tfont-family:\"Times New Roman\",serif;}\r\n"
               "p.MsoFootnoteText, li.MsoFootnoteText, div.MsoFootnoteText\r\n\t{margin:0cm;\r\n\tfont-size:10.0pt;\r\n"
               "\tfont-family:\"Times New Roman\",serif;}\r\nspan.MsoFootnoteReference\r\n\t{vertical-align:super;}\r\n"
               "p.MsoListParagraph, li.MsoListParagraph, div.MsoListParagraph\r\n\t{margin-left:36.0pt;}\r\n"
               "p.MsoListParagraphCxSpFirst, li.MsoListParagraphCxSpFirst, div.MsoListParagraphCxSpFirst\r\n"
               "\t{margin-left:36.0pt;}\r\np.MsoListParagraphCxSpMiddle, li.MsoListParagraphCxSpMiddle, "
               "div.MsoListParagraphCxSpMiddle\r\n\t{margin-left:36.0pt;}\r\n"
               "p.MsoListParagraphCxSpLast, li.MsoListParagraphCxSpLast, div.MsoListParagraphCxSpLast\r\n"
               "\t{margin-left:36.0pt;}\r\n@page WordSection1\r\n\t{size:595.3pt 841.9pt;\r\n"
               "\tmargin:2.0cm 42.5pt 2.0cm 3.0cm;}\r\ndiv.WordSection1\r\n\t{page:WordSection1;}\r\n")
WORD_LISTS = (" /* List Definitions */\r\n @list l0\r\n\t{mso-list-id:1093554651;\r\n\tmso-list-type:hybrid;}\r\n"
              "@list l0:level1\r\n\t{mso-level-text:\"%1\\.\";\r\n\tmso-level-tab-stop:none;\r\n"
              "\tmso-level-number-position:left;\r\n\tmargin-left:0cm;\r\n\ttext-indent:0cm;}\r\n"
              "@list l1\r\n\t{mso-list-id:412355073;\r\n\tmso-list-type:hybrid;}\r\n@list l1:level1\r\n"
              "\t{mso-level-number-format:bullet;\r\n\tmso-level-text:\\F0B7;\r\n\tmso-level-tab-stop:none;\r\n"
              "\tmso-level-number-position:left;\r\n\tmargin-left:18.0pt;\r\n\ttext-indent:-18.0pt;\r\n"
              "\tfont-family:Symbol;}\r\n@list l2\r\n\t{mso-list-id:1720394552;\r\n\tmso-list-type:hybrid;}\r\n"
              "@list l2:level1\r\n\t{mso-level-text:\"%1\\.\";\r\n\tmso-level-tab-stop:none;\r\n"
              "\tmso-level-number-position:left;\r\n\tmargin-left:0cm;\r\n\ttext-indent:0cm;}\r\n")


# ------------------------------------------------------------------ Google Docs

GOOGLE_STYLE = (
    "@import url(https://themes.googleusercontent.com/fonts/css?kit=fpjTOVmNbO4Lz34iLyptLUXza5VhXqVC6o75Eld_V98);"
    "ul.lst-kix_4n2g6ky1b0-0{list-style-type:none}.lst-kix_4n2g6ky1b0-0>li:before{content:\"\\0025cf   \"}"
    "ol{margin:0;padding:0}table td,table th{padding:0}"
    ".c1{border-right-style:solid;padding:5pt 5pt 5pt 5pt;border-bottom-color:#000000;border-top-width:1pt;"
    "border-right-width:1pt;border-left-color:#000000;vertical-align:top;border-right-color:#000000;"
    "border-left-width:1pt;border-top-style:solid;border-left-style:solid;border-bottom-width:1pt;width:42.5pt;"
    "border-top-color:#000000;border-bottom-style:solid}"
    ".c0{padding-top:0pt;padding-bottom:0pt;line-height:1.0;text-align:left}"
    ".c2{padding-top:0pt;padding-bottom:0pt;line-height:1.0;text-align:center}"
    ".c3{color:#000000;font-weight:700;text-decoration:none;vertical-align:baseline;font-size:12pt;"
    "font-family:\"Times New Roman\";font-style:normal}"
    ".c4{color:#000000;font-weight:400;text-decoration:none;vertical-align:baseline;font-size:12pt;"
    "font-family:\"Times New Roman\";font-style:normal}"
    ".c5{margin-left:18pt;padding-top:0pt;padding-left:0pt;padding-bottom:0pt;line-height:1.0;text-align:left}"
    ".c6{font-size:10pt}.c7{vertical-align:super}.c8{padding:0;margin:0}.c9{border-spacing:0;border-collapse:collapse;"
    "margin-right:auto}.c10{height:0pt}.c11{padding-top:0pt;padding-bottom:0pt;line-height:1.0;text-align:left}"
    ".c12{background-color:#ffffff;max-width:481.9pt;padding:56.7pt 42.5pt 56.7pt 85pt}"
    ".title{padding-top:24pt;color:#000000;font-weight:700;font-size:36pt;padding-bottom:6pt;"
    "font-family:\"Arial\";line-height:1.0;page-break-after:avoid;orphans:2;widows:2;text-align:left}"
    "li{color:#000000;font-size:12pt;font-family:\"Times New Roman\"}"
    "p{margin:0;color:#000000;font-size:12pt;font-family:\"Times New Roman\"}"
)


class GooglePage:
    """One Google Docs "Web page" export."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.lists = 0

    def para(self, content: str, css_class: str = "c0") -> str:
        return f'<p class="{css_class}"><span class="c4">{content}</span></p>' if content else \
            f'<p class="{css_class}"><span class="c4"></span></p>'

    def bold_para(self, content: str, css_class: str = "c0", after: str = "") -> str:
        return f'<p class="{css_class}"><span class="c3">{content}</span>{after}</p>'

    def cell(self, paragraphs: list[str], colspan: int = 1) -> str:
        return f'<td class="c1" colspan="{colspan}" rowspan="1">{"".join(paragraphs) or self.para("")}</td>'

    def bullets(self, items: tuple[str, ...]) -> str:
        self.lists += 1
        lis = "".join(f'<li class="c5 li-bullet-0"><span class="c4">{text(item)}</span></li>' for item in items)
        return f'<ul class="c8 lst-kix_4n2g6ky1b0-0 start">{lis}</ul>'

    def event_row(self, event: Event) -> str:
        title = "".join(self.para(text(line)) for line in event.title)
        if event.items:
            title += self.bullets(event.items)
        place_date = [self.para(text(value)) for value in (event.place, event.date) if value]
        cells = [[self.para(text(event.number or ""))], [title], place_date, [self.para(text(event.note))]]
        return '<tr class="c10">' + "".join(self.cell(content) for content in cells) + "</tr>"

    def event_table(self) -> str:
        rows = ['<tr class="c10">' + "".join(self.cell([self.para(text(h))]) for h in self.plan.header) + "</tr>"]
        for entry in self.plan.rows:
            if isinstance(entry, Section):
                rows.append(f'<tr class="c10">{self.cell([self.bold_para(text(entry.title), "c2")], colspan=4)}</tr>')
            else:
                rows.append(self.event_row(entry))
        return f'<table class="c9">{"".join(rows)}</table>'

    def annex_table(self) -> str:
        rows = []
        for part in self.plan.annex:
            after = ""
            if part.heading.footnote:
                after = '<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>'
            if part.heading.superscript:
                after = f'<span class="c4 c7">{text(part.heading.superscript)}</span>'
            rows.append(f'<tr class="c10">{self.cell([self.bold_para(text(part.heading.text), after=after)], 4)}</tr>')
            for cells in part.rows:
                rows.append('<tr class="c10">' + "".join(self.cell([self.para(text(c))]) for c in cells) + "</tr>")
        return f'<table class="c9">{"".join(rows)}</table>'

    def page(self) -> bytes:
        plan = self.plan
        title = "<br>".join(text(line) for line in plan.title_lines)
        position = "<br>".join(text(line) for line in plan.signatory_position)
        notes = [part.heading.footnote for part in plan.annex if part.heading.footnote]
        body = [
            self.bold_para(title, "c2"), self.para(""), self.event_table(), self.para(""),
            self.para(position), self.para(""), self.bold_para(text(plan.signatory_name)), self.para(""),
            self.annex_table() if plan.annex else "",
        ]
        if notes:
            body.append('<hr class="c8"><div><p class="c11"><a href="#ftnt_ref1" id="ftnt1">[1]</a>'
                        f'<span class="c4 c6">&nbsp;{text(notes[0])}</span></p></div>')
        page = ('<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">'
                f'<style type="text/css">{GOOGLE_STYLE}</style></head><body class="c12 doc-content">'
                + "".join(body) + "</body></html>")
        return page.encode("utf-8")


# ------------------------------------------------------------------ LibreOffice's XHTML


def libreoffice_xhtml(docx: Path, target: Path) -> Path:
    """``docx`` exported by LibreOffice as XHTML (its "XHTML Writer File" filter)."""
    from make_samples import soffice

    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "out"
        soffice(["--convert-to", "html:XHTML Writer File:UTF8", "--outdir", str(out), str(docx)], Path(work))
        target.write_bytes((out / f"{docx.stem}.html").read_bytes())
    return target


def chromium_print(page: Path, target: Path) -> Path:
    """``page`` printed to PDF by headless Chromium, as make_samples prints its HTML."""
    from make_samples import print_with_chromium

    with tempfile.TemporaryDirectory() as work:
        return print_with_chromium(page, target, Path(work))


# The other years' pages are committed only as Chromium's prints (the pages themselves stay
# in a temporary folder): what a print loses differs with where its lines fall. Google Docs'
# 2025 page paints its white background as a box, and lets a word too long for its column
# overflow it.
PRINTED = {"2023": ("word",), "2025": ("word", "google_docs")}


def write_pages(year: str, out: Path, libreoffice: bool = True, prints: tuple[str, ...] = ("word",)) -> list[Path]:
    """The producers' pages of the plan of ``year`` (samples/plans/plan_YEAR.py) written into
    ``out``, with LibreOffice's XHTML of samples/plan_YEAR.docx and Chromium's prints of the
    pages named in ``prints`` ("word" prints plan_YEAR_word.html as plan_YEAR_word_chrome.pdf)."""
    plan = importlib.import_module(f"plans.plan_{year}").PLAN
    stem = f"plan_{year}"
    out.mkdir(parents=True, exist_ok=True)
    pages = {
        f"{stem}_word.html": WordPage(plan, filtered=False, name=f"{stem}_word").page(),
        f"{stem}_word_filtered.html": WordPage(plan, filtered=True, name=f"{stem}_word_filtered").page(),
        f"{stem}_google_docs.html": GooglePage(plan).page(),
    }
    written = []
    for name, data in pages.items():
        (out / name).write_bytes(data)
        written.append(out / name)
    if libreoffice:
        written.append(libreoffice_xhtml(HERE / f"{stem}.docx", out / f"{stem}_libreoffice.xhtml.html"))
    for kind in prints:
        written.append(chromium_print(out / f"{stem}_{kind}.html", out / f"{stem}_{kind}_chrome.pdf"))
    return written


def main(argv: list[str] | None = None) -> int:
    """Write the producer samples beside this script, or one year's pages where asked."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plan", choices=("2023", "2024", "2025"),
                        help="write every page of this year's plan (samples/plans/plan_YEAR.py) "
                             "and Chromium's print of each into --out; default: the committed samples")
    parser.add_argument("--out", type=Path, default=HERE, help="the folder --plan writes to; default samples/")
    parser.add_argument("--no-libreoffice", action="store_true", help="skip the LibreOffice XHTML export")
    parser.add_argument("--no-chromium", action="store_true", help="skip Chromium's prints")
    args = parser.parse_args(argv)
    libreoffice, chromium = not args.no_libreoffice, not args.no_chromium
    if args.plan:
        kinds = ("word", "word_filtered", "google_docs") if chromium else ()
        written = write_pages(args.plan, args.out, libreoffice, kinds)
    else:
        written = write_pages("2024", HERE, libreoffice, ("word",) if chromium else ())
        for year, kinds in PRINTED.items() if chromium else ():
            with tempfile.TemporaryDirectory() as work:
                for printed in write_pages(year, Path(work), libreoffice=False, prints=kinds)[-len(kinds):]:
                    written.append(HERE / printed.name)
                    written[-1].write_bytes(printed.read_bytes())
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
