"""Entity edits shared by the mention repairs."""

from __future__ import annotations

from eventex.schema import Entity


def moved(ent: Entity, text: str, start: int, end: int, **update: object) -> Entity:
    """``ent`` over ``text[start:end]`` (with any other field ``update``d)."""
    return ent.model_copy(update={"start": start, "end": end, "text": text[start:end], **update})
