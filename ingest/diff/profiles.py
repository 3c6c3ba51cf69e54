"""What the matcher compares of one event, worked out once per plan rather than once per pair."""

from __future__ import annotations

import itertools
import sys
from dataclasses import dataclass

from ingest.diff.compare import day_of_year, plain
from ingest.diff.titles import Title, read_title
from schemas.plan import Event

# A title with more edition numerals than this is blocked by their words, not every way they can grow.
MAX_EDITIONS_KEYED = 4


@dataclass(frozen=True, slots=True)
class Profile:
    """An event with what scoring compares worked out once (the title read, texts made plain),
    so that scoring many pairs repeats none of it. Each field is what compare.py would compute."""

    event: Event
    title: Title
    title_plain: str
    masked_plain: str
    place: str | None
    section: str | None
    date_plain: str
    items: frozenset[str]
    organizers: frozenset[str]
    items_folded: frozenset[str]
    organizers_folded: frozenset[str]

    @property
    def date_keys(self) -> tuple[tuple, ...]:
        """Values two events share whenever compare.same_date says their dates are the same."""
        date = self.event.date
        keys: list[tuple] = [("text", self.date_plain)]
        if date.start is not None:
            keys.append(("days", date.kind, date.recurrence, day_of_year(date.start), day_of_year(date.end)))
        return tuple(keys)

    def edition_keys(self, grown_by: int = 0) -> tuple[tuple, ...]:
        """Values an old and a new title share whenever compare.editions_grow says the editions grew
        by ``years``: the new title's (word, edition) pairs, and each way the old one's can grow
        (every edition by 0 or ``years``, at least one by ``years``; ``grown_by=0`` for the new side)."""
        editions = self.title.editions
        if not editions:
            return ()
        if len(editions) > MAX_EDITIONS_KEYED:  # too many ways to grow: block by the words alone
            return (tuple(numeral.next_word for numeral in editions),)
        if not grown_by:
            return (tuple((numeral.next_word, numeral.value) for numeral in editions),)
        return tuple(tuple((numeral.next_word, numeral.value + step) for numeral, step in zip(editions, steps))
                     for steps in itertools.product((0, grown_by), repeat=len(editions)) if any(steps))

    @classmethod
    def of(cls, event: Event) -> "Profile":
        title = read_title(event.title)
        title_plain = plain(event.title)
        items, items_folded = _members(event.items)
        organizers, organizers_folded = _members(event.organizers)
        return cls(event, title, title_plain,
                   plain(title.masked) if title.editions else title_plain,  # masked only collapses spaces then
                   sys.intern(plain(event.place)) if event.place else None,
                   sys.intern(plain(event.section)) if event.section else None, sys.intern(plain(event.date.text)),
                   items, organizers, items_folded, organizers_folded)


# A plan repeats its places, sections, dates and organizers: each profile shares one copy of each
# text (interned), every empty set is this one, and a list's folded set is its plain set when they
# are equal. A large plan's profiles are memory touched for the first time, which the kernel hands
# over page by page (on a virtual machine, ~16 µs a 4 KB page): the smaller, the faster.
_EMPTY: frozenset[str] = frozenset()


def _members(values: list[str]) -> tuple[frozenset[str], frozenset[str]]:
    """A list's members made plain, and case-folded only (the same set when they are equal)."""
    if not values:
        return _EMPTY, _EMPTY
    made = frozenset([sys.intern(plain(value)) for value in values])
    folded = frozenset([sys.intern(value.casefold()) for value in values])
    return made, made if folded == made else folded
