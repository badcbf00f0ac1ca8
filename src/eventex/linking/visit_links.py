"""Visits whose place or parties come from another visit or from the sentence's two states.

- 'the first visit to Peru by a Chilean leader since 2009, when Ana Ruiz visited': a travel verb in a 'when'
  clause that recalls an earlier visit and names no place goes where the visit it recalls goes (implicit).
- 'Chile hopes to agree on reciprocal visits of the two countries' ministers': reciprocal or mutual visits between
  the only two states the sentence names are one visit each way (fillers implicit).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventex.linking.context import STATE_LABELS, Candidate, LinkContext, home_of
from eventex.schema import Entity

WHEN_STEPS = 3
"""Most steps from a 'when' clause's verb up to the visit it recalls ('visit … since 2009, when X visited')."""
MUTUAL = frozenset({"reciprocal", "mutual"})
"""Modifiers of a visit noun that make it a visit each way."""


def fill_from_recalled_visit(cand: Candidate, earlier: list[Candidate]) -> None:
    """Give a placeless visit in a 'when' clause the destinations of the visit noun that clause hangs from."""
    trig = cand.trigger_token
    if cand.type != "visit" or cand.fillers.get("destination") or cand.fillers.get("host"):
        return
    if trig.dep_ not in ("relcl", "advcl") or not any(c.lower_ == "when" for c in trig.children):
        return
    by_token = {c.trigger_token.i: c for c in earlier if c.type == "visit" and c.fillers.get("destination")}
    head: Token = trig
    for _ in range(WHEN_STEPS):
        if head.head is head:
            return
        head = head.head
        if (recalled := by_token.get(head.i)) is not None:
            break
    else:
        return
    home = home_of(cand.first("visitor"))
    places = [d.model_copy(update={"implicit": True}) for d in recalled.fillers["destination"] if d.id not in home]
    if places:
        cand.fillers["destination"] = places
        cand.fallback_used = True


def reciprocal_visits(cand: Candidate, ctx: LinkContext) -> list[Candidate]:
    """'reciprocal visits of the two countries' ministers': one visit each way between the sentence's two states."""
    trig = cand.trigger_token
    if cand.type != "visit" or cand.fillers.get("visitor") or cand.fillers.get("destination"):
        return [cand]
    if not any(c.dep_ == "amod" and c.lower_ in MUTUAL for c in trig.children):
        return [cand]
    states: dict[str, Entity] = {}
    for m in ctx.mentions.in_sentence(cand.sentence.start):
        key = m.entity.id
        if m.entity.label in STATE_LABELS | {"ORG"} and key and key not in states:
            states[key] = m.entity.model_copy(update={"implicit": True})
    if len(states) != 2:
        return [cand]
    a, b = states.values()
    return [replace(cand, fillers={**cand.fillers, "visitor": [x], "destination": [y]}, fallback_used=True)
            for x, y in ((a, b), (b, a))]
