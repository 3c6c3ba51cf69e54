"""Build jubilee and city-day records from the rows of their tables.

A row reads "[number] | city | anniversary or age | date". The columns are
found by what the cells hold, so a table without a number column, or with
its own header row, reads the same.
"""

from __future__ import annotations

import re

from parsers.plan.cells import cell_text
from parsers.plan.checks import read_date
from parsers.plan.grid import GridRow
from parsers.plan.vocab import AGE_WORDS
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


def city_record(
    kind: str, gridrow: GridRow, year: int, approximate: bool, footnotes: list[str]
) -> tuple[Jubilee | CityDay | None, list[PlanWarning]]:
    """A jubilee or city-day record from one row, or the reason it could not be read;
    (None, []) for a column-header row."""
    where = f"{kind} table row {gridrow.index + 1}"
    texts = row_texts(gridrow)
    if looks_like_header(texts):
        return None, []
    age = _AGE.match(texts[1]) if len(texts) == 3 else None
    if age is None:
        return None, [PlanWarning(code="row_unplaced", where=where,
                                  message=f"row fits no column: {' | '.join(texts)!r}")]
    city, age_text, date_text = texts
    date, warnings = read_date(date_text, year, where)
    if approximate and date.start is not None:
        date = date.model_copy(update={"approximate": True})
    number = int(age.group("age"))
    if kind == "jubilees":
        return Jubilee(city=city, anniversary=number, date=date, founded=year - number,
                       footnotes=footnotes), warnings
    return CityDay(city=city, age=number, age_text=age_text, date=date, founded=year - number,
                   footnotes=footnotes), warnings

