"""The sample plans, read once per test session, for the diff tests."""

from __future__ import annotations

from functools import lru_cache

import pytest

from ingest.sources import load_plan_any as load_plan
from schemas.plan import Plan
from tests.conftest import SAMPLES


@lru_cache(maxsize=None)
def sample_plan(stem: str, fmt: str) -> Plan:
    """samples/<stem>.<fmt> read by the pipeline."""
    return load_plan(SAMPLES / f"{stem}.{fmt}")


def format_pair(old: str, new: str):
    """A pytest parameter (old format, new format) named after the pair."""
    return pytest.param((old, new), id=f"{old}-{new}")
