"""The sample plans, read once per test session, for the diff tests."""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import pytest

from ingest.sources import load_plan_any as load_plan
from schemas.plan import Plan
from tests.conftest import SAMPLES

# The PDF reader comes in its own issue; until it is merged, PDF cases are skipped, not failed.
HAS_PDF_READER = importlib.util.find_spec("parsers.pdf") is not None
needs_pdf_reader = pytest.mark.skipif(not HAS_PDF_READER, reason="the PDF reader (parsers/pdf.py) is not merged yet")


@lru_cache(maxsize=None)
def sample_plan(stem: str, fmt: str) -> Plan:
    """samples/<stem>.<fmt> read by the pipeline."""
    return load_plan(SAMPLES / f"{stem}.{fmt}")


def format_pair(old: str, new: str):
    """A pytest parameter (old format, new format), skipped when a reader it needs is missing."""
    marks = needs_pdf_reader if "pdf" in (old, new) else ()
    return pytest.param((old, new), marks=marks, id=f"{old}-{new}")
