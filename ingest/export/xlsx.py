"""A plan as an Excel workbook: one sheet per record table, ready to read and filter.

The sheets are ``ingest.frames.frames([plan])`` without the plan columns, written by pandas
(engine openpyxl); openpyxl then dresses them: bold frozen header,
widths fitted to the content (capped), real Excel dates, wrapped long text. A text cell that
Excel could take for a formula ("=", "+", "-", "@", tab, CR first) is stored as text, marked
as typed with a leading apostrophe, so opening the file never runs anything.
pandas is imported only here, when a workbook is asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ingest.export.atomic import atomic_path
from ingest.export.safe_cells import looks_like_formula
from ingest.frames import PLAN_COLUMNS, TABLES, frames
from schemas.plan import Plan

# sheet -> the model of its rows, in workbook order: the frames' tables
SHEETS = TABLES

DATE_FORMAT = "DD.MM.YYYY"          # a real date; Excel shows it the Russian way
BOOLEAN_FORMAT = '"TRUE";"TRUE";"FALSE"'  # Excel's own code for a boolean cell
MAX_WIDTH = 60                      # characters; longer text wraps within the column
MIN_WIDTH = 6


def write_xlsx(plan: Plan, path: str | Path) -> dict[str, int]:
    """Write the plan's workbook to ``path`` atomically; rows written per sheet."""
    import pandas as pd

    written: dict[str, int] = {}
    with atomic_path(path) as temporary:
        with pd.ExcelWriter(temporary, engine="openpyxl", date_format=DATE_FORMAT,
                            datetime_format=DATE_FORMAT) as writer:
            for sheet, frame in frames([plan]).items():
                frame.drop(columns=list(PLAN_COLUMNS)).to_excel(writer, sheet_name=sheet, index=False)
                dress_sheet(writer.sheets[sheet])
                written[sheet] = len(frame)
    return written


def dress_sheet(sheet) -> None:
    """Bold frozen header, safe text, dates formatted, widths fitted, long text wrapped."""
    from openpyxl.styles import Alignment, Font

    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top")
    sheet.freeze_panes = "A2"
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if cell.value == "":
                cell.value = None  # pandas writes a missing value as "": keep the cell truly empty
            keep_as_text(cell)
            if isinstance(cell.value, (dt.date, dt.datetime)):
                cell.number_format = DATE_FORMAT
            elif isinstance(cell.value, bool):
                cell.number_format = BOOLEAN_FORMAT  # without it LibreOffice shows some as 0/1
    for column in sheet.iter_cols():
        fit_width(sheet, column, Alignment)


def keep_as_text(cell) -> None:
    """A text that starts like a formula becomes a plain text cell, apostrophe-prefixed in Excel's UI."""
    if isinstance(cell.value, str) and looks_like_formula(cell.value):
        cell.data_type = "s"      # openpyxl made "=..." a formula ("f") when pandas assigned it
        cell.quotePrefix = True   # what Excel records for a typed leading "'": shown and kept as text


def fit_width(sheet, column, alignment: Callable) -> None:
    """Width from the longest value (header included), capped; a column that hits the cap wraps."""
    from openpyxl.utils import get_column_letter

    longest = max((display_length(cell.value) for cell in column), default=0)
    width = min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.column_dimensions[get_column_letter(column[0].column)].width = width
    if longest + 2 > MAX_WIDTH:
        for cell in column[1:]:
            cell.alignment = alignment(wrap_text=True, vertical="top")


def display_length(value: Any) -> int:
    """How many characters a value shows: a date as DD.MM.YYYY, text by its longest line."""
    if value is None:
        return 0
    if isinstance(value, (dt.date, dt.datetime)):
        return len(DATE_FORMAT)
    return max(len(line) for line in str(value).splitlines() or [""])
