#!/usr/bin/env python3
"""Make the samples that lose part of the plan on the way: reading them must say what was lost.

    plan_2024_word.txt                 samples/plan_2024_word.docx saved by LibreOffice as
                                       plain text (`soffice --convert-to "txt:Text
                                       (encoded):UTF8"`), as a user who wants "just the text"
                                       would save it: every paragraph on a line of its own,
                                       table cells included, nothing between cells or rows;
                                       the tables are lost and no plan can be read from it
                                       (the error says so: tests/test_text_reader.py)
    plan_2024_libreoffice_chrome.pdf   samples/plan_2024_libreoffice.xhtml.html (LibreOffice's
                                       XHTML export) printed by headless Chromium: the list
                                       labels, U+F0B7 (a Symbol-font bullet), drawn in a font
                                       that lacks it, as glyphs that map to no character
                                       ("(cid:0)"); the characters are lost: the runs, opening
                                       six lines at one place, are read as bullets, and a
                                       warning says so (tests/test_pdf_reader.py)

They live here, not beside the other samples, because they do not read as the plan (every
samples/plan_* file is ingested into output/ and most must equal the expected records).

Usage: python samples/lossy/make_lossy.py   (needs LibreOffice and Chromium; the same bytes every run)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
sys.path.insert(0, str(SAMPLES))

from make_samples import convert_to, print_with_chromium  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as work:
        print(convert_to(SAMPLES / "plan_2024_word.docx", "txt", Path(work), HERE).relative_to(SAMPLES.parent))
        target = HERE / "plan_2024_libreoffice_chrome.pdf"
        print(print_with_chromium(SAMPLES / "plan_2024_libreoffice.xhtml.html", target, Path(work))
              .relative_to(SAMPLES.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
