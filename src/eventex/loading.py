"""Choosing and loading the entity stage and building an Extractor from options."""

from __future__ import annotations

from typing import Any

from eventex.models import find_model
from eventex.pipeline import Extractor
from eventex.stages.document import DocumentStage


def build_extractor(model: str | None = None, **options: Any) -> Extractor:
    """An Extractor: ``model`` is None/"default" (the shipped head, see :func:`eventex.models.find_model`),
    "spacy", an installed model package's name, or a model directory.

    ``threads`` caps the entity head's inference threads (the spaCy stage runs single-threaded); ``runtime``
    None means the head's default.
    """
    if options.get("runtime", "") is None:
        del options["runtime"]
    batch_size = options.pop("spacy_batch_size", 16)
    threads = options.pop("threads", None)
    if model == "spacy":
        from eventex.stages.entities import SpacyEntities

        if options:
            raise TypeError(f"unknown options for the spaCy entity stage: {sorted(options)}")
        return Extractor(SpacyEntities(), document=DocumentStage(with_ner=True, batch_size=batch_size))
    from eventex.ner.runtime import TransformerEntities

    stage = TransformerEntities.load(find_model(model).path, threads=threads, **options)
    return Extractor(
        stage, document=DocumentStage(batch_size=batch_size), model_name=stage.name, model_version=stage.version
    )
