"""The argument parser: the top level and one sub-parser per command module."""

from __future__ import annotations

import argparse

from eventex.cli import corpus, evaluate, extract, info, schema, train, view
from eventex.version import __version__

DESCRIPTION = (
    "The ``eventex`` command: extract | view | schema | build-corpus | validate-corpus | evaluate | train | info."
)
COMMANDS = (extract, view, schema, corpus, evaluate, train, info)
"""Modules that add their sub-commands with ``register(subparsers)``, in the order of ``--help``."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(prog="eventex", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"eventex {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMANDS:
        module.register(sub)
    return parser

