"""Peak memory of `mag-plan ingest` per MB of input, per format, up to the default input limit.

    python bench/memory.py                        # every format at 1, 8, 16 and 50 MB; 3 rounds
    python bench/memory.py --quick                # 1 and 8 MB, one round
    python bench/memory.py --sizes 5 50 --formats html-lean html-libreoffice --rounds 3
    python bench/memory.py --root /tmp/before     # measure another checkout

Legal plans of about the given size are made first, each in a child process so that this
one stays small (a child's peak starts from its parent's: Linux carries it across fork
and exec): the generated plans of bench/generate.py (1,000 events: LibreOffice's HTML of
the python-docx DOCX, the lean page, the DOCX) and the 2024 text export, their event rows
repeated and renumbered up to the size. Then each plan goes through `python -m ingest
ingest FILE -o DIR -q` in a fresh process, rounds alternating over every plan, and
``os.wait4`` gives that process's peak resident memory (interpreter and imports
included). For HTML and text the size is the file's; a DOCX is sized by its XML parts as
unpacked (the file is a twentieth of that), as ``max_markup_bytes`` counts them. A plan past
the default markup limit is read with ``--max-size`` raised to its size.

Prints, per format and size: the median peak (and its spread over rounds), the peak per
MB of input above the smallest sample's, and the budget of parsers/limits.py
(``memory_budget_mb``) the peak must stay inside.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parsers.limits import (  # noqa: E402
    DEFAULT_LIMITS, MB, MEMORY_BASE_MB, MEMORY_CEILING_MB, MEMORY_PER_MARKUP_MB, memory_budget_mb,
)

SIZES_MB = (1, 8, 16, 50)  # 16: the default markup limit; 50: the file limit (read with --max-size)
QUICK_SIZES_MB = (1, 8)
TEMPLATE_EVENTS = 1_000
CACHE = Path(tempfile.gettempdir()) / "mag-plan-bench"  # bench/formats.py keeps its plans here too

# Format -> (file suffix, what its size counts, the row pattern of its event table).
# The rows repeated are the first run of them with only whitespace between (section rows
# included); a row's event number ("12.") is the first NUMBER in it.
ROWS = {
    "html-libreoffice": re.compile(r"<tr[ >].*?</tr>", re.S),
    "html-lean": re.compile(r"<tr[ >].*?</tr>", re.S),
    "docx": re.compile(r"<w:tr[ >].*?</w:tr>", re.S),
    # a line of tab-separated cells, and the lines a cell continues on (after a tab)
    "text": re.compile(r"^(?:\d+\.\t|<b>)[^\n]*\n(?:\n?\t[^\n]*\n)*", re.M),
}
SUFFIX = {"html-libreoffice": ".html", "html-lean": ".html", "docx": ".docx", "text": ".txt"}
NUMBER = re.compile(r"(?<=[>\n])(\d+)(?=\.(?:<|\t))|^(\d+)(?=\.\t)")


# ------------------------------------------------------------ making the plans

def template(fmt: str) -> str:
    """The markup whose event rows are repeated: the 1,000-event generated plans of
    bench/generate.py, or the 2024 sample's text export."""
    from bench import generate

    if fmt == "html-lean":
        return generate.plan_html(TEMPLATE_EVENTS).decode("utf-8")
    if fmt == "text":
        return (ROOT / "samples" / "plan_2024.txt").read_text(encoding="utf-8")
    docx = CACHE / f"plan_{TEMPLATE_EVENTS}.docx"
    if not docx.exists():
        CACHE.mkdir(exist_ok=True)
        docx.write_bytes(generate.plan_docx(TEMPLATE_EVENTS))
    if fmt == "docx":
        return zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    page = CACHE / f"plan_{TEMPLATE_EVENTS}.libreoffice.html"
    if not page.exists():
        generate.libreoffice_html(docx, page)
    return page.read_text(encoding="utf-8")


def grown(markup: str, fmt: str, size: int) -> str:
    """``markup`` with its event rows repeated (and renumbered 1, 2, ...) until it holds
    about ``size`` characters' worth of bytes."""
    rows: list[re.Match] = []
    for match in ROWS[fmt].finditer(markup):
        if not rows and not NUMBER.search(match.group()):
            continue  # the header row
        if rows and markup[rows[-1].end():match.start()].strip():
            break  # the event table's rows end here
        rows.append(match)
    head, tail = markup[:rows[0].start()], markup[rows[-1].end():]
    body = [markup[row.start():row.end()] for row in rows]
    room = size - len(head.encode("utf-8")) - len(tail.encode("utf-8"))  # the file stays within size
    out, number, index = [head], 0, 0
    while True:
        row = body[index % len(body)]
        if NUMBER.search(row):  # an event row (a section row has no number)
            row = NUMBER.sub(str(number + 1), row, count=1)
        room -= len(row.encode("utf-8"))
        if room < 0 and index >= len(body):
            break
        number += NUMBER.search(row) is not None
        out.append(row)
        index += 1
    out.append(tail)
    return "".join(out)


def make(fmt: str, size_mb: float, folder: Path) -> Path:
    """A legal plan of about ``size_mb`` MB in ``fmt`` (a DOCX: of unpacked XML), in ``folder``."""
    size = int(size_mb * MB)
    path = folder / f"{fmt}_{size_mb:g}mb{SUFFIX[fmt]}"
    if path.exists():
        return path
    if fmt == "docx":  # the other XML parts count too (parsers/archive.py): the body gets the rest
        source = zipfile.ZipFile(CACHE / f"plan_{TEMPLATE_EVENTS}.docx")
        size -= sum(member.file_size for member in source.infolist()
                    if member.filename.endswith(".xml") and member.filename != "word/document.xml")
    markup = grown(template(fmt), fmt, size)
    if fmt == "docx":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            for member in source.infolist():
                data = markup.encode("utf-8") if member.filename == "word/document.xml" else source.read(member)
                package.writestr(member.filename, data)
        path.write_bytes(buffer.getvalue())
    else:
        path.write_bytes(markup.encode("utf-8"))
    return path


def markup_mb(path: Path) -> float:
    """The MB of markup a plan holds, as ``max_markup_bytes`` counts it: the file's, or the XML
    parts of a DOCX as unpacked."""
    if path.suffix == ".docx":
        return sum(member.file_size for member in zipfile.ZipFile(path).infolist()
                   if member.filename.endswith(".xml")) / MB
    return path.stat().st_size / MB


# ------------------------------------------------------------ measuring

def peak_of_ingest(path: Path, root: Path, out: Path) -> tuple[float, str]:
    """Peak resident MB of one `python -m ingest ingest PATH` in a fresh process, and its outcome.
    A plan past the default limits is read with --max-size raised to its size (its memory per MB
    is what is measured)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    size = max(path.stat().st_size, int(markup_mb(path) * MB))
    raised = ["--max-size", str(size)] if size > DEFAULT_LIMITS.max_markup_bytes else []
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen([sys.executable, "-m", "ingest", "ingest", str(path), "-o", str(out), "-q", *raised],
                                 cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        message = errors.read().decode("utf-8", "replace").strip().splitlines()
    outcome = "ok" if child.returncode == 0 else f"exit {child.returncode}: {message[-1][:80] if message else ''}"
    return usage.ru_maxrss / 1024, outcome  # KB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", help=f"MB of input (default {SIZES_MB})")
    parser.add_argument("--formats", nargs="+", choices=list(ROWS), default=list(ROWS))
    parser.add_argument("--rounds", type=int, help="runs of every plan, alternating (median kept; default 3)")
    parser.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES_MB}, one round")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    parser.add_argument("--plans", type=Path, help="keep the generated plans in this folder")
    parser.add_argument("--make", nargs=3, help=argparse.SUPPRESS)  # FORMAT MB FOLDER, in a child
    args = parser.parse_args(argv)
    if args.make:
        print(make(args.make[0], float(args.make[1]), Path(args.make[2])))
        return 0
    sizes = args.sizes or (QUICK_SIZES_MB if args.quick else SIZES_MB)
    rounds = args.rounds or (1 if args.quick else 3)
    with tempfile.TemporaryDirectory(prefix="mag-plan-memory-") as work:
        folder = args.plans or Path(work)
        folder.mkdir(parents=True, exist_ok=True)
        plans = [(fmt, size, Path(subprocess.run(
            [sys.executable, __file__, "--make", fmt, str(size), str(folder)],
            check=True, capture_output=True, text=True).stdout.strip())) for fmt in args.formats for size in sizes]
        samples = {fmt: ROOT / "samples" / ("plan_2024" + (".docx" if fmt == "docx" else ".txt" if fmt == "text"
                                                           else ".html")) for fmt in args.formats}
        peaks: dict[Path, list[float]] = {path: [] for path in [*samples.values(), *(p for _, _, p in plans)]}
        outcomes: dict[Path, str] = {}
        for _ in range(rounds):
            for path in peaks:
                peak, outcomes[path] = peak_of_ingest(path, args.root, Path(work) / "out")
                peaks[path].append(peak)
                print(f"{path.name}: {peak:.0f} MB, {outcomes[path]}", file=sys.stderr, flush=True)
        rows = []
        for fmt, size, path in plans:
            base = statistics.median(peaks[samples[fmt]])
            peak, input_mb = statistics.median(peaks[path]), markup_mb(path)
            rows.append((fmt, input_mb, path.stat().st_size / MB, peak, max(peaks[path]) - min(peaks[path]),
                         (peak - base) / input_mb, memory_budget_mb(int(input_mb * MB)), outcomes[path]))
    print(f"python {sys.version.split()[0]}; median of {rounds} round(s); peak = ru_maxrss of the ingest process")
    print("sample peaks (MB): " + ", ".join(f"{fmt} {statistics.median(peaks[p]):.0f}" for fmt, p in samples.items()))
    print(f"{'format':<17} {'input_mb':>8} {'file_mb':>7} {'peak_mb':>7} {'spread':>6} {'mb_per_mb':>9} "
          f"{'budget_mb':>9}  within  outcome")
    over = 0
    for fmt, input_mb, file_mb, peak, spread, per_mb, budget, outcome in rows:
        within = peak <= budget
        over += not within
        print(f"{fmt:<17} {input_mb:8.1f} {file_mb:7.1f} {peak:7.0f} {spread:6.0f} {per_mb:9.1f} {budget:9.0f}  "
              f"{'yes' if within else 'NO':>6}  {outcome}")
    print(f"budget: {MEMORY_BASE_MB} MB + {MEMORY_PER_MARKUP_MB} MB per MB of markup; at the default markup "
          f"limit, {DEFAULT_LIMITS.max_markup_bytes / MB:g} MB: {memory_budget_mb(DEFAULT_LIMITS.max_markup_bytes):.0f} MB "
          f"(ceiling {MEMORY_CEILING_MB} MB); {over} plan(s) over budget")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
