"""Scans of the 2024 plan under narrow-column layouts: fields right per scan (not samples).

    python bench/ocr_narrow.py --make DIR       # lay out, print (LibreOffice) and scan into DIR
    python bench/ocr_narrow.py DIR [-v]         # score every scan in DIR, as bench/ocr.py does

Each layout (``LAYOUTS``) is the plan of ``samples/plans/plan_2024.py`` with its place and date
(or date) column narrowed, printed by LibreOffice from its ``.fodt`` (``make_samples.py``), then
rendered and made to look scanned with ``samples/scans/make_scans.py``'s own steps: at 200 and
300 dpi, and at 200 dpi with sensor noise, laid 1° askew. In such columns a month name or a date
fills the cell's width, and Tesseract reads it split ("сентяб ря", "ок- тябрь"). The scores are
bench/ocr.py's: every field of every record against tests/expected/plan_2024.json.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "samples"), str(ROOT / "samples" / "scans"), str(ROOT / "bench")]

# What each layout narrows: widths in cm of (number, title, place and date | place, date, note).
LAYOUTS = {
    "narrow_place_date": dict(event_widths_cm=(1.5, 10.0, 2.3, 3.2)),
    "narrow_line": dict(place_date="line", event_widths_cm=(1.5, 10.0, 2.3, 3.2)),
    "narrow_date_column": dict(place_date="columns", columns_widths_cm=(1.5, 8.0, 2.8, 1.9, 2.8)),
    "narrow_columns_noborder": dict(place_date="columns", borders=False,
                                    columns_widths_cm=(1.5, 8.0, 2.8, 2.0, 2.7)),
    "narrow_large_type": dict(event_widths_cm=(1.5, 9.5, 2.8, 3.2), page_font_size_pt=14.0),
}
SCANS = {"200dpi": (200, False), "300dpi": (300, False), "200dpi_noisy": (200, True)}


def make(folder: Path) -> list[Path]:
    """Every layout printed and scanned into ``folder``."""
    from make_samples import convert_to, render
    from make_scans import noisy, rotated, save_pdf, scanned
    from make_scans import render as rasterise
    from plans import plan_2024
    from samplekit.doc import Page
    from samplekit.layout import Layout, plan_document

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    rng = random.Random(2024)
    with tempfile.TemporaryDirectory(prefix="mag-narrow-") as tmp:
        work = Path(tmp)
        for name, options in LAYOUTS.items():
            options = dict(options)
            size = options.pop("page_font_size_pt", None)
            layout = Layout(**options, **({"page": Page(font_size_pt=size)} if size else {}))
            source = work / f"{name}.fodt"
            source.write_bytes(render(plan_document(plan_2024.PLAN, layout)))
            pdf = convert_to(source, "pdf", work, folder / "print")  # the print itself, to compare
            for suffix, (dpi, rough) in SCANS.items():
                pages = [scanned(page, dpi) for page in rasterise(pdf, dpi)]
                if rough:
                    pages = [noisy(rotated(page, 1.0), rng) for page in pages]
                path = folder / f"{name}_{suffix}.pdf"
                save_pdf(pages, path, dpi)
                written.append(path)
                print(path, flush=True)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--make", action="store_true", help="lay out, print and scan into the folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each wrong field")
    args = parser.parse_args()
    if args.make:
        make(args.folder)
        return
    from ocr import expected_plan, read_scan, scored

    expected = expected_plan()
    print("| scan | fields right | numbers, dates, cities, ages wrong | date_unknown | OCR warnings |")
    print("|---|---|---|---|---|")
    for path in sorted(args.folder.glob("*.pdf")):
        plan = read_scan(path)["plan"]
        shown, hard, wrong = scored(plan, expected)
        unknown = sum(1 for w in plan["warnings"] if w["code"] == "date_unknown")
        doubts = sum(1 for w in plan["warnings"] if w["code"].startswith("ocr_"))
        print(f"| {path.stem} | {shown} | {hard} | {unknown} | {doubts} |", flush=True)
        if args.verbose and wrong:
            print("\n".join("    " + line[:220] for line in wrong))


if __name__ == "__main__":
    main()
