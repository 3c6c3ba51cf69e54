"""The PDF reader's settings: every threshold in one place, with its reason.

Like pdfplumber's ``TableSettings``: the reader's steps take this object
instead of scattering numbers. Distances marked "em" are multiples of the font
size of the text they are measured on, so one set of defaults reads 10pt and
14pt documents alike; the others are PDF points (1/72 inch).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PdfSettings:
    """Thresholds for reading text, tables and page furniture from a PDF."""

    # -- glyphs into lines and runs --------------------------------------
    # Glyphs whose vertical centres differ by less than this (em) share a line.
    line_overlap: float = 0.5
    # A gap between two glyphs wider than this (em) is a word space even when
    # the PDF draws no space glyph there.
    word_gap: float = 0.15
    # A glyph smaller than this share of its line's size, whose baseline sits
    # higher than ``raised_baseline`` (em), is a superscript.
    superscript_size: float = 0.85
    raised_baseline: float = 0.1
    # A run of glyphs of any size whose baseline is raised above the line's by more
    # than this (em) is a superscript when it reads as a note marker ("1", "[1]", "*"):
    # a full-size marker raised less than ``marker_rise`` joins its line by its centre.
    # (Fonts on one baseline differ in descent by a few hundredths of an em.)
    marker_raise: float = 0.25
    # A note's number raised at full size ("[1]" after a heading or at a footnote's
    # start, as a browser prints Word's nested footnote-reference styles) sits too
    # high to join its line by its centre. A line that is only such a marker, whose
    # baseline is raised by less than ``marker_rise`` (em of the line it touches; the
    # line above sits a whole line higher) and which touches that line's start, end
    # or a gap in it within ``marker_gap`` (em), is that line's superscript.
    marker_rise: float = 0.95
    marker_gap: float = 0.35
    # A font whose name holds one of these words is bold.
    bold_font_words: tuple[str, ...] = ("bold", "black", "heavy", "semibold", "demi")
    # Browsers draw a list's bullet as a filled dot, not a glyph: a filled round
    # shape at most this wide (pt) is read as a bullet "•", set in a type size its
    # diameter is ``dot_em`` of (a disc is about a third of an em).
    dot_max_width: float = 8.0
    dot_em: float = 0.3

    # -- lines into paragraphs ------------------------------------------
    # A vertical gap between lines larger than this (em) starts a paragraph.
    paragraph_gap: float = 0.5
    # A line that starts further right than a left-aligned line above it, by
    # more than this (em), starts a paragraph (a first-line indent).
    indent: float = 0.5
    # Slack (pt) when asking whether the next line's first word would have
    # fitted at the end of this one; ties count as "did not fit" (a wrap).
    fit_slack: float = 1.0
    # A producer that leaves the space it wrapped at on the line's end does so
    # on at least this many lines of a document; then a line without one was
    # ended by hand, even where the next word would not have fitted.
    wrap_space_lines: int = 3
    # ... and on at least this share of the lines where a wrap was due (the next line's first
    # word would not have fitted): such a producer leaves one at every wrap, while a few
    # spaces among many wraps without one are the text's own, ending a run of it (Chromium
    # draws a space that closes a <span> at the line's end, and none inside one).
    wrap_space_share: float = 0.5
    # A word is cut without a hyphen only when it is longer than its column, and
    # then usually by a little: the piece carried to the next line is short. A
    # line too full for a space after it looks the same whether it ends a whole
    # word or cuts one, so there only a piece of at most this many letters is
    # glued back; a longer one is taken for the next word.
    cut_tail_letters: int = 3
    # Slack (pt) when asking whether not even the next line's first letter would have
    # fitted at the end of this one (``joins.looks_cut``): none for a PDF's glyphs, which
    # span their advances; a scan's are measured by their ink, narrower by the letters'
    # side bearings, so a cut line's end and the letter after it measure short of the edge.
    cut_slack: float = 0.0
    # How close (pt) x positions must be to count as aligned.
    align_tolerance: float = 2.0

    # -- tables without ruling lines ------------------------------------
    # A gap between glyphs wider than this (em), spaces ignored, separates
    # two columns' text on one line.
    column_gap: float = 0.4
    # A line's piece that crosses a column edge where the table's other lines start a
    # column is cut there when a glyph starts at the edge at least this far (em) from
    # the one before it (two cells' texts closer than ``column_gap``; a word's letters
    # are at most a few hundredths of an em apart).
    edge_gap: float = 0.05
    # A column edge is where pieces of at least this share of the page's lines with text
    # in two or more columns start.
    edge_share: float = 0.25
    # A vertical gap wider than this (em) separates two rows.
    row_gap: float = 0.4
    # A vertical gap wider than this (em) ends the table ...
    table_gap: float = 1.0
    # ... unless it is at most this (em) and the line below has text in two or more
    # columns, each piece at one of the table's column edges: a row spaced out.
    spaced_row_gap: float = 2.5
    # Fewest lines with text in two or more columns that make a table.
    min_table_lines: int = 2

    # -- tables over several pages --------------------------------------
    # Column edges of a table continued on the next page match within this (pt).
    column_tolerance: float = 3.0
    # How far (pt) a page's content may lie shifted as a whole from the page before's: none in
    # a printed PDF; a scanned or photographed sheet is never laid twice in the same place.
    page_shift: float = 0.0

    # -- page furniture and footnotes -----------------------------------
    # A running header or footer lies within this share of the page height
    # from the top or bottom edge.
    furniture_zone: float = 0.12
    # A footnote rule is a horizontal line at most this share of the text width.
    footnote_rule_width: float = 0.5
    # Footnote text is at most this share of the body text size.
    footnote_size: float = 0.92


DEFAULT_SETTINGS = PdfSettings()
