"""HTML markup to blocks: the tree walker the HTML and the text reader share.

The HTML reader walks a whole page with it; the text reader walks the HTML
fragments its export leaves inside lines and cells, so ``<b>``, ``<sup>``,
``<ul><li>`` and ``<br>`` mean the same in both. As in python-mammoth's body
reader, each kind of element has one small handler. The walk is iterative, so
nesting costs time, not the stack; markup nested deeper than the limit
(``Limits.max_html_depth``) is refused before parsing, as BeautifulSoup's tree
building slows with depth times text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from bs4 import BeautifulSoup, NavigableString, Tag
from lxml import etree

from ingest.errors import IngestError
from ingest.limits import DEFAULT_LIMITS
from parsers.blocks import Block, Cell, Footnote, Paragraph, Row, Table
from parsers.inline import Piece, normalise_runs

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

SKIP = object()  # a handler's answer: do not walk this element's children


def parse_html(text: str, max_depth: int = DEFAULT_LIMITS.max_html_depth) -> BeautifulSoup:
    """Parse markup with lxml through BeautifulSoup (tolerant: never raises on bad tags).

    Markup nested deeper than ``max_depth`` raises IngestError before BeautifulSoup
    sees it: its tree building costs depth x text, a hang for a hostile page.
    """
    if nesting_exceeds(text, max_depth):
        raise IngestError(f"refused: the markup nests elements more than {max_depth} deep "
                          "(a damaged or hostile page)")
    return BeautifulSoup(text, "lxml")


def nesting_exceeds(text: str, max_depth: int) -> bool:
    """True when some element of the markup sits deeper than ``max_depth`` levels.

    lxml's parser (C, a few per cent of BeautifulSoup's time) reports each element to a
    gauge that only counts levels: no tree is built, so a long page costs no memory here
    (a tree of LibreOffice's 12 MB page took 130 MB), and a deep page stops at the limit.
    libxml2 nests at most 256 levels, so limits up to 255 are measured exactly.
    """
    if "<" not in text:
        return False
    gauge = _DepthGauge(max_depth)
    try:
        etree.fromstring(text, etree.HTMLParser(target=gauge, no_network=True, huge_tree=False))
    except (_TooDeep, ValueError, etree.LxmlError):
        pass  # past the limit; or markup lxml cannot take, on which BeautifulSoup has its own say
    return gauge.exceeded


class _TooDeep(Exception):
    """Raised by _DepthGauge to stop the parser at the first element past the limit."""


class _DepthGauge:
    """An lxml parser target that counts how deep the open elements nest, and stops the
    parser (``exceeded`` set) at the first element past ``limit``."""

    def __init__(self, limit: int):
        self.limit = limit
        self.depth = 0
        self.exceeded = False

    def start(self, tag, attrib) -> None:
        self.depth += 1
        if self.depth > self.limit:
            self.exceeded = True
            raise _TooDeep

    def end(self, tag) -> None:
        self.depth -= 1

    def close(self) -> None:
        return None


def read_tree(root: Tag) -> tuple[tuple[Block, ...], tuple[Footnote, ...]]:
    """Blocks (paragraphs and tables, in order) and footnotes of a parsed page."""
    walker = _Walker(tables=True)
    walker.walk(root)
    return tuple(walker.body), tuple(walker.footnotes)


def discard(tree: BeautifulSoup) -> None:
    """Free a parsed page now. Its elements link to one another (parent, siblings), so
    without this the tree waits for the cyclic collector while the extractor runs: a
    hundred megabytes for a 10,000-event page."""
    for child in list(tree.contents):
        if isinstance(child, Tag):
            child.decompose()


def fragment_paragraphs(markup: str) -> tuple[Paragraph, ...]:
    """Paragraphs and list items of an HTML fragment, read as the content of one cell.

    Tables inside the fragment are flattened into paragraphs, as in a cell.
    """
    walker = _Walker(tables=False)
    if any(char in markup for char in MARKUP_STARTS):
        # The leading tag keeps BeautifulSoup from taking short text for a file name.
        walker.walk(parse_html("<body>" + markup))
    else:  # plain text, as the parser would hand it over: skip the parser
        walker.text(markup)
        walker.flush()
    return tuple(walker.body)


# --- Element roles ----------------------------------------------------------


def style_declarations(style: str) -> dict[str, str]:
    """A style attribute as {property: value}, both lower-cased."""
    found = {}
    for declaration in style.split(";"):
        name, colon, value = declaration.partition(":")
        if colon:
            found[name.strip().lower()] = " ".join(value.split()).lower()
    return found


def _inline_change(tag: Tag, styles: dict[str, str]) -> tuple[bool | None, bool | None]:
    """(bold, superscript) the element switches on or off; None leaves it as it is."""
    bold = True if tag.name in BOLD_TAGS else None
    superscript = True if tag.name in SUPERSCRIPT_TAGS else None
    weight = styles.get("font-weight")
    if weight:
        bold = weight in BOLD_WEIGHTS
    align = styles.get("vertical-align")
    if align:
        superscript = align in SUPERSCRIPT_ALIGNS
    return bold, superscript


def _is_note_anchor(tag: Tag, styles: dict[str, str]) -> bool:
    classes = tag.get("class") or ()
    if any(name in NOTE_ANCHOR_CLASSES for name in classes):
        return True
    if any(name in styles for name in NOTE_ANCHOR_STYLES):
        return True
    return bool(NOTE_ANCHOR_HREF.fullmatch(tag.get("href") or ""))


def _is_note_body(tag: Tag, styles: dict[str, str]) -> bool:
    if styles.get("mso-element") in NOTE_BODY_ELEMENTS:
        return True
    element_id = tag.attrs.get("id")
    return bool(element_id and NOTE_BODY_ID.fullmatch(element_id))


def _marker_text(tag: Tag) -> str:
    """A note anchor's visible marker, without Word's brackets: "[1]" -> "1"."""
    return tag.get_text().strip().strip(NOTE_MARKER_BRACKETS).strip()


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
    """Walks a parsed tree once, building paragraphs, tables and footnotes."""

    def __init__(self, tables: bool):
        self.tables = tables
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

    def walk(self, root: Tag) -> None:
        """Visit every node depth-first with an explicit stack; leave handlers run on the way out."""
        # The stack holds nodes to visit and leave handlers (plain callables) to run:
        # one list of single items, no pairs to build, as the walk visits every node.
        stack: list[object] = [root]
        pop, push, extend, text = stack.pop, stack.append, stack.extend, self.text
        by_name, enter_attributed = PLAIN_HANDLERS, self.enter_attributed
        while stack:
            node = pop()
            kind = type(node)
            if kind is NavigableString:  # comments, doctypes, CDATA are subclasses
                text(str(node))
            elif kind is Tag or isinstance(node, Tag):
                if node.attrs:
                    on_leave = enter_attributed(node, node.name)
                else:  # most elements: the name alone says what they mean
                    handler = by_name.get(node.name)
                    on_leave = handler(self, node) if handler is not None else None
                if on_leave is SKIP:
                    continue
                if on_leave is not None:
                    push(on_leave)
                extend(reversed(node.contents))
            elif callable(node):  # a leave handler; comments and doctypes are not callable
                node()
        self.flush()

    # Entering an element -----------------------------------------------------

    def enter_attributed(self, tag: Tag, name: str):
        """Apply an element's meaning, its style, class, id or href included; return SKIP,
        or what to undo when it closes."""
        if name in SKIPPED:
            return SKIP
        style = tag.attrs.get("style")
        styles = style_declarations(style) if style and READ_STYLES.search(style) else NO_STYLES
        if styles.get("display", "").startswith("none"):
            return SKIP
        if "mso-list" in styles and name == "span" and styles["mso-list"] == "ignore":
            return self.enter_word_list_marker(tag)
        if name == "a" and _is_note_anchor(tag, styles):
            return self.enter_note_anchor(tag)
        if name == "br":
            return self.enter_break(tag)
        undo_inline = self.enter_inline(tag, styles)
        undo_block = self.enter_structure(tag, name, styles)
        if undo_inline and undo_block:
            return lambda: (undo_block(), undo_inline())
        return undo_block or undo_inline

    def enter_break(self, tag: Tag):
        self.pieces.append(Piece("\n", self.bold, self.superscript, mode="break"))
        return SKIP

    def enter_structure(self, tag: Tag, name: str, styles: dict[str, str]):
        if _is_note_body(tag, styles):  # a note body is marked by its id or style
            return self.enter_note_body(tag)
        if "mso-list" in styles and name == "p":
            return self.enter_word_list_paragraph(styles["mso-list"])
        handler = STRUCTURE_HANDLERS.get(name)
        return handler(self, tag) if handler is not None else None

    def enter_table_part_or_block(self, tag: Tag, name: str):
        """A row or cell of the open table; outside one (or in a flattened table) a paragraph."""
        if self.table is not None and not self.flattened:
            return self.enter_table_part(tag, name)
        return self.enter_block()

    def enter_list_item(self):
        return self.enter_block(list_kind=self.lists[-1] if self.lists else "bullet",
                                list_level=max(len(self.lists) - 1, 0))

    def enter_inline(self, tag: Tag, styles: dict[str, str]):
        if styles is NO_STYLES and tag.name not in BOLD_TAGS and tag.name not in SUPERSCRIPT_TAGS:
            return None
        bold, superscript = _inline_change(tag, styles)
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

    def enter_word_list_marker(self, tag: Tag):
        """Word's bullet glyph or number: not text, but it says which kind of list."""
        if self.props.list_kind and NUMBERED_MARKER.fullmatch(tag.get_text().strip()):
            self.props = self.props._replace(list_kind="number")
        return SKIP

    def enter_preformatted(self):
        undo_block = self.enter_block()
        self.preformatted += 1

        def undo():
            undo_block()
            self.preformatted -= 1

        return undo

    # Footnotes ---------------------------------------------------------------

    def enter_note_anchor(self, tag: Tag):
        marker = _marker_text(tag) or _digits(tag.get("href") or tag.get("name") or "")
        if self.note_marker is not None:  # the note's own marker, inside its body
            if self.note_marker[0] is None:
                self.note_marker[0] = marker
        elif marker:
            self.pieces.append(Piece(marker, self.bold, True, note=marker, mode="note"))
        return SKIP

    def enter_note_body(self, tag: Tag):
        self.flush()
        outer = (self.note_marker, self.props, self.lists)
        self.note_marker, self.props, self.lists = [None], _ParagraphProps(), []
        paragraphs: list[Paragraph] = []
        self.containers.append(paragraphs)

        def undo():
            self.flush()
            self.containers.pop()
            marker = self.note_marker[0] or _digits(tag.get("id") or "")
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

    def enter_table_part(self, tag: Tag, name: str):
        table = self.table
        if name == "tr":
            table.open_row()
            return table.close_row
        if name in ("td", "th"):
            return self.enter_cell(tag, header=name == "th")
        if name == "thead":
            table.in_head += 1

            def undo_head():
                table.close_row()
                table.in_head -= 1

            return undo_head
        return None  # tbody, tfoot: only grouping

    def enter_cell(self, tag: Tag, header: bool):
        table = self.table
        if table.cells is None:  # a cell outside any <tr>
            table.open_row()
        self.flush()
        outer = (self.props, self.lists)
        self.props, self.lists = _ParagraphProps(), []
        paragraphs: list[Paragraph] = []
        self.containers.append(paragraphs)

        def undo():
            self.flush()
            self.containers.pop()
            self.props, self.lists = outer
            attrs = tag.attrs  # the dict itself: Tag.get is a method call per attribute
            cell = Cell(
                blocks=tuple(paragraphs),
                col_span=_span(attrs.get("colspan"), MAX_COLSPAN) if attrs else 1,
                row_span=_span(attrs.get("rowspan"), MAX_ROWSPAN) if attrs else 1,
            )
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
    """Two tables of element name -> handler(walker, tag). The first: what a structural
    element opens (table, row, cell, list, item, heading, paragraph), for every element.
    The second adds what an element without attributes may otherwise be (bold, superscript,
    skipped, a line break). An element named in neither only holds its children."""
    structure = {
        "table": lambda walker, tag: walker.enter_table(),
        "li": lambda walker, tag: walker.enter_list_item(),
        "pre": lambda walker, tag: walker.enter_preformatted(),
    }
    structure.update(dict.fromkeys(BLOCKS, lambda walker, tag: walker.enter_block()))
    for name in TABLE_PARTS:
        structure[name] = lambda walker, tag, name=name: walker.enter_table_part_or_block(tag, name)
    for name, kind in LISTS.items():
        structure[name] = lambda walker, tag, kind=kind: walker.enter_list(kind)
    for name, level in HEADINGS.items():
        structure[name] = lambda walker, tag, level=level: walker.enter_block(heading_level=level)
    plain = dict(structure)
    inline = lambda walker, tag: walker.enter_inline(tag, NO_STYLES)  # noqa: E731
    plain.update(dict.fromkeys(BOLD_TAGS | SUPERSCRIPT_TAGS, inline))
    plain.update(dict.fromkeys(SKIPPED, lambda walker, tag: SKIP))
    plain["br"] = _Walker.enter_break
    return structure, plain


STRUCTURE_HANDLERS, PLAIN_HANDLERS = _handlers_by_name()
