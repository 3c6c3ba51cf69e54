"""The block builder: an lxml parser target that turns element events into blocks.

As in python-mammoth's body reader, each kind of element has one small handler: entering
an element applies its meaning (paragraph, heading, list, table part, bold, superscript,
footnote) and returns what to undo when it closes. The builder only hears events (an
element opens, closes, text between), so it keeps no tree: a page costs the memory of
its blocks, and markup nested deeper than its limit is refused at the first element past it.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from parsers.blocks import Block, Cell, Footnote, Paragraph, Table
from parsers.errors import IngestError
from parsers.readers.markup import google_docs, libreoffice, lists, word
from parsers.readers.markup.inline import Piece, normalise_runs
from parsers.readers.markup.notes import marker_text
from parsers.readers.markup.producers import NOTE_RULES
from parsers.readers.markup.roles import BLOCKS, HEADINGS, LISTS, SKIPPED, TABLE_PARTS
from parsers.readers.markup.styles import (
    BOLD_TAGS, NO_STYLES, SUPERSCRIPT_TAGS, StyleSheet, inline_change, is_hidden,
)
from parsers.readers.markup.tables import MAX_COLSPAN, MAX_ROWSPAN, TableBuilder, digits, span

# Unicode's own separators; the text reader writes its paragraph breaks as these.
PARAGRAPH_SEPARATOR = "\u2029"
LINE_SEPARATOR = "\u2028"

# The whitespace a browser collapses (a no-break space is not among it).
COLLAPSIBLE_WHITESPACE = " \t\n\r\f"

SKIP = object()  # a handler's answer: do not read this element's content


class _Collect(NamedTuple):
    """A handler's answer: do not read this element's content as text, but hand its
    text to ``then`` when the element closes (a note marker, Word's list glyph)."""

    then: Callable[[str], None]


class _ParagraphProps(NamedTuple):
    heading_level: int | None = None
    list_kind: str | None = None
    list_level: int = 0
    list_label: str | None = None


class BlockBuilder:
    """Builds paragraphs, tables and footnotes from the parser's events: an lxml parser
    target (``start``, ``end``, ``data``, ``close``). Entering an element runs its
    handler, which returns what to undo when the element closes (or SKIP, or _Collect)."""

    def __init__(self, tables: bool, max_depth: int, style_sheet: StyleSheet | None = None):
        self.tables = tables
        self.max_depth = max_depth
        self.style_sheet = style_sheet or StyleSheet()  # the page's class rules
        self.body: list[Block] = []
        self.containers: list[list] = [self.body]  # where finished paragraphs go
        self.footnotes: list[Footnote] = []
        self.pieces: list[Piece] = []  # the paragraph being read
        self.props = _ParagraphProps()
        self.lists: list[tuple[str, lists.OrderedList | None]] = []  # open lists: kind, numbering
        self.pending_label: str | None = None  # the open <ol> item's number, until a paragraph shows it
        self.bold = False
        self.superscript = False
        self.preformatted = 0
        self.table: _TableBuilder | None = None
        self.flattened = 0  # depth of tables read as plain paragraphs
        self.note_marker: list[str | None] | None = None  # set inside a footnote body
        self.paragraph_note: str | None = None  # the marker of a note the open paragraph is
        self.leaves: list = []  # per open element read: what to undo when it closes, or None
        self.buffered: list[str] = []  # text since the last tag (the parser splits it at entities)
        self.skipped = 0  # elements open inside one whose content is not read
        self.collected: list[str] | None = None  # that element's text, when its handler wants it
        self.then: Callable[[str], None] | None = None
        self.opened = ("", "", "")  # the last three elements opened with no content or end between
        self.comment_end: int | None = None  # a comment's thread is open down to this many leaves

    # The parser target -------------------------------------------------------

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """An element opens: apply its meaning, or count it inside skipped content."""
        if self.buffered:
            self.release_text()
        self.opened = (self.opened[1], self.opened[2], name)
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
        self.opened = ("", "", "")
        if self.skipped:
            self.skipped -= 1
            if not self.skipped and self.collected is not None:
                self.release_collected()
            return
        on_leave = self.leaves.pop()
        if on_leave is not None:
            on_leave()
        if self.comment_end is not None and len(self.leaves) <= self.comment_end:
            self.comment_end = None  # the comment's thread is over

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
        if text.strip(COLLAPSIBLE_WHITESPACE):
            self.opened = ("", "", "")  # content: what opens next is not the first of its element
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
        styles = self.style_sheet.element_styles(name, attrs)
        if is_hidden(styles) or word.is_comment(attrs, styles) or word.is_tracked_deletion(name, attrs):
            return SKIP
        if "mso-list" in styles and name == "span" and styles["mso-list"] == word.LIST_MARKER_SPAN:
            return _Collect(self.drawn_label)
        if "font" in styles and word.is_filler(name, styles):
            return _Collect(self.word_list_filler)
        if name == "span" and "class" in attrs and libreoffice.is_list_label(attrs):
            return _Collect(self.drawn_label)
        if name == "a" and "href" in attrs and (comment := google_docs.comment_anchor(attrs["href"])):
            return self.enter_comment_anchor(comment)
        if name == "a" and NOTE_RULES.is_anchor(attrs, styles):
            backlink = NOTE_RULES.is_backlink(attrs)
            return _Collect(lambda text: self.note_anchor(text, attrs, backlink))
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
        if NOTE_RULES.is_body(attrs, styles):  # a note body is marked by its id or style
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

    def enter_list_item(self, attrs: dict[str, str]):
        """An item: in an <ol>, labelled with the number a browser draws before it, which its
        first paragraph shows (a producer's own drawn marker in the item takes its place); an
        item with no text shows it alone."""
        kind, numbering = self.lists[-1] if self.lists else ("bullet", None)
        self.flush()
        self.show_pending_label()  # an item opening inside an item that showed nothing yet
        undo_block = self.enter_block(list_kind=kind, list_level=max(len(self.lists) - 1, 0))
        self.pending_label = numbering.label(attrs) if numbering is not None else None

        def undo():
            self.flush()
            self.show_pending_label()
            undo_block()

        return undo

    def show_pending_label(self) -> None:
        """The open item's number as a paragraph of its own, when no paragraph has shown it."""
        if self.pending_label is not None:
            self.containers[-1].append(Paragraph(runs=(), list_kind=self.props.list_kind,
                                                 list_level=self.props.list_level, list_label=self.pending_label))
            self.pending_label = None

    def enter_inline(self, name: str, styles: dict[str, str]):
        if styles is NO_STYLES and name not in BOLD_TAGS and name not in SUPERSCRIPT_TAGS:
            return None
        bold, superscript = inline_change(name, styles)
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

    def enter_list(self, kind: str, attrs: dict[str, str]):
        undo_block = self.enter_block()
        self.lists.append((kind, lists.OrderedList.from_attributes(attrs) if kind == "number" else None))

        def undo():
            self.lists.pop()
            undo_block()

        return undo

    def enter_word_list_paragraph(self, mso_list: str):
        level = word.list_level(mso_list)
        if level is None:  # mso-list:none and the like: an ordinary paragraph
            return self.enter_block()
        return self.enter_block(list_kind="bullet", list_level=level)

    def drawn_label(self, text: str) -> None:
        """A list item's drawn bullet or number, in the producer's span for it (Word's
        mso-list:Ignore, LibreOffice's ListLabel): the paragraph's list label, and it says
        which kind of list."""
        label = lists.list_label(text) or " ".join(text.split())
        if not label or not self.props.list_kind:  # only a list paragraph draws a marker
            return
        kind = "number" if lists.is_numbered_marker(label) else self.props.list_kind
        self.props = self.props._replace(list_kind=kind, list_label=label)

    def word_list_filler(self, text: str) -> None:
        """Word's 7-point filler after a drawn marker: on a filtered page, the text before it
        in the paragraph is the marker (the list label). Anywhere else it is only spaces."""
        label = lists.list_label("".join(piece.text for piece in self.pieces)) if self.pieces else None
        if label is None or self.props.list_label is not None:
            self.text(text)
            return
        self.pieces = []
        kind = "number" if lists.is_numbered_marker(label) else "bullet"
        self.props = self.props._replace(list_kind=kind, list_label=label)

    def enter_preformatted(self):
        undo_block = self.enter_block()
        self.preformatted += 1

        def undo():
            undo_block()
            self.preformatted -= 1

        return undo

    # Footnotes ---------------------------------------------------------------

    def note_anchor(self, text: str, attrs: dict[str, str], backlink: bool = False) -> None:
        """A note anchor's text, read: a citation in the text, a note body's own marker, or
        a back-link that makes its paragraph a note (Google Docs, LibreOffice's XHTML)."""
        marker = marker_text(text) or digits(attrs.get("href") or attrs.get("name") or "")
        if self.note_marker is not None:  # the note's own marker, inside its body
            if self.note_marker[0] is None:
                self.note_marker[0] = marker
        elif backlink:
            if self.paragraph_note is None:
                self.paragraph_note = marker
        elif marker:
            self.pieces.append(Piece(marker, self.bold, True, note=marker, mode="note"))

    def enter_comment_anchor(self, kind: str):
        """A comment's mark, not read. A back-link opening a thread in Google's shape (the first
        content of the first <p> of its own <div>) makes the rest of that <div>, the thread and
        its replies, not read; a back-link anywhere else is only its mark."""
        if kind == "thread" and self.opened == google_docs.THREAD_OPENING:
            self.comment_end = len(self.leaves) - 2  # the <div>'s place: the <p> is open inside it
        return SKIP

    def enter_note_body(self, attrs: dict[str, str]):
        self.flush()
        outer = (self.note_marker, self.props, self.lists, self.pending_label)
        self.note_marker, self.props, self.lists, self.pending_label = [None], _ParagraphProps(), [], None
        paragraphs: list[Paragraph] = []
        self.containers.append(paragraphs)

        def undo():
            self.flush()
            self.containers.pop()
            marker = self.note_marker[0] or digits(attrs.get("id") or "")
            text = " ".join(paragraph.text for paragraph in paragraphs).strip()
            if marker or text:
                self.footnotes.append(Footnote(marker=marker, text=text))
            self.note_marker, self.props, self.lists, self.pending_label = outer

        return undo

    # Tables ------------------------------------------------------------------

    def enter_table(self):
        """A table at the top level becomes a Table; one inside a cell or note is flattened."""
        self.flush()
        self.show_pending_label()  # an <ol> item holding a table: its number before the table
        if not self.tables or self.table is not None or self.containers[-1] is not self.body:
            undo_block = self.enter_block()
            self.flattened += 1

            def undo_flat():
                undo_block()
                self.flattened -= 1

            return undo_flat
        self.flush()
        self.table = TableBuilder(rows=[])

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
        outer = (self.props, self.lists, self.pending_label)
        self.props, self.lists, self.pending_label = _ParagraphProps(), [], None
        paragraphs: list[Paragraph] = []
        self.containers.append(paragraphs)
        header = name == "th"
        col_span = span(attrs.get("colspan"), MAX_COLSPAN) if attrs else 1
        row_span = span(attrs.get("rowspan"), MAX_ROWSPAN) if attrs else 1

        def undo():
            self.flush()
            self.containers.pop()
            self.props, self.lists, self.pending_label = outer
            cell = Cell(tuple(paragraphs), col_span, row_span)
            if table.cells is None:
                table.open_row()
            table.cells.append(cell)
            table.header_cells += header

        return undo

    # Text --------------------------------------------------------------------

    def text(self, text: str) -> None:
        """Queue text in the current formatting; Unicode separators break lines and paragraphs."""
        if self.comment_end is not None:
            return  # a comment's thread: not the document's text
        if self.preformatted:
            mode = "pre"
        elif not self.pieces and not text.strip(COLLAPSIBLE_WHITESPACE):
            return  # a paragraph's leading whitespace shows nothing (the layout between tags)
        else:
            mode = "flow"
        if PARAGRAPH_SEPARATOR in text or LINE_SEPARATOR in text:
            return self.separated_text(text, mode)
        self.pieces.append(Piece(text, self.bold, self.superscript, None, mode))

    def separated_text(self, text: str, mode: str) -> None:
        for number, paragraph in enumerate(text.split(PARAGRAPH_SEPARATOR)):
            if number:
                self.flush()
            for line_number, line in enumerate(paragraph.split(LINE_SEPARATOR)):
                if line_number:
                    self.pieces.append(Piece("\n", self.bold, self.superscript, mode="break"))
                self.pieces.append(Piece(line, self.bold, self.superscript, mode=mode))

    def flush(self) -> None:
        """Turn the queued text into a paragraph in the current container (if it shows
        anything: text or a list label), or into a note when the paragraph is one."""
        props = self.props
        label = props.list_label
        if not self.pieces and label is None and self.paragraph_note is None:
            return  # most calls: a block boundary with nothing queued
        if self.paragraph_note is not None:
            return self.flush_note_paragraph()
        runs = normalise_runs(self.pieces) if self.pieces else ()
        self.pieces = []
        visible = len(runs) == 1 and runs[0].text.strip() or any(run.text.strip() for run in runs)
        if label is not None:
            self.pending_label = None  # the producer drew the item's marker itself
        elif visible and self.pending_label is not None:
            label, self.pending_label = self.pending_label, None
            if lists.starts_with_number(runs[0].text):
                label = None  # the number typed in as well ("<li>1. text"): shown once
        if visible or label is not None:  # a drawn number alone is Word's numbered № cell
            # runs, style, heading_level, list_kind, list_level, page, list_label: positional,
            # as a frozen dataclass is built a fifth faster so (a paragraph per cell line)
            self.containers[-1].append(Paragraph(runs if visible else (), None, props.heading_level,
                                                 props.list_kind, props.list_level, None, label))
        if label is not None:  # a label belongs to one paragraph
            self.props = props._replace(list_label=None)

    def flush_note_paragraph(self) -> None:
        """The open paragraph opened with a note's back-link: it is that note."""
        runs = normalise_runs(self.pieces) if self.pieces else ()
        self.pieces = []
        marker, self.paragraph_note = self.paragraph_note, None
        text = "".join(run.text for run in runs).strip()
        if marker or text:
            self.footnotes.append(Footnote(marker=marker, text=text))


# --- What an element's name alone means --------------------------------------


def _handlers_by_name() -> tuple[dict, dict]:
    """Two tables of element name -> handler(walker, name, attrs). The first: what a
    structural element opens (table, row, cell, list, item, heading, paragraph), for every
    element. The second adds what an element without attributes may otherwise be (bold,
    superscript, skipped, a line break). An element named in neither only holds its content."""
    structure = {
        "table": lambda walker, name, attrs: walker.enter_table(),
        "li": lambda walker, name, attrs: walker.enter_list_item(attrs or {}),
        "pre": lambda walker, name, attrs: walker.enter_preformatted(),
    }
    structure.update(dict.fromkeys(BLOCKS, lambda walker, name, attrs: walker.enter_block()))
    structure.update(dict.fromkeys(TABLE_PARTS, BlockBuilder.enter_table_part_or_block))
    for name, kind in LISTS.items():
        structure[name] = lambda walker, name, attrs, kind=kind: walker.enter_list(kind, attrs or {})
    for name, level in HEADINGS.items():
        structure[name] = lambda walker, name, attrs, level=level: walker.enter_block(heading_level=level)
    plain = dict(structure)
    inline = lambda walker, name, attrs: walker.enter_inline(name, NO_STYLES)  # noqa: E731
    plain.update(dict.fromkeys(BOLD_TAGS | SUPERSCRIPT_TAGS, inline))
    plain.update(dict.fromkeys(SKIPPED, lambda walker, name, attrs: SKIP))
    plain["br"] = lambda walker, name, attrs: walker.enter_break()
    return structure, plain


STRUCTURE_HANDLERS, PLAIN_HANDLERS = _handlers_by_name()
