"""A stake bought from its owner ('X agreed to buy Y's 20% stake in the field', 'to acquire its stake'): the stake
noun, object of a buying verb (``[stakes] buying_verbs`` of ``linking.toml``) with an owner on it, is the buyer's
purchase, which the verb states; the owner, who sells the stake, makes no investment of it; nor does an owner whose
stake a sale noun is of (``[stakes] selling_nouns``: 'launched an auction of its stake'); nor does the seller of
any stake a selling verb takes as its object (``[stakes] selling_verbs``: 'agreed to sell a 20% interest to X')."""

from __future__ import annotations

from eventex.linking.context import Candidate
from eventex.linking.rules import Words

SOLD_SUFFIX = "_sold"
"""The frame variant of a stake that a sale noun is of ('the sale of X's stake to Y', triggers.toml
``of_governor_frames``), whose investor is the buyer named."""


def owner_sells_stake(cand: Candidate, words: Words) -> bool:
    """Whether an investment's trigger is an owned stake that a buying verb takes as its object, or that a sale
    noun is of ('launched an auction of their stakes'), or any stake a selling verb takes as its object."""
    trig = cand.trigger_token
    if cand.type != "energy_investment" or trig.lemma_.lower() not in words.stake_words:
        return False
    if trig.dep_ == "dobj" and trig.head.lemma_.lower() in words.selling_verbs:
        return True
    if cand.frame.endswith(SOLD_SUFFIX) or not any(c.dep_ == "poss" for c in trig.children):
        return False  # 'blocked the sale of Talos's stake to PTTEP': the buyer named invests
    if trig.dep_ == "dobj":
        return trig.head.lemma_.lower() in words.buying_verbs
    return trig.dep_ == "pobj" and trig.head.lower_ == "of" and trig.head.head.lemma_.lower() in words.selling_nouns
