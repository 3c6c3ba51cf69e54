"""Fuzz: damaged variants of the samples (tests/fuzz_corpus.py) give a plan or an IngestError.

Anything else (a KeyError from deep in a library, a RecursionError, a hang) is a bug
in the reader concerned. Besides byte and package damage, the corpus sets hostile
rowspan/colspan values (HTML), lying page counts and swapped stream filters (PDF); each
such value is also tried once below. Bounded for CI: 60 examples per format, a few seconds each
format; run more by hand with FUZZ_EXAMPLES=5000.
"""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, given, settings

from parsers.errors import IngestError
from ingest.pipeline import ingest_bytes
from schemas.plan import Plan
from tests.fuzz_corpus import (HOSTILE_COUNTS, HOSTILE_FILTERS, HOSTILE_SPANS, garble_spans, mutations,
                                sample_bytes, set_page_count, swap_filters)

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


@pytest.mark.parametrize("chain", HOSTILE_FILTERS, ids=lambda chain: chain.decode())
def test_every_stream_filter_chain_gives_a_plan_or_an_ingest_error(chain):
    assert swap_filters(sample_bytes("pdf"), seed=1, share=0.0) == sample_bytes("pdf")
    data = re.sub(rb"/Filter\S+", lambda _: b"/Filter" + chain, sample_bytes("pdf"))
    assert outcome(data, "filters.pdf") in ("plan", "error")


@pytest.mark.parametrize("count", HOSTILE_COUNTS)
def test_every_claimed_page_count_gives_a_plan_or_an_ingest_error(count):
    assert outcome(set_page_count(sample_bytes("pdf"), count), "count.pdf") in ("plan", "error")


@pytest.mark.parametrize("span", HOSTILE_SPANS)
def test_every_span_value_gives_a_plan_or_an_ingest_error(span):
    page = sample_bytes("html").replace(b"<td", f'<td rowspan="{span}" colspan="{span}"'.encode())
    assert outcome(page, "spans.html") in ("plan", "error")
    assert b"rowspan" in garble_spans(sample_bytes("html"), seed=3, share=1.0)
