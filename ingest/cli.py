"""The `mag-plan` command: parses arguments, calls the library, prints results.

Exit codes: 0 success (warnings are only reported), 2 bad input or usage,
1 unexpected failure (a bug: please report it).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from parsers.errors import IngestError
from parsers.limits import DEFAULT_LIMITS, human_size, limits_from, parse_count, parse_size

FORMATS = ("text", "json", "markdown", "html")  # of `diff`; ingest/diff/render.py renders each

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
EXIT_DIFFERENCES = 1  # `diff --exit-code`, as `git diff --exit-code`
SHOWN_WARNINGS = 10


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(prog="mag-plan", description="Turn МАГ event plans into validated JSON and CSV.")
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser("ingest", help="read plan documents and write JSON and CSV")
    ingest.add_argument("files", nargs="+", type=Path,
                        help="DOCX, PDF, HTML or text export; a folder or a quoted pattern reads every document in it")
    ingest.add_argument("-o", "--output", type=Path, default=Path("output"), help="output folder (default: output/)")
    ingest.add_argument("--stdout", action="store_true", help="print the JSON instead of writing files")
    ingest.add_argument("--db", type=Path, help="also store the plans in this SQLite file (created if missing)")
    ingest.add_argument("-j", "--jobs", type=int, help="worker processes (default: one per CPU core)")
    ingest.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    ingest.add_argument("--max-size", type=argument(parse_size), metavar="SIZE",
                        help=f"refuse inputs larger than this (e.g. 200M; default "
                             f"{human_size(DEFAULT_LIMITS.max_input_bytes)}, or MAG_PLAN_MAX_SIZE)")
    ingest.add_argument("--max-pages", type=argument(parse_count), metavar="N",
                        help=f"refuse PDFs with more pages (default {DEFAULT_LIMITS.max_pages}, "
                             "or MAG_PLAN_MAX_PAGES)")

    schema = commands.add_parser("schema", help="print the JSON Schema of the output")
    schema.add_argument("--diff", action="store_true", help="the schema of `diff --format json` instead")

    diff = commands.add_parser("diff", help="compare two years' plans: events paired, changed, added, removed")
    diff.add_argument("old", help="the older plan: a document, a JSON that `ingest` wrote, or a year with --db")
    diff.add_argument("new", help="the newer plan: a document, a JSON that `ingest` wrote, or a year with --db")
    diff.add_argument("--db", type=Path, help="compare two years stored in this SQLite file")
    diff.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    diff.add_argument("--all", action="store_true", help="list unchanged pairs too")
    diff.add_argument("--exit-code", action="store_true", help="exit 1 when there are differences")

    listing = commands.add_parser("list", help="list the plans stored in a SQLite file")
    listing.add_argument("--db", type=Path, required=True, help="the SQLite file `ingest --db` wrote")

    export = commands.add_parser("export", help="write a plan as a calendar (ics) or a workbook (xlsx)")
    export.add_argument("target", choices=sorted(EXPORTS), help="what to write")
    export.add_argument("source", type=Path, help="a plan document, or the JSON `ingest` wrote")
    export.add_argument("-o", "--output", type=Path, help="the file to write (default: <source stem>.<target> here)")

    date = commands.add_parser("date", help="normalise Russian date phrases (from stdin when none given)")
    date.add_argument("phrases", nargs="*", help="date phrases; one per line from stdin when none given")
    date.add_argument("--year", type=int, required=True, help="the plan year")
    return parser


def argument(parse):
    """An argparse type from a parser raising ValueError, keeping the parser's message."""
    def convert(text: str):
        try:
            return parse(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
    convert.__name__ = parse.__name__
    return convert


def quiet_libraries() -> None:
    """Keep the libraries' log records (pdfminer's "Invalid MediaBox ...") off stderr: what
    the user needs reaches them as one error line or as the plan's warnings.
    MAG_PLAN_DEBUG=1 lets them through."""
    if not os.environ.get("MAG_PLAN_DEBUG"):
        logging.getLogger().addHandler(logging.NullHandler())  # no lastResort printing


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    quiet_libraries()
    try:
        return COMMANDS[args.command](args)
    except IngestError as error:
        print(f"mag-plan: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug; say so in one line unless debugging
        if os.environ.get("MAG_PLAN_DEBUG"):
            raise
        print(f"mag-plan: unexpected error ({type(error).__name__}: {error}); "
              "set MAG_PLAN_DEBUG=1 for a traceback and please report it", file=sys.stderr)
        return EXIT_FAILURE


def run_ingest(args: argparse.Namespace) -> int:
    """`mag-plan ingest`: read every input (in parallel), then write and store each in order."""
    from ingest.batch import Delivery, Progress, deliver, expand_inputs, read_many

    items = expand_inputs(args.files)
    progress = Progress(sys.stderr) if len(items) > 1 and sys.stderr.isatty() and not args.quiet else None
    limits = limits_from(os.environ, max_input_bytes=args.max_size, max_pages=args.max_pages)
    results = read_many(items, args.jobs, progress, limits)
    if progress:
        progress.clear()
    results = deliver(results, Delivery(output=None if args.stdout else args.output, db=args.db))
    report = sys.stderr if args.stdout else sys.stdout
    for result in results:
        report_result(result, args, report)
    if not args.quiet and any(result.input.found for result in results):
        print(batch_table(results), end="", file=report)
    return exit_status(results)


def report_result(result, args: argparse.Namespace, report) -> None:
    """One input's outcome: its JSON on --stdout, a line saying what was written, or why not."""
    path = result.input.path
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
        sys.stdout.write(plan_json(result.plan))
    if args.quiet:
        return
    target = f" -> {result.written[0]}" if result.written else ""
    stored = f"; {args.db}: {result.stored}" if result.stored else ""
    print(f"{path}{target}: {summary(result.plan)}{stored}", file=report)
    show_warnings(result.plan, path)


def batch_table(results) -> str:
    """The summary of a folder or pattern run: file, format, events, warnings, status."""
    from ingest.texttable import text_table

    rows = []
    for result in results:
        plan = result.plan
        status = result.status if result.status == "ok" else f"{result.status}: {result.message}"
        if result.stored:
            status += f", db: {result.stored}"
        rows.append([result.input.path, result.format or "", len(plan.events) if plan else "",
                     len(plan.warnings) if plan else "", status])
    return text_table(["file", "format", "events", "warnings", "status"], rows, numeric=["events", "warnings"])


def exit_status(results) -> int:
    """1 when a file hit a bug, else 2 when any file failed, else 0 (skipped files are no failure)."""
    statuses = {result.status for result in results}
    if "error" in statuses:
        return EXIT_FAILURE
    return EXIT_BAD_INPUT if "failed" in statuses else EXIT_OK


def plan_json(plan) -> str:
    """The plan as the JSON `ingest` writes."""
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
        print(f"  warning [{warning.code}]{where} {warning.message}", file=sys.stderr)
    if len(plan.warnings) > SHOWN_WARNINGS:
        print(f"  ... and {len(plan.warnings) - SHOWN_WARNINGS} more in the JSON ({path})", file=sys.stderr)


def run_schema(args: argparse.Namespace) -> int:
    """`mag-plan schema [--diff]`: the JSON Schema of the output, or of a diff."""
    from schemas.jsonschema import diff_schema, plan_schema, schema_text

    sys.stdout.write(schema_text(diff_schema() if args.diff else plan_schema()))
    return EXIT_OK


def run_diff(args: argparse.Namespace) -> int:
    """`mag-plan diff OLD NEW`: the semantic diff, in the chosen format, on stdout."""
    from ingest.diff.plans import diff_plans
    from ingest.diff.render import render
    from ingest.diff.view import DiffView

    old, new = diff_sides(args)
    diff = diff_plans(old, new)
    colour = args.format == "text" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    sys.stdout.write(render(DiffView(diff, old, new, show_all=args.all), args.format, colour=colour))
    return EXIT_DIFFERENCES if args.exit_code and diff.has_differences else EXIT_OK


def diff_sides(args: argparse.Namespace):
    """The two plans of `diff`: documents or JSON files, or two years stored with --db."""
    if args.db is None:
        from ingest.sources import load_plan_any

        return load_plan_any(args.old), load_plan_any(args.new)
    from ingest.store.database import load_plan

    years = []
    for side in (args.old, args.new):
        if not side.isdigit():
            raise IngestError(f"with --db, give two years (not {side!r})", str(args.db))
        years.append(int(side))
    return load_plan(args.db, years[0]), load_plan(args.db, years[1])


def run_date(args: argparse.Namespace) -> int:
    """`mag-plan date`: each phrase's DateSpan as one line of JSON."""
    from parsers.dates import parse_date_with_warnings

    phrases = args.phrases or [line.rstrip("\n") for line in sys.stdin]
    for phrase in phrases:
        span, warnings = parse_date_with_warnings(phrase, args.year)
        print(span.model_dump_json())
        code = "date_unknown" if span.kind == "unknown" else "date_doubtful"
        for warning in warnings:
            print(f"  warning [{code}]: {warning}", file=sys.stderr)
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    """`mag-plan list`: the stored plans, one line each."""
    from ingest.store.database import list_plans
    from ingest.texttable import text_table

    plans = list_plans(args.db)
    if not plans:
        print(f"{args.db}: no plans stored")
        return EXIT_OK
    header = ["year", "events", "jubilees", "city days", "warnings", "source", "format", "loaded (UTC)"]
    rows = [[p.year, p.events, p.jubilees, p.city_days, p.warnings, p.source_file, p.source_format, p.loaded_at]
            for p in plans]
    print(text_table(header, rows, numeric=header[:5]), end="")
    return EXIT_OK


def export_ics(plan, path: Path) -> str:
    """Write the calendar; what went into it."""
    from ingest.export.ics import write_ics

    return write_ics(plan, path).summary()


def export_xlsx(plan, path: Path) -> str:
    """Write the workbook; the rows of each sheet."""
    from ingest.export.xlsx import write_xlsx

    return ", ".join(f"{rows} {sheet.replace('_', ' ')}" for sheet, rows in write_xlsx(plan, path).items())


EXPORTS = {"ics": export_ics, "xlsx": export_xlsx}


def run_export(args: argparse.Namespace) -> int:
    """`mag-plan export ics|xlsx`: one plan, from a document or its JSON, as a calendar or a workbook."""
    from ingest.sources import load_plan_any

    plan = load_plan_any(args.source)
    output = args.output or Path(f"{args.source.stem}.{args.target}")
    print(f"{args.source} -> {output}: {EXPORTS[args.target](plan, output)}")
    return EXIT_OK


COMMANDS = {"ingest": run_ingest, "list": run_list, "export": run_export, "schema": run_schema,
            "date": run_date, "diff": run_diff}
