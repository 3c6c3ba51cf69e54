"""Benchmark the Markdown pipeline against markdown-it's own parse of the same file.

    python bench/markdown.py            # the pandoc samples, then 100, 1,000 and 10,000 events
    python bench/markdown.py --quick    # fewer runs, up to 1,000 events

Run by hand, not in CI. The generated plans are real pandoc output: bench/generate.py's
python-docx plan of N events converted with ``pandoc -f docx -t gfm`` (the pandoc of
pypandoc-binary: ``pip install -e '.[samples]'``), so the event table is pandoc's raw HTML
``<table>``, as in samples/plan_2024_pandoc.md.

Pipeline: read, extract, validate, serialise to JSON and CSV (bench/formats.py's
``pipeline``). Floor: markdown-it-py parsing the decoded text with the reader's own
settings (CommonMark, tables, footnotes), no more; most of a pandoc file is one raw HTML
table, which markdown-it only cuts out and the reader then reads as HTML, so the ratio
is large by nature. The last column: the pipeline on the DOCX pandoc converted, for
scale. The runs alternate, and each column is the median of its runs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from formats import pipeline  # noqa: E402
from generate import plan_docx  # noqa: E402

SAMPLES = ("plan_2024_pandoc.md", "plan_2024_tables_pandoc.md")
SIZES = (100, 1_000, 10_000)
GENERATED = Path(tempfile.gettempdir()) / "mag-plan-bench"


def floor(data: bytes) -> None:
    """markdown-it's parse of the file, as the reader configures it."""
    from parsers.readers.markup.markdown import _parser

    _parser().parse(data.decode("utf-8"))


def medians(runs: int, jobs: list[tuple]) -> list[float]:
    """Median seconds of each (work, *args), run alternately, after one warm-up run each."""
    for work, *args in jobs:
        work(*args)  # warm: imports and caches are not what is measured
    times: list[list[float]] = [[] for _ in jobs]
    for _ in range(runs):
        for (work, *args), spent in zip(jobs, times):
            start = time.perf_counter()
            work(*args)
            spent.append(time.perf_counter() - start)
    return [statistics.median(spent) for spent in times]


def generated(size: int) -> Path:
    """pandoc's GFM of a generated plan of ``size`` events (made once, then kept)."""
    import pypandoc

    target = GENERATED / f"plan_{size}.pandoc.md"
    if not target.exists():
        GENERATED.mkdir(parents=True, exist_ok=True)
        docx = GENERATED / f"plan_{size}.pandoc-source.docx"
        docx.write_bytes(plan_docx(size))
        command = [pypandoc.get_pandoc_path(), "-f", "docx", "-t", "gfm", str(docx), "-o", str(target)]
        subprocess.run(command, check=True, timeout=600)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, up to 1,000 events")
    args = parser.parse_args(argv)
    runs = 5 if args.quick else 21
    sizes = SIZES[:2] if args.quick else SIZES
    print("| file | KB | pipeline ms | markdown-it ms | ratio | µs per event | its DOCX: pipeline ms |")
    print("|---|---|---|---|---|---|---|")
    paths = [(ROOT / "samples" / name, None) for name in SAMPLES] + [(generated(n), n) for n in sizes]
    for path, events in paths:
        data = path.read_bytes()
        docx = ROOT / "samples" / "plan_2024.docx" if events is None else GENERATED / f"plan_{events}.pandoc-source.docx"
        count = max(3, runs // (events // 100)) if events and events >= 1000 else runs
        ours, theirs, as_docx = medians(count, [(pipeline, data, path.name), (floor, data),
                                                (pipeline, docx.read_bytes(), docx.name)])
        per_event = f"{ours / events * 1e6:.0f}" if events else ""
        print(f"| {path.name} | {len(data) / 1024:.0f} | {ours * 1000:.1f} | {theirs * 1000:.1f} | "
              f"{ours / theirs:.2f} | {per_event} | {as_docx * 1000:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
