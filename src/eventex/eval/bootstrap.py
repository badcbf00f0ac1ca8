"""Percentile bootstrap over documents, and the statistics it resamples."""

from __future__ import annotations

import random
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TypeVar

from eventex.eval.counts import Counts, DocCounts, total
from eventex.eval.report import Interval

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


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


def micro_f1(get: Callable[[T], Mapping[K, Counts]]) -> Callable[[Sequence[T]], float | None]:
    """A statistic for :func:`bootstrap`: the micro F1 of the counts ``get`` picks (None when there are none)."""
    return lambda docs: _defined_f1(total(c for d in docs for c in get(d).values()))


def status_accuracy(docs: Sequence[DocCounts]) -> float | None:
    """A statistic for :func:`bootstrap`: status accuracy over matched events (None when none matched)."""
    matched = sum(d.matched for d in docs)
    return sum(d.correct for d in docs) / matched if matched else None
