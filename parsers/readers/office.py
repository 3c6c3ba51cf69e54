"""RTF and legacy Word (.doc) through LibreOffice: converted to DOCX, then read as DOCX.

Those formats are read by no Python library well enough for tables with merged
cells and footnotes; LibreOffice reads them as Word does. It is optional: when
``soffice`` is not installed, the error says how to install it.

Each conversion runs headless in a private profile and a temporary folder of its
own (parallel runs do not collide, a user's own LibreOffice is not touched), with a
time limit (``Limits.soffice_timeout_s``); the whole process group is ended when it
runs over. samples/make_samples.py runs LibreOffice the same way (``run_soffice``).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from parsers.blocks import Document
from parsers.errors import IngestError
from parsers.limits import DEFAULT_LIMITS, Limits

INSTALL_HINT = "apt-get install libreoffice-writer (see the README)"
# What each format is called in messages, and the name its temporary copy gets
# (LibreOffice picks its import filter from the content, the suffix only helps).
FORMATS = {"rtf": ("an RTF document", ".rtf"), "doc": ("a legacy Word .doc", ".doc")}
DOCX_FILTER = "docx:MS Word 2007 XML"


class SofficeMissing(IngestError):
    """LibreOffice is not installed (or not on PATH)."""


class SofficeFailed(IngestError):
    """LibreOffice ran but did not convert the file (it failed, or ran out of time)."""


def find_soffice() -> str | None:
    """The LibreOffice executable on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def run_soffice(args: list[str], work: Path, timeout_s: float) -> subprocess.CompletedProcess:
    """Run headless LibreOffice with ``args`` and a private profile under ``work``.

    SofficeMissing when it is not installed; SofficeFailed when it exits non-zero or
    runs past ``timeout_s`` seconds (its whole process group is then killed)."""
    exe = find_soffice()
    if exe is None:
        raise SofficeMissing(f"LibreOffice (soffice) is not installed: {INSTALL_HINT}")
    profile = (work / "profile").as_uri()
    command = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--nologo", "--nolockcheck", *args]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        end_group(process)
        raise SofficeFailed(f"LibreOffice took more than {timeout_s:g} s "
                            "(raise Limits(soffice_timeout_s=...))") from None
    if process.returncode != 0:
        raise SofficeFailed(f"LibreOffice failed (exit {process.returncode}): {last_line(stderr)}")
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def end_group(process: subprocess.Popen) -> None:
    """Kill the process and what it started (soffice runs oosplash, which runs soffice.bin)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        process.kill()
    process.communicate()


def last_line(text: str) -> str:
    """The last non-empty line of a program's output, for a one-line message."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return lines[-1] if lines else "no message"


def convert(data: bytes, suffix: str, target_filter: str, target_suffix: str, timeout_s: float) -> bytes:
    """``data`` converted by LibreOffice with ``target_filter``; the bytes it wrote."""
    with tempfile.TemporaryDirectory(prefix="mag-plan-soffice-") as tmp:
        work = Path(tmp)
        source = work / f"input{suffix}"
        source.write_bytes(data)
        out = work / "out"
        result = run_soffice(["--convert-to", target_filter, "--outdir", str(out), str(source)], work, timeout_s)
        produced = out / f"input{target_suffix}"
        if not produced.exists():
            # LibreOffice exits 0 when it cannot load the file, and says so on stderr.
            raise SofficeFailed(f"LibreOffice could not convert it: {last_line(result.stderr or result.stdout)}")
        return produced.read_bytes()


def read_through_libreoffice(data: bytes, fmt: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read an RTF or .doc (``fmt``) by converting it to DOCX with LibreOffice."""
    from parsers.readers.docx import read_docx

    what, suffix = FORMATS[fmt]
    limits.check_input_size(len(data))
    try:
        docx = convert(data, suffix, DOCX_FILTER, ".docx", limits.soffice_timeout_s)
    except SofficeMissing:
        raise SofficeMissing(f"{what} is read through LibreOffice, which is not installed: {INSTALL_HINT}") from None
    except SofficeFailed as error:
        raise SofficeFailed(f"{what} could not be read: {error.message}") from None
    return read_docx(docx, limits=limits)
