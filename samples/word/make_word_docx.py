#!/usr/bin/env python3
"""Make samples/plan_2024_word.docx: the 2024 plan as Microsoft Word writes a DOCX.

The plan is samples/plans/plan_2024.py, laid out as every sample is
(samplekit/layout.py), with the "№ п/п" columns made by Word's automatic
numbering (``Layout(numbers="list")``); samplekit/wordml.py writes it as Word 2016
does: rsids, runs split mid-word, proofing marks, rendered page breaks, the header
row repeated, numbers and bullets through w:numPr, a real footnote. No LibreOffice
and no network; the same bytes every run.

Usage:
    python samples/word/make_word_docx.py            # writes samples/plan_2024_word.docx
    python samples/word/make_word_docx.py OUT.docx   # writes OUT.docx
"""

from __future__ import annotations

import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(SAMPLES))

from plans import plan_2024  # noqa: E402
from samplekit.layout import Layout, plan_document  # noqa: E402
from samplekit.wordml import render_docx  # noqa: E402

WORD = Layout(numbers="list")
TARGET = SAMPLES / "plan_2024_word.docx"


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else TARGET
    plan = plan_2024.PLAN
    target.write_bytes(render_docx(plan_document(plan, WORD), " ".join(plan.title_lines)))
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
