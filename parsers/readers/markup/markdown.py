"""The Markdown reader: a Markdown file in, a block-model Document out.

markdown-it-py parses the file (CommonMark, GFM pipe tables, raw HTML, and
mdit-py-plugins' footnotes); this module walks its tokens. A paragraph's inline
content (``**bold**``, ``<br>``, ``<sup>``, inline HTML) is written back as HTML
and read by the walker the HTML reader uses (``fragment_paragraphs``); a raw HTML
block (pandoc's ``<table>`` for a table whose cells hold several paragraphs) is
read as a page (``read_page``), so it gives the tables and paragraphs the HTML
reader would. Which files come here rather than to the text-export reader is
decided by ``ingest.detect``.

What the reader cannot read is a warning, not silence: lines that look like table
rows but form no table (``table_unread``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from parsers.blocks import Block, Cell, Document, Footnote, Paragraph, ReaderWarning, Row, Table
from parsers.limits import DEFAULT_LIMITS, Limits
from parsers.readers.markup import encoding, pandoc_tables
from parsers.readers.markup.gridtable import BORDER as GRID_BORDER, grid_rows
from parsers.readers.markup.text import HTML_TABLE_ROWS
from parsers.readers.markup.walker import PARAGRAPH_SEPARATOR, fragment_paragraphs, read_page

# --- Producers' conventions ---------------------------------------------------

# pandoc: GFM cannot write a table without a header row, so pandoc writes an empty one.
# pandoc: notes cited from inside raw HTML are written as HTML too, at the end:
#   <section class="footnotes"><ol><li id="fn1"><p>text<a class="footnote-back">↩︎</a></p></li>
PANDOC_NOTES_SECTION = re.compile(r"<section\b[^>]*\bclass=[\"'][^\"']*\bfootnotes\b", re.IGNORECASE)
SECTION_END = re.compile(r"</section\s*>", re.IGNORECASE)
PANDOC_NOTE_ID = re.compile(r"fn(?P<marker>\d+)")
PANDOC_BACKLINK_CLASS = "footnote-back"
# pandoc's own Markdown (-t markdown): a table as a grid table (gridtable.py), a
# superscript as ^1^.
PANDOC_SUPERSCRIPT = re.compile(r"\^(?P<text>[^\s^]{1,20})\^")

# A pipe-table cell cannot hold paragraphs: converters write a blank line between two
# as "<br><br>" (one "<br>" is a line break, as in HTML).
CELL_PARAGRAPH_BREAK = re.compile(r"(?:<br\s*/?>[ \t]*){2,}", re.IGNORECASE)

# A line of a paragraph that looks like a table row: starts and ends with a pipe.
PIPE_ROW_LINE = re.compile(r"^\s*\|.*\|\s*$")
# Raw HTML that holds a table.
HTML_TABLE = re.compile(r"<\s*table[\s>]", re.IGNORECASE)

# Inline tokens as HTML the walker reads; text is escaped, raw HTML passes as written.
INLINE_MARKUP = {
    "strong_open": "<b>", "strong_close": "</b>",
    "em_open": "<i>", "em_close": "</i>",
    "s_open": "<s>", "s_close": "</s>",
    "hardbreak": "<br>", "softbreak": "\n",
}  # fmt: skip


def read_markdown(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a Markdown file: headings, paragraphs, lists, pipe and HTML tables, footnotes.

    Raises IngestError for an empty file, bytes that are not text, a file over
    ``limits.max_input_bytes`` or ``limits.max_markup_bytes`` or raw HTML nested deeper than ``limits.max_html_depth``.
    """
    limits.check_input_size(len(data))
    text, warnings = encoding.read_text_file(data, limits, "Markdown file",
                                             "not a Markdown file: it holds binary data")
    reader = _Reader(limits.max_html_depth)
    tokens = _parser().parse(text, reader.env)
    reader.read(tokens)
    return Document(blocks=tuple(reader.blocks), footnotes=tuple(reader.footnotes),
                    warnings=(*warnings, *reader.warnings, *nesting_warning(tokens)))


def nesting_warning(tokens) -> tuple[ReaderWarning, ...]:
    """markdown-it stops reading lists and quotes nested past its limit (a guard against
    hostile input), silently: say so when the tokens reach it."""
    limit = _parser().options.maxNesting
    deepest = max((token.level for token in tokens), default=0)
    if deepest < limit - 1:
        return ()
    line = next((token.map[0] + 1 for token in tokens if token.level >= limit - 1 and token.map), None)
    return (ReaderWarning(code="content_skipped", where=f"line {line}" if line else None,
                          message=f"lists or quotes nested about {limit // 2} levels deep: "
                                  "what is nested deeper was not read"),)


@lru_cache(maxsize=1)
def _parser():
    """CommonMark with raw HTML, GFM tables and strikethrough, and footnotes (built once,
    on first use: the CLI does not import markdown-it unless a Markdown file arrives)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin)
    parser.block.ruler.before("hr", pandoc_tables.TOKEN, pandoc_tables.table_rule)  # before "---" is a rule
    # The plugin's last step moves the notes to the end and drops those no "[^1]" cites;
    # a note cited by a raw "<sup>1</sup>" would be lost. Without it, each definition stays
    # where it is written, between footnote_reference_open and _close.
    parser.core.ruler.disable("footnote_tail")
    return parser


def inline_markup(token) -> tuple[str, tuple[str, ...]]:
    """An inline token's children as HTML for the walker, and the footnote labels it cites."""
    parts: list[str] = []
    cited: list[str] = []
    for child in token.children or ():
        kind = child.type
        if kind == "text":
            parts.append(PANDOC_SUPERSCRIPT.sub(r"<sup>\g<text></sup>", html.escape(child.content, quote=False)))
        elif kind == "code_inline":
            parts.append(html.escape(child.content, quote=False))
        elif kind == "html_inline":
            parts.append(child.content)
        elif kind == "footnote_ref":
            label = child.meta["label"]
            cited.append(label)
            parts.append(f"<sup>{html.escape(label)}</sup>")
        elif kind == "image":
            parts.append(html.escape(child.content, quote=False))  # its alt text
        else:
            parts.append(INLINE_MARKUP.get(kind, ""))  # links keep their text only
    return "".join(parts), tuple(cited)


def inline_paragraphs(token, in_cell: bool = False) -> tuple[Paragraph, ...]:
    """The paragraphs an inline token shows (one, or several when its HTML has blocks);
    a footnote reference is a run that cites its note, whatever its label."""
    markup, cited = inline_markup(token)
    if in_cell:
        markup = CELL_PARAGRAPH_BREAK.sub(PARAGRAPH_SEPARATOR, markup)
    paragraphs = fragment_paragraphs(markup)
    if not cited:
        return paragraphs
    return tuple(replace(p, runs=tuple(replace(run, note=run.text.strip())
                                       if run.superscript and run.text.strip() in cited else run
                                       for run in p.runs)) for p in paragraphs)


def pandoc_notes(section: str) -> list[Footnote]:
    """pandoc's HTML notes section: one note per ``<li id="fnN">``, its back-link left out."""
    from lxml import html as lxml_html

    root = lxml_html.fragment_fromstring(section, create_parent="div")
    notes = []
    for item in root.iter("li"):
        found = PANDOC_NOTE_ID.fullmatch(item.get("id") or "")
        if not found:
            continue
        for backlink in item.find_class(PANDOC_BACKLINK_CLASS):
            backlink.drop_tree()
        inner = "".join(lxml_html.tostring(child, encoding="unicode") for child in item)
        text = " ".join(p.text for p in fragment_paragraphs((item.text or "") + inner)).strip()
        notes.append(Footnote(marker=found.group("marker"), text=text))
    return notes


@dataclass
class _Reader:
    """Turns markdown-it's token stream into blocks, footnotes and warnings."""

    max_depth: int
    blocks: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    warnings: list[ReaderWarning] = field(default_factory=list)
    lists: list[tuple[str, str | None]] = field(default_factory=list)  # (kind, label) per open list
    heading: int | None = None
    note: list[Paragraph] | None = None  # the paragraphs of the footnote being read
    open_notes: list[tuple[str, list[Paragraph] | None]] = field(default_factory=list)
    table: list[Row] | None = None
    row: list[Cell] | None = None
    in_head: bool = False
    html: list = field(default_factory=list)  # consecutive raw HTML block tokens
    env: dict = field(default_factory=dict)  # markdown-it's: the footnote definitions, for cells

    def read(self, tokens) -> None:
        for token in tokens:
            if token.type != "html_block" and self.html:
                self.close_html()
            handler = getattr(self, "on_" + token.type, None)
            if handler is not None:
                handler(token)
        self.close_html()

    # Paragraphs, headings, lists ---------------------------------------------

    def on_heading_open(self, token) -> None:
        self.heading = int(token.tag[1:])

    def on_heading_close(self, token) -> None:
        self.heading = None

    def on_inline(self, token) -> None:
        self.check_inline_html(token)
        if self.row is not None:
            self.row.append(Cell(blocks=inline_paragraphs(token, in_cell=True)))
            return
        if self.heading is None and GRID_BORDER.match(token.content) and self.grid_table(token):
            return
        paragraphs = inline_paragraphs(token)
        if self.note is None and self.lists == [] and self.heading is None:
            self.check_pipe_rows(token)
        self.add(self.shaped(paragraphs))

    def grid_table(self, token) -> bool:
        """A paragraph that is a grid table (pandoc's Markdown) as a Table; False if it is none."""
        rows = grid_rows(token.content)
        if rows is None:
            return False
        self.add_table(rows)
        return True

    def on_pandoc_table(self, token) -> None:
        """pandoc's simple or multiline table (pandoc_tables.py)."""
        self.add_table(token.meta["rows"])

    def add_table(self, rows) -> None:
        """Grid rows (gridtable.GridRow) as a Table, each cell's Markdown read as a document is."""
        self.blocks.append(Table(rows=tuple(
            Row(cells=tuple(Cell(blocks=self.cell_blocks(cell.text), col_span=cell.col_span)
                            for cell in row.cells), is_header=row.is_header)
            for row in rows)))

    def cell_blocks(self, text: str) -> tuple[Paragraph, ...]:
        """A grid table cell's Markdown, read as a document is: its paragraphs and list items."""
        cell = _Reader(self.max_depth, env=self.env)
        cell.read(_parser().parse(text, self.env))
        self.footnotes.extend(cell.footnotes)
        self.warnings.extend(cell.warnings)
        return tuple(block for block in cell.blocks if isinstance(block, Paragraph))

    def on_code_block(self, token) -> None:
        """Indented or fenced code: its text, as written (a table in it is not read)."""
        self.check_pipe_rows(token)
        if HTML_TABLE_ROWS.search(token.content):
            self.warn(token, "an HTML table inside a code block (indented by four spaces?) was read as text")
        self.add(fragment_paragraphs(html.escape(token.content.rstrip("\n"), quote=False)))

    on_fence = on_code_block

    def on_bullet_list_open(self, token) -> None:
        self.lists.append(("bullet", None))

    def on_ordered_list_open(self, token) -> None:
        self.lists.append(("number", None))

    def on_bullet_list_close(self, token) -> None:
        self.lists.pop()

    on_ordered_list_close = on_bullet_list_close

    def on_list_item_open(self, token) -> None:
        kind, _ = self.lists[-1]
        label = f"{token.info}{token.markup}" if kind == "number" else None  # "1." as drawn
        self.lists[-1] = (kind, label)

    def on_list_item_close(self, token) -> None:
        """An item with nothing in it ("4." alone, pandoc's cell of Word's numbered № column)
        still shows its number: a paragraph of its label alone."""
        kind, label = self.lists[-1]
        if label is not None:
            self.add(self.shaped((Paragraph(runs=()),)))

    def shaped(self, paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
        """Paragraphs with the open heading or list item's properties."""
        if self.heading is not None:
            return tuple(replace(p, heading_level=self.heading) for p in paragraphs)
        if not self.lists:
            return paragraphs
        kind, label = self.lists[-1]
        self.lists[-1] = (kind, None)  # the label is drawn before the item's first paragraph only
        shaped = []
        for number, p in enumerate(paragraphs):
            shaped.append(replace(p, list_kind=kind, list_level=len(self.lists) - 1,
                                  list_label=label if number == 0 else None))
        return tuple(shaped)

    def add(self, paragraphs: tuple[Paragraph, ...]) -> None:
        (self.note if self.note is not None else self.blocks).extend(paragraphs)

    # Pipe tables -------------------------------------------------------------

    def on_table_open(self, token) -> None:
        self.table = []

    def on_thead_open(self, token) -> None:
        self.in_head = True

    def on_thead_close(self, token) -> None:
        self.in_head = False

    def on_tr_open(self, token) -> None:
        self.row = []

    def on_tr_close(self, token) -> None:
        cells, self.row = tuple(self.row), None
        if self.in_head and all(cell.is_empty for cell in cells):
            return  # pandoc's empty header row of a table that has none
        self.table.append(Row(cells=cells, is_header=self.in_head))

    def on_table_close(self, token) -> None:
        rows, self.table = self.table, None
        if rows:
            self.blocks.append(Table(rows=tuple(rows)))

    # Raw HTML ----------------------------------------------------------------

    def on_html_block(self, token) -> None:
        self.html.append(token)

    def close_html(self) -> None:
        """Read the raw HTML blocks seen in a row as one page (a blank line may split one)."""
        if not self.html:
            return
        first, markup = self.html[0], "".join(token.content for token in self.html)
        self.html = []
        markup = self.take_pandoc_notes(markup)
        if not markup.strip():
            return
        blocks, footnotes = read_page(markup, self.max_depth)
        self.footnotes.extend(footnotes)
        if HTML_TABLE.search(markup) and not any(isinstance(block, Table) for block in blocks):
            self.warn(first, f"raw HTML holds a <table> that gave no table: {markup.strip()[:60]!r}")
        if self.note is not None:
            self.note.extend(p for p in blocks if isinstance(p, Paragraph))
        else:
            self.blocks.extend(blocks)

    def take_pandoc_notes(self, markup: str) -> str:
        """Take pandoc's notes section out of raw HTML (pandoc writes it straight after the
        last raw table, in the same block) into the footnotes; the rest of the HTML."""
        start = PANDOC_NOTES_SECTION.search(markup)
        if not start:
            return markup
        end = SECTION_END.search(markup, start.end())
        stop = end.end() if end else len(markup)
        self.footnotes.extend(pandoc_notes(markup[start.start():stop]))
        return markup[: start.start()] + markup[stop:]

    # Footnotes ---------------------------------------------------------------

    def on_footnote_reference_open(self, token) -> None:
        self.open_notes.append((token.meta["label"], self.note))
        self.note = []

    def on_footnote_reference_close(self, token) -> None:
        label, outer = self.open_notes.pop()
        text = " ".join(p.text for p in self.note).strip()
        self.note = outer  # a definition inside a definition ("[^1]: [^2]: ...") is its own note
        self.footnotes.append(Footnote(marker=label, text=text))

    # Warnings ----------------------------------------------------------------

    def check_pipe_rows(self, token) -> None:
        """A paragraph whose lines look like table rows: a table Markdown did not see
        (no delimiter row under its header, or rows cut off by a blank line)."""
        lines = token.content.splitlines()
        rows = [line for line in lines if PIPE_ROW_LINE.match(line)]
        if rows:
            self.warn(token, f"{len(rows)} line(s) that look like table rows were read as text: "
                             f"a pipe table needs a delimiter row ('|---|---|') under its header "
                             f"and no blank line between rows ({rows[0].strip()[:60]!r})")

    def check_inline_html(self, token) -> None:
        """HTML table rows inside a paragraph's text (the table does not start its own line):
        the walker flattens them into paragraphs."""
        if any(child.type == "html_inline" and HTML_TABLE_ROWS.search(child.content)
               for child in token.children or ()):
            self.warn(token, "an HTML table inside a paragraph was read as text, its cells run "
                             "together: a raw <table> must start its own line")

    def warn(self, token, problem: str) -> None:
        where = f"line {token.map[0] + 1}" if token is not None and token.map else None
        self.warnings.append(ReaderWarning(code="table_unread", message=problem, where=where))
