"""An investment's capacity stated on its asset: 'the 300-megawatt coal-fired plant built by …', 'a 1-gigawatt
project', 'the plant, with a capacity of 330 megawatts' (the asset noun's own modifier, or its 'capacity of' phrase);
and a capacity told in a later sentence (:mod:`eventex.linking.told_later`)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from eventex.linking.context import DEFINITE, Candidate, LinkContext
from eventex.resources import read_toml, vocabulary

CAPACITY_NOUNS = vocabulary("capacity_nouns")
"""Nouns whose 'of' phrase gives an asset's capacity ('with a capacity of 330 megawatts')."""
MODIFIERS = frozenset({"amod", "compound", "nummod", "nmod", "quantmod"})
"""Relations by which a quantity modifies the asset noun itself."""
CAPACITY_UNITS = vocabulary("capacity_units") | {u.casefold() for u in read_toml("name_repairs.toml")["energy_units"]}
"""Words of a quantity that make it an energy asset's size ('65 megawatts', '60,000 barrels a day', '2,000MW')."""
_UNIT_WORDS = re.compile(r"[a-z/]+")
"""The words of a lower-cased quantity ('2,000mw' → 'mw', '35,000 b/d' → 'b/d')."""


def asset_capacity(cand: Candidate, ctx: LinkContext) -> None:
    """Give an investment with an asset and no capacity the QUANTITY that modifies the asset's noun, or that a
    'capacity of' phrase on it gives."""
    asset = cand.first("asset") if cand.type == "energy_investment" else None
    if asset is None or asset.implicit or cand.fillers.get("capacity"):
        return
    span = ctx.span(asset)
    if span is None:
        return
    head = span.root
    for m in ctx.mentions.in_sentence(cand.sentence.start):
        if m.entity.label == "QUANTITY" and _states_capacity(m.root, head):
            cand.fillers["capacity"] = [m.entity]
            return


def _states_capacity(qty: Token, asset: Token) -> bool:
    """Whether a quantity modifies the asset noun, or is the 'of' object of a capacity noun on it."""
    if qty.head.i == asset.i and qty.dep_ in MODIFIERS:
        return True
    noun = qty.head.head if qty.dep_ == "pobj" and qty.head.lower_ == "of" else None
    if noun is None or noun.lemma_.lower() not in CAPACITY_NOUNS:
        return False
    up = noun.head.head if noun.dep_ == "pobj" else noun.head  # 'plant with a capacity of', 'plant of capacity'
    return up.i == asset.i


def states_later_capacity(qty: Token) -> bool:
    """Whether a quantity in an energy unit is what a 'capacity of' phrase gives ('the plant will have a capacity of
    65 megawatts'), or modifies a definite noun ('The 1.5-gigawatt power plant is …')."""
    mention = qty.doc[qty.left_edge.i : qty.i + 1]
    if not CAPACITY_UNITS.intersection(_UNIT_WORDS.findall(mention.text.lower())):
        return False
    if qty.dep_ == "pobj" and qty.head.lower_ == "of" and qty.head.head.lemma_.lower() in CAPACITY_NOUNS:
        return True
    noun = qty.head
    return qty.dep_ in MODIFIERS and noun.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children
    )
