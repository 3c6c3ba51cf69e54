"""The pipeline pauses Python's cyclic collector while it reads, and always resumes it."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import ingest.pipeline as pipeline
from parsers.errors import IngestError
from ingest.pipeline import collector_paused, ingest_bytes

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "plan_2024.html"


@pytest.fixture(autouse=True)
def collector_running():
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_and_resumed_after():
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_pauses_resume_only_when_the_outer_one_ends():
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled():
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_resumed_after_an_error():
    with pytest.raises(IngestError), collector_paused():
        raise IngestError("bad input")
    assert gc.isenabled()


def test_reading_runs_paused_and_resumes(monkeypatch):
    seen = []
    plan_from_document = pipeline.plan_from_document

    def spy(document, source):
        seen.append(gc.isenabled())
        return plan_from_document(document, source)

    monkeypatch.setattr(pipeline, "plan_from_document", spy)
    plan = ingest_bytes(SAMPLE.read_bytes(), SAMPLE.name)
    assert plan.events and seen == [False]
    assert gc.isenabled()
