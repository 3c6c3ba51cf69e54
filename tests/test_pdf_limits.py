"""PDF limits enforced before the work: stream bombs stop where they are decoded, page
counts come from the page tree, a page of thousands of rules is refused before the
quadratic table search. Each hostile PDF is written object by object (tests/hostile.py)."""

from __future__ import annotations

import re

import time
import zlib

import pytest

from ingest.pipeline import ingest_bytes
from parsers.errors import IngestError
from parsers.limits import MB, Limits
from parsers.readers.pdf.reader import read_pdf
from parsers.readers.pdf.streams import StreamTooLarge, inflate
from tests import hostile
from tests.test_limits import peak_memory


@pytest.mark.parametrize("inflated, rounds", [(256 * MB, 2), (100 * MB, 1)])
def test_a_stream_bomb_is_refused_while_it_is_decoded(inflated, rounds):
    bomb = hostile.pdf_stream_bomb(inflated, rounds)
    assert len(bomb) < 1 * MB
    with pytest.raises(IngestError, match=r"stream in the PDF \(object 4\) decodes to over 32\.0 MB .*bomb"):
        read_pdf(bomb)
    assert peak_memory(lambda: read_pdf(bomb)) < 80 * MB  # decoding it all takes 100 or 256 MB


def test_the_streams_of_a_document_are_bounded_together():
    with pytest.raises(IngestError, match=r"streams decode to over 1\.0 KB together"):
        read_pdf(hostile.sample("pdf"), limits=Limits(max_decoded_bytes=1024))


def test_streams_within_the_limits_read_as_before():
    contents = hostile.stream_object(hostile.PAGE_TEXT, ("FlateDecode", "FlateDecode"))
    assert [block.text for block in read_pdf(hostile.one_page_pdf(contents)).blocks] == ["Plan 2024"]
    assert len(ingest_bytes(hostile.sample("pdf"), "plan.pdf").events) == 19


@pytest.mark.parametrize("data, expected", [
    (zlib.compress(b"abc" * 1000), b"abc" * 1000),
    (zlib.compress(b"abc" * 1000)[:-3], b"abc" * 1000),  # a damaged checksum keeps the text
    (b"not zlib at all", b""),
])
def test_inflate_keeps_what_a_damaged_stream_holds(data, expected):
    assert inflate(data, 10_000) == expected


def test_inflate_stops_past_its_room():
    with pytest.raises(StreamTooLarge):
        inflate(zlib.compress(bytes(10 * MB)), 1 * MB)


@pytest.mark.parametrize("pages, count, problem", [
    (3000, None, "has 3000 pages, over the 2000 page limit"),
    (10, 1_000_000, "has 1000000 pages, over the 2000 page limit"),
    (3000, 1, "has over 2000 pages, over the 2000 page limit"),  # the root's /Count lies
])
def test_the_page_count_comes_from_the_page_tree(pages, count, problem):
    with pytest.raises(IngestError, match=problem):
        read_pdf(hostile.pdf_of_many_pages(pages, count))


def test_a_million_pages_are_refused_at_once():
    data = hostile.pdf_of_many_pages(5000, 1_000_000)
    started = time.perf_counter()
    with pytest.raises(IngestError, match="page limit"):
        read_pdf(data, limits=Limits(max_pages=10))
    assert time.perf_counter() - started < 5  # building 5000 pages takes longer; generous for CI


def test_a_page_without_a_media_box_is_one_error():
    data = hostile.one_page_pdf(hostile.stream_object(hostile.PAGE_TEXT), media_box=b"")
    with pytest.raises(IngestError, match="damaged PDF: page 1 has no MediaBox"):
        read_pdf(data)


@pytest.mark.parametrize("attribute", [b"/CropBox [0 0 1]", b"/Rotate (x)", b"/CropBox [/A 0 1 1]"])
def test_a_page_whose_crop_box_or_rotation_cannot_be_read_is_one_error(attribute):
    data = hostile.one_page_pdf(hostile.stream_object(hostile.PAGE_TEXT),
                                media_box=b"/MediaBox [0 0 595 842] " + attribute)
    with pytest.raises(IngestError, match=r"^damaged PDF: "):
        read_pdf(data)


@pytest.mark.parametrize("media_box, problem", [
    (b"/MediaBox [0 0 595]", "page 1's MediaBox (its page size) is not four numbers"),  # pdfplumber: IndexError
    (b"/MediaBox [/Zero 0 595 842]", "page 1 cannot be read"),  # pdfminer: TypeError on the keyword
    (b"/MediaBox [(a) 0 595 842]", "page 1's MediaBox (its page size) is not four numbers"),
    (b"/MediaBox 595", "page 1 cannot be read: its size (MediaBox)"),
])
def test_a_page_whose_media_box_is_not_four_numbers_is_one_error(media_box, problem):
    data = hostile.one_page_pdf(hostile.stream_object(hostile.PAGE_TEXT), media_box=media_box)
    with pytest.raises(IngestError, match=re.escape("damaged PDF: " + problem)):
        read_pdf(data)


def test_a_page_of_thousands_of_tiny_tables_is_refused_before_the_table_search():
    with pytest.raises(IngestError, match=r"page 1 of the PDF draws 13000 rule segments, over the 5000 limit"):
        read_pdf(hostile.pdf_of_tiny_tables(3250))
    with pytest.raises(IngestError, match="no event table"):  # a few hundred are read
        ingest_bytes(hostile.pdf_of_tiny_tables(300), "tiny.pdf")


def test_thousands_of_list_labels_at_one_place_are_grouped_in_linear_time(monkeypatch):
    # Each run is compared with the groups on the shelves beside its text's start (one or two),
    # not with every group opening at its place: counted as the comparisons of text starts.
    from parsers.readers.pdf import labels
    from parsers.readers.pdf.joins import bullet_of

    pairs = 3000
    containers = hostile.label_runs_at_one_place(pairs)
    compared = []
    monkeypatch.setattr(labels, "abs", lambda value: compared.append(value) or (value if value >= 0 else -value),
                        raising=False)
    assert labels.read_labels(containers) == {1: 2 * 2 * pairs}  # two glyphs in each of the 6,000 labels
    assert all(bullet_of(line) == labels.BULLET for line in containers[0])
    assert len(compared) <= 10 * 2 * pairs
