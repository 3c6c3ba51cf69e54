"""The 2024 plan as other producers write HTML equals the hand-written expected records.

samples/make_producer_html.py writes Word's full and filtered "Web Page" and a Google Docs
export, the Google Docs page zipped as its download gives it and Word's "Single File Web
Page" (.mht); LibreOffice's XHTML export is LibreOffice's own. Each is checked field by field
against tests/expected/plan_2024.json, as tests/test_samples.py checks the LibreOffice samples.
"""

from __future__ import annotations

import pytest

from ingest.pipeline import ingest_file
from parsers.blocks import Table
from parsers.readers.markup.html import read_html
from tests.conftest import SAMPLES
from tests import test_samples as samples_check  # the same field-by-field checks
from tests.test_samples import RECORD_TABLES

PRODUCER_SAMPLES = {
    "word": "plan_2024_word.html",
    "word-filtered": "plan_2024_word_filtered.html",
    "google-docs": "plan_2024_google_docs.html",
    "libreoffice-xhtml": "plan_2024_libreoffice.xhtml.html",
    "google-docs-zipped": "plan_2024_google_docs_zipped.zip",  # "Download -> Web page (.html, zipped)"
    "word-single-file": "plan_2024_word_single_file.mht",  # "Single File Web Page"
}
@pytest.fixture(scope="module", params=sorted(PRODUCER_SAMPLES))
def sample(request):
    path = SAMPLES / PRODUCER_SAMPLES[request.param]
    if not path.exists():
        pytest.fail(f"sample {path.name} is missing: run samples/make_producer_html.py")
    return path


@pytest.mark.parametrize("table", sorted(RECORD_TABLES))
def test_records_equal_the_expected_json(sample, expected_2024, table):
    samples_check.test_records_equal_the_expected_json(ingest_file(sample), expected_2024, table)


@pytest.mark.parametrize("field", ["title", "year", "footnotes", "signatory", "warnings"])
def test_plan_fields_equal_the_expected_json(sample, expected_2024, field):
    samples_check.test_plan_fields_equal_the_expected_json(ingest_file(sample), expected_2024, field)


@pytest.mark.parametrize("name", ["plan_2024_word.html", "plan_2024_word_filtered.html"])
def test_word_samples_number_column_is_drawn_not_stored(name):
    document = read_html((SAMPLES / name).read_bytes())
    events = next(block for block in document.blocks if isinstance(block, Table))
    numbers = [row.cells[0].blocks[0] for row in events.rows[1:] if len(row.cells) == 4 and row.cells[0].blocks]
    assert [p.text for p in numbers] == [""] * 19
    assert [p.list_label for p in numbers] == [f"{n}." for n in range(1, 20)]


def test_word_full_sample_is_windows_1251_as_word_saves_it():
    data = (SAMPLES / "plan_2024_word.html").read_bytes()
    assert b"charset=windows-1251" in data and b"xmlns:o=" in data and b"mso-list:Ignore" in data
    assert "Предложения".encode("cp1251") in data


# The years either side printed by Chromium from the producers' pages
# (samples/make_producer_html.py, PRINTED). Word's: the event table ends on the page where
# the annex table starts, their columns 1.5-3 pt apart. Google Docs' 2025 page: its white
# background painted as a box the size of the text area on page 2, and a word too long for
# its column ("взаимопонимание") overflowing it. A paragraph break in a cell that falls
# where a line would have wrapped anyway leaves no sign in the print's layout (no space
# between the paragraphs, no indent); Chromium's PDF is tagged, and its structure tree
# keeps each paragraph apart, so a title's paragraphs (``parts``) are read as the DOCX's.
@pytest.mark.parametrize("name", ["plan_2023_word_chrome.pdf", "plan_2025_word_chrome.pdf",
                                  "plan_2025_google_docs_chrome.pdf"])
def test_chromiums_print_of_a_producers_page_reads_as_the_docx(name):
    printed = ingest_file(SAMPLES / name)
    docx = ingest_file(SAMPLES / f"{name[:9]}.docx")
    for table in RECORD_TABLES:
        got = [record.model_dump(mode="json", exclude={"source"}) for record in getattr(printed, table)]
        want = [record.model_dump(mode="json", exclude={"source"}) for record in getattr(docx, table)]
        assert got == want
    assert (printed.title, printed.footnotes, printed.signatory, printed.warnings) == \
        (docx.title, docx.footnotes, docx.signatory, [])


# The 2025 plan as Word would write it with its borders off (place and date in columns, one
# table, auto-numbered), exported by LibreOffice as XHTML and printed by Chromium
# (samples/word/make_word_conversions.py): the event table's last page also holds the
# signature, set left of the table, and the annex rows, whose text falls inside the event
# table's columns but not at their edges; they are the annex, not more of the event table.
XHTML_PRINT = "plan_2025_word_xhtml_chrome_noborders.pdf"


def test_chromiums_print_of_libreoffices_xhtml_keeps_the_tables_after_a_signature_apart():
    printed = ingest_file(SAMPLES / XHTML_PRINT)
    docx = ingest_file(SAMPLES / "plan_2025.docx")
    place_date = [(event.number, event.place, event.date) for event in printed.events]
    assert place_date == [(event.number, event.place, event.date) for event in docx.events]
    assert (printed.jubilees, printed.city_days, printed.signatory) == (docx.jubilees, docx.city_days, docx.signatory)
    assert "row_unplaced" not in [warning.code for warning in printed.warnings]


def test_chromiums_print_of_libreoffices_xhtml_reads_labels_its_font_lacks_as_bullets():
    # LibreOffice's U+F0B7 labels, in a font without them, drawn over each item's first letters
    printed = ingest_file(SAMPLES / XHTML_PRINT)
    docx = ingest_file(SAMPLES / "plan_2025.docx")
    assert [event.items for event in printed.events] == [event.items for event in docx.events]
    assert [event.title for event in printed.events] == [event.title for event in docx.events]
    unread = [warning.message for warning in printed.warnings if warning.code == "glyph_unread"]
    assert unread and all("read as a bullet" in message for message in unread)


def test_chromiums_print_of_libreoffices_xhtml_reads_as_the_docx_paragraphs_and_all():
    # its cells' paragraphs have no spacing: where one ends at a line's natural end, only the
    # PDF's structure tree tells it from a wrap
    printed = ingest_file(SAMPLES / XHTML_PRINT)
    docx = ingest_file(SAMPLES / "plan_2025.docx")
    for table in RECORD_TABLES:
        got = [record.model_dump(mode="json", exclude={"source"}) for record in getattr(printed, table)]
        assert got == [record.model_dump(mode="json", exclude={"source"}) for record in getattr(docx, table)]
