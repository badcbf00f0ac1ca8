"""Counting: true/false positives and false negatives per label, type and role, per document."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from eventex.corpus.gold import GoldDocument
from eventex.eval.match import (
    arg_match,
    argument_triples,
    core_match,
    core_tuples,
    gold_fillers,
    match_events,
    max_matching,
    predicted_fillers,
)
from eventex.eval.report import Score
from eventex.schema import CORPUS_UNANNOTATED, Extraction

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


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
        p = ratio(self.tp, self.tp + self.fp)
        r = ratio(self.tp, self.tp + self.fn)
        return Score(tp=self.tp, fp=self.fp, fn=self.fn, precision=p, recall=r, f1=ratio(2 * p * r, p + r))


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


def ratio(num: float, den: float) -> float:
    """``num / den``, 0.0 for a zero denominator."""
    return num / den if den else 0.0


def total(groups: Iterable[Counts]) -> Counts:
    """The sum of counts."""
    return sum(groups, Counts())


def merge(target: dict[K, Counts], source: Mapping[K, Counts]) -> None:
    """Add the counts of ``source`` to ``target``, key by key."""
    for k, c in source.items():
        target[k] = target.get(k, Counts()) + c


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
    pairs = match_events(g_core, p_core)
    out.gold_events, out.predicted_events, out.matched = len(gold.events), len(pred.events), len(pairs)
    out.correct = sum(gold.events[i].status == pred.events[j].status for i, j in pairs)
    return out


def ordered(groups: Mapping[str, Counts], order: Sequence[str]) -> dict[str, Score]:
    """Scores of the groups, in ``order`` first, then the rest alphabetically."""
    rank = {k: i for i, k in enumerate(order)}
    return {k: groups[k].score() for k in sorted(groups, key=lambda k: (rank.get(k, len(rank)), k))}
