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
script from the plan laid out as a samplekit Document (samples/plans/plan_2024.py through
samplekit/layout.py: Word's with its № column auto-numbered, Layout(numbers="list"); Google
Docs' with the numbers typed) with each producer's conventions, as Word 2016 and Google
Docs write them. Any layout can be written so (``producer_pages``; ``--every-layout`` writes
all 96 of ``samplekit.layout.every_layout``), and ``Features`` adds what a person does in
those programs beyond a layout: a manual page break before the annex, the event table split
in two by a page break, the number cell of a cut event merged down (rowspan), Word's annex
in a two-column section (<div class=WordSection2>, mso-columns in its @page).

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
  A manual page break is <br clear=all style='mso-special-character:line-break;
  page-break-before:always'> opening the paragraph after it (filtered: page-break-before
  only), a section break a <br clear=all style='page-break-before:auto;mso-break-type:
  section-break'> between the WordSection divs; merged cells are rowspan/colspan.
- Google Docs: one <style> of generated classes (.c3{font-weight:700},
  .c7{vertical-align:super}), no <b> or <sup> but the note reference's <sup>; bullets
  as <ul class="lst-kix_… start"><li>; numbers typed in the cells; the note
  <sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>, the notes after an <hr> as
  <p><a href="#ftnt_ref1" id="ftnt1">[1]</a><span>&nbsp;text</span></p>; an auto-numbered
  cell an empty item of <ol class="lst-kix_… start" start="1">, the list going on in the next
  cell as <ol class="lst-kix_…" start="2"> (the number drawn from a CSS counter); a page break
  <hr style="page-break-before:always;display:none;">; merged cells colspan/rowspan on every td.

Usage: python samples/make_producer_html.py [--plan YEAR] [--out DIR] [--no-libreoffice] [--no-chromium]
       python samples/make_producer_html.py --plan YEAR --every-layout [--features] --out DIR
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
from dataclasses import dataclass, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from samplekit.doc import BulletList, Cell, Document, LineBreak, ListNumber, Note, Para, Table, is_empty_number  # noqa: E402
from samplekit.wordml import continues_a_cut_row  # noqa: E402
from samplekit.layout import Layout, every_layout, plan_document  # noqa: E402

NBSP = "&nbsp;"
WORD_FILLER = "<span style='font:7.0pt \"Times New Roman\"'>" + NBSP * 5 + " </span>"
WORD_BULLET_FILLER = "<span style='font:7.0pt \"Times New Roman\"'>" + NBSP * 7 + " </span>"


def text(value: str) -> str:
    """Text as Word and Google Docs escape it (quotes stay as written)."""
    return html.escape(value, quote=False)


# What a producer does to its source on every page, left out of the committed pages (it would
# change Chromium's prints of them) and put into the sweep's (``verbatim``).
WORD_LINE = 76  # Word wraps its source at a space before this column, outside "quoted" CSS strings
GOOGLE_ENTITIES = {"«": "&laquo;", "»": "&raquo;", "–": "&ndash;", "—": "&mdash;", "…": "&hellip;",
                   "“": "&ldquo;", "”": "&rdquo;", "„": "&bdquo;"}


def word_wrapped(body: str) -> str:
    """``body`` with each line longer than WORD_LINE broken at a space, as Word writes its pages:
    inside text and tags alike (a style attribute goes on on the next line), never inside a
    double-quoted CSS string or Word's <![if ...]> and <!-- --> marks."""
    out = []
    for line in body.split("\r\n"):
        while len(line) > WORD_LINE:
            cut = _wrap_point(line)
            if cut is None:
                break
            out.append(line[:cut])
            line = line[cut + 1:]
        out.append(line)
    return "\r\n".join(out)


def _wrap_point(line: str) -> int | None:
    """The last space before WORD_LINE (else the first after it) where Word may break ``line``."""
    best, quoted, marked = None, False, 0
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif line.startswith(("<![", "<!--"), index):
            marked += 1
        elif char == ">" and marked:
            marked -= 1
        elif char == " " and not quoted and not marked and index > 0:
            if index >= WORD_LINE:
                return index if best is None else best
            best = index
    return best if best is not None and best < len(line) - 1 else None


def google_entities(page: str) -> str:
    """Punctuation as the named entities Google Docs writes for it."""
    for char, entity in GOOGLE_ENTITIES.items():
        page = page.replace(char, entity)
    return page


# ------------------------------------------------------------------ what a page adds to a layout


@dataclass(frozen=True)
class Features:
    """What a person adds in Word or Google Docs beyond a layout, and how each producer saves it.

    break_before_annex: a manual page break before the annex (Word: <br clear=all
      style='page-break-before:always'>, in a paragraph of its own or opening the annex's
      heading paragraph; Google Docs: <hr style="page-break-before:always;display:none;">).
    split_events: the event table split in two before its last section, a page break in the
      paragraph between (neither producer breaks a page inside a table); the second part
      opens with a copy of the header row when the layout repeats it.
    merge_continued: the number cell of an event cut by a page break merged down over the
      row that carries it on (rowspan=2, the carried row without that cell).
    annex_columns: Word only: the annex in a section of two columns (<div class=WordSection2>,
      @page WordSection2 {mso-columns:2 even 35.4pt}, a section break between the sections).
    misaligned_columns: Word only: a column border dragged in the event table's second half
      only, so its cells no longer line up with those above: Word lays the table on the grid of
      every border (a cell across two of its columns gets colspan=2) and ends it with its
      <![if !supportMisalignedColumns]> row of empty cells, one per grid column (filtered: the
      row alone).
    tracked_changes: Word only: every third event's place or date rewritten with track changes
      on, the old text a deletion before the new: <span class=msoDel><del cite="mailto:…"
      datetime="…">old</del></span><span class=msoIns><ins …>new</ins></span>.
    comments: a reviewer's comment on every fourth event's title. Word: its reference "[С1]"
      after the text (<a class=msocomanchor href="#_msocom_1">, in a MsoCommentReference span on
      the full page) and the comments after the text (<div style='mso-element:comment-list'>,
      each a <div class=msocomtxt id=_com_1> of MsoCommentText paragraphs). Google Docs: the
      reference <sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup>, after the notes each
      comment's thread in a <div>: <p><a href="#cmnt_ref1" id="cmnt1">[a]</a><span>text</span></p>,
      then a paragraph per reply.
    """

    break_before_annex: bool = False
    split_events: bool = False
    merge_continued: bool = False
    annex_columns: bool = False
    misaligned_columns: bool = False
    tracked_changes: bool = False
    comments: bool = False


EVERY_FEATURE = Features(True, True, True, True, True, True, True)


def pt(cm: float) -> float:
    """A width in points as Word writes it (one decimal)."""
    return round(cm * 72 / 2.54, 1)


def annex_start(document: Document) -> int:
    """The index of the annex's first block: the second table, or the bold heading paragraph
    over it (the annex as tables); the number of blocks when there is no annex."""
    tables = [index for index, block in enumerate(document.blocks) if isinstance(block, Table)]
    if len(tables) < 2:
        return len(document.blocks)
    first = tables[1]
    before = document.blocks[first - 1]
    return first - 1 if isinstance(before, Para) and before.inlines else first


def arranged(document: Document, features: Features) -> tuple[list, list]:
    """The document's blocks before the annex and the annex's, as the features arrange them:
    None where a manual page break stands (it opens the block after it)."""
    start = annex_start(document)
    main: list = []
    for block in document.blocks[:start]:
        if features.split_events and isinstance(block, Table) and block.name == "Events":
            for number, part in enumerate(split_events(block)):
                main += [Para(()), None] if number else []
                main.append(part)
        else:
            main.append(block)
    annex = list(document.blocks[start:])
    if features.break_before_annex and annex:
        annex.insert(0, None)
    return main, annex


def split_events(table: Table) -> list[Table]:
    """The event table cut before its last section row (or, with none past its first rows, in
    the middle), as a person splits it to break a page there; the second part opens with a copy
    of the header row if the header repeats."""
    sections = [index for index, row in enumerate(table.rows)
                if index > 1 and len(row.cells) == 1 and row.cells[0].span == len(table.widths_cm)]
    cut = sections[-1] if sections else len(table.rows) // 2
    head = table.rows[:1] if table.rows[0].header else ()
    return [replace(table, rows=table.rows[:cut]), replace(table, name=f"{table.name}2", rows=head + table.rows[cut:])]


def row_spans(table: Table, merge_continued: bool) -> list[list[int]]:
    """Each cell's rowspan, 0 for a cell merged into the one above (not written): with
    ``merge_continued`` a carried-on row's empty number cell joins the event's above it."""
    spans = [[1] * len(row.cells) for row in table.rows]
    if not merge_continued:
        return spans
    owner = None  # the row whose number cell a carried row joins
    for index, row in enumerate(table.rows):
        numbered = len(row.cells) > 1 and not row.header and not is_empty_number(row.cells[0])
        if numbered:
            owner = index
        elif owner is not None and continues_a_cut_row(row):
            spans[owner][0] += 1
            spans[index][0] = 0
        else:
            owner = None
    return spans


class Numbers:
    """The numbers an automatic list draws: one counter per list, started again on a restart;
    each list (and each restart) gets the producer's next list number (Word's lfo)."""

    def __init__(self):
        self.lists = 0  # list numbers given out so far
        self.open: dict[str, list[int]] = {}  # list name -> [its list number, the last number drawn]

    def new_list(self) -> int:
        self.lists += 1
        return self.lists

    def draw(self, number: ListNumber) -> tuple[int, int, bool]:
        """(list number, the number drawn, whether this item starts its list)."""
        current = self.open.get(number.name)
        if current is None or number.restart:
            current = self.open[number.name] = [self.new_list(), 0]
        current[1] += 1
        return current[0], current[1], current[1] == 1


def notes_of(document: Document) -> list[str]:
    """The bodies of the document's footnotes, in the order they are cited."""
    found = []
    for block in document.blocks:
        paragraphs = [block] if isinstance(block, Para) else [
            item for row in block.rows for cell in row.cells for item in cell.blocks if isinstance(item, Para)]
        found += [inline.body for para in paragraphs for inline in para.inlines if isinstance(inline, Note)]
    return found


MOVED_BORDER_PT = 14.2  # how far a person dragged a column border (0.5 cm)
REVISED_FROM = "по согласованию"  # what a tracked change replaced
WORD_REVISION = 'cite="mailto:Секретариат%20МАГ" datetime="2024-01-15T09:30"'
WORD_REVISION_STYLES = ("span.msoIns\r\n\t{mso-style-type:export-only;\r\n\tmso-style-name:\"\";\r\n"
                        "\ttext-decoration:underline;\r\n\ttext-underline:single;\r\n\tcolor:teal;}\r\n"
                        "span.msoDel\r\n\t{mso-style-type:export-only;\r\n\tmso-style-name:\"\";\r\n"
                        "\ttext-decoration:line-through;\r\n\tcolor:red;}\r\n")


COMMENT_AUTHOR, COMMENT_INITIALS = "Секретариат МАГ", "С"
COMMENT_TEXT = "Уточнить сроки проведения"
COMMENT_REPLY = "Сроки уточнены"  # a reply in the comment's thread (Google Docs writes replies after it)


def is_commented_row(table: Table, index: int) -> bool:
    """Every fourth row of the event table after its header (the rows a reviewer commented on)."""
    row = table.rows[index]
    return table.name.startswith("Events") and not row.header and len(row.cells) > 2 and index % 4 == 1


def is_revised_row(table: Table, index: int) -> bool:
    """Every third numbered row of the event table (the rows whose place or date was changed)."""
    row = table.rows[index]
    return (table.name.startswith("Events") and not row.header and len(row.cells) > 2
            and not is_empty_number(row.cells[0]) and index % 3 == 0)


def cell_edges(table: Table, misaligned: bool = False) -> list[list[tuple[float, float]]]:
    """Each cell's left and right edge in points. ``misaligned``: in the event table's second
    half a person dragged the border after the title column left, in those rows only."""
    edges = [0.0]
    for cm in table.widths_cm:
        edges.append(round(edges[-1] + pt(cm), 1))
    moved = edges[2] if misaligned and table.name.startswith("Events") and len(edges) > 3 else None
    found = []
    for index, row in enumerate(table.rows):
        shift = moved is not None and index >= len(table.rows) // 2 and len(row.cells) > 1
        row_edges, column = [], 0
        for cell in row.cells:
            left, right = edges[column], edges[column + cell.span]
            if shift:
                left, right = (round(edge - MOVED_BORDER_PT, 1) if edge == moved else edge for edge in (left, right))
            row_edges.append((left, right))
            column += cell.span
        found.append(row_edges)
    return found


def is_centred_heading(table: Table, cell: Cell) -> bool:
    """A section heading of the event table (one cell across it): both producers centre it."""
    return table.name.startswith("Events") and cell.span == len(table.widths_cm)


# ------------------------------------------------------------------ Microsoft Word

# Word's "Web Options" encodings for Cyrillic: the charset the page declares -> (codec, what
# precedes the text: Word's "Unicode" page is UTF-16 with its byte-order mark).
WORD_CHARSETS = {
    "windows-1251": ("cp1251", b""),  # Кириллица (Windows), the default
    "koi8-r": ("koi8-r", b""),
    "koi8-u": ("koi8-u", b""),
    "iso-8859-5": ("iso8859-5", b""),
    "cp866": ("cp866", b""),  # Кириллица (DOS)
    "x-mac-cyrillic": ("mac-cyrillic", b""),  # Кириллица (Mac)
    "utf-8": ("utf-8", b""),
    "unicode": ("utf-16-le", b"\xff\xfe"),
}
WORD_LISTS_BY_NAME = {"events": 0, "annex": 2}  # the @list each automatic list is drawn by
WORD_BULLET_LIST = 1
WORD_BREAK_SPAN = ("<span style='font-size:12.0pt;font-family:\"Times New Roman\",serif;mso-fareast-font-family:"
                   "\"Times New Roman\";mso-ansi-language:RU;mso-fareast-language:RU;mso-bidi-language:AR-SA'>")


class WordPage:
    """One Word HTML page ("Web Page", or "Web Page, Filtered") of a laid-out plan."""

    def __init__(self, document: Document, filtered: bool, name: str = "plan_2024_word",
                 features: Features = Features(), verbatim: bool = False, charset: str = "windows-1251"):
        self.document = document
        self.verbatim = verbatim  # lines wrapped at WORD_LINE, as Word writes them
        self.charset = charset  # Web Options -> Encoding, by the name Word writes (WORD_CHARSETS)
        self.filtered = filtered
        self.name = name  # the page's file name without .html: Word names its folder of parts after it
        self.features = features
        self.numbers = Numbers()
        self.notes = 0  # footnotes cited so far
        self.revisions = 0  # paragraphs rewritten with track changes on
        self.comments: list[str] = []  # the comments' texts, in order

    # Paragraphs ------------------------------------------------------------

    def empty(self) -> str:
        return "<p class=MsoNormal>&nbsp;</p>" if self.filtered else "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"

    def para(self, content: str, css_class: str = "MsoNormal", style: str = "") -> str:
        end = "" if self.filtered else "<o:p></o:p>"
        style_attr = f" style='{style}'" if style else ""
        return f"<p class={css_class}{style_attr}>{content}{end}</p>"

    def inlines(self, para: Para) -> str:
        """A paragraph's text: bold as <b>, a typed superscript as <sup>, line breaks, note references."""
        out = []
        for inline in para.inlines:
            if isinstance(inline, LineBreak):
                out.append("<br>\r\n")
            elif isinstance(inline, Note):
                self.notes += 1
                out.append(self.note_reference(self.notes))
            elif inline.superscript:
                out.append(f"<sup>{text(inline.text)}</sup>")
            elif inline.bold:
                out.append(f"<b>{text(inline.text)}</b>")
            else:
                out.append(text(inline.text))
        return "".join(out)

    def paragraph(self, para: Para, centred: bool = False, page_break: bool = False) -> str:
        """A paragraph; the title as Word's bold 14-point centred lines."""
        lead = self.page_break() if page_break else ""
        if not para.inlines:
            filler = "&nbsp;" if self.filtered else "<o:p>&nbsp;</o:p>"
            return f"<p class=MsoNormal>{lead}{filler}</p>" if lead else self.empty()
        content = self.inlines(para)
        if para.style == "Plan_20_Title":
            content = (f"<b>{content}</b>" if self.filtered
                       else f"<b><span style='font-size:14.0pt'>{content}<o:p></o:p></span></b>")
            return f"<p class=MsoNormal align=center style='text-align:center'>{lead}{content}</p>"
        return self.para(lead + content, style="text-align:center" if centred else "")

    def page_break(self) -> str:
        """A manual page break, as Word writes it at the start of the paragraph after it."""
        if self.filtered:
            return "<span style='font-size:12.0pt;font-family:\"Times New Roman\",serif'><br clear=all style='page-break-before:always'>\r\n</span>"
        return (f"{WORD_BREAK_SPAN}<br clear=all style='mso-special-character:line-break;page-break-before:always'>"
                "\r\n</span>")

    def section_break(self) -> str:
        """A continuous section break between WordSection divs."""
        style = "page-break-before:auto" if self.filtered else "page-break-before:auto;mso-break-type:section-break"
        span = "<span style='font-size:12.0pt;font-family:\"Times New Roman\",serif'>" if self.filtered else WORD_BREAK_SPAN
        return f"{span}<br clear=all style='{style}'>\r\n</span>"

    def numbered(self, number: ListNumber) -> str:
        """A number cell: an empty paragraph of an auto-numbered list; Word writes what it drew."""
        lfo, drawn, _ = self.numbers.draw(number)
        label = f"{drawn}."
        if self.filtered:
            return (f"<p class=MsoNormal style='margin-left:0cm;text-indent:0cm'><span>{label}{WORD_FILLER}"
                    "</span></p>")
        list_id = WORD_LISTS_BY_NAME[number.name]
        return (f"<p class=MsoNormal style='margin-left:0cm;text-indent:0cm;mso-list:l{list_id} level1 lfo{lfo}'>"
                "<![if !supportLists]><span style='mso-bidi-font-family:\"Times New Roman\"'>"
                f"<span style='mso-list:Ignore'>{label}{WORD_FILLER}</span></span><![endif]><o:p>&nbsp;</o:p></p>")

    def bullets(self, items: tuple[str, ...]) -> list[str]:
        """Bullet list paragraphs (Symbol font "·"), First/Middle/Last as Word classes them."""
        lfo = self.numbers.new_list()
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
                    f"mso-list:l{WORD_BULLET_LIST} level1 lfo{lfo}'><![if !supportLists]><span style='font-family:Symbol;"
                    "mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span style='mso-list:Ignore'>·"
                    f"{WORD_BULLET_FILLER}</span></span><![endif]>{text(item)}<o:p></o:p></p>")
        return out

    def note_reference(self, number: int) -> str:
        size = "font-size:12.0pt;font-family:\"Times New Roman\",serif"
        if self.filtered:
            return (f"<a href=\"#_ftn{number}\" name=\"_ftnref{number}\" title=\"\"><span class=MsoFootnoteReference>"
                    f"<span class=MsoFootnoteReference><span style='{size}'>[{number}]</span></span></span></a>")
        return (f"<a style='mso-footnote-id:ftn{number}' href=\"#_ftn{number}\" name=\"_ftnref{number}\" title=\"\">"
                "<span class=MsoFootnoteReference><span style='mso-special-character:footnote'>"
                "<![if !supportFootnotes]><span class=MsoFootnoteReference><span style='"
                f"{size};mso-fareast-font-family:\"Times New Roman\";mso-ansi-language:RU;mso-fareast-language:RU'>"
                f"[{number}]</span></span><![endif]></span></span></a>")

    def note_list(self, notes: list[str]) -> str:
        size = "font-size:10.0pt;font-family:\"Times New Roman\",serif"
        if self.filtered:
            bodies = "".join(
                f"<div id=ftn{n}>\r\n\r\n<p class=MsoFootnoteText><a href=\"#_ftnref{n}\" name=\"_ftn{n}\" title=\"\">"
                "<span class=MsoFootnoteReference><span class=MsoFootnoteReference>"
                f"<span style='{size}'>[{n}]</span></span></span></a> {text(note)}</p>\r\n\r\n</div>\r\n\r\n"
                for n, note in enumerate(notes, start=1))
            return f"<div><br clear=all>\r\n\r\n<hr align=left size=1 width=\"33%\">\r\n\r\n{bodies}</div>"
        bodies = "".join(
            f"<div style='mso-element:footnote' id=ftn{n}>\r\n\r\n<p class=MsoFootnoteText>"
            f"<a style='mso-footnote-id:ftn{n}' href=\"#_ftnref{n}\" name=\"_ftn{n}\" title=\"\">"
            "<span class=MsoFootnoteReference><span style='mso-special-character:footnote'>"
            "<![if !supportFootnotes]><span class=MsoFootnoteReference>"
            f"<span style='{size};mso-fareast-font-family:\"Times New Roman\"'>[{n}]</span></span><![endif]>"
            f"</span></span></a> {text(note)}<o:p></o:p></p>\r\n\r\n</div>\r\n\r\n"
            for n, note in enumerate(notes, start=1))
        return ("<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all>\r\n\r\n"
                "<hr align=left size=1 width=\"33%\">\r\n\r\n<![endif]>\r\n\r\n" + bodies + "</div>")

    # Tables ----------------------------------------------------------------

    def commented(self, content: str) -> str:
        """``content`` as the scope of a comment, its reference "[С1]" after it, as Word writes it."""
        self.comments.append(COMMENT_TEXT)
        n, mark = len(self.comments), f"[{COMMENT_INITIALS}{len(self.comments)}]"
        anchor = (f'<a class=msocomanchor id="_anchor_{n}" href="#_msocom_{n}" name="_msoanchor_{n}">{mark}</a>')
        if self.filtered:
            return f"{content}{anchor}"
        return (f"<a style='mso-comment-reference:{COMMENT_INITIALS}_{n};mso-comment-date:20240115T0930'>{content}</a>"
                "<span class=MsoCommentReference><span style='font-size:8.0pt'><span style='mso-special-character:"
                f"comment'>&nbsp;<![if !supportAnnotations]>{anchor}<![endif]></span></span></span>")

    def comment_list(self) -> str:
        """The comments at the end of the page, each in Word's comment text style."""
        if self.filtered:
            bodies = "".join(
                f"<div>\r\n\r\n<div id=\"_com_{n}\" class=msocomtxt><a name=\"_msocom_{n}\"></a>\r\n\r\n"
                f"<p class=MsoCommentText><span class=MsoCommentReference>&nbsp;<a href=\"#_msoanchor_{n}\">"
                f"[{COMMENT_INITIALS}{n}]</a></span>{text(body)}</p>\r\n\r\n</div>\r\n\r\n</div>\r\n\r\n"
                for n, body in enumerate(self.comments, start=1))
            return f"<div>\r\n\r\n<hr class=msocomoff align=left size=1 width=\"33%\">\r\n\r\n{bodies}</div>"
        bodies = "".join(
            f"<div style='mso-element:comment'><![if !supportAnnotations]>\r\n\r\n<div id=\"_com_{n}\" "
            f"class=msocomtxt><![endif]><span style='mso-comment-author:\"{COMMENT_AUTHOR}\"'><a name=\"_msocom_{n}\">"
            f"</a></span>\r\n\r\n<p class=MsoCommentText><span class=MsoCommentReference><span style='mso-special-"
            f"character:comment'>&nbsp;<![if !supportAnnotations]><a href=\"#_msoanchor_{n}\" class=msocomoff>"
            f"[{COMMENT_INITIALS}{n}]</a><![endif]></span></span>{text(body)}<o:p></o:p></p>\r\n\r\n"
            "<![if !supportAnnotations]></div>\r\n\r\n<![endif]></div>\r\n\r\n"
            for n, body in enumerate(self.comments, start=1))
        return ("<div style='mso-element:comment-list'><![if !supportAnnotations]>\r\n\r\n<hr class=msocomoff "
                "align=left size=1 width=\"33%\">\r\n\r\n<![endif]>\r\n\r\n" + bodies + "</div>")

    def cell(self, width: float, paragraphs: list[str], colspan: int = 1, first: bool = False,
             borders: bool = True, rowspan: int = 1) -> str:
        span = (f" colspan={colspan}" if colspan > 1 else "") + (f" rowspan={rowspan}" if rowspan > 1 else "")
        if borders:
            border = "border:solid windowtext 1.0pt" if first else "border:solid windowtext 1.0pt;border-left:none"
            mso = "" if self.filtered else ";\r\n  mso-border-alt:solid windowtext .5pt"
        else:
            border, mso = "border:none", ""
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

    def table(self, table: Table) -> str:
        edges = cell_edges(table, self.features.misaligned_columns)
        grid = sorted({edge for row in edges for left_right in row for edge in left_right})
        spans = row_spans(table, self.features.merge_continued)
        rows = []
        for index, (row, row_edges, row_spans_) in enumerate(zip(table.rows, edges, spans)):
            cells = []
            revised = self.features.tracked_changes and is_revised_row(table, index)
            for number, (cell, (left, right), rowspan) in enumerate(zip(row.cells, row_edges, row_spans_)):
                colspan = sum(1 for edge in grid if left < edge <= right)
                if rowspan:
                    blocks = self.cell_blocks(table, cell, revised=revised and number == 2,
                                              commented=self.features.comments and is_commented_row(table, index)
                                              and number == 1)
                    cells.append(self.cell(round(right - left, 1), blocks, colspan, number == 0, table.borders, rowspan))
            rows.append(self.row(index, cells, header=row.header))
        if len(grid) - 1 > len(table.widths_cm):  # rows whose cells do not line up: Word's row of the grid
            row = " <tr height=0>\r\n" + "\r\n".join(
                f"  <td width={round((right - left) * 4 / 3)} style='border:none'></td>"
                for left, right in zip(grid, grid[1:])) + "\r\n </tr>"
            rows.append(row if self.filtered else f" <![if !supportMisalignedColumns]>\r\n{row}\r\n <![endif]>")
        border = "border=1" if table.borders else "border=0"
        mso = "" if self.filtered else (
            (";mso-border-alt:solid windowtext .5pt;\r\n mso-yfti-tbllook:1184;" if table.borders
             else ";mso-yfti-tbllook:1184;\r\n ") + "mso-padding-alt:0cm 5.4pt 0cm 5.4pt"
            + ("" if table.borders else ";mso-border-insideh:none;mso-border-insidev:none"))
        return (f"<table class=MsoTableGrid {border} cellspacing=0 cellpadding=0\r\n"
                f" style='border-collapse:collapse;border:none{mso}'>\r\n" + "\r\n".join(rows) + "\r\n</table>")

    def cell_blocks(self, table: Table, cell: Cell, revised: bool = False, commented: bool = False) -> list[str]:
        """A cell's paragraphs; ``revised``: its last paragraph rewritten with track changes on;
        ``commented``: its first paragraph's text the scope of a comment."""
        out = []
        for number, block in enumerate(cell.blocks):
            if commented and number == 0 and isinstance(block, Para) and block.inlines:
                out.append(self.para(self.commented(self.inlines(block))))
            elif isinstance(block, ListNumber):
                out.append(self.numbered(block))
            elif isinstance(block, BulletList):
                out += self.bullets(block.items)
            elif revised and number == len(cell.blocks) - 1 and block.inlines:
                self.revisions += 1
                out.append(self.para(f"<span class=msoDel><del {WORD_REVISION}>{text(REVISED_FROM)}</del></span>"
                                     f"<span class=msoIns><ins {WORD_REVISION}>{self.inlines(block)}</ins></span>"))
            else:
                out.append(self.paragraph(block, centred=is_centred_heading(table, cell) and bool(block.inlines)))
        return out

    # The page --------------------------------------------------------------

    def body(self, blocks) -> list[str]:
        """The blocks as Word writes them; a page break noted by None opens what follows."""
        out, page_break = [], False
        for block in blocks:
            if block is None:
                page_break = True
                continue
            if isinstance(block, Table):
                if page_break:
                    out.append(self.paragraph(Para(()), page_break=True))
                out.append(self.table(block))
            else:
                out.append(self.paragraph(block, page_break=page_break))
            page_break = False
        if blocks and isinstance(blocks[-1], Table):
            out.append(self.empty())  # a Word document never ends in a table
        return out

    def page(self) -> bytes:
        main, annex = arranged(self.document, self.features)
        sections = [self.body(main)]
        if self.features.annex_columns and annex:
            sections.append(self.body(annex))
        else:
            sections[0] += self.body(annex)
        notes = notes_of(self.document)
        divs = [f"<div class=WordSection{n}>\r\n\r\n" + "\r\n\r\n".join(body) + "\r\n\r\n</div>\r\n\r\n"
                for n, body in enumerate(sections, start=1)]
        body = ((self.section_break() + "\r\n\r\n").join(divs)
                + (self.note_list(notes) + "\r\n\r\n" if notes else "")
                + (self.comment_list() + "\r\n\r\n" if self.comments else "") + "</body>\r\n\r\n</html>\r\n")
        page = self.head(len(sections)) + "\r\n" + (word_wrapped(body) if self.verbatim else body)
        codec, mark = WORD_CHARSETS[self.charset]
        return mark + page.encode(codec, "xmlcharrefreplace")

    def head(self, sections: int = 1) -> str:
        """The page's head; written after the body (its styles say what the body used)."""
        styles = (WORD_STYLES + (WORD_COLUMNS_FILTERED if self.filtered else WORD_COLUMNS) * (sections > 1)
                  + WORD_REVISION_STYLES * bool(self.revisions))
        if self.filtered:
            return (f"<html>\r\n\r\n<head>\r\n<meta http-equiv=Content-Type content=\"text/html; charset={self.charset}\">\r\n"
                    "<meta name=Generator content=\"Microsoft Word 15 (filtered)\">\r\n<style>\r\n<!--\r\n"
                    f"{WORD_FONTS}{styles}-->\r\n</style>\r\n\r\n</head>\r\n\r\n"
                    "<body lang=RU style='word-wrap:break-word'>\r\n")
        return ("<html xmlns:v=\"urn:schemas-microsoft-com:vml\"\r\nxmlns:o=\"urn:schemas-microsoft-com:office:office\"\r\n"
                "xmlns:w=\"urn:schemas-microsoft-com:office:word\"\r\n"
                "xmlns:m=\"http://schemas.microsoft.com/office/2004/12/omml\"\r\n"
                "xmlns=\"http://www.w3.org/TR/REC-html40\">\r\n\r\n<head>\r\n"
                f"<meta http-equiv=Content-Type content=\"text/html; charset={self.charset}\">\r\n"
                "<meta name=ProgId content=Word.Document>\r\n<meta name=Generator content=\"Microsoft Word 15\">\r\n"
                "<meta name=Originator content=\"Microsoft Word 15\">\r\n"
                f"<link rel=File-List href=\"{self.name}_files/filelist.xml\">\r\n"
                "<!--[if gte mso 9]><xml>\r\n <o:DocumentProperties>\r\n  <o:Author>МАГ</o:Author>\r\n"
                "  <o:Pages>3</o:Pages>\r\n  <o:Version>16.00</o:Version>\r\n </o:DocumentProperties>\r\n"
                f"</xml><![endif]-->\r\n<link rel=themeData href=\"{self.name}_files/themedata.thmx\">\r\n"
                "<!--[if gte mso 9]><xml>\r\n <w:WordDocument>\r\n  <w:SpellingState>Clean</w:SpellingState>\r\n"
                "  <w:GrammarState>Clean</w:GrammarState>\r\n  <w:TrackMoves>false</w:TrackMoves>\r\n"
                "  <w:LidThemeOther>RU</w:LidThemeOther>\r\n </w:WordDocument>\r\n</xml><![endif]-->\r\n"
                f"<style>\r\n<!--\r\n{WORD_FONTS}{styles}{WORD_LISTS}-->\r\n</style>\r\n"
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
WORD_COLUMNS = ("@page WordSection2\r\n\t{size:595.3pt 841.9pt;\r\n\tmargin:2.0cm 42.5pt 2.0cm 3.0cm;\r\n"
                "\tmso-columns:2 even 35.4pt;}\r\ndiv.WordSection2\r\n\t{page:WordSection2;}\r\n")
WORD_COLUMNS_FILTERED = ("@page WordSection2\r\n\t{size:595.3pt 841.9pt;\r\n\tmargin:2.0cm 42.5pt 2.0cm 3.0cm;}\r\n"
                         "div.WordSection2\r\n\t{page:WordSection2;}\r\n")
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
    """One Google Docs "Web page" export of a laid-out plan."""

    def __init__(self, document: Document, features: Features = Features(), verbatim: bool = False):
        self.document = document
        self.features = features
        self.verbatim = verbatim  # punctuation as named entities, as Google Docs writes it
        self.numbers = Numbers()
        self.notes = 0
        self.uses = set()  # the optional classes and list styles the page needs in its <style>
        self.comments: list[str] = []  # the comments' texts, in order

    def span(self, css_class: str, content: str) -> str:
        return f'<span class="{css_class}">{content}</span>'

    def paragraph(self, para: Para, css_class: str = "c0") -> str:
        """A paragraph: runs of one formatting as spans of one class (.c3 bold, .c4 plain,
        .c4.c7 raised), line breaks inside them, note references as <sup><a>."""
        if para.style == "Plan_20_Title":
            css_class = "c2"
        parts: list[list] = []  # [class, content]; class None: a note reference, outside the spans
        for inline in para.inlines:
            if isinstance(inline, Note):
                self.notes += 1
                parts.append([None, f'<sup><a href="#ftnt{self.notes}" id="ftnt_ref{self.notes}">[{self.notes}]</a></sup>'])
                continue
            if isinstance(inline, LineBreak):
                content, kind = "<br>", parts[-1][0] if parts and parts[-1][0] else "c4"
            else:
                content = text(inline.text)
                kind = "c4 c7" if inline.superscript else "c3" if inline.bold or para.style == "Plan_20_Title" else "c4"
            if parts and parts[-1][0] == kind:
                parts[-1][1] += content
            else:
                parts.append([kind, content])
        if not any(kind for kind, _ in parts):
            parts.insert(0, ["c4", ""])
        return f'<p class="{css_class}">' + "".join(
            self.span(kind, content) if kind else content for kind, content in parts) + "</p>"

    def cell(self, paragraphs: list[str], colspan: int = 1, rowspan: int = 1, borders: bool = True) -> str:
        css_class = "c1" if borders else "c13"
        if not borders:
            self.uses.add("borderless")
        return (f'<td class="{css_class}" colspan="{colspan}" rowspan="{rowspan}">'
                f'{"".join(paragraphs) or self.paragraph(Para(()))}</td>')

    def bullets(self, items: tuple[str, ...]) -> str:
        self.numbers.new_list()
        lis = "".join(f'<li class="c5 li-bullet-0"><span class="c4">{text(item)}</span></li>' for item in items)
        return f'<ul class="c8 lst-kix_4n2g6ky1b0-0 start">{lis}</ul>'

    def numbered(self, number: ListNumber) -> str:
        """A number cell: an empty item of a numbered list that goes on from cell to cell; each
        <ol> says where it starts, the list's first also by the class "start"."""
        lists, drawn, first = self.numbers.draw(number)
        name = f"lst-kix_{GOOGLE_NUMBER_LISTS[lists % len(GOOGLE_NUMBER_LISTS)]}-0"
        self.uses.add(name)
        return (f'<ol class="c8 {name}{" start" if first else ""}" start="{drawn}">'
                '<li class="c5 li-bullet-0"><span class="c4"></span></li></ol>')

    def cell_blocks(self, table: Table, cell: Cell, commented: bool = False) -> list[str]:
        """A cell's paragraphs; ``commented``: its first paragraph's text the scope of a comment."""
        out = []
        for number, block in enumerate(cell.blocks):
            if commented and number == 0 and isinstance(block, Para) and block.inlines:
                self.comments.append(COMMENT_TEXT)
                mark = google_comment_mark(len(self.comments))
                out.append(self.paragraph(block)[:-len("</p>")]
                           + f'<sup><a href="#cmnt{len(self.comments)}" id="cmnt_ref{len(self.comments)}">{mark}</a></sup></p>')
            elif isinstance(block, ListNumber):
                out.append(self.numbered(block))
            elif isinstance(block, BulletList):
                out.append(self.bullets(block.items))
            else:
                out.append(self.paragraph(block, "c2" if is_centred_heading(table, cell) and block.inlines else "c0"))
        return out

    def table(self, table: Table) -> str:
        rows = []
        for index, (row, spans) in enumerate(zip(table.rows, row_spans(table, self.features.merge_continued))):
            commented = self.features.comments and is_commented_row(table, index)
            cells = "".join(self.cell(self.cell_blocks(table, cell, commented and number == 1), cell.span, rowspan,
                                      table.borders)
                            for number, (cell, rowspan) in enumerate(zip(row.cells, spans)) if rowspan)
            rows.append(f'<tr class="c10">{cells}</tr>')
        return f'<table class="c9">{"".join(rows)}</table>'

    def body(self, blocks: list) -> list[str]:
        out = []
        for block in blocks:
            if block is None:
                out.append(GOOGLE_PAGE_BREAK)
            elif isinstance(block, Table):
                out.append(self.table(block))
            else:
                out.append(self.paragraph(block))
        return out

    def page(self) -> bytes:
        main, annex = arranged(self.document, self.features)
        body = self.body(main + annex)
        notes = notes_of(self.document)
        if notes:
            body.append('<hr class="c8">' + "".join(
                f'<div><p class="c11"><a href="#ftnt_ref{n}" id="ftnt{n}">[{n}]</a>'
                f'<span class="c4 c6">&nbsp;{text(note)}</span></p></div>' for n, note in enumerate(notes, start=1)))
        body += [f'<div class="c13"><p class="c11"><a href="#cmnt_ref{n}" id="cmnt{n}">{google_comment_mark(n)}</a>'
                 f'<span class="c4">{text(comment)}</span></p><p class="c11"><span class="c4">{text(COMMENT_REPLY)}'
                 '</span></p></div>' for n, comment in enumerate(self.comments, start=1)]
        style = GOOGLE_STYLE + "".join(google_list_style(name) for name in sorted(self.uses) if name.startswith("lst-"))
        style += GOOGLE_BORDERLESS if "borderless" in self.uses else ""
        page = ('<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">'
                f'<style type="text/css">{style}</style></head><body class="c12 doc-content">'
                + "".join(body) + "</body></html>")
        return (google_entities(page) if self.verbatim else page).encode("utf-8")


GOOGLE_NUMBER_LISTS = ("7c2mxo3l4t1r", "q0d8v3k9x2ab", "m5h1j7e2w9zc", "b3n6t8y1u4pq")
GOOGLE_PAGE_BREAK = '<hr style="page-break-before:always;display:none;">'
GOOGLE_BORDERLESS = (".c13{border-right-style:solid;padding:5pt 5pt 5pt 5pt;border-bottom-color:#000000;"
                     "border-top-width:0pt;border-right-width:0pt;border-left-color:#000000;vertical-align:top;"
                     "border-right-color:#000000;border-left-width:0pt;border-top-style:solid;border-left-style:solid;"
                     "border-bottom-width:0pt;border-top-color:#000000;border-bottom-style:solid}")


def google_comment_mark(number: int) -> str:
    """A comment's mark as Google Docs letters it: [a], [b], ... [z], [aa], ..."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return f"[{letters}]"


def google_list_style(name: str) -> str:
    """The rules Google writes for a numbered list: the number drawn from a CSS counter."""
    counter = name.replace("lst-kix_", "lst-ctn-kix_")
    return (f"ol.{name}{{list-style-type:none}}.{name}>li:before{{content:\"\" counter({counter},decimal) \". \"}}"
            f".{name}>li{{counter-increment:{counter}}}ol.{name}.start{{counter-reset:{counter} 0}}")



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


# The layouts of the committed pages: Word's № column made by its numbering button, so Word
# draws the numbers; Google Docs' typed.
WORD_LAYOUT = Layout(numbers="list")
GOOGLE_LAYOUT = Layout()


def producer_pages(plan, stem: str, word_layout: Layout = WORD_LAYOUT, google_layout: Layout = GOOGLE_LAYOUT,
                   features: Features = Features(), verbatim: bool = False, packed: bool = False) -> dict[str, bytes]:
    """The three producers' pages of ``plan`` laid out as asked, by file name (``stem``_word.html, ...);
    with ``packed``, also Google Docs' zipped page (``stem``_google_docs_zipped.zip) and Word's
    Single File Web Page (``stem``_word_single_file.mht)."""
    word, google = plan_document(plan, word_layout), plan_document(plan, google_layout)
    pages = {
        f"{stem}_word.html": WordPage(word, False, f"{stem}_word", features, verbatim).page(),
        f"{stem}_word_filtered.html": WordPage(word, True, f"{stem}_word_filtered", features, verbatim).page(),
        f"{stem}_google_docs.html": GooglePage(google, features, verbatim).page(),
    }
    if packed:
        single = WordPage(word, False, f"{stem}_word_single_file", features, verbatim).page()
        pages[f"{stem}_google_docs_zipped.zip"] = google_zipped(pages[f"{stem}_google_docs.html"], plan.title_lines[0])
        pages[f"{stem}_word_single_file.mht"] = word_single_file(single, f"{stem}_word_single_file")
    return pages


# Packed pages: Google Docs' download is "Web page (.html, zipped)", the page named after the
# document with its spaces dropped (and an images/ folder when it has pictures; the plan has
# none); Word's "Single File Web Page" (.mht) is a MIME multipart/related message: the page
# quoted-printable, then the parts it links (its filelist and colour map; the theme left out).
PACKED_TIME = (2024, 1, 15, 9, 30, 0)
MHT_BOUNDARY = "----=_NextPart_01DA4B7C.5E2A1F40"
MHT_FOLDER = "file:///C:/5E2A1F40"
MHT_PREAMBLE = ("This document is a Single File Web Page, also known as a Web Archive file.  If you are seeing "
                "this message, your browser or editor doesn't support Web Archive files.  Please download a "
                "browser that supports Web Archive.")


def google_zipped(page: bytes, title: str) -> bytes:
    """Google Docs' "Web page (.html, zipped)" of ``page``, for a document titled ``title``."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo(title.replace(" ", "") + ".html", PACKED_TIME), page,
                         compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def word_single_file(page: bytes, name: str, charset: str = "windows-1251") -> bytes:
    """Word's "Single File Web Page" (.mht) of its "Web Page" ``page`` named ``name``, saved in
    ``charset`` (a name of WORD_CHARSETS): the part says it; a UTF-16 page ("unicode", its
    byte-order mark first) is no lines of text, so it goes base64, the others quoted-printable."""
    import base64
    import quopri

    def part(location: str, kind: str, body: bytes, binary: bool = False) -> bytes:
        transfer, encoded = ("base64", base64.encodebytes(body)) if binary else \
            ("quoted-printable", quopri.encodestring(body))
        return (f"--{MHT_BOUNDARY}\r\nContent-Location: {MHT_FOLDER}/{location}\r\n"
                f"Content-Transfer-Encoding: {transfer}\r\nContent-Type: {kind}\r\n\r\n").encode("ascii") \
            + encoded + b"\r\n\r\n"

    files = f"{name}_files"
    filelist = ('<xml xmlns:o="urn:schemas-microsoft-com:office:office">\r\n'
                f' <o:MainFile HRef="../{name}.htm"/>\r\n <o:File HRef="colorschememapping.xml"/>\r\n'
                ' <o:File HRef="filelist.xml"/>\r\n</xml>').encode("ascii")
    colours = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<a:clrMap '
               'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" bg1="lt1" tx1="dk1" bg2="lt2" '
               'tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" '
               'accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>').encode("ascii")
    return (f'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="{MHT_BOUNDARY}"\r\n\r\n'
            f"{MHT_PREAMBLE}\r\n\r\n").encode("ascii") \
        + part(f"{name}.htm", f'text/html; charset="{charset}"', page, binary=bool(WORD_CHARSETS[charset][1])) \
        + part(f"{files}/colorschememapping.xml", "text/xml", colours) \
        + part(f"{files}/filelist.xml", 'text/xml; charset="utf-8"', filelist) \
        + f"--{MHT_BOUNDARY}--\r\n".encode("ascii")


def write_pages(year: str, out: Path, libreoffice: bool = True, prints: tuple[str, ...] = ("word",)) -> list[Path]:
    """The producers' pages of the plan of ``year`` (samples/plans/plan_YEAR.py) written into
    ``out``, with LibreOffice's XHTML of samples/plan_YEAR.docx and Chromium's prints of the
    pages named in ``prints`` ("word" prints plan_YEAR_word.html as plan_YEAR_word_chrome.pdf)."""
    plan = importlib.import_module(f"plans.plan_{year}").PLAN
    stem = f"plan_{year}"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    pages = producer_pages(plan, stem, packed=year == "2024")
    for name, data in pages.items():
        (out / name).write_bytes(data)
        written.append(out / name)
    if libreoffice:
        written.append(libreoffice_xhtml(HERE / f"{stem}.docx", out / f"{stem}_libreoffice.xhtml.html"))
    for kind in prints:
        written.append(chromium_print(out / f"{stem}_{kind}.html", out / f"{stem}_{kind}_chrome.pdf"))
    return written


def write_every_layout(year: str, out: Path, features: Features = Features()) -> list[Path]:
    """Every layout of ``samplekit.layout.every_layout`` of the plan of ``year``, each as the three
    producers' pages laid out alike (Word's numbers drawn where the layout numbers by list), written
    ``verbatim`` (Word's lines wrapped, Google's entities), into
    ``out`` as v``YEAR``_``LAYOUT``_word.html and so on, for a sweep; with ``features`` added."""
    plan = importlib.import_module(f"plans.plan_{year}").PLAN
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, layout in every_layout().items():
        stem = f"v{year}_{name}"
        pages = producer_pages(plan, stem, layout, layout, features, verbatim=True, packed=True)
        for page, data in pages.items():
            (out / page).write_bytes(data)
            written.append(out / page)
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
    parser.add_argument("--every-layout", action="store_true",
                        help="with --plan: write the three producers' pages of every samplekit layout "
                             "(samplekit.layout.every_layout) into --out, and nothing else")
    parser.add_argument("--features", action="store_true",
                        help="with --every-layout: add every Features (page breaks, a split event table, "
                             "merged cells, Word's two-column annex section)")
    args = parser.parse_args(argv)
    libreoffice, chromium = not args.no_libreoffice, not args.no_chromium
    if args.every_layout:
        if not args.plan:
            parser.error("--every-layout needs --plan YEAR")
        written = write_every_layout(args.plan, args.out, EVERY_FEATURE if args.features else Features())
    elif args.plan:
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
