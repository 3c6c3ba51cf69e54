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
than S's weight, so it is found in S's block. Last, a pair found is kept only if its title
similarity with every kind of evidence it shares a value of, each at full weight, reaches the
threshold: no pair below can score it (the blocks of a series or an item, searched as if every
kind were shared, otherwise hand on pairs that share the series alone, more per event the
larger the plan). Within a block the titles are joined with
prefix filtering (as in the AllPairs and PPJoin algorithms): stems ordered rarest first,
the same order for both plans; if two titles must share ``o`` stems, the first they share
lies among the first ``len − o + 1`` of each, so looking up each title's prefix in an index
of the other side's prefixes finds every such pair, and the first two they share lie
among the first ``len − o + 2``.

A stem that many events carry would make its index entry long, and the pairs looked up
through it would grow with the square of the plan (issue 18). So a stem is *frequent* when
the block would hold more than FREQUENT of its events (counted over both plans, scaled to
the block's share of them); frequent stems come last in the order. A pair whose rarest
shared stem is rare is found through that stem; one whose rarest shared stem is frequent
shares only frequent stems, and when it needs two or more it is found through the first
two, looked up as a pair (two common words together are far rarer than either). A pair
that needs one shared stem has a title of one to three stems (at the default weights) and
is found through any stem of that short title. Nothing is capped: every pair alike enough
is found, as ``match_events_exhaustive`` would pair them, and which stems count as frequent
changes only how the pairs are found, never which.

The work is done on arrays (numpy), one blocking at a time for all its blocks at once: each
event of a block is a row; a row's keys (its rare stems and pairs of frequent stems, each
with the block and the position it ends at) are matched with the other side's by sorting,
and the matches that the sizes and positions allow are checked for title similarity. A
title of many frequent stems offers many pairs (their number grows with the square of its
length, as the prefix argument needs), so the cost per key is what has to stay small: in
Python it grew with the plan (dictionaries of millions of keys, issue 18: 335 µs per event
at 100,000 events in the join alone), on arrays it is a few sorts.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ingest.diff.profiles import Profile
from ingest.diff.titles import least_shared

# A stem that more events than this would carry in a block is looked up there only paired with
# another frequent one: the index entries a title meets stay short however large the plan.
FREQUENT = 2
# Title similarities are compared with this much room for rounding, so no pair is lost to it.
SLACK = 1e-9
# Sides with more keys than this are cut to the keys whose hash the other side has before sorting.
HASHED = 4096
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # 2⁶⁴ / the golden ratio, odd: spreads codes over the hash
# Titles are compared in lines of at most this many stems (a longer title takes several lines).
WIDE = 16
# Pairs of lines compared at once: the comparisons (up to WIDE² bytes a pair) stay in the cache.
CHUNK = 1 << 14

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
    has titles alike enough for the evidence of a block it is in, and could reach the threshold
    with every kind of evidence it shares a value of at full weight), sorted."""
    least = settings.min_title_similarity
    if least <= 0 or settings.threshold <= 0:
        return [(i, j) for i in range(len(old)) for j in range(len(new))]
    if not old or not new:
        return []
    titles = Titles.of(old, new)
    evidence = _evidence(settings, years, old, new)
    found = []
    for weight, names in _blockings(settings):
        alike = max(least, (settings.threshold - weight) / settings.title_weight)
        if alike > 1:
            continue  # no title similarity can make up for the missing evidence
        old_rows, new_rows = _blocks([evidence[name][1] for name in names], [evidence[name][2] for name in names],
                                     len(old), len(new))
        i, j = _join(titles, old_rows, new_rows, alike)
        alike_enough = titles.similarity(i, j) >= alike - SLACK
        found.append(i[alike_enough] * len(new) + j[alike_enough])
    codes = _distinct(np.concatenate(found))
    i, j = codes // len(new), codes % len(new)
    i, j = _may_reach(titles, evidence, settings, i, j)
    stemless = list(_stemless_pairs(old, new))
    pairs = list(zip(i.tolist(), j.tolist()))
    return sorted(pairs + stemless) if stemless else pairs


def _may_reach(titles: "Titles", evidence: dict, settings, old: np.ndarray,
               new: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pairs whose title similarity, with every kind of evidence they share a value of at its
    full weight, reaches the threshold: no pair below can score it. (A block of an edition series
    or an item is searched at the lowest title similarity, as if every kind of evidence were
    shared; at 100,000 events most of its pairs share the series alone and cannot be paired.)"""
    bound = settings.title_weight * titles.similarity(old, new)
    for weight, old_column, new_column in evidence.values():
        bound = bound + weight * old_column.shares(old, new, new_column)
    keep = bound >= settings.threshold - SLACK
    return old[keep], new[keep]


# ---- the values events share: blocks -------------------------------------------------------

@dataclass(frozen=True)
class Column:
    """Each event's values of one kind of evidence as numbers (one numbering for both plans):
    event e's are ``values[starts[e]:starts[e] + counts[e]]``; ``width`` bounds them."""

    starts: np.ndarray
    counts: np.ndarray
    values: np.ndarray
    width: int

    @staticmethod
    def pair(old: Iterable[Iterable], new: Iterable[Iterable]) -> tuple["Column", "Column"]:
        """The columns of the two plans, each event's values listed once, numbered alike."""
        numbers: dict = {}
        sides = [[[numbers.setdefault(value, len(numbers)) for value in dict.fromkeys(values)]
                  for values in side] for side in (old, new)]
        return tuple(Column._of(side, max(1, len(numbers))) for side in sides)

    @staticmethod
    def _of(events: list[list[int]], width: int) -> "Column":
        counts = np.fromiter(map(len, events), dtype=np.int64, count=len(events))
        values = np.fromiter(itertools.chain.from_iterable(events), dtype=np.int64, count=int(counts.sum()))
        return Column(np.cumsum(counts) - counts, counts, values, width)

    def shares(self, events: np.ndarray, others: np.ndarray, other: "Column") -> np.ndarray:
        """Whether event events[k] of this column and event others[k] of ``other`` (numbered alike)
        have a value in common."""
        if not len(other.values) or not len(events):
            return np.zeros(len(events), dtype=bool)
        pairs, offsets = _expand(self.counts[events])
        wanted = others[pairs] * self.width + self.values[self.starts[events][pairs] + offsets]
        owned = other.owned()
        at = np.minimum(np.searchsorted(owned, wanted), len(owned) - 1)
        return np.bincount(pairs, weights=owned[at] == wanted, minlength=len(events)) > 0

    def owned(self) -> np.ndarray:
        """Each value plus its event's number × ``width``, sorted: for finding whether an event has it."""
        return np.sort(np.repeat(np.arange(len(self.counts)), self.counts) * self.width + self.values)

    def spread(self, events: np.ndarray, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Rows (event, code) made one per value of the event: the code extended by the value."""
        counts = self.counts[events]
        rows, offsets = _expand(counts)
        values = self.values[self.starts[events][rows] + offsets]
        return events[rows], codes[rows] * self.width + values


@dataclass(frozen=True)
class Rows:
    """Events in blocks: row r is event ``events[r]`` in block ``blocks[r]``; ``frequent[r]``: the
    fewest events of both plans a stem must have to count as frequent in that block."""

    events: np.ndarray
    blocks: np.ndarray
    frequent: np.ndarray


def _evidence(settings, years: int | None, old: Sequence[Profile], new: Sequence[Profile]) -> dict:
    """Each kind of evidence: name → (its weight, old column, new column)."""
    weights = _weights(settings)
    offers = dict(SHARED)
    offers.update({name: sides(years) for name, sides in RARE.items()})
    evidence = {}
    for name, offer in offers.items():
        old_offer, new_offer = offer if isinstance(offer, tuple) else (offer, offer)
        evidence[name] = (weights[name], *Column.pair(map(old_offer, old), map(new_offer, new)))
    return evidence


def _weights(settings) -> dict[str, float]:
    """Each kind of evidence's weight (the settings' field of its name), SHARED's then RARE's."""
    return {name: getattr(settings, name) for name in (*SHARED, *RARE)}


def _blockings(settings) -> Iterable[tuple[float, tuple[str, ...]]]:
    """(most evidence the block can give, the kinds of evidence whose values its events share) for
    each way of blocking."""
    weights = _weights(settings)
    everything = sum(weights.values())
    for size in range(len(SHARED) + 1):
        for names in itertools.combinations(SHARED, size):
            yield sum(weights[name] for name in names), names
    for name in RARE:
        yield everything, (name,)


def _blocks(old_columns: list[Column], new_columns: list[Column], old_count: int,
            new_count: int) -> tuple[Rows, Rows]:
    """Each side's rows in the blocks present on both sides (no columns: one block of all)."""
    old_events, new_events = np.arange(old_count), np.arange(new_count)
    old_codes, new_codes = np.zeros(old_count, dtype=np.int64), np.zeros(new_count, dtype=np.int64)
    for old_column, new_column in zip(old_columns, new_columns):
        old_events, old_codes = old_column.spread(old_events, old_codes)
        new_events, new_codes = new_column.spread(new_events, new_codes)
        _, numbered = np.unique(np.concatenate((old_codes, new_codes)), return_inverse=True)
        old_codes, new_codes = numbered[:len(old_codes)], numbered[len(old_codes):]  # codes stay small
    width = int(max(old_codes.max(initial=-1), new_codes.max(initial=-1))) + 1
    on_both = (np.bincount(old_codes, minlength=width) > 0) & (np.bincount(new_codes, minlength=width) > 0)
    old_keep, new_keep = on_both[old_codes], on_both[new_codes]
    old_codes, new_codes = old_codes[old_keep], new_codes[new_keep]
    sizes = np.bincount(np.concatenate((old_codes, new_codes)), minlength=width)
    share = (old_count + new_count) * FREQUENT  # frequent: more than FREQUENT expected in the block
    return (Rows(old_events[old_keep], old_codes, share // np.maximum(sizes[old_codes], 1)),
            Rows(new_events[new_keep], new_codes, share // np.maximum(sizes[new_codes], 1)))


def _stemless_pairs(old: Sequence[Profile], new: Sequence[Profile]) -> Iterable[tuple[int, int]]:
    """Titles with no stems (all numerals, stopwords or punctuation) are alike only when equal."""
    by_key: dict[str, list[int]] = {}
    for i, profile in enumerate(old):
        if not profile.title.stems:
            by_key.setdefault(profile.title.masked_key, []).append(i)
    for j, profile in enumerate(new):
        if not profile.title.stems:
            yield from ((i, j) for i in by_key.get(profile.title.masked_key, ()))


# ---- the titles: stems rarest first ----------------------------------------------------------

@dataclass(frozen=True)
class Side:
    """One plan's titles as stem ranks, rarest first: title t's are ``ranks[starts[t]:starts[t] +
    sizes[t]]``; ``ordered[k]`` is ranks[k]'s count plus its title's number × ``stride``, for finding
    every title's rare stems by one search. For comparing titles, the same ranks in ``lines`` of
    one width (padded with a number no rank has, other on each side): title t's are the
    ``line_counts[t]`` lines from ``first_line[t]``."""

    starts: np.ndarray
    sizes: np.ndarray
    ranks: np.ndarray
    ordered: np.ndarray
    stride: int
    lines: np.ndarray
    first_line: np.ndarray
    line_counts: np.ndarray


@dataclass(frozen=True)
class Titles:
    """Both plans' titles, each stem numbered by its rank: fewest events of both plans first, then
    by the stem, so that rank order is the join's order; ``counts[rank]``: its events."""

    old: Side
    new: Side
    counts: np.ndarray

    @staticmethod
    def of(old: Sequence[Profile], new: Sequence[Profile]) -> "Titles":
        events = Counter(stem for profile in itertools.chain(old, new) for stem in profile.title.stems)
        order = sorted(events, key=lambda stem: (events[stem], stem))
        rank = {stem: position for position, stem in enumerate(order)}
        counts = np.array([events[stem] for stem in order] or [0], dtype=np.int64)
        width = min(WIDE, max((len(p.title.stems) for p in itertools.chain(old, new)), default=1) or 1)
        return Titles(*(Titles._side([sorted(rank[stem] for stem in p.title.stems) for p in side], counts, width, pad)
                        for side, pad in ((old, -1), (new, -2))), counts)

    @staticmethod
    def _side(titles: list[list[int]], counts: np.ndarray, width: int, pad: int) -> Side:
        sizes = np.fromiter(map(len, titles), dtype=np.int64, count=len(titles))
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
        ranks = np.fromiter(itertools.chain.from_iterable(titles), dtype=np.int64, count=int(sizes.sum()))
        owner, offsets = _expand(sizes)
        stride = int(counts.max()) + 1
        line_counts = -(-sizes // width)
        first_line = np.cumsum(line_counts) - line_counts
        lines = np.full((int(line_counts.sum()), width), pad, dtype=np.int32)  # ranks number stems: far below 2³¹
        lines[first_line[owner] + offsets // width, offsets % width] = ranks
        return Side(starts, sizes, ranks, owner * stride + counts[ranks], stride, lines, first_line, line_counts)

    def similarity(self, old: np.ndarray, new: np.ndarray) -> np.ndarray:
        """titles.similarity of each pair (old[k], new[k]) of titles with stems, as floats."""
        shared = self._shared(old, new)
        first, second = self.old.sizes[old], self.new.sizes[new]
        # the same operations in the same order as titles.similarity, so the same floats
        return (2 * shared / (first + second) + shared / np.minimum(first, second)) / 2

    def _shared(self, old: np.ndarray, new: np.ndarray) -> np.ndarray:
        """How many stems each pair's titles share: each line of the old title compared with each
        of the new, every stem with every stem. (Looking each stem up in a sorted array of all the
        new titles' stems read memory further apart the larger the plan: 185 → 390 ns a pair from
        1,000 to 30,000 events, against 190 → 205.)"""
        across = self.new.line_counts[new]
        pairs, offsets = _expand(self.old.line_counts[old] * across)
        old_lines = self.old.first_line[old][pairs] + offsets // across[pairs]
        new_lines = self.new.first_line[new][pairs] + offsets % across[pairs]
        cells = self.old.lines.shape[1] ** 2
        equal = [np.count_nonzero((self.old.lines[old_lines[at:at + CHUNK], :, None] ==
                                   self.new.lines[new_lines[at:at + CHUNK], None, :]).reshape(-1, cells), axis=1)
                 for at in range(0, len(pairs), CHUNK)]
        return np.bincount(pairs, weights=np.concatenate(equal or [np.zeros(0)]), minlength=len(old))


# ---- the join ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Keys:
    """A side's keys: row ``rows[k]`` offers stem ``first[k]`` (rare: ``second[k]`` is −1) or the
    pair of frequent stems (first[k], second[k]), ending at position ``ends[k]`` of its title."""

    rows: np.ndarray
    first: np.ndarray
    second: np.ndarray
    ends: np.ndarray


def _join(titles: Titles, old_rows: Rows, new_rows: Rows, alike: float) -> tuple[np.ndarray, np.ndarray]:
    """(old events, new events) of the pairs of these blocks that may be ``alike`` alike, each once:
    those needing one shared stem that share one, and the others sharing a key their need allows
    in both prefixes. The smaller title's side is indexed by its shorter prefix."""
    sizes = (titles.old.sizes[old_rows.events], titles.new.sizes[new_rows.events])
    table = _Needs(alike, np.concatenate(sizes))
    found = [_one_stem_pairs(titles, old_rows, new_rows, sizes, table),
             _prefix_pairs(titles, old_rows, new_rows, sizes, table)]
    codes = _distinct(np.concatenate([old * len(titles.new.sizes) + new for old, new in found]))
    return codes // len(titles.new.sizes), codes % len(titles.new.sizes)


class _Needs:
    """least_shared for the title sizes of a join, as tables, and the prefix bounds they give."""

    def __init__(self, alike: float, sizes: np.ndarray):
        present = np.flatnonzero(np.bincount(sizes)).tolist()
        largest = max(present, default=0) + 1
        self.need = np.zeros((largest, largest), dtype=np.int64)  # [smaller, larger]
        for smaller, larger in itertools.combinations_with_replacement(present, 2):
            if smaller:
                self.need[smaller, larger] = least_shared(smaller, larger, alike)
        self.short = np.array([bool(size) and self.need[size, size] == 1 for size in range(largest)])
        # the last positions of rare and pair keys: of an indexed title for partners at least as
        # large (they need at least need[size, size]); of a probing one for partners no larger
        # present in the join, as far as the one needing the fewest allows
        self.index = np.full((largest, 2), -1, dtype=np.int64)
        self.probe = np.full((largest, 2), -1, dtype=np.int64)
        for size in present:
            fewest = max(2, self.need[size, size])
            if size and fewest <= size:
                self.index[size] = (size - fewest, size - fewest + 1)
            needs = [need for smaller in present if 2 <= smaller <= size
                     if 2 <= (need := self.need[smaller, size]) <= smaller]
            if needs:
                self.probe[size] = (size - min(needs), size - min(needs) + 1)
        self.bounds = np.maximum(self.index, self.probe)  # a title is either of the pair


def _prefix_pairs(titles: Titles, old_rows: Rows, new_rows: Rows, sizes,
                  table: _Needs) -> tuple[np.ndarray, np.ndarray]:
    """Pairs needing two shared stems or more that share a key within both prefixes, each prefix
    as long as the title needs with partners of any size present (the smaller one's bounds apply).
    The smaller title's key lies within its index bounds, so keys beyond them on both sides are
    never matched with each other (in a large block that would be most of the matches)."""
    old_keys = _keys(titles.old, old_rows, table.bounds[sizes[0]])
    new_keys = _keys(titles.new, new_rows, table.bounds[sizes[1]])
    old_indexed = _indexed(old_keys, table.index[sizes[0]])
    new_indexed = _indexed(new_keys, table.index[sizes[1]])
    old_probing = np.flatnonzero(~old_indexed)
    old_indexed, new_indexed = np.flatnonzero(old_indexed), np.flatnonzero(new_indexed)
    old_codes, new_codes = _key_codes(titles, old_keys, old_rows, new_keys, new_rows)
    indexed_old, any_new = _matches(old_codes[old_indexed], new_codes)
    probing_old, indexed_new = _matches(old_codes[old_probing], new_codes[new_indexed])
    at_old = np.concatenate((old_indexed[indexed_old], old_probing[probing_old]))
    at_new = np.concatenate((any_new, new_indexed[indexed_new]))
    old_row, new_row = old_keys.rows[at_old], new_keys.rows[at_new]
    old_size, new_size = sizes[0][old_row], sizes[1][new_row]
    old_end, new_end = old_keys.ends[at_old], new_keys.ends[at_new]
    old_smaller = old_size <= new_size
    smaller, larger = np.where(old_smaller, old_size, new_size), np.where(old_smaller, new_size, old_size)
    smaller_end = np.where(old_smaller, old_end, new_end)
    larger_end = np.where(old_smaller, new_end, old_end)
    ok = _allows(table, old_keys.second[at_old] < 0, smaller, larger, smaller_end, larger_end)
    return old_rows.events[old_row[ok]], new_rows.events[new_row[ok]]


def _indexed(keys: "Keys", bounds: np.ndarray) -> np.ndarray:
    """Which keys lie within their row's index bounds (rare stems, pairs)."""
    return keys.ends <= np.where(keys.second < 0, bounds[keys.rows, 0], bounds[keys.rows, 1])


def _one_stem_pairs(titles: Titles, old_rows: Rows, new_rows: Rows, sizes,
                    table: _Needs) -> tuple[np.ndarray, np.ndarray]:
    """Pairs that need one shared stem and share one: the smaller title is short (one to three
    stems at the default weights), and every stem of it and of the other title is a key."""
    old_short, new_short = table.short[sizes[0]], table.short[sizes[1]]
    found_old, found_new = [], []
    for short_is_old in (True, False):
        short_rows, other_rows = (old_rows, new_rows) if short_is_old else (new_rows, old_rows)
        short = old_short if short_is_old else new_short
        if not short.any():
            continue
        other = np.isin(other_rows.blocks, short_rows.blocks[short])  # only blocks with a short title
        short_side, other_side = (titles.old, titles.new) if short_is_old else (titles.new, titles.old)
        short_keys = _every_stem(short_side, short_rows, short)
        other_keys = _every_stem(other_side, other_rows, other)
        at_short, at_other = _key_matches(titles, short_keys, short_rows, other_keys, other_rows)
        short_row, other_row = short_keys.rows[at_short], other_keys.rows[at_other]
        short_size = short_side.sizes[short_rows.events[short_row]]
        other_size = other_side.sizes[other_rows.events[other_row]]
        fits = other_size >= short_size if short_is_old else other_size > short_size
        ok = fits & (table.need[short_size, other_size] == 1)
        short_events, other_events = short_rows.events[short_row[ok]], other_rows.events[other_row[ok]]
        found_old.append(short_events if short_is_old else other_events)
        found_new.append(other_events if short_is_old else short_events)
    empty = np.zeros(0, dtype=np.int64)
    return np.concatenate(found_old or [empty]), np.concatenate(found_new or [empty])


def _allows(table: _Needs, rare: np.ndarray, smaller: np.ndarray, larger: np.ndarray, smaller_end: np.ndarray,
            larger_end: np.ndarray) -> np.ndarray:
    """Whether pairs of titles of these sizes that need two shared stems or more can be found by
    a key (a rare stem, or two frequent ones) ending at these positions."""
    need = table.need[smaller, larger]
    last = np.where(rare, need, need - 1)
    return (2 <= need) & (need <= smaller) & (smaller_end <= smaller - last) & (larger_end <= larger - last)


def _keys(side: Side, rows: Rows, bounds: np.ndarray) -> Keys:
    """Each row's keys: its title's rare stems up to position ``bounds[:, 0]``, then the pairs of
    its frequent stems ending by position ``bounds[:, 1]``."""
    starts, sizes = side.starts[rows.events], side.sizes[rows.events]
    rare = np.searchsorted(side.ordered, rows.events * side.stride + np.minimum(rows.frequent, side.stride - 1),
                           side="right") - starts
    rare = np.minimum(rare, sizes)
    singles = np.clip(np.minimum(rare, bounds[:, 0] + 1), 0, None)
    single_rows, single_ends = _expand(singles)
    # frequent positions rare .. last: every pair of them, numbered so that any prefix of the
    # numbering holds the pairs of a shorter run (pair k = (FIRST[k], SECOND[k]) from the run's start)
    run = np.clip(np.minimum(bounds[:, 1], sizes - 1) - rare + 1, 0, None)
    pair_rows, pair_numbers = _expand(run * (run - 1) // 2)
    first_of, second_of = _pair_table(int(run.max(initial=0)))
    pair_firsts = rare[pair_rows] + first_of[pair_numbers]
    pair_ends = rare[pair_rows] + second_of[pair_numbers]
    ranks = side.ranks
    return Keys(np.concatenate((single_rows, pair_rows)),
                np.concatenate((ranks[starts[single_rows] + single_ends], ranks[starts[pair_rows] + pair_firsts])),
                np.concatenate((np.full(len(single_rows), -1), ranks[starts[pair_rows] + pair_ends])),
                np.concatenate((single_ends, pair_ends)))


def _every_stem(side: Side, rows: Rows, keep: np.ndarray) -> Keys:
    """Every stem of the kept rows' titles, as rare keys."""
    chosen = np.flatnonzero(keep)
    key_rows, positions = _expand(side.sizes[rows.events[chosen]])
    key_rows = chosen[key_rows]
    stems = side.ranks[side.starts[rows.events[key_rows]] + positions]
    return Keys(key_rows, stems, np.full(len(key_rows), -1), positions)


def _key_matches(titles: Titles, left: Keys, left_rows: Rows, right: Keys,
                 right_rows: Rows) -> tuple[np.ndarray, np.ndarray]:
    """(positions in left, positions in right) of the keys of both sides that are the same key of
    the same block."""
    return _matches(*_key_codes(titles, left, left_rows, right, right_rows))


def _key_codes(titles: Titles, left: Keys, left_rows: Rows, right: Keys,
               right_rows: Rows) -> tuple[np.ndarray, np.ndarray]:
    """Each key of both sides as one number, from its block, first stem and second stem (or none):
    equal numbers, the same key of the same block (on both sides, or within one)."""
    vocabulary = len(titles.counts) + 1
    firsts = [left_rows.blocks[left.rows] * vocabulary + left.first,
              right_rows.blocks[right.rows] * vocabulary + right.first]
    largest = max((int(first.max()) for first in firsts if len(first)), default=0)
    if (largest + 1) * vocabulary >= 1 << 62:  # too many blocks and stems for one number: renumber
        _, numbered = np.unique(np.concatenate(firsts), return_inverse=True)
        firsts = [numbered[:len(firsts[0])], numbered[len(firsts[0]):]]
    return firsts[0] * vocabulary + left.second + 1, firsts[1] * vocabulary + right.second + 1


def _matches(left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(positions in left, positions in right) of every two equal numbers.

    Most keys of a block meet no key of the other side, so both sides are first cut to the
    numbers whose hash the other side has (one pass over a table of bits each), and only what is
    left is sorted: the sorts, which grow faster than the keys, see a fraction of them."""
    if len(left) > HASHED and len(right) > HASHED:
        left_kept, right_kept = _maybe_shared(left, right)
        at_left, at_right = _sorted_matches(left[left_kept], right[right_kept])
        return left_kept[at_left], right_kept[at_right]
    return _sorted_matches(left, right)


def _maybe_shared(left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of the numbers of each side whose hash the other side has (all that are shared)."""
    bits = min(26, max(len(left), len(right)).bit_length() + 2)  # a table 4 to 8 times the keys
    shift = np.uint64(64 - bits)
    left_hashes = (left.astype(np.uint64) * _GOLDEN) >> shift  # Fibonacci hashing: the top bits
    right_hashes = (right.astype(np.uint64) * _GOLDEN) >> shift
    seen = np.zeros(1 << bits, dtype=bool)
    seen[left_hashes] = True
    right_kept = np.flatnonzero(seen[right_hashes])
    seen[:] = False
    seen[right_hashes[right_kept]] = True
    return np.flatnonzero(seen[left_hashes]), right_kept


def _sorted_matches(left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """_matches by sorting both sides and searching one in the other in order.

    Each number is hashed (a product with an odd constant: one-to-one, so equal hashes are equal
    numbers) and its high bits packed with its position into one word, sorted directly: an argsort,
    which reads the numbers through the positions it moves, took twice as long and grew faster with
    the keys (80 → 153 ns a key from 2¹⁸ to 2²² keys, against 63 → 85). Numbers whose kept bits
    agree are then compared whole."""
    shift = np.uint64(max(len(left), len(right), 1).bit_length())
    positions = (np.uint64(1) << shift) - np.uint64(1)
    ordered, wanted = (np.sort((side.astype(np.uint64) * _GOLDEN) & ~positions | np.arange(len(side), dtype=np.uint64))
                       for side in (left, right))
    hashes = ordered >> shift  # searched in order: memory read in order
    low, high = np.searchsorted(hashes, wanted >> shift, side="left"), np.searchsorted(hashes, wanted >> shift, side="right")
    found = np.flatnonzero(high > low)
    at_right, offsets = _expand(high[found] - low[found])
    at_left = (ordered[low[found][at_right] + offsets] & positions).astype(np.int64)
    at_right = (wanted[found[at_right]] & positions).astype(np.int64)
    same = left[at_left] == right[at_right]
    return at_left[same], at_right[same]


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, in order, by a sort and a comparison of neighbours. (np.unique hashes
    them, and its table's reads grow slower with the plan: 80 → 860 ns a value from 2¹⁴ to 2²³
    values, against 33 → 70.)"""
    ordered = np.sort(values)
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))] if len(ordered) else ordered


def _expand(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(owner, offset) for each of ``counts[k]`` items owned by each k: the rows to repeat and
    each item's place among its owner's."""
    owners = np.repeat(np.arange(len(counts)), counts)
    firsts = np.cumsum(counts) - counts
    return owners, np.arange(len(owners)) - firsts[owners]


def _pair_table(run: int) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (first, second) of positions 0 ≤ first < second < run, ordered by second."""
    pairs = [(first, second) for second in range(run) for first in range(second)]
    return (np.array([p[0] for p in pairs], dtype=np.int64), np.array([p[1] for p in pairs], dtype=np.int64))
