"""A diff as text (the terminal), Markdown (a message or a wiki) or JSON.

The HTML page lives in ingest/diff/html.py. Every renderer takes a DiffView and
returns the whole output as one string.
"""

from __future__ import annotations

from collections.abc import Callable

from ingest.diff.view import CITY_TABLES, DiffView, FieldChange, cities_summary, city_record_text, \
    event_where, field_changes, side_label
from ingest.terminal import visible
from schemas.diff import EventPair

# ANSI colours of the text format, by what a line says.
COLOURS = {"header": "1", "changed": "33", "added": "32", "removed": "31", "warning": "35", "dim": "2",
           "unchanged": "2"}
MARKS = {"changed": "~", "added": "+", "removed": "-", "unchanged": "=", "warning": "!"}
LABEL_WIDTH = 11


def render(view: DiffView, fmt: str, colour: bool = False) -> str:
    """The diff in ``fmt`` ("text", "json", "markdown" or "html")."""
    if fmt == "html":
        from ingest.diff.html import render_html
        return render_html(view)
    renderers: dict[str, Callable[[DiffView], str]] = {
        "json": render_json, "markdown": render_markdown,
        "text": lambda v: render_text(v, colour),
    }
    return renderers[fmt](view)


def render_json(view: DiffView) -> str:
    """The diff model as JSON; unchanged pairs only with --all (they are always counted)."""
    diff = view.diff if view.show_all else view.diff.without_unchanged()
    return diff.model_dump_json(indent=2) + "\n"


# ---- text --------------------------------------------------------------------

def render_text(view: DiffView, colour: bool = False) -> str:
    """A terminal report: a summary, then changed, added, removed (and unchanged) events, then cities."""
    paint = _painter(colour)
    diff = view.diff
    lines = [paint("header", f"--- {side_label(diff.old)}  {len(view.old.events)} events"),
             paint("header", f"+++ {side_label(diff.new)}  {len(view.new.events)} events"),
             "", paint("header", f"Events: {view.events_summary()}")]
    for pair in view.changed_pairs:
        lines += _pair_lines(view, pair, "changed", paint)
    for event_id in diff.added:
        event = view.new_event(event_id)
        lines.append(paint("added", f"+ {event_id}  {event.title}") + paint("dim", f"  ({event_where(event)})"))
    for event_id in diff.removed:
        event = view.old_event(event_id)
        lines.append(paint("removed", f"- {event_id}  {event.title}") + paint("dim", f"  ({event_where(event)})"))
    for pair in view.unchanged_pairs:
        lines += _pair_lines(view, pair, "unchanged", paint)
    for table, heading in CITY_TABLES:
        lines += ["", paint("header", f"{heading}: {cities_summary(getattr(diff, table))}")]
        lines += _city_lines(view, table, paint)
    report = "\n".join(lines) + "\n"
    return report if colour else visible(report)  # coloured, every text went through paint


def _pair_lines(view: DiffView, pair: EventPair, kind: str, paint) -> list[str]:
    """A pair's head line, a line per change, and why it was paired."""
    title = view.new_event(pair.new).title
    lines = [paint(kind, f"{MARKS[kind]} {pair.old} → {pair.new}  {title}")]
    for change in field_changes(pair.changes):
        lines += [f"    {label:<{LABEL_WIDTH}} {text}" for label, text in _change_texts(change, paint)]
    lines.append(paint("dim", f"    {'why':<{LABEL_WIDTH}} {pair.score:.2f}: {'; '.join(pair.reasons)}"))
    return lines


def _change_texts(change: FieldChange, paint) -> list[tuple[str, str]]:
    """(label, text) lines of one change; a list gives a line per member removed or added."""
    if change.is_list:
        return ([(change.field, paint("removed", f"- {x}")) for x in change.removed]
                + [(change.field, paint("added", f"+ {x}")) for x in change.added])
    if change.field == "title":
        return [("title", paint("removed", f"- {change.old}")), ("", paint("added", f"+ {change.new}"))]
    return [(change.field, f"{paint('removed', change.old)} → {paint('added', change.new)}")]


def _city_lines(view: DiffView, table: str, paint) -> list[str]:
    """Added, removed and changed cities, then the warnings."""
    cities = getattr(view.diff, table)
    old, new = view.city_records(table)
    lines = [paint("added", f"+ {city}  {city_record_text(new[city])}") for city in cities.added]
    lines += [paint("removed", f"- {city}  {city_record_text(old[city])}") for city in cities.removed]
    for changed in cities.changed:
        described = "; ".join(f"{c.field} {c.old} → {c.new}" for c in field_changes(changed.changes))
        lines.append(paint("changed", f"~ {changed.city}  {described}"))
    lines += [paint("warning", f"! {warning.message}") for warning in cities.warnings]
    return lines


def _painter(colour: bool):
    """paint(kind, text): the text in the kind's ANSI colour, its own control characters made
    visible (a title cannot send the terminal an escape sequence); without colour, as is
    (render_text then makes the whole report visible)."""
    if not colour:
        return lambda kind, text: text
    return lambda kind, text: f"\x1b[{COLOURS[kind]}m{visible(text)}\x1b[0m"


# ---- markdown ----------------------------------------------------------------

MARKDOWN_SPECIALS = "\\`*_[]<>|#"


def md(text: str) -> str:
    """Text with Markdown's special characters escaped and its control characters made visible."""
    return "".join("\\" + char if char in MARKDOWN_SPECIALS else char for char in visible(text, newlines=False))


def render_markdown(view: DiffView) -> str:
    """A Markdown report: a summary, a table of changed pairs, lists of added and removed events, cities."""
    diff = view.diff
    lines = [f"## Plan diff: {md(side_label(diff.old))} → {md(side_label(diff.new))}", "",
             f"**Events:** {view.events_summary()}", ""]
    pairs = view.changed_pairs + view.unchanged_pairs
    if pairs:
        lines += ["### Paired events", "", "| Old → new | Event | Changes | Why |", "|---|---|---|---|"]
        lines += [_markdown_pair(view, pair) for pair in pairs]
        lines.append("")
    for heading, ids, event_of in (("Added events", diff.added, view.new_event),
                                   ("Removed events", diff.removed, view.old_event)):
        if ids:
            lines += [f"### {heading}", ""]
            lines += [f"- **{event_id}** {md(event_of(event_id).title)} ({md(event_where(event_of(event_id)))})"
                      for event_id in ids]
            lines.append("")
    for table, heading in CITY_TABLES:
        lines += [f"### {heading}", "", f"{cities_summary(getattr(diff, table))}", ""]
        lines += _markdown_cities(view, table)
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_pair(view: DiffView, pair: EventPair) -> str:
    """One table row: ids, title, changes (one per line), score and reasons."""
    changes = "<br>".join(_markdown_change(change) for change in field_changes(pair.changes)) or "unchanged"
    why = f"{pair.score:.2f}: " + "; ".join(md(reason) for reason in pair.reasons)
    return f"| {pair.old} → {pair.new} | {md(view.new_event(pair.new).title)} | {changes} | {why} |"


def _markdown_change(change: FieldChange) -> str:
    if change.is_list:
        members = [f"−{md(x)}" for x in change.removed] + [f"+{md(x)}" for x in change.added]
        return f"{change.field}: {', '.join(members)}"
    return f"{change.field}: ~~{md(change.old)}~~ → **{md(change.new)}**"


def _markdown_cities(view: DiffView, table: str) -> list[str]:
    cities = getattr(view.diff, table)
    old, new = view.city_records(table)
    lines = [f"- added: {md(city)} ({md(city_record_text(new[city]))})" for city in cities.added]
    lines += [f"- removed: {md(city)} ({md(city_record_text(old[city]))})" for city in cities.removed]
    for changed in cities.changed:
        described = "; ".join(_markdown_change(c) for c in field_changes(changed.changes))
        lines.append(f"- changed: {md(changed.city)}: {described}")
    lines += [f"- **warning:** {md(warning.message)}" for warning in cities.warnings]
    return lines + [""] if lines else []
