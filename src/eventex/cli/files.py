"""Files the user names on the command line: checked before any work, and their errors turned into eventex errors
(one line naming the file, exit status 2)."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eventex.errors import EventexError, InputError, MissingFileError, UsageError, not_utf8

REASONS = {
    errno.ENOENT: "no such file or directory",
    errno.EISDIR: "is a directory, not a file",
    errno.ENOTDIR: "is not a directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOSPC: "no space left on device",
    errno.EROFS: "read-only file system",
}


def os_error_message(e: OSError, path: str | Path | None = None) -> str:
    """``FILE: reason`` for an OS error; FILE is ``path`` when the error names none (a write to an open file), and
    the reason stands alone when neither does."""
    reason = REASONS.get(e.errno or 0) or e.strerror or str(e)
    name = e.filename or path
    return f"{name}: {reason}" if name else reason


@contextmanager
def user_files(path: str | Path | None = None) -> Iterator[None]:
    """Within: a missing file raises MissingFileError, another OS error InputError, both naming the file (``path``
    when the error names none); a decoding error InputError naming ``path``."""
    try:
        yield
    except EventexError:
        raise
    except FileNotFoundError as e:
        raise MissingFileError(os_error_message(e, path)) from e
    except OSError as e:
        raise InputError(os_error_message(e, path)) from e
    except UnicodeDecodeError as e:
        raise (not_utf8(path, e) if path else InputError(f"not UTF-8: {e}")) from e


def read_text(path: str) -> str:
    """The UTF-8 text of a file the user named."""
    if Path(path).is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    with user_files(path):
        return Path(path).read_text(encoding="utf-8")


def check_output(path: str, *, directory: bool = False) -> None:
    """UsageError unless ``path`` can be written as an output file (or, with ``directory``, an output folder
    that exists or can be created): not empty, not a directory (a file), its folder exists and is writable."""
    if not path.strip():
        raise UsageError("the output path is empty (give a file name)")
    target = Path(path)
    if directory:
        if target.exists() and not target.is_dir():
            raise UsageError(f"{path}: is a file, not a directory (the output is a folder)")
    elif target.is_dir():
        raise UsageError(f"{path}: is a directory (give the output file's path)")
    parent = target.parent
    while not parent.exists() and directory and parent != parent.parent:
        parent = parent.parent  # a folder output is created with its missing parents
    if not parent.is_dir():
        raise UsageError(f"{path}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise UsageError(f"{path}: not writable")


def write_text(path: str, text: str) -> None:
    """Write a file the user named."""
    check_output(path)
    with user_files(path):
        Path(path).write_text(text, encoding="utf-8")


def input_files(paths: list[str], pattern: str) -> list[Path]:
    """The files named, a directory standing for every file matching ``pattern`` in and below it (sorted);
    MissingFileError for a path that does not exist, InputError for a directory without such files."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob(pattern) if f.is_file())
            if not found:
                raise InputError(f"{p}: no {pattern} files in it or below it")
            out += found
        elif p.exists():
            out.append(p)
        else:
            raise MissingFileError(f"{p}: no such file or directory")
    return out
