"""The partner of a joint act in the clause before a purchase: in 'Peru and Russia signed two agreements and Lima
obtained credit to buy six helicopters' the purchase's own clause names only its buyer (Lima), and the seller is the
other state of the pair that is the subject of the clause it is coordinated with (the role paths, climbing the
coordination, took that pair for buyers too)."""

from __future__ import annotations

from eventex.linking.context import STATE_LABELS, Candidate, LinkContext
from eventex.schema import Entity

_CLIMB = ("advcl", "xcomp")
"""Relations climbed from a trigger to the verb of its clause ('obtained credit to buy')."""


def joint_partner_sells(cand: Candidate, ctx: LinkContext) -> bool:
    """Make the partner of the buyer's joint act the seller, and the subject of the purchase's own clause the one
    buyer; whether it did."""
    verb = cand.trigger_token
    for _ in range(2):
        if verb.dep_ not in _CLIMB:
            break
        verb = verb.head
    if verb.dep_ != "conj":
        return False
    own = _subject_states(verb, ctx)
    pair = _subject_states(verb.head, ctx)
    if len(own) != 1 or len(pair) != 2 or pair[0].id == pair[1].id or own[0].id not in {e.id for e in pair}:
        return False
    partner = next(e for e in pair if e.id != own[0].id)
    cand.fillers["buyer"] = own
    cand.fillers["seller"] = [partner.model_copy(update={"implicit": True})]
    return True


def _subject_states(verb, ctx: LinkContext) -> list[Entity]:
    """The states a verb's subject names (with its conjuncts); empty when it names anything else."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return []
    named = [ctx.by_token.get(t.i) for t in (subject, *subject.conjuncts)]
    return named if all(e is not None and e.label in STATE_LABELS and e.id for e in named) else []
