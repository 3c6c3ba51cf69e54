"""Many documents in one run: folders and patterns expanded, read in parallel, delivered in order.

Reading (the slow part) runs in worker processes, one per CPU core; writing files and storing
in SQLite run in this process, in input order, so the outputs are the same on every run. One
bad file never stops the rest: every input ends as a ``BatchResult`` with its status.
"""

from __future__ import annotations

import glob
import os
import sqlite3
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Literal, Sequence

from parsers.errors import IngestError, NotADocument
from parsers.limits import DEFAULT_LIMITS, Limits
from schemas.plan import Plan

Status = Literal["ok", "skipped", "failed", "error"]
GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True)
class Input:
    """One file to read; ``found`` when a folder or a pattern produced it rather than the user."""

    path: Path
    found: bool = False


@dataclass(frozen=True)
class BatchResult:
    """What became of one input."""

    input: Input
    status: Status
    plan: Plan | None = None
    message: str | None = None
    written: tuple[Path, ...] = ()
    stored: str | None = None          # the store's action: added, replaced, unchanged

    @property
    def format(self) -> str | None:
        return self.plan.source.format if self.plan else None


@dataclass
class Delivery:
    """Where the plans go: an output folder (None: nowhere, e.g. --stdout) and an SQLite store."""

    output: Path | None = None
    db: Path | None = None
    stems: dict[Path, str] = field(default_factory=dict)


def expand_inputs(arguments: Sequence[str | Path]) -> list[Input]:
    """Files named, the visible files of folders named, the files a quoted pattern matches; in order, once each."""
    inputs: list[Input] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = sorted(child for child in path.iterdir() if child.is_file() and not child.name.startswith("."))
            inputs += [Input(child, found=True) for child in found] or [Input(path)]  # empty: fails, named
        elif not path.exists() and GLOB_CHARACTERS & set(str(argument)):
            matches = sorted(Path(match) for match in glob.glob(str(argument)) if Path(match).is_file())
            inputs += [Input(match, found=True) for match in matches] or [Input(path)]
        else:
            inputs.append(Input(path))
    unique: dict[Path, Input] = {}
    for item in inputs:
        unique.setdefault(item.path.resolve(), item)
    return list(unique.values())


def read_one(item: Input, limits: Limits = DEFAULT_LIMITS) -> BatchResult:
    """Read one input into a plan within ``limits``; never raises (runs in a worker process)."""
    from ingest.pipeline import ingest_bytes, read_input
    from ingest.sources import is_plan_csv, is_plan_json

    if item.path.is_dir():
        return BatchResult(item, "failed", message="is a folder with no files in it")
    try:
        data = read_input(item.path, limits)
        if item.found and is_plan_json(data):
            return BatchResult(item, "skipped", message="a JSON file, not a document")
        if item.found and is_plan_csv(data):
            return BatchResult(item, "skipped", message="a CSV table mag-plan wrote, not a document")
        return BatchResult(item, "ok", plan=ingest_bytes(data, item.path.name, limits))
    except NotADocument as error:
        return BatchResult(item, "skipped" if item.found else "failed", message=error.message)
    except IngestError as error:
        return BatchResult(item, "failed", message=error.message)
    except Exception as error:  # a bug in a reader must not stop the other files
        if os.environ.get("MAG_PLAN_DEBUG"):
            raise
        return BatchResult(item, "error", message=f"unexpected error ({type(error).__name__}: {error})")


def read_paused(item: Input, limits: Limits = DEFAULT_LIMITS) -> BatchResult:
    """``read_one`` with Python's collector paused: for a process mag-plan owns (a worker, the CLI)."""
    from ingest.collector import collector_paused

    with collector_paused():
        return read_one(item, limits)


def read_many(items: Sequence[Input], jobs: int | None = None,
              progress: Callable[[int, int, Input], None] | None = None,
              limits: Limits = DEFAULT_LIMITS, pause_collector: bool = False) -> list[BatchResult]:
    """Every input read within ``limits``, in parallel when there are several; results in input order.

    The worker processes pause Python's collector per document (``read_paused``); in this
    process it is paused only with ``pause_collector`` (the CLI's own process)."""
    jobs = min(jobs or os.cpu_count() or 1, len(items))
    if jobs <= 1:
        read = read_paused if pause_collector else read_one
        results = []
        for done, item in enumerate(items, start=1):
            results.append(read(item, limits))
            if progress:
                progress(done, len(items), item)
        return results
    results: list[BatchResult | None] = [None] * len(items)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(read_paused, item, limits): index for index, item in enumerate(items)}
        for done, future in enumerate(as_completed(futures), start=1):
            index = futures[future]
            try:
                results[index] = future.result()
            except BrokenProcessPool as error:  # a worker died (out of memory, a crash in C code)
                results[index] = BatchResult(items[index], "error", message=f"worker process died: {error}")
            if progress:
                progress(done, len(items), items[index])
    return results


def deliver(results: Sequence[BatchResult], delivery: Delivery) -> list[BatchResult]:
    """Write and store each plan read, in input order; a failure to do so fails only that input."""
    from ingest.store import database as store
    from ingest.export.files import output_stems, plan_files, write_files

    stems = delivery.stems or output_stems([r.input.path for r in results if r.status == "ok"])
    connection = store.connect(delivery.db) if delivery.db else None
    delivered = []
    try:
        for result in results:
            if result.status != "ok":
                delivered.append(result)
                continue
            try:
                if delivery.output is not None:
                    written = write_files(delivery.output, plan_files(result.plan, stems[result.input.path]))
                    result = replace(result, written=tuple(written))
                if connection is not None:
                    result = replace(result, stored=store.store_plan_in(connection, result.plan).action)
            except (IngestError, OSError, sqlite3.Error) as error:
                message = error.message if isinstance(error, IngestError) else f"{type(error).__name__}: {error}"
                result = replace(result, status="failed", message=message)
            delivered.append(result)
    finally:
        if connection is not None:
            connection.close()
    return delivered


def run_batch(arguments: Sequence[str | Path], delivery: Delivery, jobs: int | None = None,
              progress: Callable[[int, int, Input], None] | None = None) -> list[BatchResult]:
    """`mag-plan ingest` as a library call: expand, read in parallel, write and store in order."""
    return deliver(read_many(expand_inputs(arguments), jobs, progress), delivery)


class Progress:
    """A one-line progress bar redrawn with "\\r" (only drawn on a terminal)."""

    WIDTH = 24

    def __init__(self, stream):
        self.stream = stream
        self.shown = False

    def __call__(self, done: int, total: int, item: Input) -> None:
        filled = self.WIDTH * done // total
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} {item.path.name[:40]:<40}")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Erase the bar, so what is printed next starts on a clean line."""
        if self.shown:
            self.stream.write("\r" + " " * (self.WIDTH + 60) + "\r")
            self.stream.flush()
