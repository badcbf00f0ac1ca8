"""Choosing and loading the entity stage, building an Extractor from options, and a per-process cache."""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any

from eventex.errors import InputTypeError, MissingFileError
from eventex.linking import Linker
from eventex.pipeline import Extractor
from eventex.stages.normalize import Normaliser
from eventex.stages.parse import ParseStage
from eventex.stages.resolve import Resolver

REPO_MODELS = Path(__file__).resolve().parents[2] / "models"
DEFAULT_MODEL = "eventex-ner"

_loaded: dict[tuple[str | None, str | None], Extractor] = {}


def default_model_dir() -> Path | None:
    """The shipped model directory ($EVENTEX_MODEL, else models/eventex-ner), if it exists."""
    env = os.environ.get("EVENTEX_MODEL")
    path = Path(env) if env else REPO_MODELS / DEFAULT_MODEL
    return path if (path / "manifest.json").exists() else None


def build_extractor(model: str | None = None, **options: Any) -> Extractor:
    """An Extractor: ``model`` is None/"default" (shipped head), "spacy", or a model directory.

    The stages run parse → entities → resolve → normalize → link. ``threads`` caps the entity head's inference
    threads (the spaCy parse runs single-threaded); ``runtime`` None means the head's default.
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
            raise InputTypeError(f"unknown options for the spaCy entity stage: {sorted(options)}")
        parse, entities = ParseStage(with_ner=True, batch_size=batch_size), SpacyEntities()
    else:
        from eventex.ner.runtime import TransformerEntities

        path = Path(model)
        if not (path / "manifest.json").exists():
            raise MissingFileError(f"no eventex model at {path} (expected {path / 'manifest.json'})")
        parse, entities = ParseStage(batch_size=batch_size), TransformerEntities.load(path, threads=threads, **options)
    return Extractor(
        [parse, entities, Resolver(), Normaliser(), Linker()],
        model_name=entities.model_name, model_version=entities.version,
    )


def loaded(model: str | None, threads: int | None = None, runtime: str | None = None) -> Extractor:
    """The extractor for ``model``, loaded once per process (``threads``: inference threads, None = all;
    ``runtime``: the entity head's runtime, None = its default)."""
    if (model, runtime) not in _loaded:
        _loaded[model, runtime] = build_extractor(model, threads=threads, runtime=runtime)
    return _loaded[model, runtime]
