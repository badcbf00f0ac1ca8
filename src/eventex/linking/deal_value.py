"""Sums that a sentence gives a deal told before it (:mod:`eventex.linking.told_later`): 'The contract is worth
about $310 million', 'The possible sale is estimated to cost $4.2bn', 'The total investment is estimated at $616
million', 'The $1.04 billion project is expected to start in 2020', 'The deal, which could be worth $15 billion'."""

from __future__ import annotations

from spacy.tokens import Token

from eventex.linking.context import DEFINITE
from eventex.linking.rules import Words

VALUED_TYPES = frozenset({"arms_sale", "energy_investment"})
"""Event types with a value role."""
CLIMB = frozenset({"pobj", "prep", "attr", "dobj", "npadvmod", "acomp", "xcomp", "quantmod", "advmod", "oprd"})
"""Relations a sum climbs through to the clause that states it."""
MAX_STEPS = 5
"""Most steps from a sum up to its clause's verb."""
NAMING = frozenset({"compound", "nmod", "amod", "nummod"})
"""Relations by which a sum names a deal noun ('the $1.04 billion project')."""


def _definite_deal(noun: Token, words: Words) -> bool:
    """Whether a noun is a deal noun with 'the', 'this', 'that' or a possessive ('the contract', 'its deal')."""
    return noun.lemma_.lower() in words.deal_nouns and any(
        c.dep_ in ("det", "poss") and (c.lower_ in DEFINITE or c.dep_ == "poss") for c in noun.children
    )


def states_deal_value(money: Token, words: Words) -> bool:
    """Whether a sum names a definite deal noun that is a subject ('The $1.04 billion project is ...'), or hangs,
    through a value word, from a clause whose subject is a definite deal noun (or the relative pronoun of one: 'The
    deal, which could be worth $15 billion') or a value noun ('The total cost ... is estimated at')."""
    if money.dep_ in NAMING and money.head.dep_ in ("nsubj", "nsubjpass") and _definite_deal(money.head, words):
        return True
    tok, valued = money, False
    for _ in range(MAX_STEPS):
        if tok.dep_ not in CLIMB or tok.head.i == tok.i:
            return False
        tok = tok.head
        valued |= tok.lemma_.lower() in words.value_words
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.tag_ == "WDT" and tok.dep_ == "relcl":
            subj = tok.head  # 'the contract, which is worth $320 million'
        if subj is not None:
            noun = subj.lemma_.lower()
            return noun in words.value_words or (valued and _definite_deal(subj, words))
    return False
