"""Python's cyclic collector paused while a document is read, where mag-plan owns the process.

The CLI and the batch worker processes use it; the library call ``ingest_bytes`` does not, so a
program that embeds mag-plan (a server thread, a notebook) keeps its collector running. The CLI's
`ingest` command also pauses it through its start-up (``startup_paused``): importing pydantic, the
models and the reader makes about 45 collections that find nothing to free, 14 ms of a 0.3 s
start-up. One document is read inside that pause; before a batch of several the pause ends, what
start-up made is frozen, and each document then gets a pause of its own, so a long batch's
cyclic garbage (a reader's parse tree) is freed between documents.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

# collector_paused: how many reads are running, and whether the collector ran before the first.
_PAUSE_LOCK = threading.Lock()
_pauses = 0
_resume = False


@contextmanager
def collector_paused():
    """Pause Python's cyclic garbage collector while a document is read, then resume it.

    Only for code that owns its process (the CLI, the batch workers): the library's own
    calls (``ingest_bytes``) leave the collector alone, since it is the embedding program's.

    Reading builds hundreds of thousands of small objects (parse trees, blocks, records)
    that all live until the plan is made; the collector would walk them again and again
    and find nothing to free: they are acyclic, but for the HTML reader's BeautifulSoup
    tree, which is freed once the collector resumes. Measured with bench/formats.py: 5-10 % of the time, and
    the same peak memory (10,000 events, 50 PDF pages). Nested and concurrent calls (threads)
    share one pause; the collector resumes when the last one ends, if it was running before.
    """
    global _pauses, _resume
    with _PAUSE_LOCK:
        if not _pauses:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _pauses -= 1
            if not _pauses and _resume:
                gc.enable()


class StartUp:
    """The collector off from a command's start until ``end`` (or the end of ``startup_paused``).

    What start-up made is then frozen (``gc.freeze``): otherwise the first collection after the
    pause walks every object made during it, the modules imported included (16 ms at start-up),
    to free nothing."""

    def __init__(self) -> None:
        self.resume = gc.isenabled()
        self.ended = False
        gc.disable()

    def end(self) -> None:
        """Start-up is over: freeze what it made (it lives as long as the process) and resume."""
        if not self.ended:
            self.ended = True
            if self.resume:
                gc.freeze()
                gc.enable()


@contextmanager
def startup_paused():
    """The collector paused for a command that owns its process, until it calls ``end()`` on what
    this yields (before a batch of documents) or returns."""
    startup = StartUp()
    try:
        yield startup
    finally:
        startup.end()


def reset_in_worker() -> None:
    """A worker process starts with the collector running and no pause open, whatever the parent
    was doing when it forked it: each document's pause (``collector_paused``) is then its own."""
    global _pauses, _resume
    with _PAUSE_LOCK:
        _pauses, _resume = 0, False
    gc.enable()
