"""What counts as a change in a pair of events, a year apart."""

from __future__ import annotations

import pytest

from ingest.diff.compare import same_date
from ingest.diff.plans import event_changes
from parsers.dates import parse_date
from tests.diff_events import event


@pytest.mark.parametrize("old, new, same", [
    (("май", 2024), ("май", 2025), True),
    (("май", 2024), ("в мае", 2025), True),
    (("февраль", 2024), ("февраль", 2025), True),        # 29 days, then 28
    (("ежеквартал.", 2024), ("ежеквартально", 2025), True),
    (("31октябрь-1ноябрь", 2024), ("31 октября – 1 ноября", 2025), True),
    (("постоянно", 2024), ("постоянно", 2025), True),
    (("по отдельному графику", 2024), ("по отдельному графику", 2025), True),
    (("май", 2024), ("июнь", 2025), False),
    (("5-6 июля", 2024), ("6 июля", 2025), False),
    (("постоянно", 2024), ("ежеквартал.", 2025), False),
    (("май", 2024), ("по отдельному графику", 2025), False),
    (("14 мая 11.00", 2024), ("14 мая, 11:00", 2025), True),
    (("14 мая 11.00", 2024), ("14 мая 15.00", 2025), False),
    (("1 раз в 2 года", 2024), ("1 раз в 3 года", 2025), False),
])
def test_dates_are_the_same_when_they_mean_the_same_days_of_the_year(old, new, same):
    assert same_date(parse_date(*old), parse_date(*new)) is same


BASE = dict(place="Москва", organizers=("МАГ", "АСДГ"), items=("ОКМО", "АГП"), section="Раздел")


@pytest.mark.parametrize("old, new, changes", [
    (event(1, "Форум", **BASE), event(1, "Форум", year=2025, **BASE), {}),
    (event(1, "Форум", **BASE), event(2, "Форум", year=2025, **BASE), {"number": (1, 2)}),
    (event(1, "XXX сессия", **BASE), event(1, "XXXI сессия", year=2025, **BASE), {"edition": ("XXX", "XXXI")}),
    (event(1, "Конференция", **BASE), event(1, "XXV Конференция", year=2025, **BASE),
     {"title": ("Конференция", "XXV Конференция"), "edition": (None, "XXV")}),
    (event(1, "Форум  «Город»", **BASE), event(1, "Форум «Город»", year=2025, **BASE), {}),  # spacing only
    (event(1, "Форум «Город»", **BASE), event(1, "Форум \"Город\"", year=2025, **BASE),
     {"title": ("Форум «Город»", "Форум \"Город\"")}),  # quotes are written text: shown, though not for matching
    (event(1, "Форум", **BASE), event(1, "Форум", year=2025, **{**BASE, "place": None}),
     {"place": ("Москва", None)}),
    (event(1, "Форум", **BASE), event(1, "Форум", year=2025, **{**BASE, "organizers": ("АСДГ", "МАГ")}), {}),
    (event(1, "Форум", **BASE), event(1, "Форум", year=2025, **{**BASE, "organizers": ("МАГ",)}),
     {"organizers": (["МАГ", "АСДГ"], ["МАГ"])}),
    (event(1, "Форум", **BASE), event(1, "Форум", year=2025, **{**BASE, "items": ("ОКМО", "АГП", "АГУ")}),
     {"items": (["ОКМО", "АГП"], ["ОКМО", "АГП", "АГУ"])}),
    (event(1, "Форум", **BASE), event(1, "Форум", year=2025, **{**BASE, "section": None}),
     {"section": ("Раздел", None)}),
    (event(1, "Форум", date="май", **BASE), event(1, "Форум", year=2025, date="июнь", **BASE),
     {"date": ("май", "июнь")}),
])
def test_event_changes(old, new, changes):
    assert event_changes(old, new) == changes


def test_changes_come_in_a_fixed_field_order():
    old = event(1, "XXX сессия", place="Москва", date="май")
    new = event(2, "XXXI сессия", year=2025, place="Казань", date="июнь", section="Раздел")
    assert list(event_changes(old, new)) == ["number", "section", "edition", "date", "place"]
