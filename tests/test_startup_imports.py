"""`mag-plan ingest` of one document imports only what that command uses (issue 18's start-up).

Each case runs the whole command in a fresh interpreter and looks at ``sys.modules`` when it is
done: one file without --db needs no worker pool, no SQLite store, no other format's reader, no
ICS or XLSX writer, no diff and no shell completion. A test fails when an import comes back.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SAMPLES

RUN = """
import json, sys
import ingest.cli
code = ingest.cli.main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

# never needed to ingest one document without --db
NEVER = ("sqlite3", "_sqlite3", "ingest.store", "ingest.store.database", "concurrent.futures.process",
         "multiprocessing", "ingest.export.ics", "ingest.export.xlsx", "openpyxl", "ingest.diff",
         "click.shell_completion", "pandas", "email.parser", "email.policy")  # the last two: MHTML's
# the other formats' readers and libraries, per format read
READERS = {
    "docx": ("parsers.readers.pdf", "parsers.readers.markup", "parsers.readers.odt", "pdfplumber", "pdfminer", "bs4"),
    "html": ("parsers.readers.pdf", "parsers.readers.docx", "parsers.readers.odt", "pdfplumber", "docx"),
    "txt": ("parsers.readers.pdf", "parsers.readers.docx", "parsers.readers.odt", "pdfplumber", "docx",
            "bs4", "parsers.readers.markup.html", "parsers.readers.markup.markdown"),
}


def modules_after(*arguments: str) -> set[str]:
    """The modules loaded once `mag-plan ARGUMENTS` has run in a fresh interpreter (exit 0 asserted)."""
    result = subprocess.run([sys.executable, "-c", RUN, *arguments], capture_output=True, text=True, cwd=ROOT,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, check=True)
    found = json.loads(result.stdout.splitlines()[-1])
    assert found["code"] == 0, result.stderr
    return set(found["modules"])


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_one_document_without_db_imports_only_what_it_uses(suffix, tmp_path):
    loaded = modules_after("ingest", str(SAMPLES / f"plan_2024.{suffix}"), "-o", str(tmp_path), "-q")
    assert "schemas.plan" in loaded  # the records are validated: pydantic stays
    unwanted = {name for name in (*NEVER, *READERS[suffix]) if name in loaded}
    assert not unwanted, f"imported for one {suffix} file: {sorted(unwanted)}"


def test_the_store_is_imported_when_db_is_given(tmp_path):
    loaded = modules_after("ingest", str(SAMPLES / "plan_2024.txt"), "-o", str(tmp_path), "-q",
                           "--db", str(tmp_path / "plans.sqlite"))
    assert {"sqlite3", "ingest.store.database"} <= loaded
    assert (tmp_path / "plans.sqlite").is_file()
