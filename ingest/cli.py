"""The `mag-plan` command: parses arguments, calls the library, prints results.

Exit codes: 0 success (warnings are only reported), 2 bad input or usage,
1 unexpected failure (a bug: please report it).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ingest.errors import IngestError

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
SHOWN_WARNINGS = 10


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(prog="mag-plan", description="Turn МАГ event plans into validated JSON and CSV.")
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser("ingest", help="read plan documents and write JSON and CSV")
    ingest.add_argument("files", nargs="+", type=Path, help="DOCX, PDF, HTML or text export")
    ingest.add_argument("-o", "--output", type=Path, default=Path("output"), help="output folder (default: output/)")
    ingest.add_argument("--stdout", action="store_true", help="print the JSON instead of writing files")
    ingest.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")

    commands.add_parser("schema", help="print the JSON Schema of the output")

    date = commands.add_parser("date", help="normalise Russian date phrases (from stdin when none given)")
    date.add_argument("phrases", nargs="*", help="date phrases; one per line from stdin when none given")
    date.add_argument("--year", type=int, required=True, help="the plan year")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
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
    """`mag-plan ingest`: each file in turn; a bad file is reported and the rest go on."""
    from ingest.pipeline import ingest_file
    from ingest.writers import output_stems, plan_files, plan_json, write_files

    status = EXIT_OK
    stems = output_stems(args.files)
    report = sys.stderr if args.stdout else sys.stdout
    for path in args.files:
        try:
            plan = ingest_file(path)
        except IngestError as error:
            print(f"mag-plan: error: {error}", file=sys.stderr)
            status = EXIT_BAD_INPUT
            continue
        if args.stdout:
            sys.stdout.write(plan_json(plan))
        else:
            written = write_files(args.output, plan_files(plan, stems[path]))
            if not args.quiet:
                print(f"{path} -> {written[0]}: {summary(plan)}", file=report)
        if not args.quiet:
            show_warnings(plan, path)
    return status


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
    """`mag-plan schema`: the JSON Schema of the output."""
    from schemas.jsonschema import plan_schema

    print(json.dumps(plan_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def run_date(args: argparse.Namespace) -> int:
    """`mag-plan date`: each phrase's DateSpan as one line of JSON."""
    from parsers.dates import parse_date_with_warnings

    phrases = args.phrases or [line.rstrip("\n") for line in sys.stdin]
    for phrase in phrases:
        span, warnings = parse_date_with_warnings(phrase, args.year)
        print(span.model_dump_json())
        for warning in warnings:
            print(f"  warning [date_unknown]: {warning}", file=sys.stderr)
    return EXIT_OK


COMMANDS = {"ingest": run_ingest, "schema": run_schema, "date": run_date}
