"""Serialise a Plan: JSON, and one CSV per record table. Writes are atomic."""

from __future__ import annotations

import csv
import io
from contextlib import ExitStack
from pathlib import Path

from ingest.destinations import OutputError
from ingest.export.atomic import atomic_path
from ingest.export.safe_cells import spreadsheet_values
from schemas.plan import Plan
from schemas.tables import TABLES, columns

# Excel in a Russian locale reads UTF-8 CSV correctly only with a BOM.
CSV_ENCODING = "utf-8-sig"


def plan_json(plan: Plan) -> str:
    """The plan as indented JSON, non-ASCII text kept readable."""
    return plan.model_dump_json(indent=2) + "\n"


def table_csv(plan: Plan, table: str) -> str:
    """One record table of the plan as CSV text, a header row first; cells a spreadsheet
    would run as formulas are neutralised (ingest.export.safe_cells)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns(TABLES[table]))
    writer.writerows(map(spreadsheet_values, getattr(plan, table)))
    return buffer.getvalue()


def plan_files(plan: Plan, stem: str) -> dict[str, str]:
    """File name → content for everything `ingest` writes for one plan."""
    files = {f"{stem}.json": plan_json(plan)}
    for table in TABLES:
        files[f"{stem}.{table}.csv"] = table_csv(plan, table)
    return files


def write_files(directory: Path, files: dict[str, str]) -> list[Path]:
    """Write all files or none: each goes to a temporary file first, and only when every
    one is written are they renamed over their targets (ingest.export.atomic.atomic_path)."""
    targets = [directory / name for name in files]
    with ExitStack() as stack:
        for target, content in zip(targets, files.values()):
            temporary = stack.enter_context(atomic_path(target))
            encoding = CSV_ENCODING if target.suffix == ".csv" else "utf-8"
            with temporary.open("w", encoding=encoding, newline="") as stream:
                stream.write(content)
    return targets


# Names that say "a file": an output folder named so is a mistake for the file it names.
FILE_SUFFIXES = frozenset({".json", ".jsonl", ".csv", ".ics", ".xlsx", ".sqlite", ".db"})


def check_output_folder(directory: Path) -> None:
    """OutputError unless ``directory`` is a folder or may become one."""
    if directory.exists() and not directory.is_dir():
        raise OutputError("is a file, not a folder: -o names the folder `ingest` writes its files into",
                          str(directory))
    if not directory.exists() and directory.suffix.lower() in FILE_SUFFIXES:
        raise OutputError(f"-o names the folder `ingest` writes four files per plan into, not one {directory.suffix} "
                          "file: give a folder, or write the JSON with --stdout > FILE", str(directory))


def output_stems(paths: list[Path]) -> dict[Path, str]:
    """The stem each input's outputs are named after: its file stem, or its file name
    when two inputs of one run share a stem (plan_2024.docx and plan_2024.pdf)."""
    stems = {path: "stdin" if str(path) == "-" else path.stem for path in paths}
    counts: dict[str, int] = {}
    for stem in stems.values():
        counts[stem] = counts.get(stem, 0) + 1
    return {path: stem if counts[stem] == 1 else path.name for path, stem in stems.items()}
