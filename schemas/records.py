"""Records ↔ flat rows for the store and the spreadsheet, derived from the models as
schemas/tables.py derives the CSV columns.

A nested model becomes prefixed columns (``date`` → ``date_text``, ``date_kind``, ...); the
contract's short names (``recurrence``, ``approximate``) apply, and ``where`` is ``location``
(WHERE is SQL). Each feed passes how it writes a value: SQLite stores dates as ISO text,
booleans 0/1 and lists as JSON arrays (``sql_value``); a spreadsheet keeps real dates.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Callable

from pydantic import BaseModel

from schemas.tables import columns, fields_of, is_list, nested_model

__all__ = ["record_row", "record_from_row", "flat_columns", "sql_value", "nested_model", "is_list"]

# A field whose column name differs from its flat name because SQL reserves the word.
SQL_RENAMED = {"where": "location"}


def record_row(record: BaseModel, value: Callable[[Any], Any] | None = None, prefix: str = "") -> dict[str, Any]:
    """One record as a flat row keyed by column name, each value passed through ``value``
    (``sql_value`` by default)."""
    value = value or sql_value
    row: dict[str, Any] = {}
    for name, column, nested in fields_of(type(record), prefix):
        field = getattr(record, name)
        if nested is not None:
            row.update(record_row(field, value, column) if field is not None
                       else dict.fromkeys(flat_columns(nested, column)))
        else:
            row[_sql_column(column)] = value(field)
    return row


def record_from_row(model: type[BaseModel], row: dict[str, Any]) -> BaseModel:
    """The record a row holds: the inverse of ``record_row``."""
    return model.model_validate(_field_values(model, row, ""))


def flat_columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """The column names of ``model``'s rows, in field order: the CSV columns, SQL renames applied."""
    return [_sql_column(column) for column in columns(model, prefix)]


def _sql_column(column: str) -> str:
    return SQL_RENAMED.get(column, column)


def sql_value(value: Any) -> Any:
    """A field value as SQLite stores it."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        items = [item.model_dump(mode="json") if isinstance(item, BaseModel) else item for item in value]
        return json.dumps(items, ensure_ascii=False)
    return value


def _field_values(model: type[BaseModel], row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    """The field values of ``model`` in ``row`` (None for an optional nested model that is all NULL)."""
    values: dict[str, Any] = {}
    for name, column, nested in fields_of(model, prefix):
        if nested is not None:
            values[name] = _field_values(nested, row, column)
            continue
        value = row[_sql_column(column)]
        listed = is_list(model.model_fields[name].annotation)
        values[name] = json.loads(value) if value is not None and listed else value
    if prefix and all(value is None for value in values.values()):
        return None
    return values
