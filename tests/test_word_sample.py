"""samples/plan_2024_word.docx: the 2024 plan as Microsoft Word writes it.

Its records are checked field by field against the expected JSON in test_samples.py;
these tests check that the sample really is written the way Word writes (so that test
means something) and that its generator makes it, byte for byte.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile

import pytest

from ingest.pipeline import ingest_bytes
from parsers.blocks import Table
from parsers.errors import IngestError
from parsers.readers.docx.reader import read_docx
from tests.conftest import ROOT, SAMPLES

SAMPLE = SAMPLES / "plan_2024_word.docx"
GENERATOR = SAMPLES / "word" / "make_word_docx.py"


@pytest.fixture(scope="module")
def parts() -> dict[str, str]:
    with zipfile.ZipFile(SAMPLE) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


@pytest.fixture(scope="module")
def document():
    return read_docx(SAMPLE.read_bytes())


def test_the_generator_makes_the_committed_sample(tmp_path):
    target = tmp_path / "plan.docx"
    subprocess.run([sys.executable, str(GENERATOR), str(target)], check=True, cwd=ROOT, capture_output=True)
    assert target.read_bytes() == SAMPLE.read_bytes()


@pytest.mark.parametrize("part, marks", [
    ("word/document.xml", ['w:rsidR="', 'w:rsidRDefault="', 'w14:paraId="', '<w:proofErr w:type="spellStart"/>',
                           "<w:lastRenderedPageBreak/>", "<w:tblHeader/>", '<w:gridSpan w:val="4"/>',
                           '<w:numId w:val="1"/>', '<w:numId w:val="2"/>', '<w:footnoteReference w:id="1"/>']),
    ("word/footnotes.xml", ['w:type="separator" w:id="-1"', 'w:type="continuationSeparator" w:id="0"', "<w:footnoteRef/>"]),
    ("word/numbering.xml", ['<w:lvlText w:val="%1."/>', '<w:numFmt w:val="bullet"/>', '<w:startOverride w:val="1"/>']),
    ("word/settings.xml", ["<w:rsids>", "<w:proofState"]),
    ("docProps/app.xml", ["<Application>Microsoft Office Word</Application>"]),
])
def test_the_sample_is_written_as_word_writes(parts, part, marks):
    assert [mark for mark in marks if mark not in parts[part]] == []


def test_no_number_is_typed_in_the_number_columns(parts, document):
    events, annex = [block for block in document.blocks if isinstance(block, Table)]
    number_cells = [row.cells[0].blocks for row in events.rows[1:] if len(row.cells) == 4]
    drawn = [blocks[0].list_label for blocks in number_cells if blocks and blocks[0].list_label]
    assert drawn == [f"{n}." for n in range(1, 20)]
    assert all(blocks[0].text == "" for blocks in number_cells if blocks)
    annex_numbers = [row.cells[0].blocks[0].list_label for row in annex.rows if len(row.cells) == 4]
    assert annex_numbers == [f"{n}." for n in range(1, 9)] + [f"{n}." for n in range(1, 10)]


def test_runs_are_split_mid_word_as_edits_leave_them(parts):
    # "по тематике" stored as two runs from two edit sessions: "по тема" + "тике".
    assert '<w:t xml:space="preserve"> по тема</w:t></w:r><w:r w:rsidR=' in parts["word/document.xml"]


def test_bullets_are_drawn_from_a_symbol_font(document):
    events = next(block for block in document.blocks if isinstance(block, Table))
    bullets = [b for row in events.rows for cell in row.cells for b in cell.blocks if b.list_kind == "bullet"]
    assert [(b.list_label, b.text) for b in bullets] == [
        ("•", "ОКМО"), ("•", "ВАРМСУ"), ("•", "АГП"), ("•", "АГУ"), ("•", "АСДГ"), ("•", "СГЦСЗ России")]


def without_numbering(data: bytes) -> bytes:
    """The package with word/numbering.xml and every mention of it removed."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "word/numbering.xml":
                continue
            content = re.sub(rb'<(?:Relationship|Override)[^>]*numbering[^>]*/>', b"", content)
            target.writestr(name, content)
    return buffer.getvalue()


def test_without_its_numbering_part_the_word_sample_is_an_error_not_an_empty_plan():
    # README's exit-2 example: nothing says any more what numbers Word draws.
    with pytest.raises(IngestError) as caught:
        ingest_bytes(without_numbering(SAMPLE.read_bytes()), "lost_numbering.docx")
    assert caught.value.message == ("the event table was found but no event could be read: "
                                    "none of its 20 rows has an event number in its number column")


def test_a_plan_whose_numbers_no_automatic_list_draws_is_not_laid_out_as_one():
    sys.path.insert(0, str(SAMPLES))
    from dataclasses import replace

    from plans.plan_2024 import PLAN
    from samplekit.layout import Layout, plan_document
    from samplekit.plan import Event

    skipping = replace(PLAN, rows=(Event("1.", ("А",)), Event("3.", ("Б",))))
    with pytest.raises(ValueError, match="draws 2. where the plan has '3.'"):
        plan_document(skipping, Layout(numbers="list"))
