"""Hostile and damaged input through the command line: one line naming the file and the
problem, exit 2, no traceback, nothing written, the existing output left as it was.

Each case is a file name and a builder of its bytes (tests/hostile.py).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from parsers.readers.office import find_soffice
from tests import hostile
from tests.compound import compound_file
from tests.conftest import OCR_READY, ROOT

# What a damaged .doc gets: olefile's verdict on its directory, or LibreOffice's on its content.
DAMAGED_DOC = r"damaged Office compound file|could not be read|not installed"

def run(*args: str) -> subprocess.CompletedProcess:
    """`python -m ingest` as a user runs it, in its own process."""
    return subprocess.run([sys.executable, "-m", "ingest", *args], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)


def case(name: str, build, problem: str, extra: tuple[str, ...] = ()):
    """One bad input: the file's name, a builder of its bytes (None: no file, "folder": a
    folder), a regular expression the error must match, and extra CLI arguments."""
    return pytest.param(name, build, problem, extra, id=name)


BAD_INPUTS = [
    case("missing.docx", None, "no such file"),
    case("a-folder.docx", "folder", "is a folder"),
    case("empty.docx", lambda: b"", "empty file"),
    *[case(f"noise.{ext}", hostile.noise, "not a supported document") for ext in ("docx", "pdf", "html", "txt", "md")],
    case("truncated.docx", lambda: hostile.truncated(hostile.sample("docx")), "damaged DOCX"),
    case("truncated.pdf", lambda: hostile.truncated(hostile.sample("pdf")), r"(?i)damaged|truncated|PDF"),
    case("no-document-part.docx", lambda: hostile.docx_without("word/document.xml"), "no word/document.xml"),
    case("password.pdf", lambda: hostile.fixture("encrypted.pdf"), r"(?i)password|encrypted"),
    case("scanned.pdf", lambda: hostile.fixture("scanned.pdf"), "no event table found" if OCR_READY else "no text layer"),
    case("bad-page-box.pdf", hostile.pdf_with_bad_media_box, "damaged PDF"),
    case("no-page-box.pdf", lambda: hostile.one_page_pdf(hostile.stream_object(hostile.PAGE_TEXT), b""), "no MediaBox"),
    case("stream-bomb.pdf", lambda: hostile.pdf_stream_bomb(256 * hostile.MB), "compression bomb"),
    case("no-plan-table.docx", hostile.docx_without_plan_table, "no event table"),
    case("no-tables.html", hostile.html_without_tables, "no event table"),
    case("zip-bomb.docx", hostile.zip_bomb_docx, "zip bomb"),
    case("billion-laughs.docx", lambda: hostile.docx_with_entities(laughs=9), "declares a DTD with entities"),
    case("deep.html", lambda: hostile.deep_html(100_000), "nests elements more than 250 deep"),
    case("too-big.docx", lambda: hostile.sample("docx"), r"over the 1\.0 KB limit", extra=("--max-size", "1k")),
    *[case(f"noise.{ext}", hostile.noise, "not a supported document") for ext in ("odt", "fodt", "rtf", "doc")],
    case("truncated.odt", lambda: hostile.truncated(hostile.sample("odt")), "damaged"),
    case("truncated.fodt", lambda: hostile.truncated(hostile.sample("fodt")), "damaged flat ODT: bad XML"),
    case("truncated.doc", lambda: hostile.truncated(hostile.sample("doc")), DAMAGED_DOC),
    case("password.docx", lambda: compound_file("EncryptionInfo", "EncryptedPackage"), "protected by a password"),
    case("zip-bomb.odt", lambda: hostile.zip_bomb_docx(member="content.xml", suffix="odt"), "zip bomb"),
    case("billion-laughs.fodt", lambda: hostile.fodt_with_entities(laughs=9), "damaged flat ODT|declares a DTD"),
    case("no-plan-table.odt", hostile.odt_without_tables, "no event table"),
]


@pytest.mark.parametrize("name, build, problem, extra", BAD_INPUTS)
def test_bad_input_is_one_line_exit_2_and_nothing_written(tmp_path, name, build, problem, extra):
    path = tmp_path / name
    if build == "folder":
        path.mkdir()
    elif build is not None:
        path.write_bytes(build())
    out = tmp_path / "out"
    out.mkdir()
    before = {f"{path.stem}.json": b"previous good output\n", f"{path.stem}.events.csv": b"number\r\n1\r\n"}
    for file_name, content in before.items():
        (out / file_name).write_bytes(content)

    result = run("ingest", str(path), "-o", str(out), *extra)

    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"mag-plan: error: {path}: ")
    assert re.search(problem, result.stderr), result.stderr
    assert result.stdout == ""
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # nothing partial, nothing lost


WRONG_EXTENSIONS = [
    pytest.param("docx", "plan.pdf", id="DOCX named .pdf"),
    pytest.param("html", "plan.txt", id="HTML named .txt"),
    pytest.param("txt", "plan.docx", id="text export named .docx"),
    pytest.param("pdf", "plan.html", id="PDF named .html"),
]


@pytest.mark.parametrize("fmt, name", WRONG_EXTENSIONS)
def test_a_supported_format_under_the_wrong_extension_is_read_from_its_bytes(tmp_path, fmt, name):
    path = tmp_path / name
    path.write_bytes(hostile.sample(fmt))
    result = run("ingest", str(path), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "19 events, 8 jubilees, 9 city days" in result.stdout


@pytest.mark.parametrize("make", [
    pytest.param(lambda path: os.mkfifo(path) or path, id="FIFO"),
    pytest.param(lambda path: Path("/dev/zero"), id="device"),
])
def test_a_pipe_or_device_is_refused_not_waited_on(tmp_path, make):
    path = make(tmp_path / "plan.docx")
    result = run("ingest", str(path), "-o", str(tmp_path / "out"))  # a hang ends in the 120 s timeout
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"mag-plan: error: {path}: is not a regular file (a pipe, socket or device?); not read\n"


def test_a_page_nested_within_the_limit_is_read(tmp_path):
    path = tmp_path / "nested.html"
    path.write_bytes(hostile.deep_html(200))
    result = run("ingest", str(path), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "19 events" in result.stdout


def test_one_bad_file_among_good_ones_fails_alone(tmp_path):
    good, bad = tmp_path / "good.docx", tmp_path / "bad.docx"
    good.write_bytes(hostile.sample("docx"))
    bad.write_bytes(hostile.truncated(hostile.sample("docx")))
    result = run("ingest", str(bad), str(good), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.count("mag-plan: error:") == 1 and str(bad) in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "good.city_days.csv", "good.events.csv", "good.json", "good.jubilees.csv"]
