"""The ``eventex`` command: extract | view | schema | build-corpus | validate-corpus | evaluate | train | info."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _commands() -> list:
    """Modules that contribute a sub-command through ``add_cli(subparsers)``."""
    from eventex import batch, corpus, evaluate, info, schema_cli
    from eventex.ner import train

    return [batch, schema_cli, corpus, evaluate, train, info]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    from eventex import __version__

    parser = argparse.ArgumentParser(prog="eventex", description=__doc__)
    parser.add_argument("--version", action="version", version=f"eventex {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in _commands():
        module.add_cli(sub)
    view = sub.add_parser("view", help="an HTML report of extract's JSONL results", description=_cmd_view.__doc__)
    view.add_argument("results", metavar="RESULTS.jsonl", help="records written by eventex extract -o")
    view.add_argument("-o", "--output", required=True, metavar="HTML", help="the page to write")
    view.add_argument("--title", help="page title (default: from the results file's name)")
    view.set_defaults(func=_cmd_view)
    return parser


def _cmd_view(args: argparse.Namespace) -> int:
    """One self-contained HTML page for many documents: counts, filters, search, a section per document."""
    from eventex.views.html import write_report

    n = write_report(args.results, args.output, title=args.title)
    print(f"eventex view: {n} documents -> {args.output}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (FileNotFoundError, ValueError, TypeError) as e:
        print(f"eventex {args.command}: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
