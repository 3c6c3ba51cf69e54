#!/usr/bin/env python3
"""Make samples/text/plan_2024_word.txt: LibreOffice's plain-text export of a plan.

samples/plan_2024_word.docx (the plan as Microsoft Word writes it) saved by
LibreOffice as text (`soffice --convert-to "txt:Text (encoded):UTF8"`), as a user
who wants "just the text" would save it. The export writes every paragraph on a
line of its own, table cells included, and nothing between cells or rows: the
tables' rows and columns are lost, and no plan can be read from it. mag-plan must
say so (tests/test_text_reader.py), not report a bare "no event table". It lives
here, not beside the other samples, because it is no readable plan (every
samples/plan_* file is ingested into output/).

Usage: python samples/text/make_text_exports.py   (needs LibreOffice; the same bytes every run)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
sys.path.insert(0, str(SAMPLES))

from make_samples import convert_to  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as work:
        print(convert_to(SAMPLES / "plan_2024_word.docx", "txt", Path(work), HERE).relative_to(SAMPLES.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
