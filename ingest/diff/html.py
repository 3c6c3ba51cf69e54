"""A diff as one self-contained HTML page: the two plans side by side, changes highlighted.

Inline CSS, no script, no external resource: the page reads the same offline.
Rows follow the new plan; an event only in the old plan sits after the old
event it followed. Changed fields are marked on both sides, and the words of a
changed title are struck out (old) and underlined (new). The page speaks Russian,
as the plans do (ingest/diff/russian.py), and prints on A4: every change is marked
by a border style and a word as well as by a colour, so a greyscale print loses nothing.
"""

from __future__ import annotations

import difflib
from html import escape

from ingest.diff.compare import plain
from ingest.diff.cities import warning_where
from ingest.diff.titles import editions
from ingest.diff.russian import HEADINGS, KINDS, WORDS, label, reason
from ingest.diff.view import CITY_TABLES, LIST_FIELDS, MISSING, DiffView, side_label
from schemas.diff import CityDiff, EventPair, PlanRef
from schemas.plan import CityDay, Event, Jubilee, Plan

STYLE = """
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:1.5em;color:#1a1a1a}
h1{font-size:1.3em;margin:0 0 .3em} h2{font-size:1.1em;margin:1.6em 0 .4em}
.summary{margin:.2em 0;color:#444} .legend span{display:inline-block;padding:0 .5em;margin-right:.4em;border-radius:3px}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #ccc;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#f0f0f0} tr.section td{background:#f7f7f7;font-weight:600;text-align:center}
tr.added td.new,.legend .added{background:#e6ffec} tr.removed td.old,.legend .removed{background:#ffebe9}
tr.changed td,.legend .changed{background:#fffbe6} tr.unchanged td{color:#555}
td.empty{background:repeating-linear-gradient(45deg,#fafafa,#fafafa 6px,#f2f2f2 6px,#f2f2f2 12px)}
.id{font:12px ui-monospace,Menlo,Consolas,monospace;color:#666} .title{font-weight:600}
dl{margin:.3em 0 0;display:grid;grid-template-columns:var(--label) 1fr;gap:0 .6em}
dt{color:#777} dd{margin:0} .chg{background:#ffe58a;border-radius:2px;padding:0 .2em}
del{background:#ffc8c2;text-decoration:line-through} ins{background:#b8f0c4;text-decoration:none}
.why{margin-top:.3em;font-size:12px;color:#777} .warning{color:#8a3ab9}
:root{--label:8.5em}  /* one label column for every card: the longest label, "организаторы", fits */
.plans{display:grid;grid-template-columns:1fr 1fr;gap:1em;margin:.6em 0}
.plans section{border:1px solid #ccc;padding:.4em .6em} .plans h2{margin:0 0 .2em;font-size:1em;color:#555}
.plans .plan-title{font-weight:600} .kind{font-size:11px;letter-spacing:.03em;text-transform:uppercase;color:#555}
table.events td{border-left:4px solid #ccc}  /* one width for every row: the cards' columns line up */
tr.added td.new,tr.removed td.old{border-left:4px solid #333} tr.changed td{border-left:4px double #333}
tr.removed td.old{border-left-style:dashed}
@page{size:A4;margin:12mm}
@media print{
  body{font-size:9.5pt;margin:0;color:#000}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  tr,.plans section{break-inside:avoid} thead{display:table-header-group} h2{break-after:avoid}
  tr.unchanged td,.why,dt,.id,.kind,.summary{color:#333}
  ins{text-decoration:underline} .chg{outline:1px dashed #000}
}
"""


def render_html(view: DiffView) -> str:
    """The whole page."""
    diff = view.diff
    title = f"{WORDS['page']}: {side_label(diff.old)} → {side_label(diff.new)}"
    parts = [
        "<!DOCTYPE html>", '<html lang="ru">', "<head>", '<meta charset="utf-8">',
        f"<title>{escape(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
        f"<h1>{escape(title)}</h1>",
        '<div class="plans">', _plan_header(WORDS["old"], diff.old, view.old),
        _plan_header(WORDS["new"], diff.new, view.new), "</div>",
        f'<p class="summary">{HEADINGS["events"]}: {escape(events_summary(view))}</p>',
        *(f'<p class="summary">{HEADINGS[table]}: {escape(cities_summary(getattr(diff, table)))}</p>'
          for table, _ in CITY_TABLES),
        '<p class="legend">' + "".join(f'<span class="{kind}">{KINDS[kind]}</span>'
                                       for kind in ("changed", "added", "removed")) + "</p>",
        f"<h2>{HEADINGS['events']}</h2>", _events_table(view),
        *(_cities_section(view, table, HEADINGS[table]) for table, _ in CITY_TABLES),
        "</body>", "</html>",
    ]
    return "\n".join(parts) + "\n"


def _plan_header(heading: str, ref: PlanRef, plan: Plan) -> str:
    """One plan in the page's header: its file, title, year and how many events it holds."""
    year = WORDS["year"].format(year=plan.year) if plan.year is not None else WORDS["no_year"]
    return (f'<section><h2>{escape(heading)}: {escape(ref.file)}</h2>'
            f'<div class="plan-title">{escape(plan.title or WORDS["no_title"])}</div>'
            f"<div>{escape(year)} · {WORDS['events']}: {len(plan.events)}</div></section>")


def events_summary(view: DiffView) -> str:
    """"сопоставлено: 16 (без изменений: 1), добавлено: 2, удалено: 3"."""
    diff = view.diff
    return (f"{WORDS['paired']}: {len(diff.pairs)} ({KINDS['unchanged']}: {diff.unchanged}), "
            f"{KINDS['added']}: {len(diff.added)}, {KINDS['removed']}: {len(diff.removed)}")


def cities_summary(cities: CityDiff) -> str:
    """"добавлено: 1, изменено: 5, без изменений: 4" (zero counts left out, but never empty)."""
    counts = [(len(cities.added), KINDS["added"]), (len(cities.removed), KINDS["removed"]),
              (len(cities.changed), KINDS["changed"]), (cities.unchanged, KINDS["unchanged"]),
              (len(cities.warnings), WORDS["warnings"])]
    return ", ".join(f"{word}: {count}" for count, word in counts if count) or WORDS["none"]


# ---- events --------------------------------------------------------------------

def aligned_rows(view: DiffView) -> list[tuple[Event | None, Event | None, EventPair | None]]:
    """(old, new, pair) rows in the new plan's order, each removed event after its old predecessor."""
    pair_of = {pair.new: pair for pair in view.diff.pairs}
    rows = [(view.old_event(pair_of[e.id].old) if e.id in pair_of else None, e, pair_of.get(e.id))
            for e in view.new.events]
    old_position = {event.id: index for index, event in enumerate(view.old.events)}
    for event_id in view.diff.removed:
        after = [k + 1 for k, (old, _, _) in enumerate(rows)
                 if old is not None and old_position[old.id] < old_position[event_id]]
        rows.insert(max(after, default=0), (view.old_event(event_id), None, None))
    return rows


def _events_table(view: DiffView) -> str:
    out = ['<table class="events">',
           f"<thead><tr><th>{escape(side_label(view.diff.old))}</th>"
           f"<th>{escape(side_label(view.diff.new))}</th></tr></thead>", "<tbody>"]
    section = None
    for old, new, pair in aligned_rows(view):
        current = (new or old).section
        if current != section and current:
            out.append(f'<tr class="section"><td colspan="2">{escape(current)}</td></tr>')
        section = current
        kind = "removed" if new is None else "added" if old is None else "changed" if pair.changes else "unchanged"
        changed = set(pair.changes) if pair else set()
        out.append(f'<tr class="{kind}">'
                   f"{_event_cell(old, new, changed, 'old', kind=kind)}"
                   f"{_event_cell(new, old, changed, 'new', pair, kind)}</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def _event_cell(event: Event | None, other: Event | None, changed: set[str], side: str,
                pair: EventPair | None = None, kind: str = "unchanged") -> str:
    """One side of a row: id, title, and the fields, changed ones marked."""
    if event is None:
        return f'<td class="{side} empty"></td>'
    if other is not None and "title" in changed:
        title = _title_html(event.title, other.title, side)
    elif "edition" in changed:
        title = _editions_marked(event.title)
    else:
        title = escape(event.title)
    number_class = ' class="id chg"' if "number" in changed else ' class="id"'
    rows = [("place", escape(event.place or "")), ("date", escape(event.date.text)),
            ("organizers", _members_html(event.organizers, other.organizers if other else None, side)),
            ("items", _members_html(event.items, other.items if other else None, side)),
            ("section", escape(event.section or "") if "section" in changed else "")]
    fields = "".join(_field_html(name, value, name in changed) for name, value in rows if value)
    why = (f'<div class="why">{WORDS["because"].format(score=f"{pair.score:.2f}")}: '
           f'{escape("; ".join(map(reason, pair.reasons)))}</div>' if pair is not None else "")
    # the kind in words, once per row (on the side that has the event), for greyscale and screen readers
    shown_kind = kind != "unchanged" and (side == "new" or kind == "removed")
    badge = f'<span class="kind">{KINDS[kind]}</span> ' if shown_kind else ""
    return (f'<td class="{side}">{badge}<span{number_class}>{escape(event.id)} · №{event.number}</span>'
            f'<div class="title">{title}</div><dl>{fields}</dl>{why}</td>')


def _editions_marked(title: str) -> str:
    """The title with its edition numerals marked as changed."""
    out, last = [], 0
    for numeral in editions(title):
        out += [escape(title[last:numeral.start]), f'<span class="chg">{escape(numeral.text)}</span>']
        last = numeral.end
    return "".join(out) + escape(title[last:])


def _field_html(name: str, value_html: str, changed: bool) -> str:
    shown = f'<span class="chg">{value_html}</span>' if changed and name not in LIST_FIELDS else value_html
    return f"<dt>{label(name)}</dt><dd>{shown}</dd>"


def _members_html(members: list[str], others: list[str] | None, side: str) -> str:
    """A list joined by "; ", members the other side lacks struck out (old) or underlined (new)."""
    if others is None:  # an unpaired event: the whole row is marked already
        return escape("; ".join(members))
    tag = "del" if side == "old" else "ins"
    known = {plain(x) for x in others}
    return "; ".join(escape(x) if plain(x) in known else f"<{tag}>{escape(x)}</{tag}>" for x in members)


def _title_html(title: str, other: str, side: str) -> str:
    """The title with the words the other side lacks struck out (old) or underlined (new)."""
    words, other_words = title.split(), other.split()
    old, new = (words, other_words) if side == "old" else (other_words, words)
    tag = "del" if side == "old" else "ins"
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        mine = old[i1:i2] if side == "old" else new[j1:j2]
        if not mine:
            continue
        text = escape(" ".join(mine))
        out.append(text if op == "equal" else f"<{tag}>{text}</{tag}>")
    return " ".join(out)


# ---- cities --------------------------------------------------------------------

def _cities_section(view: DiffView, table: str, heading: str) -> str:
    cities = getattr(view.diff, table)
    old, new = view.city_records(table)
    changed = {change.city: change.changes for change in cities.changed}
    warned = {warning.where for warning in cities.warnings}
    order = [*new, *(city for city in old if city not in new)]
    out = [f"<h2>{heading}</h2>", f'<table class="{table}">',
           f"<thead><tr><th>{WORDS['city']}</th><th>{escape(side_label(view.diff.old))}</th>"
           f"<th>{escape(side_label(view.diff.new))}</th></tr></thead>", "<tbody>"]
    for city in order:
        kind = ("added" if city not in old else "removed" if city not in new
                else "changed" if city in changed else "unchanged")
        fields = set(changed.get(city, {}))
        mark = ' <span class="warning">⚠</span>' if warning_where(table, city) in warned else ""
        out.append(f'<tr class="{kind}"><td>{escape(city)}{mark}</td>'
                   f"{_city_cell(old.get(city), fields, 'old')}{_city_cell(new.get(city), fields, 'new')}</tr>")
    out += ["</tbody>", "</table>"]
    out += [f'<p class="warning">⚠ {escape(reason(warning.message))}</p>' for warning in cities.warnings]
    return "\n".join(out)


def _city_cell(record: Jubilee | CityDay | None, changed: set[str], side: str) -> str:
    if record is None:
        return f'<td class="{side} empty">{MISSING}</td>'
    age_field = "age" if isinstance(record, CityDay) else "anniversary"
    age = record.age_text if isinstance(record, CityDay) else str(record.anniversary)
    age_html = f'<span class="chg">{escape(age)}</span>' if age_field in changed else escape(age)
    date_html = (f'<span class="chg">{escape(record.date.text)}</span>' if "date" in changed
                 else escape(record.date.text))
    return f'<td class="{side}">{age_html} · {date_html}</td>'
