"""A visit with no host found near it is hosted by the leader of the state visited, when the text names them.

News names the head of state or government a guest met anywhere in the story ('arrived in Ankara on an official
visit … talks with Recep Tayyip Erdogan covered …'), often far from the trip's own sentence; the guidelines' host is
the receiving official. A leader is a person of ``people.tsv`` in one of the :data:`HOST_OFFICES` of the state
visited in the year of publication (any year when the date is unknown), named within :data:`HOST_REACH` of the trip's
trigger; the first one named after the trigger hosts it (else the last one before it), as an implicit filler.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from functools import cache

from eventex.resources import OfficeTerm, office_terms, vocabulary
from eventex.schema import Entity, Event

HOST_REACH = 1500
"""Farthest a leader's mention may stand from the trip's trigger, in characters (a short news item: a long analysis
names leaders of the state visited who met other guests)."""
HOST_OFFICES = vocabulary("host_offices")
"""The offices of a state's leaders in ``people.tsv`` (heads of state and government)."""


@cache
def _leader_terms() -> dict[str, tuple[OfficeTerm, ...]]:
    """Case-folded name → the person's terms in one of :data:`HOST_OFFICES`."""
    terms: dict[str, list[OfficeTerm]] = defaultdict(list)
    for t in office_terms():
        if t.office in HOST_OFFICES:
            terms[t.name.casefold()].append(t)
    return {name: tuple(ts) for name, ts in terms.items()}


def _leads(person: Entity, year: int | None) -> bool:
    """Whether a person mention names a leader of its own state (by its canonical name, else its text) in ``year``."""
    name = (person.canonical or person.text).strip().casefold()
    return any(t.iso3 == person.affiliation and (year is None or t.held_in(year))
               for t in _leader_terms().get(name, ()))


def leader_hosts(events: list[Event], entities: list[Entity], published: dt.date | None) -> list[Event]:
    """Give each visit with no host the leader of a state it goes to that the text names (see the module)."""
    year = published.year if published else None
    leaders: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:  # (in text order)
        if e.label == "PERSON" and e.affiliation and _leads(e, year):
            leaders[e.affiliation].append(e)
    if not leaders:
        return events
    starts = {state: [m.start for m in mentions] for state, mentions in leaders.items()}
    out = []
    for ev in events:
        if ev.type == "visit" and ev.host is None:
            away = ev.visitor.affiliation or ev.visitor.id if ev.visitor is not None else None
            states = {d.id or d.affiliation for d in ev.destination} - {None, away}
            at = ev.trigger.start
            named = sorted((p for s in states & leaders.keys() for p in _within(leaders[s], starts[s], at)),
                           key=lambda p: p.start)
            if named:
                host = next((p for p in named if p.start >= at), named[-1])
                ev = ev.model_copy(update={"host": host.model_copy(update={"implicit": True})})
        out.append(ev)
    return out


def _within(mentions: list[Entity], starts: list[int], at: int) -> list[Entity]:
    """The mentions (in text order, starting at ``starts``) that start within :data:`HOST_REACH` of offset ``at`` (a
    bisection, so that a text with many trips and many leaders costs time linear in its length)."""
    return mentions[bisect.bisect_left(starts, at - HOST_REACH) : bisect.bisect_right(starts, at + HOST_REACH)]
