"""eventex: entities and typed events (visits, arms sales, energy investments, recognitions) from news text.

    >>> import eventex
    >>> result = eventex.extract(text, published="2010-03-10")
    >>> [e.type for e in result.events]

Threads: ``eventex.extract`` and one loaded :class:`~eventex.pipeline.Extractor` may be called from many threads
at once; each call gives the same result as it would alone.
"""

from __future__ import annotations

import datetime as dt
import threading

from eventex.schema import (
    ArmsSaleEvent,
    Citation,
    EnergyInvestmentEvent,
    Entity,
    Event,
    Extraction,
    RecognitionEvent,
    Span,
    TimeExpression,
    VisitEvent,
)
from eventex.version import __version__

__all__ = [
    "ArmsSaleEvent", "Citation", "EnergyInvestmentEvent", "Entity", "Event", "Extraction", "Extractor",
    "RecognitionEvent", "Span", "TimeExpression", "VisitEvent", "__version__", "extract", "extract_dataset", "load",
    "render", "to_displacy",
]


def load(model: str | None = None, **options):
    """An :class:`~eventex.pipeline.Extractor` for ``model``: None or "default" (see
    :func:`eventex.models.find_model`; raises :class:`~eventex.models.ModelNotFoundError` when there is none),
    an installed model package's name ("eventex-ner-en"), a model directory, or "spacy" (the spaCy entity stage);
    ``rules=PATH`` adds a user rules file to the shipped rules (``docs/rules.md``)."""
    from eventex.loading import build_extractor

    return build_extractor(model, **options)


_DEFAULT: list = []  # the default Extractor, once loaded
_DEFAULT_LOCK = threading.Lock()


def _default():
    """The default Extractor, loaded by the first caller (threads arriving meanwhile wait for it)."""
    if not _DEFAULT:
        with _DEFAULT_LOCK:
            if not _DEFAULT:
                _DEFAULT.append(load())
    return _DEFAULT[0]


def extract(text: str, *, published: dt.date | str | None = None) -> Extraction:
    """Entities and events of ``text`` with the default pipeline (loaded once per process; safe from many threads
    at once)."""
    from eventex.pipeline import check_text, parse_published

    check_text(text)
    parse_published(published)
    return _default().extract(text, published=published)


def _repr_html_(self: Extraction) -> str:
    """The HTML view (:func:`eventex.render`), for Jupyter; attached here, since the views depend on the schema."""
    from eventex.views.html import render

    return render(self, fragment=True)


Extraction._repr_html_ = _repr_html_  # type: ignore[attr-defined]


def __getattr__(name: str):
    if name == "Extractor":
        from eventex.pipeline import Extractor

        return Extractor
    if name == "extract_dataset":
        from eventex.integrations.hf_datasets import extract_dataset

        return extract_dataset
    if name in ("render", "to_displacy"):
        from eventex import views

        return getattr(views, name)
    raise AttributeError(name)
