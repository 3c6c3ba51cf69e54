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
import types
from typing import Any, Callable, Union, get_args, get_origin

from pydantic import BaseModel

from schemas.tables import RENAMED

# A field whose column name differs from its flat name because SQL reserves the word.
SQL_RENAMED = {"where": "location"}


def record_row(record: BaseModel, value: Callable[[Any], Any] | None = None, prefix: str = "") -> dict[str, Any]:
    """One record as a flat row keyed by column name, each value passed through ``value``
    (``sql_value`` by default)."""
    value = value or sql_value
    row: dict[str, Any] = {}
    for name, info in type(record).model_fields.items():
        field = getattr(record, name)
        nested = nested_model(info.annotation)
        if nested is not None:
            row.update(record_row(field, value, prefix + name + "_") if field is not None
                       else dict.fromkeys(flat_columns(nested, prefix + name + "_")))
        else:
            row[column_name(prefix + name)] = value(field)
    return row


def record_from_row(model: type[BaseModel], row: dict[str, Any]) -> BaseModel:
    """The record a row holds: the inverse of ``record_row``."""
    return model.model_validate(_field_values(model, row, ""))


def flat_columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """The column names of ``model``'s rows, in field order."""
    names: list[str] = []
    for name, info in model.model_fields.items():
        nested = nested_model(info.annotation)
        names.extend(flat_columns(nested, prefix + name + "_") if nested else [column_name(prefix + name)])
    return names


def column_name(flat_name: str) -> str:
    """The column of a flattened field name: the contract's short names, then SQL renames."""
    name = RENAMED.get(flat_name, flat_name)
    return SQL_RENAMED.get(name, name)


def sql_value(value: Any) -> Any:
    """A field value as SQLite stores it."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        items = [item.model_dump(mode="json") if isinstance(item, BaseModel) else item for item in value]
        return json.dumps(items, ensure_ascii=False)
    return value


def _field_values(model: type[BaseModel], row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    """The field values of ``model`` in ``row`` (None for an optional nested model that is all NULL)."""
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        nested = nested_model(info.annotation)
        if nested is not None:
            values[name] = _field_values(nested, row, prefix + name + "_")
            continue
        value = row[column_name(prefix + name)]
        values[name] = json.loads(value) if value is not None and is_list(info.annotation) else value
    if prefix and all(value is None for value in values.values()):
        return None
    return values


def nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model class of a field typed ``Model`` or ``Model | None`` (not a list of models)."""
    for candidate in (annotation, *_union_members(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def is_list(annotation: Any) -> bool:
    """True for a field typed ``list[...]`` or ``list[...] | None``."""
    return any(get_origin(candidate) is list for candidate in (annotation, *_union_members(annotation)))


def _union_members(annotation: Any) -> tuple:
    return get_args(annotation) if get_origin(annotation) in (Union, types.UnionType) else ()
