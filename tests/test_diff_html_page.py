"""The HTML diff page speaks Russian to its readers, names both plans in its header and prints on A4."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from ingest.diff.html import STYLE
from ingest.diff.plans import diff_plans
from ingest.diff.render import render
from ingest.diff.russian import FIELD_LABELS, reason
from ingest.diff.view import DiffView
from tests.sample_plans import sample_plan

PAIRS = [("plan_2023", "plan_2024"), ("plan_2024", "plan_2025"), ("plan_2023", "plan_2025")]


def view(old_name: str, new_name: str) -> DiffView:
    old, new = sample_plan(old_name, "docx"), sample_plan(new_name, "docx")
    return DiffView(diff_plans(old, new), old, new)


@pytest.fixture(scope="module")
def page_2025():
    shown = view("plan_2024", "plan_2025")
    return shown, BeautifulSoup(render(shown, "html"), "lxml")


def test_the_header_names_each_plan_by_title_and_year(page_2025):
    shown, soup = page_2025
    assert soup.html["lang"] == "ru" and soup.title.get_text().startswith("Сравнение планов: plan_2024.docx (2024)")
    headers = soup.select(".plans section")
    assert [h.h2.get_text() for h in headers] == ["Прежний план: plan_2024.docx", "Новый план: plan_2025.docx"]
    for header, plan in zip(headers, (shown.old, shown.new)):
        assert header.select_one(".plan-title").get_text() == plan.title
        assert f"{plan.year} год · мероприятий: {len(plan.events)}" in header.get_text()


def test_field_labels_summaries_and_legend_are_russian(page_2025):
    _, soup = page_2025
    labels = {dt.get_text() for dt in soup.select("dt")}
    assert labels and labels <= set(FIELD_LABELS.values())
    summary = soup.select("p.summary")[0].get_text()
    assert summary == "Мероприятия: сопоставлено: 16 (без изменений: 1), добавлено: 2, удалено: 3"
    assert [span.get_text() for span in soup.select(".legend span")] == ["изменено", "добавлено", "удалено"]
    assert [h2.get_text() for h2 in soup.select("body > h2")] == ["Мероприятия", "Юбилеи городов", "Дни городов"]


@pytest.mark.parametrize("old, new", PAIRS)
def test_every_reason_for_a_pair_and_every_city_warning_is_translated(old, new):
    diff = view(old, new).diff
    texts = {text for pair in diff.pairs for text in pair.reasons}
    texts |= {warning.message for table in (diff.jubilees, diff.city_days) for warning in table.warnings}
    assert texts and [text for text in texts if reason(text) == text] == []


@pytest.mark.parametrize("english, russian", [
    ("same title apart from the edition", "то же название, кроме номера выпуска"),
    ("edition XII → XIII", "выпуск XII → XIII"),
    ("titles 71% alike", "названия совпадают на 71%"),
    ("organizers: 2 of 3 shared", "организаторы: общих 2 из 3"),
    ("Москва: age 876 → 878, expected 877 (+1 year)", "Москва: возраст 876 → 878, ожидалось 877 (+1 г.)"),
    ("something new", "something new"),
])
def test_reasons_translate_by_pattern(english, russian):
    assert reason(english) == russian


def test_each_row_says_its_kind_in_words_for_a_greyscale_print(page_2025):
    _, soup = page_2025
    for kind, word in (("added", "добавлено"), ("removed", "удалено"), ("changed", "изменено")):
        rows = soup.select(f"table.events tr.{kind}")
        assert rows and all(row.select_one(".kind").get_text() == word for row in rows)
    assert not soup.select("table.events tr.unchanged .kind")


def test_the_page_has_a_print_stylesheet_for_a4():
    assert "@page{size:A4" in STYLE and "@media print{" in STYLE
    assert "print-color-adjust:exact" in STYLE and "break-inside:avoid" in STYLE
