"""Russian date phrases into typed date spans; the vocabulary is data in parsers/dates/vocab.py.

One module per step: ``fold`` (normalised text), ``tokens`` (canonical tokens), ``spans`` (what
one single names), ``lists`` (ranges and lists), ``recurrence`` (recurrences and what they run
over), ``clock`` (times of day), ``weekdays`` (weekdays beside a date), ``reader`` (the phrase
and the public entry points), ``place`` (place and date in one cell); ``unread`` is the one
exception the steps raise.
"""

from parsers.dates.place import split_place_date
from parsers.dates.reader import parse_date, parse_date_with_warnings

__all__ = ["parse_date", "parse_date_with_warnings", "split_place_date"]
