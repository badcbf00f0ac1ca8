"""``eventex info``: versions, the model and its hashes, runtime, threads (for bug reports)."""

from __future__ import annotations

import argparse
import json
import sys

from eventex.cli import exits


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``eventex info``."""
    from eventex.info import info

    p = sub.add_parser("info", help="versions, the model and its hashes, runtime, threads (for bug reports)",
                       description=info.__doc__)
    p.add_argument("--model", metavar="NAME|PATH", help="a model package's name or directory (default: as load())")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the report; RECORD_ERRORS when no model was found or its files do not match the manifest."""
    from eventex.info import format_info, info

    report = info(args.model)
    sys.stdout.write(json.dumps(report, indent=2) + "\n" if args.json else format_info(report))
    return exits.OK if report["model"] and report["model"]["hashes_verified"] else exits.RECORD_ERRORS
