"""Two-partner relations: the seller and buyer of a cooperation trigger, the first two states named around it."""

from __future__ import annotations

from spacy.tokens import Token

from eventex.linking.context import Candidate, LinkContext, state_key
from eventex.linking.paths import clause_chain
from eventex.linking.referring import how_many
from eventex.linking.rules import Cooperation, Rules
from eventex.schema import Entity


def fill_partners(cand: Candidate, coop: Cooperation, ctx: LinkContext, rules: Rules) -> None:
    """Seller and buyer of a two-partner trigger: the first two states named around it, by export rank.

    Looked for, in this order, along the trigger's clause (:func:`~eventex.linking.paths.clause_chain`):
    subjects, 'with' and 'between' objects, possessors and modifiers, direct objects, then an 'in' place;
    coordinated mentions count, people stand for their state, and 'the two sides' resolves to the two states
    before it.
    """
    words = rules.words
    trig = cand.trigger_token
    slots: list[list[Token]] = [[], [], [], [], []]
    for node in clause_chain(trig):
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                slots[0].append(c)
            elif c.dep_ == "prep" and (c.lower_ in words.partner_prepositions or c.lower_ == words.place_preposition):
                slot = 4 if c.lower_ == words.place_preposition else 1
                slots[slot] += [g for g in c.children if g.dep_ == "pobj"]
            elif node is trig and c.dep_ in ("poss", "amod", "compound"):
                slots[2].append(c)
            elif c.dep_ == "dobj" and node.pos_ == "VERB":
                slots[3].append(c)
    partners: dict[str, Entity] = {}
    for tok in (t for slot in slots for head in slot for t in (head, *head.conjuncts)):
        if tok.i in ctx.by_token:
            mentions = [ctx.by_token[tok.i]]
        elif tok.lemma_.lower() in words.anaphor_nouns:
            mentions = _states_before(tok, ctx, how_many(tok, words))
        else:
            continue
        for e in mentions:
            if (key := state_key(e)) and len(partners) < 2:
                partners.setdefault(key, e)
    if len(partners) == 2 and (order := coop.seller_first(*partners)):
        cand.fillers["seller"], cand.fillers["buyer"] = [partners[order[0]]], [partners[order[1]]]


def _states_before(tok: Token, ctx: LinkContext, n: int) -> list[Entity]:
    """'the two sides': the last ``n`` states named before ``tok`` in its paragraph, as implicit fillers."""
    seen: set[str] = set()
    mentions = []
    for m in reversed(ctx.mentions.before(tok.i)):
        e = m.entity
        if "\n\n" in ctx.document.text[e.end : tok.idx] or len(seen) >= n:
            break
        if (key := state_key(e)) and key not in seen:
            seen.add(key)
            mentions.append(e.model_copy(update={"implicit": True}))
    return mentions
