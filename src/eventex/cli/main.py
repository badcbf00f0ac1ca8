"""The entry point: parse the arguments, run the command, turn eventex errors into exit status 2."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from eventex.cli import exits
from eventex.cli.parser import build_parser
from eventex.errors import EventexError


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status (see :mod:`eventex.cli.exits`)."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except EventexError as e:
        print(f"eventex {args.command}: error: {e}", file=sys.stderr)
        return exits.ERROR
