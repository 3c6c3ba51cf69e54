"""Benchmark the OpenDocument reader, and what reading RTF and .doc through LibreOffice costs.

    python bench/odt.py            # samples, then ODT plans of 100, 1,000 and 10,000 events
    python bench/odt.py --quick    # 3 repeats, up to 1,000 events

Run by hand, not in CI. Every figure is the median of alternating runs (pipeline, floor,
pipeline, floor, ...), so both sides meet the same disturbances of a shared machine.

1. Samples, warm, in this process: the reader alone and the whole pipeline (read, extract,
   validate, serialise) on plan_2024.odt and .fodt, against the floor, lxml parsing the same
   content.xml (for the .odt: unzipping it too) and visiting every element, and against the
   pipeline on the DOCX of the same plan.
2. RTF and .doc: the whole pipeline, LibreOffice's conversion included, against the DOCX
   pipeline on the same plan: what LibreOffice adds per file.
3. Scaling: bench/generate.py's DOCX of 100 to 10,000 events saved as ODT by LibreOffice
   (made once, kept in $TMPDIR/mag-plan-bench), each measured in a fresh process: reader,
   floor, pipeline, the DOCX pipeline on the DOCX it was saved from, time per event and the
   process's peak resident memory.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # measure this checkout, not an installed copy

from bench.formats import GENERATED, generated, pipeline, show  # noqa: E402
from bench.measure import alternate, own_peak_mb  # noqa: E402

SAMPLES = ROOT / "samples"
SIZES = (100, 1_000, 10_000)


def odt_floor(data: bytes) -> None:
    """lxml parsing content.xml (unzipped from the package, or the flat file) and visiting every element."""
    from lxml import etree

    if data.startswith(b"PK"):
        data = zipfile.ZipFile(io.BytesIO(data)).read("content.xml")
    for _ in etree.fromstring(data).iter():
        pass


def alternating(repeats: int, *works) -> list[float]:
    """Medians, in seconds, of each of ``works`` (no-argument callables) run in turn ``repeats`` times."""
    return [spread.median for spread in alternate(repeats, *works)]


def read_only(data: bytes) -> None:
    """The reader alone, as the pipeline calls it."""
    from ingest.detect import detect_format
    from ingest.pipeline import read_document

    read_document(data, detect_format(data))


def measure(data: bytes, name: str, docx: bytes, repeats: int) -> dict:
    """Reader, floor, pipeline and the DOCX pipeline, alternating; medians in seconds."""
    read_s, floor_s, pipeline_s, docx_s = alternating(
        repeats, lambda: read_only(data), lambda: odt_floor(data), lambda: pipeline(data, name),
        lambda: pipeline(docx, "plan.docx"))
    return {"read_s": read_s, "floor_s": floor_s, "read_ratio": read_s / floor_s, "pipeline_s": pipeline_s,
            "docx_pipeline_s": docx_s, "vs_docx": pipeline_s / docx_s}


def samples_table(repeats: int) -> list[dict]:
    """The ODT and FODT samples: reader against the floor, pipeline against the DOCX's."""
    rows = []
    docx = (SAMPLES / "plan_2024.docx").read_bytes()
    for name in ("plan_2024.odt", "plan_2024.fodt"):
        data = (SAMPLES / name).read_bytes()
        pipeline(data, name), pipeline(docx, "plan.docx")  # warm: imports and caches
        row = measure(data, name, docx, repeats)
        rows.append({"file": name, **{key.replace("_s", "_ms") if key.endswith("_s") else key:
                                      value * 1e3 if key.endswith("_s") else value for key, value in row.items()}})
    return rows


def office_table(repeats: int) -> list[dict]:
    """RTF and .doc through LibreOffice against the DOCX of the same plan."""
    rows = []
    docx = (SAMPLES / "plan_2024.docx").read_bytes()
    for name in ("plan_2024.rtf", "plan_2024.doc"):
        data = (SAMPLES / name).read_bytes()
        ours, theirs = alternating(repeats, lambda: pipeline(data, name), lambda: pipeline(docx, "x.docx"))
        rows.append({"file": name, "pipeline_s": ours, "docx_pipeline_s": theirs, "added_s": ours - theirs})
    return rows


def generated_odt(size: int) -> Path:
    """The generated plan of ``size`` events as LibreOffice saves it as ODT, made once and kept."""
    from parsers.readers.office import convert

    path = GENERATED / f"plan_{size}.odt"
    if not path.exists():
        docx = generated(size, "python-docx").read_bytes()
        path.write_bytes(convert(docx, ".docx", "odt:writer8", ".odt", timeout_s=3600))  # 10,000 events: minutes
    return path


def scaling_table(sizes, repeats: int) -> list[dict]:
    """Each generated ODT measured in a fresh process (see ``child``)."""
    rows = []
    for size in sizes:
        path = generated_odt(size)
        docx = generated(size, "python-docx")
        result = subprocess.run([sys.executable, __file__, "--child", str(path), str(docx), str(repeats)],
                                check=True, capture_output=True, text=True, cwd=ROOT)
        row = json.loads(result.stdout)
        rows.append({"events": size, **row, "us_per_event": row["pipeline_s"] / size * 1e6})
    return rows


def child(path: str, docx_path: str, repeats: int) -> None:
    """In a fresh process: its own peak memory after one ODT run, then alternating medians; JSON on stdout."""
    data = Path(path).read_bytes()
    pipeline(data, Path(path).name)
    peak_mb = own_peak_mb()  # not ru_maxrss: that is the benchmark's own size for small plans
    row = measure(data, Path(path).name, Path(docx_path).read_bytes(), repeats)
    print(json.dumps({**row, "peak_mb": peak_mb}))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 repeats, up to 1,000 events")
    parser.add_argument("--repeat", type=int, help="runs per measurement (default 15, quick 3)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return 0
    repeats = args.repeat or (3 if args.quick else 15)
    sizes = SIZES[:2] if args.quick else SIZES
    GENERATED.mkdir(exist_ok=True)
    show("Samples (warm, in process, medians): reader vs lxml parsing content.xml; pipeline vs the DOCX's",
         samples_table(repeats),
         {"file": "", "read_ms": ".1f", "floor_ms": ".1f", "read_ratio": ".1f", "pipeline_ms": ".1f",
          "docx_pipeline_ms": ".1f", "vs_docx": ".2f"})
    show("RTF and .doc through LibreOffice (medians), against the DOCX of the same plan",
         office_table(max(3, repeats // 5)),
         {"file": "", "pipeline_s": ".2f", "docx_pipeline_s": ".3f", "added_s": ".2f"})
    show("Scaling: LibreOffice's ODT of generated plans, each in a fresh process",
         scaling_table(sizes, max(3, repeats // 3)),
         {"events": "d", "read_s": ".3f", "floor_s": ".3f", "read_ratio": ".1f", "pipeline_s": ".3f",
          "docx_pipeline_s": ".3f", "vs_docx": ".2f", "us_per_event": ".0f", "peak_mb": ".0f"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
