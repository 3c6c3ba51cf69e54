"""The command line: what it writes, prints and exits with."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from ingest.cli import main
from tests.conftest import ROOT, SAMPLES


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    """Run `python -m ingest` as a user would, in a separate process."""
    return subprocess.run([sys.executable, "-m", "ingest", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_ingest_writes_json_and_three_csv_files(tmp_path, capsys):
    assert main(["ingest", str(SAMPLES / "plan_2024.txt"), "-o", str(tmp_path)]) == 0
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["plan_2024.city_days.csv", "plan_2024.events.csv", "plan_2024.json", "plan_2024.jubilees.csv"]
    plan = json.loads((tmp_path / "plan_2024.json").read_text(encoding="utf-8"))
    assert len(plan["events"]) == 19
    assert "19 events, 8 jubilees, 9 city days, 0 warnings" in capsys.readouterr().out


def test_csv_opens_in_excel_with_a_bom_and_flat_date_columns(tmp_path):
    main(["ingest", str(SAMPLES / "plan_2024.txt"), "-o", str(tmp_path), "-q"])
    raw = (tmp_path / "plan_2024.events.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header = raw.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[header.index("date_text"):header.index("approximate") + 1] == [
        "date_text", "date_kind", "date_start", "date_end", "recurrence", "approximate"]
    assert "ОКМО; ВАРМСУ; АГП; АГУ; АСДГ; СГЦСЗ России" in raw.decode("utf-8-sig")


def test_stdout_prints_the_json_and_writes_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["ingest", str(SAMPLES / "plan_2024.txt"), "--stdout"]) == 0
    assert json.loads(capsys.readouterr().out)["year"] == 2024
    assert list(tmp_path.iterdir()) == []


def test_inputs_sharing_a_stem_get_their_file_name_as_stem(tmp_path):
    for name in ("plan.txt", "plan.md"):
        shutil.copy(SAMPLES / "plan_2024.txt", tmp_path / name)
    main(["ingest", str(tmp_path / "plan.txt"), str(tmp_path / "plan.md"), "-o", str(tmp_path / "out"), "-q"])
    assert {p.name for p in (tmp_path / "out").glob("*.json")} == {"plan.txt.json", "plan.md.json"}


def written(name: str, data: bytes):
    """A maker of a file ``name`` holding ``data`` in a test's folder."""
    def make(folder):
        (folder / name).write_bytes(data)
        return folder / name
    return make


@pytest.mark.parametrize("make_input, message", [
    (lambda d: d / "missing.docx", "no such file"),
    (lambda d: d, "is a folder"),
    (written("empty.docx", b""), "empty file"),
    (written("noise.pdf", bytes(range(256)) * 8), "not a supported document"),
    (written("plain.txt", "просто текст\n".encode()), "no event table"),
])
def test_bad_input_is_one_line_naming_the_file_and_exit_2(tmp_path, make_input, message):
    path = make_input(tmp_path)
    result = run("ingest", str(path), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(path) in result.stderr and message in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_failed_run_leaves_the_existing_output_intact(tmp_path):
    out = tmp_path / "out"
    main(["ingest", str(SAMPLES / "plan_2024.txt"), "-o", str(out), "-q"])
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    broken = tmp_path / "plan_2024.txt"
    broken.write_text("не план\n", encoding="utf-8")
    assert main(["ingest", str(broken), "-o", str(out)]) == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_usage_errors_exit_2():
    assert run("ingest").returncode == 2
    assert run("frobnicate").returncode == 2


def test_schema_command_prints_the_json_schema():
    result = run("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "Plan"


def test_the_cli_does_not_import_pandas_or_pdfplumber_to_start():
    code = ("import sys, io, contextlib, ingest.cli\n"
            "with contextlib.redirect_stdout(io.StringIO()): ingest.cli.main(['ingest', '--help'])\n"
            "print(any(m in sys.modules for m in ('pandas', 'pdfplumber', 'docx', 'lxml')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "False"


def test_date_command_prints_one_json_span_per_phrase_and_warns_on_unknown():
    result = subprocess.run([sys.executable, "-m", "ingest", "date", "--year", "2024"], input="I квартал\n31 июня\n",
                            capture_output=True, text=True, cwd=ROOT)
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert (first["kind"], first["start"], first["end"]) == ("quarter", "2024-01-01", "2024-03-31")
    assert second["kind"] == "unknown"
    assert "impossible date '31 июня'" in result.stderr and result.returncode == 0


@pytest.mark.parametrize("jobs", ["0", "-3", "two"])
def test_a_job_count_below_one_is_refused(tmp_path, jobs):
    result = run("ingest", str(SAMPLES / "plan_2024.txt"), "-o", str(tmp_path), "-j", jobs)
    assert result.returncode == 2 and "not a positive whole number" in result.stderr
    assert list(tmp_path.iterdir()) == []


BIG = str(SAMPLES / "plan_2024.docx")  # 9.3 KB


@pytest.mark.parametrize("command", [["ingest", BIG, "--stdout"], ["diff", BIG, BIG], ["export", "ics", BIG]],
                         ids=["ingest", "diff", "export"])
@pytest.mark.parametrize("how", ["flag", "environment"])
def test_every_command_that_reads_a_document_takes_the_same_size_limit(tmp_path, command, how):
    flags, env = (["--max-size", "1k"], {}) if how == "flag" else ([], {"MAG_PLAN_MAX_SIZE": "1k"})
    result = subprocess.run([sys.executable, "-m", "ingest", *command, *flags], capture_output=True, text=True,
                            cwd=tmp_path, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", **env})
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert result.stderr == (f"mag-plan: error: {BIG}: the file is 9.3 KB, over the 1.0 KB limit "
                             "(raise it with --max-size or MAG_PLAN_MAX_SIZE)\n")
def test_date_command_warns_on_a_doubtful_phrase_with_its_own_code():
    result = subprocess.run([sys.executable, "-m", "ingest", "date", "--year", "2024", "10 февраля, пятница", "10-00"],
                            capture_output=True, text=True, cwd=ROOT)
    read, unread = (json.loads(line) for line in result.stdout.splitlines())
    assert (read["kind"], read["start"], unread["kind"]) == ("day", "2024-02-10", "unknown")
    assert "warning [date_doubtful]: the weekday (пятница) does not match" in result.stderr
    assert "warning [date_unknown]: a time without a day '10-00'" in result.stderr


def test_control_characters_in_titles_and_file_names_never_reach_the_terminal(tmp_path):
    """An ESC/OSC sequence in a title (the diff prints it) or a newline and ESC in a file name
    (the summary prints it) are shown as visible escapes, not sent to the terminal."""
    text = (SAMPLES / "plan_2024.txt").read_text(encoding="utf-8")
    hostile = text.replace("XXX сессия МАГ", "XXX сессия \x1b]0;pwned\x07\x1b[2JМАГ", 1)
    name = tmp_path / "plan\n\x1b[31mred.txt"
    name.write_text(hostile, encoding="utf-8")
    old = tmp_path / "old.txt"
    old.write_text(text.replace("XXX сессия МАГ", "Совсем другое событие", 1), encoding="utf-8")
    for args in (["ingest", str(name), "-o", str(tmp_path / "out")], ["diff", str(old), str(name)],
                 ["diff", str(old), str(name), "--format", "markdown"]):
        result = run(*args)
        assert result.returncode in (0, 1), result.stderr
        for stream in (result.stdout, result.stderr):
            assert "\x1b" not in stream and "\x07" not in stream
    assert "\\x1b]0;pwned\\x07" in run("diff", str(old), str(name)).stdout
    assert "plan\\x0a\\x1b[31mred.txt" in run("ingest", str(name), "-o", str(tmp_path / "out")).stdout


def test_visible_escapes_controls_and_keeps_text():
    from ingest.terminal import visible
    assert visible("Форум\x1b[2J\tи\n\x9bок") == "Форум\\x1b[2J\tи\n\\x9bок"
    assert visible("a\nb", newlines=False) == "a\\x0ab"
