"""Walking a DOCX body into blocks: one small handler per element, as python-mammoth's
``docx/body_xml.py`` has.

Paragraphs and tables in document order; merged cells once, at their top-left (w:gridSpan,
w:vMerge, the legacy w:hMerge); list items with their kind, level and the label Word draws
(``numbering.py``); line breaks as "\\n" (page and column breaks too: the text after one
starts a new line) and tabs as "\\t"; bold and superscript runs; footnote and endnote
references as marker runs, with the notes' text in ``Document.footnotes``. Text in
hyperlinks, content controls, smart tags and tracked insertions is read; of a field, its
result, never its instruction, and the numbers Word computes rather than stores
(``fields.py``); embedded documents (w:altChunk) by the reader of their format
(``chunks.py``). Tracked deletions (text, a row, a cell, a list item), moved-away text and
the placeholder a content control shows before anyone fills it in are not read. A table
nested in a cell becomes paragraphs of that cell. Page numbers come from Word's rendered
page breaks when the file has them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from parsers.errors import IngestError
from parsers.limits import DEFAULT_LIMITS, Limits, check_time
from parsers.readers.archive import check_package, is_media_name, zip_members
from parsers.blocks import Cell, Document, Footnote, Paragraph, ReaderWarning, Row, Run, Table
from parsers.readers.docx.drawings import (
    ALTERNATE_CONTENT, MATH_ZONES, chosen_branch, skipped_message, text_boxes, unread_graphic,
)
from parsers.readers.docx.chunks import MAX_CHUNK_DEPTH, Chunk, read_markup_chunk
from parsers.readers.docx.fields import Field, FieldCounters, check_box_mark, unnumbered_kind
from parsers.readers.docx.notes import Notes, on_off_attr_value
from parsers.readers.docx.numbering import Counters, Numbering
from parsers.readers.docx.package import Parts, open_parts, parse_part
from parsers.readers.docx.styles import VAL, RunFormat, Styles, on_off, w, whole_number
from parsers.readers.docx.symbols import symbol_char


# ---------------------------------------------------------------- paragraphs

@dataclass
class ParagraphBuilder:
    """Runs collected while walking one paragraph; adjacent alike runs are merged."""

    runs: list[Run] = field(default_factory=list)
    page: int | None = None
    boxes: list[etree._Element] = field(default_factory=list)  # text boxes anchored here

    def add(self, text: str, fmt: RunFormat, note: str | None = None, page: int | None = None):
        """Append text; a note reference is always its own run."""
        if not text:
            return
        if self.page is None and text.strip():
            self.page = page
        last = self.runs[-1] if self.runs else None
        if (note is None and last is not None and last.note is None
                and (last.bold, last.superscript) == (fmt.bold, fmt.superscript)):
            self.runs[-1] = Run(last.text + text, last.bold, last.superscript)
        else:
            self.runs.append(Run(text, fmt.bold, fmt.superscript or note is not None, note))


@dataclass
class CellBuilder:
    """A cell being read; vertical merges grow its row span."""

    blocks: list[Paragraph]
    col_span: int
    row_span: int = 1

    def freeze(self) -> Cell:
        """The finished, immutable cell."""
        return Cell(tuple(self.blocks), self.col_span, self.row_span)


REPEATED = "its part is already read"  # Embedded.refusal's answer for a part named again


class Embedded:
    """What the embedded documents (w:altChunk) of one file have cost so far: each part is read
    once (many w:altChunk may name one part, and a DOCX chunk may embed more: read again each
    time, a 23 KB file took 17 s and 884 MB), and all of them together hold at most
    ``max_markup_bytes`` of markup, as much as one document may (a DOCX chunk counts what its
    parts unpack to, its pictures aside)."""

    def __init__(self) -> None:
        self.read: dict[int, Chunk] = {}  # by id; held, so that their ids stay theirs
        self.bytes = 0

    def refusal(self, chunk: Chunk, limits: Limits) -> str | None:
        """Why this chunk is not read (None: it is, and is charged for)."""
        if id(chunk) in self.read:
            return REPEATED
        cost = markup_size(chunk)
        if self.bytes + cost > limits.max_markup_bytes:
            return (f"the embedded documents together hold over {limits.max_markup_bytes:,} bytes of markup, "
                    "the most one document may")
        self.read[id(chunk)] = chunk
        self.bytes += cost
        return None


def markup_size(chunk: Chunk) -> int:
    """The bytes of markup a chunk is read from: a DOCX's parts as unpacked, pictures aside (a
    damaged zip counts its own size: check_package refuses it when it is read)."""
    if chunk.kind != "docx":
        return len(chunk.data)
    try:
        return sum(member.file_size for member in zip_members(chunk.data, "DOCX")
                   if not is_media_name(member.filename))
    except IngestError:
        return len(chunk.data)


class BodyReader:
    """Walks the document part and builds blocks; one method per XML element."""

    def __init__(self, parts: Parts, limits: Limits = DEFAULT_LIMITS, depth: int = 0,
                 embedded: "Embedded | None" = None):
        self.parts = parts
        self.limits = limits
        self.depth = depth  # how many embedded documents (w:altChunk) deep this body is
        self.embedded = embedded or Embedded()  # what the whole file's embedded documents cost
        self.grid_cells = 0  # grid cells the tables span so far, merged cells counted in full
        self.styles = Styles(parts.styles)
        self.numbering = Numbering(parts.numbering, self.styles)
        # Lists in notes are counted apart from the body's: a note is read where it is cited.
        self.counters = Counters(self.numbering)
        self.note_counters = Counters(self.numbering)
        self.notes = Notes(parts.footnotes, parts.endnotes, parts.settings, parts.document)
        self.footnotes: list[Footnote] = []
        self.warnings: list[ReaderWarning] = []
        # Pages only when Word left its rendered page breaks in the file.
        self.page: int | None = 1 if next(parts.document.iter(w("lastRenderedPageBreak")), None) \
            is not None else None
        self.custom_mark: tuple[str, str] | None = None  # (kind, note id) awaiting its mark
        self.skipped: dict[str, int] = {}  # what holds content the reader cannot read, counted
        self.fields: list[Field] = []  # complex fields open here, innermost last
        # The outermost open field still in its instruction (its index in ``fields``): runs are
        # not text while there is one. Kept as each w:fldChar comes, not searched for, so deeply
        # nested fields cost the same per mark (a scan of the stack made 40,000 fields take 67 s).
        self.hider: int | None = None
        self.field_counters = FieldCounters()
        self.outline_level = 1  # the paragraph's heading level, which AUTONUMLGL counts by

    def read(self) -> Document:
        """The whole document."""
        body = self.parts.document.find(w("body"))
        blocks = self.blocks(body, flatten_tables=False) if body is not None else []
        self.unclosed_fields()
        for kind, count in self.skipped.items():
            self.warnings.append(ReaderWarning("content_skipped", skipped_message(kind, count)))
        return Document(tuple(blocks), tuple(self.footnotes), tuple(self.warnings))

    def unclosed_fields(self) -> None:
        """Warn of fields still open at the end of the body or of a note, if they hid text."""
        hidden = sum(f.hidden for f in self.fields if not f.in_result)  # once, at the end
        if hidden:
            self.warnings.append(ReaderWarning(
                "field_unclosed", f"a field is never closed (no w:fldChar end): {hidden} characters "
                                  "after its start were read as its instruction and are not in the output"))

    def where(self) -> str | None:
        """Where the reader is, when it knows the page."""
        return f"page {self.page}" if self.page is not None else None

    def skip(self, kind: str) -> None:
        """Count content of ``kind`` that is not read; read() reports each kind once."""
        self.skipped[kind] = self.skipped.get(kind, 0) + 1

    # -- block level: body, cells, content controls ---------------------------

    def blocks(self, container: etree._Element, flatten_tables: bool) -> list:
        """Paragraphs and tables of a block container, in order."""
        found: list = []
        for child in container:
            tag = child.tag
            if tag == PARAGRAPH:
                paragraph, boxes = self.paragraph(child)
                if (paragraph.runs and (paragraph.text.strip() or paragraph.markers)) or paragraph.list_label:
                    found.append(paragraph)  # an empty list item still shows its number
                for box in boxes:  # a text box reads after the paragraph that anchors it
                    found.extend(self.blocks(box, flatten_tables))
            elif tag == TABLE:
                table = self.table(child)
                found.extend(flatten(table) if flatten_tables else [table])
            elif tag in BLOCK_WRAPPERS:
                if not self.placeholder(child):
                    found.extend(self.blocks(unwrap(child), flatten_tables))
            elif tag == ALTERNATE_CONTENT:
                found.extend(self.blocks(chosen_branch(child), flatten_tables))
            elif tag == ALT_CHUNK:
                found.extend(self.alt_chunk(child, flatten_tables))
        return found

    def placeholder(self, element: etree._Element) -> bool:
        """Whether a content control shows its placeholder (left out). Word draws a placeholder
        in its "Placeholder Text" style; text in any other style under the flag may be content a
        generator filled in and left the flag on, so what is left out is then warned of, whole."""
        if not showing_placeholder(element):
            return False
        runs = list(element.iter(RUN))
        text = "".join(t.text or "" for t in element.iter(TEXT)).strip()
        styled = [self.styles.name(run_style(run)) for run in runs]
        if text and not all(name and name.casefold() == PLACEHOLDER_STYLE for name in styled):
            shown = text if len(text) <= 80 else text[:79] + "…"
            self.warnings.append(ReaderWarning(
                "content_skipped", f"a content control marked as showing its placeholder left out: "
                                   f"\"{shown}\" (not in the Placeholder Text style: if it is content, "
                                   "the control's placeholder flag is wrong)"))
        return True

    def alt_chunk(self, element: etree._Element, flatten_tables: bool) -> list:
        """w:altChunk: the blocks of the document it embeds, read by that document's reader
        (``chunks.py``); its notes and warnings join this document's. One it cannot read is
        reported."""
        chunk = self.parts.chunks.get(element.get(RELATIONSHIP_ID, ""))
        kind = chunk.kind if chunk is not None else None
        if kind is None or (kind in ("docx", "document part") and self.depth >= MAX_CHUNK_DEPTH):
            self.skip("embedded document")
            return []
        check_time(f"an embedded document ({chunk.name})")
        refusal = self.embedded.refusal(chunk, self.limits)
        if refusal == REPEATED:
            self.skip("repeated embedded document")  # counted: many may name one part
            return []
        if refusal:
            self.warnings.append(ReaderWarning(
                "content_skipped", f"an embedded document (altChunk, {chunk.name}) not read: {refusal}"))
            return []
        try:
            if kind in ("docx", "document part"):
                if kind == "docx":
                    check_package(chunk.data, self.limits)
                    parts = open_parts(chunk.data)
                else:
                    parts = Parts(document=parse_part(chunk.data, chunk.name))
                reader = BodyReader(parts, self.limits, self.depth + 1, self.embedded)
                reader.grid_cells = self.grid_cells  # one count of table cells for the whole file
                document = reader.read()
                self.grid_cells = reader.grid_cells
            else:
                document = read_markup_chunk(chunk, self.limits)
        except IngestError as error:
            self.warnings.append(ReaderWarning(
                "content_skipped", f"an embedded document (altChunk, {chunk.name}) not read: {error.message}"))
            return []
        self.footnotes.extend(document.footnotes)
        self.warnings.extend(document.warnings)
        if not flatten_tables:
            return list(document.blocks)
        return [piece for block in document.blocks
                for piece in (flatten(block) if isinstance(block, Table) else [block])]

    def paragraph(self, p: etree._Element) -> tuple[Paragraph, list[etree._Element]]:
        """A paragraph with its runs, style, heading level and list membership, and the
        text boxes anchored in it."""
        ppr = p.find(w("pPr"))
        style_id = self.styles.paragraph_style(ppr)
        builder = ParagraphBuilder()
        heading_level = self.styles.heading_level(ppr, style_id)
        self.outline_level = heading_level or 1
        self.field_counters.new_paragraph()
        self.inline(p, builder, style_id)
        if self.custom_mark is not None:
            self.unmarked_note(builder)
        reference = self.styles.numbering_reference(ppr, style_id)
        empty = reference is not None and not any(run.text.strip() for run in builder.runs) and not builder.boxes
        if empty and mark_removed(ppr):
            reference = None  # a deleted list item: Word neither shows nor counts its number
        list_kind, list_level, list_label = (
            NOT_LISTED if reference is None else self.list_membership(*reference, style_id))
        if empty and self.mark_hidden(ppr, style_id):
            # Word's "Set Numbering Value: advance value" writes hidden empty items: they count, unseen.
            list_kind, list_level, list_label = NOT_LISTED
        named = ppr.find(w("pStyle")) if ppr is not None else None
        return Paragraph(
            runs=tuple(builder.runs),
            style=self.styles.name(named.get(VAL)) if named is not None else None,
            heading_level=heading_level,
            list_kind=list_kind,
            list_level=list_level,
            page=builder.page,
            list_label=list_label,
        ), builder.boxes

    def mark_hidden(self, ppr: etree._Element | None, style_id: str | None) -> bool:
        """True when the paragraph mark is hidden text (w:pPr/w:rPr/w:vanish, or its style's)."""
        return self.styles.run_format(ppr.find(RUN_PROPERTIES) if ppr is not None else None, style_id).hidden

    def list_membership(self, num_id: str, ilvl: int | None, style_id: str | None):
        """(list kind, level, drawn label) of a paragraph of list ``num_id``; NOT_LISTED when
        the list shows nothing. Every list item advances its list's counters, in document order."""
        if ilvl is None:
            ilvl = self.numbering.level_of_style(num_id, style_id)
        kind = self.numbering.list_kind(num_id, ilvl)
        if kind is None:
            return NOT_LISTED
        return kind, ilvl, self.counters.label(num_id, ilvl)

    # -- inline level: runs and the elements that wrap them -------------------

    def inline(self, parent: etree._Element, builder: ParagraphBuilder, style_id: str | None):
        """Walk a paragraph's content; wrappers are entered, deletions skipped."""
        for child in parent:
            tag = child.tag
            if tag == RUN:  # a run's pieces, in its cascaded format
                self.run_content(child, builder, self.styles.run_format(child.find(RUN_PROPERTIES), style_id))
            elif tag == SIMPLE_FIELD:
                self.simple_field(child, builder, style_id)
            elif tag in INLINE_WRAPPERS:
                if not self.placeholder(child):
                    self.inline(unwrap(child), builder, style_id)
            elif tag == ALTERNATE_CONTENT:
                self.inline(chosen_branch(child), builder, style_id)
            elif tag in MATH_ZONES:
                self.skip("formula")

    def run_content(self, parent: etree._Element, builder: ParagraphBuilder, fmt: RunFormat):
        """The pieces of a w:r (or of the chosen branch of an mc:AlternateContent in it);
        inside a field's instruction only the field's own marks are read."""
        for child in parent:
            if self.hiding and child.tag not in FIELD_MARKS:
                if child.tag == TEXT:
                    self.fields[self.hider].hidden += len(child.text or "")
                continue
            handler = RUN_HANDLERS.get(child.tag)
            if handler is not None:
                handler(self, child, builder, fmt)

    def alternate(self, alternate: etree._Element, builder: ParagraphBuilder, fmt: RunFormat):
        """mc:AlternateContent in a run: only its chosen branch is read (Choice, not also Fallback)."""
        self.run_content(chosen_branch(alternate), builder, fmt)

    def text(self, t: etree._Element, builder: ParagraphBuilder, fmt: RunFormat):
        """w:t; hidden text is skipped; a pending custom note mark takes it."""
        if self.fields and t.text and not fmt.hidden:
            self.fields[-1].result_shown = True
        if self.custom_mark is None and not fmt.hidden:  # nearly every w:t: no call more
            builder.add(t.text or "", fmt, page=self.page)
        else:
            self.add_text(t.text or "", builder, fmt)

    def add_text(self, text: str, builder: ParagraphBuilder, fmt: RunFormat):
        """Visible text of a run, or the mark of a note whose reference awaits it."""
        if fmt.hidden:
            return
        if self.custom_mark is not None:
            kind, note_id = self.custom_mark
            self.custom_mark = None
            self.cite(kind, note_id, text, builder, fmt)
            return
        builder.add(text, fmt, page=self.page)

    def field_char(self, char: etree._Element, builder: ParagraphBuilder, fmt: RunFormat):
        """w:fldChar: a complex field begins, its result begins, or it ends (and a number
        Word computes rather than stores is added)."""
        kind = char.get(w("fldCharType"))
        if kind == "begin":
            if self.hider is None:
                self.hider = len(self.fields)
            self.fields.append(Field(mark=check_box_mark(char)))
        elif kind == "separate" and self.fields:
            self.fields[-1].in_result = True
            if self.hider == len(self.fields) - 1:
                self.hider = None  # every field below it is in its result already
        elif kind == "end" and self.fields:
            done = self.fields.pop()
            if self.hider == len(self.fields):
                self.hider = None
            self.field_value("".join(done.instruction), done.result_shown, builder, fmt)
            if done.mark and not done.result_shown and not self.hiding:
                self.add_text(done.mark, builder, fmt)

    @property
    def hiding(self) -> bool:
        """Inside a field's instruction: runs are not text."""
        return self.hider is not None

    def instruction(self, element: etree._Element, builder: ParagraphBuilder, fmt: RunFormat):
        """w:instrText: the field's code ("SEQ Event", "PAGE"), never text."""
        if self.fields and not self.fields[-1].in_result:
            self.fields[-1].instruction.append(element.text or "")

    def simple_field(self, element: etree._Element, builder: ParagraphBuilder, style_id: str | None):
        """w:fldSimple: its stored result, or the number Word would compute for it."""
        stored = any(t.text for t in element.iter(TEXT))
        self.inline(element, builder, style_id)
        self.field_value(element.get(w("instr"), ""), stored, builder, self.styles.run_format(None, style_id))

    def field_value(self, instruction: str, stored: bool, builder: ParagraphBuilder, fmt: RunFormat):
        """Count a numbering field; add its number when the file stores none and it shows."""
        text = self.field_counters.result(instruction, self.outline_level, stored)
        if self.hiding:
            return  # a field nested in another's instruction is an argument, not text
        if text:
            self.add_text(text, builder, fmt)
        elif not stored and unnumbered_kind(instruction):
            self.skip("list number field")

    def symbol(self, sym: etree._Element, builder: ParagraphBuilder, fmt: RunFormat):
        """w:sym: a character of a symbol font, as the Unicode character it draws."""
        code, font = sym.get(w("char"), ""), sym.get(w("font"))
        value = int(code, 16) if 0 < len(code) <= 4 and all(c in HEX_DIGITS for c in code) else None
        text = symbol_char(value, font) if value is not None else None
        if text is None:
            text = chr(value) if value is not None else "\ufffd"
            self.warnings.append(ReaderWarning(
                "symbol_unread", f"a symbol ({font or 'no font'}, {code or 'no code'}) has no known "
                                 f"Unicode equivalent; kept as U+{ord(text):04X}", self.where()))
        self.add_text(text, builder, fmt)

    def drawing(self, element: etree._Element, builder: ParagraphBuilder, fmt: RunFormat):
        """w:drawing / w:pict: its text boxes are read after the paragraph; a chart, diagram
        or embedded object is counted as skipped; a picture holds no text."""
        if fmt.hidden:
            return
        boxes = text_boxes(element)
        builder.boxes.extend(boxes)
        kind = unread_graphic(element) or (
            "embedded object" if element.find(f".//{OLE_OBJECT}") is not None else None)
        if kind and not boxes:
            self.skip(kind)

    def embedded_object(self, element: etree._Element, builder: ParagraphBuilder, fmt: RunFormat):
        """w:object: an OLE object (a spreadsheet, a document) Word shows as a picture."""
        self.skip("embedded object")


    def br(self, br: etree._Element, builder: ParagraphBuilder, fmt: RunFormat):
        """w:br: a new line. A page or column break too, between text (so the words on either
        side are never glued together); before any text it only moves the text to a new page."""
        if br.get(w("type")) in ("page", "column") and not any(run.text.strip() for run in builder.runs):
            return
        adds("\n")(self, br, builder, fmt)

    def rendered_page_break(self, element, builder: ParagraphBuilder, fmt: RunFormat):
        """w:lastRenderedPageBreak: where Word's last layout started a new page."""
        if self.page is not None:
            self.page += 1

    def note_reference(self, ref: etree._Element, builder: ParagraphBuilder, fmt: RunFormat):
        """w:footnoteReference / w:endnoteReference: a marker run citing the note."""
        kind = "footnote" if ref.tag == w("footnoteReference") else "endnote"
        note_id = ref.get(w("id"), "")
        if on_off_attr_value(ref.get(w("customMarkFollows"))):
            self.custom_mark = (kind, note_id)  # the mark is the text that follows
            return
        self.cite(kind, note_id, self.notes.next_marker(kind), builder, fmt)

    def cite(self, kind: str, note_id: str, marker: str, builder: ParagraphBuilder,
             fmt: RunFormat):
        """Add the citing run and the note's text."""
        builder.add(marker, fmt, note=marker, page=self.page)
        note = self.notes.find(kind, note_id)
        if note is None:
            self.warnings.append(ReaderWarning("note_missing", f"{kind} {marker} cited but not found in the file"))
            return
        self.footnotes.append(Footnote(marker, self.note_text(note)))

    def unmarked_note(self, builder: ParagraphBuilder):
        """A custom-mark reference whose mark is not text (a symbol, say): cite it as "*"."""
        kind, note_id = self.custom_mark
        self.custom_mark = None
        self.warnings.append(ReaderWarning(
            "note_mark_unread", f"a {kind} with a custom mark that is not text is cited as *"))
        self.cite(kind, note_id, "*", builder, RunFormat(superscript=True))

    def note_text(self, note: etree._Element) -> str:
        """A note's paragraphs as text (its own number mark, w:footnoteRef, is not text)."""
        saved = (self.page, self.custom_mark, self.counters, self.fields, self.hider, self.outline_level)
        self.page, self.custom_mark, self.counters = None, None, self.note_counters
        self.fields, self.hider = [], None
        texts = [paragraph.shown_text.strip() for paragraph in self.blocks(note, flatten_tables=True)]
        self.unclosed_fields()
        self.page, self.custom_mark, self.counters, self.fields, self.hider, self.outline_level = saved
        return "\n".join(text for text in texts if text)

    # -- tables ---------------------------------------------------------------

    def table(self, tbl: etree._Element) -> Table:
        """Rows of cells; horizontally and vertically merged cells appear once."""
        rows: list[tuple[list[CellBuilder], bool, int | None]] = []
        above: dict[int, CellBuilder] = {}  # grid column → the cell last seen there
        width = len(tbl.findall(w("tblGrid") + "/" + w("gridCol"))) or None  # None: no grid to bound spans
        for tr in table_rows(tbl):
            check_time("a table row")
            trpr = tr.find(w("trPr"))
            if trpr is not None and trpr.find(w("del")) is not None:
                continue  # a tracked row deletion
            cells, page = self.row(tr, above, width)
            header = trpr is not None and bool(on_off(trpr.find(w("tblHeader"))))
            rows.append((cells, header, page))
        frozen = tuple(Row(tuple(c.freeze() for c in cells), page, header)
                       for cells, header, page in rows)
        return Table(frozen, frozen[0].page if frozen else None)

    def row(self, tr: etree._Element, above: dict[int, CellBuilder], width: int | None = None):
        """The cells that start in this row (spans ended at the table's grid ``width``), and
        the page the row starts on. A tracked cell deletion is left out; a legacy horizontal
        merge (w:hMerge, from older Word files and converters) joins the cell before it."""
        column = grid_value(tr.find(w("trPr")), "gridBefore")
        start, ends, cells, continued = self.page, [], [], set()
        last_end = None  # the grid column after the last cell that started in this row
        for tc in row_cells(tr):
            tcpr = tc.find(w("tcPr"))
            props = {child.tag: child for child in tcpr} if tcpr is not None else {}
            if CELL_DELETION in props:
                continue
            span = max(1, grid_value(tcpr, "gridSpan"))
            if width and column + span > width:  # a span past the table's grid ends there
                span = max(1, width - column)
            self.grid_cells += span  # counted as read: a hostile span cannot build its grid first
            self.limits.check_table_cells(self.grid_cells)
            self.page = start
            blocks = self.blocks(tc, flatten_tables=True)
            ends.append(self.page)
            if continues(props.get(V_MERGE)) and column in above:
                origin = above[column]
                if id(origin) not in continued:
                    origin.row_span += 1
                    continued.add(id(origin))
                origin.blocks.extend(blocks)  # keep any text a continuation cell holds
            elif continues(props.get(H_MERGE)) and cells and last_end == column:
                cells[-1].col_span += span
                cells[-1].blocks.extend(blocks)
                for covered in range(column, column + span):
                    above[covered] = cells[-1]
                last_end = column + span
            else:
                cell = CellBuilder(blocks, span)
                cells.append(cell)
                for covered in range(column, column + span):
                    above[covered] = cell
                last_end = column + span
            column += span
        if start is not None:
            self.page = max([start, *ends])
        pages = [b.page for c in cells for b in c.blocks if b.page is not None]
        return cells, min(pages) if pages else start


PARAGRAPH, TABLE, RUN, RUN_PROPERTIES, TEXT = w("p"), w("tbl"), w("r"), w("rPr"), w("t")
SIMPLE_FIELD, ALT_CHUNK = w("fldSimple"), w("altChunk")
V_MERGE, H_MERGE, CELL_DELETION = w("vMerge"), w("hMerge"), w("cellDel")
RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
FIELD_MARKS = frozenset({w("fldChar"), w("instrText")})  # what is read inside a field's instruction
NOT_LISTED = (None, 0, None)  # (list kind, level, label) of a paragraph that is no list item

# Elements whose children are read as if they stood in the parent's place.
BLOCK_WRAPPERS = frozenset({w("sdt"), w("customXml"), w("ins"), w("moveTo")})
INLINE_WRAPPERS = frozenset({w("hyperlink"), w("smartTag"), w("customXml"), w("sdt"),
                             w("ins"), w("moveTo"), w("dir"), w("bdo")})
# Not listed, so never read: w:del, w:moveFrom, w:delText (w:instrText is a field's code).

def adds(char: str):
    """A run handler that adds a fixed character (tab, line break, hyphen)."""
    def add(reader: BodyReader, element, builder: ParagraphBuilder, fmt: RunFormat):
        if not fmt.hidden:
            builder.add(char, fmt, page=reader.page)
    return add


OLE_OBJECT = "{urn:schemas-microsoft-com:office:office}OLEObject"
HEX_DIGITS = frozenset("0123456789abcdefABCDEF")

RUN_HANDLERS = {
    w("t"): BodyReader.text,
    w("sym"): BodyReader.symbol,
    w("fldChar"): BodyReader.field_char,
    w("instrText"): BodyReader.instruction,
    w("drawing"): BodyReader.drawing,
    w("pict"): BodyReader.drawing,
    w("object"): BodyReader.embedded_object,
    ALTERNATE_CONTENT: BodyReader.alternate,
    w("tab"): adds("\t"),
    w("ptab"): adds("\t"),
    w("cr"): adds("\n"),
    w("br"): BodyReader.br,
    w("noBreakHyphen"): adds("-"),
    w("footnoteReference"): BodyReader.note_reference,
    w("endnoteReference"): BodyReader.note_reference,
    w("lastRenderedPageBreak"): BodyReader.rendered_page_break,
}


def unwrap(element: etree._Element) -> etree._Element:
    """The element whose children hold the content (w:sdt keeps it in w:sdtContent)."""
    if element.tag == w("sdt"):
        content = element.find(w("sdtContent"))
        return content if content is not None else etree.Element(w("sdtContent"))
    return element


def mark_removed(ppr: etree._Element | None) -> bool:
    """True when the paragraph mark itself is a tracked deletion or was moved away
    (w:pPr/w:rPr/w:del or w:moveFrom): the paragraph is gone once the changes are accepted."""
    rpr = ppr.find(RUN_PROPERTIES) if ppr is not None else None
    return rpr is not None and (rpr.find(w("del")) is not None or rpr.find(w("moveFrom")) is not None)


PLACEHOLDER_STYLE = "placeholder text"  # Word's built-in style name (ids are localised: "a3")


def run_style(run: etree._Element) -> str | None:
    """A w:r's character style id."""
    style = run.find(f"{w('rPr')}/{w('rStyle')}")
    return style.get(VAL) if style is not None else None


def showing_placeholder(element: etree._Element) -> bool:
    """True for a content control that shows its placeholder ("Click or tap here to enter
    text.", "Место для ввода текста."): a prompt nobody typed, not content. Only its
    paragraphs and runs are left out; rows and cells stay, so the grid keeps its columns."""
    if element.tag != w("sdt"):
        return False
    properties = element.find(w("sdtPr"))
    return properties is not None and bool(on_off(properties.find(w("showingPlcHdr"))))


def table_rows(tbl: etree._Element):
    """The table's w:tr, looking through content controls and custom XML."""
    return _wrapped_children(tbl, w("tr"))


def row_cells(tr: etree._Element):
    """The row's w:tc, looking through content controls and custom XML."""
    return _wrapped_children(tr, w("tc"))


def _wrapped_children(element: etree._Element, tag: str):
    """The element's children named ``tag``, those inside wrappers (BLOCK_WRAPPERS) included."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in BLOCK_WRAPPERS:
            yield from _wrapped_children(unwrap(child), tag)


# Word allows 63 columns; a larger span is damage, capped as HTML caps colspan, so
# that a hostile w:gridSpan cannot make the grid bookkeeping allocate millions of columns.
MAX_GRID_COLUMNS = 1000


def grid_value(props: etree._Element | None, name: str) -> int:
    """An integer grid property (gridSpan, gridBefore) from 0 to MAX_GRID_COLUMNS; 0 when absent."""
    element = props.find(w(name)) if props is not None else None
    return whole_number(element.get(VAL) if element is not None else None, MAX_GRID_COLUMNS) or 0


def continues(merge: etree._Element | None) -> bool:
    """True when a cell's w:vMerge or w:hMerge continues the merge (no val="restart")."""
    return merge is not None and merge.get(VAL, "continue") == "continue"


def flatten(table: Table) -> list[Paragraph]:
    """A nested table's paragraphs, row by row, cell by cell."""
    return [block for row in table.rows for cell in row.cells for block in cell.blocks]
