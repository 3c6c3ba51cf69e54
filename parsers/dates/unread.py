"""The one exception of the date reader: a phrase its rules cannot turn into a date."""

from __future__ import annotations


class Unread(Exception):
    """A phrase the rules cannot turn into a date; the message is the warning."""
