"""What every rendering of a diff shows, independent of the output format.

A ``DiffView`` holds the diff and both plans, so a renderer can name events by
their titles; it knows which pairs to list (unchanged ones only when asked) and
describes each change as old → new, or as members added and removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schemas.diff import ChangeValue, CityDiff, EventPair, PlanDiff, PlanRef
from schemas.plan import CityDay, Event, Jubilee, Plan

LIST_FIELDS = ("organizers", "items")
MISSING = "—"


@dataclass(frozen=True)
class FieldChange:
    """One changed field: old → new for a value, members removed and added for a list."""

    field: str
    old: str | None = None
    new: str | None = None
    removed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()

    @property
    def is_list(self) -> bool:
        """True for organizers and items, shown as members removed and added."""
        return self.field in LIST_FIELDS


def field_changes(changes: dict[str, tuple[ChangeValue, ChangeValue]]) -> list[FieldChange]:
    """The changes of a pair or a city, in their order, ready to show."""
    shown = []
    for name, (old, new) in changes.items():
        if name in LIST_FIELDS:
            before, after = list(old or []), list(new or [])
            shown.append(FieldChange(name, removed=tuple(x for x in before if x not in after),
                                     added=tuple(x for x in after if x not in before)))
        else:
            shown.append(FieldChange(name, value_text(old), value_text(new)))
    return shown


def value_text(value: ChangeValue) -> str:
    """A changed value as text; nothing is shown as a dash."""
    if value is None or value == "" or value == []:
        return MISSING
    return "; ".join(value) if isinstance(value, list) else str(value)


def event_where(event: Event) -> str:
    """Place and date as one line: "Москва, февраль"."""
    return ", ".join(text for text in (event.place, event.date.text) if text)


def side_label(ref: PlanRef) -> str:
    """"plan_2024.docx (2024)"."""
    return f"{ref.file} ({ref.year})" if ref.year is not None else ref.file


def city_record_text(record: Jubilee | CityDay) -> str:
    """"930, 8 июня" for a jubilee, "589 лет, 14 октября" for a city day."""
    age = record.age_text if isinstance(record, CityDay) else str(record.anniversary)
    return f"{age}, {record.date.text}"


@dataclass
class DiffView:
    """A diff with both plans, for rendering."""

    diff: PlanDiff
    old: Plan
    new: Plan
    show_all: bool = False
    _old_events: dict[str, Event] = field(init=False, repr=False)
    _new_events: dict[str, Event] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._old_events = {event.id: event for event in self.old.events}
        self._new_events = {event.id: event for event in self.new.events}

    def old_event(self, event_id: str) -> Event:
        """The old plan's event with this id."""
        return self._old_events[event_id]

    def new_event(self, event_id: str) -> Event:
        """The new plan's event with this id."""
        return self._new_events[event_id]

    @property
    def changed_pairs(self) -> list[EventPair]:
        """Pairs with at least one change, in the new plan's order."""
        return [pair for pair in self.diff.pairs if pair.changes]

    @property
    def unchanged_pairs(self) -> list[EventPair]:
        """Pairs with no change, listed only when asked for (--all)."""
        return [pair for pair in self.diff.pairs if not pair.changes] if self.show_all else []

    def city_records(self, table: str) -> tuple[dict[str, Jubilee | CityDay], dict[str, Jubilee | CityDay]]:
        """The old and new records of "jubilees" or "city_days", by city."""
        return ({r.city: r for r in getattr(self.old, table)}, {r.city: r for r in getattr(self.new, table)})

    def events_summary(self) -> str:
        """"16 paired (1 unchanged), 2 added, 3 removed"."""
        diff = self.diff
        return (f"{len(diff.pairs)} paired ({diff.unchanged} unchanged), "
                f"{len(diff.added)} added, {len(diff.removed)} removed")


def cities_summary(cities: CityDiff) -> str:
    """"1 added, 5 changed, 4 unchanged, 1 warning" (zero counts left out, but never empty)."""
    counts = [(len(cities.added), "added"), (len(cities.removed), "removed"),
              (len(cities.changed), "changed"), (cities.unchanged, "unchanged")]
    parts = [f"{count} {word}" for count, word in counts if count]
    if cities.warnings:
        parts.append(f"{len(cities.warnings)} warning{'s' if len(cities.warnings) != 1 else ''}")
    return ", ".join(parts) or "none in either plan"


CITY_TABLES = (("jubilees", "Jubilees"), ("city_days", "City days"))
