"""Choosing and loading the entity stage, building an Extractor from options, and a per-process cache."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from eventex.errors import InputTypeError
from eventex.linking import Linker
from eventex.linking.user_rules import load_rules
from eventex.models import find_model
from eventex.pipeline import Extractor
from eventex.stages.normalize import Normaliser
from eventex.stages.parse import ParseStage
from eventex.stages.resolve import Resolver

_loaded: dict[tuple[str | None, str | None, str | None], Extractor] = {}


def build_extractor(model: str | None = None, **options: Any) -> Extractor:
    """An Extractor: ``model`` is None/"default" (the shipped head, see :func:`eventex.models.find_model`),
    "spacy", an installed model package's name, or a model directory.

    The stages run parse → entities → resolve → normalize → link. ``threads`` caps the entity head's inference
    threads (the spaCy parse runs single-threaded); ``runtime`` None means the head's default; ``rules`` a user
    rules file added to the shipped rules (``docs/rules.md``).
    """
    if options.get("runtime", "") is None:
        del options["runtime"]
    batch_size = options.pop("spacy_batch_size", 16)
    threads = options.pop("threads", None)
    rules = options.pop("rules", None)
    if model == "spacy":
        from eventex.stages.entities import SpacyEntities

        if options:
            raise InputTypeError(f"unknown options for the spaCy entity stage: {sorted(options)}")
        parse, entities = ParseStage(with_ner=True, batch_size=batch_size), SpacyEntities()
    else:
        from eventex.ner.runtime import TransformerEntities

        path = find_model(model).path
        # The head loads in a thread while spaCy loads here: onnxruntime builds its session and hashlib checks
        # the graph without the GIL, so on two cores most of the head's load time is hidden.
        with ThreadPoolExecutor(1, thread_name_prefix="eventex-load") as pool:
            head = pool.submit(TransformerEntities.load, path, threads=threads, **options)
            parse = ParseStage(batch_size=batch_size)
            entities = head.result()
    linking, status = load_rules(rules)
    return Extractor(
        [parse, entities, Resolver(rows=linking.facts.names), Normaliser(), Linker(linking, status)],
        model_name=entities.model_name, model_version=entities.version,
    )


def loaded(
    model: str | None, threads: int | None = None, runtime: str | None = None, rules: str | None = None
) -> Extractor:
    """The extractor for ``model``, loaded once per process (``threads``: inference threads, None = all;
    ``runtime``: the entity head's runtime, None = its default; ``rules``: a user rules file)."""
    if (model, runtime, rules) not in _loaded:
        _loaded[model, runtime, rules] = build_extractor(model, threads=threads, runtime=runtime, rules=rules)
    return _loaded[model, runtime, rules]
