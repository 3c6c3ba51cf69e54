"""`mag-plan diff OLD NEW`: inputs, formats and exit codes."""

from __future__ import annotations

import json

import pytest

from ingest.cli import main
from tests.conftest import SAMPLES
from tests.test_cli import run

OLD, NEW = str(SAMPLES / "plan_2024.docx"), str(SAMPLES / "plan_2025.html")
SAME = str(SAMPLES / "plan_2024.html")


@pytest.mark.parametrize("args, code", [
    ([OLD, NEW], 0),
    ([OLD, NEW, "--exit-code"], 1),
    ([OLD, SAME], 0),
    ([OLD, SAME, "--exit-code"], 0),
])
def test_exit_code_says_differences_only_when_asked(args, code):
    assert main(["diff", *args]) == code


@pytest.mark.parametrize("fmt, opening", [
    ("text", "--- plan_2024.docx (2024)"),
    ("json", "{"),
    ("markdown", "## Plan diff:"),
    ("html", "<!DOCTYPE html>"),
])
def test_every_format_renders_from_the_command_line(fmt, opening):
    result = run("diff", OLD, NEW, "--format", fmt)
    assert result.returncode == 0 and result.stdout.startswith(opening)
    assert "\x1b[" not in result.stdout  # piped: no colour


def test_a_plan_json_written_by_ingest_is_a_plan_too(tmp_path, capsys):
    main(["ingest", OLD, "-o", str(tmp_path), "-q"])
    capsys.readouterr()
    written = tmp_path / "plan_2024.json"
    main(["diff", str(written), NEW, "--format", "json"])
    from_json = json.loads(capsys.readouterr().out)
    main(["diff", OLD, NEW, "--format", "json"])
    from_docx = json.loads(capsys.readouterr().out)
    assert from_json == from_docx


def test_a_plan_json_is_told_by_its_content_not_its_name(tmp_path, capsys):
    main(["ingest", OLD, "--stdout"])
    renamed = tmp_path / "plan.docx"
    renamed.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["diff", str(renamed), OLD, "--exit-code"]) == 0


@pytest.mark.parametrize("name, content, message", [
    ("missing.docx", None, "no such file"),
    ("other.json", '{"name": "not a plan"}', "not a mag-plan JSON (4 problems; first at source: Field required)"),
    ("broken.json", '{"title": ', "damaged JSON"),
    ("notes.txt", "просто текст\n", "no event table"),
])
def test_bad_input_is_one_line_naming_the_file_and_exit_2(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    for args in ((str(path), OLD), (OLD, str(path))):
        result = run("diff", *args)
        assert result.returncode == 2, result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert str(path) in result.stderr and message in result.stderr


@pytest.mark.parametrize("args", [["diff"], ["diff", OLD], ["diff", OLD, NEW, "--format", "pdf"]])
def test_usage_errors_exit_2(args):
    assert run(*args).returncode == 2


def test_all_lists_the_unchanged_pairs(capsys):
    main(["diff", OLD, NEW, "--format", "json", "--all"])
    assert {"old": "2024-04", "new": "2025-04"}.items() <= json.loads(capsys.readouterr().out)["pairs"][3].items()


def test_schema_diff_prints_the_diff_schema():
    result = run("schema", "--diff")
    assert result.returncode == 0 and json.loads(result.stdout)["title"] == "PlanDiff"
