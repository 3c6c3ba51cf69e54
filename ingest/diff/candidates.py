"""Every pair of events that may reach the match threshold, found without scoring the others.

A pair's score is ``title_weight × title similarity`` plus evidence, and each piece of
evidence needs the two events to share something: an organizer, the place, the section,
the date, an item, an edition series. So pairs are looked for in blocks of events that
share such values, and within a block only pairs whose titles are alike enough to reach
the threshold with the evidence the block can give:

- for each set S of {organizers, place, section, date}, the events sharing a value of each
  member of S, with titles at least ``(threshold − weight of S) / title_weight`` alike (the
  set with none of them is every event, with titles ≥ 0.83 alike by default);
- events of one edition series, or sharing an item, with titles at ``min_title_similarity``.

A pair sharing exactly the values of S (and no item or series) can get no more evidence
than S's weight, so it is found in S's block. Within a block the titles are joined with
prefix filtering (as in the AllPairs and PPJoin algorithms): stems ordered rarest first,
the same order for both plans; if two titles must share ``o`` stems, the first they share
lies among the first ``len − o + 1`` of each, so looking up each title's prefix in an index
of the other side's prefixes finds every such pair. Common words ("форум", "МАГ") fall
at the ends of long titles and are never looked up.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from ingest.diff.profiles import Profile
from ingest.diff.titles import least_shared, similarity

# A block this small (pairs ≤ SMALL_BLOCK × events) is checked pair by pair, not indexed.
SMALL_BLOCK = 16
# Title similarities are compared with this much room for rounding, so no pair is lost to it.
SLACK = 1e-9

# Evidence that comes from shared values, each: its name, and the values an event offers.
SHARED: dict[str, Callable[[Profile], Iterable]] = {
    "organizers": lambda p: p.organizers,
    "place": lambda p: () if p.place is None else (p.place,),
    "section": lambda p: () if p.section is None else (p.section,),
    "date": lambda p: p.date_keys,
}
# Evidence from rarer values, whose blocks are searched at the lowest title threshold; each
# offers (old profile's values, new profile's values) given the plans' year difference.
RARE: dict[str, Callable[[int | None], tuple[Callable, Callable]]] = {
    "edition": lambda years: (lambda p: p.edition_keys(years), lambda p: p.edition_keys(0)) if years
    else (lambda p: (), lambda p: ()),  # editions grow only between plans of different years
    "items": lambda years: (lambda p: p.items, lambda p: p.items),
}


def candidate_pairs(old: Sequence[Profile], new: Sequence[Profile], years: int | None,
                    settings) -> list[tuple[int, int]]:
    """(old index, new index) of every pair that may score ``settings.threshold`` (a superset), sorted."""
    least = settings.min_title_similarity
    if least <= 0 or settings.threshold <= 0:
        return [(i, j) for i in range(len(old)) for j in range(len(new))]
    found = set(_stemless_pairs(old, new))
    rank = _rarest_first(old, new)
    old_stems = [sorted(p.title.stems, key=rank.__getitem__) for p in old]
    new_stems = [sorted(p.title.stems, key=rank.__getitem__) for p in new]
    old_values = {name: [tuple(offer(p)) for p in old] for name, offer in SHARED.items()}
    new_values = {name: [tuple(offer(p)) for p in new] for name, offer in SHARED.items()}
    for names, weight, (old_offers, new_offers) in _blockings(settings, years, old, new, old_values, new_values):
        alike = max(least, (settings.threshold - weight) / settings.title_weight)
        if alike > 1:
            continue  # no title similarity can make up for the missing evidence
        for old_block, new_block in _blocks(old, new, old_offers, new_offers):
            if len(old_block) * len(new_block) <= SMALL_BLOCK * (len(old_block) + len(new_block)):
                found.update((i, j) for i in old_block for j in new_block  # cheaper than an index
                             if (i, j) not in found and similarity(old[i].title, new[j].title) >= alike - SLACK)
            else:
                found.update(_join([old_stems[i] for i in old_block], [new_stems[j] for j in new_block],
                                   alike, old_block, new_block))
    return sorted(found)


def _blockings(settings, years: int | None, old_profiles, new_profiles, old_values: dict, new_values: dict):
    """(names, most evidence the block can give, (old keys, new keys)) for each way of blocking;
    keys are functions of an event's index. ``*_values``: each event's values of each SHARED name."""
    weights = {"organizers": settings.organizers, "place": settings.place, "section": settings.section,
               "date": settings.date}
    everything = sum(weights.values()) + settings.edition + settings.items
    for size in range(len(SHARED) + 1):
        for names in itertools.combinations(SHARED, size):
            yield names, sum(weights[name] for name in names), (_product(names, old_values),
                                                                _product(names, new_values))
    for name, offers in RARE.items():
        old_offer, new_offer = offers(years)
        yield (name,), everything, (_of(old_offer, old_profiles), _of(new_offer, new_profiles))


def _product(names: tuple[str, ...], values: dict) -> Callable[[int], Iterable]:
    """An event's block keys for the set ``names``: one per combination of its values."""
    columns = [values[name] for name in names]
    return lambda index: itertools.product(*(column[index] for column in columns))


def _of(offer: Callable[[Profile], Iterable], profiles: Sequence[Profile]) -> Callable[[int], Iterable]:
    return lambda index: offer(profiles[index])


def _blocks(old: Sequence[Profile], new: Sequence[Profile], old_keys, new_keys) -> list[tuple[list[int], list[int]]]:
    """(old indexes, new indexes) of the events sharing each key present on both sides."""
    by_key: dict = {}
    for i in range(len(old)):
        for key in old_keys(i):
            by_key.setdefault(key, ([], []))[0].append(i)
    for j in range(len(new)):
        for key in new_keys(j):
            if key in by_key:
                by_key[key][1].append(j)
    return [block for block in by_key.values() if block[1]]


def _stemless_pairs(old: Sequence[Profile], new: Sequence[Profile]) -> Iterable[tuple[int, int]]:
    """Titles with no stems (all numerals, stopwords or punctuation) are alike only when equal."""
    by_key: dict[str, list[int]] = {}
    for i, profile in enumerate(old):
        if not profile.title.stems:
            by_key.setdefault(profile.title.masked_key, []).append(i)
    for j, profile in enumerate(new):
        if not profile.title.stems:
            yield from ((i, j) for i in by_key.get(profile.title.masked_key, ()))


def _rarest_first(old: Sequence[Profile], new: Sequence[Profile]) -> dict[str, tuple[int, str]]:
    counts = Counter(stem for side in (old, new) for profile in side for stem in profile.title.stems)
    return {stem: (count, stem) for stem, count in counts.items()}


def _join(old: list[list[str]], new: list[list[str]], alike: float, old_ids: list[int],
          new_ids: list[int]) -> Iterable[tuple[int, int]]:
    """(old id, new id) of the pairs of these titles (stems rarest first) sharing a stem within both
    prefixes: a superset of the pairs at least ``alike`` alike."""
    yield from _prefix_join(old, new, alike, old_ids, new_ids, smaller_first=True)
    yield from ((i, j) for j, i in _prefix_join(new, old, alike, new_ids, old_ids, smaller_first=False))


def _prefix_join(indexed: list[list[str]], probing: list[list[str]], alike: float, indexed_ids: list[int],
                 probing_ids: list[int], smaller_first: bool) -> Iterable[tuple[int, int]]:
    """Pairs where the indexed title has at most as many stems as the probing one
    (``smaller_first``; else fewer), sharing a stem within both prefixes."""
    postings: dict[str, list[tuple[int, int, int]]] = {}
    for i, stems in enumerate(indexed):
        size = len(stems)
        if size:
            for position in range(size - _need(size, size, alike) + 1):
                postings.setdefault(stems[position], []).append((i, size, position))
    for j, stems in enumerate(probing):
        larger = len(stems)
        seen = set()
        for probe_position in range(_probe_length(larger, alike)):
            for i, smaller, position in postings.get(stems[probe_position], ()):
                if i in seen or smaller > larger or (smaller == larger and not smaller_first):
                    continue
                need = _need(smaller, larger, alike)
                if position <= smaller - need and probe_position <= larger - need:
                    seen.add(i)
                    yield indexed_ids[i], probing_ids[j]


@lru_cache(maxsize=None)
def _probe_length(larger: int, alike: float) -> int:
    """How many of a title's first stems can hold the first stem it shares with any smaller title."""
    return max((larger - _need(smaller, larger, alike) + 1 for smaller in range(1, larger + 1)
                if _need(smaller, larger, alike) <= smaller), default=0)


@lru_cache(maxsize=None)
def _need(smaller: int, larger: int, alike: float) -> int:
    return least_shared(smaller, larger, alike)
