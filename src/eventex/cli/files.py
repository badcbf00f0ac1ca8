"""Files the user names on the command line: their errors become eventex errors (one line, exit 2)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eventex.errors import EventexError, InputError, MissingFileError


@contextmanager
def user_files() -> Iterator[None]:
    """Within: a missing file raises MissingFileError, another OS or decoding error InputError (same message)."""
    try:
        yield
    except EventexError:
        raise
    except FileNotFoundError as e:
        raise MissingFileError(str(e)) from e
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(e)) from e


def read_text(path: str) -> str:
    """The UTF-8 text of a file the user named."""
    with user_files():
        return Path(path).read_text(encoding="utf-8")


def write_text(path: str, text: str) -> None:
    """Write a file the user named."""
    with user_files():
        Path(path).write_text(text, encoding="utf-8")
