"""The sum of a sale or investment stated in the next sentence about the deal: 'The contract is worth about $310
million', 'The possible sale is estimated to cost $4.2bn', 'The deal was valued at 2 billion euros'."""

from __future__ import annotations

from spacy.tokens import Token

from eventex.linking.context import DEFINITE, Candidate, LinkContext
from eventex.linking.rules import Words

VALUED_TYPES = frozenset({"arms_sale", "energy_investment"})
"""Event types with a value role."""
CLIMB = frozenset({"pobj", "prep", "attr", "dobj", "npadvmod", "acomp", "xcomp", "quantmod", "advmod", "oprd"})
"""Relations a sum climbs through to the clause that states it."""
MAX_STEPS = 5
"""Most steps from a sum up to its clause's verb."""


def value_next(cand: Candidate, ctx: LinkContext, words: Words) -> None:
    """Give a sale or investment with no value the sum that the next sentence of its paragraph states of a definite
    deal noun (its subject) through a value word."""
    if cand.type not in VALUED_TYPES or cand.fillers.get("value"):
        return
    nxt = ctx.next_in_paragraph(cand.sentence)
    if nxt is None:
        return
    for m in ctx.mentions.in_sentence(nxt.start):
        if m.entity.label == "MONEY" and _of_deal(m.root, words):
            cand.fillers["value"] = [m.entity]
            return


def _of_deal(money: Token, words: Words) -> bool:
    """Whether a sum hangs, through a value word, from a clause whose subject is a definite deal noun."""
    tok, valued = money, False
    for _ in range(MAX_STEPS):
        if tok.dep_ not in CLIMB or tok.head.i == tok.i:
            return False
        tok = tok.head
        valued |= tok.lemma_.lower() in words.value_words
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return valued and subj.lemma_.lower() in words.deal_nouns and any(
                c.dep_ == "det" and c.lower_ in DEFINITE for c in subj.children
            )
    return False
