#!/usr/bin/env python3
"""Make the pandoc Markdown samples: real pandoc converting sample DOCX files to GFM.

    samples/plan_2024.docx ──pandoc -f docx -t gfm──► samples/plan_2024_pandoc.md
    (and plan_2023, plan_2025 the same way)
    plan_2024 with the annex as separate tables (a temporary DOCX made by LibreOffice)
                           ──pandoc -f docx -t gfm──► samples/plan_2024_tables_pandoc.md

pandoc writes a table whose cells hold several paragraphs or merged cells as raw HTML
``<table>`` and the other tables as pipe tables; bold as ``**…**``, line breaks as a
trailing backslash, footnotes as ``[^1]`` with a ``[^1]: …`` definition (or, cited from
inside raw HTML, as an HTML ``<section class="footnotes">``). These files are what a user
gets from ``pandoc -f docx -t gfm``, with pandoc's default line wrapping.

pandoc comes from pypandoc-binary (``pip install -e '.[samples]'``), which bundles it: no
network. The separate-tables variant also needs LibreOffice's ``soffice``.

Usage:
    python samples/make_pandoc_samples.py            # every pandoc sample
    python samples/make_pandoc_samples.py plan_2024  # only the named ones
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
from samplekit.layout import Layout  # noqa: E402

PANDOC_ARGS = ("-f", "docx", "-t", "gfm")
PANDOC_VERSION = "3.9"  # the pandoc (pypandoc-binary 1.17) that wrote the committed files

# Pandoc samples made from a committed DOCX sample of the same name.
FROM_SAMPLES = ("plan_2023", "plan_2024", "plan_2025")
# Pandoc samples made from a DOCX that only lives in a temporary folder.
FROM_LAYOUTS = {
    # the jubilees and the city days each under a bold heading paragraph, in a table of
    # their own with no merged cells: pandoc writes them as pipe tables
    "plan_2024_tables": Sample("plan_2024_tables", plan_2024.PLAN, Layout(annex="tables"),
                               formats=("docx",)),
}


def main(argv: list[str] | None = None) -> int:
    """Make the chosen pandoc samples and print what was written."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="samples to make (default: all)")
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: samples/)")
    args = parser.parse_args(argv)
    known = (*FROM_SAMPLES, *FROM_LAYOUTS)
    unknown = set(args.names) - set(known)
    if unknown:
        print(f"unknown sample(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    for name in args.names or known:
        print(make_pandoc_sample(name, args.out))
    return 0


def make_pandoc_sample(name: str, out: Path) -> Path:
    """Write ``out/<name>_pandoc.md``: pandoc's GFM of the sample's DOCX."""
    target = out / f"{name}_pandoc.md"
    if name in FROM_LAYOUTS:
        with tempfile.TemporaryDirectory(prefix="mag-pandoc-") as tmp:
            make_sample(FROM_LAYOUTS[name], Path(tmp))
            target.write_text(pandoc_gfm(Path(tmp) / f"{name}.docx"), encoding="utf-8")
    else:
        target.write_text(pandoc_gfm(HERE / f"{name}.docx"), encoding="utf-8")
    return target


def pandoc_gfm(docx: Path) -> str:
    """pandoc's GitHub-flavoured Markdown of a DOCX (the bundled pandoc, run as is)."""
    try:
        import pypandoc
    except ImportError:
        raise SystemExit("pypandoc-binary is not installed: pip install -e '.[samples]'") from None
    command = [pypandoc.get_pandoc_path(), *PANDOC_ARGS, str(docx)]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=120)
    if result.returncode != 0:
        raise SystemExit(f"pandoc failed ({result.returncode}): {result.stderr.strip()[-300:]}")
    return result.stdout


if __name__ == "__main__":
    sys.exit(main())
