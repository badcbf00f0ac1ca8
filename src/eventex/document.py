"""Document: the mutable record that the stages fill, one per input text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from eventex.schema import Citation, Entity, Event, TimeExpression, Unread

if TYPE_CHECKING:
    from eventex.ner.decode import Margin


@dataclass
class Document:
    """The shared object every stage reads and adds to (like spaCy's ``Doc``, one level up).

    The names a stage ``requires`` and ``assigns`` (see :class:`eventex.stages.Stage`) are these fields, and
    ``doc.ents`` (spaCy's own entities) and ``entities.id`` (entities resolved to canonical ids).
    """

    text: str
    published: dt.date | None = None
    doc: Doc | None = None
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)
    margins: list[Margin] = field(default_factory=list)
    """Low-margin spans of the entity head, filled only when scoring for annotation (:mod:`eventex.annotate`)."""
