"""Shared fixtures: the samples and the hand-written expected records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = Path(__file__).resolve().parent / "expected"


@pytest.fixture(scope="session")
def expected_2024() -> dict:
    """tests/expected/plan_2024.json: the 2024 plan's records, written by hand from the seed."""
    return json.loads((EXPECTED / "plan_2024.json").read_text(encoding="utf-8"))
