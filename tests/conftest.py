"""Shared fixtures; every test runs offline."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def sample_text() -> str:
    """The bundled sample article (the seed Eurasia Daily Monitor piece)."""
    return (ROOT / "examples" / "lavrov_latin_america.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def default_extractor():
    """The default pipeline, loaded once for the whole test session."""
    import eventex

    return eventex._default()


@pytest.fixture(scope="session")
def events_of(default_extractor):
    """The default pipeline's events of a text published on a date."""

    def _events(text: str, published: str):
        return default_extractor.extract(text, published=published).events

    return _events


@pytest.fixture(scope="module")
def run(events_of, request):
    """The default pipeline's events of a text published on the test module's ``PUB`` date."""
    published = request.module.PUB
    return lambda text: events_of(text, published)


@pytest.fixture(scope="session")
def sample_result(default_extractor, sample_text):
    """The default pipeline's result on the sample article, published 2010-03-10."""
    return default_extractor.extract(sample_text, published="2010-03-10")


@pytest.fixture(scope="session")
def hand_doc():
    """Build a parsed Document from a text and hand-given entities (spaCy's parser only, no NER model).

    Each entity is ``(surface, label)`` or ``(surface, label, {"id": …, "affiliation": …})``, given in text
    order; its offsets are those of the next occurrence of ``surface``.
    """
    from eventex.document import Document
    from eventex.schema import Entity
    from eventex.stages.parse import ParseStage

    parser = ParseStage()

    def build(text: str, *entities: tuple, published: str | None = None) -> Document:
        doc = Document(text=text, published=dt.date.fromisoformat(published) if published else None)
        next(parser.pipe([doc]))
        pos = 0
        for surface, label, *extra in entities:
            start = text.index(surface, pos)
            doc.entities.append(
                Entity(text=surface, start=start, end=start + len(surface), label=label, **(extra[0] if extra else {}))
            )
            pos = start + 1
        return doc

    return build
