"""The extractor on block models built by hand: one behaviour per test."""

import pytest

from parsers.plan.extract import NoEventTable, extract_plan
from parsers.plan.rows import number_of
from parsers.blocks import Paragraph, Run
from tests.build import HEADER, TITLE, c, doc, li, p, row, table


def events_of(*rows, before=(TITLE,), after=(), **kw):
    return extract_plan(doc(*before, table(*rows), *after, **kw))


def test_title_and_year_come_from_the_paragraphs_before_the_table():
    found = events_of(HEADER, row("1.", "Сессия", "Москва май", ""),
                      before=(p("УТВЕРЖДАЮ"), p("Предложения в план", bold=True), p("на 2025 год", bold=True)))
    assert found.title == "Предложения в план на 2025 год"
    assert found.year == 2025
    assert found.events[0].id == "2025-01"


@pytest.mark.parametrize("header, cells, place, date_text, organizers", [
    (("№ п/п", "Мероприятия", "Место, дата", "Примечание"),
     ("1.", "Сессия", "Хабаровск май", "Организатор: МАГ"), "Хабаровск", "май", ["МАГ"]),
    (("№", "Наименование мероприятия", "Место проведения", "Сроки проведения", "Ответственные"),
     ("1", "Сессия", "Хабаровск", "май", "МАГ, Мэрия"), "Хабаровск", "май", ["МАГ", "Мэрия"]),
    (("Сроки проведения", "Наименование мероприятия", "№ п/п", "Место проведения", "Примечание"),
     ("май", "Сессия", "1.", "Хабаровск", "По плану"), "Хабаровск", "май", []),
], ids=["seed-layout", "renamed-and-split", "reordered"])
def test_columns_are_found_by_what_the_header_says(header, cells, place, date_text, organizers):
    event = events_of(row(*header), row(*cells)).events[0]
    assert (event.number, event.title, event.place, event.date.text, event.organizers) == (
        1, "Сессия", place, date_text, organizers)


def test_place_and_date_in_two_paragraphs_of_one_cell():
    event = events_of(HEADER, row("1.", "Сессия", c("Волгоград", "31октябрь-1ноябрь"), "")).events[0]
    assert event.place == "Волгоград"
    assert (event.date.kind, str(event.date.start), str(event.date.end)) == ("day_range", "2024-10-31", "2024-11-01")


def test_a_cell_holding_only_a_date_has_no_place():
    event = events_of(HEADER, row("1.", "Сессия", "по отдельному графику", "")).events[0]
    assert event.place is None and event.date.kind == "unscheduled"


def test_a_spanning_row_without_number_is_the_section_of_the_events_below():
    found = events_of(HEADER, row("1.", "А", "май", ""), row(c(p("Раздел", bold=True), span=4)),
                      row("2.", "Б", "май", ""))
    assert [e.section for e in found.events] == [None, "Раздел"]


def test_a_heading_written_in_the_number_column_with_empty_cells_is_a_section():
    found = events_of(HEADER, row("1.", "А", "май", ""), row("Раздел", "", "", ""), row("2.", "Б", "май", ""))
    assert [e.section for e in found.events] == [None, "Раздел"]


def test_a_continuation_row_is_merged_into_the_event_above():
    found = events_of(
        HEADER,
        row("1.", c(p("Участие в собраниях: • ОКМО • ВАРМСУ")), "по отдельному графику", ""),
        row("", c(li("• АГУ"), li("АСДГ")), "", ""),
        row("2.", "Б", "май", ""),
    )
    first = found.events[0]
    assert first.title == "Участие в собраниях:"
    assert first.items == ["ОКМО", "ВАРМСУ", "АГУ", "АСДГ"]
    assert first.participation is True
    assert [e.number for e in found.events] == [1, 2]


@pytest.mark.parametrize("text, number", [
    ("12.", 12), ("12", 12), (" 12) ", 12), ("10000.", 10000), ("999999", 999999),
    ("1234567", None), ("1.1", None), ("12а", None), ("", None), ("№", None),
])
def test_an_event_number_is_digits_with_an_optional_dot_or_bracket(text, number):
    assert number_of(text) == number


def test_a_row_numbered_past_9999_opens_its_own_event():
    found = events_of(HEADER, row("9999.", "А", "май", ""), row("10000.", "Б", "июнь", ""), before=(TITLE,))
    assert [(e.number, e.title) for e in found.events] == [(9999, "А"), (10000, "Б")]


def test_a_row_whose_number_cell_is_no_number_is_merged_and_reported():
    found = events_of(HEADER, row("1.", "Форум", "Москва май", ""), row("1.1", "Круглый стол", "", ""),
                      row("2.", "Б", "май", ""))
    first = found.events[0]
    assert [e.number for e in found.events] == [1, 2]
    assert first.parts == ["Форум", "Круглый стол"]
    assert [(w.code, w.where) for w in found.warnings] == [("number_unread", "table row 3")]
    assert "'1.1'" in found.warnings[0].message


def test_several_title_paragraphs_become_parts_and_join_into_the_title():
    event = events_of(HEADER, row("1.", c("Форум", "Круглый стол"), "Москва март", "")).events[0]
    assert event.parts == ["Форум", "Круглый стол"]
    assert event.title == "Форум Круглый стол"


def test_a_date_merged_down_a_column_applies_to_every_event_beside_it():
    found = events_of(HEADER, row("1.", "А", c("постоянно", down=2), ""), row(c("2."), c("Б"), c("")))
    assert [e.date.kind for e in found.events] == ["recurring", "recurring"]


def test_repeated_header_rows_and_column_numbering_rows_are_skipped():
    found = events_of(HEADER, row("1", "2", "3", "4"), row("1.", "А", "май", ""), HEADER, row("2.", "Б", "май", ""))
    assert [e.title for e in found.events] == ["А", "Б"]
    assert found.warnings == []


@pytest.mark.parametrize("numbers, codes", [
    ([1, 2, 4], ["numbering_gap"]),
    ([1, 2, 2], ["numbering_repeat"]),
    ([1, 2, 3], []),
])
def test_numbering_gaps_and_repeats_are_warnings(numbers, codes):
    found = events_of(HEADER, *[row(f"{n}.", f"Событие {i}", "май", "") for i, n in enumerate(numbers)])
    assert [w.code for w in found.warnings] == codes
    assert len({e.id for e in found.events}) == len(numbers)


def test_an_unknown_date_phrase_is_kept_raw_and_reported():
    found = events_of(HEADER, row("1.", "А", "Москва когда-нибудь потом", ""))
    assert found.events[0].date.kind == "unknown"
    assert [w.code for w in found.warnings] == ["date_unknown"]


@pytest.mark.parametrize("cell, codes", [
    ("Москва, 17 мая, четверг", ["date_doubtful"]),  # 17 May 2024 is a Friday: last year's cell?
    ("Москва, 16 мая, четверг", []),
    ("Москва, ноябрь, март", ["date_doubtful", "date_outside_year"]),  # March is read in 2025
])
def test_a_doubtful_date_is_read_and_reported(cell, codes):
    found = events_of(HEADER, row("1.", "А", cell, ""))
    assert found.events[0].date.kind != "unknown"
    assert [w.code for w in found.warnings] == codes


def test_no_event_table_is_an_error():
    with pytest.raises(NoEventTable):
        extract_plan(doc(TITLE, table(row("a", "b"), row("c", "d"))))


def test_signatory_is_the_position_lines_and_the_name_after_the_table():
    found = events_of(HEADER, row("1.", "А", "май", ""),
                      after=(p("Исполнительный вице-президент,\nгенеральный директор МАГ"), p(""),
                             p("В.И. Селиванов", bold=True)))
    assert found.signatory.position == "Исполнительный вице-президент, генеральный директор МАГ"
    assert found.signatory.name == "В.И. Селиванов"


def test_signatory_on_one_line_or_in_a_borderless_table():
    one_line = events_of(HEADER, row("1.", "А", "май", ""), after=(p("Генеральный директор\tИванов И.И."),))
    in_table = events_of(HEADER, row("1.", "А", "май", ""),
                         after=(table(row("Генеральный директор МАГ", "В.И. Селиванов")),))
    assert (one_line.signatory.position, one_line.signatory.name) == ("Генеральный директор", "Иванов И.И.")
    assert (in_table.signatory.position, in_table.signatory.name) == ("Генеральный директор МАГ", "В.И. Селиванов")


CITY_ROWS = (row("1.", "Симферополь", "240", "2 июня"),)


def test_jubilees_and_city_days_under_heading_rows_of_one_table():
    found = events_of(
        HEADER, row("1.", "А", "май", ""),
        after=(table(row(c(p("Юбилеи городов МАГ", bold=True, note="1"), span=4)),
                     row("1.", "Симферополь", "240", "2 июня"),
                     row(c(p("Дни городов-столиц членов МАГ", bold=True, sup="1"), span=4)),
                     row("1.", "Ереван", "2806 лет", "13 октября"),
                     row("2.", "Цхинвал", "1762 года", "20 сентября")),),
        footnotes={"1": "Дни городов указаны ОРИЕНТИРОВОЧНО"})
    jubilee, = found.jubilees
    assert (jubilee.city, jubilee.anniversary, jubilee.founded, jubilee.footnotes) == ("Симферополь", 240, 1784, ["1"])
    assert jubilee.date.approximate is True
    assert [(d.city, d.age, d.age_text, d.founded) for d in found.city_days] == [
        ("Ереван", 2806, "2806 лет", -782), ("Цхинвал", 1762, "1762 года", 262)]
    assert found.footnotes[0].text == "Дни городов указаны ОРИЕНТИРОВОЧНО"


def test_city_tables_after_heading_paragraphs_with_their_own_header_rows():
    found = events_of(
        HEADER, row("1.", "А", "май", ""),
        after=(p("Юбилеи городов", bold=True), table(row("Город", "Юбилей", "Дата"), row("Киров", "650", "12 июня")),
               p("Дни городов", bold=True), table(row("Город", "Возраст", "Дата"), row("Минск", "957 лет", "9 сентября"))))
    assert [(j.city, j.anniversary, j.date.approximate) for j in found.jubilees] == [("Киров", 650, False)]
    assert [(d.city, d.age) for d in found.city_days] == [("Минск", 957)]
    assert found.warnings == []


def test_a_table_split_in_two_goes_on_with_the_events():
    found = extract_plan(doc(TITLE, table(HEADER, row("1.", "А", "май", "")), p(""),
                             table(row("2.", "Б", "июнь", ""))))
    assert [e.number for e in found.events] == [1, 2]


def test_rows_that_fit_no_record_are_reported_not_lost():
    found = events_of(HEADER, row("", "Строка без номера до событий", "", ""), row("1.", "А", "май", ""),
                      after=(p("Прочее", bold=True), table(row("x", "y"), row("z", "w"), row("q", "r"))))
    unplaced = [w for w in found.warnings if w.code == "row_unplaced"]
    assert len(unplaced) == 4
    assert "Строка без номера до событий" in unplaced[0].message


@pytest.mark.parametrize("title, year, guessed", [
    ("План мероприятий на 2025 год", 2025, False),
    ("План мероприятий на 2025 г.", 2025, False),
    ("План мероприятий МАГ 2026", 2026, True),
])
def test_the_plan_year_comes_from_the_title_and_a_guess_is_reported(title, year, guessed):
    found = events_of(HEADER, row("1.", "А", "май", ""), before=(p(title, bold=True),))
    assert found.year == year
    assert any(w.code == "year_guessed" for w in found.warnings) is guessed


def test_a_city_table_split_in_two_goes_on_across_a_plain_paragraph():
    found = events_of(
        HEADER, row("1.", "А", "май", ""),
        after=(table(row(c(p("Юбилеи городов МАГ", bold=True), span=4)), row("1.", "Симферополь", "240", "2 июня")),
               p("1 Дни городов указаны ОРИЕНТИРОВОЧНО"),
               table(row("2.", "Киров", "650", "12 июня")),
               Paragraph((Run("1", superscript=True), Run("Дни городов указаны ОРИЕНТИРОВОЧНО"))),
               table(row("3.", "Уфа", "450", "12 июня")),
               p("Прочие сведения", bold=True),
               table(row("1.", "Город", "100", "1 мая"))))
    assert [j.city for j in found.jubilees] == ["Симферополь", "Киров", "Уфа"]
    assert found.city_days == []


def test_a_marker_without_its_footnote_is_reported():
    found = events_of(HEADER, row("1.", "А", "май", ""),
                      after=(table(row(c(p("Юбилеи городов МАГ", bold=True, sup="1"), span=4)),
                                   row("1.", "Киров", "650", "12 июня")),))
    assert [w.code for w in found.warnings] == ["footnote_missing"]
    assert found.jubilees[0].footnotes == ["1"] and found.jubilees[0].date.approximate is False


# A heading whose footnote number is plain text glued to its last word (LibreOffice
# turning an HTML page with the note cited twice into DOCX writes the second that way).
@pytest.mark.parametrize("heading, footnotes, approximate, warned", [
    ("Дни городов-столиц членов МАГ1", {"1": "Дни городов указаны ОРИЕНТИРОВОЧНО"}, True, True),
    ("Дни городов-столиц членов МАГ2", {"1": "Дни городов указаны ОРИЕНТИРОВОЧНО"}, False, False),  # no note 2
    ("Дни городов-столиц членов МАГ 1", {"1": "Дни городов указаны ОРИЕНТИРОВОЧНО"}, False, False),  # spaced off
    ("Дни городов-столиц членов МАГ", {"1": "Дни городов указаны ОРИЕНТИРОВОЧНО"}, False, False),
])
def test_a_footnote_number_glued_to_a_heading_cites_it(heading, footnotes, approximate, warned):
    found = events_of(HEADER, row("1.", "А", "май", ""),
                      after=(table(row(c(p(heading, bold=True), span=4)),
                                   row("1.", "Ереван", "2806 лет", "13 октября")),),
                      footnotes=footnotes)
    day, = found.city_days
    assert day.date.approximate is approximate
    assert day.footnotes == (["1"] if warned else [])
    assert [w.code for w in found.warnings] == (["footnote_unraised"] if warned else [])
