"""The extractor on block models built by hand: one behaviour per test."""

import pytest

from parsers.plan.extract import NoEventTable, extract_plan
from parsers.plan.rows import number_of
from parsers.blocks import Paragraph, Run
from parsers.errors import IngestError
from tests.build import HEADER, SIGNATURE, SOURCE, TITLE, c, doc, li, p, row, table


def events_of(*rows, before=(TITLE,), after=(SIGNATURE,), **kw):
    return extract_plan(doc(*before, table(*rows), *after, **kw), SOURCE)


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


@pytest.mark.parametrize("number, title, section", [
    ("I.", "ОСНОВНЫЕ МЕРОПРИЯТИЯ", "I. ОСНОВНЫЕ МЕРОПРИЯТИЯ"),
    ("II", c(p("Участие", bold=True)), "II Участие"),
    ("ІV.", c(p("Издания", bold=True)), "ІV. Издания"),  # a Cyrillic І typed for the Latin I
    ("Раздел 2", "Издания", "Раздел 2 Издания"),
    ("Часть III.", "Издания", "Часть III. Издания"),
])
def test_a_section_numbered_in_the_number_column_heads_the_events_below(number, title, section):
    found = events_of(HEADER, row("1.", "А", "май", ""), row(number, title, "", ""), row("2.", "Б", "май", ""))
    assert [(e.title, e.section) for e in found.events] == [("А", None), ("Б", section)]
    assert found.warnings == []


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
        extract_plan(doc(TITLE, table(row("a", "b"), row("c", "d"))), SOURCE)


def test_signatory_is_the_position_lines_and_the_name_after_the_table():
    found = events_of(HEADER, row("1.", "А", "май", ""),
                      after=(p("Исполнительный вице-президент,\nгенеральный директор МАГ"), p(""),
                             p("В.И. Селиванов", bold=True)))
    assert found.signatory.position == "Исполнительный вице-президент, генеральный директор МАГ"
    assert found.signatory.name == "В.И. Селиванов"


@pytest.mark.parametrize("lines, position, name", [
    (["Исполнительный директор", "_____________ Петров-Водкин А. Б."], "Исполнительный директор", "Петров-Водкин А. Б."),
    (["Исполнительный директор МАГ", "(подпись)", "А.Б. Петров"], "Исполнительный директор МАГ", "А.Б. Петров"),
    (["Генеральный секретарь МАГ ________ А.Б. Петров", "М.П."], "Генеральный секретарь МАГ", "А.Б. Петров"),
    (["Генеральный секретарь МАГ\tА.Б. Петров", "«15» декабря 2025 г."], "Генеральный секретарь МАГ", "А.Б. Петров"),
    (["Исполнительный вице-президент,", "генеральный директор", "Международной Ассамблеи столиц и крупных городов",
      "______________", "(подпись)", "В.И. Селиванов"],
     "Исполнительный вице-президент, генеральный директор Международной Ассамблеи столиц и крупных городов",
     "В.И. Селиванов"),
    (["Генеральный директор МАГ", "Подпись: ____________ В.И. Селиванов", "М.П."], "Генеральный директор МАГ",
     "В.И. Селиванов"),
    (["Генеральный директор МАГ", "— — —", "В.И. Селиванов"], "Генеральный директор МАГ", "В.И. Селиванов"),
], ids=["signing-line", "signature-word", "line-and-seal", "date-line-after", "three-lines-and-signing-lines",
        "signature-word-with-colon", "letterless-line"])
def test_the_signing_line_and_its_captions_are_no_part_of_the_position(lines, position, name):
    found = events_of(HEADER, row("1.", "А", "май", ""), after=tuple(p(line) for line in lines))
    assert (found.signatory.position, found.signatory.name) == (position, name)


@pytest.mark.parametrize("note, cited, position", [
    (p("* Даты указаны ориентировочно"), "*", "Генеральный директор МАГ"),
    (p("1) Даты уточняются"), "1", "Генеральный директор МАГ"),
    # a paragraph of a marker nothing cites is no note read: it stays in the block, as before
    (p("* Даты указаны ориентировочно"), None, "* Даты указаны ориентировочно Генеральный директор МАГ"),
], ids=["typed-star", "typed-number", "uncited"])
def test_a_typed_note_before_the_signature_is_no_part_of_the_position(note, cited, position):
    found = events_of(HEADER, row("1.", "А", "май", ""),
                      after=(note, p("Генеральный директор МАГ"), p("В.И. Селиванов"),
                             p("Юбилеи городов МАГ", bold=True, sup=cited), table(row("1.", "Киров", "650", "12 июня"))))
    assert (found.signatory.position, found.signatory.name) == (position, "В.И. Селиванов")


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
               p("Дни городов", bold=True), table(row("Город", "Возраст", "Дата"), row("Минск", "957 лет", "9 сентября")),
               SIGNATURE))
    assert [(j.city, j.anniversary, j.date.approximate) for j in found.jubilees] == [("Киров", 650, False)]
    assert [(d.city, d.age) for d in found.city_days] == [("Минск", 957)]
    assert found.warnings == []


def test_a_table_split_in_two_goes_on_with_the_events():
    found = extract_plan(doc(TITLE, table(HEADER, row("1.", "А", "май", "")), p(""),
                             table(row("2.", "Б", "июнь", ""))), SOURCE)
    assert [e.number for e in found.events] == [1, 2]


SECTION = row(c(p("II. Информационная деятельность", bold=True), span=4))
FIRST_SECTION = row(c(p("I. Организационная деятельность", bold=True), span=4))


@pytest.mark.parametrize("first, second, numbers", [
    ((row("1.", "А", "май", ""),), (SECTION, row("2.", "Б", "июнь", "")), [1, 2]),
    ((row("1.", "А", "май", ""),), (row("", "", "", ""), SECTION, row("2.", "Б", "июнь", "")), [1, 2]),
    # each section numbers its own, as the sections before the split did
    ((FIRST_SECTION, row("1.", "А", "май", ""), row(c(p("Iа. Семинары", bold=True), span=4)),
      row("1.", "Аа", "июнь", "")), (SECTION, row("1.", "Б", "июнь", "")), [1, 1, 1]),
    # the table opened with a section: the split falls before the second, which begins at 1
    ((FIRST_SECTION, row("1.", "А", "май", ""), row("2.", "Б", "май", "")),
     (SECTION, row("1.", "В", "июнь", ""), row("2.", "Г", "июль", "")), [1, 2, 1, 2]),
], ids=["section-row-first", "empty-row-then-section-row", "numbering-restarts", "sections-from-the-start"])
def test_a_table_split_before_a_section_row_goes_on_with_the_events(first, second, numbers):
    """Split at a page break just before a section's heading row, the second part repeating
    no header: its events are the plan's, under that section, and the signature stays one."""
    found = extract_plan(doc(TITLE, table(HEADER, *first), table(*second), SIGNATURE), SOURCE)
    assert [e.number for e in found.events] == numbers
    assert found.events[-1].section == "II. Информационная деятельность"
    assert found.signatory is not None and "Селиванов" in found.signatory.name
    assert "row_unplaced" not in {w.code for w in found.warnings}


@pytest.mark.parametrize("second", [
    (SECTION, row("5.", "Б", "июнь", "")),  # not the next number: another table
    (row(c(p("Юбилеи городов МАГ", bold=True), span=4)), row("2.", "Киров", "650", "12 июня")),
    (SECTION, row("", "строка без номера", "", "")),  # rows after a heading but no event
    # another table under its own heading row, numbered from 1: the plan's sections did not restart
    (row(c(p("Состав организационного комитета", bold=True), span=4)), row("1.", "Иванов И.И.", "", ""),
     row("2.", "Петров П.П.", "", "")),
], ids=["number-jumps", "jubilee-heading-row", "no-event-after-the-section", "another-table-numbered-from-1"])
def test_a_same_width_table_that_does_not_go_on_is_not_read_as_events(second):
    found = extract_plan(doc(TITLE, table(HEADER, row("1.", "А", "май", "")), table(*second), SIGNATURE), SOURCE)
    assert [e.number for e in found.events] == [1]


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
                                   row("1.", "Киров", "650", "12 июня")), SIGNATURE))
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
                                   row("1.", "Ереван", "2806 лет", "13 октября")), SIGNATURE),
                      footnotes=footnotes)
    day, = found.city_days
    assert day.date.approximate is approximate
    assert day.footnotes == (["1"] if warned else [])
    assert [w.code for w in found.warnings] == (["footnote_unraised"] if warned else [])


APPROX = "Даты указаны ориентировочно"


# Footnotes a secretary typed under the tables (no word processor's notes), cited by the
# heading with a marker typed plainly, raised, or as a superscript character.
@pytest.mark.parametrize("heading, note, marker", [
    (p("Юбилеи городов МАГ*", bold=True), p("* " + APPROX), "*"),
    (p("Юбилеи городов МАГ *", bold=True), p("* " + APPROX.lower()), "*"),
    (p("Юбилеи городов МАГ", bold=True, sup="*"), p("*" + APPROX), "*"),
    (p("Юбилеи городов МАГ¹", bold=True), p("¹ " + APPROX), "1"),
    (p("Юбилеи городов МАГ", bold=True, sup="¹"), p("1 " + APPROX), "1"),
    (p("Юбилеи городов МАГ", bold=True, sup="1"), p("1) " + APPROX), "1"),
    (p("Юбилеи городов МАГ", bold=True, sup="1"), Paragraph((Run("1", superscript=True), Run(APPROX))), "1"),
    (p("Юбилеи городов МАГ1", bold=True), p("1 " + APPROX), "1"),  # glued: read, and reported as unraised
], ids=["typed-star", "spaced-star", "raised-star", "superscript-one", "raised-superscript-one",
        "one-bracket", "raised-opening", "glued-number"])
def test_a_footnote_typed_under_the_tables_is_read_as_the_headings_note(heading, note, marker):
    found = events_of(HEADER, row("1.", "А", "май", ""),
                      after=(table(row(c(heading, span=4)), row("1.", "Киров", "650", "12 июня")),
                             note, SIGNATURE))
    assert [(n.marker, n.text.lower()) for n in found.footnotes] == [(marker, APPROX.lower())]
    jubilee, = found.jubilees
    assert (jubilee.footnotes, jubilee.date.approximate) == ([marker], True)
    assert [w.code for w in found.warnings] == (["footnote_unraised"] if "МАГ1" in heading.main_text else [])


@pytest.mark.parametrize("heading, after, footnotes, read", [
    # not cited: a paragraph that opens with a number is no note
    ("Юбилеи городов МАГ", [p("1 " + APPROX)], {}, []),
    # a word processor's note of that marker is the note; the typed line is text
    ("Юбилеи городов МАГ*", [p("* Иначе")], {"*": APPROX}, [("*", APPROX)]),
    # a numbered paragraph or a year is no note
    ("Юбилеи городов МАГ1", [p("1. Прочее"), p("2026 Года")], {}, []),
])
def test_a_paragraph_is_a_typed_footnote_only_when_cited_and_not_a_real_note(heading, after, footnotes, read):
    found = events_of(HEADER, row("1.", "А", "май", ""),
                      after=(table(row(c(p(heading, bold=True), span=4)), row("1.", "Киров", "650", "12 июня")),
                             *after, SIGNATURE), footnotes=footnotes)
    assert [(n.marker, n.text) for n in found.footnotes] == read


def test_a_typed_marker_on_a_heading_without_its_note_is_reported():
    found = events_of(HEADER, row("1.", "А", "май", ""),
                      after=(table(row(c(p("Дни городов-столиц¹", bold=True), span=4)),
                                   row("1.", "Ереван", "2806 лет", "13 октября")), SIGNATURE))
    assert [w.code for w in found.warnings] == ["footnote_missing"]
    assert found.city_days[0].footnotes == ["1"]


# A jubilee or city-day table with a header row of its own: its columns in another order, or
# more of them; what no record field holds is reported cell by cell.
@pytest.mark.parametrize("header, cells, read, warnings", [
    (("№", "Город", "Дата", "Возраст"), ("1.", "Ереван", "13 октября", "2806 лет"),
     ("Ереван", 2806, "13 октября"), []),
    (("Дата", "Город", "Возраст"), ("13 октября", "Ереван", "2806 лет"), ("Ереван", 2806, "13 октября"), []),
    (("№ п/п", "Столица", "День города", "Исполняется лет", "Примечание"),
     ("1.", "Ереван", "13 октября", "2806", "переносится"), ("Ереван", 2806, "13 октября"), ["cell_unread"]),
    (("№", "Город", "Год основания", "Возраст", "Дата"), ("1.", "Ереван", "782 г. до н.э.", "2806 лет", "13 октября"),
     ("Ереван", 2806, "13 октября"), ["founded_differs"]),
    (("№", "Город", "Год основания", "Возраст", "Дата"), ("1.", "Минск", "1067", "957 лет", "9 сентября"),
     ("Минск", 957, "9 сентября"), []),  # the year the record computes: nothing to report
    (("№", "Город", "Дата", "Возраст"), ("1.", "Ереван", "13 октября", "много"), None, ["row_unplaced"]),
    # a header naming a title and a date as an event table's does, but an age too: no event table
    (("№", "Наименование города", "Дата празднования", "Возраст"), ("1.", "Ереван", "13 октября", "2806 лет"),
     ("Ереван", 2806, "13 октября"), []),
    (("№", "Название города", "Юбилей", "Дата"), ("1.", "Ереван", "2806", "13 октября"),
     ("Ереван", 2806, "13 октября"), []),
    # a second column of a role is not dropped: it is reported as unread under its header
    (("№", "Город", "День города", "Дата мероприятий МАГ", "Возраст"), ("1.", "Ереван", "13 октября", "12 октября",
     "2806 лет"), ("Ереван", 2806, "13 октября"), ["cell_unread"]),
    (("№", "Столица", "Город-побратим", "День города", "Возраст"), ("1.", "Ереван", "Гюмри", "13 октября", "2806 лет"),
     ("Ереван", 2806, "13 октября"), ["cell_unread"]),
    (("№", "Город", "Дата", "Дата", "Возраст"), ("1.", "Ереван", "13 октября", "14 октября", "2806 лет"),
     ("Ереван", 2806, "13 октября"), ["cell_unread"]),
], ids=["date-before-age", "date-first", "renamed-and-a-note", "founded-differs", "founded-agrees", "age-unread",
        "named-like-events", "named-like-events-jubilee-word", "second-date", "second-city", "same-header-twice"])
def test_a_city_table_header_row_gives_the_order_of_its_columns(header, cells, read, warnings):
    found = events_of(HEADER, row("1.", "А", "май", ""),
                      after=(p("Дни городов-столиц", bold=True), table(row(*header), row(*cells)), SIGNATURE),
                      before=(p("План на 2024 год", bold=True),))
    assert [(d.city, d.age, d.date.text) for d in found.city_days] == ([read] if read else [])
    assert [w.code for w in found.warnings] == warnings + (["records_missing"] if read is None else [])


def test_events_with_the_same_date_phrase_cannot_change_each_others_date():
    # The extractor caches a phrase's reading: the records it hands out must not be changeable
    # through one another (a list of pieces shared by two events would be).
    first, second = events_of(HEADER, row("1.", "Сессия", "Москва 12, 19 и 26 марта", ""),
                              row("2.", "Форум", "Казань 12, 19 и 26 марта", "")).events
    pieces = [(piece.start, piece.end) for piece in second.date.spans]
    try:
        first.date.spans.clear()
    except AttributeError:
        pass  # immutable pieces: nothing to share
    assert [(piece.start, piece.end) for piece in second.date.spans] == pieces
    assert len(pieces) == 3


def test_a_plan_without_a_signature_block_is_reported():
    found = events_of(HEADER, row("1.", "А", "май", ""), after=(p("Примечание: план предварительный"),))
    assert found.signatory is None
    assert [w.code for w in found.warnings] == ["signatory_missing"]
    assert events_of(HEADER, row("1.", "А", "май", "")).signatory.name == "В.И. Селиванов"


def test_the_plan_carries_its_source_and_the_reader_s_warnings_first():
    from dataclasses import replace

    from parsers.blocks import ReaderWarning

    document = replace(doc(p("План мероприятий"), table(HEADER, row("1.", "А", "май", "")), SIGNATURE),
                       warnings=(ReaderWarning("image_skipped", "an image was skipped", "page 2"),))
    found = extract_plan(document, SOURCE, fallback_year=2024)
    assert found.source == SOURCE
    assert [(w.code, w.where) for w in found.warnings] == [("image_skipped", "page 2"), ("year_guessed", "title")]
# A number the producer draws (Word's automatic list in the № column) is the paragraph's
# list_label, not its text; whoever set it, the number cell reads as if it were typed.
def drawn(label: str, text: str = "", kind: str = "number") -> Paragraph:
    return Paragraph((Run(text),) if text else (), list_kind=kind, list_label=label)


@pytest.mark.parametrize("number_cell, number", [
    (c(drawn("1.")), 1), (c(drawn("7)")), 7), (c(drawn("12")), 12), (c("1."), 1),
    (c(drawn("1.", "2")), None),  # "1. 2" is no event number
])
def test_a_number_drawn_by_the_producer_reads_as_a_typed_one(number_cell, number):
    found = events_of(HEADER, row("1.", "А", "май", ""), row(number_cell, "Б", "июнь", ""))
    assert [e.number for e in found.events] == ([1, number] if number else [1])


@pytest.mark.parametrize("number_cell", [c("3."), c(drawn("3."))], ids=["typed", "drawn"])
def test_a_row_with_only_a_number_reads_alike_typed_or_drawn(number_cell):
    found = events_of(HEADER, row("1.", "А", "май", ""), row("2.", "Б", "май", ""), row(number_cell, "", "", ""))
    assert [e.number for e in found.events] == [1, 2, 3]
    assert [w.code for w in found.warnings] == ["title_missing"]


def test_drawn_labels_do_not_reach_titles_or_items():
    title = c("Участие в собраниях:", drawn("•", "ОКМО", "bullet"), drawn("–", "АСДГ", "bullet"),
              drawn("3)", "АГП"))
    found = events_of(HEADER, row(c(drawn("1.")), title, c(drawn("а)", "Москва"), "май"), ""),
                      before=(Paragraph((Run("План на 2024 год", bold=True),), list_kind="number", list_label="I."),))
    event, = found.events
    assert (found.title, event.title, event.items, event.place) == (
        "План на 2024 год", "Участие в собраниях:", ["ОКМО", "АСДГ", "АГП"], "Москва")


@pytest.mark.parametrize("cell, title, items", [
    (c("Участие в собраниях:", "1) ОКМО;", "2) ВАРМСУ"), "Участие в собраниях:", ["ОКМО;", "ВАРМСУ"]),
    (c("Семинары:", "а) по цифровизации;", "б) по обращениям"), "Семинары:", ["по цифровизации;", "по обращениям"]),
    (c("Форум", "1. Пленарное заседание", "2. Круглый стол"), "Форум", ["Пленарное заседание", "Круглый стол"]),
    (c("1. Пленарное заседание"), "1. Пленарное заседание", []),  # the first paragraph is the title
    (c("Сессия", "2026 год – год городов"), "Сессия 2026 год – год городов", []),  # no label
    (c("Сессия", "г. Москва"), "Сессия г. Москва", []),  # a letter and a dot then a space: "г." opens a word
    # a label alone, not going on into the next paragraph's, is the title's text
    (c("Конференция «Город»", "1) пленарное заседание, 2) секции"),
     "Конференция «Город» 1) пленарное заседание, 2) секции", []),
    (c("Совещание руководителей служб", "3. этапа программы"), "Совещание руководителей служб 3. этапа программы", []),
    (c("Семинары:", "а) по цифровизации;", "в) по обращениям"), "Семинары: а) по цифровизации; в) по обращениям", []),
    (c("Форум", "1) секции;", "2. выставка"), "Форум 1) секции; 2. выставка", []),  # two kinds of label
    (c("Форум", "1) секции;", "2) выставка", "3) 1000 участников"), "Форум", ["секции;", "выставка", "1000 участников"]),
], ids=["numbers", "letters", "dotted", "first-paragraph", "a-number-no-label", "abbreviation", "one-label",
        "wrapped-title-line", "letters-not-consecutive", "labels-of-two-kinds", "three-numbers"])
def test_items_typed_with_a_list_label_read_as_drawn_ones(cell, title, items):
    event, = events_of(HEADER, row("1.", cell, "май", "")).events
    assert (event.title, event.items) == (title, items)


def test_a_drawn_column_numbering_row_is_skipped():
    found = events_of(HEADER, row(c(drawn("1.")), c(drawn("2.")), c(drawn("3.")), c(drawn("4."))),
                      row("1.", "А", "май", ""))
    assert [e.title for e in found.events] == ["А"] and found.warnings == []


# ------------------------------------------------------------ never a silent broken result

@pytest.mark.parametrize("rows, message", [
    ((row("", "А", "май", ""), row("", "Б", "июнь", "")),
     "the event table was found but no event could be read: none of its 2 rows has an event number"),
    ((), "the event table was found but no event could be read: it has no rows under its header"),
    ((row("", "А", "май", ""), row("", "Б", "июнь", ""), row("", "В", "июль", ""), row("1.", "Г", "май", "")),
     "most rows of the event table could not be read: 3 of 4 rows fit no event (1 events read)"),
], ids=["no number anywhere", "header only", "most rows unplaced"])
def test_an_event_table_whose_rows_cannot_be_read_is_an_error(rows, message):
    with pytest.raises(IngestError) as caught:
        events_of(HEADER, *rows)
    assert caught.value.message.startswith(message)


def test_a_few_unplaced_rows_are_warnings_not_an_error():
    found = events_of(HEADER, row("", "Вступление", "", ""), row("1.", "А", "май", ""), row("2.", "Б", "май", ""))
    assert [e.number for e in found.events] == [1, 2]
    assert [w.code for w in found.warnings] == ["row_unplaced"]


def test_the_signatory_is_not_built_from_event_table_text():
    found = events_of(HEADER, row("", "Утверждено советом", "", ""), row("1.", "А", "май", ""),
                      row("2.", "Б", "май", ""), after=(p("Президент"), p("А.Б. Иванов")))
    assert (found.signatory.position, found.signatory.name) == ("Президент", "А.Б. Иванов")


@pytest.mark.parametrize("annex, missing", [
    ((table(row(c(p("Юбилеи городов МАГ", bold=True), span=4))),), ["Юбилеи городов МАГ"]),
    ((table(row(c(p("Юбилеи городов МАГ", bold=True), span=4)), row("1.", "Киров", "650", "12 июня"),
            row(c(p("Дни городов-столиц", bold=True), span=4)), row("1.", "Минск", "много", "июль")),),
     ["Дни городов-столиц"]),
    ((p("Юбилеи городов МАГ", bold=True), table(row("1.", "Киров", "650", "12 июня"))), []),
    ((p("Юбилеи городов МАГ", bold=True), p("Президент"), p("А.Б. Иванов")), ["Юбилеи городов МАГ"]),
], ids=["a heading and nothing after it", "a heading whose rows cannot be read", "a heading with records",
        "a heading paragraph and no table"])
def test_a_city_heading_with_no_records_is_reported(annex, missing):
    found = events_of(HEADER, row("1.", "А", "май", ""), after=annex)
    reported = [w.message for w in found.warnings if w.code == "records_missing"]
    assert len(reported) == len(missing)
    assert all(repr(heading) in message for heading, message in zip(missing, reported))


def test_a_footnote_cited_in_the_event_table_but_not_found_is_reported():
    found = events_of(HEADER, row("1.", c(p("Сессия", sup="2")), "май", ""),
                      row("2.", c(p("Форум", sup="1")), "май", ""), footnotes={"1": "Есть такая сноска"})
    assert [(w.code, w.where) for w in found.warnings] == [("footnote_missing", "table 1, row 2")]
    assert "'Сессия' cites footnote '2'" in found.warnings[0].message


@pytest.mark.parametrize("header, title", [
    (("№", "Наименование мероприятия", "Дата", "Участники (возраст)"), "Форум"),
    (("№", "Наименование мероприятия", "Дата проведения", "Отметка о выполнении (бюллетень)"), "Форум"),
    (("№", "Наименование мероприятия", "Дата", "Юбилейные даты"), "Форум"),
    (("№", "Наименование мероприятия", "Дата", "К годовщине"), "Форум"),
    (("№", "Мероприятие", "Город", "Дата", "Возраст участников"), "Форум"),
], ids=["age-word", "bulletin", "jubilee-word", "anniversary-word", "city-column-beside-title"])
def test_an_event_header_naming_an_age_like_column_is_still_an_event_table(header, title):
    # an age column vetoes an event table only when its city column is the title one and names a city
    cells = ("1.", title, "май", "") if len(header) == 4 else ("1.", title, "Москва", "май", "")
    found = events_of(row(*header), row(*cells))
    assert [e.title for e in found.events] == [title]


@pytest.mark.parametrize("jubilee_heading, day_heading", [
    ("1) Юбилеи городов МАГ", "2) Дни городов-столиц"),
    ("1. Юбилеи городов МАГ", "2. Дни городов-столиц"),
    ("1)Юбилеи городов МАГ", "2)Дни городов-столиц"),
    ("Юбилеи городов МАГ", "Дни городов-столиц"),
], ids=["bracket", "dot", "bracket-glued", "unnumbered"])
def test_a_plain_numbered_heading_heads_its_city_table(jubilee_heading, day_heading):
    found = events_of(HEADER, row("1.", "А", "май", ""), after=(
        SIGNATURE, p(jubilee_heading), table(row("1.", "Киров", "650", "12 июня")),
        p(day_heading), table(row("1.", "Ереван", "2806 лет", "13 октября"))))
    assert [(j.city, j.anniversary) for j in found.jubilees] == [("Киров", 650)]
    assert [(d.city, d.age) for d in found.city_days] == [("Ереван", 2806)]
    assert [w.code for w in found.warnings] == []


@pytest.mark.parametrize("heading", ["1 Юбилеи городов МАГ", "Прочие сведения", None],
                         ids=["footnote-like", "other-heading", "no-heading"])
def test_a_table_read_as_no_records_is_reported_as_records_missing(heading):
    found = events_of(HEADER, row("1.", "А", "май", ""), after=(
        SIGNATURE, *([p(heading)] if heading else []),
        table(row("1.", "Киров", "650", "12 июня"), row("2.", "Уфа", "450", "12 июня"),
              row("3.", "Омск", "310", "1 июля"))))
    assert found.jubilees == []
    codes = [w.code for w in found.warnings]
    assert codes.count("row_unplaced") == 3 and codes.count("records_missing") == 1


@pytest.mark.parametrize("number, title", [
    ("II", "Заседание Совета МАГ"),
    ("II.", "Заседание Совета МАГ"),
    ("IV", "Издания"),
], ids=["roman", "roman-dot", "roman-short-title"])
def test_a_roman_number_beside_a_plain_title_is_no_section_and_is_reported(number, title):
    found = events_of(HEADER, row("1.", "А", "май", ""), row(number, title, "", ""), row("2.", "Б", "май", ""))
    assert [e.section for e in found.events] == [None, None]
    assert [w.code for w in found.warnings] == ["number_unread"]


def test_a_roman_number_beside_a_title_spanning_the_row_is_a_section():
    found = events_of(HEADER, row("1.", "А", "май", ""), row("III", c("Издания", span=3)), row("2.", "Б", "май", ""))
    assert [(e.title, e.section) for e in found.events] == [("А", None), ("Б", "III Издания")]
    assert found.warnings == []


@pytest.mark.parametrize("cells, note", [
    (("1.", "А", c(p("Москва май", sup="*")), ""), p("* Дата уточняется")),
    (("1.", c(p("Сессия", sup="**")), "май", ""), p("** По согласованию")),
    (("1.", c(p("Сессия", sup="1")), "май", ""), p("1) По согласованию")),
], ids=["place-date-cell", "title-cell", "numbered"])
def test_a_typed_note_cited_only_in_the_event_table_is_read(cells, note):
    found = events_of(HEADER, row(*cells), after=(SIGNATURE, note))
    assert [(n.marker, n.text) for n in found.footnotes] == [(note.text.split()[0].rstrip(")"),
                                                              note.text.split(maxsplit=1)[1])]
    assert [w.code for w in found.warnings] == []


@pytest.mark.parametrize("blocks, places", [
    ((p("a"),), [None]),
    ((table(row("x", c("y", "z"))),), [(1, 1), (1, 1), (1, 1)]),
    ((p("a"), table(row("x"), row("y")), p("b"), table(row("z"))), [None, (1, 1), (1, 2), None, (2, 1)]),
], ids=["text", "one-row", "text-and-tables"])
def test_the_footnote_scans_walk_paragraphs_through_one_helper(blocks, places):
    from parsers.plan.checks import all_paragraphs
    assert [place for _, place in all_paragraphs(list(blocks))] == places
