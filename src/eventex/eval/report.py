"""The report models of a scoring run: scores, intervals, per-label/type/role tables."""

from __future__ import annotations

from pydantic import BaseModel


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
