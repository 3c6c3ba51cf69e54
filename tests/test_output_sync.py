"""output/ holds exactly what `mag-plan ingest samples/plan_* -o output` writes."""

from __future__ import annotations

from ingest.cli import main
from tests.conftest import ROOT, SAMPLES

OUTPUT = ROOT / "output"
REGENERATE = "mag-plan ingest samples/plan_* -o output"


def sample_documents():
    return sorted(path for path in SAMPLES.glob("plan_*") if path.is_file())


def test_output_folder_is_what_the_pipeline_writes_for_the_samples(tmp_path):
    assert main(["ingest", *map(str, sample_documents()), "-o", str(tmp_path), "-q"]) == 0
    fresh = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    committed = {path.name: path.read_bytes() for path in OUTPUT.iterdir() if not path.name.startswith(".")}
    assert sorted(committed) == sorted(fresh), f"output/ is stale: run {REGENERATE}"
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert not stale, f"output/ is stale ({', '.join(stale)}): run {REGENERATE}"
