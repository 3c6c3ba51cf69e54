"""Find a plan's records in a block model: the extractor.

It walks the blocks in reading order. Paragraphs before the event table are the
title; the event table is the one whose header names a title and a date column;
paragraphs after it hold the signature; tables (or heading rows) named as
jubilees or city days hold those records. It knows nothing about file formats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.blocks import SUPERSCRIPT_DIGITS, Document, Paragraph, Table, plain_marker
from parsers.plan.cells import cell_text, clean
from parsers.plan.checks import (
    all_paragraphs, check_event_rows, empty_city_table, missing_footnotes, numbering_warnings,
)
from parsers.plan.cities import city_record, header_columns, names_city_table
from parsers.plan.columns import Columns, find_columns, is_column_numbering, is_header_repeat
from parsers.plan.events import EventRows, build_event
from parsers.plan.grid import GridRow, grid_width, lay_out
from parsers.limits import check_time
from parsers.plan.vocab import APPROXIMATE_WORDS, TABLE_KINDS, YEAR_PHRASE
from parsers.plan.rows import classify
from parsers.plan.signatory import find_signatory
from schemas.plan import CityDay, Event, Footnote, Jubilee, Plan, PlanWarning, Source


# A footnote's text as it reads when its marker was not set as superscript ("1Дни городов ...",
# "1) Дни ...") or as a secretary types one under the tables ("* даты указаны ориентировочно",
# "¹ По данным ..."): a marker glyph, or a number before a capital or a bracket.
_MARKER_GLYPH = rf"\*{{1,3}}|[†‡§]|[{SUPERSCRIPT_DIGITS}]{{1,3}}"
FOOTNOTE_OPENING = re.compile(
    rf"^(?:(?P<glyph>{_MARKER_GLYPH})\s*(?=\S)|(?P<number>\d{{1,3}})(?:\)\s*|\s*(?=[А-ЯЁA-Z])))")
# A footnote's opening that keeps a short line from heading a table ("1 Дни городов указаны
# ...", "* Даты ..."): stricter than FOOTNOTE_OPENING, as "1) Юбилеи городов" numbers a heading.
_HEADING_NOTE = re.compile(r"^(?:\d{1,3}|\*{1,3})\s*[А-ЯЁA-Z]")
# A footnote number typed (or converted) as plain text, glued to a heading's last word:
# "Дни городов-столиц членов МАГ1". Read as a citation only of a footnote the document has.
_UNRAISED_MARKER = re.compile(r"(?<=[^\W\d_])\d{1,2}$")
# A marker glyph typed at a heading's end ("Юбилеи городов*", "Дни городов-столиц¹"): a
# citation whatever the document holds (reported when it has no such footnote).
_TYPED_MARKER = re.compile(rf"(?<=[^\d\s])\s?(?P<marker>{_MARKER_GLYPH})$")

# A plain (not bold) paragraph longer than this is text, not a table's heading.
MAX_PLAIN_HEADING = 80

# A borderless table this small after the event table may be the signature block.
MAX_SIGNATURE_ROWS = 2
# A plan is signed (a position and "И.О. Фамилия" after its tables); a reading with no
# signatory may have taken the signature block into a table, or lost it.
SIGNATORY_MISSING = ("no signatory found (a position and a name such as 'И.О. Фамилия' after the tables): "
                     "the signature block is missing, or was read into a table")


class NoEventTable(Exception):
    """The document holds no table whose header names events and dates."""


@dataclass
class _CityTable:
    """The jubilee or city-day table being read, and what its heading cites."""

    kind: str
    markers: list[str]
    approximate: bool
    heading: str = ""
    records: int = 0  # records read under the heading so far
    columns: dict[str, int] | None = None  # the roles a header row of the table names


@dataclass
class _Walk:
    """State carried from block to block."""

    year: int
    footnotes: dict[str, str]
    columns: Columns | None = None
    section: str | None = None
    current: EventRows | None = None
    city: _CityTable | None = None
    last_heading: Paragraph | None = None
    loose_lines: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)  # event ids given so far
    events: list[Event] = field(default_factory=list)
    jubilees: list[Jubilee] = field(default_factory=list)
    city_days: list[CityDay] = field(default_factory=list)
    warnings: list[PlanWarning] = field(default_factory=list)
    event_rows: int = 0  # rows of event tables read into events (numbered or continuing)
    unplaced_event_rows: int = 0  # rows of event tables that fit no event
    city_tables: list[_CityTable] = field(default_factory=list)
    city_headings: list[tuple[str, str]] = field(default_factory=list)  # (kind, text) of heading paragraphs


def extract_plan(document: Document, source: Source, fallback_year: int | None = None) -> Plan:
    """The plan in ``document`` (read from ``source``), the reader's warnings first; raises
    NoEventTable when there is no event table, ValidationError on a record built wrongly (a bug)."""
    blocks = list(document.blocks)
    first, first_grid = _first_event_table(blocks)
    if first is None:
        raise NoEventTable("no event table found (no table header names events and their dates)")
    footnotes = [Footnote(marker=n.marker, text=clean(n.text)) for n in document.footnotes]
    footnotes.extend(_typed_footnotes(blocks[first:], {note.marker for note in footnotes}))
    title_paragraphs = [b for b in blocks[:first] if isinstance(b, Paragraph) and clean(b.main_text)]
    title = _title(title_paragraphs)
    year = _year(title) or _year_anywhere(blocks) or _bare_year(title) or fallback_year
    if year is None:
        raise NoEventTable("the plan year is not stated (no 'на 2024 год' in the title)")
    walk = _Walk(year, {n.marker: n.text for n in footnotes})
    walk.warnings.extend(PlanWarning(code=w.code, message=w.message, where=w.where) for w in document.warnings)
    if not _year(title):
        walk.warnings.append(PlanWarning(code="year_guessed", where="title",
                                         message=f"no plan year in the title; using {year}"))
    for offset, block in enumerate(blocks[first:]):
        if isinstance(block, Table):
            _table(walk, block, first_grid if offset == 0 else lay_out(block))
        else:
            _paragraph(walk, block)
    _close_event(walk)
    check_event_rows(len(walk.events), walk.event_rows, walk.unplaced_event_rows)
    walk.warnings.extend(numbering_warnings(walk.numbers, "event"))
    walk.warnings.extend(_lost_warnings(walk, blocks))
    signatory = find_signatory(walk.loose_lines)
    if signatory is None:
        walk.warnings.append(PlanWarning(code="signatory_missing", message=SIGNATORY_MISSING))
    return Plan(source=source, title=title, year=year, events=walk.events, jubilees=walk.jubilees,
                city_days=walk.city_days, footnotes=footnotes, signatory=signatory, warnings=walk.warnings)


def _lost_warnings(walk: _Walk, blocks: list) -> list[PlanWarning]:
    """What the walk found missing: city headings with no records after them (in a table or
    as a paragraph no table followed), footnotes cited but absent (those a heading cites are
    reported where it is read)."""
    warnings: list[PlanWarning] = []
    for city in walk.city_tables:
        warnings.extend(empty_city_table(city.kind, city.heading, city.records))
    headed = {city.heading for city in walk.city_tables}
    for kind, heading in walk.city_headings:
        if heading not in headed:
            warnings.extend(empty_city_table(kind, heading, 0))
    reported = {m for city in walk.city_tables for m in city.markers if m not in walk.footnotes}
    warnings.extend(missing_footnotes(blocks, walk.footnotes, reported))
    return warnings


def _typed_footnotes(blocks: list, known: set[str]) -> list[Footnote]:
    """Footnotes typed as paragraphs after the event table ("* Даты указаны ориентировочно"),
    each of a marker the document cites (in the event table too: ``blocks`` start with it) and
    has no footnote for: a word processor's notes
    are the reader's, these are text a secretary typed."""
    cited: set[str] = set()
    notes: list[tuple[str, str]] = []
    for paragraph, cell in all_paragraphs(blocks):
        opening = _typed_note(paragraph)
        markers = list(paragraph.markers)
        if opening is not None:
            if cell is None:  # a cell's paragraph is the table's, no note under it
                notes.append(opening)
            markers = markers[1:] if markers[:1] == [opening[0]] else markers
        cited.update(markers)
        text = clean(paragraph.main_text)
        if opening is None and (glued := _TYPED_MARKER.search(text) or _UNRAISED_MARKER.search(text)):
            cited.add(plain_marker(glued.group().strip()))
    found: dict[str, str] = {}
    for marker, text in notes:
        if marker in cited and marker not in known and marker not in found:
            found[marker] = text
    return [Footnote(marker=marker, text=text) for marker, text in found.items()]


def _typed_note(paragraph: Paragraph) -> tuple[str, str] | None:
    """(marker, text) of a paragraph that reads as a footnote's: opening with a raised marker,
    or with a typed one (FOOTNOTE_OPENING); None otherwise."""
    first = next((run for run in paragraph.runs if run.text.strip()), None)
    if first is not None and first.marker is not None and first.note is None:
        text = clean(paragraph.main_text)
        return (first.marker, text) if text else None
    text = clean(paragraph.text)
    opening = FOOTNOTE_OPENING.match(text)
    if opening is None or not text[opening.end():]:
        return None
    return plain_marker(opening.group("glyph") or opening.group("number")), text[opening.end():]


def _first_event_table(blocks: list) -> tuple[int | None, list[GridRow]]:
    """Index of the first table whose header names an event table, and its grid."""
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            grid = lay_out(block)
            if _event_columns(grid) is not None:
                return index, grid
    return None, []


def _event_columns(grid: list[GridRow]) -> Columns | None:
    """The event-table columns of a table, unless its header heads a jubilee or city-day table
    (names_city_table): "№ | Наименование города | Юбилей | Дата" names a title and a date too."""
    columns = find_columns(grid)
    if columns is not None and names_city_table(grid[columns.header_index], columns.get("title")):
        return None
    return columns


def _title(paragraphs: list[Paragraph]) -> str:
    """The title: the last run of bold or heading paragraphs before the table, else all of them."""
    marked = [p.is_bold or p.heading_level is not None for p in paragraphs]
    if any(marked):
        end = max(i for i, flag in enumerate(marked) if flag) + 1
        start = end
        while start > 0 and marked[start - 1]:
            start -= 1
        paragraphs = paragraphs[start:end]
    return clean(" ".join(p.main_text for p in paragraphs))


def _year(text: str) -> int | None:
    """The plan year stated as "на 2024 год"."""
    match = re.search(YEAR_PHRASE, text, re.IGNORECASE)
    return int(match.group("year")) if match else None


def _year_anywhere(blocks: list) -> int | None:
    """A plan year stated in any paragraph, when the title does not state it."""
    for block in blocks:
        if isinstance(block, Paragraph) and (year := _year(block.text)):
            return year
    return None


def _bare_year(text: str) -> int | None:
    """Any four-digit year in the title ("План мероприятий 2025"), the last resort."""
    match = re.search(r"\b(?:19|20)\d{2}\b", text)
    return int(match.group()) if match else None


def _paragraph(walk: _Walk, paragraph: Paragraph) -> None:
    """A paragraph after the event table: a heading for the next table, or the signature."""
    text = clean(paragraph.main_text)
    if not text:
        return
    note = _typed_note(paragraph)
    if note is None or walk.footnotes.get(note[0]) != note[1]:  # a typed note read is no signature line
        walk.loose_lines.extend(clean(line) for line in paragraph.main_text.split("\n") if clean(line))
    walk.last_heading = paragraph
    kind = _kind_of(text) if _is_heading(paragraph) else None
    if kind:  # reported at the end unless a table of its records follows
        walk.city_headings.append((kind, text))


def _table(walk: _Walk, table: Table, grid: list[GridRow]) -> None:
    """Read one table (laid out on its grid) as events, as jubilees or city days, or as loose lines."""
    columns = _event_columns(grid)
    heading = walk.last_heading
    walk.last_heading = None
    kind = _kind_of(heading.main_text) if heading is not None and _is_heading(heading) else None
    if columns is not None:
        _close_event(walk)
        walk.columns, walk.city = columns, None
        if heading is not None and walk.events:
            walk.section = clean(heading.main_text)
        _rows(walk, grid[columns.header_index + 1:])
    elif heading is None and walk.city is None and _continues_events(walk, grid):
        _rows(walk, grid)
    else:
        _close_event(walk)
        walk.columns = None
        if kind:
            walk.city = _city_table(walk, kind, list(heading.markers), clean(heading.main_text))
        elif heading is not None and _is_heading(heading):
            walk.city = None  # a new heading of another kind ends the jubilee or city-day table
        _rows(walk, grid)


def _is_heading(paragraph: Paragraph) -> bool:
    """A paragraph that can head a table: bold or a heading, or a short line that is not a
    sentence, nor a footnote ("1 Дни городов указаны ..."; _HEADING_NOTE, so a numbered heading
    "1) Юбилеи городов МАГ" still heads its table)."""
    if paragraph.is_bold or paragraph.heading_level is not None:
        return True
    first = next((run for run in paragraph.runs if run.text.strip()), None)
    if first is not None and first.marker is not None:
        return False  # opens with its marker: a footnote's text
    text = clean(paragraph.main_text)
    if len(text) > MAX_PLAIN_HEADING or text.endswith("."):
        return False
    return not _HEADING_NOTE.match(text)


def _continues_events(walk: _Walk, grid: list[GridRow]) -> bool:
    """A headerless table of the event table's width that goes on with its events (one table
    split in two at a page break, nothing between them): its first event the next number, or
    rows going on with the last event. The split may fall before a section's heading row: the
    event after it then takes the next number, or 1 where the plan's sections number their own:
    one began again at 1 already, or the table opened with a section (a section heading over
    another table's first row "1." is no sign)."""
    columns = walk.columns
    width = grid_width(grid)
    if columns is None or width != columns.width:
        return False
    numbers = [*walk.numbers, *([walk.current.number] if walk.current else [])]
    last = numbers[-1] if numbers else 0
    first = walk.events[0] if walk.events else walk.current
    restarts = 1 in numbers[1:] or (first is not None and first.section is not None)
    after_heading = False
    for gridrow in grid:
        row = classify(gridrow, columns.get("number"), width, sections=True)
        if row.kind == "numbered":
            return row.number == last + 1 or (after_heading and restarts and row.number == 1)
        if row.kind == "heading" and not row.by_bold_only and not _kind_of(clean(row.heading or "")):
            after_heading = True  # a section's heading (a jubilee or city-day table's is no event's)
        elif row.kind != "empty":
            return row.kind == "continuation" and walk.current is not None and not after_heading
    return False


def _rows(walk: _Walk, grid: list[GridRow]) -> None:
    """Read rows in the current mode, switching mode at a jubilee or city-day heading."""
    width = grid_width(grid)
    unread: list[GridRow] = []
    for gridrow in grid:
        check_time(f"table row {gridrow.index + 1}")
        if walk.columns is not None and (is_header_repeat(gridrow, walk.columns) or is_column_numbering(gridrow)):
            continue
        number_column = walk.columns.get("number") if walk.columns else 0
        row = classify(gridrow, number_column, width, sections=walk.columns is not None and walk.city is None)
        if row.kind == "empty":
            continue
        if row.kind == "heading" and not (row.by_bold_only and walk.current and walk.city is None):
            _heading_row(walk, clean(row.heading or ""), list(row.markers))
        elif walk.city is not None:
            _city_row(walk, gridrow)
        elif walk.columns is not None and row.kind == "numbered":
            _close_event(walk)
            walk.current = EventRows(row.number or 0, walk.section, gridrow)
            walk.current.add_row(gridrow, walk.columns)
            walk.event_rows += 1
        elif walk.columns is not None and walk.current is not None:
            walk.current.add_row(gridrow, walk.columns)
            walk.event_rows += 1
            if row.unread_number:
                walk.warnings.append(PlanWarning(
                    code="number_unread", where=f"table row {gridrow.index + 1}",
                    message=f"the number cell {row.unread_number!r} is not an event number: "
                            f"the row was added to event {walk.current.number}"))
        else:
            unread.append(gridrow)
            walk.unplaced_event_rows += walk.columns is not None
    _report_unread(walk, unread)


def _report_unread(walk: _Walk, unread: list[GridRow]) -> None:
    """Rows that fit no record: kept as loose lines (a signature may be among them) and,
    unless they are a small signature block, reported so no text is silently lost. Rows of
    an event table are never a signature: their text is only reported."""
    lines = [[text for s in gridrow.own_slots() if (text := cell_text(s.cell))] for gridrow in unread]
    if walk.columns is None:
        for cells in lines:
            walk.loose_lines.extend(cells)
    if len(unread) > MAX_SIGNATURE_ROWS or (unread and find_signatory([c for cells in lines for c in cells]) is None):
        for gridrow, cells in zip(unread, lines):
            walk.warnings.append(PlanWarning(
                code="row_unplaced", where=f"table row {gridrow.index + 1}",
                message=f"row fits no column: {' | '.join(cells)!r}"))
        if walk.columns is None and walk.city is None:  # a table read as no records at all
            walk.warnings.append(PlanWarning(
                code="records_missing", where=f"table rows {unread[0].index + 1}-{unread[-1].index + 1}",
                message=f"a table of {len(unread)} rows after the event table is read as no records: "
                        "no heading above it names jubilees or city days"))


def _heading_row(walk: _Walk, text: str, markers: list[str]) -> None:
    """A heading row: a new section, or the start of a jubilee or city-day table."""
    _close_event(walk)
    kind = _kind_of(text)
    if kind:
        walk.city = _city_table(walk, kind, markers, text)
    elif walk.city is None and walk.columns is not None:
        walk.section = text
    else:
        walk.loose_lines.append(text)


def _city_table(walk: _Walk, kind: str, markers: list[str], heading: str) -> _CityTable:
    """The state for a jubilee or city-day table under a heading citing ``markers``.

    A heading that raises no marker but ends in a footnote's number glued to its last
    word ("... МАГ1") cites that footnote; that reading is reported, not silent.
    """
    typed = _TYPED_MARKER.search(heading) if not markers else None
    unraised = _UNRAISED_MARKER.search(heading) if not markers else None
    if typed:
        markers = [plain_marker(typed.group("marker"))]
    elif unraised and unraised.group() in walk.footnotes:
        markers = [unraised.group()]
        walk.warnings.append(PlanWarning(
            code="footnote_unraised", where=f"{kind} heading",
            message=f"the heading {heading!r} ends in {markers[0]!r} glued to its last word, "
                    f"not raised: read as citing footnote {markers[0]!r}"))
    for marker in markers:
        if marker not in walk.footnotes:
            walk.warnings.append(PlanWarning(
                code="footnote_missing", where=f"{kind} heading",
                message=f"the heading cites footnote {marker!r} but the document has no such footnote"))
    notes = " ".join(walk.footnotes.get(marker, "") for marker in markers).lower()
    approximate = any(word in notes for word in APPROXIMATE_WORDS)
    city = _CityTable(kind, markers, approximate, heading)
    walk.city_tables.append(city)
    return city


def _city_row(walk: _Walk, gridrow: GridRow) -> None:
    """One row of a jubilee or city-day table."""
    city = walk.city
    header = header_columns(gridrow)
    if header is not None:
        city.columns = header
        return
    record, warnings = city_record(city.kind, gridrow, walk.year, city.approximate, list(city.markers),
                                   city.columns)
    walk.warnings.extend(warnings)
    city.records += record is not None
    if isinstance(record, Jubilee):
        walk.jubilees.append(record)
    elif isinstance(record, CityDay):
        walk.city_days.append(record)


def _kind_of(text: str) -> str | None:
    """"jubilees" or "city_days" when a heading names one of those tables."""
    lowered = text.lower()
    for kind, stems in TABLE_KINDS.items():
        if any(stem in lowered for stem in stems):
            return kind
    return None


def _close_event(walk: _Walk) -> None:
    """Build the event being gathered, if any."""
    rows, walk.current = walk.current, None
    if rows is None or walk.columns is None:
        return
    event_id = _event_id(walk, rows.number)
    event, warnings = build_event(rows, walk.columns, walk.year, event_id)
    walk.numbers.append(rows.number)
    walk.events.append(event)
    walk.warnings.extend(warnings)


def _event_id(walk: _Walk, number: int) -> str:
    """"<year>-<number>"; a repeated number gets a suffix so ids stay unique."""
    base = f"{walk.year}-{number:02d}"
    suffix = 2
    event_id = base
    while event_id in walk.ids:
        event_id = f"{base}.{suffix}"
        suffix += 1
    walk.ids.add(event_id)
    return event_id
