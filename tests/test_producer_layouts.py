"""Word's and Google Docs' pages of the plan under other layouts read as Word's DOCX of the same layout.

samples/make_producer_html.py writes a samplekit Document (a plan under a Layout) as each
producer saves it, with the features a person adds in those programs (``Features``: a manual
page break before the annex, the number cell of an event cut by a page break merged down over
the row that carries it on, Word's annex in a two-column section, a column border Word's user
dragged in some rows only, so Word lays the table on a finer grid with colspans and its
<![if !supportMisalignedColumns]> row; places and dates rewritten with track changes on, as
<del> and <ins>; a reviewer's comments). The DOCX of the same layout
(samplekit/wordml.py) is read by another reader; the records must agree. The whole sweep
(every layout, year and producer) is ``make_producer_html.py --plan YEAR --every-layout``.
"""

from __future__ import annotations

import importlib
import sys

import pytest

from ingest.pipeline import ingest_file
from tests.conftest import SAMPLES
from tests.test_samples import RECORD_TABLES, comparable

sys.path.insert(0, str(SAMPLES))

import make_producer_html as producers  # noqa: E402
from samplekit.layout import every_layout, plan_document  # noqa: E402
from samplekit.wordml import render_docx  # noqa: E402

PRODUCERS = ("word", "word_filtered", "google_docs")
PACKED = ("plan_google_docs_zipped.zip", "plan_word_single_file.mht")
FEATURES = producers.Features(break_before_annex=True, merge_continued=True, annex_columns=True,
                              misaligned_columns=True, tracked_changes=True, comments=True)
CASES = [  # (year, layout, features)
    ("2024", "paragraphs_breaks_one_table_list_11", producers.Features()),
    ("2023", "columns_paragraphs_tables_list_00", producers.Features()),
    ("2025", "line_breaks_tables_typed_01", FEATURES),
    ("2024", "columns_breaks_one_table_list_10", FEATURES),
    ("2024", "paragraphs_paragraphs_one_table_typed_11",
     producers.Features(split_events=True, merge_continued=True)),
    # split before a section row, the second part repeating no header (the extractor's case)
    ("2025", "columns_breaks_tables_list_10", producers.Features(split_events=True)),
    ("2023", "line_paragraphs_one_table_typed_00", producers.Features(split_events=True)),
]


def records(plan) -> dict:
    found = {table: [comparable(r) for r in getattr(plan, table)] for table in RECORD_TABLES}
    found.update(title=plan.title, footnotes=plan.footnotes, signatory=plan.signatory, warnings=plan.warnings)
    return found


def test_the_committed_pages_are_the_writers_pages_of_the_2024_plan():
    pages = producers.producer_pages(importlib.import_module("plans.plan_2024").PLAN, "plan_2024")
    for name, data in pages.items():
        assert (SAMPLES / name).read_bytes() == data, name


@pytest.mark.parametrize("year, layout, features", CASES)
def test_each_producers_page_reads_as_the_docx_of_its_layout(tmp_path, year, layout, features):
    plan, chosen = importlib.import_module(f"plans.plan_{year}").PLAN, every_layout()[layout]
    docx = tmp_path / "plan.docx"
    docx.write_bytes(render_docx(plan_document(plan, chosen), " ".join(plan.title_lines)))
    want = records(ingest_file(docx))
    assert want["warnings"] == [] and len(want["events"]) > 10
    pages = producers.producer_pages(plan, "plan", chosen, chosen, features, verbatim=True,  # Word's lines
                                     packed=True)  # wrapped, Google's entities; the zip and the .mht too
    for producer in PRODUCERS:
        page = tmp_path / f"plan_{producer}.html"
        page.write_bytes(pages[f"plan_{producer}.html"])
        assert records(ingest_file(page)) == want, producer
        shown = pages[f"plan_{producer}.html"].decode("cp1251" if producer.startswith("word") else "utf-8")
        assert ("rowspan=2" in shown or 'rowspan="2"' in shown) == features.merge_continued
        assert ("page-break-before:always" in shown) == (features.break_before_annex or features.split_events)
        assert ("WordSection2" in shown) == (features.annex_columns and producer != "google_docs")
        assert ("<tr height=0>" in shown) == (features.misaligned_columns and producer != "google_docs")
        assert ("msoDel><del" in shown) == (features.tracked_changes and producer != "google_docs")
        assert ("class=msocomanchor" in shown or 'id="cmnt_ref1"' in shown) == features.comments
    for name in PACKED:
        packed = tmp_path / name
        packed.write_bytes(pages[name])
        assert records(ingest_file(packed)) == want, name


@pytest.mark.parametrize("charset", sorted(producers.WORD_CHARSETS))
def test_words_page_in_each_of_its_cyrillic_encodings_reads_as_the_docx(tmp_path, charset):
    """Word's "Web Options" -> Encoding: the page declares the charset by the name Word writes
    (x-mac-cyrillic for "Cyrillic (Mac)", unknown to Python by that name); so does its Single
    File Web Page's part ("unicode": UTF-16, its byte-order mark first)."""
    plan = importlib.import_module("plans.plan_2024").PLAN
    layout = every_layout()["line_paragraphs_one_table_list_11"]
    docx = tmp_path / "plan.docx"
    docx.write_bytes(render_docx(plan_document(plan, layout), " ".join(plan.title_lines)))
    want = records(ingest_file(docx))
    for filtered in (False, True):
        page = tmp_path / "plan.html"
        page.write_bytes(producers.WordPage(plan_document(plan, layout), filtered, "plan", charset=charset).page())
        assert f"charset={charset}".encode("ascii") in page.read_bytes().replace(b"\x00", b"")
        assert records(ingest_file(page)) == want, (charset, filtered)
        if not filtered:  # its "Single File Web Page": the part says the charset
            packed = tmp_path / "plan.mht"
            packed.write_bytes(producers.word_single_file(page.read_bytes(), "plan", charset))
            assert f'charset="{charset}"'.encode("ascii") in packed.read_bytes()
            assert records(ingest_file(packed)) == want, (charset, "mht")
