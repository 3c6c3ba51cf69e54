"""mag-plan as a library: a plan document in, validated records out, and every writer.

    import ingest
    plan = ingest.ingest_file("plan_2024.docx")
    ingest.write_files(Path("out"), ingest.plan_files(plan, "plan_2024"))

The names below are imported on first use (module ``__getattr__``), so ``import ingest``
costs next to nothing and the CLI starts fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# public name → the module that defines it
_EXPORTS = {
    "ingest_file": "ingest.pipeline",
    "ingest_bytes": "ingest.pipeline",
    "load_plan_any": "ingest.sources",
    "Limits": "parsers.limits",
    "IngestError": "parsers.errors",
    "OutputError": "ingest.destinations",
    "parse_date": "parsers.dates",
    "diff_plans": "ingest.diff.plans",
    "plan_json": "ingest.export.files",
    "plan_files": "ingest.export.files",
    "write_files": "ingest.export.files",
    "write_ics": "ingest.export.ics",
    "write_xlsx": "ingest.export.xlsx",
    "store_plan": "ingest.store.database",
    "load_plan": "ingest.store.database",
    "run_batch": "ingest.batch",
    "Plan": "schemas.plan",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:  # what type checkers and IDEs see; at run time __getattr__ imports on demand
    from ingest.batch import run_batch
    from ingest.destinations import OutputError
    from ingest.diff.plans import diff_plans
    from ingest.export.files import plan_files, plan_json, write_files
    from ingest.export.ics import write_ics
    from ingest.export.xlsx import write_xlsx
    from ingest.pipeline import ingest_bytes, ingest_file
    from ingest.sources import load_plan_any
    from ingest.store.database import load_plan, store_plan
    from parsers.dates import parse_date
    from parsers.errors import IngestError
    from parsers.limits import Limits
    from schemas.plan import Plan

    __version__: str


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value: Any = _version()
    elif name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
    else:
        raise AttributeError(f"module 'ingest' has no attribute {name!r}")
    globals()[name] = value  # once found, a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def _version() -> str:
    """The installed package's version; in a source tree that is not installed, pyproject.toml's."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mag-plan")
    except PackageNotFoundError:
        import re
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        found = pyproject.is_file() and re.search(r'^version = "([^"]+)"', pyproject.read_text(), re.MULTILINE)
        return found.group(1) if found else "0+unknown"
