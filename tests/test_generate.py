"""bench/generate.py's DOCX, written directly as WordprocessingML, is the plan python-docx builds.

The benchmark scales to 100,000 events with ``write_docx`` (python-docx's row-by-row build takes
minutes there); these tests check that what it writes reads as the plan python-docx writes from the
same calls (``python_docx_plan``), record for record, and that its runs are python-docx's runs.
"""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from lxml import etree

from bench.generate import _paragraph, plan_docx, python_docx_plan, write_docx
from ingest.pipeline import ingest_bytes

EVENTS = 1_000


def _records(data: bytes) -> dict:
    """The plan's records and warnings, without the source (its file hash differs)."""
    return ingest_bytes(data, "plan.docx").model_dump(mode="json", exclude={"source"})


def _body(data: bytes) -> bytes:
    """word/document.xml in canonical form (attribute order, empty elements, no layout whitespace)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"), etree.XMLParser(remove_blank_text=True))
    return etree.tostring(root, method="c14n")


@pytest.fixture(scope="module")
def both() -> tuple[bytes, bytes]:
    return plan_docx(EVENTS), python_docx_plan(EVENTS)


def test_the_direct_docx_gives_the_records_python_docx_gives(both):
    direct, reference = (_records(data) for data in both)
    assert len(direct["events"]) == EVENTS
    assert direct == reference


def test_the_direct_docx_body_is_python_docx_xml(both):
    assert _body(both[0]) == _body(both[1])


def test_the_package_holds_python_docx_parts(both):
    with zipfile.ZipFile(io.BytesIO(both[0])) as direct, zipfile.ZipFile(io.BytesIO(both[1])) as reference:
        assert sorted(direct.namelist()) == sorted(reference.namelist())
        assert direct.testzip() is None


def test_write_docx_streams_to_a_path(tmp_path, both):
    path = tmp_path / "plan.docx"
    write_docx(EVENTS, path)
    with zipfile.ZipFile(path) as written, zipfile.ZipFile(io.BytesIO(both[0])) as in_memory:
        assert {name: written.read(name) for name in written.namelist()} == \
            {name: in_memory.read(name) for name in in_memory.namelist()}


@pytest.mark.parametrize("text", [
    "plain", "", " leading", "trailing ", "a\tb", "line\nbreak", "\tboth\n", "a & <b> \"c\"", "two\r\nlines",
])
@pytest.mark.parametrize("bold", [False, True])
def test_a_paragraph_is_the_xml_python_docx_writes(text, bold):
    paragraph = docx.Document().add_paragraph()
    run = paragraph.add_run(text)
    if bold:
        run.bold = True
    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ours = etree.fromstring(_paragraph(text, bold=bold).replace("<w:p>", f"<w:p {namespace}>", 1))
    theirs = etree.fromstring(etree.tostring(paragraph._p))  # plain lxml: python-docx's classes redefine .text
    assert _shape(ours) == _shape(theirs)


def _shape(element) -> tuple:
    """An element as (tag, attributes, text, children), the namespaces it declares left out."""
    return (element.tag, dict(element.attrib), element.text or "", [_shape(child) for child in element])
