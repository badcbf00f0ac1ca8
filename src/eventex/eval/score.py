"""Scoring runs: predictions against the gold corpus (entities, events, arguments, status) and CoNLL-2003 NER."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from eventex.corpus.conll import ConllDocument, read_conll
from eventex.corpus.gold import GoldDocument, load
from eventex.eval.bootstrap import bootstrap, micro_f1, status_accuracy
from eventex.eval.counts import Counts, document_counts, entity_counts, merge, ordered, ratio, total
from eventex.eval.report import ArgumentScores, ConllReport, EntityScores, EventScores, Report, StatusScores
from eventex.schema import ENTITY_LABELS, EVENT_TYPES, Extraction, event_roles

if TYPE_CHECKING:
    from eventex.pipeline import Extractor, TextInput


CONLL_LABELS: dict[str, str] = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "NORP": "MISC", "MISC": "MISC"
}
"""Predicted label -> CoNLL-2003 label. Gold PER/ORG/LOC/MISC are kept as they are; predicted WEAPON,
ENERGY_ASSET, MONEY, QUANTITY and DATE are dropped because CoNLL-2003 does not annotate them."""


CONLL_LABEL_ORDER = ("PER", "ORG", "LOC", "MISC")


def _model_name(predictions: Sequence[Extraction]) -> str | None:
    return f"{predictions[0].meta.model} {predictions[0].meta.version}" if predictions else None


def evaluate(
    gold_docs: Sequence[GoldDocument],
    predictions: Sequence[Extraction],
    *,
    bootstrap_samples: int = 1000,
    seed: int = 0,
) -> Report:
    """Score ``predictions`` (one per gold document, same order and text) against ``gold_docs``."""
    if len(gold_docs) != len(predictions):
        raise ValueError(f"{len(gold_docs)} gold documents but {len(predictions)} predictions")
    per_doc = []
    for gold, pred in zip(gold_docs, predictions, strict=True):
        if gold.text != pred.text:
            raise ValueError(f"prediction for document {gold.id!r} is for a different text")
        per_doc.append(document_counts(gold, pred))
    entities: dict[str, Counts] = {}
    events: dict[str, Counts] = {}
    arguments: dict[tuple[str, str], Counts] = {}
    for d in per_doc:
        merge(entities, d.entities)
        merge(events, d.events)
        merge(arguments, d.arguments)
    arg_types: dict[str, Counts] = {}
    for (etype, _), c in arguments.items():
        arg_types[etype] = arg_types.get(etype, Counts()) + c
    role_order = [f"{t}.{r}" for t in EVENT_TYPES for r in event_roles(t)]
    ci = bootstrap(
        per_doc,
        {
            "entities": micro_f1(lambda d: d.entities),
            "events": micro_f1(lambda d: d.events),
            "arguments": micro_f1(lambda d: d.arguments),
            "status": status_accuracy,
        },
        samples=bootstrap_samples,
        seed=seed,
    )
    matched = sum(d.matched for d in per_doc)
    correct = sum(d.correct for d in per_doc)
    return Report(
        documents=len(per_doc),
        model=_model_name(predictions),
        bootstrap_samples=bootstrap_samples,
        seed=seed,
        entities=EntityScores(
            micro=total(entities.values()).score(),
            by_label=ordered(entities, ENTITY_LABELS),
            f1_ci=ci.get("entities"),
        ),
        events=EventScores(
            micro=total(events.values()).score(),
            by_type=ordered(events, EVENT_TYPES),
            f1_ci=ci.get("events"),
        ),
        arguments=ArgumentScores(
            micro=total(arguments.values()).score(),
            by_type=ordered(arg_types, EVENT_TYPES),
            by_role=ordered({f"{t}.{r}": c for (t, r), c in arguments.items()}, role_order),
            f1_ci=ci.get("arguments"),
        ),
        status=StatusScores(
            gold_events=sum(d.gold_events for d in per_doc),
            predicted_events=sum(d.predicted_events for d in per_doc),
            matched=matched,
            correct=correct,
            accuracy=ratio(correct, matched),
            accuracy_ci=ci.get("status"),
        ),
    )


def _predict(extractor: Extractor, items: Iterable[TextInput], batch_size: int) -> list[Extraction]:
    return list(extractor.pipe(items, batch_size=batch_size))


def _load(model: str | None, extractor: Extractor | None) -> Extractor:
    if extractor is not None:
        return extractor
    from eventex.loading import build_extractor

    return build_extractor(model)


def run_evaluation(
    gold_path: str | Path,
    model: str | None = None,
    batch_size: int = 8,
    *,
    limit_docs: int | None = None,
    bootstrap_samples: int = 1000,
    seed: int = 0,
    extractor: Extractor | None = None,
) -> Report:
    """Load gold documents, run ``eventex.load(model)`` (or ``extractor``) over them and score the results."""
    docs = load(gold_path)[:limit_docs]
    items = ((d.text, {"published": d.published}) for d in docs)
    preds = _predict(_load(model, extractor), items, batch_size)
    return evaluate(docs, preds, bootstrap_samples=bootstrap_samples, seed=seed)


def conll_spans(extraction: Extraction) -> list[tuple[int, int, str]]:
    """Predicted entities as (start, end, CoNLL label), dropping labels CoNLL does not annotate."""
    return [(e.start, e.end, CONLL_LABELS[e.label]) for e in extraction.entities if e.label in CONLL_LABELS]


def evaluate_conll(
    docs: Sequence[ConllDocument],
    predictions: Sequence[Extraction],
    *,
    bootstrap_samples: int = 1000,
    seed: int = 0,
) -> ConllReport:
    """Strict span + mapped-label scores of ``predictions`` on CoNLL documents."""
    if len(docs) != len(predictions):
        raise ValueError(f"{len(docs)} CoNLL documents but {len(predictions)} predictions")
    per_doc = [entity_counts(d.entities, conll_spans(p)) for d, p in zip(docs, predictions, strict=True)]
    totals: dict[str, Counts] = {}
    for c in per_doc:
        merge(totals, c)
    ci = bootstrap(
        per_doc,
        {"f1": micro_f1(lambda d: d)},
        samples=bootstrap_samples,
        seed=seed,
    )
    return ConllReport(
        documents=len(docs),
        model=_model_name(predictions),
        bootstrap_samples=bootstrap_samples,
        seed=seed,
        entities=EntityScores(
            micro=total(totals.values()).score(),
            by_label=ordered(totals, CONLL_LABEL_ORDER),
            f1_ci=ci.get("f1"),
        ),
    )


def run_conll(
    path: str | Path,
    model: str | None = None,
    batch_size: int = 8,
    *,
    limit_docs: int | None = None,
    bootstrap_samples: int = 1000,
    seed: int = 0,
    extractor: Extractor | None = None,
) -> ConllReport:
    """Read a CoNLL-2003 file, run the extractor on its document texts and score the entities."""
    docs = read_conll(path)[:limit_docs]
    preds = _predict(_load(model, extractor), (d.text for d in docs), batch_size)
    return evaluate_conll(docs, preds, bootstrap_samples=bootstrap_samples, seed=seed)
