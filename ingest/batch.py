"""Many documents in one run: folders and patterns expanded, read in parallel, delivered in order.

Reading (the slow part) runs in worker processes, one per CPU core; writing files and storing
in SQLite run in this process, in input order, so the outputs are the same on every run. One
bad file never stops the rest: every input ends as a ``BatchResult`` with its status.
"""

from __future__ import annotations

import glob
import os
import signal
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Literal, Sequence

from ingest.destinations import OutputError
from ingest.phases import Phases
from parsers.errors import IngestError, NotADocument
from parsers.limits import DEFAULT_LIMITS, Limits
from schemas.plan import Plan

Status = Literal["ok", "skipped", "failed", "error"]
GLOB_CHARACTERS = frozenset("*?[")
STDIN = Path("-")  # as an input: the document on standard input
QUEUED_PER_WORKER = 2  # reads handed to the pool ahead of the workers


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
    phases: Phases | None = None       # how long each step took, for -v

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
            try:
                found = sorted(child for child in path.iterdir() if child.is_file() and not child.name.startswith("."))
            except OSError as error:  # an unreadable folder is bad input, not a bug
                raise IngestError(f"the folder cannot be read: {error.strerror or error}", str(path)) from None
            inputs += [Input(child, found=True) for child in found] or [Input(path)]  # empty: fails, named
        elif not path.exists() and GLOB_CHARACTERS & set(str(argument)):
            matches = sorted(Path(match) for match in glob.glob(str(argument)) if Path(match).is_file())
            inputs += [Input(match, found=True) for match in matches] or [Input(path)]
        else:
            inputs.append(Input(path))
    unique: dict[Path, Input] = {}
    for item in inputs:
        unique.setdefault(_identity(item.path), item)
    return list(unique.values())


def _identity(path: Path) -> Path:
    """The file a path names, for naming it once; a symbolic link loop names only itself."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python 3.11)
        return path.absolute()


def read_one(item: Input, limits: Limits = DEFAULT_LIMITS) -> BatchResult:
    """Read one input into a plan within ``limits``; never raises (runs in a worker process)."""
    from ingest.pipeline import ingest_bytes
    from ingest.sources import input_name, is_plan_csv, is_plan_json, read_source

    if item.path.is_dir():
        return BatchResult(item, "failed", message="is a folder with no files in it")
    phases = Phases()
    try:
        with phases("read file"):
            data = read_source(item.path, limits)
        if is_plan_json(data):  # named, it is a mistake; found in a folder, most likely ingest's own output
            return BatchResult(item, "skipped" if item.found else "failed",
                               message="a JSON file, not a plan document (`show`, `diff` and `export` "
                                       "read the JSON `ingest` writes)")
        if item.found and is_plan_csv(data):  # ingest DIR -o DIR: its own tables
            return BatchResult(item, "skipped", message="a CSV table mag-plan wrote, not a document")
        plan = ingest_bytes(data, input_name(item.path), limits, phases)
        return BatchResult(item, "ok", plan=plan, phases=phases)
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
class Interrupted(Exception):
    """Ctrl-C during a batch: the inputs read before it (in input order) and how many were not."""

    def __init__(self, done: list[BatchResult], not_done: int):
        super().__init__(f"{len(done)} read, {not_done} not")
        self.done = done
        self.not_done = not_done


def read_many(items: Sequence[Input], jobs: int | None = None,
              progress: Callable[[int, int, Input], None] | None = None,
              limits: Limits = DEFAULT_LIMITS, pause_collector: bool = False) -> list[BatchResult]:
    """Every input read within ``limits``, in parallel when there are several; results in input order.

    Ctrl-C stops at once (queued inputs cancelled, running workers ended) and raises Interrupted
    with the results already read, so the caller can still deliver them. The worker processes
    pause Python's collector per document (``read_paused``); in this process it is paused only
    with ``pause_collector`` (the CLI's own process).
    """
    read = read_paused if pause_collector else read_one
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    jobs = min(jobs or os.cpu_count() or 1, len(items))
    results: list[BatchResult | None] = [None] * len(items)
    try:
        for index, item in enumerate(items):  # stdin is this process's: workers cannot read it
            if jobs <= 1 or item.path == STDIN:
                results[index] = read(item, limits)
                if progress:
                    progress(sum(result is not None for result in results), len(items), item)
        if jobs > 1:
            _read_in_pool(items, jobs, progress, limits, results)
    except KeyboardInterrupt:
        done = [result for result in results if result is not None]
        raise Interrupted(done, len(items) - len(done)) from None
    return results


def _read_in_pool(items: Sequence[Input], jobs: int, progress, limits: Limits,
                  results: list[BatchResult | None]) -> None:
    """Fill ``results`` from worker processes as they finish; on Ctrl-C, end the pool without waiting.

    Only a few reads per worker are queued at a time, so an interrupted batch has little to cancel.
    """
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    waiting = iter([index for index, result in enumerate(results) if result is None])
    done = len(items) - sum(result is None for result in results)
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker)
    running: dict = {}
    try:
        while True:
            for index in waiting:
                try:
                    running[pool.submit(read_paused, items[index], limits)] = index
                except BrokenProcessPool as error:  # the pool broke: what is left cannot be read
                    results[index] = BatchResult(items[index], "error", message=f"worker process died: {error}")
                if len(running) >= QUEUED_PER_WORKER * jobs:
                    break
            if not running:
                break
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                index = running.pop(future)
                try:
                    results[index] = future.result()
                except BrokenProcessPool as error:  # a worker died (out of memory, a crash in C code)
                    results[index] = BatchResult(items[index], "error", message=f"worker process died: {error}")
                done += 1
                if progress:
                    progress(done, len(items), items[index])
    except BaseException:
        _abandon(pool)
        raise
    pool.shutdown()


def _start_worker() -> None:
    """A worker leaves Ctrl-C to the parent, which decides what to keep (the terminal signals them
    all), and starts with the collector running, each read pausing it (``read_paused``)."""
    from ingest.collector import reset_in_worker

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    reset_in_worker()


def _abandon(pool) -> None:
    """Cancel the queued reads and end the running ones now, instead of waiting for them."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())  # shutdown() forgets them
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()


def deliver(results: Sequence[BatchResult], delivery: Delivery) -> list[BatchResult]:
    """Write and store each plan read, in input order; a plan that cannot be stored fails only that input.

    An output that cannot be written (a read-only folder, a full disk, a locked database) stops the
    delivery with an OutputError naming it: every other input would fail the same way.
    """
    from ingest.export.files import check_output_folder, output_stems, plan_files, write_files

    stems = delivery.stems or output_stems([r.input.path for r in results if r.status == "ok"])
    if delivery.output is not None:
        check_output_folder(delivery.output)
    connection = None
    if delivery.db:  # without --db, ingest.store and sqlite3 are never imported
        from ingest.store import database as store

        connection = store.connect(delivery.db)
    delivered = []
    try:
        for result in results:
            if result.status != "ok":
                delivered.append(result)
                continue
            phases = result.phases or Phases()
            try:
                if delivery.output is not None:
                    with phases("write"):
                        written = write_files(delivery.output, plan_files(result.plan, stems[result.input.path]))
                    result = replace(result, written=tuple(written))
                if connection is not None:
                    with phases("store"):
                        result = replace(result, stored=store.store_plan_in(connection, result.plan).action)
            except OutputError:
                raise
            except IngestError as error:
                result = replace(result, status="failed", message=error.message)
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
