"""Service contracts: a deal for maintenance, support or training is no sale of the weapons it serves.

'A four-year contract with Babcock to deliver maintenance and systems support', 'a technical maintenance contract':
a deal noun that a service word modifies, or whose purpose infinitive has a service word as its object, buys that
service; a weapon guessed for it from elsewhere in the sentence (no path of its own) is dropped, so the deal names
no weapon and states no arms sale.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventex.linking.context import Candidate
from eventex.linking.rules import Rules

MODIFIERS = frozenset({"compound", "amod", "nmod"})
"""Relations of a noun's modifiers ('maintenance contract', 'maintenance and systems support')."""


def service_deal(cand: Candidate, rules: Rules) -> None:
    """Drop the guessed weapon of an arms deal noun that names a service as what it is for."""
    trig = cand.trigger_token
    if cand.type != "arms_sale" or "weapon" not in cand.guessed or trig.pos_ != "NOUN":
        return
    services = rules.words.service_nouns
    purposes = [o for c in trig.children if c.dep_ in ("acl", "relcl") for o in c.children if o.dep_ == "dobj"]
    if _names_service(trig, services, own=False) or any(_names_service(o, services, own=True) for o in purposes):
        del cand.fillers["weapon"]
        cand.guessed.discard("weapon")


def _names_service(noun: Token, services: frozenset[str], own: bool) -> bool:
    """Whether a noun (when ``own``) or one of its modifiers (and their conjuncts) is a service word."""
    words = [noun] if own else []
    for c in noun.children:
        if c.dep_ in MODIFIERS:
            words += [c, *c.conjuncts]
    return any(w.lemma_.lower() in services for w in words)
