"""How much one input may hold: the settings that keep a hostile file from exhausting the machine.

Plans are a few pages; a file far beyond these defaults is a mistake or an attack,
and is refused with an error saying which limit it crossed and how to raise it.
One object holds every limit, in the manner of pdfplumber's table settings:

    from parsers.limits import Limits
    ingest_file("plan.docx", limits=Limits(max_input_bytes=200 * MB))

On the command line: ``--max-size 200M`` and ``--max-pages 1000``, or the
environment variables ``MAG_PLAN_MAX_SIZE``, ``MAG_PLAN_MAX_PAGES`` and
``MAG_PLAN_MAX_SECONDS`` (a flag wins over the environment).
"""

from __future__ import annotations

import re
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace
from typing import Mapping

from parsers.errors import IngestError

KB, MB, GB = 1024, 1024 ** 2, 1024 ** 3


@dataclass(frozen=True)
class Limits:
    """Every limit on one input, with its default. See the module docstring for how to set them."""

    max_input_bytes: int = 50 * MB
    """The file as given (DOCX, PDF, HTML or text)."""
    max_markup_bytes: int = 16 * MB
    """Markup read whole into a tree or lines: an HTML, text, Markdown or flat ODT file, the XML
    parts of a DOCX or ODT (as unpacked; pictures are not counted). Memory grows with the events
    it holds, up to MEMORY_PER_MARKUP_MB per MB, so 16 MB keeps a document inside
    MEMORY_CEILING_MB and still holds 12,800 events as LibreOffice writes them (a real plan holds
    tens). Set together with ``max_input_bytes`` by --max-size and MAG_PLAN_MAX_SIZE."""
    max_unpacked_bytes: int = 100 * MB
    """A DOCX's or ODT's zip members together, as their headers say they inflate; checked before inflating."""
    max_compression_ratio: float = 200.0
    """One zip member's inflated size over its packed size (XML packs 5-30x; a bomb over 1000x)."""
    ratio_floor_bytes: int = 1 * MB
    """Members that inflate to less than this are not held to the ratio (tiny files pack oddly)."""
    max_zip_members: int = 10_000
    """Members in one DOCX or ODT package."""
    max_pages: int = 2_000
    """Pages of a PDF, counted from its page tree before any page is built."""
    max_stream_bytes: int = 32 * MB
    """One PDF stream (page contents, a font, a CMap) decoded through all its filters; a real
    page's contents are under 1 MB, a large embedded font under 20 MB. Decoding stops here."""
    max_decoded_bytes: int = 256 * MB
    """All the PDF's decoded streams together."""
    max_page_rules: int = 5_000
    """Rule segments (table borders) drawn on one PDF page. Finding ruled tables is quadratic
    in them; the densest sample page draws 216, a 60-row table with every border its own
    segment about 1,000."""
    max_html_depth: int = 250
    """Elements nested inside one another in HTML. Real pages nest under 30; a page nested
    deeper is damaged or hostile, and is refused at the first element past the limit."""
    max_seconds: float = 300.0
    """Wall-clock seconds to read one document, reader and extractor together (the 2024 plan
    takes under a second; a 50 MB legal plan under a minute). Checked between stages and in
    the long loops (each PDF page and decoded MB, each table row), so a pathological file
    ends with an error instead of stalling an unattended job."""
    max_table_cells: int = 2_000_000
    """Table grid cells in one document, all tables together, a merged cell counted in every
    row and column it covers (a 10,000-event plan has about 40,000)."""
    soffice_timeout_s: float = 120.0
    """Seconds LibreOffice may take to convert one RTF or .doc (a few seconds for a plan,
    most of it starting up); past this it is stopped and the file refused."""
    max_image_pixels: int = 100_000_000
    """Pixels of one page image to read through OCR: an image file's frame, as its header
    declares it (checked before decoding), or a scanned PDF page at the resolution it is
    rendered at. An A3 page scanned at 600 dpi has 70 million; a decompression bomb billions."""

    def check_input_size(self, size: int) -> None:
        """Refuse an input larger than ``max_input_bytes``."""
        if size > self.max_input_bytes:
            raise IngestError(f"the file is {human_size(size)}, over the {human_size(self.max_input_bytes)} "
                              "limit (raise it with --max-size or MAG_PLAN_MAX_SIZE)")

    def check_markup_size(self, size: int, kind: str) -> None:
        """Refuse a page of markup (``kind``: "HTML page") larger than ``max_markup_bytes``."""
        if size > self.max_markup_bytes:
            raise IngestError(f"the {kind} is {human_size(size)}, over the {human_size(self.max_markup_bytes)} "
                              "limit for markup, which bounds the memory reading takes "
                              "(raise it with --max-size or MAG_PLAN_MAX_SIZE)")

    def check_pages(self, pages: int, counting: bool = False) -> None:
        """Refuse a PDF with more than ``max_pages`` pages (``counting``: the count so far)."""
        if pages > self.max_pages:
            many = f"over {self.max_pages} pages" if counting else f"{pages} pages"
            raise IngestError(f"the PDF has {many}, over the {self.max_pages} page limit "
                              "(raise it with --max-pages or MAG_PLAN_MAX_PAGES)")

    def check_image_pixels(self, pixels: int, where: str) -> None:
        """Refuse a page image larger than ``max_image_pixels``, before it is decoded or rendered."""
        if pixels > self.max_image_pixels:
            raise IngestError(f"refused: {where} would be an image of {pixels / 1e6:.0f} million pixels, "
                              f"over the {self.max_image_pixels / 1e6:.0f} million limit "
                              "(a decompression bomb?)")

    def check_page_rules(self, rules: int, page: int) -> None:
        """Refuse a PDF page that draws more than ``max_page_rules`` rule segments."""
        if rules > self.max_page_rules:
            raise IngestError(f"refused: page {page} of the PDF draws {rules} rule segments, over the "
                              f"{self.max_page_rules} limit (thousands of tiny tables?)")

    def check_table_cells(self, cells: int) -> None:
        """Refuse a document whose tables hold more than ``max_table_cells`` cells."""
        if cells > self.max_table_cells:
            raise IngestError(f"the document's tables span {cells} grid cells (merged cells counted in every "
                              f"row and column they cover), over the {self.max_table_cells} cell limit")


DEFAULT_LIMITS = Limits()

# The memory one document may take: the peak resident memory of the whole `mag-plan ingest`
# process (interpreter and imports included), which bench/memory.py measures per format and
# size: peak <= MEMORY_BASE_MB + MEMORY_PER_MARKUP_MB x MB of markup (``max_markup_bytes`` says
# what counts). Memory grows with the events a document holds, so the leanest markup, which
# packs the most events in a MB, costs the most per MB.
MEMORY_BASE_MB = 100
"""Interpreter, imports and a small plan (the 2024 samples peak at 47-49 MB)."""
MEMORY_PER_MARKUP_MB = 55
"""Each MB of markup: its tree or lines, the blocks, the records and the files written from
them. Measured: 52 MB for bare HTML, 50 for text (about 4,000 events a MB), 30 for LibreOffice's
HTML (800 events a MB), 23 for a DOCX's XML."""
MEMORY_CEILING_MB = 1024
"""One document at the default limits stays under this (a worker's share of a small machine)."""


def memory_budget_mb(markup_bytes: int) -> float:
    """The peak resident memory, in MB, that a document of ``markup_bytes`` of markup may take."""
    return MEMORY_BASE_MB + MEMORY_PER_MARKUP_MB * markup_bytes / MB

# (deadline, seconds allowed) of the document being read in this context, if any.
_deadline: ContextVar[tuple[float, float] | None] = ContextVar("mag_plan_deadline", default=None)


@contextmanager
def time_budget(limits: Limits = DEFAULT_LIMITS):
    """Within this block, ``check_time`` refuses to go on past ``limits.max_seconds``
    (a budget already running, from an outer block, is kept)."""
    if _deadline.get() is not None:
        yield
        return
    token = _deadline.set((time.monotonic() + limits.max_seconds, limits.max_seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def check_time(where: str) -> None:
    """Raise IngestError when the document's time budget is spent; ``where`` says what was
    being read ("page 12", "table row 40"). Costs a clock read: call it in long loops."""
    budget = _deadline.get()
    if budget is not None and time.monotonic() > budget[0]:
        raise IngestError(f"refused: still reading after {budget[1]:g} s, the time limit, at {where} "
                          "(a pathological file? raise it with MAG_PLAN_MAX_SECONDS)")

# Environment variable → the limit it sets.
ENVIRONMENT = {
    "MAG_PLAN_MAX_SIZE": "max_input_bytes",
    "MAG_PLAN_MAX_PAGES": "max_pages",
    "MAG_PLAN_MAX_SECONDS": "max_seconds",
}

_SIZE = re.compile(r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[kmg]?)i?b?", re.IGNORECASE)
_UNITS = {"": 1, "k": KB, "m": MB, "g": GB}


def parse_size(text: str) -> int:
    """A size as written on a command line: "5000000", "200k", "50M", "1.5G" (binary units)."""
    found = _SIZE.fullmatch(text.strip())
    if not found:
        raise ValueError(f"not a size: {text!r} (write e.g. 50M, 200k or a number of bytes)")
    return int(float(found.group("number")) * _UNITS[found.group("unit").lower()])


def parse_count(text: str) -> int:
    """A positive whole number, as a page limit is written."""
    if not text.strip().isdigit() or int(text) < 1:
        raise ValueError(f"not a positive whole number: {text!r}")
    return int(text)


def parse_seconds(text: str) -> float:
    """A positive number of seconds: "300", "2.5"."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise ValueError(f"not a positive number of seconds: {text!r}")
    return seconds


PARSERS = {"max_input_bytes": parse_size, "max_pages": parse_count, "max_seconds": parse_seconds}


def limits_from(environ: Mapping[str, str], base: Limits = DEFAULT_LIMITS, **overrides) -> Limits:
    """``base`` with the limits set in ``environ`` (MAG_PLAN_MAX_*) and then ``overrides`` applied.

    An override of None is ignored, so unset command-line flags can be passed straight in.
    A malformed environment value is a usage error (IngestError naming the variable).
    """
    changes: dict[str, object] = {}
    for variable, name in ENVIRONMENT.items():
        if environ.get(variable):
            try:
                changes[name] = PARSERS[name](environ[variable])
            except ValueError as error:
                raise IngestError(f"{variable}: {error}") from None
    known = {f.name for f in fields(Limits)}
    for name, value in overrides.items():
        if name not in known:
            raise TypeError(f"no limit named {name}")
        if value is not None:
            changes[name] = value
    if "max_input_bytes" in changes and "max_markup_bytes" not in changes:
        changes["max_markup_bytes"] = changes["max_input_bytes"]  # one size a person sets: every format's
    return replace(base, **changes)


def human_size(size: int) -> str:
    """Bytes as a person reads them: "512 bytes", "3.2 MB"."""
    for unit, factor in (("GB", GB), ("MB", MB), ("KB", KB)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} bytes"

