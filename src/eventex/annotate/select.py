"""What to annotate next: documents ranked by the model's uncertainty, spread out by diversity.

A document's uncertainty is the weighted sum (``resources/select.toml``) of three parts:

entities
    spans of the entity head whose two most probable tags are close (:func:`eventex.ner.decode.low_margins`),
    each ``1 - margin``;
events
    each event ``1 - confidence``;
rules
    rule conflicts: trigger words the rules match that end in no event (each its prior strength), and names
    given different labels within the document.

Selection is greedy: the next document is the one whose uncertainty times ``1 - diversity × its highest tf-idf
cosine to the documents already chosen`` is highest (ties: input order). The same model and input give the
same selection.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from itertools import islice
from typing import Any

import numpy as np

from eventex.document import Document
from eventex.errors import UsageError
from eventex.io.records import Failure
from eventex.linking.engine import TRIGGER_LABELS
from eventex.linking.triggers import TriggerFinder
from eventex.pipeline import Extractor, TextInput
from eventex.resources import read_toml

PARTS = {"entity": "entities", "event": "events", "trigger": "rules", "labels": "rules"}
"""The part of the uncertainty each kind of reason adds to."""


@dataclass(frozen=True)
class SelectRules:
    """The thresholds and weights of ``resources/select.toml``."""

    margin_below: float
    label_conflict: float
    weights: dict[str, float]
    diversity: float

    @classmethod
    def load(cls) -> SelectRules:
        """The shipped settings."""
        raw = read_toml("select.toml")
        return cls(raw["margin_below"], raw["label_conflict"], dict(raw["weights"]), raw["diversity"]["default"])


@dataclass(frozen=True)
class Reason:
    """One thing the model is unsure of (``text == input[start:end]``) and what it adds to its part."""

    kind: str  # entity | event | trigger | labels (see PARTS)
    text: str
    start: int
    end: int
    weight: float
    detail: str


@dataclass
class Scored:
    """A document's uncertainty (weighted sum of its ``parts``), the reasons behind it, and its words."""

    id: str
    text: str
    published: dt.date | None
    uncertainty: float
    parts: dict[str, float]
    reasons: list[Reason]
    terms: Counter[str]


class MarginEntities:
    """The transformer entity stage that also records each document's low-margin spans (``Document.margins``)."""

    name = "entities"
    requires: tuple[str, ...] = ()
    assigns = ("entities",)

    def __init__(self, stage: Any, below: float) -> None:
        if not hasattr(stage, "predict_scored"):
            raise UsageError("selection needs the transformer entity head (its tag probabilities), not spaCy's")
        self.stage, self.below = stage, below

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Fill ``entities`` (as the wrapped stage does) and ``margins``."""
        docs = list(docs)
        scored = self.stage.predict_scored([d.text for d in docs], self.below)
        for d, (entities, margins) in zip(docs, scored, strict=True):
            d.entities, d.margins = entities, margins
        yield from docs


class Selector:
    """Scores documents for annotation with an extractor's model and rules, and picks the next batch."""

    def __init__(self, extractor: Extractor, rules: SelectRules | None = None) -> None:
        self.rules = rules or SelectRules.load()
        below = self.rules.margin_below
        stages = [MarginEntities(s, below) if s.name == "entities" else s for s in extractor.stages]
        self.extractor = Extractor(stages, model_name=extractor.model_name, model_version=extractor.model_version)
        self.finder: TriggerFinder = extractor.stage("link").triggers

    def score(
        self, items: Iterable[tuple[str, TextInput]], batch_size: int = 16
    ) -> Iterator[tuple[str, Scored | Failure]]:
        """(id, outcome) per (id, text input), in order: its score, or why the model failed on it."""
        it = iter(items)
        for batch in iter(lambda: list(islice(it, batch_size)), []):
            try:
                docs: list[Document | Failure] = list(self.extractor.documents([x for _, x in batch]))
            except Exception:  # one bad document: the others alone
                docs = [self._alone(x) for _, x in batch]
            for (doc_id, _), d in zip(batch, docs, strict=True):
                yield doc_id, d if isinstance(d, Failure) else self.scored(doc_id, d)

    def _alone(self, item: TextInput) -> Document | Failure:
        try:
            return self.extractor.documents([item])[0]
        except Exception as e:
            return Failure.of(e)

    def scored(self, doc_id: str, d: Document) -> Scored:
        """The uncertainty of one filled Document."""
        reasons = [
            Reason("entity", m.text, m.start, m.end, round(1 - m.margin, 4),
                   f"{m.best} or {m.second} (margin {m.margin:.2f})")
            for m in d.margins
        ]
        reasons += [
            Reason("event", e.trigger.text, e.trigger.start, e.trigger.end, round(1 - e.confidence, 4),
                   f"{e.type} event, confidence {e.confidence:.2f}")
            for e in d.events if e.confidence < 1
        ]
        reasons += unlinked_triggers(d, self.finder) + label_conflicts(d, self.rules.label_conflict)
        reasons.sort(key=lambda r: (-r.weight, r.start, r.kind))
        parts = dict.fromkeys(self.rules.weights, 0.0)
        for r in reasons:
            parts[PARTS[r.kind]] += r.weight
        total = sum(self.rules.weights[k] * v for k, v in parts.items())
        terms = Counter(t.lower_ for t in d.doc if t.is_alpha and not t.is_stop) if d.doc is not None else Counter()
        return Scored(doc_id, d.text, d.published, total, parts, reasons, terms)


def unlinked_triggers(d: Document, finder: TriggerFinder) -> list[Reason]:
    """Trigger words the rules match that end in no event (not those inside a name), each its prior strength."""
    if d.doc is None:
        return []
    taken = [(e.trigger.start, e.trigger.end) for e in d.events]
    names = [(e.start, e.end) for e in d.entities if e.label not in TRIGGER_LABELS]
    found: dict[tuple[int, int], tuple[str, list[str], float]] = {}  # span -> text, types, strength
    for t in finder.find(d.doc):
        span = d.doc[t.start : t.end]
        a, b = span.start_char, span.end_char
        if any(s < b and a < e for s, e in taken) or any(s <= t.head.idx < e for s, e in names):
            continue
        _, types, strength = found.get((a, b), (span.text, [], 0.0))
        found[a, b] = (span.text, [*types, t.type], max(strength, t.strength))
    return [
        Reason("trigger", text, a, b, strength, f"{'/'.join(types)} trigger word, no event accepted")
        for (a, b), (text, types, strength) in found.items()
    ]


def label_conflicts(d: Document, weight: float) -> list[Reason]:
    """Names given more than one label in the document: ``weight`` per extra label, at the first mention."""
    by_text: dict[str, dict[str, int]] = {}
    first: dict[str, tuple[int, int]] = {}
    for e in d.entities:
        by_text.setdefault(e.text, {}).setdefault(e.label, 0)
        by_text[e.text][e.label] += 1
        first.setdefault(e.text, (e.start, e.end))
    return [
        Reason("labels", text, *first[text], weight * (len(labels) - 1),
               "labelled " + ", ".join(f"{k} ×{v}" for k, v in sorted(labels.items())))
        for text, labels in by_text.items() if len(labels) > 1
    ]


class TermVectors:
    """The documents' bags of words as l2-normalised tf-idf rows (sublinear tf, smoothed idf), for cosines."""

    def __init__(self, bags: Sequence[Counter[str]]) -> None:
        vocab: dict[str, int] = {}
        ids: list[int] = []
        counts: list[int] = []
        sizes: list[int] = []
        for bag in bags:
            for term, c in sorted(bag.items()):
                ids.append(vocab.setdefault(term, len(vocab)))
                counts.append(c)
            sizes.append(len(bag))
        self.n, self.dim = len(bags), len(vocab)
        self.ids = np.array(ids, dtype=np.int64)
        self.rows = np.repeat(np.arange(self.n), sizes)
        self.offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        idf = np.log((1 + self.n) / (1 + np.bincount(self.ids, minlength=self.dim))) + 1
        w = (1 + np.log(np.array(counts, dtype=float))) * idf[self.ids]
        norms = np.sqrt(np.bincount(self.rows, weights=w**2, minlength=self.n))
        self.weights = w / np.where(norms > 0, norms, 1.0)[self.rows]

    def cosines(self, i: int) -> np.ndarray:
        """The cosine of every document with document ``i``."""
        dense = np.zeros(self.dim)
        a, b = self.offsets[i], self.offsets[i + 1]
        dense[self.ids[a:b]] = self.weights[a:b]
        return np.bincount(self.rows, weights=self.weights * dense[self.ids], minlength=self.n)


def select(scored: Sequence[Scored], n: int, diversity: float) -> list[tuple[Scored, float]]:
    """The ``n`` documents to annotate first, in order, each with its uncertainty after the diversity penalty."""
    if n < 1:
        raise UsageError(f"the number of documents to select must be at least 1, got {n}")
    if not 0.0 <= diversity <= 1.0:
        raise UsageError(f"diversity must be between 0 and 1, got {diversity}")
    vectors = TermVectors([s.terms for s in scored])
    base = np.array([s.uncertainty for s in scored], dtype=float)
    nearest = np.zeros(len(scored))
    free = np.ones(len(scored), dtype=bool)
    out = []
    for _ in range(min(n, len(scored))):
        adjusted = np.where(free, base * (1 - diversity * nearest), -np.inf)
        i = int(np.argmax(adjusted))  # the first of equals: input order
        out.append((scored[i], float(adjusted[i])))
        free[i] = False
        nearest = np.maximum(nearest, vectors.cosines(i))
    return out


def record(s: Scored, rank: int, score: float) -> dict[str, Any]:
    """The output record of a selected document."""
    return {
        "id": s.id,
        "rank": rank,
        "score": round(score, 4),
        "uncertainty": round(s.uncertainty, 4),
        "parts": {k: round(v, 4) for k, v in s.parts.items()},
        "published": s.published.isoformat() if s.published else None,
        "text": s.text,
        "reasons": [asdict(r) for r in s.reasons],
    }
