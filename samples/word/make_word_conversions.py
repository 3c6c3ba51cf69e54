#!/usr/bin/env python3
"""Make what LibreOffice makes of the 2024 plan written as Microsoft Word writes a DOCX.

    plan_2024_word.odt                 samples/plan_2024_word.docx saved as OpenDocument:
                                       each numbered "№ п/п" cell an empty item of a list
                                       that continues from cell to cell (WWNum styles)

and two PDFs of it with its table borders off.

A Word table whose borders are switched off keeps Word's cell margins: none above or
below a paragraph, so its rows follow each other exactly as closely as a cell's lines,
and only the first column tells where a row starts. Word's list paragraphs (the
auto-numbered "№ п/п" column) keep the spacing of their style, which spreads the annex
rows wider apart than the gap that ends a table elsewhere. LibreOffice prints each
DOCX (samplekit/wordml.py writes it as Word 2016 does, in a temporary folder) to PDF:

    plan_2024_word_noborders.pdf       auto-numbered, the header row repeated on the
                                       next page with the cut row's rest right under it
    plan_2024_word_noborders_line.pdf  typed numbers, place and date on one line, no
                                       repeated header: the rest of a cut row atop a page
                                       is text in one column only, and the last city-day
                                       row stands alone on the last page

and two prints by Chromium of the HTML LibreOffice saves from such a DOCX (a browser's
print of Word's plan as a web page): Chromium draws no space where it wraps a line, sets
the row numbers right ("10." left of "9.") and keeps the spacing of Word's paragraphs
between the rows; the number cells end in a space.

    plan_2024_word_chrome_noborders.pdf  borders off, place and date on one line, one table,
                                       auto-numbered, no repeated header: a header's
                                       "№ п/п" drawn 1.5 pt before "Мероприятия", rows
                                       1.7 em apart, the last page's rows without notes
    plan_2024_word_chrome_tables.pdf   ruled, place and date in two columns, the annex as
                                       tables, auto-numbered, the header repeated

and a print by Chromium of the XHTML LibreOffice exports from the 2025 plan written so
("XHTML Writer File", what `soffice --convert-to html` writes of a DOCX), whose cells have
padding but no paragraph spacing:

    plan_2025_word_xhtml_chrome_noborders.pdf  borders off, place and date in two columns,
                                       one table, auto-numbered, no repeated header: the
                                       event table's last page holds the signature, set left
                                       of the table, and the annex rows, whose text falls
                                       inside the event table's columns

Usage: python samples/word/make_word_conversions.py   (needs LibreOffice and Chromium; the same bytes every run)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(SAMPLES))
sys.path.insert(0, str(SAMPLES.parent))

from make_producer_html import libreoffice_xhtml  # noqa: E402
from make_samples import convert_to, print_with_chromium  # noqa: E402
from plans import plan_2024, plan_2025  # noqa: E402
from samplekit.layout import Layout, plan_document  # noqa: E402
from samplekit.wordml import render_docx  # noqa: E402

PDFS = {
    "plan_2024_word_noborders": Layout(numbers="list", borders=False),
    "plan_2024_word_noborders_line": Layout(place_date="line", borders=False, repeat_header=False),
}

CHROME_PDFS = {
    "plan_2024_word_chrome_noborders": Layout(place_date="line", lines="paragraphs", numbers="list",
                                              borders=False, repeat_header=False),
    "plan_2024_word_chrome_tables": Layout(place_date="columns", annex="tables", numbers="list"),
}

XHTML_CHROME_PDFS = {
    "plan_2025_word_xhtml_chrome_noborders": (plan_2025.PLAN, Layout(place_date="columns", numbers="list",
                                                                      borders=False, repeat_header=False)),
}


def main() -> int:
    plan = plan_2024.PLAN
    with tempfile.TemporaryDirectory() as work:
        print(convert_to(SAMPLES / "plan_2024_word.docx", "odt", Path(work), SAMPLES).relative_to(SAMPLES.parent))
        for name, layout in PDFS.items():
            docx = Path(work) / f"{name}.docx"
            docx.write_bytes(render_docx(plan_document(plan, layout), " ".join(plan.title_lines)))
            print(convert_to(docx, "pdf", Path(work), SAMPLES).relative_to(SAMPLES.parent))
        for name, layout in CHROME_PDFS.items():
            docx = Path(work) / f"{name}.docx"
            docx.write_bytes(render_docx(plan_document(plan, layout), " ".join(plan.title_lines)))
            page = convert_to(docx, "html", Path(work), Path(work) / "html")
            target = SAMPLES / f"{name}.pdf"
            print(print_with_chromium(page, target, Path(work)).relative_to(SAMPLES.parent))
        for name, (other, layout) in XHTML_CHROME_PDFS.items():
            docx = Path(work) / f"{name}.docx"
            docx.write_bytes(render_docx(plan_document(other, layout), " ".join(other.title_lines)))
            page = libreoffice_xhtml(docx, Path(work) / f"{name}.html")
            print(print_with_chromium(page, SAMPLES / f"{name}.pdf", Path(work)).relative_to(SAMPLES.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
