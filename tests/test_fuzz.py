"""Fuzz: damaged variants of the samples (tests/fuzz_corpus.py) give a plan or an IngestError.

Anything else (a KeyError from deep in a library, a RecursionError, a hang) is a bug
in the reader concerned. Bounded for CI: 60 examples per format, a few seconds each
format; run more by hand with FUZZ_EXAMPLES=5000.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings

from parsers.errors import IngestError
from ingest.pipeline import ingest_bytes
from schemas.plan import Plan
from tests.fuzz_corpus import mutations

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
FORMATS = ["docx", "docx-word", "html", "txt", "md", "pdf"]
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(data: bytes, name: str) -> str:
    """"plan" or "error": the only two things ingesting any bytes may end in."""
    try:
        plan = ingest_bytes(data, name)
    except IngestError as error:
        assert error.message and "\n" not in error.message, error.message
        return "error"
    assert isinstance(plan, Plan)
    return "plan"


@pytest.mark.parametrize("fmt", FORMATS)
def test_damaged_samples_give_a_plan_or_an_ingest_error(fmt):
    @FUZZ
    @given(data=mutations(fmt))
    def check(data):
        assert outcome(data, f"fuzzed.{fmt}") in ("plan", "error")

    check()
