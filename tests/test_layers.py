"""Data flows one way: reader → block model → extractor → records → writers.

Each package may import only the packages below it. The rules are read from the
source with an AST walk, so a lazy import inside a function counts too.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# package -> packages it must never import (prefix match on dotted names)
FORBIDDEN = {
    "schemas": ("parsers", "ingest"),
    "parsers": ("ingest",),
    # readers know nothing about plans; the extractor knows nothing about formats
    "parsers.readers": ("parsers.plan", "parsers.dates", "schemas"),
    "parsers.plan": ("parsers.readers",),
    "parsers.dates": ("parsers.readers", "parsers.plan"),
    "parsers.blocks": ("parsers.readers", "parsers.plan", "parsers.dates", "schemas"),
    "parsers.vocab": ("parsers.readers", "parsers.plan", "parsers.dates", "schemas"),
    # the pipeline and its subsystems after records do not reach back into each other
    "ingest.export": ("ingest.diff", "ingest.store", "ingest.cli", "ingest.batch"),
    "ingest.store": ("ingest.diff", "ingest.export", "ingest.cli", "ingest.batch"),
    "ingest.diff": ("ingest.store", "ingest.export", "ingest.cli", "ingest.batch"),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every module an import statement in the file names, absolute."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def violations(path: Path) -> list[str]:
    own = module_name(path)
    found = []
    for package, forbidden in FORBIDDEN.items():
        if not within(own, package):
            continue
        for name in imported(path):
            found += [f"{own} imports {name}" for banned in forbidden if within(name, banned)]
    return found


SOURCES = sorted(p for top in ("schemas", "parsers", "ingest") for p in (ROOT / top).rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_imports_a_layer_above_it(path):
    assert violations(path) == []


@pytest.mark.parametrize("source, bad", [
    ("from ingest.pipeline import ingest_bytes\n", "parsers/readers/x.py"),
    ("def f():\n    import ingest.cli\n", "schemas/x.py"),
    ("from parsers.plan.cells import clean\n", "parsers/readers/pdf/x.py"),
    ("from parsers.readers.docx import read_docx\n", "parsers/plan/x.py"),
])
def test_the_check_sees_an_upward_import(tmp_path, monkeypatch, source, bad):
    fake = ROOT / bad
    monkeypatch.setattr(Path, "read_text", lambda self, encoding=None: source)
    assert violations(fake) != []


def test_relative_imports_are_not_used():
    """The check reads absolute names only; the code base uses no relative imports."""
    relative = [str(p.relative_to(ROOT)) for p in SOURCES
                if any(isinstance(n, ast.ImportFrom) and n.level for n in ast.walk(ast.parse(p.read_text())))]
    assert relative == []
