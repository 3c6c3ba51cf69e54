"""Spreadsheet-safe cells: text a spreadsheet would execute is made inert.

Excel, LibreOffice and Google Sheets run a cell that begins with "=", "+", "-"
or "@" as a formula (and a leading tab or carriage return can hide one), so a
plan row titled "=HYPERLINK(...)" would run when the CSV is opened. Following
OWASP's advice on CSV injection, such text gets a leading apostrophe: the
spreadsheet shows the text as written and runs nothing. JSON keeps the text
as written; this is only for the CSV and XLSX writers.

Only text is neutralised: a number such as ``founded = -782`` (a city founded
in 782 BCE) stays a number. ``schemas.tables.row_values(record, text=neutralise)``
applies the rule to exactly the text-valued columns.
"""

from __future__ import annotations

from pydantic import BaseModel

from schemas.tables import row_values

# The first characters that make a spreadsheet cell a formula (OWASP, "CSV Injection"), and
# their full-width forms (U+FF1D, U+FF0B, U+FF0D, U+FF20), which spreadsheets in East Asian
# locales convert to the ASCII ones as the cell is typed or imported.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
INERT_PREFIX = "'"


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would run ``text`` as a formula (the XLSX writer marks such cells as text)."""
    return text.startswith(FORMULA_TRIGGERS)


def neutralise(text: str) -> str:
    """``text`` with a leading apostrophe when a spreadsheet would run it as a formula."""
    return INERT_PREFIX + text if looks_like_formula(text) else text


def spreadsheet_values(record: BaseModel) -> list[str]:
    """One record's CSV cells in column order, its text columns neutralised."""
    return row_values(record, text=neutralise)
