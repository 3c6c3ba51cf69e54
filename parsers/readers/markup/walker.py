"""HTML markup to blocks: the walker the HTML and the text reader share.

The HTML reader reads a whole page with it; the text reader reads the HTML
fragments its export leaves inside lines and cells, so ``<b>``, ``<sup>``,
``<ul><li>`` and ``<br>`` mean the same in both. As in python-mammoth's body
reader, each kind of element has one small handler.

lxml's HTML parser (libxml2, the parser BeautifulSoup's "lxml" mode drives)
reports each element's start and end and the text between to the walker, which
builds blocks as they come: no parse tree is built, so a page costs the memory
of its blocks, and nesting costs neither stack nor time. Markup nested deeper
than ``Limits.max_html_depth`` is refused at the first element past it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, NamedTuple

from lxml import etree

from parsers.errors import IngestError
from parsers.limits import DEFAULT_LIMITS
from parsers.blocks import Block, Cell, Footnote, Paragraph, Row, Table
from parsers.readers.markup.inline import Piece, normalise_runs

# --- Vocabularies: what an element means -------------------------------------

# Never read: metadata, styling, scripts, Word's empty-paragraph filler <o:p>
# and its XML data islands.
SKIPPED = frozenset(
    {"head", "title", "style", "script", "noscript", "template", "meta", "link", "o:p", "xml"}
)
# Elements that start and end a paragraph (tables and lists have their own roles).
BLOCKS = frozenset(
    {
        "html", "body", "p", "div", "blockquote", "address", "center", "section",
        "article", "aside", "header", "footer", "main", "nav", "figure",
        "figcaption", "form", "fieldset", "legend", "dl", "dt", "dd", "hr",
        "details", "summary", "caption",
    }
)  # fmt: skip
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
LISTS = {"ul": "bullet", "ol": "number", "dir": "bullet", "menu": "bullet"}
TABLE_PARTS = frozenset({"tr", "td", "th", "thead", "tbody", "tfoot"})
BOLD_TAGS = frozenset({"b", "strong"})
SUPERSCRIPT_TAGS = frozenset({"sup"})
BOLD_WEIGHTS = frozenset({"bold", "bolder", "600", "700", "800", "900"})
SUPERSCRIPT_ALIGNS = frozenset({"super", "top", "text-top"})

# Span limits from the HTML standard; anything larger is damage, not layout.
MAX_COLSPAN = 1000
MAX_ROWSPAN = 65534

# Footnotes as the exporters write them. LibreOffice: <a class="sdfootnoteanc">
# cites, <div id="sdfootnote1"> holds the note and its <a class="sdfootnotesym">.
# Word: <a style="mso-footnote-id:ftn1"> both cites and, inside
# <div style="mso-element:footnote" id="ftn1">, marks the note; a filtered Word
# page keeps only the href="#_ftn1" / "#_ftnref1" pairs.
NOTE_ANCHOR_CLASSES = frozenset({"sdfootnoteanc", "sdendnoteanc", "sdfootnotesym", "sdendnotesym"})
NOTE_ANCHOR_STYLES = ("mso-footnote-id", "mso-endnote-id")
NOTE_ANCHOR_HREF = re.compile(r"#_?(?:ftn|edn)(?:ref)?\d+")
NOTE_BODY_ID = re.compile(r"sd(?:foot|end)note\d+|_?(?:ftn|edn)\d+")
NOTE_BODY_ELEMENTS = frozenset({"footnote", "endnote"})  # values of Word's mso-element
NOTE_MARKER_BRACKETS = "[]"

# Word writes a list paragraph as <p style="mso-list:l0 level2 lfo1"> whose
# first span (mso-list:Ignore) holds the bullet glyph or the number.
WORD_LIST_LEVEL = re.compile(r"\blevel(?P<level>[0-9]{1,2})\b")
_NUMBER = r"(?:\d+|[a-zа-я]|[ivxlcdm]+)"
NUMBERED_MARKER = re.compile(rf"\(?{_NUMBER}[.)]", re.IGNORECASE)

# Unicode's own separators; the text reader writes its paragraph breaks as these.
PARAGRAPH_SEPARATOR = "\u2029"
LINE_SEPARATOR = "\u2028"

# The style properties this reader understands; other styles are not even parsed.
READ_STYLES = re.compile(r"font-weight|vertical-align|display|mso-", re.IGNORECASE)
NO_STYLES: dict[str, str] = {}

# The whitespace a browser collapses (a no-break space is not among it).
COLLAPSIBLE_WHITESPACE = " \t\n\r\f"

# Characters without which a fragment is plain text (no tags, no entities).
MARKUP_STARTS = ("<", "&")

SKIP = object()  # a handler's answer: do not read this element's content


class _Collect(NamedTuple):
    """A handler's answer: do not read this element's content as text, but hand its
    text to ``then`` when the element closes (a note marker, Word's list glyph)."""

    then: Callable[[str], None]


def read_page(text: str, max_depth: int = DEFAULT_LIMITS.max_html_depth
              ) -> tuple[tuple[Block, ...], tuple[Footnote, ...]]:
    """Blocks (paragraphs and tables, in order) and footnotes of a whole page.

    Raises IngestError when elements nest deeper than ``max_depth``.
    """
    walker = _Walker(tables=True, max_depth=max_depth)
    _parse(text, walker)
    return tuple(walker.body), tuple(walker.footnotes)


def fragment_paragraphs(markup: str) -> tuple[Paragraph, ...]:
    """Paragraphs and list items of an HTML fragment, read as the content of one cell.

    Tables inside the fragment are flattened into paragraphs, as in a cell.
    """
    walker = _Walker(tables=False, max_depth=DEFAULT_LIMITS.max_html_depth)
    if any(char in markup for char in MARKUP_STARTS):
        # Read as the body's content: after head-only markup such as <style>, libxml2
        # would drop a stray <td> (a cell's own markup) and its text.
        _parse("<body>" + markup, walker)
    else:  # plain text, as the parser would hand it over: skip the parser
        walker.text(markup)
        walker.flush()
    return tuple(walker.body)


def _parse(text: str, walker: "_Walker") -> None:
    """Run lxml's HTML parser (libxml2: tolerant, never refuses bad tags) with the walker
    as its target: the walker hears each element open and close and the text between,
    and no tree is built, so memory follows the blocks read, not the markup.

    No network and no entities but HTML's own (a DOCTYPE's declarations are not
    read); ``huge_tree`` stays off, so libxml2's own size limits hold. Fed as text, so an
    XML prologue naming a charset is ignored: the bytes were decoded already.
    """
    parser = etree.HTMLParser(target=walker, recover=True, no_network=True, huge_tree=False)
    parser.feed(text)
    parser.close()


# --- Element roles ----------------------------------------------------------


def style_declarations(style: str) -> dict[str, str]:
    """A style attribute as {property: value}, both lower-cased."""
    found = {}
    for declaration in style.split(";"):
        name, colon, value = declaration.partition(":")
        if colon:
            found[name.strip().lower()] = " ".join(value.split()).lower()
    return found


def _inline_change(name: str, styles: dict[str, str]) -> tuple[bool | None, bool | None]:
    """(bold, superscript) the element switches on or off; None leaves it as it is."""
    bold = True if name in BOLD_TAGS else None
    superscript = True if name in SUPERSCRIPT_TAGS else None
    weight = styles.get("font-weight")
    if weight:
        bold = weight in BOLD_WEIGHTS
    align = styles.get("vertical-align")
    if align:
        superscript = align in SUPERSCRIPT_ALIGNS
    return bold, superscript


def _is_note_anchor(attrs: dict[str, str], styles: dict[str, str]) -> bool:
    classes = attrs.get("class", "").split()
    if any(name in NOTE_ANCHOR_CLASSES for name in classes):
        return True
    if any(name in styles for name in NOTE_ANCHOR_STYLES):
        return True
    return bool(NOTE_ANCHOR_HREF.fullmatch(attrs.get("href") or ""))


def _is_note_body(attrs: dict[str, str], styles: dict[str, str]) -> bool:
    if styles.get("mso-element") in NOTE_BODY_ELEMENTS:
        return True
    element_id = attrs.get("id")
    return bool(element_id and NOTE_BODY_ID.fullmatch(element_id))


def _marker_text(text: str) -> str:
    """A note anchor's visible marker, without Word's brackets: "[1]" -> "1"."""
    return text.strip().strip(NOTE_MARKER_BRACKETS).strip()


def _digits(value: str) -> str:
    found = re.search(r"[0-9]+", value)
    return found.group() if found else ""


def _span(value: str | None, limit: int) -> int:
    """A colspan/rowspan attribute as a number from 1 to ``limit``."""
    if value is None:  # most cells: no regular expression needed
        return 1
    digits = _digits(value)
    if len(digits) > len(str(limit)):  # int() refuses thousands of digits; any such span is huge
        return limit
    return min(max(int(digits or 1), 1), limit)


# --- The walk ---------------------------------------------------------------


class _ParagraphProps(NamedTuple):
    heading_level: int | None = None
    list_kind: str | None = None
    list_level: int = 0


@dataclass
class _TableBuilder:
    rows: list[Row]
    cells: list[Cell] | None = None  # the open row's cells
    header_cells: int = 0
    in_head: int = 0

    def close_row(self) -> None:
        if self.cells is None:
            return
        is_header = bool(self.in_head) or (bool(self.cells) and self.header_cells == len(self.cells))
        self.rows.append(Row(cells=tuple(self.cells), is_header=is_header))
        self.cells, self.header_cells = None, 0

    def open_row(self) -> None:
        self.close_row()
        self.cells, self.header_cells = [], 0


class _Walker:
    """Builds paragraphs, tables and footnotes from the parser's events: an lxml parser
    target (``start``, ``end``, ``data``, ``close``). Entering an element runs its
    handler, which returns what to undo when the element closes (or SKIP, or _Collect)."""

    def __init__(self, tables: bool, max_depth: int):
        self.tables = tables
        self.max_depth = max_depth
        self.body: list[Block] = []
        self.containers: list[list] = [self.body]  # where finished paragraphs go
        self.footnotes: list[Footnote] = []
        self.pieces: list[Piece] = []  # the paragraph being read
        self.props = _ParagraphProps()
        self.lists: list[str] = []
        self.bold = False
        self.superscript = False
        self.preformatted = 0
        self.table: _TableBuilder | None = None
        self.flattened = 0  # depth of tables read as plain paragraphs
        self.note_marker: list[str | None] | None = None  # set inside a footnote body
        self.leaves: list = []  # per open element read: what to undo when it closes, or None
        self.buffered: list[str] = []  # text since the last tag (the parser splits it at entities)
        self.skipped = 0  # elements open inside one whose content is not read
        self.collected: list[str] | None = None  # that element's text, when its handler wants it
        self.then: Callable[[str], None] | None = None

    # The parser target -------------------------------------------------------

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """An element opens: apply its meaning, or count it inside skipped content."""
        if self.buffered:
            self.release_text()
        if len(self.leaves) + self.skipped >= self.max_depth:
            raise IngestError(f"refused: the markup nests elements more than {self.max_depth} deep "
                              "(a damaged or hostile page)")
        if self.skipped:
            self.skipped += 1
            return
        if attrs:
            on_leave = self.enter_attributed(name, attrs)
        else:  # most elements: the name alone says what they mean
            handler = PLAIN_HANDLERS.get(name)
            on_leave = handler(self, name, attrs) if handler is not None else None
        if on_leave is SKIP:
            self.skipped = 1
        elif type(on_leave) is _Collect:
            self.skipped, self.collected, self.then = 1, [], on_leave.then
        else:
            self.leaves.append(on_leave)

    def end(self, name: str) -> None:
        """An element closes (the parser closes every element it opened, in order)."""
        if self.buffered:
            self.release_text()
        if self.skipped:
            self.skipped -= 1
            if not self.skipped and self.collected is not None:
                self.release_collected()
            return
        on_leave = self.leaves.pop()
        if on_leave is not None:
            on_leave()

    def data(self, text: str) -> None:
        """Text between tags, perhaps in pieces: kept until the next tag."""
        if not self.skipped:
            self.buffered.append(text)
        elif self.collected is not None:
            self.collected.append(text)

    def close(self) -> None:
        """The end of the markup (the parser has closed every element): the last paragraph."""
        if self.buffered:
            self.release_text()
        self.flush()

    def release_text(self) -> None:
        text = self.buffered[0] if len(self.buffered) == 1 else "".join(self.buffered)
        self.buffered = []
        self.text(text)

    def release_collected(self) -> None:
        collected, then = "".join(self.collected), self.then
        self.collected = self.then = None
        then(collected)

    # Entering an element -----------------------------------------------------

    def enter_attributed(self, name: str, attrs: dict[str, str]):
        """Apply an element's meaning, its style, class, id or href included; return SKIP,
        _Collect, or what to undo when it closes."""
        if name in SKIPPED:
            return SKIP
        style = attrs.get("style")
        styles = style_declarations(style) if style and READ_STYLES.search(style) else NO_STYLES
        if styles.get("display", "").startswith("none"):
            return SKIP
        if "mso-list" in styles and name == "span" and styles["mso-list"] == "ignore":
            return _Collect(self.word_list_marker)
        if name == "a" and _is_note_anchor(attrs, styles):
            return _Collect(lambda text: self.note_anchor(text, attrs))
        if name == "br":
            return self.enter_break()
        undo_inline = self.enter_inline(name, styles)
        undo_block = self.enter_structure(name, attrs, styles)
        if undo_inline and undo_block:
            return lambda: (undo_block(), undo_inline())
        return undo_block or undo_inline

    def enter_break(self):
        self.pieces.append(Piece("\n", self.bold, self.superscript, mode="break"))
        return SKIP

    def enter_structure(self, name: str, attrs: dict[str, str], styles: dict[str, str]):
        if _is_note_body(attrs, styles):  # a note body is marked by its id or style
            return self.enter_note_body(attrs)
        if "mso-list" in styles and name == "p":
            return self.enter_word_list_paragraph(styles["mso-list"])
        handler = STRUCTURE_HANDLERS.get(name)
        return handler(self, name, attrs) if handler is not None else None

    def enter_table_part_or_block(self, name: str, attrs: dict[str, str]):
        """A row or cell of the open table; outside one (or in a flattened table) a paragraph."""
        if self.table is not None and not self.flattened:
            return self.enter_table_part(name, attrs)
        return self.enter_block()

    def enter_list_item(self):
        return self.enter_block(list_kind=self.lists[-1] if self.lists else "bullet",
                                list_level=max(len(self.lists) - 1, 0))

    def enter_inline(self, name: str, styles: dict[str, str]):
        if styles is NO_STYLES and name not in BOLD_TAGS and name not in SUPERSCRIPT_TAGS:
            return None
        bold, superscript = _inline_change(name, styles)
        if bold is None and superscript is None:
            return None
        saved = (self.bold, self.superscript)
        if bold is not None:
            self.bold = bold
        if superscript is not None:
            self.superscript = superscript

        def undo():
            self.bold, self.superscript = saved

        return undo

    def enter_block(self, **changes):
        """A paragraph boundary; ``changes`` set heading or list properties inside it."""
        self.flush()
        saved = self.props
        self.props = saved._replace(**changes) if changes else saved

        def undo():
            self.flush()
            self.props = saved

        return undo

    def enter_list(self, kind: str):
        undo_block = self.enter_block()
        self.lists.append(kind)

        def undo():
            self.lists.pop()
            undo_block()

        return undo

    def enter_word_list_paragraph(self, mso_list: str):
        level = WORD_LIST_LEVEL.search(mso_list)
        if not level:  # mso-list:none and the like: an ordinary paragraph
            return self.enter_block()
        return self.enter_block(list_kind="bullet", list_level=max(int(level.group("level")) - 1, 0))

    def word_list_marker(self, text: str) -> None:
        """Word's bullet glyph or number: not text, but it says which kind of list."""
        if self.props.list_kind and NUMBERED_MARKER.fullmatch(text.strip()):
            self.props = self.props._replace(list_kind="number")

    def enter_preformatted(self):
        undo_block = self.enter_block()
        self.preformatted += 1

        def undo():
            undo_block()
            self.preformatted -= 1

        return undo

    # Footnotes ---------------------------------------------------------------

    def note_anchor(self, text: str, attrs: dict[str, str]) -> None:
        """A note anchor's text, read: a citation in the text, or a note body's own marker."""
        marker = _marker_text(text) or _digits(attrs.get("href") or attrs.get("name") or "")
        if self.note_marker is not None:  # the note's own marker, inside its body
            if self.note_marker[0] is None:
                self.note_marker[0] = marker
        elif marker:
            self.pieces.append(Piece(marker, self.bold, True, note=marker, mode="note"))

    def enter_note_body(self, attrs: dict[str, str]):
        self.flush()
        outer = (self.note_marker, self.props, self.lists)
        self.note_marker, self.props, self.lists = [None], _ParagraphProps(), []
        paragraphs: list[Paragraph] = []
        self.containers.append(paragraphs)

        def undo():
            self.flush()
            self.containers.pop()
            marker = self.note_marker[0] or _digits(attrs.get("id") or "")
            text = " ".join(paragraph.text for paragraph in paragraphs).strip()
            if marker or text:
                self.footnotes.append(Footnote(marker=marker, text=text))
            self.note_marker, self.props, self.lists = outer

        return undo

    # Tables ------------------------------------------------------------------

    def enter_table(self):
        """A table at the top level becomes a Table; one inside a cell or note is flattened."""
        if not self.tables or self.table is not None or self.containers[-1] is not self.body:
            undo_block = self.enter_block()
            self.flattened += 1

            def undo_flat():
                undo_block()
                self.flattened -= 1

            return undo_flat
        self.flush()
        self.table = _TableBuilder(rows=[])

        def undo():
            self.flush()  # stray text between cells is shown before the table
            table, self.table = self.table, None
            table.close_row()
            if table.rows:
                self.body.append(Table(rows=tuple(table.rows)))

        return undo

    def enter_table_part(self, name: str, attrs: dict[str, str]):
        table = self.table
        if name == "tr":
            table.open_row()
            return table.close_row
        if name in ("td", "th"):
            return self.enter_cell(name, attrs)
        if name == "thead":
            table.in_head += 1

            def undo_head():
                table.close_row()
                table.in_head -= 1

            return undo_head
        return None  # tbody, tfoot: only grouping

    def enter_cell(self, name: str, attrs: dict[str, str]):
        table = self.table
        if table.cells is None:  # a cell outside any <tr>
            table.open_row()
        self.flush()
        outer = (self.props, self.lists)
        self.props, self.lists = _ParagraphProps(), []
        paragraphs: list[Paragraph] = []
        self.containers.append(paragraphs)
        header = name == "th"
        col_span = _span(attrs.get("colspan"), MAX_COLSPAN) if attrs else 1
        row_span = _span(attrs.get("rowspan"), MAX_ROWSPAN) if attrs else 1

        def undo():
            self.flush()
            self.containers.pop()
            self.props, self.lists = outer
            cell = Cell(blocks=tuple(paragraphs), col_span=col_span, row_span=row_span)
            if table.cells is None:
                table.open_row()
            table.cells.append(cell)
            table.header_cells += header

        return undo

    # Text --------------------------------------------------------------------

    def text(self, text: str) -> None:
        """Queue text in the current formatting; Unicode separators break lines and paragraphs."""
        if self.preformatted:
            mode = "pre"
        elif not self.pieces and not text.strip(COLLAPSIBLE_WHITESPACE):
            return  # a paragraph's leading whitespace shows nothing (the layout between tags)
        else:
            mode = "flow"
        if PARAGRAPH_SEPARATOR in text or LINE_SEPARATOR in text:
            return self.separated_text(text, mode)
        self.pieces.append(Piece(text, self.bold, self.superscript, mode=mode))

    def separated_text(self, text: str, mode: str) -> None:
        for number, paragraph in enumerate(text.split(PARAGRAPH_SEPARATOR)):
            if number:
                self.flush()
            for line_number, line in enumerate(paragraph.split(LINE_SEPARATOR)):
                if line_number:
                    self.pieces.append(Piece("\n", self.bold, self.superscript, mode="break"))
                self.pieces.append(Piece(line, self.bold, self.superscript, mode=mode))

    def flush(self) -> None:
        """Turn the queued text into a paragraph in the current container (if it shows anything)."""
        if not self.pieces:
            return
        runs = normalise_runs(self.pieces)
        self.pieces = []
        if len(runs) == 1 and runs[0].text.strip() or any(run.text.strip() for run in runs):
            props = self.props
            self.containers[-1].append(
                Paragraph(
                    runs=runs,
                    heading_level=props.heading_level,
                    list_kind=props.list_kind,
                    list_level=props.list_level,
                )
            )


# --- What an element's name alone means --------------------------------------


def _handlers_by_name() -> tuple[dict, dict]:
    """Two tables of element name -> handler(walker, name, attrs). The first: what a
    structural element opens (table, row, cell, list, item, heading, paragraph), for every
    element. The second adds what an element without attributes may otherwise be (bold,
    superscript, skipped, a line break). An element named in neither only holds its content."""
    structure = {
        "table": lambda walker, name, attrs: walker.enter_table(),
        "li": lambda walker, name, attrs: walker.enter_list_item(),
        "pre": lambda walker, name, attrs: walker.enter_preformatted(),
    }
    structure.update(dict.fromkeys(BLOCKS, lambda walker, name, attrs: walker.enter_block()))
    structure.update(dict.fromkeys(TABLE_PARTS, _Walker.enter_table_part_or_block))
    for name, kind in LISTS.items():
        structure[name] = lambda walker, name, attrs, kind=kind: walker.enter_list(kind)
    for name, level in HEADINGS.items():
        structure[name] = lambda walker, name, attrs, level=level: walker.enter_block(heading_level=level)
    plain = dict(structure)
    inline = lambda walker, name, attrs: walker.enter_inline(name, NO_STYLES)  # noqa: E731
    plain.update(dict.fromkeys(BOLD_TAGS | SUPERSCRIPT_TAGS, inline))
    plain.update(dict.fromkeys(SKIPPED, lambda walker, name, attrs: SKIP))
    plain["br"] = lambda walker, name, attrs: walker.enter_break()
    return structure, plain


STRUCTURE_HANDLERS, PLAIN_HANDLERS = _handlers_by_name()
