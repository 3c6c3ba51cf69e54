"""The SQLite schema of the plan store, as numbered migrations.

Each migration is applied once, in order, in its own transaction; ``schema_version`` records
the ones applied. A migration is never edited after it ships: a change is a new migration.

Conventions (docs/feeds.md shows them in use):
- child tables point at ``plans.id`` through ``plan_id`` and keep document order in ``position``;
- column names are the CSV columns of the record (schemas/tables.py): ``date_start``,
  ``recurrence``, ``source_row``; a warning's ``where`` is ``location`` (WHERE is SQL);
- dates are ISO text (YYYY-MM-DD), booleans 0/1, list fields (organizers, items, parts,
  footnote markers) JSON arrays of text, read with ``json_each``; ``date_spans`` a JSON array
  of {"start", "end"} objects, or NULL when the date is one span.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "plans and their records", """
CREATE TABLE plans (
    id                 INTEGER PRIMARY KEY,
    year               INTEGER NOT NULL UNIQUE,
    title              TEXT NOT NULL,
    contract_version   TEXT NOT NULL,
    source_file        TEXT NOT NULL,
    source_format      TEXT NOT NULL,
    source_sha256      TEXT NOT NULL,
    content_sha256     TEXT NOT NULL,
    signatory_position TEXT,
    signatory_name     TEXT,
    loaded_at          TEXT NOT NULL
);

CREATE TABLE events (
    plan_id       INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    id            TEXT NOT NULL,
    number        INTEGER NOT NULL,
    section       TEXT,
    title         TEXT NOT NULL,
    parts         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(parts)),
    items         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(items)),
    participation INTEGER NOT NULL CHECK (participation IN (0, 1)),
    place         TEXT,
    date_text     TEXT NOT NULL,
    date_kind     TEXT NOT NULL,
    date_start    TEXT,
    date_end      TEXT,
    recurrence    TEXT,
    approximate   INTEGER NOT NULL CHECK (approximate IN (0, 1)),
    organizers    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(organizers)),
    note          TEXT,
    source_page   INTEGER,
    source_row    INTEGER NOT NULL,
    PRIMARY KEY (plan_id, position)
);

CREATE TABLE jubilees (
    plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    city        TEXT NOT NULL,
    anniversary INTEGER NOT NULL,
    date_text   TEXT NOT NULL,
    date_kind   TEXT NOT NULL,
    date_start  TEXT,
    date_end    TEXT,
    recurrence  TEXT,
    approximate INTEGER NOT NULL CHECK (approximate IN (0, 1)),
    founded     INTEGER NOT NULL,
    footnotes   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(footnotes)),
    PRIMARY KEY (plan_id, position)
);

CREATE TABLE city_days (
    plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    city        TEXT NOT NULL,
    age         INTEGER NOT NULL,
    age_text    TEXT NOT NULL,
    date_text   TEXT NOT NULL,
    date_kind   TEXT NOT NULL,
    date_start  TEXT,
    date_end    TEXT,
    recurrence  TEXT,
    approximate INTEGER NOT NULL CHECK (approximate IN (0, 1)),
    founded     INTEGER NOT NULL,
    footnotes   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(footnotes)),
    PRIMARY KEY (plan_id, position)
);

CREATE TABLE footnotes (
    plan_id  INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    marker   TEXT NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (plan_id, position)
);

CREATE TABLE warnings (
    plan_id  INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code     TEXT NOT NULL,
    message  TEXT NOT NULL,
    location TEXT,
    PRIMARY KEY (plan_id, position)
);

CREATE INDEX events_dates ON events (date_start, date_end);
CREATE INDEX jubilees_dates ON jubilees (date_start, date_end);
CREATE INDEX city_days_dates ON city_days (date_start, date_end);
CREATE INDEX plans_sha256 ON plans (source_sha256);
"""),
    (2, "contract 1.1: DateSpan.spans, the pieces of a date naming several days apart", """
ALTER TABLE events ADD COLUMN date_spans TEXT CHECK (date_spans IS NULL OR json_valid(date_spans));
ALTER TABLE jubilees ADD COLUMN date_spans TEXT CHECK (date_spans IS NULL OR json_valid(date_spans));
ALTER TABLE city_days ADD COLUMN date_spans TEXT CHECK (date_spans IS NULL OR json_valid(date_spans));
"""),
    (3, "contract 1.2: DateSpan.start_time, end_time, interval, times", """
ALTER TABLE events ADD COLUMN date_start_time TEXT;
ALTER TABLE events ADD COLUMN date_end_time TEXT;
ALTER TABLE events ADD COLUMN date_interval INTEGER;
ALTER TABLE events ADD COLUMN date_times INTEGER;
ALTER TABLE jubilees ADD COLUMN date_start_time TEXT;
ALTER TABLE jubilees ADD COLUMN date_end_time TEXT;
ALTER TABLE jubilees ADD COLUMN date_interval INTEGER;
ALTER TABLE jubilees ADD COLUMN date_times INTEGER;
ALTER TABLE city_days ADD COLUMN date_start_time TEXT;
ALTER TABLE city_days ADD COLUMN date_end_time TEXT;
ALTER TABLE city_days ADD COLUMN date_interval INTEGER;
ALTER TABLE city_days ADD COLUMN date_times INTEGER;
"""),
)

# plans.year needs no index of its own: UNIQUE makes one.
