"""Choosing and loading the entity stage and building an Extractor from options."""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any

from eventex.pipeline import Extractor
from eventex.stages.document import DocumentStage

REPO_MODELS = Path(__file__).resolve().parents[2] / "models"
DEFAULT_MODEL = "eventex-ner"


def default_model_dir() -> Path | None:
    """The shipped model directory ($EVENTEX_MODEL, else models/eventex-ner), if it exists."""
    env = os.environ.get("EVENTEX_MODEL")
    path = Path(env) if env else REPO_MODELS / DEFAULT_MODEL
    return path if (path / "manifest.json").exists() else None


def build_extractor(model: str | None = None, **options: Any) -> Extractor:
    """An Extractor: ``model`` is None/"default" (shipped head), "spacy", or a model directory.

    ``threads`` caps the entity head's inference threads (the spaCy stage runs single-threaded); ``runtime``
    None means the head's default.
    """
    if options.get("runtime", "") is None:
        del options["runtime"]
    batch_size = options.pop("spacy_batch_size", 16)
    threads = options.pop("threads", None)
    if model in (None, "default"):
        found = default_model_dir()
        if found is None:
            warnings.warn(
                f"no shipped eventex model at {REPO_MODELS / DEFAULT_MODEL} (set EVENTEX_MODEL to a model directory); "
                "falling back to the spaCy entity stage, which is less accurate",
                stacklevel=2,
            )
        model = str(found) if found else "spacy"
    if model == "spacy":
        from eventex.stages.entities import SpacyEntities

        if options:
            raise TypeError(f"unknown options for the spaCy entity stage: {sorted(options)}")
        return Extractor(SpacyEntities(), document=DocumentStage(with_ner=True, batch_size=batch_size))
    from eventex.ner.runtime import TransformerEntities

    path = Path(model)
    if not (path / "manifest.json").exists():
        raise FileNotFoundError(f"no eventex model at {path} (expected {path / 'manifest.json'})")
    stage = TransformerEntities.load(path, threads=threads, **options)
    return Extractor(
        stage, document=DocumentStage(batch_size=batch_size), model_name=stage.name, model_version=stage.version
    )
