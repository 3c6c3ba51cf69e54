"""Pair the events of two plans one-to-one by content.

Each candidate pair gets a score: mostly title similarity (numerals, quotes,
case and punctuation set aside), plus supporting evidence from the edition,
place, organizers, items, section and date, each with a reason a person can
read. Pairs are then chosen globally, by the assignment of greatest total score,
and a pair below the threshold is left unpaired. Only pairs whose titles can be alike
enough are scored (ingest/diff/candidates.py), so large plans diff in linear time.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.diff.assignment import max_score_assignment, sparse_max_score_assignment
from ingest.diff.candidates import candidate_pairs
from ingest.diff.profiles import Profile
from ingest.diff.compare import editions_grow, editions_text, same_date
from ingest.diff.titles import Title, similarity
from schemas.plan import Event


@dataclass(frozen=True)
class MatchSettings:
    """What each kind of evidence is worth; a score is capped at 1.

    title_weight × title similarity is the base. The rest add up when present on
    both sides: an edition grown by the year difference is strong evidence; a
    shared item list is as strong (a list of named bodies rarely repeats).
    A pair needs ``min_title_similarity`` (titles must share words) and a score of
    ``threshold``.
    """

    title_weight: float = 0.6
    edition: float = 0.25
    items: float = 0.25
    organizers: float = 0.15
    place: float = 0.1
    section: float = 0.05
    date: float = 0.05
    min_title_similarity: float = 0.3
    threshold: float = 0.5
    # Breaks exact ties in favour of events at the same relative position; too
    # small to outweigh any evidence.
    position_tiebreak: float = 1e-6


DEFAULT_SETTINGS = MatchSettings()


@dataclass(frozen=True, slots=True)
class Match:
    """A scored candidate pair with the reasons for its score."""

    old: Event
    new: Event
    score: float
    reasons: tuple[str, ...]
    titles: tuple[Title, Title] | None = None  # the two titles as read, for event_changes


def score_pair(old: Event, new: Event, years: int | None,
               settings: MatchSettings = DEFAULT_SETTINGS) -> Match:
    """How alike two events are (0..1) and why."""
    return _score(Profile.of(old), Profile.of(new), years, settings)


def _score(old: Profile, new: Profile, years: int | None, settings: MatchSettings,
           title_alike: float | None = None) -> Match:
    """score_pair of two profiles; ``title_alike`` when the caller has worked it out already."""
    if title_alike is None:
        title_alike = similarity(old.title, new.title)
    score = settings.title_weight * title_alike
    reasons = [_title_reason(old, new, title_alike)]
    for weight, reason in _evidence(old, new, years, settings):
        score += weight
        reasons.append(reason)
    return Match(old.event, new.event, min(score, 1.0), tuple(reasons), (old.title, new.title))


def _title_reason(old: Profile, new: Profile, title_alike: float) -> str:
    if old.title_plain == new.title_plain:
        return "same title"
    if old.masked_plain == new.masked_plain:
        return "same title apart from the edition"
    if title_alike == 1.0:
        return "same title words"
    return f"titles {title_alike:.0%} alike"


def _evidence(old: Profile, new: Profile, years: int | None, settings: MatchSettings):
    """(weight, reason) for each piece of supporting evidence the two events share."""
    if editions_grow(old.title.editions, new.title.editions, years):
        yield settings.edition, f"edition {editions_text(old.title.editions)} → {editions_text(new.title.editions)}"
    yield from _list_evidence("items", old.items, new.items, old.items_folded, new.items_folded, settings.items)
    yield from _list_evidence("organizers", old.organizers, new.organizers,
                              old.organizers_folded, new.organizers_folded, settings.organizers)
    if old.place is not None and old.place == new.place:  # None: no place written
        yield settings.place, "same place"
    if old.section is not None and old.section == new.section:
        yield settings.section, "same section"
    if old.date_plain == new.date_plain or same_date(old.event.date, new.event.date):
        yield settings.date, "same date"


def _list_evidence(name: str, old: frozenset[str], new: frozenset[str], old_folded: frozenset[str],
                   new_folded: frozenset[str], weight: float):
    """Shared members of two lists (made plain), worth ``weight`` × their Jaccard overlap."""
    shared = len(old & new)
    if not shared:
        return
    if old == new:
        yield weight, f"same {name}"
        return
    union = len(old_folded | new_folded)
    yield weight * shared / union, f"{name}: {shared} of {union} shared"


def match_events(old: list[Event], new: list[Event], years: int | None,
                 settings: MatchSettings = DEFAULT_SETTINGS) -> list[Match]:
    """The best one-to-one pairs over all candidates, each at least the threshold, in NEW order.

    Only pairs whose titles share enough stems to reach ``min_title_similarity`` are
    scored (candidate_pairs finds every one of them without looking at the others), and
    the assignment runs on each connected group of scored pairs alone: the result is the
    one scoring every pair and assigning over the whole matrix would give
    (match_events_exhaustive; tests/test_matching.py compares them).
    """
    olds, news = [Profile.of(e) for e in old], [Profile.of(e) for e in new]
    edges: dict[tuple[int, int], Match] = {}
    for i, j in candidate_pairs(olds, news, years, settings):
        match = _candidate(olds[i], news[j], years, settings)
        if match:
            edges[i, j] = match
    return _in_new_order(_assign(edges, len(old), len(new), settings), new)


def match_events_exhaustive(old: list[Event], new: list[Event], years: int | None,
                            settings: MatchSettings = DEFAULT_SETTINGS) -> list[Match]:
    """match_events by scoring every pair and assigning over the full matrix: O(n²) scores and
    O(n³) assignment. The reference the fast matcher is checked against; not for large plans."""
    olds, news = [Profile.of(e) for e in old], [Profile.of(e) for e in new]
    candidates = [[_candidate(o, n, years, settings) for n in news] for o in olds]
    scores = [[match.score + _tiebreak(i, j, len(old), len(new), settings) if match else 0.0
               for j, match in enumerate(row)] for i, row in enumerate(candidates)]
    chosen = [candidates[i][j] for i, j in max_score_assignment(scores) if candidates[i][j]]
    return _in_new_order(chosen, new)


def _in_new_order(chosen: list[Match], new: list[Event]) -> list[Match]:
    order = {event.id: position for position, event in enumerate(new)}
    return sorted(chosen, key=lambda match: order[match.new.id])


def _candidate(o: Profile, n: Profile, years: int | None, settings: MatchSettings) -> Match | None:
    """The scored pair, or None when it may not be paired at all."""
    title_alike = similarity(o.title, n.title)
    if title_alike < settings.min_title_similarity:
        return None
    match = _score(o, n, years, settings, title_alike)
    return match if match.score >= settings.threshold else None


def _assign(edges: dict[tuple[int, int], Match], rows: int, columns: int,
            settings: MatchSettings) -> list[Match]:
    """The assignment of greatest total score, found for each connected group of pairs alone.

    Pairs that share no event cannot compete, so the best assignment of the whole is
    the union of the best of each group; the position tie-break keeps its global terms.
    """
    chosen = []
    for group_rows, group_columns, pairs in _groups(edges, rows):
        row_at = {i: a for a, i in enumerate(group_rows)}
        column_at = {j: b for b, j in enumerate(group_columns)}
        scores = [edges[i, j].score + _tiebreak(i, j, rows, columns, settings) for i, j in pairs]
        assigned = sparse_max_score_assignment([row_at[i] for i, _ in pairs], [column_at[j] for _, j in pairs],
                                               scores, (len(group_rows), len(group_columns)))
        chosen += [edges[group_rows[a], group_columns[b]] for a, b in assigned]
    return chosen


def _groups(edges: dict[tuple[int, int], Match], rows: int
            ) -> list[tuple[list[int], list[int], list[tuple[int, int]]]]:
    """The connected groups of the pair graph: (old indexes, new indexes, each sorted; the group's
    pairs, in the order of ``edges``)."""
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for i, j in edges:  # new events are nodes rows, rows + 1, ...
        parent[root(i)] = root(rows + j)
    members: dict[int, tuple[list[int], list[int], list[tuple[int, int]]]] = {}
    for node in sorted(parent):
        group = members.setdefault(root(node), ([], [], []))
        if node < rows:
            group[0].append(node)
        else:
            group[1].append(node - rows)
    for pair in edges:
        members[root(pair[0])][2].append(pair)
    return list(members.values())


def _tiebreak(i: int, j: int, rows: int, columns: int, settings: MatchSettings) -> float:
    """A tiny bonus for the same relative position in both plans."""
    return settings.position_tiebreak * (1 - abs(i / rows - j / columns))
