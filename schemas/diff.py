"""The diff contract: what `mag-plan diff --format json` writes.

A diff pairs the events of an OLD and a NEW plan one-to-one by content and
lists what changed in each pair, what appeared and what disappeared. Jubilees
and city days are compared by city. Every change is ``field: [old, new]``.
"""

from __future__ import annotations

from pydantic import Field

from schemas.plan import Model, PlanWarning, SourceFormat

DIFF_SCHEMA_VERSION = "1.1"  # 1.1: a side's format may be odt, fodt, rtf, doc or markdown

# What one side of a change can hold: a text, a number, a list of texts, nothing.
ChangeValue = str | int | list[str] | None
Changes = dict[str, tuple[ChangeValue, ChangeValue]]

EVENT_FIELDS: tuple[str, ...] = ("number", "section", "title", "edition", "date", "place", "organizers", "items")


class PlanRef(Model):
    """Which plan one side of the diff is."""

    file: str
    format: SourceFormat
    sha256: str
    year: int | None
    title: str


class EventPair(Model):
    """An OLD event and the NEW event it continues as."""

    old: str = Field(description="Event id in the old plan.")
    new: str = Field(description="Event id in the new plan.")
    score: float = Field(ge=0, le=1, description="How sure the pairing is: 0..1, at least the threshold.")
    reasons: list[str] = Field(description='Why the two were paired: "same title", "edition XVI → XVII", ...')
    changes: Changes = Field(
        default_factory=dict,
        description=f"Fields that changed, each [old, new]; fields: {', '.join(EVENT_FIELDS)}. "
                    "Empty when the pair is unchanged.")


class CityChange(Model):
    """A city present in both plans whose record changed."""

    city: str
    changes: Changes = Field(description='Fields that changed, each [old, new]: "date" (as written).')


class CityDiff(Model):
    """Jubilees or city days compared by city."""

    added: list[str] = Field(default_factory=list, description="Cities only in the new plan.")
    removed: list[str] = Field(default_factory=list, description="Cities only in the old plan.")
    changed: list[CityChange] = Field(default_factory=list)
    unchanged: int = 0
    warnings: list[PlanWarning] = Field(
        default_factory=list, description="E.g. a city's age that did not grow by the year difference.")


class PlanDiff(Model):
    """The semantic diff of two plans."""

    schema_version: str = DIFF_SCHEMA_VERSION
    old: PlanRef
    new: PlanRef
    year_difference: int | None = Field(description="new year − old year; null when a year is unknown.")
    threshold: float = Field(description="The score below which two events are left unpaired.")
    pairs: list[EventPair] = Field(
        default_factory=list,
        description="Paired events in the new plan's order; unchanged pairs are left out unless asked for.")
    added: list[str] = Field(default_factory=list, description="Ids of events only in the new plan.")
    removed: list[str] = Field(default_factory=list, description="Ids of events only in the old plan.")
    unchanged: int = Field(0, description="How many pairs have no change.")
    jubilees: CityDiff = Field(default_factory=CityDiff)
    city_days: CityDiff = Field(default_factory=CityDiff)

    @property
    def has_differences(self) -> bool:
        """True when anything was added, removed or changed (warnings alone are not differences)."""
        return bool(
            self.added or self.removed or any(pair.changes for pair in self.pairs)
            or any(side.added or side.removed or side.changed for side in (self.jubilees, self.city_days)))

    def without_unchanged(self) -> "PlanDiff":
        """The same diff with the unchanged pairs left out (they stay counted)."""
        return self.model_copy(update={"pairs": [pair for pair in self.pairs if pair.changes]})
