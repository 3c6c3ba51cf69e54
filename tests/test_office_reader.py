"""RTF and .doc through LibreOffice: real conversions when soffice is installed, and every
way the conversion can fail, with stand-in soffice scripts, when it is not."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.pipeline import ingest_bytes
from parsers.limits import Limits
from parsers.readers.office import SofficeFailed, SofficeMissing, find_soffice, read_through_libreoffice
from tests.compound import compound_file
from tests.conftest import ROOT

needs_soffice = pytest.mark.skipif(find_soffice() is None,
                                   reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")

# An RTF plan as a word processor writes one: a title, a table with a merged section row,
# cells of two paragraphs, and a footnote.
RTF_PLAN = rb"""{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0 Times New Roman;}}
\pard\qc\b \u1055?\u1083?\u1072?\u1085? 2024\b0\par
\trowd\cellx800\cellx5000\cellx7000\cellx9000
\pard\intbl \u8470? \u1087?/\u1087?\cell \u1052?\u1077?\u1088?\u1086?\u1087?\u1088?\u1080?\u1103?\u1090?\u1080?\u1103?\cell
\u1052?\u1077?\u1089?\u1090?\u1086?, \u1076?\u1072?\u1090?\u1072?\cell \u1055?\u1088?\u1080?\u1084?\u1077?\u1095?\u1072?\u1085?\u1080?\u1077?\cell\row
\trowd\cellx800\cellx5000\cellx7000\cellx9000
\pard\intbl 1.\cell XXX \u1089?\u1077?\u1089?\u1089?\u1080?\u1103?{\super\chftn}{\footnote\pard\super\chftn\nosupersub  \u1054?\u1056?\u1048?\u1045?\u1053?\u1058?\u1048?\u1056?\u1054?\u1042?\u1054?\u1063?\u1053?\u1054?}\cell
\u1052?\u1086?\u1089?\u1082?\u1074?\u1072?\par \u1084?\u1072?\u1081?\cell \cell\row
\pard\par}"""


def fake_soffice(folder: Path, script: str) -> Path:
    """A stand-in ``soffice`` on PATH that runs ``script`` (a shell script body)."""
    folder.mkdir(exist_ok=True)
    exe = folder / "soffice"
    exe.write_text("#!/bin/sh\n" + script)
    exe.chmod(0o755)
    return folder


@pytest.fixture
def only_path(monkeypatch):
    """Make PATH hold only ``folder`` (no real LibreOffice)."""
    def set_path(folder: Path):
        monkeypatch.setenv("PATH", str(folder))
    return set_path


@needs_soffice
def test_an_rtf_plan_is_read_through_libreoffice():
    plan = ingest_bytes(RTF_PLAN, "plan.rtf")
    assert plan.source.format == "rtf"
    assert [(e.number, e.title, e.place, e.date.text) for e in plan.events] == [(1, "XXX сессия", "Москва", "май")]
    assert [(n.marker, n.text) for n in plan.footnotes] == [("1", "ОРИЕНТИРОВОЧНО")]


@needs_soffice
def test_a_damaged_doc_is_a_one_line_error():
    # a compound file whose WordDocument stream is no Word document
    with pytest.raises(SofficeFailed, match=r"^a legacy Word \.doc could not be read: LibreOffice could not "
                                            r"convert it: Error: source file could not be loaded$"):
        ingest_bytes(compound_file("WordDocument", "1Table"), "damaged.doc")


@pytest.mark.parametrize("fmt, what", [("rtf", "an RTF document"), ("doc", "a legacy Word .doc")])
def test_without_libreoffice_the_error_says_how_to_install_it(tmp_path, only_path, fmt, what):
    only_path(tmp_path)
    with pytest.raises(SofficeMissing) as raised:
        read_through_libreoffice(b"{\\rtf1 x}", fmt)
    message = str(raised.value)
    assert message.startswith(f"{what} is read through LibreOffice, which is not installed")
    assert "apt-get install libreoffice-writer" in message and "\n" not in message


@pytest.mark.parametrize("script, problem", [
    ('echo "Error: source file could not be loaded" >&2\nexit 0\n', "could not convert it: Error: source file could not be loaded"),
    ('echo "first" >&2\necho "javaldx: broken" >&2\nexit 81\n', r"LibreOffice failed \(exit 81\): javaldx: broken"),
])
def test_a_failed_conversion_is_a_one_line_error(tmp_path, only_path, script, problem):
    only_path(fake_soffice(tmp_path / "bin", script))
    with pytest.raises(SofficeFailed, match=problem) as raised:
        read_through_libreoffice(b"{\\rtf1 x}", "rtf")
    assert str(raised.value).startswith("an RTF document could not be read: ")


def test_a_conversion_past_the_time_limit_is_stopped_with_what_it_started(tmp_path, only_path):
    pid_file = tmp_path / "child.pid"
    only_path(fake_soffice(tmp_path / "bin", f"/bin/sleep 30 &\necho $! > {pid_file}\nwait\n"))
    started = time.monotonic()
    with pytest.raises(SofficeFailed, match=r"took more than 0.5 s \(raise Limits\(soffice_timeout_s=...\)\)"):
        read_through_libreoffice(b"{\\rtf1 x}", "rtf", limits=Limits(soffice_timeout_s=0.5))
    assert time.monotonic() - started < 10
    child = int(pid_file.read_text())
    for _ in range(50):  # the orphaned child is reaped by init shortly after the kill
        if not Path(f"/proc/{child}").exists() or "Z" in Path(f"/proc/{child}/stat").read_text().split()[2]:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the process LibreOffice started still runs")


def test_the_command_line_gives_one_line_and_exit_2_without_libreoffice(tmp_path):
    document = tmp_path / "plan.rtf"
    document.write_bytes(RTF_PLAN)
    empty = tmp_path / "bin"
    empty.mkdir()
    result = subprocess.run([sys.executable, "-m", "ingest", "ingest", str(document), "-o", str(tmp_path)],
                            capture_output=True, text=True, cwd=ROOT,
                            env={"PYTHONPATH": str(ROOT), "PATH": str(empty), "HOME": os.environ.get("HOME", "/")})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"mag-plan: error: {document}: an RTF document is read through LibreOffice, which is not installed: "
        "apt-get install libreoffice-writer (see the README)"]
