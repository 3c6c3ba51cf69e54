"""Records as flat rows, derived from the models: the one flattener the CSV writer, the store
and the XLSX export (through ``ingest.frames``) all use.

A nested model becomes prefixed columns ("source" → source_page, source_row; "date" →
date_text, date_kind, ...); a date's recurrence and approximate flag keep their plain names,
as the contract's CSV columns fix them. ``flat_values`` walks a record once, in column order;
each feed says how it writes a value: the CSV as text (``row_values``), SQLite as ISO dates,
0/1 and JSON arrays (``sql_value``), a spreadsheet with real dates. The store and the
spreadsheet name ``where`` ``location`` (WHERE is SQL): ``flat_columns``.
"""

from __future__ import annotations

import datetime as dt
import json
import types
from functools import cache
from typing import Any, Callable, Union, get_args, get_origin

from pydantic import BaseModel

from schemas.plan import CityDay, Event, Jubilee

# Columns whose flattened name is shortened: the contract's names.
RENAMED = {"date_recurrence": "recurrence", "date_approximate": "approximate"}
# A field whose store and spreadsheet column differs from its CSV name because SQL reserves the word.
SQL_RENAMED = {"where": "location"}
LIST_SEPARATOR = "; "

TABLES: dict[str, type[BaseModel]] = {"events": Event, "jubilees": Jubilee, "city_days": CityDay}


# ---- columns ---------------------------------------------------------------

def columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """The flat column names of ``model``, in field order: the CSV columns."""
    names: list[str] = []
    for _, column, nested in fields_of(model, prefix):
        if nested is not None:
            names.extend(columns(nested, column))
        else:
            names.append(column)
    return names


def flat_columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """The column names of ``model``'s rows in the store and the spreadsheet: the CSV columns,
    SQL renames applied."""
    return [_sql_column(column) for column in columns(model, prefix)]


def _sql_column(column: str) -> str:
    return SQL_RENAMED.get(column, column)


@cache
def fields_of(model: type[BaseModel], prefix: str) -> tuple[tuple[str, str, type[BaseModel] | None], ...]:
    """Per field of ``model``: its name, its column (or the prefix of its nested columns) and
    its nested model. Worked out once per model: typing introspection is slow per record."""
    found = []
    for name, info in model.model_fields.items():
        nested = nested_model(info.annotation)
        column = f"{prefix}{name}_" if nested is not None else RENAMED.get(prefix + name, prefix + name)
        found.append((name, column, nested))
    return tuple(found)


# ---- a record's values -----------------------------------------------------

def flat_values(record: BaseModel) -> list[Any]:
    """The record's field values in column order, as the model holds them (an absent nested
    model gives None for each of its columns)."""
    values: list[Any] = []
    _add_values(record, _walk_plan(type(record)), values)
    return values


def _add_values(record: BaseModel, plan: tuple, values: list[Any]) -> None:
    for name, nested, width in plan:
        value = getattr(record, name)
        if nested is None:
            values.append(value)
        elif value is None:
            values.extend([None] * width)
        else:
            _add_values(value, nested, values)


@cache
def _walk_plan(model: type[BaseModel]) -> tuple[tuple[str, tuple | None, int], ...]:
    """Per field of ``model``: its name, the plan of its nested model (or None) and how many
    columns it fills. Worked out once per model: typing introspection is slow per record."""
    return tuple((name, _walk_plan(nested) if nested is not None else None,
                  len(columns(nested)) if nested is not None else 1)
                 for name, _, nested in fields_of(model, ""))


def record_row(record: BaseModel, value: Callable[[Any], Any] | None = None) -> dict[str, Any]:
    """One record as a flat row keyed by store column, each value passed through ``value``
    (``sql_value`` by default)."""
    value = value or sql_value
    return dict(zip(flat_columns(type(record)), map(value, flat_values(record))))


def record_from_row(model: type[BaseModel], row: dict[str, Any]) -> BaseModel:
    """The record a store row holds: the inverse of ``record_row``."""
    return model.model_validate(_field_values(model, row, ""))


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


# ---- how each feed writes a value ------------------------------------------

def row_values(record: BaseModel, text: Callable[[str], str] | None = None) -> list[str]:
    """One record's cells in column order, as plain text (lists joined, dates ISO, booleans
    lower-case, absent values empty).

    ``text``, when given, is applied to the cells of text fields (a string or a list of
    strings) and to no others: the CSV writer passes ``ingest.export.safe_cells.neutralise``.
    """
    cells: list[str] = []
    append = cells.append
    for value in flat_values(record):
        if type(value) is str:  # most cells: the common case first
            append(text(value) if text else value)
        elif value is None:  # the next most common: an empty cell, never a formula
            append("")
        elif type(value) is int:  # a number (not a bool): never text
            append(str(value))
        elif type(value) is list and all(type(item) is str for item in value):  # text items
            cell = LIST_SEPARATOR.join(value)
            append(text(cell) if text else cell)
        else:
            cell = cell_value(value)
            append(text(cell) if text and is_text(value) else cell)
    return cells


def cell_value(value: Any) -> str:
    """The text a CSV cell holds for one value."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return "/".join(cell_value(v) for v in value.model_dump().values())
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(cell_value(item) for item in value)
    return str(value)


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


def is_text(value: Any) -> bool:
    """True for a string or a non-empty list of strings: values a reader took from the document."""
    if isinstance(value, str):
        return True
    return isinstance(value, (list, tuple)) and bool(value) and all(isinstance(item, str) for item in value)


# ---- typing helpers --------------------------------------------------------

def nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model class of a field typed ``Model`` or ``Model | None`` (not a list of models)."""
    for candidate in (annotation, *_union_members(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def is_list(annotation: Any) -> bool:
    """True for a field typed ``list[...]``, ``tuple[...]`` or either ``| None``."""
    return any(get_origin(candidate) in (list, tuple) for candidate in (annotation, *_union_members(annotation)))


def _union_members(annotation: Any) -> tuple:
    return get_args(annotation) if get_origin(annotation) in (Union, types.UnionType) else ()
