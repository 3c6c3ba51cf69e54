"""Flat table views of the records: the CSV columns, derived from the models.

A nested model becomes prefixed columns ("source" → source_page, source_row;
"date" → date_text, date_kind, ...). A date's recurrence and approximate flag
keep their plain names, as the contract's CSV columns fix them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, get_args

from pydantic import BaseModel

from schemas.plan import CityDay, Event, Jubilee

# Columns whose flattened name is shortened: the contract's names.
RENAMED = {"date_recurrence": "recurrence", "date_approximate": "approximate"}
LIST_SEPARATOR = "; "

TABLES: dict[str, type[BaseModel]] = {"events": Event, "jubilees": Jubilee, "city_days": CityDay}


def columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """The flat column names of ``model``, in field order."""
    names: list[str] = []
    for name, info in model.model_fields.items():
        nested = _nested_model(info.annotation)
        if nested is not None:
            names.extend(columns(nested, f"{prefix}{name}_"))
        else:
            names.append(RENAMED.get(prefix + name, prefix + name))
    return names


def flatten(record: BaseModel, prefix: str = "") -> dict[str, Any]:
    """One record as a flat row of plain values (lists joined, dates ISO, booleans lower-case)."""
    row: dict[str, Any] = {}
    for name, info in type(record).model_fields.items():
        value = getattr(record, name)
        nested = _nested_model(info.annotation)
        if nested is not None:
            row.update(flatten(value, f"{prefix}{name}_") if value is not None
                       else dict.fromkeys(columns(nested, f"{prefix}{name}_"), ""))
        else:
            row[RENAMED.get(prefix + name, prefix + name)] = cell_value(value)
    return row


def cell_value(value: Any) -> str:
    """The text a CSV cell holds for one value."""
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


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model class of a field typed ``Model`` or ``Model | None``."""
    for candidate in (annotation, *get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None
