"""Plans as pandas DataFrames: one frame per record table, across any number of plans.

``frames(plans)`` is for a notebook (compare years, count events per month, filter by city)
and for the XLSX export, which writes these frames as its sheets. Each frame has one row per
record: first the plan's ``year`` (Int64) and ``file`` (the document it was read from), then the
record's flat columns as the store and the workbook name them (``schemas.tables``).
``date_start`` and ``date_end`` are datetime64 (NaT where a date names no day); lists are
joined with "; " as in the CSV; every other column holds the record's own values (text,
int, bool, None). pandas is imported only when a frame is asked for.
"""

from __future__ import annotations

import datetime as dt
import types
from functools import cache
from typing import TYPE_CHECKING, Any, Iterable, Union, get_args, get_origin

from schemas.plan import CityDay, Event, Jubilee, Plan, PlanWarning
from schemas.tables import cell_value, fields_of, flat_columns, flat_values

if TYPE_CHECKING:
    import pandas as pd

# frame -> the model of its rows, in the workbook's order
TABLES = {"events": Event, "jubilees": Jubilee, "city_days": CityDay, "warnings": PlanWarning}
# The columns that say which plan a row is from, before the record's own.
PLAN_COLUMNS = ("year", "file")


def frames(plans: Iterable[Plan]) -> dict[str, "pd.DataFrame"]:
    """One DataFrame per table ("events", "jubilees", "city_days", "warnings") across ``plans``,
    one row per record, in plan order then document order."""
    plans = list(plans)
    return {table: table_frame(plans, table) for table in TABLES}


def table_frame(plans: list[Plan], table: str) -> "pd.DataFrame":
    """One table's frame across ``plans`` (see ``frames``)."""
    import pandas as pd

    model = TABLES[table]
    rows = [[plan.year, plan.source.file, *map(frame_value, flat_values(record))]
            for plan in plans for record in getattr(plan, table)]
    frame = pd.DataFrame(rows, columns=[*PLAN_COLUMNS, *flat_columns(model)], dtype=object)
    frame["year"] = frame["year"].astype("Int64")
    for column in date_columns(model):
        frame[column] = pd.to_datetime(frame[column])
    return frame


def frame_value(value: Any) -> Any:
    """A field value as a frame holds it: lists joined as in the CSV, anything else as it is."""
    if isinstance(value, (list, tuple)):
        return cell_value(value)
    return value


@cache
def date_columns(model: type, prefix: str = "") -> tuple[str, ...]:
    """The flat columns of ``model`` whose field is a date (``date_start``, ``date_end``)."""
    found: list[str] = []
    for name, column, nested in fields_of(model, prefix):
        if nested is not None:
            found.extend(date_columns(nested, column))
        elif _is_date(model.model_fields[name].annotation):
            found.append(column)
    return tuple(found)


def _is_date(annotation: Any) -> bool:
    members = get_args(annotation) if get_origin(annotation) in (Union, types.UnionType) else ()
    return dt.date in (annotation, *members)
