"""Jubilees and city days of two plans, compared by city.

A city's age (a jubilee's anniversary) should grow by the year difference; when
it does not, the diff says so in a warning. The age is not itself a change: it
grows every year.
"""

from __future__ import annotations

from collections.abc import Sequence

from ingest.diff.compare import plain, same_date
from schemas.diff import CityChange, CityDiff, Changes
from schemas.plan import CityDay, Jubilee, PlanWarning

CityRecord = Jubilee | CityDay


def diff_cities(old: Sequence[CityRecord], new: Sequence[CityRecord], years: int | None,
                table: str) -> CityDiff:
    """Added, removed and changed cities of one table ("jubilees" or "city_days")."""
    old_by_city, new_by_city = by_city(old), by_city(new)
    changed, warnings, unchanged = [], [], 0
    for key, record in new_by_city.items():
        if key not in old_by_city:
            continue
        changes, warning = city_changes(old_by_city[key], record, years, table)
        if warning:
            warnings.append(warning)
        if changes:
            changed.append(CityChange(city=record.city, changes=changes))
        else:
            unchanged += 1
    return CityDiff(
        added=[record.city for key, record in new_by_city.items() if key not in old_by_city],
        removed=[record.city for key, record in old_by_city.items() if key not in new_by_city],
        changed=changed, unchanged=unchanged, warnings=warnings)


def by_city(records: Sequence[CityRecord]) -> dict[str, CityRecord]:
    """Records keyed by city (compared as plain text); a repeated city gets "#2", "#3"."""
    keyed: dict[str, CityRecord] = {}
    for record in records:
        key, count = plain(record.city), 1
        while key in keyed:
            count += 1
            key = f"{plain(record.city)}#{count}"
        keyed[key] = record
    return keyed


def city_changes(old: CityRecord, new: CityRecord, years: int | None,
                 table: str) -> tuple[Changes, PlanWarning | None]:
    """The changed fields of one city (its date), and a warning when its age did not grow as the years did."""
    changes: Changes = {}
    if not same_date(old.date, new.date):
        changes["date"] = (old.date.text, new.date.text)
    field = "anniversary" if isinstance(new, Jubilee) else "age"
    old_age, new_age = getattr(old, field), getattr(new, field)
    if years is None or new_age - old_age == years:
        return changes, None
    warning = PlanWarning(
        code="age_not_grown",
        message=f"{new.city}: {field} {old_age} → {new_age}, expected {old_age + years} "
                f"({years:+d} year{'s' if abs(years) != 1 else ''})",
        where=warning_where(table, new.city))
    return changes, warning


def warning_where(table: str, city: str) -> str:
    """Where a city's warning points: "city_days: Душанбе"."""
    return f"{table}: {city}"
