"""eventex's entity model for English news, as a package: ``eventex.load()`` finds it by its entry point.

    >>> import eventex
    >>> extractor = eventex.load()  # or eventex.load("eventex-ner-en")
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def model_dir() -> Path:
    """The model directory: ONNX graphs, tokenizer, manifest with SHA-256s, model card."""
    return Path(__file__).parent / "data"


def load(**options: Any):
    """An eventex Extractor with this model (``options`` as for :func:`eventex.load`)."""
    import eventex

    return eventex.load(str(model_dir()), **options)
