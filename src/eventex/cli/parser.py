"""The argument parser: the top level and one sub-parser per command module."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any, NoReturn

from eventex.cli import corpus, evaluate, export, extract, importer, info, schema, select, train, view
from eventex.version import __version__

DESCRIPTION = (
    "The ``eventex`` command: extract | view | schema | build-corpus | validate-corpus | evaluate | train | export"
    " | import | select | info."
)
COMMANDS = (extract, view, schema, corpus, evaluate, train, export, importer, select, info)
"""Modules that add their sub-commands with ``register(subparsers)``, in the order of ``--help``."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, ``eventex COMMAND: error: …`` (exit status 2)."""

    def error(self, message: str) -> NoReturn:
        """Print the one-line error and exit with status 2."""
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")

    def parse_args(self, args: Sequence[str] | None = None, namespace: Any = None) -> Any:  # type: ignore[override]
        """As argparse's, but arguments left over after a command are that command's error, not the top level's."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            commands = next((a for a in self._actions if isinstance(a, argparse._SubParsersAction)), None)
            owner = commands.choices.get(getattr(parsed, "command", None), self) if commands else self
            owner.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command (sub-parsers are :class:`Parser` too)."""
    parser = Parser(prog="eventex", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"eventex {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMANDS:
        module.register(sub)
    return parser

