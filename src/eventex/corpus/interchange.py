"""What the annotation-tool converters share: the report of what could not be mapped, role labels, and the
last step of an import (build the gold document, check it, report what fails)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from eventex.corpus.gold import GoldDocument, check_document
from eventex.schema import EVENT_TYPES, event_roles

DATE_ROLE = "date"
"""The relation (Label Studio) or argument (brat) that links an event to its DATE mention."""

ROLES: tuple[str, ...] = tuple(dict.fromkeys(r for t in EVENT_TYPES for r in event_roles(t)))
"""Every role name, in the order of the event types."""

META_FIELDS = ("split", "published", "title", "hard_negative", "genre", "notes")
"""Document fields beyond text and annotations, carried as task data (Label Studio) or a sidecar (brat)."""


@dataclass(frozen=True)
class Unmapped:
    """An annotation an import could not map: in which task (document) and where, and why."""

    task: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"task {self.task}: {self.where}: {self.message}"


def finish_document(fields: dict[str, Any], task: str, problems: list[Unmapped]) -> GoldDocument | None:
    """The gold document of ``fields``, or None with every reason it does not validate added to ``problems``."""
    try:
        doc = GoldDocument.model_validate(fields)
    except ValidationError as e:
        for err in e.errors():
            loc = ".".join(str(p) for p in err["loc"]) or "<document>"
            problems.append(Unmapped(task, loc, f"{err['msg']}; document not imported"))
        return None
    errs = check_document(doc)
    problems.extend(Unmapped(task, f, f"{m}; document not imported") for f, m in errs)
    return None if errs else doc


def span_problem(text: str, start: object, end: object, quoted: object | None) -> str | None:
    """Why (start, end) is not a usable span of ``text`` (``quoted``: the span text the tool wrote), or None."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return f"offsets {start}-{end} are not a span of the {len(text)}-character text"
    piece = text[start:end]
    if quoted is not None and quoted != piece:
        return f"span text {quoted!r} != text[{start}:{end}] = {piece!r}"
    if piece != piece.strip():
        return f"span {piece!r} has outer whitespace"
    return None
