"""Pair the events of two plans one-to-one by content.

Each candidate pair gets a score: mostly title similarity (numerals, quotes,
case and punctuation set aside), plus supporting evidence from the edition,
place, organizers, items, section and date, each with a reason a person can
read. Pairs are then chosen globally, by the assignment of greatest total score,
and a pair below the threshold is left unpaired.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.diff.assignment import max_score_assignment
from ingest.diff.compare import edition_grows, edition_text, same_date, same_list, same_text, shared_count
from ingest.diff.titles import masked, title_similarity
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


@dataclass(frozen=True)
class Match:
    """A scored candidate pair with the reasons for its score."""

    old: Event
    new: Event
    score: float
    reasons: tuple[str, ...]


def score_pair(old: Event, new: Event, years: int | None,
               settings: MatchSettings = DEFAULT_SETTINGS) -> Match:
    """How alike two events are (0..1) and why."""
    similarity = title_similarity(old.title, new.title)
    score = settings.title_weight * similarity
    reasons = [_title_reason(old.title, new.title, similarity)]
    for weight, reason in _evidence(old, new, years, settings):
        score += weight
        reasons.append(reason)
    return Match(old, new, min(score, 1.0), tuple(reasons))


def _title_reason(old: str, new: str, similarity: float) -> str:
    if old == new or same_text(old, new):
        return "same title"
    if same_text(masked(old), masked(new)):
        return "same title apart from the edition"
    if similarity == 1.0:
        return "same title words"
    return f"titles {similarity:.0%} alike"


def _evidence(old: Event, new: Event, years: int | None, settings: MatchSettings):
    """(weight, reason) for each piece of supporting evidence the two events share."""
    if edition_grows(old.title, new.title, years):
        yield settings.edition, f"edition {edition_text(old.title)} → {edition_text(new.title)}"
    yield from _list_evidence("items", old.items, new.items, settings.items)
    yield from _list_evidence("organizers", old.organizers, new.organizers, settings.organizers)
    if old.place and new.place and same_text(old.place, new.place):
        yield settings.place, "same place"
    if old.section and new.section and same_text(old.section, new.section):
        yield settings.section, "same section"
    if same_date(old.date, new.date):
        yield settings.date, "same date"


def _list_evidence(name: str, old: list[str], new: list[str], weight: float):
    """Shared members of two lists, worth ``weight`` × their Jaccard overlap."""
    shared = shared_count(old, new)
    if not shared:
        return
    if same_list(old, new):
        yield weight, f"same {name}"
        return
    union = len({*map(str.casefold, old), *map(str.casefold, new)})
    yield weight * shared / union, f"{name}: {shared} of {union} shared"


def match_events(old: list[Event], new: list[Event], years: int | None,
                 settings: MatchSettings = DEFAULT_SETTINGS) -> list[Match]:
    """The best one-to-one pairs over all candidates, each at least the threshold, in NEW order."""
    candidates = [[_candidate(o, n, years, settings) for n in new] for o in old]
    scores = [[match.score + _tiebreak(i, j, len(old), len(new), settings) if match else 0.0
               for j, match in enumerate(row)] for i, row in enumerate(candidates)]
    chosen = [candidates[i][j] for i, j in max_score_assignment(scores) if candidates[i][j]]
    order = {event.id: position for position, event in enumerate(new)}
    return sorted(chosen, key=lambda match: order[match.new.id])


def _candidate(o: Event, n: Event, years: int | None, settings: MatchSettings) -> Match | None:
    """The scored pair, or None when it may not be paired at all."""
    if title_similarity(o.title, n.title) < settings.min_title_similarity:
        return None
    match = score_pair(o, n, years, settings)
    return match if match.score >= settings.threshold else None


def _tiebreak(i: int, j: int, rows: int, columns: int, settings: MatchSettings) -> float:
    """A tiny bonus for the same relative position in both plans."""
    return settings.position_tiebreak * (1 - abs(i / rows - j / columns))
