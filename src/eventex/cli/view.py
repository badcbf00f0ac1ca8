"""``eventex view``: one HTML report for the records of ``eventex extract -o``."""

from __future__ import annotations

import argparse
import sys

from eventex.cli import exits
from eventex.cli.files import check_output, user_files


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``eventex view``."""
    p = sub.add_parser("view", help="an HTML report of extract's JSONL results", description=run.__doc__)
    p.add_argument("results", metavar="RESULTS.jsonl", help="records written by eventex extract -o")
    p.add_argument("-o", "--output", required=True, metavar="HTML", help="the page to write")
    p.add_argument("--title", help="page title (default: from the results file's name)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """One self-contained HTML page for many documents: counts, filters, search, a section per document."""
    from eventex.views.html import write_report

    check_output(args.output)
    with user_files(args.output):  # the records' own errors name them; a failed write names no file
        n = write_report(args.results, args.output, title=args.title)
    print(f"eventex view: {n} documents -> {args.output}", file=sys.stderr)
    return exits.OK
