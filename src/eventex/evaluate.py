"""Scoring against the gold corpus (entities, core event tuples, arguments, status) and CoNLL-2003 NER.

Conventions used by every score:

- Counts are summed over documents before computing ratios (micro averaging).
- A ratio with a zero denominator is 0.0: no predictions gives precision 0.0, no gold gives recall 0.0, and
  F1 is 0.0 when precision + recall is 0; status accuracy with no matched events is 0.0 (the counts say why).
- Fillers of event roles are compared by key: ``("id", canonical id)`` when the filler has an id, else
  ``("text", normalised text)``. An id key matches only the same id; a text key matches an equal text key or
  one that it ends with as whole words ("lavrov" matches "sergei lavrov"). Gold fillers (implicit ones
  included) take the key of the mention they point at, or the id an implicit filler names (world knowledge).
- Tuples and triples are sets per document, matched one-to-one (maximum bipartite matching) under that rule.
- Confidence intervals: percentile bootstrap over documents with a fixed seed; resamples where a score is
  undefined (nothing to score, or no matched events for status accuracy) are left out of its interval.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel

from eventex.corpus import GoldDocument, GoldEvent
from eventex.schema import (
    CORE_ROLES,
    CORPUS_UNANNOTATED,
    ENTITY_LABELS,
    EVENT_TYPES,
    Entity,
    Event,
    Extraction,
    event_roles,
)

if TYPE_CHECKING:
    from eventex.pipeline import Extractor, TextInput

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

FillerKey = tuple[str, str]
"""``("id", "RUS")`` or ``("text", "sergei lavrov")``."""
CoreTuple = tuple[str, FillerKey | None, FillerKey | None]
"""(event type, agent key, other key) over the core roles of :data:`eventex.schema.CORE_ROLES`."""
ArgTriple = tuple[str, str, FillerKey]
"""(event type, role, filler key)."""

CONLL_LABELS: dict[str, str] = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "NORP": "MISC", "MISC": "MISC"
}
"""Predicted label -> CoNLL-2003 label. Gold PER/ORG/LOC/MISC are kept as they are; predicted WEAPON,
ENERGY_ASSET, MONEY, QUANTITY and DATE are dropped because CoNLL-2003 does not annotate them."""
CONLL_LABEL_ORDER = ("PER", "ORG", "LOC", "MISC")


# --- report types -----------------------------------------------------------------------------------------


class Interval(BaseModel):
    """A bootstrap confidence interval."""

    low: float
    high: float


class Score(BaseModel):
    """True/false positives, false negatives and the ratios derived from them."""

    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float


class EntityScores(BaseModel):
    """Strict span + label scores, per label and micro-averaged."""

    micro: Score
    by_label: dict[str, Score]
    f1_ci: Interval | None = None


class EventScores(BaseModel):
    """Core-tuple scores, per event type and micro-averaged."""

    micro: Score
    by_type: dict[str, Score]
    f1_ci: Interval | None = None


class ArgumentScores(BaseModel):
    """(type, role, filler) scores, micro, per event type and per ``type.role``."""

    micro: Score
    by_type: dict[str, Score]
    by_role: dict[str, Score]
    f1_ci: Interval | None = None


class StatusScores(BaseModel):
    """Status accuracy over gold/predicted event pairs matched by shared core tuples."""

    gold_events: int
    predicted_events: int
    matched: int
    correct: int
    accuracy: float
    accuracy_ci: Interval | None = None


class Report(BaseModel):
    """Scores of predictions on a gold corpus (see the module docstring for the conventions)."""

    documents: int
    model: str | None = None
    bootstrap_samples: int
    seed: int
    entities: EntityScores
    events: EventScores
    arguments: ArgumentScores
    status: StatusScores


class ConllReport(BaseModel):
    """Entity scores on a CoNLL-2003 file, in CoNLL labels (mapping: :data:`CONLL_LABELS`)."""

    documents: int
    model: str | None = None
    bootstrap_samples: int
    seed: int
    entities: EntityScores


# --- counting ---------------------------------------------------------------------------------------------


@dataclass
class Counts:
    """tp/fp/fn, summable."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def score(self) -> Score:
        """Precision, recall and F1 (0.0 for a zero denominator)."""
        p = _ratio(self.tp, self.tp + self.fp)
        r = _ratio(self.tp, self.tp + self.fn)
        return Score(tp=self.tp, fp=self.fp, fn=self.fn, precision=p, recall=r, f1=_ratio(2 * p * r, p + r))


@dataclass
class DocCounts:
    """Everything one document contributes to a :class:`Report`."""

    entities: dict[str, Counts] = field(default_factory=dict)
    events: dict[str, Counts] = field(default_factory=dict)
    arguments: dict[tuple[str, str], Counts] = field(default_factory=dict)
    gold_events: int = 0
    predicted_events: int = 0
    matched: int = 0
    correct: int = 0


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _total(groups: Iterable[Counts]) -> Counts:
    return sum(groups, Counts())


def _merge(target: dict[K, Counts], source: Mapping[K, Counts]) -> None:
    for k, c in source.items():
        target[k] = target.get(k, Counts()) + c


# --- filler keys and matching -----------------------------------------------------------------------------

_POSSESSIVE_RE = re.compile(r"['’]s$|(?<=s)['’]$")


def normalise_text(text: str) -> str:
    """Case-folded text without outer space, a leading 'the ' or a trailing possessive."""
    t = " ".join(text.casefold().split())
    return _POSSESSIVE_RE.sub("", t.removeprefix("the "))


def filler_key(entity: Entity) -> FillerKey:
    """The key of a filler (a predicted Entity or a GoldMention): its id, else its normalised text."""
    return ("id", entity.id) if entity.id else ("text", normalise_text(entity.text))


def keys_match(a: FillerKey | None, b: FillerKey | None) -> bool:
    """Same id; or equal texts, or one text a whole-word suffix of the other; None matches only None."""
    if a is None or b is None:
        return a is b
    if a[0] != b[0] or a[1] == b[1]:
        return a == b
    if a[0] == "id":
        return False
    short, long = sorted((a[1], b[1]), key=len)
    return long.endswith(" " + short)


def core_match(a: CoreTuple, b: CoreTuple) -> bool:
    """Two core tuples of the same type whose agent and other keys match."""
    return a[0] == b[0] and keys_match(a[1], b[1]) and keys_match(a[2], b[2])


def arg_match(a: ArgTriple, b: ArgTriple) -> bool:
    """Two argument triples of the same type and role whose filler keys match."""
    return a[:2] == b[:2] and keys_match(a[2], b[2])


def max_matching(gold: Sequence[T], pred: Sequence[T], compatible: Callable[[T, T], bool]) -> int:
    """The size of a maximum one-to-one matching between ``gold`` and ``pred`` (augmenting paths)."""
    edges = [[j for j, p in enumerate(pred) if compatible(g, p)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(augment(i, set()) for i in range(len(gold)))


def gold_fillers(doc: GoldDocument, event: GoldEvent) -> dict[str, list[FillerKey]]:
    """Role -> filler keys of a gold event (implicit fillers take the key of the mention they point at)."""
    out: dict[str, list[FillerKey]] = {role: [] for role in event_roles(event.type)}
    for arg in event.arguments:
        out[arg.role].append(("id", arg.id) if arg.id else filler_key(doc.mention(arg.mention)))
    return out


def predicted_fillers(event: Event) -> dict[str, list[FillerKey]]:
    """Role -> filler keys of a predicted event."""
    out: dict[str, list[FillerKey]] = {}
    for role, many in event_roles(event.type).items():
        value = getattr(event, role)
        out[role] = [filler_key(e) for e in (value if many else [value] if value else [])]
    return out


def core_tuples(event_type: str, fillers: Mapping[str, list[FillerKey]]) -> set[CoreTuple]:
    """One tuple per (agent, other) filler pair; a missing side is None; a tuple with both None is dropped."""
    agent_role, other_role = CORE_ROLES[event_type]
    agents: list[FillerKey | None] = [*fillers.get(agent_role, [])] or [None]
    others: list[FillerKey | None] = [*fillers.get(other_role, [])] or [None]
    return {(event_type, a, o) for a in agents for o in others if a is not None or o is not None}


def argument_triples(event_type: str, fillers: Mapping[str, list[FillerKey]]) -> set[ArgTriple]:
    """One (type, role, key) triple per filler of every role."""
    return {(event_type, role, k) for role, keys in fillers.items() for k in keys}


def _grouped_counts(
    gold: set[T], pred: set[T], group: Callable[[T], K], compatible: Callable[[T, T], bool]
) -> dict[K, Counts]:
    out: dict[K, Counts] = {}
    for g in {group(x) for x in gold | pred}:
        gs = sorted((x for x in gold if group(x) == g), key=repr)
        ps = sorted((x for x in pred if group(x) == g), key=repr)
        tp = max_matching(gs, ps, compatible)
        out[g] = Counts(tp, len(ps) - tp, len(gs) - tp)
    return out


def _match_events(gold: list[set[CoreTuple]], pred: list[set[CoreTuple]]) -> list[tuple[int, int]]:
    """Greedy one-to-one (gold, pred) pairs sharing core tuples, most shared first."""
    shared = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            n = max_matching(sorted(g, key=repr), sorted(p, key=repr), core_match)
            if n:
                shared.append((-n, i, j))
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, i, j in sorted(shared):
        if i not in used_g and j not in used_p:
            pairs.append((i, j))
            used_g.add(i)
            used_p.add(j)
    return pairs


SpanKey = tuple[int, int, str]
"""(start, end, label) of an entity mention."""


def entity_counts(gold: Iterable[SpanKey], pred: Iterable[SpanKey]) -> dict[str, Counts]:
    """Strict (start, end, label) counts per label for one document."""
    gs, ps = set(gold), set(pred)
    out: dict[str, Counts] = {}
    for label in {x[2] for x in gs | ps}:
        g = {x for x in gs if x[2] == label}
        p = {x for x in ps if x[2] == label}
        out[label] = Counts(len(g & p), len(p - g), len(g - p))
    return out


def document_counts(gold: GoldDocument, pred: Extraction) -> DocCounts:
    """Entity, core-tuple, argument and status counts of one document."""
    out = DocCounts(
        entities=entity_counts(
            ((m.start, m.end, m.label) for m in gold.mentions),
            ((e.start, e.end, e.label) for e in pred.entities if e.label not in CORPUS_UNANNOTATED),
        )
    )
    g_fill = [(ev, gold_fillers(gold, ev)) for ev in gold.events]
    p_fill = [(ev, predicted_fillers(ev)) for ev in pred.events]
    g_core = [core_tuples(ev.type, f) for ev, f in g_fill]
    p_core = [core_tuples(ev.type, f) for ev, f in p_fill]
    out.events = _grouped_counts(set().union(*g_core), set().union(*p_core), lambda t: t[0], core_match)
    g_args = set().union(*(argument_triples(ev.type, f) for ev, f in g_fill))
    p_args = set().union(*(argument_triples(ev.type, f) for ev, f in p_fill))
    out.arguments = _grouped_counts(g_args, p_args, lambda t: (t[0], t[1]), arg_match)
    pairs = _match_events(g_core, p_core)
    out.gold_events, out.predicted_events, out.matched = len(gold.events), len(pred.events), len(pairs)
    out.correct = sum(gold.events[i].status == pred.events[j].status for i, j in pairs)
    return out


# --- bootstrap --------------------------------------------------------------------------------------------


def _percentile(sorted_values: Sequence[float], q: float) -> float:
    pos = q * (len(sorted_values) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def bootstrap(
    items: Sequence[T],
    statistics: Mapping[str, Callable[[Sequence[T]], float | None]],
    *,
    samples: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> dict[str, Interval]:
    """Percentile intervals of each statistic over resamples (with replacement) of ``items``.

    All statistics see the same resamples. A statistic returns None where it is undefined on a resample;
    such values are skipped, and a statistic undefined on every resample (or with no items or no samples)
    has no interval.
    """
    if not items or samples <= 0:
        return {}
    rng = random.Random(seed)
    values: dict[str, list[float]] = {name: [] for name in statistics}
    for _ in range(samples):
        sample = rng.choices(items, k=len(items))
        for name, stat in statistics.items():
            value = stat(sample)
            if value is not None:
                values[name].append(value)
    tail = (1 - level) / 2
    out = {}
    for name, vs in values.items():
        if vs:
            vs.sort()
            out[name] = Interval(low=_percentile(vs, tail), high=_percentile(vs, 1 - tail))
    return out


def _defined_f1(counts: Counts) -> float | None:
    return counts.score().f1 if counts.tp + counts.fp + counts.fn else None


def _micro_f1(get: Callable[[T], Mapping[K, Counts]]) -> Callable[[Sequence[T]], float | None]:
    return lambda docs: _defined_f1(_total(c for d in docs for c in get(d).values()))


def _status_accuracy(docs: Sequence[DocCounts]) -> float | None:
    matched = sum(d.matched for d in docs)
    return sum(d.correct for d in docs) / matched if matched else None


# --- evaluation -------------------------------------------------------------------------------------------


def _ordered(groups: Mapping[str, Counts], order: Sequence[str]) -> dict[str, Score]:
    rank = {k: i for i, k in enumerate(order)}
    return {k: groups[k].score() for k in sorted(groups, key=lambda k: (rank.get(k, len(rank)), k))}


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
        _merge(entities, d.entities)
        _merge(events, d.events)
        _merge(arguments, d.arguments)
    arg_types: dict[str, Counts] = {}
    for (etype, _), c in arguments.items():
        arg_types[etype] = arg_types.get(etype, Counts()) + c
    role_order = [f"{t}.{r}" for t in EVENT_TYPES for r in event_roles(t)]
    ci = bootstrap(
        per_doc,
        {
            "entities": _micro_f1(lambda d: d.entities),
            "events": _micro_f1(lambda d: d.events),
            "arguments": _micro_f1(lambda d: d.arguments),
            "status": _status_accuracy,
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
            micro=_total(entities.values()).score(),
            by_label=_ordered(entities, ENTITY_LABELS),
            f1_ci=ci.get("entities"),
        ),
        events=EventScores(
            micro=_total(events.values()).score(),
            by_type=_ordered(events, EVENT_TYPES),
            f1_ci=ci.get("events"),
        ),
        arguments=ArgumentScores(
            micro=_total(arguments.values()).score(),
            by_type=_ordered(arg_types, EVENT_TYPES),
            by_role=_ordered({f"{t}.{r}": c for (t, r), c in arguments.items()}, role_order),
            f1_ci=ci.get("arguments"),
        ),
        status=StatusScores(
            gold_events=sum(d.gold_events for d in per_doc),
            predicted_events=sum(d.predicted_events for d in per_doc),
            matched=matched,
            correct=correct,
            accuracy=_ratio(correct, matched),
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
    from eventex import corpus

    docs = corpus.load(gold_path)[:limit_docs]
    items = ((d.text, {"published": d.published}) for d in docs)
    preds = _predict(_load(model, extractor), items, batch_size)
    return evaluate(docs, preds, bootstrap_samples=bootstrap_samples, seed=seed)


# --- CoNLL-2003 -------------------------------------------------------------------------------------------


@dataclass
class ConllDocument:
    """A CoNLL document as one text: tokens joined by spaces, sentences by newlines."""

    text: str
    tokens: list[tuple[int, int]]
    """Character offsets (start, end) of every token in ``text``."""
    entities: list[tuple[int, int, str]]
    """Gold entities (start, end, CoNLL label) from the IOB tags."""


def _build_conll_document(sentences: list[list[tuple[str, str]]]) -> ConllDocument:
    parts: list[str] = []
    tokens: list[tuple[int, int]] = []
    entities: list[tuple[int, int, str]] = []
    pos = 0
    for s, sentence in enumerate(sentences):
        open_ent: list = []  # [start, end, label] of the entity being read
        for t, (token, tag) in enumerate(sentence):
            if s or t:
                sep = " " if t else "\n"
                parts.append(sep)
                pos += 1
            start, end = pos, pos + len(token)
            parts.append(token)
            tokens.append((start, end))
            pos = end
            prefix, _, label = tag.partition("-")
            if prefix == "I" and open_ent and open_ent[2] == label:
                open_ent[1] = end
                continue
            if open_ent:
                entities.append((open_ent[0], open_ent[1], open_ent[2]))
            # B-X, or an I-X that does not continue an X entity (IOB1), opens a new entity
            open_ent = [start, end, label] if prefix in ("B", "I") else []
        if open_ent:
            entities.append((open_ent[0], open_ent[1], open_ent[2]))
    return ConllDocument(text="".join(parts), tokens=tokens, entities=entities)


def parse_conll(source: str) -> list[ConllDocument]:
    """Documents of a CoNLL-2003 text (TOKEN POS CHUNK NER columns, IOB tags, ``-DOCSTART-`` separators)."""
    docs: list[ConllDocument] = []
    sentences: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []
    for line in source.splitlines():
        cols = line.split()
        if cols and cols[0] != "-DOCSTART-":
            sentence.append((cols[0], cols[-1]))
            continue
        if sentence:
            sentences.append(sentence)
            sentence = []
        if cols and sentences:
            docs.append(_build_conll_document(sentences))
            sentences = []
    if sentence:
        sentences.append(sentence)
    if sentences:
        docs.append(_build_conll_document(sentences))
    return docs


def read_conll(path: str | Path) -> list[ConllDocument]:
    """Documents of a CoNLL-2003 file."""
    return parse_conll(Path(path).read_text(encoding="utf-8"))


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
        _merge(totals, c)
    ci = bootstrap(
        per_doc,
        {"f1": _micro_f1(lambda d: d)},
        samples=bootstrap_samples,
        seed=seed,
    )
    return ConllReport(
        documents=len(docs),
        model=_model_name(predictions),
        bootstrap_samples=bootstrap_samples,
        seed=seed,
        entities=EntityScores(
            micro=_total(totals.values()).score(),
            by_label=_ordered(totals, CONLL_LABEL_ORDER),
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


# --- tables ---------------------------------------------------------------------------------------
