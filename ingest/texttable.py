"""A plain-text table for the terminal: columns padded to their widest cell."""

from __future__ import annotations

from typing import Sequence

GAP = "  "


def text_table(header: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[str] = ()) -> str:
    """``header`` over a rule over ``rows``; columns named in ``numeric`` are right-aligned."""
    cells = [[str(value) for value in row] for row in rows]
    widths = [max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(header)]

    def line(values: Sequence[str]) -> str:
        padded = [value.rjust(width) if name in numeric else value.ljust(width)
                  for name, value, width in zip(header, values, widths)]
        return GAP.join(padded).rstrip()

    return "\n".join([line(header), line(["-" * width for width in widths]), *map(line, cells)]) + "\n"


# `mag-plan show`: the columns of the events table, each with its share of the width left over
# once the number column is set (the title takes what the others leave).
SHOWN_COLUMNS = (("date", 0.18), ("place", 0.18), ("title", None), ("organizers", 0.18))
MIN_WIDTH = 8


def wrapped_table(header: Sequence[str], rows: Sequence[Sequence[str] | str], widths: Sequence[int]) -> str:
    """A table whose cells are wrapped to ``widths``; a row given as one string is a group row
    (a section heading) printed across the whole width."""
    import textwrap

    total = sum(widths) + len(GAP) * (len(widths) - 1)

    def lines(values: Sequence[str]) -> list[str]:
        wrapped = [textwrap.wrap(value, width, break_long_words=True) or [""] for value, width in zip(values, widths)]
        height = max(map(len, wrapped))
        return [GAP.join((cell[i] if i < len(cell) else "").ljust(width) for cell, width in zip(wrapped, widths))
                .rstrip() for i in range(height)]

    out = lines(header) + [GAP.join("-" * width for width in widths)]
    for row in rows:
        if isinstance(row, str):
            out += ["", *textwrap.wrap(row, total), "=" * min(total, len(row))]
        else:
            out += lines(row)
    return "\n".join(out) + "\n"


def column_widths(total: int, fixed: int) -> list[int]:
    """The widths of SHOWN_COLUMNS after a first column of ``fixed`` characters, filling ``total``."""
    free = max(total - fixed - len(GAP) * len(SHOWN_COLUMNS), MIN_WIDTH * len(SHOWN_COLUMNS))
    widths = [max(MIN_WIDTH, int(free * share)) if share else 0 for _, share in SHOWN_COLUMNS]
    title = SHOWN_COLUMNS.index(next(c for c in SHOWN_COLUMNS if c[1] is None))
    widths[title] = max(MIN_WIDTH, free - sum(widths))
    return widths


def plan_table(plan, width: int) -> str:
    """A plan as `mag-plan show` prints it: a heading line, the events under their sections, then the
    jubilees and city days, all wrapped to ``width`` characters."""
    number_width = max([1] + [len(str(event.number)) for event in plan.events])
    widths = [number_width, *column_widths(width, number_width)]
    rows: list[Sequence[str] | str] = []
    section = None
    for event in plan.events:
        if event.section != section and event.section:
            rows.append(event.section)
        section = event.section
        rows.append([str(event.number), event.date.text, event.place or "", event.title, ", ".join(event.organizers)])
    heading = (f"{plan.title or '(no title)'} ({plan.year or 'year unknown'}): {len(plan.events)} events, "
               f"{len(plan.jubilees)} jubilees, {len(plan.city_days)} city days")
    import textwrap

    parts = [*textwrap.wrap(heading, width), "", wrapped_table(["№", "date", "place", "title", "organizers"], rows, widths)]
    for name, records in (("jubilees", plan.jubilees), ("city days", plan.city_days)):
        if records:
            parts += ["", text_table(["city", name == "jubilees" and "anniversary" or "age", "date"],
                                     [[r.city, getattr(r, "anniversary", None) or getattr(r, "age", ""), r.date.text]
                                      for r in records])]
    return "\n".join(part.rstrip("\n") for part in parts) + "\n"
