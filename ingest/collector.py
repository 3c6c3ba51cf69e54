"""Python's cyclic collector paused while a document is read, where mag-plan owns the process.

The CLI and the batch worker processes use it; the library call ``ingest_bytes`` does not, so a
program that embeds mag-plan (a server thread, a notebook) keeps its collector running. The CLI's
`ingest` command pauses it for the whole command, its imports included: importing pydantic, the
models and the reader makes about 45 collections that find nothing to free, 14 ms of a 0.3 s
start-up; what the command made is then frozen (see ``collector_paused``).
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
def collector_paused(freeze: bool = False):
    """Pause Python's cyclic garbage collector while a document is read, then resume it.

    Only for code that owns its process (the CLI, the batch workers): the library's own
    calls (``ingest_bytes``) leave the collector alone, since it is the embedding program's.

    Reading builds hundreds of thousands of small objects (parse trees, blocks, records)
    that all live until the plan is made; the collector would walk them again and again
    and find nothing to free: they are acyclic, but for the HTML reader's BeautifulSoup
    tree, which is freed once the collector resumes. Measured with bench/formats.py: 5-10 % of the time, and
    the same peak memory (10,000 events, 50 PDF pages). Nested and concurrent calls (threads)
    share one pause; the collector resumes when the last one ends, if it was running before.

    With ``freeze`` (the CLI's `ingest`, which ends its process soon after), what the pause made
    is moved out of the collector's reach before it resumes (``gc.freeze``): otherwise the first
    collection after the pause walks every object made during it, the modules imported
    included (16 ms at start-up), to free nothing.
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
                if freeze:
                    gc.freeze()
                gc.enable()
