"""Limits instead of exhaustion: each guard refuses its hostile input with a clear error,
before the resource it protects is spent; ordinary files pass every guard."""

from __future__ import annotations

import io
import random
import sys
import tracemalloc
import zipfile

import pytest

from parsers.errors import IngestError
from parsers.limits import (
    DEFAULT_LIMITS, MB, MEMORY_CEILING_MB, Limits, limits_from, memory_budget_mb, parse_size,
)
from ingest.pipeline import ingest_bytes, ingest_file
from parsers.readers.docx.reader import read_docx
from parsers.readers.markup.html import read_html
from parsers.readers.markup.text import read_text
from tests import hostile
from tests.conftest import SAMPLES
from tests.test_docx_reader import FOOTNOTES, footnote_ref, make_docx, p, r


def peak_memory(call) -> int:
    """The peak Python memory, in bytes, while ``call()`` runs (its IngestError caught)."""
    tracemalloc.start()
    try:
        call()
    except IngestError:
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


# ------------------------------------------------------------ zip packages

def test_a_zip_bomb_is_refused_before_it_is_inflated():
    bomb = hostile.zip_bomb_docx(100 * MB)
    with pytest.raises(IngestError, match=r"word/document\.xml .* to 100\.0 MB .*zip bomb"):
        read_docx(bomb)
    assert peak_memory(lambda: read_docx(bomb)) < 5 * MB  # inflating would take 100 MB


@pytest.mark.parametrize("limits, problem", [
    (Limits(max_unpacked_bytes=50_000), r"would unpack to .* over the 48\.8 KB limit"),
    (Limits(ratio_floor_bytes=0, max_compression_ratio=10), r"word/document\.xml .* over the 10x limit"),
    (Limits(max_zip_members=5), r"holds 11 files, over the 5 limit"),
    (Limits(max_input_bytes=1000), r"over the 1000 bytes limit"),
])
def test_each_package_limit_refuses_the_sample_when_set_below_it(limits, problem):
    with pytest.raises(IngestError, match=problem):
        read_docx(hostile.sample("docx"), limits)


def test_a_member_that_lies_about_its_size_is_refused_before_it_is_inflated():
    liar = hostile.docx_that_lies_about_its_size(200 * MB, declared=900 * 1024)
    with pytest.raises(IngestError, match=r"word/document\.xml in the DOCX holds more than the 900\.0 KB"):
        read_docx(liar)
    assert peak_memory(lambda: read_docx(liar)) < 5 * MB  # zipfile's read() inflates all 200 MB at once


def test_members_are_read_within_the_unpacked_limit():
    from parsers.readers.archive import read_member

    assert read_member(hostile.sample("docx"), "word/document.xml").startswith(b"<?xml")
    with pytest.raises(IngestError, match="unpacks to over 1.0 KB"):
        read_member(hostile.sample("docx"), "word/document.xml", Limits(max_unpacked_bytes=1024))
    with pytest.raises(IngestError, match="no word/missing.xml"):
        read_member(hostile.sample("docx"), "word/missing.xml")


def test_the_samples_pass_every_default_limit():
    for fmt in ("docx", "html", "txt"):
        assert len(ingest_bytes(hostile.sample(fmt), f"plan.{fmt}", DEFAULT_LIMITS).events) == 19


# ------------------------------------------------------------ XML entities

@pytest.fixture
def secret(tmp_path):
    """A local file a hostile document tries to pull in through an external entity."""
    path = tmp_path / "secret.txt"
    path.write_text("TOP-SECRET-CONTENT")
    return path


def test_docx_external_entity_is_refused_and_the_file_never_read(secret):
    with pytest.raises(IngestError, match="word/document.xml declares a DTD") as caught:
        read_docx(hostile.docx_with_entities(secret=secret))
    assert "TOP-SECRET" not in str(caught.value)


@pytest.mark.parametrize("laughs, problem", [
    (9, "refused: a part declares a DTD with entities"),  # 10**9 "lol"s: libxml2 stops it, refused alike
    (3, "word/document.xml declares a DTD"),  # 1,000: under libxml2's guard, refused by ours
])
def test_docx_billion_laughs_is_refused_without_expanding(laughs, problem):
    data = hostile.docx_with_entities(laughs=laughs)
    with pytest.raises(IngestError, match=problem):
        read_docx(data)
    assert peak_memory(lambda: read_docx(data)) < 5 * MB


@pytest.mark.parametrize("make, problem", [
    (lambda secret: hostile.fodt_with_entities(secret=secret), "the document declares a DTD"),
    (lambda secret: hostile.fodt_with_entities(laughs=3), "the document declares a DTD"),
    (lambda secret: hostile.fodt_with_entities(laughs=9), "the document declares a DTD"),
    (lambda secret: hostile.zipped({**hostile.members(hostile.sample("odt")),
                                    "content.xml": hostile.fodt_with_entities(secret=secret)}),
     "content.xml declares a DTD"),
])
def test_opendocument_entities_are_refused_and_the_file_never_read(secret, make, problem):
    data = make(secret)
    with pytest.raises(IngestError, match=problem) as caught:
        ingest_bytes(data, "plan.odt")
    assert "TOP-SECRET" not in str(caught.value)
    assert peak_memory(lambda: pytest.raises(IngestError, ingest_bytes, data, "plan.odt")) < 5 * MB


@pytest.mark.parametrize("laughs", [0, 9])
def test_html_entities_are_neither_resolved_nor_expanded(secret, laughs):
    plan = ingest_bytes(hostile.html_with_entities(secret=secret, laughs=laughs), "plan.html")
    text = plan.model_dump_json()
    assert "TOP-SECRET" not in text and "lollol" not in text
    assert len(plan.events) == 19


def test_entities_in_the_text_export_stay_text(secret):
    data = hostile.entity_doctype("x", secret, laughs=3).encode() + b"\n" + hostile.sample("txt")
    plan = ingest_bytes(data, "plan.txt")
    assert "TOP-SECRET" not in plan.model_dump_json() and len(plan.events) == 19


# ------------------------------------------------------------ numbers in attributes

HUGE = "9" * 5000  # int() refuses more than 4300 digits


@pytest.mark.parametrize("attribute", [HUGE, "1000000000", "²", "-3", ""])
def test_docx_grid_span_of_any_value_reads_without_exhausting_memory(attribute):
    cell = f'<w:tc><w:tcPr><w:gridSpan w:val="{attribute}"/></w:tcPr>{p(r("x"))}</w:tc>'
    data = make_docx(f"<w:tbl><w:tr>{cell}</w:tr></w:tbl>")
    assert peak_memory(lambda: read_docx(data)) < 5 * MB
    (table,) = read_docx(data).blocks
    assert 1 <= table.rows[0].cells[0].col_span <= 1000


@pytest.mark.parametrize("fmt", ["lowerRoman", "upperLetter", "chicago"])
def test_docx_note_numbering_start_is_bounded(fmt):
    settings = f'<w:footnotePr><w:numFmt w:val="{fmt}"/><w:numStart w:val="{HUGE}"/></w:footnotePr>'
    data = make_docx(p(r("x"), footnote_ref("1")), footnotes=FOOTNOTES, settings=settings)
    assert peak_memory(lambda: read_docx(data)) < 5 * MB
    (note,) = read_docx(data).footnotes
    assert len(note.marker) <= 10_000  # Word caps numStart at 32767; so do we


@pytest.mark.parametrize("ppr", [f'<w:outlineLvl w:val="{HUGE}"/>', '<w:outlineLvl w:val="²"/>',
                                 f'<w:numPr><w:ilvl w:val="{HUGE}"/><w:numId w:val="1"/></w:numPr>'])
def test_docx_odd_level_numbers_are_read_not_crashed_on(ppr):
    (paragraph,) = read_docx(make_docx(p(r("x"), ppr=ppr))).blocks
    assert paragraph.text == "x"


@pytest.mark.parametrize("span", [HUGE, "١٢", "-5", "2x"])
def test_html_span_of_any_value_is_read(span):
    page = f'<table><tr><td colspan="{span}" rowspan="{span}">x</td></tr></table>'.encode()
    (table,) = read_html(page).blocks
    assert 1 <= table.rows[0].cells[0].col_span <= 1000


def test_word_list_level_of_any_value_is_read():
    page = (f'<p class=MsoListParagraph style="mso-list:l0 level{HUGE} lfo1">x</p>'
            '<p style="mso-list:l0 level0 lfo1">y</p>').encode()
    assert [block.text for block in read_html(page).blocks] == ["x", "y"]


# ------------------------------------------------------------ size, cells, nesting, pages

def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as stream:
        stream.truncate(200 * MB)  # sparse: costs no disk
    assert peak_memory(lambda: ingest_file(path)) < 5 * MB
    with pytest.raises(IngestError, match=r"200\.0 MB, over the 50\.0 MB limit") as caught:
        ingest_file(path)
    assert caught.value.file == str(path)


@pytest.mark.parametrize("suffix", ["docx", "pdf", "html", "txt"])
def test_bytes_over_the_size_limit_are_refused_in_every_format(suffix):
    data = hostile.sample(suffix)
    with pytest.raises(IngestError, match=r"the file is .*, over the .* limit"):
        ingest_bytes(data, f"plan.{suffix}", Limits(max_input_bytes=len(data) - 1))


@pytest.fixture
def size_checks(monkeypatch):
    """The function that asked, each time the input size was checked."""
    callers = []
    check = Limits.check_input_size

    def spy(limits, size):
        callers.append(sys._getframe(1).f_code.co_name)
        return check(limits, size)

    monkeypatch.setattr(Limits, "check_input_size", spy)
    return callers


@pytest.mark.parametrize("suffix, reader", [("docx", "read_docx"), ("pdf", "read_pdf"), ("html", "read_html"),
                                            ("txt", "read_text")])
def test_the_size_is_checked_once_per_stage(size_checks, suffix, reader, tmp_path):
    path = tmp_path / f"plan.{suffix}"
    path.write_bytes(hostile.sample(suffix))
    ingest_file(path)
    assert size_checks == ["read_input", reader]  # the file as loaded, then the bytes the reader gets
    size_checks.clear()
    ingest_bytes(path.read_bytes(), path.name)
    assert size_checks == [reader]


@pytest.mark.parametrize("reader", [read_docx, read_html, read_text])
def test_each_reader_checks_the_size_when_called_directly(reader):
    with pytest.raises(IngestError, match="over the 10 bytes limit"):
        reader(b"x" * 11, Limits(max_input_bytes=10))


# The memory budget, as bench/memory.py measures it: a page read whole costs the most per MB.
def test_a_page_at_the_default_markup_limit_fits_the_memory_budget():
    assert memory_budget_mb(DEFAULT_LIMITS.max_markup_bytes) <= MEMORY_CEILING_MB
    assert DEFAULT_LIMITS.max_markup_bytes <= DEFAULT_LIMITS.max_input_bytes
    # the file limit alone would let a page past the ceiling: why markup has a limit of its own
    assert memory_budget_mb(DEFAULT_LIMITS.max_input_bytes) > MEMORY_CEILING_MB


@pytest.mark.parametrize("suffix, kind", [("html", "HTML page"), ("txt", "text file"), ("md", "Markdown file")])
def test_a_page_over_the_markup_limit_is_refused_in_every_markup_format(suffix, kind):
    data = (SAMPLES / ("plan_2024_pandoc.md" if suffix == "md" else f"plan_2024.{suffix}")).read_bytes()
    limits = Limits(max_markup_bytes=len(data) - 1)
    with pytest.raises(IngestError, match=rf"the {kind} is .*, over the .* limit for markup"):
        ingest_bytes(data, f"plan.{suffix}", limits)
    assert ingest_bytes(data, f"plan.{suffix}", Limits(max_markup_bytes=len(data))).events


def test_the_markup_limit_counts_the_xml_of_a_package_not_its_pictures():
    docx = hostile.sample("docx")
    with pytest.raises(IngestError, match=r"the XML of the DOCX is .*, over the 1\.0 KB limit for markup"):
        ingest_bytes(docx, "plan.docx", Limits(max_markup_bytes=1024))
    with pytest.raises(IngestError, match=r"the XML of the ODT is .*, over the 1\.0 KB limit for markup"):
        ingest_bytes((SAMPLES / "plan_2024.odt").read_bytes(), "plan.odt", Limits(max_markup_bytes=1024))
    # A picture of 2 MB beside the sample's XML: only the XML counts.
    source, buffer = zipfile.ZipFile(io.BytesIO(docx)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for member in source.infolist():
            package.writestr(member.filename, source.read(member))
        package.writestr("word/media/image1.png", random.Random(1).randbytes(2 * MB))
    parts = sum(member.file_size for member in source.infolist())  # every part of the sample is markup
    assert len(ingest_bytes(buffer.getvalue(), "plan.docx", Limits(max_markup_bytes=parts)).events) == 19


def _renamed(docx: bytes, old: str, new: str) -> bytes:
    """The package with part ``old`` stored as ``new``, its content type and relationship following."""
    source, buffer = zipfile.ZipFile(io.BytesIO(docx)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for member in source.infolist():
            data = source.read(member).replace(old.encode(), new.encode())
            data = data.replace(old.rsplit("/", 1)[-1].encode(), new.rsplit("/", 1)[-1].encode())
            package.writestr(new if member.filename == old else member.filename, data)
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["word/document.dat", "word/document.XML", "word/media/document.png"])
def test_a_part_named_to_look_like_no_xml_still_counts_as_markup(name):
    docx = hostile.sample("docx")
    size = zipfile.ZipFile(io.BytesIO(docx)).getinfo("word/document.xml").file_size
    renamed = _renamed(docx, "word/document.xml", name)
    with pytest.raises(IngestError, match=r"the XML of the DOCX is .*, over the .* limit for markup"):
        ingest_bytes(renamed, "plan.docx", Limits(max_markup_bytes=size))


def test_the_markup_limit_leaves_a_pdf_alone():
    assert ingest_bytes(hostile.sample("pdf"), "plan.pdf", Limits(max_markup_bytes=10)).events


def test_too_many_table_cells_are_refused():
    with pytest.raises(IngestError, match=r"span \d+ grid cells .*, over the 10 cell limit"):
        ingest_bytes(hostile.sample("txt"), "plan.txt", Limits(max_table_cells=10))


def grid_table(*rows: list[tuple[int, int]]):
    """A table of rows of (row span, column span) cells."""
    from parsers.blocks import Cell, Row, Table

    return Table(tuple(Row(tuple(Cell((), row_span=r, col_span=c) for r, c in row)) for row in rows))


@pytest.mark.parametrize("rows, cells", [
    ([[(1, 1), (1, 1)], [(1, 1), (1, 1)]], 4),
    ([[(2, 1), (1, 1)], [(1, 1)]], 4),  # merged down: counted in both rows
    ([[(1, 3)], [(1, 1)]], 4),  # merged across: counted in every column
    ([[(65534, 1)], [], []], 3),  # a span past the last row ends there
    ([[(0, 0)]], 1),  # a span of zero is one, as browsers read it
])
def test_a_table_spans_its_grid_cells(rows, cells):
    from parsers.plan.grid import grid_cells

    assert grid_cells(grid_table(*rows)) == cells


def test_merged_cells_amplified_past_the_cell_limit_are_refused_before_the_grid_is_built():
    page = hostile.html_of_tall_merged_cells(2000, 65534)
    assert len(page) < 1 * MB
    with pytest.raises(IngestError, match=r"span 131070000 grid cells"):
        ingest_bytes(page, "tall.html")
    assert peak_memory(lambda: ingest_bytes(page, "tall.html")) < 150 * MB  # the grid took 11 GB


@pytest.mark.parametrize("depth, refused", [(240, False), (260, True), (100_000, True)])
def test_html_nesting_is_refused_past_the_limit(depth, refused):
    data = hostile.deep_html(depth, inner="<p>deep</p>")
    if refused:
        with pytest.raises(IngestError, match="nests elements more than 250 deep"):
            read_html(data)
    else:
        assert [block.text for block in read_html(data).blocks] == ["deep"]


def test_nesting_in_a_text_export_cell_is_refused():
    row = "1.\t" + "<b>" * 300 + "Сессия" + "\tМосква май\tОрганизатор: МАГ\n"
    data = ("№ п/п\tМероприятия\tМесто, дата\tПримечание\n" + row).encode()
    with pytest.raises(IngestError, match="nests elements"):
        read_text(data)


def test_a_pdf_over_the_page_limit_is_refused():
    with pytest.raises(IngestError, match="page limit"):
        ingest_bytes(hostile.sample("pdf"), "plan.pdf", Limits(max_pages=1))


# ------------------------------------------------------------ time

def slow_clock(monkeypatch):
    """Make every clock read ten seconds later than the one before."""
    clock = iter(range(0, 1_000_000, 10))
    monkeypatch.setattr("parsers.limits.time.monotonic", lambda: next(clock))


@pytest.mark.parametrize("fmt, where", [("pdf", "page 1"), ("docx", "a table row"),
                                        ("html", "the end of reading")])
def test_a_document_past_its_time_budget_ends_with_one_error(fmt, where, monkeypatch):
    slow_clock(monkeypatch)
    with pytest.raises(IngestError, match=rf"still reading after 5 s, the time limit, at {where} .*MAG_PLAN_MAX_SECONDS"):
        ingest_bytes(hostile.sample(fmt), f"plan.{fmt}", Limits(max_seconds=5))


def test_the_extractor_checks_the_time_budget_row_by_row(monkeypatch):
    from ingest.pipeline import plan_from_document, read_document
    from parsers.limits import time_budget
    from schemas.plan import Source

    document = read_document(hostile.sample("docx"), "docx")
    slow_clock(monkeypatch)
    with time_budget(Limits(max_seconds=5)), pytest.raises(IngestError, match=r"at table row 1 "):
        plan_from_document(document, Source(file="plan.docx", format="docx", sha256="0" * 64))


def test_the_default_time_budget_reads_the_samples():
    from parsers.limits import check_time, time_budget

    with time_budget(Limits(max_seconds=1000)):
        assert len(ingest_bytes(hostile.sample("pdf"), "plan.pdf", Limits(max_seconds=0.001)).events) == 19
        check_time("an outer budget is kept")  # the inner, tiny one was not started


def test_the_time_budget_is_set_from_the_environment():
    assert limits_from({"MAG_PLAN_MAX_SECONDS": "2.5"}).max_seconds == 2.5
    with pytest.raises(IngestError, match="MAG_PLAN_MAX_SECONDS: not a positive number"):
        limits_from({"MAG_PLAN_MAX_SECONDS": "0"})


# ------------------------------------------------------------ setting the limits

@pytest.mark.parametrize("text, size", [
    ("5000000", 5_000_000), ("200k", 200 * 1024), ("50M", 50 * MB), ("1.5G", int(1.5 * 1024 ** 3)),
    ("50MB", 50 * MB), ("64 KiB", 64 * 1024),
])
def test_sizes_are_written_with_binary_units(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "M", "-5M", "5T", "lots"])
def test_malformed_sizes_are_refused(text):
    with pytest.raises(ValueError, match="not a size"):
        parse_size(text)


def test_flags_override_the_environment_which_overrides_the_defaults():
    environ = {"MAG_PLAN_MAX_SIZE": "1M", "MAG_PLAN_MAX_PAGES": "7"}
    assert limits_from(environ) == Limits(max_input_bytes=MB, max_markup_bytes=MB, max_pages=7)
    assert limits_from(environ, max_input_bytes=2 * MB, max_pages=None) == Limits(
        max_input_bytes=2 * MB, max_markup_bytes=2 * MB, max_pages=7)
    assert limits_from({}) == DEFAULT_LIMITS


def test_the_size_a_person_sets_is_every_formats_but_the_library_keeps_them_apart():
    assert limits_from({}, max_input_bytes=200 * MB).max_markup_bytes == 200 * MB
    assert limits_from({}, max_input_bytes=200 * MB, max_markup_bytes=MB).max_markup_bytes == MB
    assert Limits(max_input_bytes=200 * MB).max_markup_bytes == DEFAULT_LIMITS.max_markup_bytes


def test_a_malformed_environment_value_names_the_variable():
    with pytest.raises(IngestError, match="MAG_PLAN_MAX_PAGES"):
        limits_from({"MAG_PLAN_MAX_PAGES": "many"})
