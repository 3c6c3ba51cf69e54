"""A plan as an iCalendar file (RFC 5545) that calendar clients import.

Events with a span become one all-day VEVENT each (DTEND exclusive, the day after the span);
a day with a time ("14 мая 11.00", "с 10-00 до 12-00") is a timed VEVENT in floating local time
(the plan names no time zone), ending at its end time or, with none, at its start;
jubilees and city days too, each table in its own category. What has no span a calendar can
show (unscheduled, recurring over the year, an unreadable date) is left out and counted.
A span the document gives only to the month or coarser is marked "ориентировочно" in SUMMARY.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ingest.export.atomic import write_bytes_atomically
from schemas.plan import CityDay, DateSpan, Event, Jubilee, Plan

PRODID = "-//mag-plan//МАГ plan calendar 1.0//RU"
UID_DOMAIN = "mag-plan"

# table -> CATEGORIES of its VEVENTs
CATEGORIES = {"events": "Мероприятия МАГ", "jubilees": "Юбилеи городов", "city_days": "Дни городов"}

# Kinds whose span is a whole month or longer: the day itself is not known.
COARSE_KINDS = frozenset({"month", "month_range", "quarter", "half_year", "decade", "season", "year"})

# Kinds a calendar cannot place, and the reason counted in the summary.
LEFT_OUT = {"unscheduled": "unscheduled", "recurring": "recurring", "unknown": "unreadable date"}

# The words of SUMMARY notes and DESCRIPTION lines.
WORDS = {
    "approximate": "ориентировочно",
    "deadline": "срок",
    "plan_number": "План МАГ на {year} год, № {number}",
    "section": "Раздел: {section}",
    "dates": "Сроки: {text}",
    "organizers": "Организаторы: {names}",
    "note": "Примечание: {note}",
    "item": "• {item}",
    "jubilee": "Юбилей: {city} — {years}",
    "city_day": "День города: {city} — {age_text}",
    "founded": "Год основания: {founded}",
    "year_bce": "{year} г. до н. э.",
}
# Russian "год/года/лет" after a number.
YEAR_FORMS = ("год", "года", "лет")


@dataclass
class CalendarExport:
    """The iCalendar text and what went into it."""

    ics: bytes
    included: Counter = field(default_factory=Counter)   # table -> VEVENTs
    left_out: Counter = field(default_factory=Counter)   # reason -> records
    approximate: int = 0

    def summary(self) -> str:
        """"11 events, 8 jubilees, 9 city days (21 approximate); left out: 3 unscheduled, 5 recurring"."""
        made = ", ".join(f"{self.included[table]} {table.replace('_', ' ')}" for table in CATEGORIES)
        left = ", ".join(f"{count} {reason}" for reason, count in sorted(self.left_out.items())) or "nothing"
        return f"{made} ({self.approximate} approximate); left out: {left}"


@dataclass(frozen=True)
class Occurrence:
    """One all-day VEVENT to be: what it says and the days it covers (inclusive)."""

    table: str
    uid: str
    summary: str
    start: dt.date
    end: dt.date
    location: str | None
    description: str
    approximate: bool
    start_time: str | None = None  # "HH:MM": a timed VEVENT on the one day
    end_time: str | None = None


def plan_calendar(plan: Plan, stamp: dt.datetime | None = None) -> CalendarExport:
    """The plan as an iCalendar file; ``stamp`` is DTSTAMP (now, in UTC, by default)."""
    from icalendar import Calendar

    stamp = stamp or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", plan.title)
    export = CalendarExport(ics=b"")
    for occurrence in occurrences(plan, export.left_out):
        calendar.add_component(vevent(occurrence, stamp))
        export.included[occurrence.table] += 1
        export.approximate += occurrence.approximate
    export.ics = calendar.to_ical()
    return export


def write_ics(plan: Plan, path: str | Path, stamp: dt.datetime | None = None) -> CalendarExport:
    """Write the plan's calendar to ``path`` atomically; what went into it."""
    export = plan_calendar(plan, stamp)
    write_bytes_atomically(path, export.ics)
    return export


def occurrences(plan: Plan, left_out: Counter) -> Iterator[Occurrence]:
    """The VEVENTs of a plan in document order, unique UIDs; what cannot be placed is counted in ``left_out``."""
    notes = {footnote.marker: footnote.text for footnote in plan.footnotes}
    records = [("events", event, _event_text(plan, event)) for event in plan.events]
    records += [("jubilees", jubilee, _jubilee_text(jubilee, notes)) for jubilee in plan.jubilees]
    records += [("city_days", city_day, _city_day_text(city_day, notes)) for city_day in plan.city_days]
    seen: Counter = Counter()
    for table, record, (key, title, location, description) in records:
        reason = left_out_reason(record.date)
        if reason:
            left_out[reason] += 1
            continue
        pieces = date_pieces(record.date)
        for index, (start, end) in enumerate(pieces, start=1):
            uid = stable_uid(plan.year, *key, index if len(pieces) > 1 else None)
            seen[uid] += 1
            if seen[uid] > 1:  # the same number and title twice in one plan: keep both, apart
                uid = uid.replace("@", f"-{seen[uid]}@")
            yield Occurrence(table, uid, title + summary_note(record.date), start, end, location, description,
                             is_approximate(record.date), record.date.start_time, record.date.end_time)


def vevent(occurrence: Occurrence, stamp: dt.datetime):
    """One VEVENT: all-day, DTSTART the first day and DTEND the day after the last (exclusive);
    or timed on its day, DTSTART its start time and DTEND its end time when it has one."""
    from icalendar import Event as VEvent

    event = VEvent()
    event.add("uid", occurrence.uid)
    event.add("dtstamp", stamp)
    if occurrence.start_time:
        event.add("dtstart", _at(occurrence.start, occurrence.start_time))
        if occurrence.end_time:
            event.add("dtend", _at(occurrence.start, occurrence.end_time))
    else:
        event.add("dtstart", occurrence.start)
        event.add("dtend", occurrence.end + dt.timedelta(days=1))
    event.add("summary", occurrence.summary)
    event.add("categories", [CATEGORIES[occurrence.table]])
    if not occurrence.start_time:
        event.add("transp", "TRANSPARENT")  # a month-long span must not mark the month busy
    if occurrence.location:
        event.add("location", occurrence.location)
    event.add("description", occurrence.description)
    return event


def _at(day: dt.date, time: str) -> dt.datetime:
    """A floating local date-time: the plan gives the hour, not the time zone."""
    hours, minutes = map(int, time.split(":"))
    return dt.datetime.combine(day, dt.time(hours, minutes))


def left_out_reason(date: DateSpan) -> str | None:
    """Why a date has no place in a calendar, or None when it has one."""
    if date.kind in LEFT_OUT:
        return LEFT_OUT[date.kind]
    if date.end is None:
        return "no dates"
    return None


def date_pieces(date: DateSpan) -> list[tuple[dt.date, dt.date]]:
    """The inclusive day spans a date covers: its pieces when it names several, a deadline's last day."""
    if date.spans:
        return [(piece.start, piece.end) for piece in date.spans]
    return [(date.start or date.end, date.end)]


def is_approximate(date: DateSpan) -> bool:
    """True when the document gives the date only roughly: a month or coarser, or marked so."""
    return date.approximate or date.kind in COARSE_KINDS


def summary_note(date: DateSpan) -> str:
    """" (ориентировочно: май)", " (срок: до 15 марта)" or ""."""
    labels = [WORDS["deadline"]] if date.kind == "deadline" else []
    if is_approximate(date):
        labels.append(WORDS["approximate"])
    return f" ({', '.join(labels)}: {date.text.strip()})" if labels else ""


def stable_uid(year: int | None, label: str, text: str, piece: int | None = None) -> str:
    """A UID that is the same on every export: "2024-01-<hash of the normalised title>@mag-plan"."""
    digest = hashlib.sha256(normalised(text).encode("utf-8")).hexdigest()[:12]
    suffix = f"-{piece}" if piece else ""
    return f"{year or 'undated'}-{label}-{digest}{suffix}@{UID_DOMAIN}"


def normalised(text: str) -> str:
    """Case, "ё", punctuation and spacing folded away, so cosmetic edits keep a UID."""
    words = re.findall(r"\w+", text.casefold().replace("ё", "е"))
    return " ".join(words)


def years_word(number: int) -> str:
    """"1 год", "2 года", "5 лет", "11 лет", "21 год"."""
    if number % 10 == 1 and number % 100 != 11:
        form = YEAR_FORMS[0]
    elif number % 10 in (2, 3, 4) and number % 100 not in (12, 13, 14):
        form = YEAR_FORMS[1]
    else:
        form = YEAR_FORMS[2]
    return f"{number} {form}"


def _event_text(plan: Plan, event: Event) -> tuple[tuple[str, str], str, str | None, str]:
    """UID label and key, SUMMARY, LOCATION and DESCRIPTION of an event."""
    lines = [WORDS["plan_number"].format(year=plan.year, number=event.number)]
    if event.section:
        lines.append(WORDS["section"].format(section=event.section))
    lines.append(WORDS["dates"].format(text=event.date.text))
    if event.organizers:
        lines.append(WORDS["organizers"].format(names="; ".join(event.organizers)))
    elif event.note:
        lines.append(WORDS["note"].format(note=event.note))
    lines += [WORDS["item"].format(item=item) for item in event.items]
    return (f"{event.number:02d}", event.title), event.title, event.place, "\n".join(lines)


def _jubilee_text(jubilee: Jubilee, notes: dict[str, str]) -> tuple[tuple[str, str], str, str | None, str]:
    summary = WORDS["jubilee"].format(city=jubilee.city, years=years_word(jubilee.anniversary))
    return ("jubilee", jubilee.city), summary, jubilee.city, _city_description(jubilee.date, jubilee.founded, jubilee.footnotes,
                                                                   notes)


def _city_day_text(city_day: CityDay, notes: dict[str, str]) -> tuple[tuple[str, str], str, str | None, str]:
    summary = WORDS["city_day"].format(city=city_day.city, age_text=city_day.age_text)
    return ("city-day", city_day.city), summary, city_day.city, _city_description(city_day.date, city_day.founded,
                                                                    city_day.footnotes, notes)


def _city_description(date: DateSpan, founded: int, markers: list[str], notes: dict[str, str]) -> str:
    year = str(founded) if founded > 0 else WORDS["year_bce"].format(year=-founded)  # −782: 782 BCE
    lines = [WORDS["dates"].format(text=date.text), WORDS["founded"].format(founded=year)]
    lines += [notes[marker] for marker in markers if marker in notes]
    return "\n".join(lines)
