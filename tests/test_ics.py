"""The iCalendar export: it parses back with icalendar, holds the records, and keeps its UIDs."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from ingest.export.ics import plan_calendar, stable_uid, summary_note, write_ics, years_word
from schemas.plan import DateSpan
from tests.feed_plans import expected_plan, with_date_pieces

D = dt.date
STAMP = dt.datetime(2024, 1, 15, 9, 30, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def plan():
    return expected_plan()


@pytest.fixture(scope="module")
def calendar(plan):
    return Calendar.from_ical(plan_calendar(plan, STAMP).ics)


def vevents(calendar) -> list:
    return list(calendar.walk("VEVENT"))


def by_summary_start(calendar, start: str):
    [found] = [event for event in vevents(calendar) if str(event["summary"]).startswith(start)]
    return found


def test_the_calendar_has_prodid_version_and_crlf_lines(plan):
    ics = plan_calendar(plan, STAMP).ics
    calendar = Calendar.from_ical(ics)
    assert calendar.name == "VCALENDAR"
    assert str(calendar["version"]) == "2.0" and "mag-plan" in str(calendar["prodid"])
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n") and ics.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in ics.split(b"\r\n"))  # folded as RFC 5545 asks


def test_every_vevent_is_all_day_with_uid_stamp_and_exclusive_end(calendar):
    assert len(vevents(calendar)) == 11 + 8 + 9
    for event in vevents(calendar):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is dt.date and type(end) is dt.date  # dates, not date-times
        assert event["dtstart"].params["VALUE"] == "DATE"
        assert end > start
        assert event.decoded("dtstamp") == STAMP
        assert str(event["uid"]).endswith("@mag-plan")
    uids = [str(event["uid"]) for event in vevents(calendar)]
    assert len(set(uids)) == len(uids)


@pytest.mark.parametrize("summary, start, end, location, category", [
    ("XXX сессия МАГ по тематике Умного города (ориентировочно: май)",
     D(2024, 5, 1), D(2024, 6, 1), "Хабаровск", "Мероприятия МАГ"),
    ("Конференция представителей СМИ. Подведение итогов XII конкурса «Город в зеркале СМИ» "
     "(ориентировочно: февраль)", D(2024, 2, 1), D(2024, 3, 1), "Москва", "Мероприятия МАГ"),
    ("Участие в Международном форуме общественной дипломатии «Диалог на Волге: мир и взаимопонимание "
     "в XXI веке»", D(2024, 10, 31), D(2024, 11, 2), "Волгоград", "Мероприятия МАГ"),
    ("Юбилей: Симферополь — 240 лет (ориентировочно: 2 июня)",
     D(2024, 6, 2), D(2024, 6, 3), "Симферополь", "Юбилеи городов"),
    ("День города: Москва — 877 лет (ориентировочно: 8-9 сентября)",
     D(2024, 9, 8), D(2024, 9, 10), "Москва", "Дни городов"),
], ids=["month", "february_leap", "day_range_across_months", "jubilee", "city_day"])
def test_a_vevent_holds_its_record(calendar, summary, start, end, location, category):
    event = by_summary_start(calendar, summary)
    assert str(event["summary"]) == summary
    assert (event.decoded("dtstart"), event.decoded("dtend")) == (start, end)
    assert str(event["location"]) == location
    assert [str(c) for c in event["categories"].cats] == [category]


def test_each_placed_event_equals_its_record(plan, calendar):
    placed = {str(event["uid"]): event for event in vevents(calendar)}
    checked = 0
    for record in plan.events:
        if record.date.kind in ("recurring", "unscheduled"):
            continue
        event = placed[stable_uid(plan.year, f"{record.number:02d}", record.title)]
        assert str(event["summary"]).startswith(record.title)
        assert event.decoded("dtstart") == record.date.start
        assert event.decoded("dtend") == record.date.end + dt.timedelta(days=1)
        assert str(event.get("location")) == (record.place or "None")
        description = str(event["description"])
        assert f"№ {record.number}" in description
        assert all(organizer in description for organizer in record.organizers)
        checked += 1
    assert checked == 11


def test_the_description_gives_number_dates_and_organizers(calendar):
    described = by_summary_start(calendar, "Участие в Международном форуме общественной дипломатии")
    assert str(described["description"]).splitlines() == [
        "План МАГ на 2024 год, № 10", "Сроки: 31октябрь-1ноябрь", "Организаторы: Администрация Волгограда"]


def test_the_description_gives_the_section_and_the_items(plan):
    in_section = plan.events[14]
    dated = in_section.model_copy(update={
        "items": ["ОКМО", "АСДГ"], "organizers": [], "note": "По плану Правительства Москвы",
        "date": DateSpan(text="5-6 июля", kind="day_range", start=D(2024, 7, 5), end=D(2024, 7, 6))})
    calendar = Calendar.from_ical(plan_calendar(plan.model_copy(update={"events": [dated]}), STAMP).ics)
    assert str(vevents(calendar)[0]["description"]).splitlines() == [
        "План МАГ на 2024 год, № 15", f"Раздел: {in_section.section}", "Сроки: 5-6 июля",
        "Примечание: По плану Правительства Москвы", "• ОКМО", "• АСДГ"]


def test_unscheduled_and_recurring_items_are_left_out_and_counted(plan):
    export = plan_calendar(plan, STAMP)
    assert export.summary() == ("11 events, 8 jubilees, 9 city days (27 approximate); "
                                "left out: 5 recurring, 3 unscheduled")


def test_uids_are_the_same_on_every_export(plan):
    first = Calendar.from_ical(plan_calendar(plan, STAMP).ics)
    later = Calendar.from_ical(plan_calendar(plan, STAMP + dt.timedelta(days=30)).ics)
    assert [str(e["uid"]) for e in vevents(first)] == [str(e["uid"]) for e in vevents(later)]


@pytest.mark.parametrize("other, same", [
    (("2024", "01", "XXX  сессия МАГ по тематике умного города."), True),   # spacing, case, punctuation
    (("2024", "01", "XXX сессия МАГ по тематике Умного гoрода"), False),    # a Latin "o": another title
    (("2024", "02", "XXX сессия МАГ по тематике Умного города"), False),    # another number
    (("2025", "01", "XXX сессия МАГ по тематике Умного города"), False),    # another year
])
def test_a_uid_follows_year_number_and_normalised_title(other, same):
    uid = stable_uid(2024, "01", "XXX сессия МАГ по тематике Умного города")
    assert (stable_uid(int(other[0]), other[1], other[2]) == uid) is same


@pytest.mark.parametrize("date, note", [
    (DateSpan(text="май", kind="month", start=D(2024, 5, 1), end=D(2024, 5, 31)), " (ориентировочно: май)"),
    (DateSpan(text="II квартал", kind="quarter", start=D(2024, 4, 1), end=D(2024, 6, 30)),
     " (ориентировочно: II квартал)"),
    (DateSpan(text="5-6 июля", kind="day_range", start=D(2024, 7, 5), end=D(2024, 7, 6)), ""),
    (DateSpan(text="2 июня", kind="day", start=D(2024, 6, 2), end=D(2024, 6, 2), approximate=True),
     " (ориентировочно: 2 июня)"),
    (DateSpan(text="до 15 марта", kind="deadline", end=D(2024, 3, 15)), " (срок: до 15 марта)"),
])
def test_the_summary_marks_coarse_or_approximate_dates(date, note):
    assert summary_note(date) == note


def test_a_deadline_is_placed_on_its_last_day(plan):
    deadline = DateSpan(text="до 15 марта", kind="deadline", end=D(2024, 3, 15))
    event = plan.events[0].model_copy(update={"date": deadline})
    calendar = Calendar.from_ical(plan_calendar(plan.model_copy(update={"events": [event]}), STAMP).ics)
    placed = by_summary_start(calendar, "XXX")
    assert (placed.decoded("dtstart"), placed.decoded("dtend")) == (D(2024, 3, 15), D(2024, 3, 16))


@pytest.mark.parametrize("phrase, start, end", [
    ("14 мая 11.00", dt.datetime(2024, 5, 14, 11, 0), None),
    ("10.10.2024 с 10-00 до 12-00", dt.datetime(2024, 10, 10, 10, 0), dt.datetime(2024, 10, 10, 12, 0)),
])
def test_a_day_with_a_time_is_a_timed_event_in_local_time(plan, phrase, start, end):
    from parsers.dates import parse_date

    event = plan.events[0].model_copy(update={"date": parse_date(phrase, 2024)})
    ics = plan_calendar(plan.model_copy(update={"events": [event], "jubilees": [], "city_days": []}), STAMP).ics
    [placed] = vevents(Calendar.from_ical(ics))
    assert placed.decoded("dtstart") == start and placed.decoded("dtstart").tzinfo is None
    assert (placed.decoded("dtend") if "dtend" in placed else None) == end
    assert "TRANSP" not in placed and b"DTSTART:2024" in ics  # a date-time, floating (no TZID, no Z)


def test_a_date_of_several_pieces_is_one_vevent_per_piece(plan):
    pieces = with_date_pieces(plan).model_copy(update={"jubilees": [], "city_days": []})
    placed = [e for e in vevents(Calendar.from_ical(plan_calendar(pieces, STAMP).ics))
              if str(e["summary"]).startswith("XXX")]
    assert [(e.decoded("dtstart"), e.decoded("dtend")) for e in placed] == [
        (D(2024, 3, 12), D(2024, 3, 13)), (D(2024, 3, 19), D(2024, 3, 20)), (D(2024, 3, 26), D(2024, 3, 27))]
    assert [str(e["uid"]).split("@")[0][-2:] for e in placed] == ["-1", "-2", "-3"]


def test_the_same_number_and_title_twice_get_two_uids(plan):
    twice = plan.model_copy(update={"events": [plan.events[0], plan.events[0]], "jubilees": [], "city_days": []})
    uids = [str(e["uid"]) for e in vevents(Calendar.from_ical(plan_calendar(twice, STAMP).ics))]
    assert len(uids) == 2 and len(set(uids)) == 2


@pytest.mark.parametrize("number, words", [
    (1, "1 год"), (2, "2 года"), (5, "5 лет"), (11, "11 лет"), (12, "12 лет"), (21, "21 год"),
    (240, "240 лет"), (1762, "1762 года"), (2806, "2806 лет"), (957, "957 лет"), (1001, "1001 год"),
])
def test_years_take_the_russian_plural(number, words):
    assert years_word(number) == words


def test_write_ics_writes_the_file(plan, tmp_path):
    path = tmp_path / "plan_2024.ics"
    export = write_ics(plan, path, STAMP)
    assert path.read_bytes() == export.ics
    assert [p.name for p in tmp_path.iterdir()] == ["plan_2024.ics"]
