"""The errors eventex raises on purpose, and the kinds of failure an error record can carry.

Every error here derives from :class:`EventexError` and from the built-in exception it used to be
(``ValueError``, ``TypeError`` or ``FileNotFoundError``), so ``except ValueError`` keeps working. The CLI turns
an ``EventexError`` into a one-line message and exit status 2; any other exception is a bug and is not hidden.
"""

from __future__ import annotations

from enum import StrEnum


class EventexError(Exception):
    """Base of the errors eventex raises on purpose."""


class UsageError(EventexError, ValueError):
    """Arguments or options that do not go together, or a value out of range."""


class InputError(EventexError, ValueError):
    """An input that cannot be used: a bad date, an unknown input type, an unreadable file."""


def not_utf8(path: object, e: UnicodeDecodeError) -> InputError:
    """The error for a file that is not UTF-8, naming the file and its first bad byte."""
    return InputError(f"{path}: not UTF-8 (byte 0x{e.object[e.start]:02x} at offset {e.start})")


class InputTypeError(EventexError, TypeError):
    """A value of the wrong type (a text that is not a string), or options a component does not take."""


class MissingFileError(EventexError, FileNotFoundError):
    """A named input, corpus or model that does not exist."""


class ModelError(EventexError, ValueError):
    """A model directory that cannot be used: checksums, word-shape classes or runtime do not match."""


class CorpusError(EventexError, ValueError):
    """A corpus or authoring file that breaks the format."""


class ResumeError(EventexError, ValueError):
    """An output that cannot be started or continued (an unfinished run, a mismatching progress file)."""


class PipelineError(EventexError, ValueError):
    """Stages in an order where one requires what no earlier stage assigns, or a stage that lost documents."""


class FailureKind(StrEnum):
    """Why an input document has an error record. A document the model fails on, or a file a reader cannot
    open, carries the exception's class name instead (``RuntimeError``, ``PermissionError``, ``ArrowInvalid``)."""

    MISSING_FIELD = "MissingField"
    EMPTY_TEXT = "EmptyText"
    TEXT_TOO_LONG = "TextTooLong"
    DUPLICATE_ID = "DuplicateId"
    NO_INPUT_FILES = "NoInputFiles"
    OUTSIDE_INPUT = "OutsideInput"
    NOT_UTF8 = "UnicodeDecodeError"
    NOT_JSON = "JSONDecodeError"
    WRONG_TYPE = "TypeError"
    BAD_DATE = "ValueError"
