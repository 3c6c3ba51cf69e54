"""Python's cyclic collector is paused while a document is read where mag-plan owns the
process (the CLI, the batch workers), always resumed after, and left alone by the library."""

from __future__ import annotations

import gc
import multiprocessing
from pathlib import Path

import pytest

import ingest.batch as batch
import ingest.pipeline as pipeline
from ingest.batch import BatchResult, Input, read_many
from ingest.cli import main
from ingest.collector import collector_paused, startup_paused
from ingest.pipeline import ingest_bytes
from parsers.errors import IngestError

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "plan_2024.html"


@pytest.fixture(autouse=True)
def collector_running():
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_and_resumed_after():
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_pauses_resume_only_when_the_outer_one_ends():
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled():
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_resumed_after_an_error():
    with pytest.raises(IngestError), collector_paused():
        raise IngestError("bad input")
    assert gc.isenabled()


@pytest.fixture
def collector_seen(monkeypatch):
    """Whether the collector ran, each time the extractor was handed a document."""
    seen = []
    plan_from_document = pipeline.plan_from_document

    def spy(document, source):
        seen.append(gc.isenabled())
        return plan_from_document(document, source)

    monkeypatch.setattr(pipeline, "plan_from_document", spy)
    return seen


def test_the_library_call_leaves_the_collector_running(collector_seen):
    plan = ingest_bytes(SAMPLE.read_bytes(), SAMPLE.name)
    assert plan.events and collector_seen == [True]


@pytest.mark.parametrize("command, reads", [
    (["ingest", str(SAMPLE), "--output", "{tmp}", "--quiet"], 1),
    (["export", "xlsx", str(SAMPLE), "--output", "{tmp}/plan.xlsx"], 1),
    (["diff", str(SAMPLE), str(SAMPLE)], 2),
], ids=["ingest", "export", "diff"])
def test_the_cli_reads_paused_and_resumes(collector_seen, tmp_path, capsys, command, reads):
    assert main([part.format(tmp=tmp_path) for part in command]) == 0
    assert collector_seen == [False] * reads
    assert gc.isenabled()


def test_the_cli_diff_pairs_paused(monkeypatch, capsys):
    import ingest.diff.plans as plans
    seen = []
    diff_plans = plans.diff_plans

    def spy(old, new, *args):
        seen.append(gc.isenabled())
        return diff_plans(old, new, *args)

    monkeypatch.setattr(plans, "diff_plans", spy)
    assert main(["diff", str(SAMPLE), str(SAMPLE)]) == 0
    assert seen == [False] and gc.isenabled()


def test_a_batch_in_this_process_leaves_the_collector_running(collector_seen):
    [result] = read_many([Input(SAMPLE)], jobs=1)
    assert result.status == "ok" and collector_seen == [True]


def _collector_state(item, limits):
    return BatchResult(item, "failed", message=f"collector running: {gc.isenabled()}")


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                    reason="the spy reaches the workers only when they are forked")
def test_batch_workers_read_paused(monkeypatch, tmp_path):
    monkeypatch.setattr(batch, "read_one", _collector_state)
    results = read_many([Input(tmp_path / "a.txt"), Input(tmp_path / "b.txt")], jobs=2)
    assert [result.message for result in results] == ["collector running: False"] * 2


@pytest.fixture
def collections(monkeypatch):
    """The collector's runs (generation, collected), recorded while a test runs; frozen objects unfrozen after."""
    found = []

    def record(phase, info):
        if phase == "stop":
            found.append((info["generation"], info["collected"]))

    gc.callbacks.append(record)
    yield found
    gc.callbacks.remove(record)
    gc.unfreeze()


def test_a_start_up_pause_freezes_what_it_made_and_resumes(collections):
    with startup_paused():
        made = [[] for _ in range(5 * gc.get_threshold()[0])]  # enough to start a collection at once
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() >= len(made)
    gc.unfreeze()


def _worker_collector_after_a_read() -> tuple[bool, bool]:
    """In a worker: the collector's state during a read and after it."""
    seen = []
    original = batch.read_one

    def spy(item, limits):
        seen.append(gc.isenabled())
        return original(item, limits)

    batch.read_one = spy
    batch.read_paused(Input(SAMPLE))
    return seen[0], gc.isenabled()


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                    reason="a forked worker inherits the parent's paused collector")
def test_a_worker_forked_while_start_up_pauses_the_collector_resumes_it_after_each_read():
    from concurrent.futures import ProcessPoolExecutor

    with startup_paused():  # as the CLI forks its workers: the collector off in the parent
        with ProcessPoolExecutor(1, initializer=batch._start_worker) as pool:
            assert pool.submit(_worker_collector_after_a_read).result() == (False, True)


@pytest.mark.parametrize("inputs, running_before_each", [(1, [False]), (2, [True, True])])
def test_the_ingest_command_pauses_once_for_one_file_and_per_file_for_several(
        monkeypatch, tmp_path, inputs, running_before_each):
    seen, original = [], batch.read_paused

    def spy(item, limits):
        seen.append(gc.isenabled())
        return original(item, limits)

    monkeypatch.setattr(batch, "read_paused", spy)
    files = []
    for index in range(inputs):
        files.append(tmp_path / f"plan_{index}.txt")
        files[-1].write_bytes(SAMPLE.read_bytes())
    assert main(["ingest", *map(str, files), "-j", "1", "--output", str(tmp_path / "out"), "--quiet"]) == 0
    assert seen == running_before_each and gc.isenabled()
    gc.unfreeze()


def test_the_ingest_command_runs_no_collection_and_resumes(collections, tmp_path, capsys):
    assert main(["ingest", str(SAMPLE), "--output", str(tmp_path), "--quiet"]) == 0
    assert collections == [] and gc.isenabled()
    [] + [[] for _ in range(2 * gc.get_threshold()[0])]  # after the command: the collector works again
    assert collections
