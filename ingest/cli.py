"""The `mag-plan` command (Click): parses arguments, calls the library, prints results.

Exit codes: 0 success (warnings are only reported), 1 unexpected failure (a bug: please report
it), 2 bad input, output or usage, 3 warnings with --strict, 130 interrupted (Ctrl-C).
Each command imports what it uses when it runs, so `mag-plan ingest plan.docx` starts fast.
"""

from __future__ import annotations

import difflib
import functools
import logging
import os
import sys
from pathlib import Path
from types import SimpleNamespace

import click

from ingest.terminal import visible
from parsers.errors import IngestError
from parsers.limits import DEFAULT_LIMITS, human_size, limits_from, parse_count, parse_size

FORMATS = ("text", "json", "markdown", "html")  # of `diff`; ingest/diff/render.py renders each
TARGETS = ("ics", "xlsx")                        # of `export`
SHELLS = ("bash", "zsh", "fish")

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT, EXIT_WARNINGS = 0, 1, 2, 3
EXIT_INTERRUPTED = 128 + 2  # killed by SIGINT, as a shell reports it
EXIT_DIFFERENCES = 1  # `diff --exit-code`, as `git diff --exit-code`
SHOWN_WARNINGS = 10
STDIN = Path("-")


class FromParser(click.ParamType):
    """A parameter type from a parser raising ValueError (parsers.limits), keeping its message."""

    def __init__(self, parse, name: str):
        self.parse, self.name = parse, name

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        try:
            return self.parse(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


SIZE = FromParser(parse_size, "size")
COUNT = FromParser(parse_count, "count")
PATH = click.Path(path_type=Path, allow_dash=True)


class Commands(click.Group):
    """The subcommands in the order written; a misspelled one gets the nearest name suggested."""

    def list_commands(self, ctx):
        return list(self.commands)

    def resolve_command(self, ctx, args):
        name = args[0] if args else ""
        if name and name not in self.commands and not name.startswith("-"):
            nearest = difflib.get_close_matches(name, self.commands, n=1, cutoff=0.5)
            ctx.fail(f"no such command '{name}'." + (f" Did you mean '{nearest[0]}'?" if nearest else "")
                     + f" The commands: {', '.join(self.commands)}.")
        return super().resolve_command(ctx, args)


def show_version(ctx: click.Context, param, value) -> None:
    if value and not ctx.resilient_parsing:
        from ingest import __version__

        click.echo(f"mag-plan {__version__}")
        ctx.exit()


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=show_version,
              help="Print the version and exit.")
def cli() -> None:
    """Turn the МАГ's yearly event plans into validated JSON, CSV, SQLite, ICS and XLSX.

    \b
    Examples:
      $ mag-plan ingest samples/plan_2024.docx -o out
      samples/plan_2024.docx -> out/plan_2024.json: 19 events, 8 jubilees, 9 city days, 0 warnings
      $ mag-plan show samples/plan_2024.docx
      $ mag-plan diff samples/plan_2024.docx samples/plan_2025.docx

    `mag-plan COMMAND -h` explains each command; `python -m ingest` is the same program.
    """


def limit_options(command):
    """--max-size and --max-pages: every command that reads a document takes them."""
    command = click.option("--max-pages", type=COUNT, metavar="N",
                           help=f"Refuse PDFs with more pages (default {DEFAULT_LIMITS.max_pages}, "
                                "or MAG_PLAN_MAX_PAGES).")(command)
    return click.option("--max-size", type=SIZE, metavar="SIZE",
                        help=f"Refuse inputs larger than this, e.g. 200M (default "
                             f"{human_size(DEFAULT_LIMITS.max_input_bytes)}; markup read whole - HTML, text, Markdown, "
                             f"flat ODT, a DOCX's or ODT's parts but pictures - "
                             f"{human_size(DEFAULT_LIMITS.max_markup_bytes)}; or MAG_PLAN_MAX_SIZE).")(command)


def strict_option(command):
    return click.option("--strict", is_flag=True, help="Exit 3 when a plan has any warning.")(command)


def command_limits(max_size: int | None, max_pages: int | None):
    """The limits of this run: the flags, else the environment, else the defaults."""
    return limits_from(os.environ, max_input_bytes=max_size, max_pages=max_pages)


def quiet_libraries() -> None:
    """Keep the libraries' log records (pdfminer's "Invalid MediaBox ...") off stderr: what
    the user needs reaches them as one error line or as the plan's warnings.
    MAG_PLAN_DEBUG=1 lets them through."""
    if not os.environ.get("MAG_PLAN_DEBUG"):
        logging.getLogger().addHandler(logging.NullHandler())  # no lastResort printing


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script and of `python -m ingest`: the exit code."""
    quiet_libraries()
    try:
        return cli.main(args=argv, prog_name="mag-plan", standalone_mode=False) or EXIT_OK
    except click.ClickException as error:  # usage: Click's own message, exit 2
        error.show()
        return error.exit_code
    except click.Abort:
        print("mag-plan: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def exits(command):
    """A command's outcome as its exit code, also under Click's CliRunner: the code it returns, 2 with
    one line for bad input, 130 on Ctrl-C, 1 with one line for a bug (MAG_PLAN_DEBUG=1: the traceback)."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        click.get_current_context().exit(outcome(command, args, kwargs))
    return run


def outcome(command, args, kwargs) -> int:
    try:
        return command(*args, **kwargs) or EXIT_OK
    except (click.ClickException, click.exceptions.Exit):
        raise
    except IngestError as error:
        print(f"mag-plan: error: {visible(str(error), newlines=False)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("mag-plan: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as Click and cat do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return EXIT_FAILURE
    except Exception as error:  # a bug; say so in one line unless debugging
        if os.environ.get("MAG_PLAN_DEBUG"):
            raise
        print(f"mag-plan: unexpected error ({type(error).__name__}: {error}); "
              "set MAG_PLAN_DEBUG=1 for a traceback and please report it", file=sys.stderr)
        return EXIT_FAILURE


# ---- ingest -------------------------------------------------------------------------------------

@cli.command(short_help="Read plan documents; write JSON and CSV (and SQLite).")
@click.argument("files", nargs=-1, required=True, type=PATH)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              help="The folder to write into.")
@click.option("--stdout", is_flag=True, help="Print the JSON instead of writing files (one input).")
@click.option("--nl", is_flag=True, help="Print each plan as one line of JSON (JSON Lines, any number of inputs).")
@click.option("--db", type=click.Path(path_type=Path), help="Also store the plans in this SQLite file.")
@click.option("-j", "--jobs", type=COUNT, metavar="N", help="Worker processes (default: one per CPU core).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Say what was detected, which reader ran and how long each step took.")
@strict_option
@limit_options
@exits
def ingest(**options) -> int:
    """Read plan documents and write each as JSON and three CSV files.

    FILES are DOCX, PDF, HTML or text documents, folders (every document in them) or quoted
    patterns; - reads one document from stdin. For each input, -o DIR gets <stem>.json,
    <stem>.events.csv, <stem>.jubilees.csv and <stem>.city_days.csv; warnings go to stderr.

    \b
    Examples:
      $ mag-plan ingest samples/plan_2024.docx -o out
      samples/plan_2024.docx -> out/plan_2024.json: 19 events, 8 jubilees, 9 city days, 0 warnings
      $ mag-plan ingest samples/plan_2024.docx samples/plan_2025.docx -o out --db plans.sqlite
      samples/plan_2024.docx -> out/plan_2024.json: 19 events, 8 jubilees, 9 city days, 0 warnings; plans.sqlite: added
      samples/plan_2025.docx -> out/plan_2025.json: 18 events, 8 jubilees, 10 city days, 0 warnings; plans.sqlite: added
      $ mag-plan ingest samples/plan_2023.docx samples/plan_2025.docx --nl -q
      {"schema_version":"...","source":{"file":"plan_2023.docx",...}
      {"schema_version":"...","source":{"file":"plan_2025.docx",...}
    """
    from ingest.collector import startup_paused

    with startup_paused() as startup:  # its imports too; one document read inside (ingest/collector.py)
        return ingest_files(SimpleNamespace(**options), startup)


def ingest_files(args: SimpleNamespace, startup) -> int:
    """The `ingest` command's work, its options in ``args``; the exit code. ``startup``: the
    collector's start-up pause (``collector.StartUp``), ended before a batch of documents."""
    from ingest.batch import Delivery, Interrupted, Progress, deliver, expand_inputs, read_many
    from ingest.export.files import check_output_folder

    if args.quiet and args.verbose:
        raise click.UsageError("-q and -v contradict each other: choose one")
    args.stdout = args.stdout or args.nl
    items = expand_inputs(args.files)
    if args.stdout and not args.nl and len(items) > 1:
        raise click.UsageError(f"--stdout prints one plan, and {len(items)} inputs were given: "
                               "add --nl for one plan per line (JSON Lines)")
    progress = Progress(sys.stderr) if len(items) > 1 and sys.stderr.isatty() and not args.quiet else None
    limits = command_limits(args.max_size, args.max_pages)
    delivery = Delivery(output=None if args.stdout else args.output, db=args.db)
    if delivery.output is not None:
        check_output_folder(delivery.output)  # before the reading, which may take long
    report = sys.stderr if args.stdout else sys.stdout
    if len(items) > 1:
        startup.end()  # each document gets its own pause: garbage freed between them
    try:
        results = read_many(items, args.jobs, progress, limits, pause_collector=True)  # our process
    except Interrupted as interrupted:
        if progress:
            progress.clear()
        for result in deliver(interrupted.done, delivery):  # what was read is kept, each file atomic
            report_result(result, args, report)
        print(f"mag-plan: interrupted: {len(interrupted.done)} of {len(items)} files done, "
              f"{interrupted.not_done} not done", file=sys.stderr)
        return EXIT_INTERRUPTED
    if progress:
        progress.clear()
    results = deliver(results, delivery)
    for result in results:
        report_result(result, args, report)
    if not args.quiet and any(result.input.found for result in results):
        print(batch_table(results), end="", file=report)
    return exit_status(results, args.strict)


def report_result(result, args: SimpleNamespace, report) -> None:
    """One input's outcome: its JSON on --stdout, a line saying what was written, or why not."""
    path = shown(result.input.path)
    if result.status == "skipped":
        if not args.quiet:
            print(f"mag-plan: skipped {path}: {result.message}", file=sys.stderr)
        return
    if result.status == "error":
        print(f"mag-plan: {path}: {result.message}; set MAG_PLAN_DEBUG=1 for a traceback and please report it",
              file=sys.stderr)
        return
    if result.status != "ok":
        print(f"mag-plan: error: {path}: {result.message}", file=sys.stderr)
        return
    if args.stdout:
        sys.stdout.write(plan_json(result.plan, one_line=args.nl))
    if args.verbose and result.phases:
        notes = result.phases.notes
        print(f"  {path}: {notes.get('format')}, read by {notes.get('reader')}; {result.phases.summary()}",
              file=sys.stderr)
    if args.quiet:
        return
    target = f" -> {shown(result.written[0])}" if result.written else ""
    stored = f"; {shown(args.db)}: {result.stored}" if result.stored else ""
    print(f"{path}{target}: {summary(result.plan)}{stored}", file=report)
    show_warnings(result.plan, path)


def shown(path: Path) -> str:
    """A path as messages name it: "stdin" for -; control characters (a newline, ESC) in the
    name made visible."""
    return "stdin" if path == STDIN else visible(str(path), newlines=False)


def batch_table(results) -> str:
    """The summary of a folder or pattern run: file, format, events, warnings, status."""
    from ingest.texttable import text_table

    rows = []
    for result in results:
        plan = result.plan
        status = result.status if result.status == "ok" else f"{result.status}: {result.message}"
        if result.stored:
            status += f", db: {result.stored}"
        rows.append([shown(result.input.path), result.format or "", len(plan.events) if plan else "",
                     len(plan.warnings) if plan else "", status])
    return text_table(["file", "format", "events", "warnings", "status"], rows, numeric=["events", "warnings"])


def exit_status(results, strict: bool = False) -> int:
    """1 when a file hit a bug, else 2 when any file failed, else 3 with --strict when a plan has
    warnings, else 0 (skipped files are no failure)."""
    statuses = {result.status for result in results}
    if "error" in statuses:
        return EXIT_FAILURE
    if "failed" in statuses:
        return EXIT_BAD_INPUT
    return strict_status([result.plan for result in results if result.plan], strict)


def strict_status(plans, strict: bool) -> int:
    """EXIT_WARNINGS when ``strict`` and any plan has a warning, else EXIT_OK."""
    return EXIT_WARNINGS if strict and any(plan.warnings for plan in plans) else EXIT_OK


def plan_json(plan, one_line: bool = False) -> str:
    """The plan as the JSON `ingest` writes, or as one line of JSON Lines."""
    if one_line:
        return plan.model_dump_json() + "\n"
    from ingest.export.files import plan_json as as_json

    return as_json(plan)


def summary(plan) -> str:
    """"19 events, 8 jubilees, 9 city days, 0 warnings"."""
    return (f"{len(plan.events)} events, {len(plan.jubilees)} jubilees, "
            f"{len(plan.city_days)} city days, {len(plan.warnings)} warnings")


def show_warnings(plan, path: Path) -> None:
    """The first warnings of a plan, one line each, on stderr."""
    for warning in plan.warnings[:SHOWN_WARNINGS]:
        where = f" {warning.where}:" if warning.where else ""
        print(f"  warning [{warning.code}]{where} {visible(warning.message, newlines=False)}", file=sys.stderr)
    if len(plan.warnings) > SHOWN_WARNINGS:
        print(f"  ... and {len(plan.warnings) - SHOWN_WARNINGS} more in the JSON ({path})", file=sys.stderr)


# ---- show, diff, export -------------------------------------------------------------------------

def load(path: Path, limits):
    """The plan in a document or JSON, or in the document on stdin for -; the collector paused
    while it is read (the CLI owns its process)."""
    from ingest.collector import collector_paused
    from ingest.sources import load_plan_any

    with collector_paused():
        return load_plan_any(path, limits)


@cli.command(short_help="Print a plan as a table in the terminal.")
@click.argument("file", type=PATH)
@click.option("--width", type=click.IntRange(min=40), help="Wrap to this many columns (default: the terminal's).")
@limit_options
@exits
def show(file: Path, width: int | None, max_size, max_pages) -> int:
    """Print a plan as a table to read before converting it.

    FILE is a document, a JSON that `ingest` wrote, or - for stdin. Events are listed with
    number, date, place, title and organizers under their section; long text is wrapped to the
    terminal's width; then the jubilees and city days.

    \b
    Examples:
      $ mag-plan show samples/plan_2024.docx --width 100
      Предложения в план мероприятий Международной Ассамблеи столиц и крупных городов (МАГ) на 2024 год
      (2024): 19 events, 8 jubilees, 9 city days
      ...
      1   май               Хабаровск         XXX сессия МАГ по тематике Умного города    МАГ
      ...
      $ mag-plan show out/plan_2024.json | less
    """
    import shutil

    from ingest.texttable import plan_table

    plan = load(file, command_limits(max_size, max_pages))
    sys.stdout.write(plan_table(plan, width or shutil.get_terminal_size().columns))
    return EXIT_OK


@cli.command(short_help="Compare two years' plans.")
@click.argument("old")
@click.argument("new")
@click.option("--db", type=click.Path(path_type=Path), help="Compare two years stored in this SQLite file.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@click.option("--all", "show_all", is_flag=True, help="List unchanged pairs too.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when there are differences.")
@strict_option
@limit_options
@exits
def diff(old: str, new: str, db: Path | None, fmt: str, show_all: bool, exit_code: bool, strict: bool,
         max_size, max_pages) -> int:
    """Compare two years' plans: events paired by content, changed, added, removed.

    OLD and NEW are documents, JSONs that `ingest` wrote, - for stdin (one of them), or two
    years stored in --db.

    \b
    Examples:
      $ mag-plan diff samples/plan_2024.docx samples/plan_2025.docx
      --- plan_2024.docx (2024)  19 events
      +++ plan_2025.docx (2025)  18 events
      ...
      $ mag-plan diff --db plans.sqlite 2024 2025 --format markdown
      ## Plan diff: plan\\_2024.docx (2024) → plan\\_2025.docx (2025)
      ...
      $ mag-plan diff samples/plan_2024.docx samples/plan_2025.docx --format html > diff.html
    """
    from ingest.collector import collector_paused
    from ingest.diff.plans import diff_plans
    from ingest.diff.render import render
    from ingest.diff.view import DiffView

    old_plan, new_plan = diff_sides(old, new, db, command_limits(max_size, max_pages))
    with collector_paused():  # pairing builds a profile per event and a record per pair: none cyclic
        result = diff_plans(old_plan, new_plan)
    colour = fmt == "text" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    sys.stdout.write(render(DiffView(result, old_plan, new_plan, show_all=show_all), fmt, colour=colour))
    if exit_code and result.has_differences:
        return EXIT_DIFFERENCES
    return strict_status([old_plan, new_plan], strict)


def diff_sides(old: str, new: str, db: Path | None, limits):
    """The two plans of `diff`: documents or JSON files, or two years stored with --db."""
    if db is None:
        if old == new == "-":
            raise click.UsageError("only one side of diff can come from stdin (-)")
        return load(Path(old), limits), load(Path(new), limits)
    from ingest.store.database import load_plan

    years = []
    for side in (old, new):
        if not side.isdigit():
            raise IngestError(f"with --db, give two years (not {side!r})", str(db))
        years.append(int(side))
    return load_plan(db, years[0]), load_plan(db, years[1])


@cli.command(short_help="Write a plan as a calendar (ics) or a workbook (xlsx).")
@click.argument("target", type=click.Choice(TARGETS))
@click.argument("source", type=PATH)
@click.option("-o", "--output", type=PATH, help="The file to write, - for stdout (default: <source stem>.<target> here).")
@strict_option
@limit_options
@exits
def export(target: str, source: Path, output: Path | None, strict: bool, max_size, max_pages) -> int:
    """Write a plan as a calendar (ics) or a workbook (xlsx).

    SOURCE is a document, the JSON `ingest` wrote, or - for stdin; -o - writes to stdout.

    \b
    Examples:
      $ mag-plan export ics samples/plan_2024.docx -o plan_2024.ics
      samples/plan_2024.docx -> plan_2024.ics: 11 events, 8 jubilees, 9 city days (27 approximate); left out: 5 recurring, 3 unscheduled
      $ mag-plan export xlsx out/plan_2024.json
      out/plan_2024.json -> plan_2024.xlsx: ...
      $ mag-plan export ics samples/plan_2024.docx -o - > plan.ics
    """
    plan = load(source, command_limits(max_size, max_pages))
    stem = "stdin" if source == STDIN else source.stem
    output = output or Path(f"{stem}.{target}")
    if output == STDIN:
        done = export_to_stdout(plan, target)
        print(f"{shown(source)} -> stdout: {done}", file=sys.stderr)
    else:
        print(f"{shown(source)} -> {output}: {EXPORTS[target](plan, output)}")
    return strict_status([plan], strict)


def export_ics(plan, path: Path) -> str:
    """Write the calendar; what went into it."""
    from ingest.export.ics import write_ics

    return write_ics(plan, path).summary()


def export_xlsx(plan, path: Path) -> str:
    """Write the workbook; the rows of each sheet."""
    from ingest.export.xlsx import write_xlsx

    return ", ".join(f"{rows} {sheet.replace('_', ' ')}" for sheet, rows in write_xlsx(plan, path).items())


EXPORTS = {"ics": export_ics, "xlsx": export_xlsx}


def export_to_stdout(plan, target: str) -> str:
    """`export -o -`: the file written to a temporary folder by the same writer, then copied to stdout."""
    import tempfile

    if target == "xlsx" and sys.stdout.isatty():
        raise IngestError("a workbook is binary and would garble the terminal: redirect it (> plan.xlsx)", "stdout")
    with tempfile.TemporaryDirectory(prefix="mag-plan-") as folder:
        path = Path(folder) / f"plan.{target}"
        done = EXPORTS[target](plan, path)
        sys.stdout.flush()
        sys.stdout.buffer.write(path.read_bytes())
        sys.stdout.buffer.flush()
    return done


# ---- list, schema, date, completion -------------------------------------------------------------

@cli.command("list", short_help="List the plans stored in a SQLite file.")
@click.option("--db", type=click.Path(path_type=Path), required=True, help="The SQLite file `ingest --db` wrote.")
@exits
def list_command(db: Path) -> int:
    """List the plans stored in a SQLite file (which is only read, never changed).

    \b
    Examples:
      $ mag-plan list --db plans.sqlite
      year  events  jubilees  city days  warnings  source          format  loaded (UTC)
      ----  ------  --------  ---------  --------  --------------  ------  -------------------------
      2024      19         8          9         0  plan_2024.docx  docx    ...
      2025      18         8         10         0  plan_2025.docx  docx    ...
      $ mag-plan list --db plans.sqlite | grep docx
    """
    from ingest.store.database import list_plans
    from ingest.texttable import text_table

    plans = list_plans(db)
    if not plans:
        print(f"{db}: no plans stored")
        return EXIT_OK
    header = ["year", "events", "jubilees", "city days", "warnings", "source", "format", "loaded (UTC)"]
    rows = [[p.year, p.events, p.jubilees, p.city_days, p.warnings, p.source_file, p.source_format, p.loaded_at]
            for p in plans]
    print(text_table(header, rows, numeric=header[:5]), end="")
    return EXIT_OK


@cli.command(short_help="Print the JSON Schema of the output.")
@click.option("--diff", "of_diff", is_flag=True, help="The schema of `diff --format json` instead.")
@exits
def schema(of_diff: bool) -> int:
    """Print the JSON Schema of the output (schemas/plan.schema.json).

    \b
    Examples:
      $ mag-plan schema > plan.schema.json
      $ mag-plan schema --diff
      {
        "$defs": {
      ...
    """
    from schemas.jsonschema import diff_schema, plan_schema, schema_text

    sys.stdout.write(schema_text(diff_schema() if of_diff else plan_schema()))
    return EXIT_OK


@cli.command(short_help="Normalise Russian date phrases.")
@click.argument("phrases", nargs=-1)
@click.option("--year", type=int, required=True, help="The plan year.")
@exits
def date(phrases: tuple[str, ...], year: int) -> int:
    """Normalise Russian date phrases: one DateSpan as JSON per phrase (one per line from stdin when none).

    \b
    Examples:
      $ mag-plan date "I квартал" --year 2024
      {"text":"I квартал","kind":"quarter","start":"2024-01-01","end":"2024-03-31","recurrence":null,"approximate":false,"spans":null,"start_time":null,"end_time":null,"interval":null,"times":null}
      $ mag-plan date "31 июня" --year 2024
      {"text":"31 июня","kind":"unknown","start":null,"end":null,"recurrence":null,"approximate":false,"spans":null,"start_time":null,"end_time":null,"interval":null,"times":null}
        warning [date_unknown]: impossible date '31 июня'
    """
    from parsers.dates import parse_date_with_warnings

    for phrase in phrases or [line.rstrip("\n") for line in sys.stdin]:
        span, warnings = parse_date_with_warnings(phrase, year)
        print(span.model_dump_json())
        code = "date_unknown" if span.kind == "unknown" else "date_doubtful"
        for warning in warnings:
            print(f"  warning [{code}]: {warning}", file=sys.stderr)
    return EXIT_OK


@cli.command(short_help="Print a shell completion script (bash, zsh, fish).")
@click.argument("shell", type=click.Choice(SHELLS))
@exits
def completion(shell: str) -> int:
    """Print the shell completion script for bash, zsh or fish.

    \b
    Examples:
      $ eval "$(mag-plan completion bash)"        # in ~/.bashrc
      $ mag-plan completion zsh > ~/.zfunc/_mag-plan
      $ mag-plan completion fish > ~/.config/fish/completions/mag-plan.fish
      $ mag-plan completion bash
      _mag_plan_completion() {
      ...
    """
    from click.shell_completion import get_completion_class

    script = get_completion_class(shell)(cli, {}, "mag-plan", "_MAG_PLAN_COMPLETE").source()
    sys.stdout.write(script if script.endswith("\n") else script + "\n")
    return EXIT_OK
