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
of the other side's prefixes finds every such pair, and the first two they share lie
among the first ``len − o + 2``.

A stem that many events carry would make its index entry long, and the pairs looked up
through it would grow with the square of the plan (issue 18: most of the time at 100,000
events). So a stem is *frequent* when the block would hold more than FREQUENT of its events
(counted over both plans, scaled to the block's share of them); frequent stems come last in
the order. A pair whose rarest shared stem is rare is found through that stem; one whose
rarest shared stem is frequent shares only frequent stems, and when it needs two or more it
is found through the first two, looked up as a pair (two common words together are far
rarer than either). A pair that needs one shared stem has a title of one to three stems
(at the default weights) and is found through any stem of that short title. Nothing is
capped: every pair alike enough is found, as ``match_events_exhaustive`` would pair them.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ingest.diff.profiles import Profile
from ingest.diff.titles import least_shared, similarity

# A block this small (pairs ≤ SMALL_BLOCK × events) is checked pair by pair, not indexed.
SMALL_BLOCK = 16
# A stem that more events than this would carry in a block is looked up there only paired with
# another frequent one: the index entries a title meets stay short however large the plan.
FREQUENT = 2
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
    """(old index, new index) of every pair that may score ``settings.threshold`` (a superset: each
    has titles alike enough for the evidence of a block it is in), sorted."""
    least = settings.min_title_similarity
    if least <= 0 or settings.threshold <= 0:
        return [(i, j) for i in range(len(old)) for j in range(len(new))]
    found = set(_stemless_pairs(old, new))
    old_stems, new_stems = _ranked(old, new)
    old_values = {name: [tuple(offer(p)) for p in old] for name, offer in SHARED.items()}
    new_values = {name: [tuple(offer(p)) for p in new] for name, offer in SHARED.items()}
    for names, weight, (old_offers, new_offers) in _blockings(settings, years, old, new, old_values, new_values):
        alike = max(least, (settings.threshold - weight) / settings.title_weight)
        if alike > 1:
            continue  # no title similarity can make up for the missing evidence
        for old_block, new_block in _blocks(old, new, old_offers, new_offers):
            if len(old_block) * len(new_block) <= SMALL_BLOCK * (len(old_block) + len(new_block)):
                pairs = ((i, j) for i in old_block for j in new_block)  # cheaper than an index
            else:  # a stem is frequent when the block would hold more than FREQUENT of its events
                frequent = FREQUENT * (len(old) + len(new)) // (len(old_block) + len(new_block))
                pairs = _join([old_stems[i] for i in old_block], [new_stems[j] for j in new_block],
                              alike, old_block, new_block, frequent)
            found.update((i, j) for i, j in pairs
                         if (i, j) not in found and similarity(old[i].title, new[j].title) >= alike - SLACK)
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


def _ranked(old: Sequence[Profile], new: Sequence[Profile]) -> tuple[list[Ranked], list[Ranked]]:
    """Each side's titles as stems rarest first (fewest events of both plans, then by the stem)."""
    counts = Counter(stem for side in (old, new) for profile in side for stem in profile.title.stems)

    def ranked(profile: Profile) -> Ranked:
        stems = tuple(sorted(profile.title.stems, key=lambda stem: (counts[stem], stem)))
        return Ranked(stems, tuple(counts[stem] for stem in stems))

    return [ranked(p) for p in old], [ranked(p) for p in new]


def _join(old: list[Ranked], new: list[Ranked], alike: float, old_ids: list[int], new_ids: list[int],
          frequent: int) -> Iterable[tuple[int, int]]:
    """(old id, new id) of the pairs of these titles that may be ``alike`` alike: those needing one
    shared stem that share one, and the others sharing a key their need allows in both prefixes.
    A stem of more than ``frequent`` events is a key only paired with another."""
    yield from _one_stem_pairs(old, new, alike, old_ids, new_ids, smaller_first=True)
    yield from ((i, j) for j, i in _one_stem_pairs(new, old, alike, new_ids, old_ids, smaller_first=False))
    yield from _prefix_join(old, new, alike, old_ids, new_ids, frequent, smaller_first=True)
    yield from ((i, j) for j, i in _prefix_join(new, old, alike, new_ids, old_ids, frequent, smaller_first=False))


def _prefix_join(indexed: list[Ranked], probing: list[Ranked], alike: float, indexed_ids: list[int],
                 probing_ids: list[int], frequent: int, smaller_first: bool) -> Iterable[tuple[int, int]]:
    """Pairs needing two shared stems or more where the indexed title has at most as many stems as
    the probing one (``smaller_first``; else fewer) and the two share a key within both prefixes."""
    postings: dict[str | tuple[str, str], list[tuple[int, int, int]]] = {}
    for i, title in enumerate(indexed):
        size = len(title.stems)
        for key, end in _keys(title, _index_bounds(size, alike), frequent):
            postings.setdefault(key, []).append((i, size, end))
    for j, title in enumerate(probing):
        larger = len(title.stems)
        seen = set()
        for key, probe_end in _keys(title, _probe_bounds(larger, alike), frequent):
            for i, smaller, end in postings.get(key, ()):
                if i not in seen and (smaller < larger or (smaller == larger and smaller_first)) \
                        and _allows(isinstance(key, str), smaller, larger, end, probe_end, alike):
                    seen.add(i)
                    yield indexed_ids[i], probing_ids[j]


def _one_stem_pairs(small: list[Ranked], other: list[Ranked], alike: float, small_ids: list[int],
                    other_ids: list[int], smaller_first: bool) -> Iterable[tuple[int, int]]:
    """(small id, other id) of the pairs that need one shared stem and share one, where the title of
    ``small`` has fewer stems (``smaller_first``: or as many). Only short titles need one stem."""
    postings: dict[str, list[tuple[int, int]]] = {}
    for i, title in enumerate(small):
        size = len(title.stems)
        if size and _need(size, size, alike) == 1:
            for stem in title.stems:
                postings.setdefault(stem, []).append((i, size))
    if not postings:
        return
    for j, title in enumerate(other):
        larger = len(title.stems)
        seen = set()
        for stem in title.stems:
            for i, smaller in postings.get(stem, ()):
                if i not in seen and (smaller < larger or (smaller == larger and smaller_first)) \
                        and _need(smaller, larger, alike) == 1:
                    seen.add(i)
                    yield small_ids[i], other_ids[j]


def _allows(rare: bool, smaller: int, larger: int, smaller_end: int, larger_end: int, alike: float) -> bool:
    """Whether a pair of titles of these sizes that needs two shared stems or more can be found by
    a key (a rare stem, or two frequent ones) ending at these positions."""
    need = _need(smaller, larger, alike)
    last = need if rare else need - 1
    return 2 <= need <= smaller and smaller_end <= smaller - last and larger_end <= larger - last


def _keys(title: Ranked, bounds: tuple[int, int], frequent: int) -> list[tuple[str | tuple[str, str], int]]:
    """A title's keys, each with the position it ends at: its rare stems up to position ``bounds[0]``,
    then pairs of its frequent stems ending by position ``bounds[1]``."""
    stems = title.stems
    rare = bisect.bisect_right(title.counts, frequent)
    keys: list = [(stems[end], end) for end in range(min(rare, bounds[0] + 1))]
    for end in range(rare + 1, min(len(stems), bounds[1] + 1)):
        keys += [((stems[first], stems[end]), end) for first in range(rare, end)]
    return keys


@dataclass(frozen=True)
class Ranked:
    """A title's stems rarest first (fewest events of both plans, then by the stem) and their counts."""

    stems: tuple[str, ...]
    counts: tuple[int, ...]


@lru_cache(maxsize=None)
def _index_bounds(smaller: int, alike: float) -> tuple[int, int]:
    """The last positions of the rare and pair keys of an indexed title, for partners at least as
    large that need two shared stems or more (they need at least ``_need(smaller, smaller)``)."""
    fewest = max(2, _need(smaller, smaller, alike))
    return (smaller - fewest, smaller - fewest + 1) if fewest <= smaller else (-1, -1)


@lru_cache(maxsize=None)
def _probe_bounds(larger: int, alike: float) -> tuple[int, int]:
    """The last positions of the rare and pair keys a probing title looks up, for partners no
    larger that need two shared stems or more: as many as the one that needs the fewest allows."""
    fewest = min((need for smaller in range(2, larger + 1) if 2 <= (need := _need(smaller, larger, alike)) <= smaller),
                 default=None)
    return (-1, -1) if fewest is None else (larger - fewest, larger - fewest + 1)


@lru_cache(maxsize=None)
def _need(smaller: int, larger: int, alike: float) -> int:
    return least_shared(smaller, larger, alike)
