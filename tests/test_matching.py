"""Events are paired one-to-one by content, globally, above a threshold, with reasons."""

from __future__ import annotations

import itertools
import random

import pytest

from ingest.diff.assignment import max_score_assignment, min_cost_assignment
from ingest.diff.matching import MatchSettings, match_events, score_pair
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


# The fast matcher scores only candidate pairs and assigns per connected group; it must give
# exactly what scoring every pair and assigning over the whole matrix gives: the same pairs,
# scores and reasons. Plans of up to 200 events, from titles nearly all unlike (20,000 words)
# to titles nearly all alike (30 words, many pairs competing for each event).
# Crowded plans draw places, organizers, months and sections from two each, so that pairs
# share every kind of evidence at once.
EQUIVALENCE_CASES = [(count, words, crowded, seed) for count in (5, 40, 120, 200) for words in (30, 300, 20000)
                     for crowded in (False, True) for seed in range(2)]


@pytest.mark.parametrize("count, words, crowded, seed", EQUIVALENCE_CASES)
def test_the_fast_matcher_equals_the_exhaustive_one(count, words, crowded, seed):
    from ingest.diff.matching import match_events_exhaustive
    from tests.plan_variants import variant
    plans = variant(count, seed=seed, words=words, crowded=crowded)
    for years in (1, 2, None):
        fast = match_events(plans.old, plans.new, years)
        slow = match_events_exhaustive(plans.old, plans.new, years)
        assert [(m.old.id, m.new.id, m.score, m.reasons) for m in fast] == \
               [(m.old.id, m.new.id, m.score, m.reasons) for m in slow]


def _short_titles(count: int, year: int, seed: int) -> list:
    """Events with titles of one to three words out of 40, long titles among them, so that
    pairs needing a single shared stem fill blocks too large to check pair by pair."""
    generator = random.Random(seed)
    words = [f"{letter}слово{letter}" for letter in "абвгдежзиклмнопрстуфхцчшщэюяйъыьё"][:40]
    return [event(number, " ".join(generator.sample(words, generator.choice((1, 1, 2, 3, 8, 12)))), year=year,
                  place=generator.choice(("Москва", "Минск")), date=generator.choice(("май", "июнь")))
            for number in range(1, count + 1)]


@pytest.mark.parametrize("seed", range(3))
def test_short_titles_that_need_one_shared_word_are_candidates(seed):
    """Every pair that reaches the threshold is a candidate, and the assignment is as good as the
    exhaustive one. (Pairs of exactly equal score can be chosen either way here, since the
    position tie-break itself ties, so the pairs are compared by their total.)"""
    from ingest.diff.candidates import candidate_pairs
    from ingest.diff.matching import DEFAULT_SETTINGS, Profile, _candidate, match_events_exhaustive
    old, new = _short_titles(150, 2024, seed), _short_titles(150, 2025, seed + 100)
    olds, news = [Profile.of(e) for e in old], [Profile.of(e) for e in new]
    reaching = {(i, j) for i in range(len(old)) for j in range(len(new))
                if _candidate(olds[i], news[j], 1, DEFAULT_SETTINGS)}
    assert reaching and reaching <= set(candidate_pairs(olds, news, 1, DEFAULT_SETTINGS))
    fast, slow = match_events(old, new, 1), match_events_exhaustive(old, new, 1)
    assert len(fast) == len(slow) and sum(m.score for m in fast) == pytest.approx(sum(m.score for m in slow))


@pytest.mark.parametrize("settings", [
    MatchSettings(min_title_similarity=0.0),  # every pair is a candidate
    MatchSettings(threshold=0.9, organizers=0.4),
    MatchSettings(title_weight=0.3, threshold=0.35),
])
def test_the_fast_matcher_follows_the_settings(settings):
    from ingest.diff.matching import match_events_exhaustive
    from tests.plan_variants import variant
    plans = variant(80, seed=3, words=60)
    fast = match_events(plans.old, plans.new, 1, settings)
    slow = match_events_exhaustive(plans.old, plans.new, 1, settings)
    assert [(m.old.id, m.new.id, m.score) for m in fast] == [(m.old.id, m.new.id, m.score) for m in slow]


def test_the_candidates_hold_every_pair_that_reaches_the_threshold():
    from ingest.diff.candidates import candidate_pairs
    from ingest.diff.matching import DEFAULT_SETTINGS, Profile, _candidate
    from tests.plan_variants import variant
    plans = variant(150, seed=5, words=50, crowded=True)
    old, new = [Profile.of(e) for e in plans.old], [Profile.of(e) for e in plans.new]
    reaching = {(i, j) for i in range(len(old)) for j in range(len(new))
                if _candidate(old[i], new[j], 1, DEFAULT_SETTINGS)}
    found = set(candidate_pairs(old, new, 1, DEFAULT_SETTINGS))
    assert reaching and reaching <= found
    assert len(found) < len(old) * len(new) / 4  # and far from all pairs


def _titles_alike(least: float) -> tuple[str, str, float]:
    """Two titles whose similarity is the lowest one at or above ``least`` (stem counts up to 12)."""
    from ingest.diff.titles import title_similarity
    best = None
    for smaller in range(1, 13):
        for larger in range(smaller, 13):
            for shared in range(1, smaller + 1):
                value = shared * (1 / (smaller + larger) + 1 / (2 * smaller))
                if value >= least + 1e-9 and (best is None or value < best[0]):
                    best = (value, smaller, larger, shared)
    _, smaller, larger, shared = best
    words = ["".join(chr(ord("а") + (k * 7 + d) % 32) for d in range(5)) for k in range(smaller + larger)]
    old = " ".join(words[:smaller])
    new = " ".join(words[:shared] + words[smaller:smaller + larger - shared])
    return old, new, title_similarity(old, new)


EVIDENCE = {"organizers": dict(organizers=("Исполком МАГ",)), "place": dict(place="Москва"),
            "section": dict(section="Раздел 1"), "date": dict(date="май")}


@pytest.mark.parametrize("shared", [names for size in range(5) for names in itertools.combinations(EVIDENCE, size)])
def test_a_pair_just_alike_enough_for_its_evidence_is_found(shared):
    """For each set of shared values, the least alike titles that still reach the threshold pair."""
    from ingest.diff.matching import DEFAULT_SETTINGS as S, match_events_exhaustive
    weights = {"organizers": S.organizers, "place": S.place, "section": S.section, "date": S.date}
    least = max(S.min_title_similarity, (S.threshold - sum(weights[n] for n in shared)) / S.title_weight)
    if least > 1:
        pytest.skip("no title is alike enough without evidence")  # the empty set with these weights
    old_title, new_title, alike = _titles_alike(least)
    assert least <= alike < least + 0.05
    given = {key: value for name in shared for key, value in EVIDENCE[name].items()}
    apart = dict(place="Минск", section="Раздел 9", date="декабрь")
    old = [event(1, old_title, **{**{k: v for k, v in apart.items() if k not in given}, **given})]
    new = [event(1, new_title, year=2025, **{**{k: v + "ово" for k, v in apart.items() if k not in given}, **given})]
    assert [m.new.id for m in match_events_exhaustive(old, new, 1)] == ["2025-01"]
    assert [m.new.id for m in match_events(old, new, 1)] == ["2025-01"]


@pytest.mark.parametrize("wide", [16, 3])
def test_titles_compared_line_by_line_are_as_alike_as_titles_similarity_says(monkeypatch, wide):
    """The candidates compare titles in lines of at most WIDE stems; titles of 1 to 40 stems (up to
    14 lines each at 3) out of 50 words, so that they share many, are exactly as alike as
    titles.similarity has them."""
    import numpy as np
    import ingest.diff.candidates as candidates
    from ingest.diff.matching import Profile
    from ingest.diff.titles import similarity
    monkeypatch.setattr(candidates, "WIDE", wide)
    generator = random.Random(wide)
    words = [first + second + "слово" for first in "абвгд" for second in "абвгдежзик"]

    def side(year: int) -> list[Profile]:
        return [Profile.of(event(number, " ".join(generator.sample(words, size)), year=year))
                for number, size in enumerate((1, 2, 3, 5, 8, 15, 16, 17, 31, 32, 33, 40), start=1)]

    old, new = side(2024), side(2025)
    i, j = (pair.ravel() for pair in np.meshgrid(np.arange(len(old)), np.arange(len(new)), indexing="ij"))
    found = candidates.Titles.of(old, new).similarity(i, j).tolist()
    assert found == [similarity(old[a].title, new[b].title) for a, b in zip(i.tolist(), j.tolist())]


# Growing plans: the same vocabulary of 20,000 words shared by ever more titles, so that the
# commonest stems are carried by thousands of events (issue 18: at 100,000 events the join looked
# at pairs through them, ever more per event).
def _join_load(count: int, alike: float) -> tuple[float, float]:
    """Per event of a ``count``-event plan: the pairs the title join of the whole plan (one block)
    looks at (at least ``alike`` alike possible), and the candidates of the whole matcher."""
    import numpy as np
    from ingest.diff.candidates import FREQUENT, Rows, Titles, _join, candidate_pairs
    from ingest.diff.matching import DEFAULT_SETTINGS, Profile
    from tests.plan_variants import variant
    plans = variant(count, seed=count)
    old, new = [Profile.of(e) for e in plans.old], [Profile.of(e) for e in plans.new]

    def one_block(size: int) -> Rows:
        return Rows(np.arange(size), np.zeros(size, dtype=np.int64), np.full(size, FREQUENT))

    looked_at, _ = _join(Titles.of(old, new), one_block(len(old)), one_block(len(new)), alike)
    return len(looked_at) / count, len(candidate_pairs(old, new, 1, DEFAULT_SETTINGS)) / count


@pytest.mark.parametrize("alike", [0.583, 0.833])  # the blocks of one organizer, and of no evidence
def test_the_work_per_event_stays_flat_as_the_plan_grows(alike):
    small_join, small_candidates = _join_load(1000, alike)
    large_join, large_candidates = _join_load(8000, alike)
    assert large_join < 1.5 * small_join + 0.5  # was 2.8 → 18.3 pairs per event at 0.583
    assert large_candidates < 1.5 * small_candidates  # was 1.3 → 5.5


@pytest.mark.parametrize("rows, columns", [(30, 30), (25, 40), (40, 25)])
def test_a_large_group_is_assigned_as_the_python_code_assigns_it(monkeypatch, rows, columns):
    """Groups over LARGE rows or columns go to scipy; with no ties, the same pairs."""
    pytest.importorskip("scipy")
    import ingest.diff.assignment as assignment
    generator = random.Random(rows * columns)
    score = [[generator.random() if generator.random() < 0.2 else 0.0 for _ in range(columns)] for _ in range(rows)]
    python = max_score_assignment(score)
    monkeypatch.setattr(assignment, "LARGE", 10)
    assert max_score_assignment(score) == python


@pytest.mark.parametrize("seed, words, crowded", [(0, 30, False), (1, 30, True), (2, 300, True)])
def test_large_groups_assigned_by_sparse_matching_pair_as_the_python_code(monkeypatch, seed, words, crowded):
    """A group over LARGE rows or columns goes to scipy's sparse matching; with LARGE lowered so
    that most groups of a look-alike plan are large, the pairs, scores and reasons stay the same."""
    pytest.importorskip("scipy")
    import ingest.diff.assignment as assignment
    from tests.plan_variants import variant
    plans = variant(150, seed=seed, words=words, crowded=crowded)

    def pairs():
        return [(m.old.id, m.new.id, m.score, m.reasons) for m in match_events(plans.old, plans.new, 1)]

    by_python = pairs()
    monkeypatch.setattr(assignment, "LARGE", 5)
    assert pairs() == by_python


@pytest.mark.parametrize("rows, columns", [(30, 30), (25, 40), (40, 25)])
def test_sparse_matching_assigns_as_the_python_code(monkeypatch, rows, columns):
    """sparse_max_score_assignment over LARGE goes to scipy's sparse matching; with no ties, the
    same pairs as the Python code on the full matrix, and only given cells."""
    pytest.importorskip("scipy")
    import ingest.diff.assignment as assignment
    generator = random.Random(rows + columns)
    cells = [(i, j) for i in range(rows) for j in range(columns) if generator.random() < 0.15]
    scores = [generator.random() for _ in cells]
    python = assignment.sparse_max_score_assignment([i for i, _ in cells], [j for _, j in cells], scores,
                                                    (rows, columns))
    monkeypatch.setattr(assignment, "LARGE", 10)
    assert assignment.sparse_max_score_assignment([i for i, _ in cells], [j for _, j in cells], scores,
                                                  (rows, columns)) == python
    assert set(python) <= set(cells)


@pytest.mark.parametrize("words, crowded", [(30, True), (300, False), (20000, True)])
def test_keys_cut_by_their_hashes_find_the_same_candidates(monkeypatch, words, crowded):
    """Large sides are cut to the keys whose hash the other side has before they are sorted; with
    every side cut (HASHED 0) or none, the candidates are the same."""
    import ingest.diff.candidates as candidates
    from ingest.diff.matching import DEFAULT_SETTINGS, Profile
    from tests.plan_variants import variant
    plans = variant(200, seed=7, words=words, crowded=crowded)
    old, new = [Profile.of(e) for e in plans.old], [Profile.of(e) for e in plans.new]
    monkeypatch.setattr(candidates, "HASHED", 1 << 40)
    sorted_only = candidates.candidate_pairs(old, new, 1, DEFAULT_SETTINGS)
    monkeypatch.setattr(candidates, "HASHED", 0)
    assert candidates.candidate_pairs(old, new, 1, DEFAULT_SETTINGS) == sorted_only


@pytest.mark.parametrize("organizers, candidate", [((), False), (("Исполком МАГ",), True)])
def test_a_pair_sharing_a_series_is_a_candidate_only_if_its_evidence_can_reach_the_threshold(organizers, candidate):
    """An edition series' block is searched at the lowest title similarity (as if every kind of
    evidence were shared); a pair 0.4 alike sharing the series alone scores 0.49 and is not scored,
    with an organizer shared too it may reach 0.64 and is."""
    from ingest.diff.candidates import candidate_pairs
    from ingest.diff.matching import DEFAULT_SETTINGS, Profile, score_pair
    old = event(1, "XV Конференция альфа бета гамма дельта", place="Москва", date="май", organizers=organizers)
    new = event(1, "XVI Конференция альфа омега сигма каппа", year=2025, place="Минск", date="июнь",
                organizers=organizers)
    assert (score_pair(old, new, 1).score >= DEFAULT_SETTINGS.threshold) is candidate
    found = candidate_pairs([Profile.of(old)], [Profile.of(new)], 1, DEFAULT_SETTINGS)
    assert found == ([(0, 0)] if candidate else [])
