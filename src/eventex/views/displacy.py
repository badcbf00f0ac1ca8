"""Results as displaCy input: ``displacy.render(to_displacy(r), style="ent", manual=True,
options={"colors": DISPLACY_COLORS})``."""

from __future__ import annotations

from typing import Any

from eventex.schema import ENTITY_LABELS, Extraction
from eventex.views.html import LABEL_COLORS

DISPLACY_COLORS: dict[str, str] = {label: LABEL_COLORS[label] for label in ENTITY_LABELS}
"""displaCy's ``colors`` option for the eventex entity labels (the HTML view's highlight colours)."""


def to_displacy(extraction: Extraction, *, title: str | None = None) -> dict[str, Any]:
    """The manual-mode ``ent`` input for one result: its text and entities (character offsets), in order."""
    if not isinstance(extraction, Extraction):
        raise TypeError(f"to_displacy takes an Extraction, got {type(extraction).__name__}")
    ents = [
        {"start": e.start, "end": e.end, "label": e.label}
        for e in sorted(extraction.entities, key=lambda e: (e.start, -e.end))
        if e.end > e.start
    ]
    return {"text": extraction.text, "ents": ents, "title": title}
