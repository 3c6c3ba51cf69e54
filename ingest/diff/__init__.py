"""The diff of two plans: pairing events, comparing fields, and rendering the result."""

from ingest.diff.plans import diff_plans

__all__ = ["diff_plans"]
