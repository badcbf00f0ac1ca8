"""A firm that sells its own stake leaves the asset ('Exxon wants to sell its stake in the West Qurna-1 field',
'Equinor agreed to sell its 12% interest in Block 31 to Sonangol'): next to the buyer's investment, the seller's
exit, a negated investment of its own (frame :data:`EXIT_FRAME` of ``roles.toml``)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventex.linking.context import Candidate, LinkContext
from eventex.linking.energy_host import STAKE_SALE_FRAME
from eventex.linking.roles import fill_roles
from eventex.linking.rules import Rules

EXIT_FRAME = "sell_own_stake"
"""The frame of a seller leaving the asset whose stake it sells."""
OWNING_PRONOUNS = frozenset({"its", "their"})
"""Possessives that make a stake the subject's own ('sell its stake')."""


def seller_exit(cand: Candidate, ctx: LinkContext, rules: Rules) -> list[Candidate]:
    """The candidate, and after it the seller's exit when its trigger sells a stake its named subject owns."""
    if cand.type != "energy_investment" or cand.frame != STAKE_SALE_FRAME:
        return [cand]
    stakes = [c for c in cand.trigger_token.children
              if c.dep_ == "dobj" and c.lemma_.lower() in rules.words.stake_words]
    if not any(_owned(s) for s in stakes):
        return [cand]
    leaving = replace(cand, frame=EXIT_FRAME, status="negated", fillers={}, guessed=set(),
                      fallback_used=False)
    fill_roles(leaving, ctx, rules)
    seller = leaving.first("investor")
    if seller is None or (seller.implicit and seller.label != "ORG"):
        return [cand]  # 'it' that goes back to a state, not to a firm ('Iraq says it wants to sell its stake')
    return [cand, leaving]


def _owned(stake: Token) -> bool:
    """Whether a stake noun is 'its' or 'their' stake."""
    return any(c.dep_ == "poss" and c.lower_ in OWNING_PRONOUNS for c in stake.children)
