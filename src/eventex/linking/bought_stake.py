"""A stake bought from its owner ('X agreed to buy Y's 20% stake in the field', 'to acquire its stake'): the stake
noun, object of a buying verb (``[stakes] buying_verbs`` of ``linking.toml``) with an owner on it, is the buyer's
purchase, which the verb states; the owner, who sells the stake, makes no investment of it."""

from __future__ import annotations

from eventex.linking.context import Candidate
from eventex.linking.rules import Words


def owner_sells_stake(cand: Candidate, words: Words) -> bool:
    """Whether an investment's trigger is an owned stake that a buying verb takes as its object."""
    trig = cand.trigger_token
    return (
        cand.type == "energy_investment" and trig.lemma_.lower() in words.stake_words and trig.dep_ == "dobj"
        and trig.head.lemma_.lower() in words.buying_verbs and any(c.dep_ == "poss" for c in trig.children)
    )
