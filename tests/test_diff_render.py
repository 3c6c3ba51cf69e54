"""The four output formats of a diff render what the diff says."""

from __future__ import annotations

import json

import jsonschema
import pytest
from bs4 import BeautifulSoup

from ingest.diff.plans import diff_plans
from ingest.diff.html import aligned_rows
from ingest.diff.render import render
from ingest.diff.view import DiffView
from schemas.diff import PlanDiff
from schemas.jsonschema import diff_schema
from tests.sample_plans import sample_plan


@pytest.fixture(scope="module")
def view_2025():
    old, new = sample_plan("plan_2024", "docx"), sample_plan("plan_2025", "docx")
    return lambda show_all=False: DiffView(diff_plans(old, new), old, new, show_all=show_all)


@pytest.mark.parametrize("line", [
    "--- plan_2024.docx (2024)  19 events",
    "+++ plan_2025.docx (2025)  18 events",
    "Events: 16 paired (1 unchanged), 2 added, 3 removed",
    "~ 2024-01 → 2025-02  XXXI сессия МАГ по тематике Умного города",
    "    edition     XXX → XXXI",
    "    organizers  + МАГ",
    "    items       - СГЦСЗ России",
    "+ 2025-18  Выпуск сборников лучших практик городов-членов МАГ  (декабрь)",
    "- 2024-16  Выпуск информационно-аналитического журнала «Вестник МАГ»  (ежеквартал.)",
    "City days: 1 added, 4 changed, 5 unchanged, 1 warning",
    "~ Астана  date 5-6 июля → 6 июля",
    "! Душанбе: age 348 → 348, expected 349 (+1 year)",
])
def test_text_lists_changes_additions_removals_and_cities(view_2025, line):
    assert line in render(view_2025(), "text").splitlines()


def test_text_lists_unchanged_pairs_only_with_all(view_2025):
    unchanged = "= 2024-04 → 2025-04  Мероприятия по проектам ООН-Хабитат"
    assert unchanged not in render(view_2025(), "text")
    assert unchanged in render(view_2025(show_all=True), "text")


def test_text_is_coloured_only_when_asked(view_2025):
    assert "\x1b[" not in render(view_2025(), "text")
    assert "\x1b[32m+ 2025-10" in render(view_2025(), "text", colour=True)


@pytest.mark.parametrize("show_all, pairs", [(False, 15), (True, 16)])
def test_json_is_the_diff_model_and_valid_against_the_published_schema(view_2025, show_all, pairs):
    text = render(view_2025(show_all), "json")
    jsonschema.validate(json.loads(text), diff_schema())
    diff = PlanDiff.model_validate_json(text)
    assert len(diff.pairs) == pairs and diff.unchanged == 1


def test_markdown_has_a_table_of_pairs_and_lists(view_2025):
    markdown = render(view_2025(), "markdown")
    assert "| Old → new | Event | Changes | Why |" in markdown
    assert "| 2024-12 → 2025-11 | Участие в годовых собраниях межгородских объединений: | " \
           "number: ~~12~~ → **11**<br>items: −СГЦСЗ России, +Союз российских городов |" in markdown
    assert "- **2025-10** Участие в Петербургском международном экономическом форуме (Санкт-Петербург, июнь)" \
        in markdown
    assert "## Plan diff: plan\\_2024.docx (2024) → plan\\_2025.docx (2025)" in markdown


def test_html_is_one_self_contained_page(view_2025):
    page = render(view_2025(), "html")
    soup = BeautifulSoup(page, "lxml")
    assert soup.find("meta", charset="utf-8") and soup.style
    assert not soup.find_all(["script", "link", "img", "iframe"])
    assert not [tag for tag in soup.find_all(src=True)] and "url(" not in page and "@import" not in page


def test_html_shows_both_plans_side_by_side(view_2025):
    soup = BeautifulSoup(render(view_2025(), "html"), "lxml")
    rows = soup.select("table.events tbody tr:not(.section)")
    assert len(rows) == 16 + 2 + 3 and all(len(row.find_all("td")) == 2 for row in rows)
    kinds = [row["class"][0] for row in rows]
    assert (kinds.count("changed"), kinds.count("unchanged"), kinds.count("added"), kinds.count("removed")) == \
        (15, 1, 2, 3)
    inserted = [tag.get_text() for tag in soup.select("tr.changed td.new .title ins")]
    assert "научно-практическая" in inserted  # words of a changed title marked
    assert [tag.get_text() for tag in soup.select("tr.changed td.old dd del")] == ["СГЦСЗ России"]


def test_removed_events_sit_after_their_old_predecessor(view_2025):
    rows = [(old.id if old else None, new.id if new else None) for old, new, _ in aligned_rows(view_2025())]
    assert rows.index(("2024-08", None)) == rows.index(("2024-07", "2025-07")) + 1
    assert rows.index(("2024-16", None)) == rows.index(("2024-15", "2025-14")) + 1


def test_the_same_plan_renders_as_no_differences():
    plan = sample_plan("plan_2024", "docx")
    text = render(DiffView(diff_plans(plan, plan), plan, plan), "text")
    assert "Events: 19 paired (19 unchanged), 0 added, 0 removed" in text
    assert not [line for line in text.splitlines() if line[:2] in ("~ ", "+ ", "- ", "! ")]
