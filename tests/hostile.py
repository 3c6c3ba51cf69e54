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
