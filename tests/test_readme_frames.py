"""The README's frames() example runs and prints what the README says it prints."""

import contextlib
import io
import re

from tests.conftest import ROOT

MARKER = "<!-- example: frames -->"


def readme_example() -> tuple[str, str]:
    """The code block after the marker and the text block after it (what it prints)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    after = text[text.index(MARKER) + len(MARKER):]
    code, printed = re.findall(r"```(?:python|text)\n(.*?)```", after, re.S)[:2]
    return code, printed


def test_the_readme_frames_example_prints_what_the_readme_shows(monkeypatch):
    code, printed = readme_example()
    monkeypatch.chdir(ROOT)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(code, "README.md (frames example)", "exec"), {})
    assert output.getvalue() == printed
