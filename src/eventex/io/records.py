"""One shape for every output row: the record of a document (or its error), its flat rows, its warnings.

Records (one per input document, in input order)
    ``{"id", "published", "events", ["entities"], ["warnings"]}`` on success (``events``/``entities`` are
    lists of schema JSON, see ``eventex schema``); ``{"id", "error", "message"}`` on failure. ``warnings``
    flag text that was processed but looks wrong (HTML markup, not English, parts left unread).
    With ``--flat``: one row per event × role filler (an event without fillers, a document without events
    and a failed document each get one row), columns ``FLAT_COLUMNS``.

Errors (a record each; the batch carries on)
    A :class:`~eventex.errors.FailureKind`: ``UnicodeDecodeError`` (not UTF-8), ``JSONDecodeError`` (a JSONL
    line that is not JSON), ``TypeError`` (a record that is not an object, a text that is not a string),
    ``MissingField``, ``EmptyText`` (empty or whitespace only), ``TextTooLong`` (over ``--max-chars``),
    ``ValueError`` (a bad published date), ``DuplicateId``, ``NoInputFiles`` (a directory without ``.txt``
    files), ``OutsideInput`` (a ``.txt`` link in a directory to a file outside it); or the class name of the
    exception an unreadable file (``OSError``, ``PermissionError``, …) or the model raised for that document.

Every engine and integration writes these shapes, so their outputs agree row for row.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from eventex.errors import FailureKind
from eventex.resources import read_toml
from eventex.schema import Entity, Extraction, event_roles

_CHECKS = read_toml("text_checks.toml")
_HTML_TAG = re.compile(rf"</?(?:{'|'.join(_CHECKS['html_tags'])})\b[^<>]*>", re.IGNORECASE)
_ENGLISH_WORDS = frozenset(_CHECKS["english_words"])


MAX_CHARS = 1_000_000

FLAT_COLUMNS = (
    "doc_id", "published", "event", "type", "status", "date_start", "date_end", "trigger", "evidence",
    "role", "label", "text", "start", "end", "canonical", "id", "implicit", "error", "message",
)


@dataclass(frozen=True)
class Options:
    """How input records are read and output records are shaped."""

    text_field: str = "text"
    id_field: str | None = None
    published_field: str = "published"
    published: str | None = None
    entities: bool = False
    flat: bool = False
    max_chars: int = MAX_CHARS

@dataclass(frozen=True)
class Failure:
    """Why a document has an error record instead of events: a :class:`FailureKind`, or the class name of the
    exception a reader or the model raised."""

    kind: FailureKind | str
    message: str

    @classmethod
    def of(cls, exc: BaseException) -> Failure:
        return cls(type(exc).__name__, str(exc))

def text_warnings(text: str) -> list[str]:
    """Reasons to doubt the result for a text that was processed: markup, a language other than English."""
    out = []
    if tags := len(_HTML_TAG.findall(text)):
        out.append(f"html: {tags} HTML tags; offsets refer to the raw markup (strip tags for better results)")
    words = re.findall(r"[^\W\d_]+", _HTML_TAG.sub(" ", text).lower())
    letters = "".join(words)
    latin = sum(c.isascii() for c in letters)
    english = sum(w in _ENGLISH_WORDS for w in words)
    if (len(letters) >= 20 and latin < len(letters) / 2) or (len(words) >= 12 and english < len(words) / 10):
        out.append("language: the text does not look like English; the models are trained on English news")
    return out

def ok_record(doc_id: str, ex: Extraction, entities: bool) -> dict[str, Any]:
    """The record of a document extracted without error."""
    rec: dict[str, Any] = {
        "id": doc_id,
        "published": ex.published.isoformat() if ex.published else None,
        "events": [e.model_dump(mode="json") for e in ex.events],
    }
    if entities:
        rec["entities"] = [e.model_dump(mode="json") for e in ex.entities]
    warnings = text_warnings(ex.text) + [f"unread: {u.start}-{u.end}: {u.reason}" for u in ex.meta.unread]
    if warnings:
        rec["warnings"] = warnings
    return rec

def flat_rows(doc_id: str, ex: Extraction) -> list[dict[str, Any]]:
    """One row per event × role filler (one per event without fillers, one for a text without events)."""
    blank = dict.fromkeys(FLAT_COLUMNS)
    doc = {**blank, "doc_id": doc_id, "published": ex.published.isoformat() if ex.published else None}
    rows = []
    for ev in ex.events:
        event = {
            **doc, "event": ev.id, "type": ev.type, "status": ev.status, "trigger": ev.trigger.text,
            "evidence": ev.evidence[0].text if ev.evidence else None,
        }
        if ev.date:
            event["date_start"] = ev.date.date_start.isoformat() if ev.date.date_start else None
            event["date_end"] = ev.date.date_end.isoformat() if ev.date.date_end else None
        fillers: list[tuple[str, Entity]] = []
        for role, many in event_roles(ev.type).items():
            value = getattr(ev, role)
            fillers += [(role, e) for e in (value if many else [value] if value else [])]
        rows += [{**event, "role": role, **_filler(e)} for role, e in fillers] or [event]
    return rows or [doc]

def _filler(e: Entity) -> dict[str, Any]:
    return {
        "label": e.label, "text": e.text, "start": e.start, "end": e.end,
        "canonical": e.canonical, "id": e.id, "implicit": e.implicit,
    }

def error_row(doc_id: str, failure: Failure, flat: bool) -> dict[str, Any]:
    """The record (or the one flat row) of a document that failed."""
    error = {"error": failure.kind, "message": failure.message}
    return {**dict.fromkeys(FLAT_COLUMNS), "doc_id": doc_id, **error} if flat else {"id": doc_id, **error}

def encode(rows: list[dict[str, Any]]) -> bytes:
    """Rows as JSONL bytes (undecodable bytes read from CSV, lone surrogates, stay valid JSON escapes)."""
    lines = (json.dumps(r, ensure_ascii=False).encode(errors="backslashreplace") for r in rows)
    return b"".join(line + b"\n" for line in lines)
