"""The 2023 and 2025 sample sources are what the samples script writes from their plan data."""

from __future__ import annotations

import importlib
import sys

import pytest

from tests.conftest import SAMPLES

sys.path.insert(0, str(SAMPLES))

from samplekit.fodt import render  # noqa: E402
from samplekit.layout import plan_document  # noqa: E402


@pytest.mark.parametrize("name", ["plan_2023", "plan_2025"])
def test_committed_fodt_source_is_what_the_renderer_writes(name):
    plan = importlib.import_module(f"plans.{name}").PLAN
    committed = (SAMPLES / "src" / f"{name}.fodt").read_bytes()
    assert render(plan_document(plan)) == committed, f"run python samples/make_samples.py {name}"


@pytest.mark.parametrize("name", ["plan_2023", "plan_2025"])
@pytest.mark.parametrize("fmt", ["docx", "html", "pdf"])
def test_every_format_of_the_sample_is_committed(name, fmt):
    assert (SAMPLES / f"{name}.{fmt}").stat().st_size > 0
