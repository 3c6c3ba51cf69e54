"""output/ holds exactly what `mag-plan ingest samples/plan_* -o output` writes."""

from __future__ import annotations

import subprocess

from ingest.cli import main
from parsers.readers.office import find_soffice
from tests.conftest import ROOT, SAMPLES

OUTPUT = ROOT / "output"
REGENERATE = "rm -rf output && mag-plan ingest samples/plan_* -o output"


# Read through LibreOffice: left out on both sides when it is not installed.
NEEDS_SOFFICE = (".rtf", ".doc")


def sample_documents():
    return sorted(path for path in SAMPLES.glob("plan_*") if path.is_file() and not unreadable_here(path.name))


def unreadable_here(name: str) -> bool:
    """A sample (or its output, named after it) this machine cannot read: no LibreOffice."""
    return find_soffice() is None and any(f"{suffix}." in name or name.endswith(suffix) for suffix in NEEDS_SOFFICE)


def committed_outputs() -> dict[str, bytes]:
    """The files of output/ that git tracks (a user's own runs into output/ are not compared);
    every file there when this is not a git checkout."""
    listed = subprocess.run(["git", "ls-files", "-z", "output"], cwd=ROOT, capture_output=True)
    if listed.returncode == 0 and listed.stdout:
        paths = [ROOT / name for name in listed.stdout.decode().split("\0") if name]
    else:
        paths = [path for path in OUTPUT.iterdir() if not path.name.startswith(".")]
    return {path.name: path.read_bytes() for path in paths if path.exists() and not unreadable_here(path.name)}


def test_output_folder_is_what_the_pipeline_writes_for_the_samples(tmp_path):
    assert main(["ingest", *map(str, sample_documents()), "-o", str(tmp_path), "-q"]) == 0
    fresh = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    committed = committed_outputs()
    assert sorted(committed) == sorted(fresh), f"output/ is stale: run {REGENERATE}"
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert not stale, f"output/ is stale ({', '.join(stale)}): run {REGENERATE}"
