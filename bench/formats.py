"""Benchmark the pipeline against the reader libraries' own floor, per format and by size.

    python bench/formats.py                 # samples, scaling to 10,000 events
    python bench/formats.py --quick         # fewer rounds, scaling to 1,000 events
    python bench/formats.py --sizes 1000 100000 --formats docx   # the DOCX alone, up to 100,000 events

Run by hand, not in CI (a timed test fails on a busy machine). Every figure is the median of
alternating rounds (pipeline, floor, pipeline, floor, ...), shown with its lowest and highest;
ratios are the median of the rounds' own ratios. Prints two tables:

1. Samples: the pipeline (read, extract, validate, serialise to JSON and CSV) on each
   2024 sample against the floor on the same bytes, warm, in this process:
   DOCX: python-docx opening the file and walking every table cell;
   HTML: BeautifulSoup parsing it with lxml;
   text: the csv module splitting its tab-separated lines (for scale only).
2. Scaling: plans of 100, 1,000 and 10,000 events (bench/generate.py): a DOCX in python-docx's
   XML, that DOCX saved as HTML by LibreOffice (when installed; the first run at 10,000 events
   takes over a minute, then the file is kept; never above 10,000 events), and a lean
   hand-written HTML page. Each measurement is a fresh interpreter (warmed on the sample of
   its format, then timed on the plan) started through bench/peak.py, so its peak resident
   memory is its own: pipeline time, floor time, their ratio, time per event, and both peaks.

The whole `mag-plan ingest` process against the floor's process is bench/startup.py.
Targets (issues 7 and 13): DOCX within 2x the floor; HTML, read through BeautifulSoup,
within 2.5x BeautifulSoup's own parse of the same page; 10,000 events under 200 MB.
PDF is measured by bench/pdf.py.

    python bench/formats.py --generated DIR    # keep the generated plans in DIR
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # measure this checkout, not an installed copy

from bench.measure import Spread, alternate, alternate_children, machine, ratios, show  # noqa: E402

SAMPLES = {"docx": ROOT / "samples" / "plan_2024.docx", "html": ROOT / "samples" / "plan_2024.html",
           "text": ROOT / "samples" / "plan_2024.txt"}
SIZES = (100, 1_000, 10_000)
# The generated plans: (format, producer). The DOCX is python-docx's XML; LibreOffice saves
# that DOCX as HTML, as it wrote the HTML samples; "lean" is bench/generate.py's bare markup,
# the worst case for the ratio: its floor (parsing) is as cheap as a page gets.
SCALED = (("docx", "python-docx"), ("html", "LibreOffice"), ("html", "lean markup"))
SCALED_FILES = {"python-docx": "docx", "LibreOffice": "libreoffice.html", "lean markup": "lean.html"}
LIBREOFFICE_MAX_EVENTS = 10_000  # it took over a minute at 10,000 events; far longer above
GENERATED = Path(tempfile.gettempdir()) / "mag-plan-bench"
TARGET_RATIO = {"docx": 2.0, "html": 2.5}
TARGET_PEAK_MB = 200


# ------------------------------------------------------------ what is timed

def pipeline(data: bytes, name: str) -> None:
    """Read, extract, validate and serialise (JSON and the three CSV tables), writing nothing;
    the collector paused while reading, as the CLI and the batch workers run it."""
    from ingest.collector import collector_paused
    from ingest.export.files import plan_files
    from ingest.pipeline import ingest_bytes

    with collector_paused():
        plan = ingest_bytes(data, name)
    plan_files(plan, "bench")


def docx_floor(data: bytes) -> None:
    """python-docx: open the document and walk every table cell's text."""
    import docx

    for table in docx.Document(io.BytesIO(data)).tables:
        for row in table.rows:
            for cell in row.cells:
                cell.text  # noqa: B018 - the access is the work


def html_floor(data: bytes) -> None:
    """BeautifulSoup parsing the page with lxml."""
    from bs4 import BeautifulSoup

    BeautifulSoup(data, "lxml")


def text_floor(data: bytes) -> None:
    """The csv module splitting the export's tab-separated lines."""
    for _ in csv.reader(io.StringIO(data.decode("utf-8")), delimiter="\t"):
        pass


FLOORS = {"docx": docx_floor, "html": html_floor, "text": text_floor}


# ------------------------------------------------------------ the tables

def samples_table(rounds: int) -> list[dict]:
    """Pipeline and floor on each sample, in this process, warm, alternating."""
    rows = []
    for fmt, path in SAMPLES.items():
        data = path.read_bytes()
        pipeline(data, path.name)  # warm: imports and caches are not what is measured
        FLOORS[fmt](data)
        ours, floor = alternate(rounds, lambda: pipeline(data, path.name), lambda: FLOORS[fmt](data))
        rows.append({"format": fmt, "pipeline_ms": ours.text(".1f", 1000), "floor_ms": floor.text(".1f", 1000),
                     "ratio": ratios(ours, floor).text(".2f")})
    return rows


def scaling_table(sizes, rounds: int, formats: set[str]) -> list[dict]:
    """Each generated plan: pipeline and floor, each in a fresh process, alternating."""
    from bench.generate import libreoffice_available

    rows = []
    for fmt, producer in SCALED:
        if fmt not in formats:
            continue
        if producer == "LibreOffice" and not libreoffice_available():
            print(f"(LibreOffice is not installed: no {fmt.upper()} rows written by it)", file=sys.stderr)
            continue
        for size in sizes:
            if producer == "LibreOffice" and size > LIBREOFFICE_MAX_EVENTS:
                continue
            rows.append(scaled_row(fmt, producer, size, rounds))
    return rows


def scaled_row(fmt: str, producer: str, size: int, rounds: int) -> dict:
    """One row of the scaling table: ``rounds`` alternating pairs of fresh processes."""
    path = generated(size, producer)
    runs = alternate_children(rounds, {side: ([sys.executable, __file__, "--child", side, fmt, str(path)], None, ROOT)
                                       for side in ("pipeline", "floor")})
    found = {side: [(json.loads(child.stdout)["seconds"], child.peak_mb) for child in children]
             for side, children in runs.items()}
    ours, floor = (Spread(tuple(seconds for seconds, _ in found[side])) for side in ("pipeline", "floor"))
    peak, floor_peak = (Spread(tuple(mb for _, mb in found[side])) for side in ("pipeline", "floor"))
    return {"format": fmt, "producer": producer, "events": size, "pipeline_s": ours.text(".3f"),
            "floor_s": floor.text(".3f"), "ratio": ratios(ours, floor).text(".2f"),
            "us_per_event": ours.median / size * 1e6, "peak_mb": peak.median, "floor_peak_mb": floor_peak.median}


def generated(size: int, producer: str) -> Path:
    """The generated plan of ``size`` events written by ``producer``, made once and kept in
    the temp folder (LibreOffice takes over a minute for 10,000 events)."""
    from bench.generate import libreoffice_html, plan_html, write_docx

    GENERATED.mkdir(exist_ok=True)
    path = GENERATED / f"plan_{size}.{SCALED_FILES[producer]}"
    if not path.exists():
        if producer == "python-docx":
            write_docx(size, path)
        elif producer == "LibreOffice":
            libreoffice_html(generated(size, "python-docx"), path)
        else:
            path.write_bytes(plan_html(size))
    return path


def child(side: str, fmt: str, path: str) -> None:
    """In a fresh process: warm on the sample of ``fmt`` (imports, compiled patterns), then time
    one run of ``side`` on ``path``; prints {"seconds": ...}. Its peak memory is read by the parent."""
    work = (lambda data, name: pipeline(data, name)) if side == "pipeline" else (lambda data, name: FLOORS[fmt](data))
    work(SAMPLES[fmt].read_bytes(), SAMPLES[fmt].name)
    data = Path(path).read_bytes()
    start = time.perf_counter()
    work(data, Path(path).name)
    print(json.dumps({"seconds": time.perf_counter() - start}))


# ------------------------------------------------------------ printing

def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its tables."""
    global GENERATED  # --generated: where the generated plans are kept
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="5 rounds (3 in the scaling), scaling to 1,000 events")
    parser.add_argument("--rounds", type=int, help="alternating rounds on the samples (default 21, quick 5); "
                                                   "the scaling rows take a third of them, at least 3")
    parser.add_argument("--sizes", type=int, nargs="+", help=f"events in the generated plans (default {SIZES})")
    parser.add_argument("--formats", nargs="+", choices=("docx", "html"), default=("docx", "html"),
                        help="which generated plans to scale (default both)")
    parser.add_argument("--no-samples", action="store_true", help="skip the samples table")
    parser.add_argument("--generated", type=Path, help=f"folder for the generated plans (default {GENERATED})")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.generated:
        GENERATED = args.generated
    if args.child:
        child(*args.child)
        return 0
    rounds = args.rounds or (5 if args.quick else 21)
    scaled_rounds = max(3, rounds // 3 if not args.quick else 3)
    sizes = args.sizes or (SIZES[:2] if args.quick else SIZES)
    print(machine())
    if not args.no_samples:
        show(f"Samples (warm, in process): pipeline vs the library floor, median (min-max) of {rounds} "
             "alternating rounds", samples_table(rounds),
             {"format": "", "pipeline_ms": "", "floor_ms": "", "ratio": ""})
    show(f"Scaling: each run a fresh process, median (min-max) of {scaled_rounds} alternating rounds; "
         f"peak_mb the pipeline process's own, floor_peak_mb the floor's (targets: ratio under "
         f"{TARGET_RATIO['docx']} DOCX, {TARGET_RATIO['html']} HTML, peak under {TARGET_PEAK_MB} MB at 10,000 events)",
         scaling_table(sizes, scaled_rounds, set(args.formats)),
         {"format": "", "producer": "", "events": ",d", "pipeline_s": "", "floor_s": "", "ratio": "",
          "us_per_event": ".0f", "peak_mb": ".0f", "floor_peak_mb": ".0f"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
