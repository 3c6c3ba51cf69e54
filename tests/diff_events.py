"""Events and plans built in tests, with only the fields a case cares about."""

from __future__ import annotations

from schemas.plan import CityDay, DateSpan, Event, EventSource, Jubilee, Plan, Source


def event(number: int, title: str, *, year: int = 2024, place: str | None = None, date: str = "май",
          organizers: tuple[str, ...] = (), items: tuple[str, ...] = (), section: str | None = None) -> Event:
    """An event of the ``year`` plan; its date is kept as text (unknown kind)."""
    return Event(id=f"{year}-{number:02d}", number=number, section=section, title=title, items=list(items),
                 participation=title.startswith("Участие в"), place=place,
                 date=DateSpan(text=date, kind="unknown"), organizers=list(organizers),
                 source=EventSource(row=number + 1))


def city_day(city: str, age: int, date: str) -> CityDay:
    return CityDay(city=city, age=age, age_text=f"{age} лет", date=DateSpan(text=date, kind="unknown"),
                   founded=0)


def jubilee(city: str, anniversary: int, date: str) -> Jubilee:
    return Jubilee(city=city, anniversary=anniversary, date=DateSpan(text=date, kind="unknown"), founded=0)


def plan(year: int, events=(), jubilees=(), city_days=()) -> Plan:
    """A plan of ``year`` holding the given records."""
    return Plan(source=Source(file=f"plan_{year}.docx", format="docx", sha256="0" * 64),
                title=f"План на {year} год", year=year, events=list(events), jubilees=list(jubilees),
                city_days=list(city_days))
