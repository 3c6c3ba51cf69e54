"""Benchmark the PDF pipeline against pdfplumber's own table extraction, per page.

    python bench/pdf.py                  # makes the long plans with LibreOffice (about a minute)
    python bench/pdf.py --keep DIR       # keep (and next time reuse) the generated PDFs in DIR

For plans of about 1, 10 and 50 pages (the 2024 plan's events repeated, laid
out by the samples kit and printed by LibreOffice, ruled and without rules), it
times in one run, on the same bytes:

    pdfplumber   pdfplumber.open + page.extract_tables() on every page
    pipeline     ingest_bytes: format detection, read_pdf, the extractor, validation

and prints milliseconds per page of each and their ratio (target: at most 1.3),
best of a few repeats, each from a freshly opened document; and the pipeline's
time per 1000 characters, whose constancy across sizes shows it is linear (a
one-page plan fills less of its page than a long one). No network.
"""

from __future__ import annotations

import argparse
import gc
import io
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # measure this checkout, not an installed copy
sys.path.insert(0, str(ROOT / "samples"))

import pdfplumber  # noqa: E402

from ingest.collector import collector_paused  # noqa: E402
from ingest.pipeline import ingest_bytes  # noqa: E402
from make_samples import NO_BORDERS, Sample, make_sample  # noqa: E402
from plans import plan_2024  # noqa: E402
from samplekit.layout import Layout  # noqa: E402
from samplekit.plan import Event, Plan, Section  # noqa: E402

# events in each long plan: about 1, 10 and 50 pages of the 2024 layout
SIZES = {"1": 8, "10": 125, "50": 640}
LAYOUTS = {"ruled": Layout(), "noborders": NO_BORDERS}
SECTION_EVERY = 25
TARGET = 1.3


def long_plan(events: int) -> Plan:
    """The 2024 plan with its numbered events repeated to ``events`` rows, a section every 25."""
    base = [row for row in plan_2024.PLAN.rows if isinstance(row, Event) and row.number]
    rows: list = []
    for index in range(events):
        if index and index % SECTION_EVERY == 0:
            rows.append(Section(f"Раздел {index // SECTION_EVERY + 1}"))
        rows.append(replace(base[index % len(base)], number=f"{index + 1}."))
    annex = plan_2024.PLAN.annex if events > len(base) else ()
    return replace(plan_2024.PLAN, rows=tuple(rows), annex=annex)


def make_pdfs(folder: Path) -> dict[tuple[str, str], Path]:
    """The benchmark PDFs in ``folder``, made with LibreOffice unless already there."""
    made = {}
    for size, events in SIZES.items():
        for layout_name, layout in LAYOUTS.items():
            name = f"bench_{layout_name}_{size}"
            path = folder / f"{name}.pdf"
            if not path.exists():
                make_sample(Sample(name, long_plan(events), layout, formats=("pdf",)), folder)
            made[(layout_name, size)] = path
    return made


def best_times(actions, data: bytes, repeats: int) -> list[float]:
    """Fastest of ``repeats`` runs of each action on ``data``, in seconds.

    The actions take turns within each repeat, so a busy moment of the
    machine slows both rather than one.
    """
    best = [float("inf")] * len(actions)
    for _ in range(repeats):
        for index, action in enumerate(actions):
            gc.collect()
            t0 = time.perf_counter()
            action(data)
            best[index] = min(best[index], time.perf_counter() - t0)
    return best


def plumber_tables(data: bytes) -> None:
    """pdfplumber's own table extraction on every page."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def pipeline(data: bytes) -> None:
    """The whole mag-plan pipeline on the PDF's bytes, the collector paused as the CLI runs it."""
    with collector_paused():
        ingest_bytes(data, "bench.pdf")


def size_of(data: bytes) -> tuple[int, int]:
    """Pages and characters in the PDF (a short last page holds fewer characters)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages), sum(len(page.chars) for page in pdf.pages)


def main(argv: list[str] | None = None) -> int:
    """Make or reuse the PDFs, time both, print a table of ms/page and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="folder to keep and reuse the generated PDFs")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mag-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        pdfs = make_pdfs(folder)
        print(f"{'layout':<10} {'pages':>5} {'chars':>6} {'pdfplumber ms/page':>19} "
              f"{'pipeline ms/page':>17} {'pipeline ms/1000 chars':>23} {'ratio':>6}")
        worst = 0.0
        per_char: dict[str, list[float]] = {}
        for (layout_name, _), path in pdfs.items():
            data = path.read_bytes()
            pages, chars = size_of(data)
            pipeline(data)  # warm imports and caches for both
            plumber, ours = best_times((plumber_tables, pipeline), data, args.repeats)
            worst = max(worst, ours / plumber)
            per_char.setdefault(layout_name, []).append(ours / chars * 1e6)
            print(f"{layout_name:<10} {pages:>5} {chars:>6} {plumber / pages * 1000:>19.1f} "
                  f"{ours / pages * 1000:>17.1f} {ours / chars * 1e6:>23.1f} {ours / plumber:>6.2f}")
    print(f"worst ratio {worst:.2f} (target {TARGET})")
    for layout_name, times in per_char.items():
        print(f"{layout_name}: pipeline time per character, most pages / one page = "
              f"{times[-1] / times[0]:.2f} (1.00 is linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
