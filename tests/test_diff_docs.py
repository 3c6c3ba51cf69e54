"""docs/diff.md shows a command, then exactly what it prints."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from tests.test_cli import run

DOC = ROOT / "docs" / "diff.md"
EXAMPLE = re.compile(r"^```\n\$ mag-plan (?P<args>[^\n]+)\n(?P<output>.*?)^```", re.MULTILINE | re.DOTALL)


def test_the_documented_example_is_what_the_command_prints():
    example = EXAMPLE.search(DOC.read_text(encoding="utf-8"))
    result = run(*example["args"].split())
    assert result.returncode == 0
    assert result.stdout == example["output"], "docs/diff.md is stale: paste the command's output"
