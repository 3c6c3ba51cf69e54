"""Serialise a Plan: JSON, and one CSV per record table, written as a set.

One input's files are replaced together: they are written into a staging folder in the
output folder (``.mag-plan-stage-<pid>-*``), a ``.ready`` list is written there last, and
then, holding the output folder's lock (flock on the folder, exclusive), each is renamed
over its target. A run
killed during the renames leaves its ready staging folder; the next run into that folder
finishes those renames first (roll forward), so the set ends complete. While a run renames,
a reader that must never see a mixed set takes the same lock shared (``flock -s DIR cmd``); a staging
folder never made ready, whose process is gone, is removed, and so are our temporary files
(``.mag-plan-*``) older than an hour.
"""

from __future__ import annotations

import csv
import fcntl
import io
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from ingest.destinations import OutputError, output_error
from ingest.export.atomic import target_mode
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


STAGE_PREFIX = ".mag-plan-stage-"
TEMPORARY_PREFIX = ".mag-plan-"
READY = ".ready"
# Our temporary files older than this are left from a killed run (a run writes in seconds).
STALE_SECONDS = 3600


def write_files(directory: Path, files: dict[str, str]) -> list[Path]:
    """Write the set of ``files`` into ``directory`` as a whole: staged, made ready, then
    renamed in under the folder's lock (see the module docstring)."""
    first = directory / next(iter(files))
    try:
        directory.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f"{STAGE_PREFIX}{os.getpid()}-", dir=directory))
    except OSError as error:
        raise output_error(error, first) from None
    ready = False
    try:
        for name, content in files.items():
            encoding = CSV_ENCODING if name.endswith(".csv") else "utf-8"
            with (stage / name).open("w", encoding=encoding, newline="") as stream:
                stream.write(content)
            os.chmod(stage / name, target_mode(directory / name))  # a replaced file keeps its mode
        (stage / READY).write_text("\n".join(files) + "\n", encoding="utf-8")
        ready = True
        with output_lock(directory):
            sweep(directory, keep=stage)
            if stage.exists():  # else another run, sweeping while this one waited, rolled it forward
                swap_in(stage, directory)
    except OSError as error:
        raise output_error(error, first) from None
    finally:
        if not ready:
            shutil.rmtree(stage, ignore_errors=True)
    return [directory / name for name in files]


@contextmanager
def output_lock(directory: Path, shared: bool = False):
    """The output folder's lock (flock on the folder itself, so no lock file is left in it):
    exclusive while a set is renamed in, shared for a reader."""
    handle = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # releases the lock


def swap_in(stage: Path, directory: Path) -> None:
    """Rename a ready staging folder's files over their targets, then remove it; files
    already renamed (by a run killed half way) are skipped."""
    for name in (stage / READY).read_text(encoding="utf-8").split():
        if (stage / name).exists():
            os.replace(stage / name, directory / name)
    shutil.rmtree(stage, ignore_errors=True)


def sweep(directory: Path, keep: Path | None = None) -> None:
    """Finish what killed runs left in ``directory``: roll ready staging folders forward,
    remove unready ones whose process is gone and our temporary files over an hour old.
    Call it holding ``output_lock``."""
    for leftover in sorted(directory.glob(f"{TEMPORARY_PREFIX}*"), key=_age_order):
        if leftover == keep:
            continue
        if leftover.name.startswith(STAGE_PREFIX) and leftover.is_dir():
            if (leftover / READY).is_file():
                swap_in(leftover, directory)
            elif not _alive(leftover.name[len(STAGE_PREFIX):].split("-")[0]):
                shutil.rmtree(leftover, ignore_errors=True)
        elif leftover.is_file() and time.time() - leftover.stat().st_mtime > STALE_SECONDS:
            leftover.unlink(missing_ok=True)


def _age_order(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _alive(pid: str) -> bool:
    """True when process ``pid`` still runs (or the name holds no pid: leave it alone)."""
    if not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
