"""Every sample of the 2024 plan yields exactly the hand-written expected records."""

from __future__ import annotations

import pytest

from ingest.pipeline import ingest_file
from parsers.readers.office import find_soffice
from schemas.plan import CityDay, Event, Jubilee
from tests.conftest import SAMPLES

# sample id -> file. "docx-word" is the plan as Microsoft Word writes it (automatic
# numbers and bullets, split runs, proofing marks: samples/word/make_word_docx.py).
# The first two PDFs are printed from the DOCX, ruled and without
# ruling lines; "pdf-chrome" is the HTML printed by Chromium; "pdf-word-chrome" Word's
# "Web Page" printed by Chromium (samples/make_producer_html.py: the note's "[1]" raised
# at full size, a page of its own for the notes, 7-point filler after every number);
# the others straight from the source under other layouts
# (samples/make_samples.py VARIANTS): one plan, one expected JSON for all.
SAMPLE_FILES = {
    "text": "plan_2024.txt",
    "docx": "plan_2024.docx",
    "docx-word": "plan_2024_word.docx",
    "html": "plan_2024.html",
    "pdf": "plan_2024.pdf",
    "pdf-noborders": "plan_2024_noborders.pdf",
    "pdf-chrome": "plan_2024_chrome.pdf",
    "pdf-word-chrome": "plan_2024_word_chrome.pdf",
    "pdf-line": "plan_2024_line.pdf",
    "pdf-columns": "plan_2024_columns.pdf",
    "pdf-paras-noborder": "plan_2024_paras_noborder.pdf",
    "pdf-small-page": "plan_2024_small_page.pdf",
    # Word's DOCX with its borders off, printed by LibreOffice (samples/word/make_word_conversions.py):
    # rows as close as a cell's lines, list spacing between the annex rows, rows cut at breaks
    "pdf-word-noborders": "plan_2024_word_noborders.pdf",
    "pdf-word-noborders-line": "plan_2024_word_noborders_line.pdf",
    # the same DOCX saved as HTML by LibreOffice and printed by Chromium: no wrap spaces,
    # numbers set right; borders off with rows 1.7 em apart, and ruled with the annex as tables
    "pdf-word-chrome-noborders": "plan_2024_word_chrome_noborders.pdf",
    "pdf-word-chrome-tables": "plan_2024_word_chrome_tables.pdf",
    # the DOCX saved again by LibreOffice: read natively (ODT) or through LibreOffice (RTF, .doc)
    "odt": "plan_2024.odt",
    "fodt": "plan_2024.fodt",
    # Word's DOCX saved by LibreOffice as ODT: the № cells empty items of one continuing list
    "odt-word": "plan_2024_word.odt",
    "rtf": "plan_2024.rtf",
    "doc": "plan_2024.doc",
    # pandoc's GFM of the DOCX (samples/make_pandoc_samples.py): the event and annex tables
    # as raw HTML <table>; then, with the annex laid out as two tables, as pipe tables
    "markdown-pandoc": "plan_2024_pandoc.md",
    "markdown-pandoc-tables": "plan_2024_tables_pandoc.md",
    # pandoc's own Markdown (-t markdown): grid tables, ^1^ superscripts
    "markdown-pandoc-grid": "plan_2024_pandoc_markdown.md",
    # pandoc of Word's DOCX: numbered cells as empty <ol start> / "2." items; with the annex
    # as tables, pandoc's Markdown writes multiline tables
    "markdown-pandoc-word": "plan_2024_word_pandoc.md",
    "markdown-pandoc-word-grid": "plan_2024_word_pandoc_markdown.md",
    "markdown-pandoc-word-multiline": "plan_2024_word_tables_pandoc_markdown.md",
}
NEEDS_SOFFICE = {"rtf", "doc"}
RECORD_TABLES = {"events": Event, "jubilees": Jubilee, "city_days": CityDay}


@pytest.fixture(scope="module", params=sorted(SAMPLE_FILES))
def plan(request):
    path = SAMPLES / SAMPLE_FILES[request.param]
    if request.param in NEEDS_SOFFICE and find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    if not path.exists():
        pytest.fail(f"sample {path.name} is missing: run samples/make_samples.py")
    return ingest_file(path)


def comparable(record) -> dict:
    """A record as a dict, its source (file position) left aside."""
    return record.model_dump(mode="json", exclude={"source"})


def expected_records(expected: dict, table: str) -> list[dict]:
    """The expected records validated by the model, so defaults are filled in."""
    model = RECORD_TABLES[table]
    records = []
    for record in expected[table]:
        if model is Event:
            record = {**record, "source": {"row": 1}}
        records.append(comparable(model.model_validate(record)))
    return records


@pytest.mark.parametrize("table", sorted(RECORD_TABLES))
def test_records_equal_the_expected_json(plan, expected_2024, table):
    got = [comparable(record) for record in getattr(plan, table)]
    want = expected_records(expected_2024, table)
    assert len(got) == len(want)
    for got_record, want_record in zip(got, want):
        assert got_record == want_record


@pytest.mark.parametrize("field", ["title", "year", "footnotes", "signatory", "warnings"])
def test_plan_fields_equal_the_expected_json(plan, expected_2024, field):
    assert plan_field(plan, field) == expected_2024[field]


def plan_field(plan, field: str):
    """A plan's field as its JSON holds it."""
    value = getattr(plan, field)
    return [v.model_dump(mode="json") for v in value] if isinstance(value, list) else (
        value.model_dump(mode="json") if hasattr(value, "model_dump") else value)


def test_the_source_names_the_file_and_its_format(plan):
    assert plan.source.file in SAMPLE_FILES.values()
    suffix = plan.source.file.rsplit(".", 1)[-1]
    assert plan.source.format == {"txt": "text", "md": "markdown"}.get(suffix, suffix)
    assert len(plan.source.sha256) == 64


def test_event_rows_point_into_the_table(plan):
    rows = [event.source.row for event in plan.events]
    assert rows == sorted(rows) and rows[0] == 2  # the header is row 1
