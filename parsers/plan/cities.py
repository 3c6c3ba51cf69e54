"""Build jubilee and city-day records from the rows of their tables.

A row reads "[number] | city | anniversary or age | date". The columns are
found by what the cells hold, so a table without a number column, or with
its own header row, reads the same. A header row naming the columns ("Город |
Дата | Возраст", "Год основания") gives their order instead, and the columns it
names that no record field holds are reported cell by cell, not dropped.
"""

from __future__ import annotations

import re

from parsers.plan.cells import cell_text
from parsers.plan.checks import read_date
from parsers.plan.grid import GridRow
from parsers.plan.vocab import AGE_WORDS, CITY_COLUMN_ROLES, CITY_WORDS
from parsers.plan.rows import number_of
from schemas.plan import CityDay, Jubilee, PlanWarning

_AGE = re.compile(r"^(?P<age>\d{1,5})\s*(?P<word>" + "|".join(AGE_WORDS) + r")?\.?$", re.IGNORECASE)


def row_texts(gridrow: GridRow) -> list[str]:
    """The row's non-empty cell texts, a leading row number dropped."""
    texts = [text for slot in gridrow.own_slots() if (text := cell_text(slot.cell))]
    if len(texts) >= 4 and number_of(texts[0]) is not None:
        texts = texts[1:]
    return texts


def looks_like_header(texts: list[str]) -> bool:
    """A column-header row ("Город | Возраст | Дата"): no number where the age goes."""
    return len(texts) == 3 and not any(ch.isdigit() for ch in texts[1] + texts[2])


# The roles a record is read from; a header must name them all.
RECORD_ROLES = ("city", "age", "date")


def header_columns(gridrow: GridRow) -> dict[str, int] | None:
    """The grid column of each role a jubilee or city-day header row names ("Город | Дата |
    Возраст"), the first column of a role; another column (of no role, or of a role taken
    already) under its header's text; None for a row that is no such
    header (a digit in it, or city, age or date not named)."""
    columns: dict[str, int] = {}
    for slot in gridrow.own_slots():
        text = cell_text(slot.cell)
        if any(ch.isdigit() for ch in text):
            return None
        if text:  # a second column of a role is kept under its header's text, reported as unread
            key = role if (role := _city_role(text)) and role not in columns else text
            columns[key if key not in columns else f"{text} (column {slot.column + 1})"] = slot.column
    return columns if all(role in columns for role in RECORD_ROLES) else None


def _stems(stems: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern finding any of ``stems`` at a word's start (one ending in a space: a whole word)."""
    return re.compile("|".join(rf"(?<!\w){re.escape(stem.rstrip())}" + (r"(?!\w)" if stem.endswith(" ") else "")
                               for stem in stems), re.IGNORECASE)


_ROLE_PATTERNS = {role: _stems(stems) for role, stems in CITY_COLUMN_ROLES.items()}
_CITY_WORD = _stems(CITY_WORDS)


def _city_role(text: str) -> str | None:
    lowered = text.lower().replace("ё", "е")
    return next((role for role, pattern in _ROLE_PATTERNS.items() if pattern.search(lowered)), None)


def names_city_table(gridrow: GridRow, title_column: int | None) -> bool:
    """True for a header that heads a jubilee or city-day table though it names an event
    title and a date ("№ | Наименование города | Юбилей | Дата"): it names a city, an age and a
    date, its city column is the event reading's title column (no other column could hold
    the events' titles), and that column names a city ("Город", "Столица") or says no more
    than "Наименование"."""
    columns = header_columns(gridrow)
    if columns is None or columns["city"] != title_column:
        return False
    slot = gridrow.at(title_column)
    text = cell_text(slot.cell) if slot else ""
    return bool(_CITY_WORD.search(text)) or len(text.split()) == 1


def city_record(
    kind: str, gridrow: GridRow, year: int, approximate: bool, footnotes: list[str],
    columns: dict[str, int] | None = None,
) -> tuple[Jubilee | CityDay | None, list[PlanWarning]]:
    """A jubilee or city-day record from one row, read by the ``columns`` of the table's header
    row when it has one, or the reason it could not be read; (None, []) for a column-header row."""
    where = f"{kind} table row {gridrow.index + 1}"
    if columns is not None:
        cells = {role: cell_text(slot.cell) if (slot := gridrow.at(column)) else ""
                 for role, column in columns.items()}
        texts = [cells[role] for role in RECORD_ROLES]
    else:
        cells, texts = {}, row_texts(gridrow)
        if looks_like_header(texts):
            return None, []
    age = _AGE.match(texts[1]) if len(texts) == 3 and texts[0] else None
    if age is None:
        shown = [text for slot in gridrow.own_slots() if (text := cell_text(slot.cell))] if cells else texts
        return None, [PlanWarning(code="row_unplaced", where=where,
                                  message=f"row fits no column: {' | '.join(shown)!r}")]
    city, age_text, date_text = texts
    date, warnings = read_date(date_text, year, where)
    warnings.extend(_other_cells(cells, city, year - int(age.group("age")), where))
    if approximate and date.start is not None:
        date = date.model_copy(update={"approximate": True})
    number = int(age.group("age"))
    if kind == "jubilees":
        return Jubilee(city=city, anniversary=number, date=date, founded=year - number,
                       footnotes=footnotes), warnings
    return CityDay(city=city, age=number, age_text=age_text, date=date, founded=year - number,
                   footnotes=footnotes), warnings


def _other_cells(cells: dict[str, str], city: str, founded: int, where: str) -> list[PlanWarning]:
    """The cells of columns no record field holds, each reported with its text; a foundation
    year that is the plan year less the age is the record's own ``founded``, another is reported."""
    warnings = []
    for role, text in cells.items():
        if role in RECORD_ROLES or role == "number" or not text:
            continue
        if role == "founded":
            if text.rstrip(" г.") != str(founded):
                warnings.append(PlanWarning(
                    code="founded_differs", where=where,
                    message=f"the table says {city} was founded in {text!r}; the plan year less its "
                            f"age gives {founded}, which the record holds"))
            continue
        warnings.append(PlanWarning(
            code="cell_unread", where=where,
            message=f"the {role!r} cell of {city}, {text!r}, has no field in the record: kept only here"))
    return warnings
