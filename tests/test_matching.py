"""Events are paired one-to-one by content, globally, above a threshold, with reasons."""

from __future__ import annotations

import itertools
import random

import pytest

from ingest.diff.assignment import max_score_assignment, min_cost_assignment
from ingest.diff.matching import match_events, score_pair
from tests.diff_events import event


def brute_force_best(cost: list[list[float]]) -> float:
    rows, columns = len(cost), len(cost[0])
    if rows <= columns:
        return min(sum(cost[i][p[i]] for i in range(rows)) for p in itertools.permutations(range(columns), rows))
    return min(sum(cost[p[j]][j] for j in range(columns)) for p in itertools.permutations(range(rows), columns))


@pytest.mark.parametrize("seed", range(40))
def test_the_assignment_is_as_cheap_as_brute_force_and_one_to_one(seed):
    generator = random.Random(seed)
    rows, columns = generator.randint(1, 6), generator.randint(1, 6)
    cost = [[generator.randint(0, 20) for _ in range(columns)] for _ in range(rows)]
    chosen = min_cost_assignment(cost)
    assert len(chosen) == min(rows, columns)
    assert len({i for i, _ in chosen}) == len({j for _, j in chosen}) == len(chosen)
    assert sum(cost[i][j] for i, j in chosen) == brute_force_best(cost)


@pytest.mark.parametrize("score, chosen", [
    ([], []),
    ([[0.9]], [(0, 0)]),
    ([[0.9, 0.8], [0.85, 0.1]], [(0, 1), (1, 0)]),  # greedy would take (0, 0) and leave row 1 with 0.1
    ([[0.2], [0.7], [0.5]], [(1, 0)]),
])
def test_max_score_assignment(score, chosen):
    assert max_score_assignment(score) == chosen


def test_pairs_are_chosen_globally_not_row_by_row():
    old = [event(1, "Форум городских технологий"), event(2, "Форум городских технологий и инноваций")]
    new = [event(1, "Форум городских технологий и инноваций", year=2025), event(2, "Форум технологий", year=2025)]
    first_choice = max(new, key=lambda n: score_pair(old[0], n, 1).score)
    assert first_choice.id == "2025-01"  # what a greedy walk over the old rows would take for old 1
    assert [(m.old.id, m.new.id) for m in match_events(old, new, 1)] == [("2024-02", "2025-01"),
                                                                        ("2024-01", "2025-02")]


@pytest.mark.parametrize("years, paired", [(1, True), (2, False), (None, False), (0, False)])
def test_an_edition_grown_by_the_year_difference_is_strong_evidence(years, paired):
    old = [event(1, "XXIX сессия МАГ «Комфортная среда»", organizers=("МАГ",))]
    new = [event(1, "XXX сессия МАГ по тематике Умного города", year=2025, organizers=("МАГ",))]
    matches = match_events(old, new, years)
    assert bool(matches) is paired
    if paired:
        assert "edition XXIX → XXX" in matches[0].reasons


def test_an_edition_counting_another_word_is_no_evidence():
    old = event(1, "XIX Общероссийский форум")
    new = event(1, "XX Международный форум", year=2025)
    assert not any(reason.startswith("edition") for reason in score_pair(old, new, 1).reasons)


def test_look_alikes_with_nothing_else_in_common_stay_unpaired():
    section = "Деятельность по информационному обеспечению"
    old = [event(16, "Выпуск информационно-аналитического журнала «Вестник МАГ»", section=section,
                 date="ежеквартал.")]
    new = [event(18, "Выпуск сборников лучших практик городов-членов МАГ", year=2025, section=section,
                 date="декабрь")]
    assert match_events(old, new, 1) == []


def test_place_and_organizers_alone_do_not_pair_unrelated_titles():
    old = [event(1, "Семинар для руководителей пресс-служб", place="Москва", organizers=("МАГ",), date="май")]
    new = [event(1, "Международная конференция МАГ", year=2025, place="Москва", organizers=("МАГ",), date="май")]
    assert match_events(old, new, 1) == []


def test_a_retitled_event_is_paired_on_its_items():
    bodies = ("ОКМО", "ВАРМСУ", "АГП", "АГУ", "АСДГ")
    old = [event(13, "Участие в годовых собраниях ассоциаций муниципальных образований:", items=bodies)]
    new = [event(12, "Участие в годовых собраниях межгородских объединений:", year=2025,
                 items=bodies + ("СГЦСЗ России",))]
    [match] = match_events(old, new, 1)
    assert "items: 5 of 6 shared" in match.reasons


@pytest.mark.parametrize("old, new, reason", [
    (event(1, "Форум", place="Москва"), event(2, "Форум", place="Москва", year=2025), "same place"),
    (event(1, "Форум", organizers=("МАГ", "АСДГ")), event(2, "Форум", organizers=("АСДГ", "МАГ"), year=2025),
     "same organizers"),
    (event(1, "Форум", organizers=("МАГ", "АСДГ")), event(2, "Форум", organizers=("МАГ",), year=2025),
     "organizers: 1 of 2 shared"),
    (event(1, "Форум", section="А"), event(2, "Форум", section="А", year=2025), "same section"),
    (event(1, "Форум", date="май"), event(2, "Форум", date="май", year=2025), "same date"),
    (event(1, "XXX сессия"), event(2, "XXXI сессия", year=2025), "same title apart from the edition"),
    (event(1, "Форум «Город»"), event(2, "форум \"город\"", year=2025), "same title words"),
])
def test_every_piece_of_evidence_is_a_reason(old, new, reason):
    assert reason in score_pair(old, new, 1).reasons


def test_scores_stay_between_zero_and_one():
    rich = dict(place="Москва", organizers=("МАГ",), items=("А", "Б"), section="С", date="май")
    match = score_pair(event(1, "XXX сессия МАГ", **rich), event(1, "XXXI сессия МАГ", year=2025, **rich), 1)
    assert match.score == 1.0


def test_pairs_come_in_the_new_plans_order():
    old = [event(1, "Альфа форум"), event(2, "Бета конгресс"), event(3, "Гамма семинар")]
    new = [event(1, "Гамма семинар", year=2025), event(2, "Альфа форум", year=2025),
           event(3, "Бета конгресс", year=2025)]
    assert [m.new.id for m in match_events(old, new, 1)] == ["2025-01", "2025-02", "2025-03"]
    assert [m.old.id for m in match_events(old, new, 1)] == ["2024-03", "2024-01", "2024-02"]
