"""The semantic diff of two plans: which events continue, change, appear and disappear.

    diff_plans(old, new) -> PlanDiff      (both Plan objects)

Events are paired by content (ingest/diff/matching.py); jubilees and city days by
city (ingest/diff/cities.py).
"""

from __future__ import annotations

from ingest.diff.compare import editions_text, same_date, same_list, same_text
from ingest.diff.cities import diff_cities
from ingest.diff.matching import DEFAULT_SETTINGS, MatchSettings, match_events
from ingest.diff.titles import Title, read_title
from schemas.diff import Changes, EventPair, PlanDiff, PlanRef
from schemas.plan import Event, Plan


def diff_plans(old: Plan, new: Plan, settings: MatchSettings = DEFAULT_SETTINGS) -> PlanDiff:
    """Pair, compare and list the records of two plans; every pair is kept, unchanged ones too."""
    years = new.year - old.year if old.year is not None and new.year is not None else None
    matches = match_events(old.events, new.events, years, settings)
    pairs = [EventPair(old=m.old.id, new=m.new.id, score=round(m.score, 3), reasons=list(m.reasons),
                       changes=event_changes(m.old, m.new, m.titles)) for m in matches]
    paired_old = {pair.old for pair in pairs}
    paired_new = {pair.new for pair in pairs}
    return PlanDiff(
        old=plan_ref(old), new=plan_ref(new), year_difference=years, threshold=settings.threshold,
        pairs=pairs,
        added=[event.id for event in new.events if event.id not in paired_new],
        removed=[event.id for event in old.events if event.id not in paired_old],
        unchanged=sum(1 for pair in pairs if not pair.changes),
        jubilees=diff_cities(old.jubilees, new.jubilees, years, "jubilees"),
        city_days=diff_cities(old.city_days, new.city_days, years, "city_days"),
    )


def plan_ref(plan: Plan) -> PlanRef:
    """Which plan a side is: its file, format, checksum, year and title."""
    return PlanRef(file=plan.source.file, format=plan.source.format, sha256=plan.source.sha256,
                   year=plan.year, title=plan.title)


def event_changes(old: Event, new: Event, titles: tuple[Title, Title] | None = None) -> Changes:
    """The fields of a pair that changed, each (old, new), in a fixed order.

    The title counts as changed only beyond its edition numerals, which are
    reported as "edition"; a date only when it means other days of the year;
    organizers and items only when their members differ, not their order.
    ``titles``: the two titles as the matcher read them, so they are not read again.
    """
    old_title, new_title = titles or (read_title(old.title), read_title(new.title))
    checks = (
        ("number", old.number == new.number, old.number, new.number),
        ("section", same_text(old.section, new.section), old.section, new.section),
        ("title", same_text(old_title.masked, new_title.masked), old.title, new.title),
        ("edition", [n.value for n in old_title.editions] == [n.value for n in new_title.editions],
         editions_text(old_title.editions), editions_text(new_title.editions)),
        ("date", same_date(old.date, new.date), old.date.text, new.date.text),
        ("place", same_text(old.place, new.place), old.place, new.place),
        ("organizers", same_list(old.organizers, new.organizers), old.organizers, new.organizers),
        ("items", same_list(old.items, new.items), old.items, new.items),
    )
    return {field: (before, after) for field, same, before, after in checks if not same}
