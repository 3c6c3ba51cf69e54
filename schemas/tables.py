"""Flat table views of the records: the CSV columns, derived from the models.

A nested model becomes prefixed columns ("source" → source_page, source_row;
"date" → date_text, date_kind, ...). A date's recurrence and approximate flag
keep their plain names, as the contract's CSV columns fix them.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
import types
from typing import Any, Callable, Union, get_args, get_origin

from pydantic import BaseModel

from schemas.plan import CityDay, Event, Jubilee

# Columns whose flattened name is shortened: the contract's names.
RENAMED = {"date_recurrence": "recurrence", "date_approximate": "approximate"}
LIST_SEPARATOR = "; "

TABLES: dict[str, type[BaseModel]] = {"events": Event, "jubilees": Jubilee, "city_days": CityDay}


def columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """The flat column names of ``model``, in field order."""
    names: list[str] = []
    for _, column, nested in fields_of(model, prefix):
        if nested is not None:
            names.extend(columns(nested, column))
        else:
            names.append(column)
    return names


def row_values(record: BaseModel, text: Callable[[str], str] | None = None) -> list[str]:
    """One record's cells in column order, as plain text (lists joined, dates ISO, booleans
    lower-case, absent values empty).

    ``text``, when given, is applied to the cells of text fields (a string or a list of
    strings) and to no others: the CSV writer passes ``ingest.export.safe_cells.neutralise``.
    """
    cells: list[str] = []
    _add_cells(record, _cell_plan(type(record)), text, cells)
    return cells


def _add_cells(record: BaseModel, plan: tuple, text: Callable[[str], str] | None, cells: list[str]) -> None:
    append = cells.append
    for name, nested, width in plan:
        value = getattr(record, name)
        if nested is not None:
            if value is None:
                cells.extend([""] * width)
            else:
                _add_cells(value, nested, text, cells)
        elif type(value) is str:  # most cells: the common case first
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


@cache
def _cell_plan(model: type[BaseModel]) -> tuple[tuple[str, tuple | None, int], ...]:
    """Per field of ``model``: its name, the plan of its nested model (or None) and how many
    columns it fills. Worked out once per model: typing introspection is slow per record."""
    return tuple((name, _cell_plan(nested) if nested is not None else None,
                  len(columns(nested)) if nested is not None else 1)
                 for name, _, nested in fields_of(model, ""))


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


def is_text(value: Any) -> bool:
    """True for a string or a non-empty list of strings: values a reader took from the document."""
    if isinstance(value, str):
        return True
    return isinstance(value, (list, tuple)) and bool(value) and all(isinstance(item, str) for item in value)


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
