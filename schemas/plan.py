"""The output contract: pydantic models for a plan and its records.

These models are the only definition of what mag-plan writes. JSON, CSV
columns and the JSON Schema (``schemas/plan.schema.json``) all come from them.
Field names are fixed: downstream systems depend on them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.2"
# 1.1 added the optional DateSpan.spans; 1.2 the source formats odt, fodt, rtf, doc, markdown and
# image, the optional Source.ocr, the optional DateSpan start_time, end_time, interval and times,
# and the kind "period". Older documents still validate.
KNOWN_SCHEMA_VERSIONS = ("1.0", "1.1", "1.2")

DateKind = Literal[
    "day",
    "day_range",
    "month",
    "month_range",
    "quarter",
    "half_year",
    "decade",
    "season",
    "year",
    "period",
    "recurring",
    "deadline",
    "unscheduled",
    "unknown",
]
Recurrence = Literal["continuous", "daily", "weekly", "monthly", "quarterly", "yearly", "as_needed"]
SourceFormat = Literal["docx", "odt", "fodt", "rtf", "doc", "pdf", "html", "markdown", "text", "image"]
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class Model(BaseModel):
    """Base for every record: unknown fields are an error, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class DatePiece(Model):
    """One contiguous piece of a date phrase that names several ("12, 19 и 26 марта")."""

    start: dt.date = Field(description="First day of the piece (ISO), inclusive.")
    end: dt.date = Field(description="Last day of the piece (ISO), inclusive.")

    @model_validator(mode="after")
    def _start_not_after_end(self) -> "DatePiece":
        if self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        return self


class DateSpan(Model):
    """A date phrase as written and what it means: a kind and an inclusive span."""

    text: str = Field(description="The phrase as written in the document.")
    kind: DateKind
    start: dt.date | None = Field(None, description="First day of the span (ISO), inclusive.")
    end: dt.date | None = Field(None, description="Last day of the span (ISO), inclusive.")
    recurrence: Recurrence | None = None
    approximate: bool = False
    spans: tuple[DatePiece, ...] | None = Field(
        None, description="The pieces, in order, when the phrase names several apart; start/end cover them all."
    )
    start_time: str | None = Field(
        None, pattern=TIME_PATTERN,
        description='Time of day it starts ("HH:MM"): on a day, or each occurrence of a recurrence.',
    )
    end_time: str | None = Field(
        None, pattern=TIME_PATTERN, description='Time of day it ends ("HH:MM"), when a time range is written.'
    )
    interval: int | None = Field(
        None, ge=2, description='A recurrence every this many periods ("1 раз в 3 года": yearly, 3).'
    )
    times: int | None = Field(
        None, ge=2, description='How many times in each period of the recurrence ("2 раза в год": yearly, 2).'
    )

    @model_validator(mode="after")
    def _start_not_after_end(self) -> "DateSpan":
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        return self


class Source(Model):
    """The document a plan was read from."""

    file: str
    format: SourceFormat
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    ocr: str | None = Field(None, description="The OCR engine that recognised the text, when the document is "
                                              "a scan or an image (\"tesseract 5.5.4 rus+eng\"); null otherwise.")


class EventSource(Model):
    """Where an event sits in the document."""

    page: int | None = Field(None, description="Page of the event's first row, when the format has pages.")
    row: int = Field(description="1-based row of the event's first row in its table, the header row counted.")


class Event(Model):
    """One numbered row of the event table, continuation rows merged in."""

    id: str = Field(description='"<year>-<number>", the number zero-padded to two digits: "2024-01".')
    number: int
    section: str | None = Field(None, description="The section heading above the event; null before any heading.")
    title: str = Field(description="The title cell's paragraphs joined by one space, list items excluded.")
    parts: list[str] = Field(default_factory=list, description="The title cell's paragraphs, when there are several.")
    items: list[str] = Field(default_factory=list, description="Bullet items of the title cell, in order.")
    participation: bool = Field(description='True when the title begins with "Участие в".')
    place: str | None = None
    date: DateSpan
    organizers: list[str] = Field(default_factory=list)
    note: str | None = Field(None, description="The note cell as written; null when empty.")
    source: EventSource


class Jubilee(Model):
    """A city's jubilee: the anniversary it reaches in the plan year."""

    city: str
    anniversary: int
    date: DateSpan
    founded: int = Field(description="Plan year minus anniversary; negative before the common era.")
    footnotes: list[str] = Field(default_factory=list, description="Footnote markers on the table heading.")


class CityDay(Model):
    """A capital's city day and the age the city reaches."""

    city: str
    age: int
    age_text: str = Field(description='The age as written: "146 лет", "1762 года".')
    date: DateSpan
    founded: int = Field(description="Plan year minus age; negative before the common era.")
    footnotes: list[str] = Field(default_factory=list, description="Footnote markers on the table heading.")


class Footnote(Model):
    """A footnote of the document."""

    marker: str
    text: str


class Signatory(Model):
    """Who signs the plan."""

    position: str = Field(description="The position lines joined by one space.")
    name: str


class PlanWarning(Model):
    """Something the pipeline was unsure of; the value concerned is kept raw."""

    code: str
    message: str
    where: str | None = None


class Plan(Model):
    """A whole plan: the document's records and the warnings raised reading it."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    title: str
    year: int | None
    events: list[Event] = Field(default_factory=list)
    jubilees: list[Jubilee] = Field(default_factory=list)
    city_days: list[CityDay] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    signatory: Signatory | None = None
    warnings: list[PlanWarning] = Field(default_factory=list)

    @model_validator(mode="after")
    def _known_version(self) -> "Plan":
        if self.schema_version not in KNOWN_SCHEMA_VERSIONS:
            raise ValueError(f"unknown schema_version {self.schema_version!r}")
        return self
