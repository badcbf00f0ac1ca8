"""Which side of an arms deal between two states sells, where the words alone leave it open.

'China signs arms deal with Russia', 'Egypt signed a contract with France': the signing subject of a deal noun and
its 'with' partner are both states, and either may be the buyer. The deal_noun frame takes the subject for the
seller (right for a firm: 'Dassault signed a deal with India'); between two states the seller is the partner ranked
higher among the arms exporters (the rank triggers.toml gives military-technical cooperation). So, when the two
states are named 'between' ('a deal between Egypt and Russia', 'the contract was concluded between Peru and Spain') and
the weapon names no maker, the ranked exporter sells and the other buys; with neither ranked the deal stays without
a buyer. Two coordinated subjects are not split ('the Netherlands and Austria signed their contracts' buy jointly).
A deal for weapons 'from' a party ('India signed a deal for 31 drones from General Atomics') is bought from it.
A known weapon's maker state is made the seller later, by the weapon rules (eventex.linking.implicit), whatever
this rule chose.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventex.linking.arms_seller import DEAL_FRAME
from eventex.linking.context import Candidate, LinkContext
from eventex.linking.rules import Rules
from eventex.schema import Entity

SIDE_LABELS = frozenset({"GPE", "NORP", "ORG"})
"""Labels of a party to a deal."""
STATE_SIDES = frozenset({"GPE", "NORP"})
"""Labels of a side that names a state itself (not a firm of it)."""


def two_state_deal(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """Swap the seller and the buyer of a deal between named states when each buyer is a higher-ranked arms exporter
    than the seller ('Iraq concluded contracts with Russia and the Czech Republic': each of them sells); split the
    two states a deal is 'between' by that rank."""
    coop = rules.lexicons["arms_sale"].cooperation
    if cand.type != "arms_sale" or cand.frame != DEAL_FRAME or coop is None:
        return
    seller, buyers = cand.first("seller"), cand.fillers.get("buyer", [])
    made = any(rules.facts.find_weapon(w.text) for w in cand.fillers.get("weapon", []))
    span = ctx.span(seller) if seller is not None and not buyers and not made and _state(seller) else None
    if seller is not None and span is not None and span.root.head.lower_ == "between":
        others = [e for t in span.root.conjuncts if (e := ctx.by_token.get(t.i)) is not None and _state(e)]
        order = coop.seller_first(seller.id, others[0].id) if len(others) == 1 and others[0].id != seller.id else None
        if order is not None:
            pair = (seller, others[0]) if order[0] == seller.id else (others[0], seller)
            cand.fillers["seller"], cand.fillers["buyer"] = [pair[0]], [pair[1]]
        return
    if seller is None or not buyers or not _state(seller) or not all(_state(b) for b in buyers):
        return
    orders = [coop.seller_first(seller.id, b.id) if seller.id != b.id else None for b in buyers]
    if all(order is not None and order[0] == b.id for order, b in zip(orders, buyers, strict=True)):
        cand.fillers["seller"], cand.fillers["buyer"] = buyers, [seller]


def _state(e: Entity) -> bool:
    return e.label in STATE_SIDES and bool(e.id) and not e.implicit


def deal_source(cand: Candidate, ctx: LinkContext) -> None:
    """'India signed a deal for 31 drones from General Atomics', 'a deal for 31 drones from General Atomics was signed
    by India': the party the deal's weapons come 'from' sells, and the signer the deal frame took for the seller
    buys."""
    signer = cand.first("seller")
    if cand.type != "arms_sale" or cand.frame != DEAL_FRAME or signer is None or cand.fillers.get("buyer"):
        return
    source = _from_party(cand.trigger_token, ctx)
    if source is not None and source.label in SIDE_LABELS and source is not signer:
        cand.fillers["seller"], cand.fillers["buyer"] = [source], [signer]


def _from_party(trig: Token, ctx: LinkContext) -> Entity | None:
    """The mention of the first 'from' object of the deal's 'for' object ('a deal for 31 drones from General
    Atomics'), with 'for' on the deal noun or on the verb the noun is the object of."""
    hosts = [trig, trig.head] if trig.dep_ == "dobj" else [trig]
    for prep in (c for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ == "for"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for frm in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "from"):
                for party in (c for c in frm.children if c.dep_ == "pobj"):
                    return ctx.by_token.get(party.i)
    return None
