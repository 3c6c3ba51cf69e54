"""Builders of hostile and damaged inputs, shared by the bad-input, limits and fuzz tests.

Each builder returns the bytes of one file; the tests name the file and run it.
The PDF cases that need a tool to make (a password, a scan) are the PDF reader's
fixtures in tests/fixtures/ (made by tests/fixtures/make_pdf_fixtures.py).
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

from tests.conftest import ROOT, SAMPLES

FIXTURES = ROOT / "tests" / "fixtures"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MB = 1024 * 1024


def sample(suffix: str) -> bytes:
    """The 2024 sample in one format: "docx", "html", "pdf", "txt", "odt", "fodt", "rtf", "doc"."""
    return (SAMPLES / f"plan_2024.{suffix}").read_bytes()


def fixture(name: str) -> bytes:
    """A file from tests/fixtures/ (see make_pdf_fixtures.py there)."""
    return (FIXTURES / name).read_bytes()


def noise(size: int = 4096, seed: int = 7) -> bytes:
    """Random bytes, the same for the same seed."""
    return random.Random(seed).randbytes(size)


def truncated(data: bytes, keep: float = 0.5) -> bytes:
    """The first ``keep`` part of a file, as an interrupted download leaves it."""
    return data[: int(len(data) * keep)]


def members(data: bytes) -> dict[str, bytes]:
    """A zip's members by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zipped(files: dict[str, bytes | str]) -> bytes:
    """A deflated zip of these members, in this order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_without(name: str, data: bytes | None = None) -> bytes:
    """The sample DOCX (or ``data``) minus one member."""
    return zipped({k: v for k, v in members(data or sample("docx")).items() if k != name})


def docx_with(name: str, content: bytes | str, data: bytes | None = None) -> bytes:
    """The sample DOCX (or ``data``) with one member replaced or added."""
    return zipped({**members(data or sample("docx")), name: content})


def zip_bomb_docx(inflated: int = 100 * MB, member: str = "word/document.xml", suffix: str = "docx") -> bytes:
    """The sample DOCX (or another zip sample: ``suffix`` "odt") whose ``member`` inflates to
    ``inflated`` bytes of zeros (about 1000x).

    Written in 1 MB chunks, so making it costs no more memory than the result.
    """
    buffer = io.BytesIO()
    chunk = bytes(MB)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members(sample(suffix)).items():
            if name != member:
                archive.writestr(name, content)
        with archive.open(member, "w", force_zip64=True) as stream:
            for _ in range(inflated // MB):
                stream.write(chunk)
    return buffer.getvalue()


def entity_doctype(root: str, secret: Path | None = None, laughs: int = 0) -> str:
    """A DOCTYPE declaring an external entity ``ext`` (a local file) and/or
    "billion laughs" entities ``lol0``..``lolN`` (each ten of the one before)."""
    declarations = [f'<!ENTITY ext SYSTEM "{secret.as_uri()}">'] if secret else []
    if laughs:
        declarations.append('<!ENTITY lol0 "lol">')
        declarations += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, laughs + 1)]
    return f"<!DOCTYPE {root} [{''.join(declarations)}]>"


def docx_with_entities(secret: Path | None = None, laughs: int = 0) -> bytes:
    """The sample DOCX whose document part declares entities and uses them in its text."""
    document = members(sample("docx"))["word/document.xml"].decode("utf-8")
    body_start = document.index("<w:document")
    uses = ("&ext;" if secret else "") + (f"&lol{laughs};" if laughs else "")
    text_at = document.index("<w:t>", body_start) + len("<w:t>") if "<w:t>" in document else None
    assert text_at is not None, "the sample has a plain <w:t> to put the entities in"
    hostile = (document[:body_start] + entity_doctype("w:document", secret, laughs)
               + document[body_start:text_at] + uses + document[text_at:])
    return docx_with("word/document.xml", hostile.encode("utf-8"))


def html_with_entities(secret: Path | None = None, laughs: int = 0) -> bytes:
    """The sample HTML page with an entity DOCTYPE, the entities used in its title paragraph."""
    page = sample("html").decode("utf-8")
    uses = ("&ext;" if secret else "") + (f"&lol{laughs};" if laughs else "")
    body = page.index("<body")
    opened = page.index(">", body) + 1
    return (entity_doctype("html", secret, laughs) + page[page.index("<html"):opened]
            + f"<p>{uses}</p>" + page[opened:]).encode("utf-8")


def fodt_with_entities(secret: Path | None = None, laughs: int = 0) -> bytes:
    """The flat ODT sample with an entity DOCTYPE, the entities used in its first paragraph."""
    document = sample("fodt").decode("utf-8")
    root = document.index("<office:document")
    uses = ("&ext;" if secret else "") + (f"&lol{laughs};" if laughs else "")
    paragraph = document.index(">", document.index("<text:p", root)) + 1
    return (document[:root] + entity_doctype("office:document", secret, laughs) + document[root:paragraph]
            + uses + document[paragraph:]).encode("utf-8")


def odt_without_tables() -> bytes:
    """An OpenDocument text of one paragraph and no table."""
    office = "urn:oasis:names:tc:opendocument:xmlns"
    content = (f'<office:document-content xmlns:office="{office}:office:1.0" xmlns:text="{office}:text:1.0">'
               "<office:body><office:text><text:p>Заметки к плану на 2024 год</text:p></office:text>"
               "</office:body></office:document-content>")
    return zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content})


def deep_html(depth: int, inner: str = "") -> bytes:
    """The sample page (or ``inner``) wrapped in ``depth`` nested <div>s."""
    page = sample("html").decode("utf-8")
    opened = page.index(">", page.index("<body")) + 1
    closed = page.rindex("</body>")
    content = inner or page[opened:closed]
    return (page[:opened] + "<div>" * depth + content + "</div>" * depth + page[closed:]).encode("utf-8")


def html_without_tables() -> bytes:
    """A page with the plan's title and text but no table."""
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
            "<p><b>План мероприятий на 2024 год</b></p><p>1. Сессия МАГ, Хабаровск, май</p>"
            "</body></html>").encode("utf-8")


def docx_without_plan_table() -> bytes:
    """A real DOCX (python-docx) with a title and a table that is not an event table."""
    import docx

    document = docx.Document()
    document.add_paragraph("План мероприятий на 2024 год")
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells, ("Город", "Население", "Москва", "13 млн")):
        cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_with_bad_media_box() -> bytes:
    """The sample PDF with a byte in its page boxes flipped to 0xFF (same length, so the
    cross-reference offsets stay right), as the fuzz test found: pdfminer logs
    "Invalid MediaBox" warnings, then pdfplumber refuses the page."""
    return sample("pdf").replace(b"/MediaBox[0 0 ", b"/MediaBox[0\xff0 ")


# ------------------------------------------------------------ PDFs written object by object

PAGE_TEXT = b"BT /F1 12 Tf 72 720 Td (Plan 2024) Tj ET"


def pdf_of(objects: list[bytes]) -> bytes:
    """A PDF whose objects 1..N are ``objects`` (1 the catalogue), with a correct
    cross-reference table, written as a minimal PDF writer does."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream_object(data: bytes, filters: tuple[str, ...] = ()) -> bytes:
    """A stream object holding ``data`` encoded by ``filters`` (the first applied last, as
    /Filter lists them in decoding order)."""
    import zlib

    encoded = data
    for name in reversed(filters):
        assert name == "FlateDecode", name
        encoded = zlib.compress(encoded, 9)
    names = b"".join(b"/" + name.encode() for name in filters)
    header = b"<< /Length %d%s >>" % (len(encoded), b" /Filter [" + names + b"]" if filters else b"")
    return header + b"\nstream\n" + encoded + b"\nendstream"


def one_page_pdf(contents: bytes, media_box: bytes = b"/MediaBox [0 0 595 842]") -> bytes:
    """A one-page PDF: the catalogue, the page tree, a page drawing ``contents`` (a stream object)
    in Helvetica."""
    return pdf_of([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R " + media_box + b" /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        contents,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def pdf_stream_bomb(inflated: int = 1024 * MB, rounds: int = 2) -> bytes:
    """A one-page PDF whose content stream is spaces Flate-compressed ``rounds`` times, inflating
    to ``inflated`` bytes (compressed in 1 MB steps, so making it costs little memory)."""
    import zlib

    packer = zlib.compressobj(9)
    chunk = b" " * MB
    packed = b"".join(packer.compress(chunk) for _ in range(inflated // MB)) + packer.flush()
    for _ in range(rounds - 1):
        packed = zlib.compress(packed, 9)
    names = b"/FlateDecode " * rounds
    contents = b"<< /Length %d /Filter [%s] >>\nstream\n" % (len(packed), names) + packed + b"\nendstream"
    return one_page_pdf(contents)


def pdf_of_many_pages(pages: int, count: int | None = None, fanout: int = 100) -> bytes:
    """A PDF of ``pages`` empty pages in a page tree of ``fanout`` kids a node, whose root
    says /Count ``count`` (default: the truth)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    nodes = (pages + fanout - 1) // fanout
    first_page = 3 + nodes
    kids = []
    for node in range(nodes):
        number = 3 + node
        members = range(first_page + node * fanout, first_page + min(pages, (node + 1) * fanout))
        objects.append(b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>"
                       % (b" ".join(b"%d 0 R" % page for page in members), len(members)))
        kids.append(b"%d 0 R" % number)
    for page in range(pages):
        objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] >>" % (3 + page // fanout))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), pages if count is None else count)
    return pdf_of(objects)


def pdf_of_tiny_tables(tables: int = 3250, per_row: int = 50) -> bytes:
    """A one-page PDF of ``tables`` separate ruled boxes of one cell each (4 pt, 2 pt apart),
    each with a letter inside: the shape that makes table finding quadratic in edges."""
    drawn = [b"0.2 w"]
    for index in range(tables):
        x, y = 20 + (index % per_row) * 11, 800 - (index // per_row) * 11
        drawn.append(b"%d %d 9 9 re S BT /F1 6 Tf %d %d Td (x) Tj ET" % (x, y, x + 2, y + 2))
    return one_page_pdf(stream_object(b"\n".join(drawn), ("FlateDecode",)))


def zip_with_lying_size(data: bytes, member: str, declared: int) -> bytes:
    """The zip ``data`` whose directory and local header say ``member`` inflates to ``declared``
    bytes, whatever it really holds (the fields a zip writer fills in last)."""
    import struct

    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    struct.pack_into("<I", out, info.header_offset + 22, declared)  # the local header's size
    central = out.index(b"PK\x01\x02")
    while out[central + 46:central + 46 + len(member)] != member.encode():
        central = out.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", out, central + 24, declared)  # the central directory's size
    return bytes(out)


def docx_that_lies_about_its_size(inflated: int = 200 * MB, declared: int = 900 * 1024) -> bytes:
    """The sample DOCX whose document part inflates to ``inflated`` bytes but is declared as
    ``declared`` (under every limit)."""
    parts = members(sample("docx"))
    document = parts["word/document.xml"]
    padded = document.replace(b"</w:document>", b" " * (inflated - len(document)) + b"</w:document>")
    return zip_with_lying_size(zipped({**parts, "word/document.xml": padded}), "word/document.xml", declared)


def html_of_tall_merged_cells(cells: int = 2000, span: int = 65534, empty_rows: int | None = None) -> bytes:
    """A page whose table has a header row, then ``cells`` cells each merged down ``span``
    rows, then ``empty_rows`` empty rows (default: enough for the spans): a few hundred KB
    that a grid repeating each merged cell in every row it covers makes into billions of slots."""
    empty = span - 1 if empty_rows is None else empty_rows
    header = "<tr>" + "<th>Мероприятия</th>" * cells + "</tr>"
    merged = "<tr>" + f'<td rowspan="{span}">x</td>' * cells + "</tr>"
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><table>'
            + header + merged + "<tr></tr>" * empty + "</table></body></html>").encode("utf-8")


def label_runs_at_one_place(pairs: int = 3000) -> list[list]:
    """Lines of a page (pdf.lines.Line, one container) each opened by a run of two glyphs no
    character maps to, all at x 50, their text starting 3 pt further on each pair of lines: a
    hostile page's thousands of list labels at one place, every pair a list of its own (a group
    to look among for each run is what made the search quadratic)."""
    from parsers.readers.pdf.lines import Glyph, make_line

    lines = []
    for index in range(2 * pairs):
        top, start = 20.0 + 14.0 * index, 60.0 + 3.0 * (index // 2)
        run = [Glyph("\ufffd", 50.0 + 4.0 * i, 54.0 + 4.0 * i, top, top + 12.0, 12.0) for i in range(2)]
        text = [Glyph(char, start + 6.0 * i, start + 6.0 * (i + 1), top, top + 12.0, 12.0)
                for i, char in enumerate("ОКМО")]
        lines.append(make_line([*run, *text], page=1))
    return [lines]
