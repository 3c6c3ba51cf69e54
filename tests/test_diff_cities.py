"""Jubilees and city days are compared by city: added, removed, date moved, age not grown."""

from __future__ import annotations

import pytest

from ingest.diff.cities import diff_cities
from tests.diff_events import city_day, jubilee


def test_cities_added_removed_and_unchanged():
    old = [city_day("Минск", 956, "9 сентября"), city_day("Кишинёв", 587, "14 октября")]
    new = [city_day("Цхинвал", 1762, "20 сентября"), city_day("Минск", 957, "9 сентября")]
    diff = diff_cities(old, new, 1, "city_days")
    assert (diff.added, diff.removed, diff.changed, diff.unchanged) == (["Цхинвал"], ["Кишинёв"], [], 1)


@pytest.mark.parametrize("old_date, new_date, moved", [
    ("9 сентября", "9 сентября", False),
    ("9 сентября", "13 сентября", True),
    ("5-6 июля", "6 июля", True),
])
def test_a_moved_date_is_a_change(old_date, new_date, moved):
    diff = diff_cities([city_day("Астана", 26, old_date)], [city_day("Астана", 27, new_date)], 1, "city_days")
    assert [c.changes for c in diff.changed] == ([{"date": (old_date, new_date)}] if moved else [])


@pytest.mark.parametrize("old_age, new_age, years, warned", [
    (348, 349, 1, False),
    (348, 348, 1, True),    # copied from last year
    (348, 350, 1, True),
    (348, 350, 2, False),
    (348, 348, 0, False),   # the same plan twice
    (348, 348, None, False),  # a year unknown: nothing to expect
])
def test_an_age_that_did_not_grow_by_the_year_difference_is_a_warning(old_age, new_age, years, warned):
    diff = diff_cities([city_day("Душанбе", old_age, "1 сентября")], [city_day("Душанбе", new_age, "1 сентября")],
                       years, "city_days")
    assert [w.where for w in diff.warnings] == (["city_days: Душанбе"] if warned else [])
    assert diff.changed == []  # the age is not a change in itself


def test_a_jubilee_anniversary_is_checked_like_an_age():
    diff = diff_cities([jubilee("Киров", 650, "12 июня")], [jubilee("Киров", 650, "12 июня")], 1, "jubilees")
    assert diff.warnings[0].code == "age_not_grown" and "anniversary" in diff.warnings[0].message


def test_cities_are_matched_whatever_the_case_and_spacing():
    diff = diff_cities([city_day("Ростов-на-Дону", 1, "май")], [city_day("ростов-на-дону ", 2, "май")], 1, "x")
    assert (diff.added, diff.removed, diff.unchanged) == ([], [], 1)


def test_a_city_listed_twice_is_compared_in_order():
    old = [city_day("Москва", 1, "май"), city_day("Москва", 1, "июнь")]
    new = [city_day("Москва", 2, "май"), city_day("Москва", 2, "июль")]
    diff = diff_cities(old, new, 1, "city_days")
    assert [c.changes for c in diff.changed] == [{"date": ("июнь", "июль")}] and diff.unchanged == 1
