"""The seller of an arms deal named only by a firm noun with a nationality.

'Peru signed a contract with a Spanish shipyard for two patrol vessels', 'a deal for four radars was awarded to a
Swedish contractor': the deal's partner is a common firm noun ('shipyard', 'contractor', 'company') that names no
one but its state. That firm sells: the seller is the firm of that state the story names next (within two
paragraphs: 'the agreement with Spain's Navantia'), else the nationality mention itself (implicit). The buyer is
the signing subject when it is a state (the deal_noun frame took it for the seller); a passive award with no agent
is bought by the state at hand (the dateline's, else the article's main state, else the nearest state named before
it), never the seller's own; a deal signed by no state is bought by the state the partner's phrase names ('… for
the Philippine Navy').
"""

from __future__ import annotations

from spacy.tokens import Token

from eventex.linking.arms_seller import DEAL_FRAME
from eventex.linking.context import STATE_LABELS, Candidate, LinkContext, home_of, state_key
from eventex.linking.discourse import dateline_state
from eventex.linking.rules import Rules
from eventex.linking.trade import state_before
from eventex.resources import vocabulary
from eventex.schema import Entity

AWARD_VERBS = vocabulary("award_verbs")
"""Verbs of a passive award whose 'to' object is the deal's winner ('was awarded to a French firm')."""
PARAGRAPHS = 2
"""Most paragraph breaks between the firm noun and the named firm it stands for."""


def nationality_firm_seller(cand: Candidate, ctx: LinkContext, lines: list[tuple[int, Entity]], rules: Rules) -> None:
    """Make the state (or its named firm) of a nationality-modified firm noun partner the seller of a deal."""
    f = cand.fillers
    if cand.type != "arms_sale" or cand.frame != DEAL_FRAME or f.get("buyer"):
        return
    trig = cand.trigger_token
    partner, awarded = _partner(trig)
    if partner is None or ctx.by_token.get(partner.i) is not None:
        return
    if partner.lower_ not in rules.words.firm_nouns:
        return
    state = next((e for c in partner.children if c.dep_ in ("amod", "compound")
                  and (e := ctx.by_token.get(c.i)) is not None and e.label in STATE_LABELS and e.id), None)
    if state is None:
        return
    subject = cand.first("seller")
    seller = _named_firm(state.id, partner, ctx) or state.model_copy(update={"implicit": True})
    if awarded:
        buyer = dateline_state(lines, cand.trigger.start)
        if (buyer is None or buyer.id == state.id) and ctx.dominant and ctx.dominant != state.id:
            buyer = ctx.state_mention(ctx.dominant, trig)
        if buyer is None or buyer.id == state.id:
            buyer = state_before(trig.idx, trig.i, ctx, {state.id})
        if buyer is not None:
            buyer = buyer.model_copy(update={"implicit": True})
    else:
        buyer = subject if subject is not None and state_key(subject) and state.id not in home_of(subject) else None
        buyer = buyer or _recipient(partner, state.id, ctx)
    if buyer is not None and buyer.id != state.id:
        f["seller"], f["buyer"] = [seller], [buyer]


def _partner(trig: Token) -> tuple[Token | None, bool]:
    """The deal's 'with' object (on the deal or on the verb signing it), else the 'to' object of an agentless
    passive award of it; and whether it is the latter."""
    heads = [trig, trig.head] if trig.dep_ == "dobj" else [trig]
    for h in heads:
        for p in h.children:
            if p.dep_ == "prep" and p.lower_ == "with":
                return next((c for c in p.children if c.dep_ == "pobj"), None), False
    verb = trig.head
    if trig.dep_ == "nsubjpass" and verb.lemma_ in AWARD_VERBS and not any(c.dep_ == "agent" for c in verb.children):
        for p in verb.children:
            if p.dep_ in ("prep", "dative") and p.lower_ == "to":
                return next((c for c in p.children if c.dep_ == "pobj"), None), True
    return None, False


def _recipient(partner: Token, seller: str, ctx: LinkContext) -> Entity | None:
    """The first other state named in the partner's phrase ('with a Korean firm for two corvettes for the
    Philippine Navy', '… for the supply of 40 vehicles to the Uzbek army'): the one the weapons are for, when the
    signer is no state ('the defence minister signed a contract with …')."""
    for tok in partner.subtree:
        e = ctx.by_token.get(tok.i)
        if e is not None and tok.i > partner.i and (key := state_key(e)) and key != seller:
            return e
    return None


def _named_firm(iso: str, noun: Token, ctx: LinkContext) -> Entity | None:
    """The first firm of state ``iso`` named after ``noun`` within ``PARAGRAPHS`` paragraph breaks."""
    text = ctx.document.text
    end = noun.idx
    for _ in range(PARAGRAPHS + 1):
        end = text.find("\n\n", end + 1)
        if end < 0:
            end = len(text)
            break
    for m in ctx.mentions.after(noun.i):
        e = m.entity
        if e.start >= end:
            return None
        if e.label == "ORG" and not e.id and e.affiliation == iso:
            return e
    return None
