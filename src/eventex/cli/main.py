"""The entry point: parse the arguments, run the command, and turn every user or system error into one line
``eventex COMMAND: error: …`` and an exit status of :mod:`eventex.cli.exits`."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Sequence

from eventex.cli import exits
from eventex.cli.files import os_error_message
from eventex.cli.parser import build_parser
from eventex.errors import EventexError


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status (see :mod:`eventex.cli.exits`)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # --help, --version, or a usage error already printed on one line
        return e.code if isinstance(e.code, int) else exits.ERROR
    command = f"eventex {args.command}"
    try:
        status = int(args.func(args) or 0)
        sys.stdout.flush()
        return status
    except EventexError as e:
        return _error(command, " ".join(str(e).split()))
    except KeyboardInterrupt:
        return _error(command, "interrupted", exits.INTERRUPTED)
    except OSError as e:  # the system, not the user: a full disk, a closed pipe, …
        if e.filename is None and e.errno in (errno.EPIPE, errno.ENOSPC):  # stdout: files are named
            _drop_stdout()
            return _error(command, f"cannot write the output: {os_error_message(e)}")
        return _error(command, os_error_message(e))


def _error(command: str, message: str, status: int = exits.ERROR) -> int:
    print(f"{command}: error: {message}", file=sys.stderr)
    return status


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so that Python's own flush at exit does not fail again with a traceback."""
    with contextlib.suppress(OSError):
        sys.stdout.flush()
    with contextlib.suppress(OSError, ValueError):  # ValueError, OSError: not a real file (captured in a test)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
