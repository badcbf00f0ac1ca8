"""Which side of an arms deal a firm is on: a deal that a state or a state body signs 'with' a firm of a known state
('the Department of Defence signed a contract with Navantia for two frigates') is bought from that firm, whatever
order the role paths gave the two sides (a deal's 'with' object is taken for its buyer when the signer sells)."""

from __future__ import annotations

from eventex.linking.arms_seller import DEAL_FRAME
from eventex.linking.context import Candidate
from eventex.linking.rules import Rules, is_state_body
from eventex.schema import Entity


def firm_counterparty(cand: Candidate, rules: Rules) -> None:
    """Swap seller and buyer of a deal whose buyer is a firm of a known state and whose seller is a state or a
    state body (not such a firm)."""
    seller, buyer = cand.first("seller"), cand.first("buyer")
    if cand.type != "arms_sale" or cand.frame != DEAL_FRAME or seller is None or buyer is None:
        return
    bodies = rules.words.state_bodies
    if state_firm(buyer, bodies) and not state_firm(seller, bodies) and (
        seller.id or is_state_body(seller.text, bodies)
    ):
        cand.fillers["seller"], cand.fillers["buyer"] = [buyer], [seller]


def state_firm(e: Entity, bodies: frozenset[str]) -> bool:
    """Whether a mention is a firm of a known state: an organisation with a nationality, no state's id, no body."""
    return e.label == "ORG" and not e.id and bool(e.affiliation) and not is_state_body(e.text, bodies)
