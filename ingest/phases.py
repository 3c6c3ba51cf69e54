"""How long each step of reading one document took, for `mag-plan ingest -v`."""

from __future__ import annotations

from contextlib import contextmanager
from time import perf_counter
from typing import Iterator


class Phases:
    """Named durations in seconds, in the order the steps ran, and notes (the format detected, the reader)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.notes: dict[str, str] = {}

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        """Time the block as the phase ``name`` (added to it when it runs again)."""
        start = perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + perf_counter() - start

    def summary(self) -> str:
        """"read 0.4 ms, detect 0.1 ms, ..."."""
        return ", ".join(f"{name} {seconds * 1000:.1f} ms" for name, seconds in self.seconds.items())
