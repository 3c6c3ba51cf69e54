"""README.md and docs/*.md tell the truth: their Python examples run, the names they cite exist.

How an example is written so that this test checks it:

- every ```python block runs, top to bottom, the blocks of one page sharing one namespace, in a
  fresh folder holding a link to samples/ (so "samples/plan_2024.pdf" opens);
- an expression on a line of its own, followed by a comment line ``# -> TEXT``, must have a
  ``repr`` equal to TEXT, where ``...`` in TEXT stands for any text (doctest's ELLIPSIS);
- a block whose info string is ``python no-run`` only shows code or output and is not run.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import re

import pytest

from tests.conftest import ROOT, SAMPLES

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```(?P<info>python[^\n]*)\n(?P<code>.*?)^```", re.MULTILINE | re.DOTALL)
EXPECTED = re.compile(r"^\s*# -> (?P<text>.*)$")
CITED = re.compile(r"`(?P<name>(?:ingest|parsers|schemas)(?:\.\w+)+)")


def python_blocks(page) -> list[str]:
    """The runnable ```python blocks of a page, in order."""
    return [m["code"] for m in BLOCK.finditer(page.read_text(encoding="utf-8")) if "no-run" not in m["info"]]


def checks(code: str) -> dict[int, str]:
    """Line number (1-based) of each expression → the repr its ``# -> `` comment on the next line shows."""
    lines = code.splitlines()
    found = {}
    for number, line in enumerate(lines[1:], start=2):
        expected = EXPECTED.match(line)
        if expected:
            found[number - 1] = expected["text"].strip()
    return found


def run_block(code: str, namespace: dict, where: str) -> None:
    """Run one block; each checked expression's repr is compared with what its comment shows."""
    expected = checks(code)
    tree = ast.parse(code, filename=where)
    for statement in tree.body:
        module = ast.Module(body=[statement], type_ignores=[])
        if isinstance(statement, ast.Expr) and statement.lineno in expected:
            value = eval(compile(ast.Expression(statement.value), where, "eval"), namespace)
            shown = expected.pop(statement.lineno)
            assert doctest._ellipsis_match(shown, repr(value)), f"{where}:{statement.lineno}: {value!r} != {shown}"
        else:
            exec(compile(module, where, "exec"), namespace)
    assert not expected, f"{where}: a '# -> ' comment follows no expression on lines {sorted(expected)}"


@pytest.mark.parametrize("page", [page for page in PAGES if python_blocks(page)], ids=lambda page: page.name)
def test_every_python_example_runs_and_shows_what_it_returns(page, tmp_path, monkeypatch):
    (tmp_path / "samples").symlink_to(SAMPLES)
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "__docs__"}
    for number, code in enumerate(python_blocks(page), start=1):
        run_block(code, namespace, f"{page.name} example {number}")


def test_the_pages_have_python_examples_with_checked_results():
    assert sum(len(checks(code)) for page in PAGES for code in python_blocks(page)) >= 3


def cited_names() -> list[tuple[str, str]]:
    return sorted({(page.name, m["name"]) for page in PAGES for m in CITED.finditer(page.read_text(encoding="utf-8"))})


@pytest.mark.parametrize("page, name", cited_names(), ids=lambda value: value)
def test_every_library_name_the_docs_cite_exists(page, name):
    parts = name.split(".")
    for split in range(len(parts), 0, -1):  # the longest importable prefix, then attributes
        try:
            target = importlib.import_module(".".join(parts[:split]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[split:]:
            assert hasattr(target, attribute), f"{page} cites {name}: no {attribute} in {target.__name__}"
            target = getattr(target, attribute)
        return
    pytest.fail(f"{page} cites {name}, which is no module")


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("table", ["events", "jubilees", "city_days"])
def test_the_readme_lists_every_csv_column(table):
    from schemas.tables import TABLES, columns

    row = re.search(rf"^\| `\*\.{table}\.csv` \| (?P<columns>[^|]+) \|$", readme(), re.MULTILINE)
    assert row["columns"].split(", ") == columns(TABLES[table])


def test_the_readme_contract_names_every_date_field():
    from schemas.plan import DateSpan

    contract = re.search(r"^DateSpan: (?P<text>.*?)^\w+:", readme(), re.MULTILINE | re.DOTALL)["text"]
    assert [name for name in DateSpan.model_fields if not re.search(rf"\b{name}\b", contract)] == []


def sh_blocks(text: str) -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```", text, re.MULTILINE | re.DOTALL)


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci in [line for block in sh_blocks(readme()) for line in block.splitlines()]
    assert "pytest" in ci


def test_the_install_commands_make_a_virtual_environment_and_write_outside_the_tracked_output():
    install = sh_blocks(readme())[0]
    assert install.startswith("python3 -m venv .venv && . .venv/bin/activate\n")
    first = re.search(r"mag-plan ingest (?P<args>.*)", install)["args"].split()
    folder = first[first.index("-o") + 1]
    assert folder != "output" and f"/{folder}/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "virtual environment" in readme().split("```sh")[0]
