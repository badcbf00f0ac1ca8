"""The typed results of eventex: the one source of truth for every stage, the CLI and the corpus."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

EntityLabel = Literal[
    "PERSON", "ORG", "GPE", "LOC", "NORP", "WEAPON", "ENERGY_ASSET", "MONEY", "QUANTITY", "DATE", "MISC"
]
ENTITY_LABELS: tuple[str, ...] = get_args(EntityLabel)
CORPUS_UNANNOTATED: tuple[str, ...] = ("MISC",)
"""Labels the eventex corpus does not annotate: other proper names (events, treaties, laws, products, works),
learnt from CoNLL-2003's MISC; corpus scores leave them out."""

Status = Literal["actual", "planned", "proposed", "negated", "alleged"]
STATUSES: tuple[str, ...] = get_args(Status)

Granularity = Literal["day", "month", "year", "range", "unresolved"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A piece of the input text: ``text == input[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text length {len(self.text)} != end - start ({self.end - self.start})")
        return self


class Entity(Span):
    """A typed mention; ``canonical``/``id`` name what it refers to (ISO 3166 alpha-3 for states)."""

    label: EntityLabel
    canonical: str | None = None
    id: str | None = None
    affiliation: str | None = Field(
        default=None, description="For people and organisations: the id of the state they act for."
    )
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    implicit: bool = Field(
        default=False,
        description="True when the filler is inferred (e.g. seller RUS from 'Russian helicopters'); "
        "the span is then the mention it was inferred from.",
    )


class TimeExpression(Span):
    """A time expression with its normalised interval (ISO 8601 dates, inclusive)."""

    date_start: dt.date | None = None
    date_end: dt.date | None = None
    granularity: Granularity = "unresolved"


class Citation(Span):
    """One attributed source inside a parenthesised citation, e.g. 'Interfax, February 17'."""

    outlet: str
    date: TimeExpression | None = None


class _EventBase(_Model):
    id: str
    trigger: Span
    status: Status = "actual"
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    evidence: list[Span] = Field(description="The sentences that state the event (first = where it was found).")
    date: TimeExpression | None = None
    sources: list[Citation] = Field(default_factory=list)


class VisitEvent(_EventBase):
    """An official travels to a place (``destination``), possibly received by a ``host``."""

    type: Literal["visit"] = "visit"
    visitor: Entity | None = None
    destination: list[Entity] = Field(default_factory=list)
    host: Entity | None = None


class ArmsSaleEvent(_EventBase):
    """A transfer of weapons from ``seller`` to ``buyer`` (sale, supply, contract, order)."""

    type: Literal["arms_sale"] = "arms_sale"
    seller: Entity | None = None
    buyer: list[Entity] = Field(default_factory=list)
    weapon: Entity | None = None
    value: Entity | None = None


class EnergyInvestmentEvent(_EventBase):
    """A foreign ``investor`` puts money or work into an energy ``asset`` in ``host_country``."""

    type: Literal["energy_investment"] = "energy_investment"
    investor: Entity | None = None
    host_country: Entity | None = None
    asset: Entity | None = None
    value: Entity | None = None
    capacity: Entity | None = None


class RecognitionEvent(_EventBase):
    """A state recognises (or withdraws recognition of) the statehood of ``recognized``."""

    type: Literal["recognition"] = "recognition"
    recognizer: Entity | None = None
    recognized: list[Entity] = Field(default_factory=list)


Event = Annotated[
    VisitEvent | ArmsSaleEvent | EnergyInvestmentEvent | RecognitionEvent,
    Field(discriminator="type"),
]
EVENT_CLASSES: dict[str, type[_EventBase]] = {
    cls.model_fields["type"].default: cls
    for cls in (VisitEvent, ArmsSaleEvent, EnergyInvestmentEvent, RecognitionEvent)
}
EventType = Literal["visit", "arms_sale", "energy_investment", "recognition"]
EVENT_TYPES: tuple[str, ...] = tuple(EVENT_CLASSES)


def event_roles(event_type: str) -> dict[str, bool]:
    """Role names of an event type, mapped to whether the role takes a list of fillers."""
    roles = {}
    for name, field in EVENT_CLASSES[event_type].model_fields.items():
        ann = field.annotation
        if ann == list[Entity]:
            roles[name] = True
        elif ann == Entity | None:
            roles[name] = False
    return roles


CORE_ROLES: dict[str, tuple[str, str]] = {
    "visit": ("visitor", "destination"),
    "arms_sale": ("seller", "buyer"),
    "energy_investment": ("investor", "host_country"),
    "recognition": ("recognizer", "recognized"),
}


class Unread(_Model):
    """A part of the input that was not analysed, and why."""

    start: int
    end: int
    reason: str


class Meta(_Model):
    """Which model produced a result, and what (if anything) it did not read."""

    model: str
    version: str
    eventex_version: str
    unread: list[Unread] = Field(default_factory=list)


class Extraction(_Model):
    """What :func:`eventex.extract` returns for one text."""

    text: str
    published: dt.date | None = None
    entities: list[Entity] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    meta: Meta

    def spans(self) -> list[Span]:
        """Every span in the result, for offset checks."""
        out: list[Span] = [*self.entities, *self.times]
        for ev in self.events:
            out.append(ev.trigger)
            out.extend(ev.evidence)
            if ev.date:
                out.append(ev.date)
            for c in ev.sources:
                out.append(c)
                if c.date:
                    out.append(c.date)
            for role, many in event_roles(ev.type).items():
                val = getattr(ev, role)
                out.extend(val if many else [val] if val else [])
        return out

