"""The same plan read from two formats diffs as no differences at all."""

from __future__ import annotations

import pytest

from ingest.diff.plans import diff_plans
from parsers.readers.office import find_soffice
from tests.sample_plans import format_pair, sample_plan

# Read through LibreOffice: skipped, with the reason, only when it is not installed.
NO_SOFFICE = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")

CASES = [(stem, *pair) for stem in ("plan_2023", "plan_2024", "plan_2025")
         for pair in (("docx", "html"), ("docx", "pdf"), ("html", "pdf"), ("docx", "odt"))] + [
    ("plan_2024", "docx", "txt"), ("plan_2024", "odt", "fodt"), ("plan_2024", "docx", "rtf"), ("plan_2024", "docx", "doc")]


@pytest.mark.parametrize("stem, first, second", [
    pytest.param(stem, first, second, id=f"{stem}-{first}-{second}",
                 marks=[*format_pair(first, second).marks, *([NO_SOFFICE] if second in ("rtf", "doc") else [])])
    for stem, first, second in CASES])
def test_two_formats_of_one_plan_have_no_differences(stem, first, second):
    one, other = sample_plan(stem, first), sample_plan(stem, second)
    diff = diff_plans(one, other)
    assert not diff.has_differences, diff.without_unchanged().model_dump_json(indent=1)
    assert diff.unchanged == len(one.events) == len(other.events)
    assert not diff.city_days.warnings and not diff.jubilees.warnings


# A browser's print of the HTML page (samples/make_samples.py, pdf_from="html"): bullets
# drawn as dots, the footnote after the last table, and in 2025 a row cut at a page break
# with no border drawn under it.
@pytest.mark.parametrize("stem", ["plan_2024", "plan_2025"])
def test_a_browsers_print_reads_as_the_page_it_printed(stem):
    from ingest.pipeline import ingest_file
    from tests.conftest import SAMPLES

    page, printed = ingest_file(SAMPLES / f"{stem}.html"), ingest_file(SAMPLES / f"{stem}_chrome.pdf")
    diff = diff_plans(page, printed)
    assert not diff.has_differences, diff.without_unchanged().model_dump_json(indent=1)
    assert (printed.footnotes, printed.signatory, printed.warnings) == (page.footnotes, page.signatory, [])
