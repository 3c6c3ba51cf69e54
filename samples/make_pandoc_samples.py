#!/usr/bin/env python3
"""Make the pandoc Markdown samples: real pandoc converting sample DOCX files to GFM.

    samples/plan_2024.docx ──pandoc -f docx -t gfm──► samples/plan_2024_pandoc.md
    (and plan_2023, plan_2025 the same way)
    plan_2024 with the annex as separate tables (a temporary DOCX made by LibreOffice)
                           ──pandoc -f docx -t gfm──► samples/plan_2024_tables_pandoc.md
    samples/plan_2024.docx ──pandoc -f docx -t markdown──► samples/plan_2024_pandoc_markdown.md
    samples/plan_2024_word.docx ──gfm / markdown──► plan_2024_word_pandoc.md, _pandoc_markdown.md
    Word's DOCX with the annex as tables ──markdown──► plan_2024_word_tables_pandoc_markdown.md

pandoc writes a table whose cells hold several paragraphs or merged cells as raw HTML
``<table>`` and the other tables as pipe tables; bold as ``**…**``, line breaks as a
trailing backslash, footnotes as ``[^1]`` with a ``[^1]: …`` definition (or, cited from
inside raw HTML, as an HTML ``<section class="footnotes">``). These files are what a user
gets from ``pandoc -f docx -t gfm``, with pandoc's default line wrapping. pandoc's own
Markdown (``-t markdown``) writes every table as a grid table instead.

pandoc comes from pypandoc-binary (``pip install -e '.[samples]'``), which bundles it: no
network. The separate-tables variant also needs LibreOffice's ``soffice``.

Usage:
    python samples/make_pandoc_samples.py            # every pandoc sample
    python samples/make_pandoc_samples.py plan_2024_pandoc.md  # only the named ones
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_samples import Sample, make_sample  # noqa: E402
from plans import plan_2024  # noqa: E402
from samplekit.layout import Layout, plan_document  # noqa: E402
from samplekit.wordml import render_docx  # noqa: E402

PANDOC_VERSION = "3.9"  # the pandoc (pypandoc-binary 1.17) that wrote the committed files

# The DOCX files converted: a committed sample, or one made in a temporary folder.
LAYOUTS = {
    # the jubilees and the city days each under a bold heading paragraph, in a table of
    # their own with no merged cells: pandoc writes them as pipe tables
    "plan_2024_tables": Sample("plan_2024_tables", plan_2024.PLAN, Layout(annex="tables"),
                               formats=("docx",)),
}
# DOCX files as Microsoft Word writes them (samplekit/wordml.py, no LibreOffice), made in a
# temporary folder: the annex as tables of their own, the № columns Word's automatic numbering
WORD_LAYOUTS = {
    "plan_2024_word_tables": Layout(numbers="list", annex="tables"),
}

# sample file -> (the DOCX it is made from, pandoc's writer)
PANDOC_SAMPLES = {
    "plan_2023_pandoc.md": ("plan_2023", "gfm"),
    "plan_2024_pandoc.md": ("plan_2024", "gfm"),
    "plan_2025_pandoc.md": ("plan_2025", "gfm"),
    "plan_2024_tables_pandoc.md": ("plan_2024_tables", "gfm"),
    # pandoc's own Markdown: grid tables (merged cells as spans), ^1^ superscripts, [^1] notes
    "plan_2024_pandoc_markdown.md": ("plan_2024", "markdown"),
    # Word's DOCX (samples/plan_2024_word.docx): its numbered № cells become empty ordered-list
    # items, <ol start="2"><li></li></ol> in GFM's raw HTML and "2." alone in a grid table's
    # cell; pandoc's Markdown makes the annex table's first row, spanning it, a header row
    "plan_2024_word_pandoc.md": ("plan_2024_word", "gfm"),
    "plan_2024_word_pandoc_markdown.md": ("plan_2024_word", "markdown"),
    # Word's DOCX with the annex as tables: pandoc's Markdown writes them as multiline tables
    "plan_2024_word_tables_pandoc_markdown.md": ("plan_2024_word_tables", "markdown"),
}


def main(argv: list[str] | None = None) -> int:
    """Make the chosen pandoc samples and print what was written."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="sample files to make (default: all)")
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: samples/)")
    args = parser.parse_args(argv)
    unknown = set(args.names) - set(PANDOC_SAMPLES)
    if unknown:
        print(f"unknown sample(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    for name in args.names or PANDOC_SAMPLES:
        print(make_pandoc_sample(name, args.out))
    return 0


def make_pandoc_sample(name: str, out: Path) -> Path:
    """Write ``out/<name>``: pandoc's Markdown of its DOCX."""
    source, writer = PANDOC_SAMPLES[name]
    target = out / name
    if source in WORD_LAYOUTS:
        with tempfile.TemporaryDirectory(prefix="mag-pandoc-") as tmp:
            docx = Path(tmp) / f"{source}.docx"
            plan = plan_2024.PLAN
            docx.write_bytes(render_docx(plan_document(plan, WORD_LAYOUTS[source]), " ".join(plan.title_lines)))
            target.write_text(pandoc_markdown(docx, writer), encoding="utf-8")
    elif source in LAYOUTS:
        with tempfile.TemporaryDirectory(prefix="mag-pandoc-") as tmp:
            make_sample(LAYOUTS[source], Path(tmp))
            target.write_text(pandoc_markdown(Path(tmp) / f"{source}.docx", writer), encoding="utf-8")
    else:
        target.write_text(pandoc_markdown(HERE / f"{source}.docx", writer), encoding="utf-8")
    return target


def pandoc_markdown(docx: Path, writer: str = "gfm") -> str:
    """pandoc's Markdown of a DOCX, ``pandoc -f docx -t WRITER`` (the bundled pandoc, run as is)."""
    try:
        import pypandoc
    except ImportError:
        raise SystemExit("pypandoc-binary is not installed: pip install -e '.[samples]'") from None
    command = [pypandoc.get_pandoc_path(), "-f", "docx", "-t", writer, str(docx)]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=120)
    if result.returncode != 0:
        raise SystemExit(f"pandoc failed ({result.returncode}): {result.stderr.strip()[-300:]}")
    return result.stdout


if __name__ == "__main__":
    sys.exit(main())
