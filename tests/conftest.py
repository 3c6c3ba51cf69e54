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


def _ocr_missing() -> str | None:
    from parsers.readers.scan.engine import missing_engine

    return missing_engine()


# What is missing for OCR (tesserocr, OpenCV, Tesseract's rus/eng data), or None: OCR tests
# skip with this reason; .ci/run installs all of it, so in CI they run.
OCR_MISSING = _ocr_missing()
OCR_READY = OCR_MISSING is None


def terminal_chunks(leader: int):
    """What a child writes to the terminal whose ``leader`` end is given, chunk by chunk, until it
    closes it (a test reads all along: a full terminal buffer would block the child)."""
    import os

    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            return
        if not chunk:
            return
        yield chunk
