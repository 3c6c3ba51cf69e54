"""Scanned plans read through OCR: detection, the engine's absence, bombs, repairs, confidence.

Each OCR test reads one page (a few seconds); nothing is cached across tests.
"""

from __future__ import annotations

import io
import struct
import zlib

import pytest

from ingest.detect import detect_format
from ingest.pipeline import ingest_bytes
from parsers.errors import IngestError, NotADocument
from parsers.limits import Limits
from parsers.readers.scan import repair
from parsers.readers.scan.engine import Word
from tests.conftest import OCR_MISSING, OCR_READY, SAMPLES

SCANS = SAMPLES / "scans"
needs_ocr = pytest.mark.skipif(not OCR_READY, reason=f"OCR not installed: {OCR_MISSING}")


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header declares ``width`` x ``height`` pixels and whose data is tiny."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + \
        chunk(b"IEND", b"")


@pytest.mark.parametrize("data, fmt", [
    (b"\x89PNG\r\n\x1a\n" + bytes(16), "image"),
    (b"\xff\xd8\xff\xe0" + bytes(16), "image"),
    (b"II*\x00" + bytes(16), "image"),
    (b"MM\x00*" + bytes(16), "image"),
])
def test_images_are_detected_from_their_bytes(data, fmt):
    assert detect_format(data) == fmt


@needs_ocr
def test_a_decompression_bomb_is_refused_before_decoding():
    bomb = png_header(60_000, 60_000)  # 3.6 billion pixels declared in a few bytes
    with pytest.raises(IngestError, match=r"refused: .*decompression bomb"):
        ingest_bytes(bomb, "bomb.png")


@needs_ocr
@pytest.mark.parametrize("size", [(1, 1), (1, 2000), (150, 150)])
def test_an_image_too_small_to_hold_text_is_one_error(size):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", size, 255).save(buffer, "PNG")
    with pytest.raises(IngestError, match=rf"page 1 of the image is {size[0]} x {size[1]} pixels: too small"):
        ingest_bytes(buffer.getvalue(), "tiny.png")


@needs_ocr
def test_the_pixel_limit_is_a_setting():
    with pytest.raises(IngestError, match="over the 1 million limit"):
        ingest_bytes(png_header(2000, 2000), "big.png", limits=Limits(max_image_pixels=1_000_000))


def test_without_the_engine_a_scan_gets_one_line_saying_what_to_install(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "tesserocr", None)  # "import tesserocr" now fails
    data = (SCANS / "plan_2024_150dpi.pdf").read_bytes()
    with pytest.raises(IngestError) as error:
        ingest_bytes(data, "scan.pdf")
    message = str(error.value)
    assert message.startswith("no text layer (a scanned image): reading it needs OCR")
    assert "pip install 'mag-plan[ocr]'" in message and "tesseract-ocr-rus" in message and "\n" not in message
    with pytest.raises(NotADocument, match="an image: reading it needs OCR"):
        ingest_bytes((SCANS / "plan_2024_200dpi.png").read_bytes(), "scan.png")


def test_missing_russian_data_is_reported(monkeypatch, tmp_path):
    from parsers.readers.scan import engine

    monkeypatch.setattr(engine, "TESSDATA_DIRS", (str(tmp_path),))
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    problem = engine.missing_engine()
    assert problem is not None and "tesseract-ocr-rus" in problem


def word(text: str, x0: int = 0) -> Word:
    return Word(text, x0, 0, x0 + 10 * len(text), 20, 95.0, 0, ())


@pytest.mark.parametrize("words, expected", [
    (["ХУП", "Международный", "конгресс"], ["XVII", "Международный", "конгресс"]),
    (["УШ", "международный"], ["VIII", "международный"]),
    (["ХХХ", "сессия"], ["XXX", "сессия"]),
    (["ХП", "конкурса"], ["XII", "конкурса"]),
    (["ХП", "Москва"], ["ХП", "Москва"]),          # no ordinal word after it: left as read
    (["МАГ", "сессия"], ["МАГ", "сессия"]),        # not a numeral
    (["№", "пт"], ["№", "п/п"]),
    (["№", "n/n"], ["№", "п/п"]),
    (["Ne", "n/n"], ["№", "п/п"]),
    (["Ne", "Москва"], ["Ne", "Москва"]),
    (["OKMO", "и", "АГП"], ["ОКМО", "и", "АГП"]),    # Latin twins in Russian text
    (["XVII", "Международный"], ["XVII", "Международный"]),  # a Roman numeral stays Latin
    (["CD", "версией"], ["CD", "версией"]),         # D has no Cyrillic twin
    (["no", "отдельному", "графику"], ["по", "отдельному", "графику"]),  # a serif "п" read as "n"
    (["Форум", "Open", "Innovations"], ["Форум", "Open", "Innovations"]),  # English: an "n" stays Latin
    (["Ocean", "Форум"], ["Ocean", "Форум"]),
    (["one", "Форум"], ["one", "Форум"]),
    (["online", "конференция"], ["online", "конференция"]),  # l and i have no Cyrillic twin
    (["З1октябрь-"], ["31октябрь-"]),
    (["информационно—"], ["информационно-"]),
])
def test_misreadings_are_repaired_only_in_context(words, expected):
    fixed, repairs = repair.region_words([word(text, i * 100) for i, text in enumerate(words)])
    assert [w.text for w in fixed] == expected
    assert bool(repairs) == (words != expected) or words[-1].endswith("—")


@pytest.mark.parametrize("read, page, expected", [
    (["nopa", "МАГ"], ["Пора МАГ в Москве"], "пора"),  # the page has the word in Cyrillic
    (["nopa", "МАГ"], ["Москва МАГ"], "nopa"),         # it has not: as read
    (["one", "МАГ"], ["Москва МАГ"], "one"),
    (["no", "МАГ"], ["Москва МАГ"], "по"),             # a short word: "по"
])
def test_a_word_with_a_latin_n_is_cyrillic_only_when_short_or_found_so_on_the_page(read, page, expected):
    fixed, repairs = repair.region_words([word(text, i * 100) for i, text in enumerate(read)],
                                         page=repair.page_words(page + read))
    assert fixed[0].text == expected and bool(repairs) == (expected != read[0])


@pytest.mark.parametrize("text, marker", [("¹", "1"), ("'", "1"), ("!", "1"), ("2", "2"), ("*", "*"),
                                          ('"', None), ("«", None)])
def test_a_raised_character_is_a_marker_only_when_it_can_be_one(text, marker):
    assert repair.marker_text(text) == marker


@needs_ocr
@pytest.mark.parametrize("name", ["plan_2024_200dpi.png", "plan_2024_photo.jpg"])
def test_an_image_page_is_read_into_the_event_table_with_ocr_in_the_source(name):
    plan = ingest_bytes((SCANS / name).read_bytes(), name)
    assert plan.source.format == "image" and plan.source.ocr.startswith("tesseract")
    assert plan.year == 2024
    assert [event.number for event in plan.events] == list(range(1, 13))
    places = {event.place for event in plan.events}
    assert {"Москва", "Новосибирск", "Санкт-Петербург", "Хабаровск", "Волгоград"} <= places
    titles = " ".join(event.title for event in plan.events)
    assert "XXX сессия МАГ" in titles and "XVII Международный конгресс" in titles


@needs_ocr
def test_the_photo_s_slanting_rules_are_not_read_as_text():
    from parsers.blocks import Table
    from parsers.readers.scan.reader import read_image

    # The photo's perspective leaves its rules slanting into the edge of a cell's crop.
    document = read_image((SCANS / "plan_2024_photo.jpg").read_bytes())
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert [cell.text for cell in table.rows[0].cells] == ["№ п/п", "Мероприятия", "Место, дата", "Примечание"]
    assert [row.cells[0].text for row in table.rows[1:]] == [f"{n}." for n in range(1, 13)]
    assert not [cell.text for row in table.rows for cell in row.cells if "|" in cell.text]


@pytest.mark.parametrize("declared, width, height, dpi", [
    (200, 1654, 2339, 200),   # a scanner says what it scanned at
    (300, 2480, 3508, 300),
    (72, 1654, 2339, 200),    # a camera's 72 dpi would make a 32-inch sheet: an A4 photo
    (0, 2339, 1654, 200),     # none declared, a landscape sheet
    (72, 600, 850, 72),       # a small image at 72 dpi is a plausible sheet
    (96, 1600, 1200, 96),
])
def test_an_image_s_resolution_is_its_declared_one_unless_the_sheet_would_be_implausible(declared, width,
                                                                                         height, dpi):
    from parsers.readers.scan.image import image_dpi

    assert image_dpi(declared, width, height) == dpi


def test_unevenly_lit_paper_is_evened_out_before_the_threshold():
    import numpy as np
    from PIL import Image

    from parsers.readers.scan.image import binarise

    # Paper lit from 235 on the left down to 105 on the right, with strokes 40 % as bright as
    # their paper: the right's paper is darker than the left's ink, so no one threshold parts them.
    height, width = 400, 1200
    light = np.linspace(235, 105, width, dtype=np.float32)[None, :].repeat(height, axis=0)
    strokes = np.zeros((height, width), dtype=bool)
    for x in range(20, width - 20, 60):
        strokes[100:300, x:x + 6] = True
    pixels = np.where(strokes, light * 0.4, light).astype(np.uint8)
    ink = binarise(Image.fromarray(pixels, "L"), 200) > 0
    assert (ink == strokes).mean() > 0.99
    assert ink[strokes].mean() > 0.95 and not ink[~strokes].mean() > 0.01


@needs_ocr
def test_a_doubtful_cell_is_a_warning_naming_page_and_row():
    from parsers.readers.scan.reader import DEFAULT_SCAN_SETTINGS, ScanSettings, read_image

    data = (SCANS / "plan_2024_200dpi.png").read_bytes()
    strict = ScanSettings(confidence_threshold=99.5)  # every cell is then doubtful
    document = read_image(data, settings=strict)
    doubtful = [w for w in document.warnings if w.code == "ocr_doubtful"]
    assert doubtful and all(w.where.startswith("page 1") for w in doubtful)
    assert any(", row " in w.where for w in doubtful)
    assert DEFAULT_SCAN_SETTINGS.confidence_threshold == 60.0  # documented in the README


@needs_ocr
@pytest.mark.parametrize("name", ["plan_2024_200dpi.pdf", "plan_2024_200dpi.tif"])
def test_the_page_limit_applies_before_any_page_is_rendered_or_decoded(name, monkeypatch):
    from parsers.readers.scan import image

    monkeypatch.setattr(image, "to_grey", lambda page: pytest.fail("a page was decoded"))
    with pytest.raises(IngestError, match="3 pages, over the 2 page limit"):
        ingest_bytes((SCANS / name).read_bytes(), name, limits=Limits(max_pages=2))


@needs_ocr
def test_a_page_upside_down_is_told_by_osd():
    from PIL import Image

    from parsers.readers.scan.engine import Engine

    page = Image.open(SCANS / "plan_2024_200dpi.png").convert("L")
    with Engine() as engine:
        assert engine.orientation(page) == 0
        assert engine.orientation(page.rotate(180)) == 180


def test_coloured_ink_fades_to_paper_and_black_print_stays():
    from PIL import Image

    from parsers.readers.scan.image import to_grey

    pixels = [(20, 20, 25), (40, 70, 190), (62, 63, 156), (200, 40, 40), (244, 244, 244)]
    image = Image.new("RGB", (len(pixels), 1))
    image.putdata(pixels)
    grey = to_grey(image)
    assert [grey.getpixel((x, 0)) for x in range(len(pixels))] == [25, 255, 255, 255, 244]


@needs_ocr
def test_a_cell_with_marks_but_no_text_read_is_a_warning_not_a_silent_blank():
    from itertools import islice

    from parsers.readers.scan.image import render_pdf_pages
    from parsers.readers.scan.reader import read_page_images

    # Page 2 of the 150 dpi scan: Tesseract reads nothing in the cell "ежеквартал." (row 8).
    page = next(islice(render_pdf_pages((SCANS / "plan_2024_150dpi.pdf").read_bytes()), 1, None))
    document = read_page_images([page])
    unread = [w for w in document.warnings if w.code == "ocr_unread"]
    assert [w.where for w in unread] == ["page 2, row 8"]


@needs_ocr
def test_a_page_scanned_on_its_side_is_turned_and_read():
    from PIL import Image

    from parsers.readers.scan.reader import read_image

    page = Image.open(SCANS / "plan_2024_200dpi.png").convert("L").rotate(90, expand=True)
    stream = io.BytesIO()
    page.save(stream, "PNG")
    document = read_image(stream.getvalue())
    table = next(block for block in document.blocks if hasattr(block, "rows"))
    assert len(table.rows) == 13 and table.rows[1].cells[1].text.startswith("XXX сессия МАГ")


def _line(top: float, words: list[tuple[float, str]], size: float = 12.0):
    """A recognised line: each word at its left edge, 6 pt a letter, a space glyph between words."""
    from parsers.readers.pdf.lines import Glyph, make_line

    glyphs = []
    for x, text in words:
        if glyphs:
            glyphs.append(Glyph(" ", glyphs[-1].x1, x, top, top + size, size))
        glyphs.extend(Glyph(ch, x + 6 * i, x + 6 * (i + 1), top, top + size, size) for i, ch in enumerate(text))
    return make_line(glyphs)


@needs_ocr
def test_a_scan_whose_page_pdfminer_cannot_parse_is_one_error():
    """A damaged page drawing ("<< /a 1 /b >>", a dictionary of an odd count) breaks pdfminer
    where the page's images are looked for, to choose the resolution to render it at."""
    from PIL import Image

    from parsers.readers.scan.image import render_pdf_pages

    buffer = io.BytesIO()
    Image.new("L", (400, 560), 255).save(buffer, "PDF", resolution=50)
    drawing = b"q 576.000000 0 0 806.400000 0 0 cm /image Do Q\n"
    damaged = buffer.getvalue().replace(drawing, b"<< /a 1 /b >>".ljust(len(drawing), b" "))
    with pytest.raises(IngestError, match=r"^damaged PDF: page 1: Invalid dictionary construct"):
        list(render_pdf_pages(damaged))


def test_a_scan_whose_page_pdfium_cannot_render_is_one_error(monkeypatch):
    """pypdfium2 refusing a damaged page as pdfplumber renders it (its PdfiumError, here raised
    by a stand-in for the render) is the damaged-PDF error naming the page, not a traceback."""
    import pdfplumber.page
    from PIL import Image
    from pypdfium2 import PdfiumError

    from parsers.readers.scan.image import render_pdf_pages

    def refuse(page, *args, **kwargs):
        raise PdfiumError("Failed to load page.")

    buffer = io.BytesIO()
    Image.new("L", (400, 560), 255).save(buffer, "PDF", resolution=50)
    monkeypatch.setattr(pdfplumber.page.Page, "to_image", refuse)
    with pytest.raises(IngestError, match=r"^damaged PDF: page 1: Failed to load page\.$"):
        list(render_pdf_pages(buffer.getvalue()))


@pytest.mark.parametrize("above, below, short_by, kind", [
    # a word cut at a cell's edge: its ink and its rest's first letter's end 0.4-1.1 pt short of
    # the edge in the narrow-column scans ("отдельном" + "у", "Организатор" + "ы:"), their
    # advances past it: glued back
    ("отдельном", "у графику", 0.5, "glue"),
    ("Организатор", "ы: МАГ", 1.5, "glue"),
    # as far short as a whole word's wrap leaves it: two words
    ("отдельном", "у графику", 3.0, "space"),
])
def test_a_word_cut_at_a_cell_s_edge_is_glued_back_though_its_ink_ends_short_of_it(above, below, short_by, kind):
    from parsers.readers.pdf.joins import join_kind
    from parsers.readers.pdf.lines import Frame
    from parsers.readers.scan.reader import DEFAULT_SCAN_SETTINGS

    cut = _line(0, [(0, above)])
    frame = Frame(0.0, cut.x1 + 6 + short_by)  # 6 pt: the first letter below
    assert join_kind(cut, _line(14, [(0, below)]), frame, DEFAULT_SCAN_SETTINGS.pdf) == kind


@pytest.mark.parametrize("text, height, misread", [
    ("NOCTOAHH", 15, True),    # "постоянн" filling a narrow column, as tall as small letters
    ("MOCTOAHH.", 15, True),
    ("EXPO", 22, False),       # Latin capitals as tall as the page's capitals
    ("XVII", 15, False),       # a Roman numeral stays a numeral
    ("CD", 15, False),         # too short to tell
    ("Open", 15, False),       # not all capitals
    ("ПОСТОЯНН", 15, False),   # Cyrillic: the small-capitals repair's
])
def test_a_word_in_latin_capitals_as_tall_as_small_letters_is_a_misreading(text, height, misread):
    word = Word(text, 0, 0, 14 * len(text), height, 90.0, 0, ())
    assert repair.is_latin_small_misread(word, cap=22.0) is misread


@needs_ocr
def test_a_word_read_in_latin_capitals_as_tall_as_small_letters_is_read_again_in_russian():
    """A word filling a narrow date column, as LibreOffice cuts it ("постоянн" / "о"),
    which Tesseract reads in Latin capitals at any size ("MOCTOAHH", 85 %)."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    from parsers.readers.scan.engine import Engine
    from parsers.readers.scan.reader import DEFAULT_SCAN_SETTINGS, in_russian

    cell = Image.new("L", (300, 140), 255)
    draw, font = ImageDraw.Draw(cell), ImageFont.truetype(LIBERATION_SERIF, 33)
    draw.text((20, 20), "постоянн", font=font, fill=0)
    draw.text((20, 58), "о", font=font, fill=0)
    cell = cell.filter(ImageFilter.GaussianBlur(0.8)).point(lambda value: 255 if value > 140 else 0)
    repairs = []
    with Engine() as engine:
        words = in_russian(engine.read(cell, psm=6, dpi=200), cell, 0, 0, engine, 200, 22.0,
                           DEFAULT_SCAN_SETTINGS, repairs)
    letters = [ch.lower() for word in words for ch in word.text if ch.isalpha()]
    assert letters and all("а" <= ch <= "я" for ch in letters)
    assert all(raw.isascii() for raw, _ in repairs)  # the raw reading is kept


class _Rereads:
    """An engine whose reading in Russian alone gives ``text`` at ``confidence``."""

    def __init__(self, text, confidence):
        self.text, self.confidence = text, confidence

    def read(self, image, psm=6, dpi=300, first=False):
        assert first
        return [Word(self.text, 8, 8, 120, 23, self.confidence, 0, ())] if self.text else []


@pytest.mark.parametrize("raw, again, want", [
    # "постоянн" filling a narrow column: read again less sure (64 % to 91 % in the narrow-column
    # scans), in small letters or with capitals shaped as the small ones, taken in small letters
    ("NOCTOAHH", ("постоянн", 64.0), "постоянн"),
    ("NOCTOAHH", ("ПОСТОяНН", 37.0), "постоянн"),
    ("MOCTOAHH.", ("постоянн.", 60.0), "постоянн."),
    # no letters
    ("NOCTOAHH", ("111", 95.0), "NOCTOAHH"),
    ("NOCTOAHH", ("", 0.0), "NOCTOAHH"),
    # Latin capitals in smaller type (a footnote's "UNESCO" under the body's size): capitals
    # unlike their small letters (Е, А), digits, marks
    ("UNESCO", ("ОМЕЗСО", 66.0), "UNESCO"),
    ("OECD", ("ОЕСО", 56.0), "OECD"),
    ("NATO", ("НАТО", 80.0), "NATO"),
    ("ICLEI", ("1СГЕТ", 0.0), "ICLEI"),
    ("UNESCO", ("ОМЕ$ЗСО", 44.0), "UNESCO"),
    # a letter not Cyrillic
    ("NOCTOAHH", ("NOCTOAHH", 70.0), "NOCTOAHH"),
])
def test_a_word_read_again_in_russian_is_taken_only_as_small_cyrillic_letters(raw, again, want):
    from PIL import Image

    from parsers.readers.scan.reader import DEFAULT_SCAN_SETTINGS, in_russian

    word = Word(raw, 10, 10, 130, 25, 91.0, 0, ())
    repairs = []
    words = in_russian([word], Image.new("L", (200, 60), 255), 0, 0, _Rereads(*again), 200, 22.0,
                       DEFAULT_SCAN_SETTINGS, repairs)
    assert [w.text for w in words] == [want]
    assert repairs == ([] if want == raw else [(raw, want)])


@needs_ocr
@pytest.mark.parametrize("text", ["UNESCO", "OECD", "ICLEI"])
def test_latin_capitals_in_a_footnote_s_smaller_type_stay_latin(text):
    """9 pt capitals under 12 pt body text stand under the page's capital height, as small
    letters do; read again in Russian alone they come out Cyrillic capitals ("ОМЕЗСО")."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    from parsers.readers.scan.engine import Engine
    from parsers.readers.scan.reader import DEFAULT_SCAN_SETTINGS, in_russian

    cell = Image.new("L", (300, 80), 255)
    ImageDraw.Draw(cell).text((20, 20), text, font=ImageFont.truetype(LIBERATION_SERIF, 25), fill=0)
    cell = cell.filter(ImageFilter.GaussianBlur(0.8)).point(lambda value: 255 if value > 140 else 0)
    repairs = []
    with Engine() as engine:
        words = engine.read(cell, psm=6, dpi=200)
        assert [repair.is_latin_small_misread(w, cap=22.0) for w in words] == [True]  # 33 px type: 22 px capitals
        words = in_russian(words, cell, 0, 0, engine, 200, 22.0, DEFAULT_SCAN_SETTINGS, repairs)
    assert [w.text for w in words] == [text] and repairs == []


def _blots(*boxes, size=(30, 12)):
    """A region of ink (1) in the given boxes (x, y, width, height) on paper (0)."""
    import numpy as np

    region = np.zeros(size, dtype="uint8")
    for x, y, width, height in boxes:
        region[y:y + height, x:x + width] = 1
    return region


@pytest.mark.parametrize("blot, mark", [
    (_blots((2, 20, 4, 4)), "."),
    (_blots((2, 20, 4, 8)), ","),                  # a tail below the dot
    (_blots((2, 8, 4, 4), (2, 20, 4, 4)), ":"),
    (_blots((2, 8, 4, 4), (2, 20, 4, 6)), ";"),
    (_blots((2, 20, 1, 1)), None),                 # a speck
    (_blots((2, 14, 10, 3)), None),                # a dash: too wide for a dot
    (_blots((2, 2, 4, 26)), None),                 # a stroke as tall as a letter
    (_blots((2, 2, 4, 4), (2, 10, 4, 4), (2, 18, 4, 4)), None),
])
def test_a_mark_alone_on_its_line_is_told_by_its_dots(blot, mark):
    from parsers.readers.scan.reader import _mark_of

    assert _mark_of(blot, height=24) == mark


@needs_ocr
@pytest.mark.parametrize("lines, want", [
    # a word filling a narrow cell, the mark after it carried to a line of its own
    (["Организаторы", ":", "МАГ"], ["Организаторы:", "МАГ"]),
    (["ежеквартал", "."], ["ежеквартал."]),
    # a mark opening a line of text is read with it
    (["Организаторы", ": МАГ"], ["Организаторы", ":", "МАГ"]),
])
def test_a_closing_mark_carried_alone_to_the_next_line_goes_with_the_word_above(lines, want):
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    from parsers.readers.scan.engine import Engine
    from parsers.readers.scan.reader import DEFAULT_SCAN_SETTINGS, _read_region

    cell = Image.new("L", (260, 40 + 38 * len(lines)), 255)
    draw, font = ImageDraw.Draw(cell), ImageFont.truetype(LIBERATION_SERIF, 33)
    for row, text in enumerate(lines):
        draw.text((10, 10 + 38 * row), text, font=font, fill=0)
    cell = cell.filter(ImageFilter.GaussianBlur(0.6)).point(lambda value: 255 if value > 140 else 0)
    repairs = []
    with Engine() as engine:
        words = _read_region(cell, (0, 0, *cell.size), engine, 200, DEFAULT_SCAN_SETTINGS, repairs, "page 1")
    assert [word.text for word in words] == want
    assert len(repairs) == (len(want) < len(lines))


@pytest.mark.parametrize("blots, want", [
    ([(12, 52, 5, 5)], "Текст."),                         # a dot on the next line's baseline
    ([(12, 52, 5, 5), (12, 60, 5, 5)], "Текст:"),         # two dots close: a colon
    ([(12, 52, 5, 5), (12, 80, 5, 5)], "Текст."),         # two apart: one mark to a line, the first
    ([(12, 52, 5, 5), (150, 50, 20, 10)], "Текст"),       # ink beside it: not alone on its line
    ([(100, 52, 5, 5)], "Текст"),                         # not at the text's left edge
    ([(12, 120, 5, 5)], "Текст"),                         # lines below the next line's baseline
])
def test_a_mark_alone_on_the_next_line_is_found_in_the_ink(blots, want):
    from PIL import Image, ImageDraw

    from parsers.readers.scan.reader import carried_marks

    cell = Image.new("L", (300, 200), 255)
    draw = ImageDraw.Draw(cell)
    for x, y, width, height in [(12, 12, 180, 26)] + blots:  # the word's ink, then the blots
        draw.rectangle((x, y, x + width - 1, y + height - 1), fill=0)
    repairs = []
    words = carried_marks([Word("Текст", 10, 10, 200, 40, 95.0, 0, ())], cell, (0, 0, 300, 200), repairs, "page 1")
    assert [w.text for w in words] == [want]
    assert len(repairs) == (want != "Текст")


def test_finding_carried_marks_keeps_to_the_time_limit():
    from PIL import Image, ImageDraw

    from parsers.limits import time_budget
    from parsers.readers.scan.reader import carried_marks

    cell = Image.new("L", (300, 200), 255)
    ImageDraw.Draw(cell).rectangle((12, 52, 16, 56), fill=0)
    with time_budget(Limits(max_seconds=0.0)):
        with pytest.raises(IngestError, match="time limit, at page 1, row 2, a mark alone on a line"):
            carried_marks([Word("Текст", 10, 10, 200, 40, 95.0, 0, ())], cell, (0, 0, 300, 200), [],
                          "page 1, row 2")


# Two columns: words start at 40, 76-80, 92, 112-118 in the left one; the right one starts at 206.
COLUMNS = [_line(14 * i, [(40, "слово"), (80, "и"), (92, "ещё"), (112, "словоформ")]) for i in range(3)] + \
    [_line(42, [(40, "текст"), (76, "до"), (92, "края"), (118, "колонки")]), _line(56, [(40, "кратко")])] + \
    [_line(14 * i, [(206, "место")]) for i in range(5)]


@pytest.mark.parametrize("line, start, end, cut", [
    # half an em, and the next word starts where the column after it does on the lines around
    (_line(70, [(40, "текст"), (76, "до"), (92, "края"), (118, "колонкиxxxxxxx"), (208, "место")]), 202, 208, True),
    # half an em before a word that starts where no word of the lines around does: a space
    (_line(70, [(40, "словоформа"), (106, "до"), (124, "ещё")]), 100, 106, False),
    # under column_gap: never a column's end
    (_line(70, [(40, "слово"), (73, "и")]), 70, 73, False),
    # over WIDE_GAP_EM: always one
    (_line(70, [(40, "слово"), (90, "и")]), 70, 90, True),
])
def test_a_gap_ends_a_column_where_the_lines_around_start_their_next_column(line, start, end, cut):
    from parsers.readers.scan.columns import gutter_cuts

    assert gutter_cuts(COLUMNS + [line])(line, start, end) is cut


@needs_ocr
def test_a_scan_of_a_table_without_rules_is_read_by_word_positions_and_each_table_is_a_warning(expected_2024):
    from tests.test_samples import comparable, expected_records

    plan = ingest_bytes((SCANS / "plan_2024_noborders_200dpi.pdf").read_bytes(), "scan.pdf")
    unruled = [w for w in plan.warnings if w.code == "ocr_unruled"]
    assert {w.where for w in unruled} == {"page 1", "page 2", "page 3"}
    assert all("placed by where OCR found its words" in w.message for w in unruled)
    for table in ("jubilees", "city_days"):
        got = [comparable(record) for record in getattr(plan, table)]
        want = expected_records(expected_2024, table)
        assert [(r["city"], r["date"]) for r in got] == [(r["city"], r["date"]) for r in want]
    events = {event.number: event for event in plan.events}
    # Event 12 runs on past the page break under the repeated header, which is read into it
    # (its date then reads 'по отдельному Место, дата графику', with date_unknown and number_unread).
    assert any(w.code == "date_unknown" and w.where == "event 2024-12" for w in plan.warnings)
    for want in expected_records(expected_2024, "events"):
        if want["number"] == 12:
            continue
        event = events[want["number"]]
        assert (event.place, event.date.model_dump(mode="json")) == (want["place"], want["date"])


@needs_ocr
def test_a_cell_s_text_run_close_to_the_next_column_is_cut_at_the_column_the_page_shows(expected_2024):
    """plan_2024_paras_noborder_200dpi.pdf: "регионах" ends 0.4 em before "октябрь" (the
    place column) atop page 2's table, its neighbours too few to show that column."""
    from tests.test_samples import expected_records

    plan = ingest_bytes((SCANS / "plan_2024_paras_noborder_200dpi.pdf").read_bytes(), "scan.pdf")
    assert not [w for w in plan.warnings if w.code in ("row_unplaced", "records_missing", "date_unknown")]
    for table, fields in (("events", ("number", "place", "date", "organizers")),
                          ("jubilees", ("city", "date", "anniversary")), ("city_days", ("city", "date", "age"))):
        got = [record.model_dump(mode="json") for record in getattr(plan, table)]
        want = expected_records(expected_2024, table)
        assert [[r[f] for f in fields] for r in got] == [[r[f] for f in fields] for r in want]


@needs_ocr
def test_a_row_whose_cells_tesseract_reads_as_lines_of_their_own_is_one_row(expected_2024):
    """plan_2024_word_noborders_line_200dpi.pdf: the last city day stands alone atop page 3,
    and Tesseract gives each of its four cells a text line of its own."""
    from tests.test_samples import expected_records

    plan = ingest_bytes((SCANS / "plan_2024_word_noborders_line_200dpi.pdf").read_bytes(), "scan.pdf")
    want = expected_records(expected_2024, "city_days")
    got = [record.model_dump(mode="json") for record in plan.city_days]
    assert [(r["city"], r["age"], r["date"]) for r in got] == [(r["city"], r["age"], r["date"]) for r in want]
    assert [(f.marker, f.text) for f in plan.footnotes] == [(f["marker"], f["text"]) for f in expected_2024["footnotes"]]


@pytest.mark.parametrize("rows, band", [
    ([(4, 24)], (4, 24)),              # a box 4 px too tall either side: cut to the ink
    ([(4, 24), (28, 30)], (4, 24)),    # the top of a letter of the next line: not the word's
    ([(2, 4), (6, 24)], (2, 24)),      # a dot two rows above its letter: the word's
    ([], (0, 30)),                     # no ink: as read
])
def test_a_word_box_is_cut_to_its_ink_band(rows, band):
    import numpy as np

    from parsers.readers.scan.reader import _ink_band

    ink = np.zeros((30, 20), dtype=np.uint8)
    for top, bottom in rows:
        ink[top:bottom, 5:15] = 255
    word = Word("слово", 0, 0, 20, 30, 90.0, 0, ())
    cut = _ink_band(word, ink)
    assert (cut.top, cut.bottom) == band


def ruled_grid(middle_rules: bool, strokes=(), gap=None):
    """Ink (255) of a 200 dpi ruled table of three rows and three 1-inch columns; the middle row
    has its column rules only when ``middle_rules`` (else it is one merged heading cell).
    ``strokes`` are letter stems (x0, top, x1, bottom) drawn in; ``gap`` (top, bottom) a stretch
    the scan left out of the middle row's column rules."""
    import numpy as np

    ink = np.zeros((260, 720), dtype=np.uint8)
    xs, ys = (60, 260, 460, 660), (60, 100, 140, 180)
    for y in ys:
        ink[y - 1:y + 2, xs[0] - 1:xs[-1] + 2] = 255
    for x in xs:
        for top, bottom in zip(ys, ys[1:]):
            inner = x not in (xs[0], xs[-1])
            if inner and top == 100 and not middle_rules:
                continue
            ink[top:bottom + 1, x - 1:x + 2] = 255
            if inner and top == 100 and gap:
                ink[gap[0]:gap[1], x - 1:x + 2] = 0
    for x0, top, x1, bottom in strokes:
        ink[top:bottom, x0:x1] = 255
    return ink


@pytest.mark.parametrize("middle_rules, strokes, gap, cells", [
    (False, (), None, 1),                          # a merged heading row
    # a bold "р" standing on the bottom rule against the column rule below: still merged
    (False, [(261, 115, 268, 141), (461, 115, 468, 141)], None, 1),
    (False, [(261, 99, 268, 125)], None, 1),     # a capital's stem hanging from the top rule
    (True, (), None, 3),                           # ruled cells
    (True, (), (115, 121), 3),                     # a rule the scan broke in the middle
])
def test_a_rule_parts_two_cells_only_when_it_runs_across_the_row(middle_rules, strokes, gap, cells):
    pytest.importorskip("cv2")
    from parsers.readers.scan.grid import find_tables

    table, = find_tables(ruled_grid(middle_rules, strokes, gap), 200).tables
    assert len(table.ys) == 4 and len([cell for cell in table.cells if cell.row == 1]) == cells


@pytest.mark.parametrize("box, kept", [
    ((10, 10, 60, 30), True),     # a word over its ink
    ((100, 10, 110, 30), False),  # a dash read in the empty gutter between two columns
    ((58, 10, 100, 30), True),    # a box that holds a little of the ink (a full stop)
])
def test_a_word_read_where_the_scan_has_no_ink_is_no_word(box, kept):
    from PIL import Image, ImageDraw

    from parsers.readers.scan.reader import _inked

    page = Image.new("L", (200, 40), 255)
    ImageDraw.Draw(page).rectangle((12, 12, 59, 28), fill=0)
    assert _inked(page, Word("—", *box, 56.0, 0, ()), 0, 0) is kept


# Word boxes of Liberation Serif at 33 px (12 pt at 200 dpi), baseline at y = 100: small letters
# stand 15 px tall, capitals and ascenders 22 px, descenders reach 7 px below.
@pytest.mark.parametrize("words", [
    [("Москва", 78, 100), ("июль", 78, 100)],                  # a capital; letters on the baseline
    [("городская", 85, 107), ("среда»", 85, 107)],            # every word with a descender (р, д)
    [("XXIX", 78, 100), ("сессия", 85, 100), ("МАГ", 78, 100), ("«Комфортная", 78, 107)],
    [("задача", 85, 107)],                                     # "з" on the baseline, "д" below it
    [("фонд", 78, 107)],                                       # "ф" reaches up and down
])
def test_a_line_s_font_size_is_told_by_its_words_whatever_their_letters(words):
    from parsers.readers.scan.reader import line_metrics

    line = [Word(text, 0, top, 10 * len(text), bottom, 90.0, 0, ()) for text, top, bottom in words]
    baseline, font = line_metrics(line)
    assert abs(baseline - 100) <= 2 and abs(font - 33) <= 3.5, (baseline, font)


def _draft(top: float, lefts: list[float], rows: list[list[str]]):
    """An aligned table's draft: each row's cells from its first column on, 14 pt a row."""
    from parsers.readers.pdf.tables import CellDraft, RowDraft, TableDraft

    drafts = []
    for index, texts in enumerate(rows):
        y = top + 14 * index
        drafts.append(RowDraft([CellDraft(column, lines=[_line(y, [(lefts[column], text)])] if text else [])
                                for column, text in enumerate(texts)], 1))
    return TableDraft(drafts, list(lefts), [left + 80 for left in lefts], top, top + 14 * len(rows), 1, ruled=False)


HEAD = [60, 100, 300, 400]


@pytest.mark.parametrize("second, between, tables, columns", [
    # a row whose gutter OCR missed ended the table: the rest, no line between, is the same table
    (_draft(100, [60, 100, 400], [["5.", "Форум Новосибирск апрель", "МАГ"]]), [], 1, [4]),
    (_draft(100, HEAD, [["5.", "Форум", "Казань", "МАГ"]]), [], 1, [4]),
    # a line between (a heading, the signature): two tables
    (_draft(120, HEAD, [["1.", "Сочи", "185", "21 апреля"]]), [_line(102, [(60, "Юбилеи городов МАГ")])], 2, [4, 4]),
    # columns of its own: another table
    (_draft(100, [60, 250], [["Москва", "876 лет"]]), [], 2, [4, 2]),
])
def test_tables_without_rules_one_after_another_with_the_same_columns_are_one(second, between, tables, columns):
    from parsers.readers.scan.reader import DEFAULT_SCAN_SETTINGS, _rejoined

    first = _draft(44, HEAD, [["№", "Мероприятия", "Место, дата", "Примечание"],
                              ["4.", "Семинар", "Минск", "МАГ"], ["", "городов", "", ""]])
    found = _rejoined([first, second], between, DEFAULT_SCAN_SETTINGS)
    assert len(found) == tables and [len(draft.lefts) for draft in found] == columns
    if tables == 1:
        assert [row.cells[0].lines[0].text if row.cells[0].lines else "" for row in found[0].rows] == \
            ["№", "4.", "", "5."]
        assert all(cell.column < 4 for row in found[0].rows for cell in row.cells)


@pytest.mark.parametrize("head_lefts, next_lefts", [
    ([60, 100, 400], HEAD),   # the first piece showed fewer columns: the second takes its place
    (HEAD, [60, 100, 400]),   # the second showed fewer: appended to the first
])
def test_tables_joined_keep_their_repeated_headers_and_stray_text(head_lefts, next_lefts):
    from parsers.readers.pdf.lines import Glyph
    from parsers.readers.scan.reader import DEFAULT_SCAN_SETTINGS, _rejoined

    head = _draft(44, head_lefts, [["4.", "Семинар", "МАГ"] + [""] * (len(head_lefts) - 3)])
    head.header_repeats = 1  # its header, repeated, was taken out of it already
    head.stray = [Glyph("*", 500, 506, 50, 62, 12.0)]
    second = _draft(100, next_lefts, [["5.", "Форум", "Казань", "МАГ"][:len(next_lefts)]])
    second.stray = [Glyph("+", 500, 506, 104, 116, 12.0)]
    found = _rejoined([head, second], [], DEFAULT_SCAN_SETTINGS)
    assert len(found) == 1 and len(found[0].rows) == 2
    assert found[0].header_repeats == 1
    assert [glyph.text for glyph in found[0].stray] == ["*", "+"]


@pytest.mark.parametrize("words, lines", [
    # a row without rules read as four text lines, one a cell: one line
    ([("7.", 120, 0, 0), ("Москва", 210, 0, 1), ("876", 580, 1, 2), ("лет", 640, 1, 2), ("9-10", 835, 0, 3)],
     [["7.", "Москва", "876", "лет", "9-10"]]),
    # a cell's two lines, one under the other: two lines
    ([("Участие", 210, 0, 0), ("форуме", 210, 28, 1)], [["Участие"], ["форуме"]]),
    # a line whose band shares less than half of its height with another's: its own
    ([("Москва", 210, 0, 0), ("ноябрь", 580, 14, 1)], [["Москва"], ["ноябрь"]]),
    # words across each other (two lines of text set over one another): not one line
    ([("Москва", 210, 0, 0), ("ноябрь", 230, 4, 1)], [["Москва"], ["ноябрь"]]),
])
def test_the_words_on_one_baseline_are_one_line(words, lines):
    from parsers.readers.scan.reader import one_line_per_baseline

    read = [Word(text, x, top, x + 14 * len(text), top + 22, 90.0, line, ()) for text, x, top, line in words]
    found: dict[int, list[str]] = {}
    for word in sorted(one_line_per_baseline(read), key=lambda w: (w.line, w.x0)):
        found.setdefault(word.line, []).append(word.text)
    assert list(found.values()) == lines


LIBERATION_SERIF = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"


def _unread_page(drawn, read, strokes=()):
    """A 200 dpi page of text at (x, row) (rows 40 px apart) and pen strokes at (x, y), and its ink;
    and the words of ``read`` (those of ``drawn`` its reading found), boxed where they are drawn."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("L", (700, 400), 255)
    draw, font = ImageDraw.Draw(page), ImageFont.truetype(LIBERATION_SERIF, 33)
    words = []
    for text, x, row in drawn:
        draw.text((x, 100 + 40 * row), text, font=font, fill=0)
        if text in read:
            x0, top, x1, bottom = draw.textbbox((x, 100 + 40 * row), text, font=font)
            words.append(Word(text, x0, top, x1, bottom, 96.0, row, ()))
    for x, y in strokes:  # a pen's zigzag, as Tesseract reads ">" (96 %)
        draw.line((x, y, x + 20, y + 12, x + 5, y + 25, x + 30, y + 20), fill=0, width=3)
    return page, np.asarray(page) < 128, words


ROWS = [("3.", 62, 0), ("Москва", 210, 0), ("октябрь", 450, 0), ("4.", 62, 1), ("Казань", 210, 1), ("май", 450, 1)]


@needs_ocr
@pytest.mark.parametrize("drawn, read, strokes, found, doubtful", [
    # the page's reading dropped the column of row numbers beside the cities: read, no doubt
    (ROWS, {"Москва", "октябрь", "Казань", "май"}, [], ["3.", "4."], []),
    # what it read is not read again
    (ROWS, {"3.", "Москва", "октябрь", "Казань", "май"}, [], ["4."], []),
    # ink on no text line and at no column edge is not read: the numbers, where no text was read
    (ROWS, set(), [], [], []),
    # pen strokes off the text lines are not read; one on a line reads as a sign and is dropped
    (ROWS[1:3] + ROWS[4:], {"Москва", "октябрь", "Казань", "май"},
     [(340, 105), (80, 230), (300, 250), (520, 300), (150, 330)], [], []),
    # a word dropped in a line is read, but it could be a pen's stroke: kept and said
    ([("Москва", 62, 0), ("над", 210, 0), ("Казанью", 280, 0), ("Сочи", 62, 1)], {"Москва", "Казанью", "Сочи"}, [],
     ["над"], ["над"]),
    # a number inside a line is no row number: said
    ([("Москва", 62, 0), ("5", 210, 0), ("Казань", 260, 0), ("Сочи", 62, 1)], {"Москва", "Казань", "Сочи"}, [],
     ["5"], ["5"]),
])
def test_ink_the_page_s_reading_left_out_is_read_only_where_it_lines_up_with_the_text(
        drawn, read, strokes, found, doubtful):
    from parsers.readers.scan.engine import Engine
    from parsers.readers.scan.reader import DEFAULT_SCAN_SETTINGS, unread_words

    page, ink, words = _unread_page(drawn, read, strokes)
    warnings = []
    with Engine() as engine:
        got = unread_words(page, ink, words, engine, 200, DEFAULT_SCAN_SETTINGS, [], warnings, "page 1")
    assert [word.text for word in got] == found
    assert all(word.x0 >= 60 and word.top >= 95 for word in got)  # on the page, not in the patch
    doubts = [w.message for w in warnings if w.code == "ocr_doubtful"]
    assert len(doubts) == bool(doubtful) and all(f"'{text}'" in doubts[0] for text in doubtful)
    assert all(w.where == "page 1" for w in warnings)


@needs_ocr
def test_pen_strokes_on_a_page_cost_no_read_off_its_text_lines(monkeypatch):
    from parsers.readers.scan.engine import Engine
    from parsers.readers.scan.reader import DEFAULT_SCAN_SETTINGS, unread_words

    strokes = [(x, y) for x in range(60, 640, 60) for y in range(220, 380, 40)]  # 40 strokes below the text
    page, ink, words = _unread_page(ROWS[1:3] + ROWS[4:], {"Москва", "октябрь", "Казань", "май"}, strokes)
    reads = []
    with Engine() as engine:
        original = engine.read
        monkeypatch.setattr(engine, "read", lambda *a, **k: reads.append(1) or original(*a, **k))
        got = unread_words(page, ink, words, engine, 200, DEFAULT_SCAN_SETTINGS, [], [], "page 1")
    assert got == [] and reads == []


@needs_ocr
def test_the_patches_of_unread_ink_read_on_a_page_are_capped_and_the_rest_said(monkeypatch):
    from parsers.readers.scan import reader
    from parsers.readers.scan.engine import Engine

    monkeypatch.setattr(reader, "UNREAD_MAX_PATCHES", 1)
    page, ink, words = _unread_page(ROWS, {"Москва", "октябрь", "Казань", "май"})
    warnings = []
    with Engine() as engine:
        got = reader.unread_words(page, ink, words, engine, 200, reader.DEFAULT_SCAN_SETTINGS, [], warnings, "page 2")
    assert [word.text for word in got] == ["3."]
    skipped = [w for w in warnings if w.code == "ocr_unread"]
    assert len(skipped) == 1 and skipped[0].message.startswith("1 more patches") and skipped[0].where == "page 2"


@needs_ocr
def test_reading_unread_ink_keeps_to_the_time_limit():
    from parsers.limits import time_budget
    from parsers.readers.scan.engine import Engine
    from parsers.readers.scan.reader import DEFAULT_SCAN_SETTINGS, unread_words

    page, ink, words = _unread_page(ROWS, {"Москва", "октябрь", "Казань", "май"})
    with Engine() as engine, time_budget(Limits(max_seconds=0.0)):
        with pytest.raises(IngestError, match="time limit, at page 1, ink left unread"):
            unread_words(page, ink, words, engine, 200, DEFAULT_SCAN_SETTINGS, [], [], "page 1")


LIMIT_CROSSED = IngestError("refused: one PDF stream decodes to over 32.0 MB")  # as bounded_streams raises it


@pytest.mark.parametrize("cause, problem", [
    (LIMIT_CROSSED, r"^refused: one PDF stream decodes to over 32\.0 MB$"),  # the limit's own error, not damage
    (ValueError("Unexpected EOF"), r"^damaged PDF: page 1: "),
], ids=["a limit crossed inside pdfminer", "pdfminer's own failure"])
def test_what_pdfminer_raises_on_a_scanned_page_is_read_as_the_pdf_reader_reads_it(cause, problem, monkeypatch):
    from pdfplumber.utils.exceptions import PdfminerException

    from parsers.readers.scan import image

    def fail(page):
        raise PdfminerException(cause)

    monkeypatch.setattr(image, "scan_dpi", fail)
    with pytest.raises(IngestError, match=problem):
        next(image.render_pdf_pages((SCANS / "plan_2024_150dpi.pdf").read_bytes()))
