"""The DOCX reader on embedded documents (w:altChunk): an HTML page, a Single File Web Page,
text or a DOCX a generator put in the package for Word to import is read in its place, with
the reader of its format; one that cannot be read is reported. Expected values by hand."""

from __future__ import annotations

import io
import zipfile

import pytest

from parsers.blocks import Footnote, ReaderWarning
from parsers.readers.docx.reader import read_docx
from tests.test_docx_reader import REL, make_docx, outline, p, r, tbl, tc, tr, zip_files


def with_chunks(data: bytes, chunks: dict[str, tuple[str, str, bytes]]) -> bytes:
    """``data`` with parts the document relates to as aFChunk: r:id → (target, content type,
    bytes); a target from the package root ("/afchunk.mht") as html-docx-js writes it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    files = {name: source.read(name) for name in source.namelist()}
    rels = "".join(f'<Relationship Id="{rel_id}" Type="{REL}/aFChunk" Target="{target}"/>'
                   for rel_id, (target, _, _) in chunks.items())
    types = "".join(f'<Override PartName="/{target.lstrip("/") if target.startswith("/") else "word/" + target}" '
                    f'ContentType="{content_type}"/>' for target, content_type, _ in chunks.values())
    files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", rels.encode() + b"</Relationships>")
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(b"</Types>", types.encode() + b"</Types>")
    for target, _, content in chunks.values():
        files[target.lstrip("/") if target.startswith("/") else "word/" + target] = content
    return zip_files(files)


def chunk(rel_id: str = "rIdChunk") -> str:
    return f'<w:altChunk r:id="{rel_id}"/>'


PAGE = ("<html><head><meta charset='utf-8'></head><body><p>Из HTML</p>"
        "<table><tr><td>1.</td><td>Сессия</td></tr></table></body></html>").encode()
# A Single File Web Page as html-docx-js writes its afchunk.mht.
MHT = ('MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n    type="text/html";\r\n'
       '    boundary="----=mhtDocumentPart"\r\n\r\n\r\n------=mhtDocumentPart\r\n'
       'Content-Type: text/html;\r\n    charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n'
       'Content-Location: file:///C:/fake/document.html\r\n\r\n'
       '<!DOCTYPE html><html><body><p>=D0=98=D0=B7 MHT</p></body></html>\r\n'
       '------=mhtDocumentPart--\r\n').encode()
INNER_NOTES = ('<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
               "Сноска из вложенного</w:t></w:r></w:p></w:footnote>")
INNER_DOCX = make_docx(p(r("Из DOCX"), '<w:r><w:footnoteReference w:id="1"/></w:r>'), footnotes=INNER_NOTES)
HTML_TYPE, MHT_TYPE, DOCX_TYPE = ("text/html", "message/rfc822",
                                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document")

CASES = {
    "an HTML page is read in its place": (
        p("before") + chunk() + p("after"), {"rIdChunk": ("afchunk.htm", HTML_TYPE, PAGE)},
        ["before", "Из HTML", [["1.", "Сессия"]], "after"]),
    "a Single File Web Page, as html-docx-js writes it": (
        chunk("htmlChunk"), {"htmlChunk": ("/afchunk.mht", MHT_TYPE, MHT)}, ["Из MHT"]),
    "plain text": (
        chunk(), {"rIdChunk": ("chunk.txt", "text/plain", "Первая строка\n\nВторая".encode())},
        ["Первая строка", "Вторая"]),
    "a DOCX, its footnote kept": (
        p("before") + chunk(), {"rIdChunk": ("chunk.docx", DOCX_TYPE, INNER_DOCX)}, ["before", "Из DOCX1"]),
    "a chunk in a table cell becomes paragraphs of the cell": (
        tbl(tr(tc(p("1.")), tc(chunk()))), {"rIdChunk": ("afchunk.htm", HTML_TYPE, PAGE)},
        [[["1.", "Из HTML / 1. / Сессия"]]]),
}


@pytest.mark.parametrize("body, chunks, expected", CASES.values(), ids=CASES.keys())
def test_an_embedded_document_is_read_in_its_place(body, chunks, expected):
    document = read_docx(with_chunks(make_docx(body), chunks))
    assert (outline(document), document.warnings) == (expected, ())


def test_the_notes_of_an_embedded_docx_join_the_document():
    document = read_docx(with_chunks(make_docx(chunk()), {"rIdChunk": ("chunk.docx", DOCX_TYPE, INNER_DOCX)}))
    assert document.footnotes == (Footnote("1", "Сноска из вложенного"),)


def nested(levels: int) -> bytes:
    """A DOCX that embeds a DOCX that embeds ... ``levels`` deep, each saying its depth."""
    data = make_docx(p("level 0"))
    for level in range(1, levels + 1):
        data = with_chunks(make_docx(p(f"level {level}") + chunk()), {"rIdChunk": ("chunk.docx", DOCX_TYPE, data)})
    return data


SKIPPED = "an embedded document (altChunk) not read: its content is not in the output"
WARNING_CASES = {
    "RTF, which needs LibreOffice": (
        ("chunk.rtf", "application/rtf", rb"{\rtf1 text}"), [ReaderWarning("content_skipped", SKIPPED)]),
    "a chunk whose part is missing": (None, [ReaderWarning("content_skipped", SKIPPED)]),
    "a damaged page says why": (
        ("afchunk.htm", HTML_TYPE, b""),
        [ReaderWarning("content_skipped", "an embedded document (altChunk, word/afchunk.htm) not read: "
                                          "the HTML page is empty")]),
}


@pytest.mark.parametrize("part, warnings", WARNING_CASES.values(), ids=WARNING_CASES.keys())
def test_an_embedded_document_that_cannot_be_read_is_reported(part, warnings):
    data = make_docx(p("x") + chunk())
    document = read_docx(with_chunks(data, {"rIdChunk": part}) if part else data)
    assert (outline(document), list(document.warnings)) == (["x"], warnings)


def test_embedded_documents_nest_two_deep_and_no_deeper():
    document = read_docx(nested(3))
    assert outline(document) == ["level 3", "level 2", "level 1"]
    assert list(document.warnings) == [ReaderWarning("content_skipped", SKIPPED)]


def test_a_part_named_by_many_embedded_documents_is_read_once():
    # Read at every w:altChunk naming it, a part embedding a DOCX that names its own part 300
    # times over made a 35 KB file read the innermost page 90,000 times (over 120 s).
    inner = with_chunks(make_docx(chunk() * 300), {"rIdChunk": ("chunk.docx", DOCX_TYPE, make_docx(p("leaf")))})
    document = read_docx(with_chunks(make_docx(chunk() * 300), {"rIdChunk": ("chunk.docx", DOCX_TYPE, inner)}))
    repeated = ("299 embedded documents (altChunk) naming parts already read there not read: "
                "their content is not in the output")
    assert outline(document) == ["leaf"]
    assert list(document.warnings) == [ReaderWarning("content_skipped", repeated)] * 2


def test_the_embedded_documents_of_a_file_share_one_markup_budget():
    # Each DOCX chunk unpacks within the limits alone; together they may hold no more markup
    # than one document, or many small zips would each unpack to the limit.
    from parsers.limits import Limits
    from parsers.readers.docx.body import markup_size
    from parsers.readers.docx.chunks import Chunk

    stored = zipfile.ZipFile(io.BytesIO(make_docx(p("страница " * 3000))))
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:  # as Word packs its zips
        for name in stored.namelist():
            archive.writestr(name, stored.read(name))
    inner = packed.getvalue()
    size = markup_size(Chunk("chunk.docx", DOCX_TYPE, inner))
    chunks = {f"rId{n}": (f"chunk{n}.docx", DOCX_TYPE, inner) for n in range(3)}
    limits = Limits(max_markup_bytes=2 * size + 10)  # two fit, the third does not
    document = read_docx(with_chunks(make_docx("".join(chunk(rel_id) for rel_id in chunks)), chunks), limits)
    assert len(outline(document)) == 2
    assert [w.code for w in document.warnings] == ["content_skipped"]
    assert "together hold over" in document.warnings[0].message
