"""Russian date phrases into typed date spans; the vocabulary is data in parsers/dates/vocab.py."""

from parsers.dates.phrases import parse_date, parse_date_with_warnings, split_place_date

__all__ = ["parse_date", "parse_date_with_warnings", "split_place_date"]
