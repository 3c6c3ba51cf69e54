#!/usr/bin/env python3
"""Make the sample plan documents with LibreOffice.

Each sample is a plan (data in samples/plans/) laid out under some options
(samplekit.layout.Layout). The script writes the layout as a Flat ODT source
under samples/src/, then LibreOffice converts it:

    source .fodt ──► .docx, .html        (the .fodt itself)
    .docx        ──► .pdf                (as a reader of the DOCX would print it)
    source .fodt ──► .pdf                (samples marked pdf_from="fodt": the
                                          writer's own print, as its author would)
    .docx        ──► .odt, .fodt, .rtf, .doc  (samples with from_docx: the DOCX saved
                                          again in the other formats offices send)

Usage:
    python samples/make_samples.py                 # every sample, every format
    python samples/make_samples.py plan_2024       # only the named samples
    python samples/make_samples.py --fodt-only     # sources only, no LibreOffice
    python samples/make_samples.py --list          # names and formats

No network. Run twice, get the same files: LibreOffice's timestamps and ids are
pinned after conversion (see normalise_*).
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))  # this tree's parsers, before any installed copy

from plans import plan_2023, plan_2024, plan_2025, plan_2026  # noqa: E402
from samplekit.doc import Page  # noqa: E402
from samplekit.fodt import render  # noqa: E402
from samplekit.layout import Layout, plan_document  # noqa: E402
from samplekit.plan import Plan  # noqa: E402

from parsers.errors import IngestError  # noqa: E402
from parsers.readers.office import run_soffice  # noqa: E402

# LibreOffice filter for each target format.
FILTERS = {
    "docx": "docx:MS Word 2007 XML",
    "html": "html:HTML (StarWriter)",
    "pdf": "pdf:writer_pdf_Export",
    "odt": "odt:writer8",
    "fodt": "fodt:OpenDocument Text Flat XML",
    "rtf": "rtf:Rich Text Format",
    "doc": "doc:MS Word 97",
    "txt": "txt:Text (encoded):UTF8",
}
FIXED_TIME = "2024-01-01T00:00:00Z"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
SOFFICE_TIMEOUT_S = 180


@dataclass(frozen=True)
class Sample:
    """One sample: a plan, a layout, the formats to make, what its PDF is printed from."""

    name: str
    plan: Plan
    layout: Layout = Layout()
    formats: tuple[str, ...] = ("docx", "html", "pdf")
    pdf_from: str = "docx"  # printed from the DOCX; "fodt": straight from the source;
    # "html": the HTML LibreOffice saves, printed by Chromium (a browser's "Save as PDF")
    from_docx: tuple[str, ...] = ()  # formats LibreOffice saves the DOCX as (odt, fodt, rtf, doc)


# The same plan as a PDF with no ruling lines: cells aligned by position only, a
# note column narrow enough to break a long word, a running header and page numbers.
NO_BORDERS = Layout(
    borders=False,
    event_widths_cm=(1.5, 8.5, 3.5, 3.5),
    page=Page(header_text="Международная Ассамблея столиц и крупных городов",
              footer_page_number=True),
)

# The same plan under other layouts, printed by LibreOffice straight from the
# source (its own footnote numbering and line breaking, not the DOCX's).
VARIANTS = {
    # place and date on one line ("Москва ноябрь")
    "plan_2024_line": Layout(place_date="line"),
    # place and date in two columns; the note column narrower, so words fill and cut lines
    "plan_2024_columns": Layout(place_date="columns",
                                place_date_headers=("Место проведения", "Сроки проведения")),
    # one paragraph per line of a cell, and no ruling lines
    "plan_2024_paras_noborder": Layout(lines="paragraphs", borders=False),
    # a page 15 cm high: more page breaks, the annex tables cut across pages
    "plan_2024_small_page": Layout(page=Page(height_cm=15)),
}

SAMPLES = (
    # The DOCX saved again by LibreOffice as OpenDocument (packaged and flat), RTF and Word 97.
    Sample("plan_2024", plan_2024.PLAN, from_docx=("odt", "fodt", "rtf", "doc")),
    Sample("plan_2024_noborders", plan_2024.PLAN, NO_BORDERS, formats=("pdf",)),
    # Another PDF producer: the HTML page printed by a browser (bullets drawn as dots,
    # the footnote at the end of the text in small type).
    Sample("plan_2024_chrome", plan_2024.PLAN, formats=("pdf",), pdf_from="html"),
    *(Sample(name, plan_2024.PLAN, layout, formats=("pdf",), pdf_from="fodt")
      for name, layout in VARIANTS.items()),
    # The years either side of 2024, for the diff (tests/expected/diff_*.json).
    Sample("plan_2023", plan_2023.PLAN, from_docx=("odt",)),
    Sample("plan_2025", plan_2025.PLAN, from_docx=("odt",)),
    # The 2025 page printed by the browser too: it cuts event 8 at a page break and draws
    # no border under the cut row.
    Sample("plan_2025_chrome", plan_2025.PLAN, formats=("pdf",), pdf_from="html"),
    # Another secretary's plan: the content written otherwise (samples/plans/plan_2026.py).
    Sample("plan_2026", plan_2026.PLAN),
)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, make the chosen samples, report what was written."""
    args = parse_args(argv)
    chosen = [s for s in SAMPLES if not args.names or s.name in args.names]
    unknown = set(args.names) - {s.name for s in SAMPLES}
    if unknown:
        print(f"unknown sample(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    if args.list:
        for sample in SAMPLES:
            print(sample.name, " ".join(sample.formats + sample.from_docx))
        return 0
    for sample in chosen:
        for path in make_sample(sample, args.out, convert=not args.fodt_only):
            print(path.relative_to(args.out.parent) if path.is_relative_to(args.out.parent) else path)
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line: sample names and a few switches."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="samples to make (default: all)")
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: samples/)")
    parser.add_argument("--fodt-only", action="store_true", help="write sources, skip LibreOffice")
    parser.add_argument("--list", action="store_true", help="list the samples and exit")
    return parser.parse_args(argv)


def make_sample(sample: Sample, out: Path, convert: bool = True) -> list[Path]:
    """Write the sample's source and, unless told not to, its converted formats."""
    source = out / "src" / f"{sample.name}.fodt"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(render(plan_document(sample.plan, sample.layout)))
    written = [source]
    if not convert:
        return written
    with tempfile.TemporaryDirectory(prefix="mag-samples-") as tmp:
        work = Path(tmp)
        direct = [f for f in sample.formats if f != "pdf" or sample.pdf_from == "fodt"]
        for fmt in direct:
            written.append(convert_to(source, fmt, work, out))
        if "pdf" in sample.formats and sample.pdf_from == "docx":
            # The PDF is printed from the DOCX, as a recipient of the DOCX would print it.
            docx = out / f"{sample.name}.docx"
            if "docx" not in direct:
                docx = convert_to(source, "docx", work, work / "docx")
            written.append(convert_to(docx, "pdf", work, out))
        if sample.from_docx:
            docx = out / f"{sample.name}.docx"
            if "docx" not in direct:
                docx = convert_to(source, "docx", work, work / "docx")
            for fmt in sample.from_docx:
                written.append(convert_to(docx, fmt, work, out))
        if "pdf" in sample.formats and sample.pdf_from == "html":
            html = convert_to(source, "html", work, work / "html")
            written.append(print_with_chromium(html, out / f"{sample.name}.pdf", work))
    return written


def print_with_chromium(page: Path, target: Path, work: Path) -> Path:
    """Print an HTML page to PDF with headless Chromium (no header or footer lines)."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not exe:
        raise SystemExit("Chromium is not installed: it prints the browser-printed PDF samples")
    produced = work / "chrome.pdf"
    command = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
               f"--user-data-dir={work / 'chrome-profile'}", f"--print-to-pdf={produced}", page.as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=SOFFICE_TIMEOUT_S)
    if result.returncode != 0 or not produced.exists():
        raise SystemExit(f"chromium failed ({result.returncode}): {result.stderr.strip()[-300:]}")
    target.write_bytes(normalise_pdf(produced.read_bytes()))
    return target


def convert_to(source: Path, fmt: str, work: Path, out: Path) -> Path:
    """Convert ``source`` with LibreOffice, normalise the result, move it to ``out``."""
    produced = work / "out" / f"{source.stem}.{fmt}"
    produced.unlink(missing_ok=True)
    soffice(["--convert-to", FILTERS[fmt], "--outdir", str(produced.parent), str(source)], work)
    if not produced.exists():
        raise SystemExit(f"LibreOffice did not write {produced.name} from {source.name}")
    target = out / produced.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(NORMALISERS[fmt](produced.read_bytes()))
    return target


def soffice(args: list[str], work: Path) -> None:
    """Run headless LibreOffice with a private profile, as the reader of RTF and .doc runs it."""
    try:
        run_soffice(args, work, SOFFICE_TIMEOUT_S)
    except IngestError as error:
        raise SystemExit(f"{error} (use --fodt-only to write the sources alone)") from None


def normalise_docx(data: bytes) -> bytes:
    """Pin the package's timestamps: zip entry times and docProps/core.xml dates."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                                 rb"\g<1>" + FIXED_TIME.encode(), content)
            entry = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return buffer.getvalue()


def normalise_html(data: bytes) -> bytes:
    """Pin the created/changed meta dates LibreOffice stamps into the page."""
    return re.sub(rb'(<meta name="(?:created|changed)" content=")[^"]*',
                  rb"\g<1>" + FIXED_TIME.encode(), data)


def normalise_pdf(data: bytes) -> bytes:
    """Pin the creation date, document id and checksum without moving any byte offset."""
    def same_length(fixed: bytes):
        return lambda m: m.group(1) + fixed[: len(m.group(2))].ljust(len(m.group(2)), b"0")
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)([0-9]+)", same_length(b"20240101000000"), data)
    data = re.sub(rb"(<)([0-9A-F]{32})(?=>)", same_length(b"0" * 32), data)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-F]{32})", same_length(b"0" * 32), data)
    return data


def normalise_odf_settings(data: bytes) -> bytes:
    """Pin the random revision ids (Rsid, RsidRoot) LibreOffice stores in its settings."""
    return re.sub(rb'(config:name="Rsid(?:Root)?" config:type="int">)[0-9]+', rb"\g<1>0", data)


def normalise_odt(data: bytes) -> bytes:
    """Pin zip entry times and the settings' revision ids; mimetype stays first and stored."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "settings.xml":
                content = normalise_odf_settings(content)
            elif info.filename == "content.xml":
                content = normalise_list_ids(content)
            entry = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return buffer.getvalue()


def normalise_list_ids(data: bytes) -> bytes:
    """Number the random list ids LibreOffice writes (xml:id="list3682202012", and the
    text:continue-list pointing at one) in order of appearance."""
    names: dict[bytes, bytes] = {}
    return re.sub(rb'(?<=")list\d+(?=")', lambda m: names.setdefault(m.group(0), b"list%d" % (len(names) + 1)), data)


def unchanged(data: bytes) -> bytes:
    """RTF and Word 97 files: LibreOffice writes them the same each time (their dates are
    the DOCX's, which normalise_docx pinned)."""
    return data


NORMALISERS = {"docx": normalise_docx, "html": normalise_html, "pdf": normalise_pdf,
               "odt": normalise_odt, "fodt": normalise_odf_settings, "rtf": unchanged, "doc": unchanged,
               "txt": unchanged}


if __name__ == "__main__":
    sys.exit(main())
