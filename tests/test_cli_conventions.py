"""The command line behaves as the tools its users know: help that teaches, --version, completion,
stdin and stdout as -, JSON Lines, -v, --strict, `show`, and a library face that imports lazily."""

from __future__ import annotations

import doctest
import json
import os
import re
import shlex
import subprocess
import sys

import pytest
from click.testing import CliRunner

from ingest.cli import cli
from tests.conftest import ROOT, SAMPLES
from tests.test_cli import run

COMMANDS = list(cli.commands)
SHELL_SYNTAX = re.compile(r"[|<>]|\$\(")


def help_text(command: str) -> str:
    result = CliRunner().invoke(cli, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    return result.output


def examples(command: str) -> list[tuple[str, str]]:
    """The (command line, what it prints) pairs under "Examples:" in a command's --help."""
    lines = help_text(command).split("Examples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    indent = len(lines[0]) - len(lines[0].lstrip())
    found: list[tuple[str, list[str]]] = []
    for line in lines:
        line = line[indent:]
        if line.startswith("$ "):
            found.append((line[2:], []))
        else:
            found[-1][1].append(line)
    return [(line, "\n".join(output)) for line, output in found]


def test_every_command_has_a_description_and_two_or_three_examples():
    for command in COMMANDS:
        text = help_text(command)
        description = text.split("\n\n")[1].strip()
        assert len(description) > 20, command
        assert 2 <= len(examples(command)) <= 4, command


RUNNABLE = [(command, line, output) for command in COMMANDS for line, output in examples(command)
            if not SHELL_SYNTAX.search(line)]


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, str]:
    """What each runnable example printed, all run in one folder in the order the help lists them
    (ingest's examples write what the later ones read)."""
    folder = tmp_path_factory.mktemp("examples")
    (folder / "samples").symlink_to(SAMPLES)
    shown = {}
    for _, line, _ in RUNNABLE:
        words = shlex.split(line)
        assert words[0] == "mag-plan"
        result = subprocess.run([sys.executable, "-m", "ingest", *words[1:]], capture_output=True, text=True,
                                cwd=folder, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
        text = "\n".join(text.rstrip() for text in (result.stdout + result.stderr).splitlines())
        shown[line] = text if result.returncode == 0 else f"exit {result.returncode}: {text}"
    return shown


@pytest.mark.parametrize("command, line, output", RUNNABLE, ids=[line for _, line, _ in RUNNABLE])
def test_every_help_example_prints_what_the_help_shows(printed, command, line, output):
    assert doctest._ellipsis_match(output.rstrip(), printed[line]), f"{line} printed:\n{printed[line]}"


def test_a_misspelled_command_gets_the_nearest_suggested():
    result = run("ingset", "plan.docx")
    assert result.returncode == 2 and "no such command 'ingset'. Did you mean 'ingest'?" in result.stderr


def test_version_comes_from_the_package_metadata():
    from importlib.metadata import version

    import ingest

    result = run("--version")
    assert result.returncode == 0 and result.stdout == f"mag-plan {version('mag-plan')}\n"
    assert ingest.__version__ == version("mag-plan")


@pytest.mark.parametrize("shell, marker", [("bash", "complete -o nosort -F _mag_plan_completion mag-plan"),
                                           ("zsh", "#compdef mag-plan"), ("fish", "complete --no-files --command mag-plan")])
def test_completion_scripts_for_three_shells(shell, marker):
    result = run("completion", shell)
    assert result.returncode == 0 and marker in result.stdout and "_MAG_PLAN_COMPLETE" in result.stdout


@pytest.mark.parametrize("words, word, expected", [
    ("mag-plan ing", 1, ["ingest"]),
    ("mag-plan diff --format ", 3, ["text", "json", "markdown", "html"]),
    ("mag-plan export ", 2, ["ics", "xlsx"]),
])
def test_completion_completes_commands_and_choices(words, word, expected):
    result = subprocess.run([sys.executable, "-m", "ingest"], capture_output=True, text=True, cwd=ROOT,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "_MAG_PLAN_COMPLETE": "bash_complete",
                                 "COMP_WORDS": words, "COMP_CWORD": str(word)})
    assert [line.split(",", 1)[1] for line in result.stdout.splitlines()] == expected


def run_input(data: bytes, *args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ingest", *args], input=data, capture_output=True, cwd=cwd,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_ingest_reads_a_document_from_stdin(tmp_path):
    result = run_input((SAMPLES / "plan_2024.docx").read_bytes(), "ingest", "-", "--stdout", "-q", cwd=tmp_path)
    plan = json.loads(result.stdout)
    assert result.returncode == 0 and plan["source"]["file"] == "stdin" and len(plan["events"]) == 19
    written = run_input((SAMPLES / "plan_2024.txt").read_bytes(), "ingest", "-", "-o", "out", cwd=tmp_path)
    assert written.stdout.decode() == "stdin -> out/stdin.json: 19 events, 8 jubilees, 9 city days, 0 warnings\n"


def test_stdin_is_held_to_the_size_limit_and_named_in_errors(tmp_path):
    result = run_input((SAMPLES / "plan_2024.docx").read_bytes(), "ingest", "-", "--stdout", "--max-size", "1k",
                       cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.decode().startswith("mag-plan: error: stdin: the file is")
    bad = run_input(b"\x89PNG\r\n\x1a\n" + bytes(64), "export", "ics", "-", "-o", "-", cwd=tmp_path)
    assert bad.returncode == 2 and bad.stderr.decode().startswith("mag-plan: error: stdin: not a supported document")


def test_diff_takes_one_side_from_stdin(tmp_path):
    result = run_input((SAMPLES / "plan_2025.docx").read_bytes(), "diff", str(SAMPLES / "plan_2024.docx"), "-",
                       "--format", "json", cwd=tmp_path)
    assert result.returncode == 0
    assert json.loads(result.stdout)["new"]["file"] == "stdin"
    assert run_input(b"", "diff", "-", "-", cwd=tmp_path).returncode == 2


@pytest.mark.parametrize("target, check", [
    ("ics", lambda data: data.startswith(b"BEGIN:VCALENDAR")),
    ("xlsx", lambda data: data.startswith(b"PK\x03\x04")),
])
def test_export_reads_stdin_and_writes_stdout(tmp_path, target, check):
    result = run_input((SAMPLES / "plan_2024.txt").read_bytes(), "export", target, "-", "-o", "-", cwd=tmp_path)
    assert result.returncode == 0 and check(result.stdout)
    assert result.stderr.decode().startswith("stdin -> stdout: ")
    assert list(tmp_path.iterdir()) == []


def test_stdout_with_several_inputs_is_refused_and_nl_writes_json_lines(tmp_path):
    two = [str(SAMPLES / "plan_2023.docx"), str(SAMPLES / "plan_2025.docx")]
    refused = run("ingest", *two, "--stdout", cwd=tmp_path)
    assert refused.returncode == 2 and "add --nl" in refused.stderr and refused.stdout == ""
    lines = run("ingest", *two, "--nl", "-q", cwd=tmp_path).stdout.splitlines()
    assert [json.loads(line)["year"] for line in lines] == [2023, 2025]
    assert list(tmp_path.iterdir()) == []


def test_verbose_says_what_was_detected_which_reader_and_how_long_each_step_took(tmp_path):
    result = run("ingest", str(SAMPLES / "plan_2024.docx"), "-o", str(tmp_path), "-v")
    line = next(line for line in result.stderr.splitlines() if "read by" in line)
    assert re.search(r"docx, read by read_docx; read file [\d.]+ ms, detect [\d.]+ ms, read [\d.]+ ms, "
                     r"extract and validate [\d.]+ ms, write [\d.]+ ms", line)
    assert "-q and -v" in run("ingest", str(SAMPLES / "plan_2024.docx"), "-q", "-v").stderr


@pytest.fixture
def warned(tmp_path):
    """The 2024 plan with one event number skipped: a numbering_gap warning."""
    text = (SAMPLES / "plan_2024.txt").read_text(encoding="utf-8")
    path = tmp_path / "gap.txt"
    path.write_text(re.sub(r"^3\.(\t)", r"30.\1", text, count=1, flags=re.MULTILINE), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["ingest", "{p}", "-o", "{d}/out"], ["export", "ics", "{p}", "-o", "{d}/p.ics"],
                                     ["diff", "{p}", "{p}"]], ids=["ingest", "export", "diff"])
def test_strict_makes_any_warning_exit_3(warned, tmp_path, command):
    arguments = [word.format(p=warned, d=tmp_path) for word in command]
    assert run(*arguments).returncode == 0
    assert run(*arguments, "--strict").returncode == 3
    clean = [word.replace(str(warned), str(SAMPLES / "plan_2024.txt")) for word in arguments]
    assert run(*clean, "--strict").returncode == 0


def test_show_prints_the_plan_as_a_table_wrapped_to_the_width():
    result = run("show", str(SAMPLES / "plan_2024.docx"), "--width", "72")
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and max(map(len, lines)) <= 72
    assert re.match(r"№\s+date\s+place\s+title\s+organizers$", lines[lines.index("") + 1])
    assert "Деятельность по информационному обеспечению городов-членов МАГ" in lines  # a section as a group row
    assert any(line.startswith("1   май ") and "Хабаровск" in line for line in lines)
    assert "Ереван" in result.stdout and "2806" in result.stdout


def test_import_ingest_is_cheap_and_its_public_names_resolve():
    code = ("import sys, ingest; print(sorted(m for m in ('pydantic', 'parsers.readers', 'pandas') if m in sys.modules)); "
            "print(all(getattr(ingest, name) is not None for name in ingest.__all__))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.stdout.splitlines() == ["[]", "True"], result.stderr
    import ingest

    assert {"ingest_file", "ingest_bytes", "Limits", "IngestError", "parse_date", "diff_plans", "write_files",
            "write_ics", "write_xlsx"} <= set(ingest.__all__)


def test_the_packages_are_marked_typed():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for package in ("ingest", "parsers", "schemas"):
        assert (ROOT / package / "py.typed").is_file()
        assert re.search(rf'^{package} = \[[^\]]*"py.typed"', pyproject, re.MULTILINE)


def test_a_closed_pipe_stops_the_output_quietly():
    inputs = [str(path) for path in sorted(SAMPLES.glob("plan_*.docx")) + sorted(SAMPLES.glob("plan_*.html"))]
    command = f"{shlex.quote(sys.executable)} -m ingest ingest {' '.join(map(shlex.quote, inputs))} --nl -q -j 1 | head -c 10"
    result = subprocess.run(["bash", "-c", command + "; status=${PIPESTATUS[0]}; echo; echo $status"], capture_output=True, text=True,
                            cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.stderr == "" and result.stdout.splitlines()[-1] == "1"
