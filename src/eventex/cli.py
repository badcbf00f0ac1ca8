"""The ``eventex`` command: extract | schema | build-corpus | validate-corpus | evaluate | train."""

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
    from eventex import batch, corpus, evaluate, schema_cli
    from eventex.ner import train

    return [batch, schema_cli, corpus, evaluate, train]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    from eventex import __version__

    parser = argparse.ArgumentParser(prog="eventex", description=__doc__)
    parser.add_argument("--version", action="version", version=f"eventex {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in _commands():
        module.add_cli(sub)
    return parser


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
