"""Firms named right after a nationality's firm noun: in 'signed an agreement with two Chinese firms, Alpha Group and
Beta Resources, to build the plant' the party is each named firm, not the nationality on the noun that counts them;
one candidate per firm."""

from __future__ import annotations

import re
from dataclasses import replace

from eventex.linking.context import Candidate, LinkContext
from eventex.linking.rules import Rules

PARTY_ROLES = {"energy_investment": "investor", "arms_sale": "seller"}
"""The role a firm fills as the foreign party, per event type."""
_GAP = re.compile(r"[\s,:(]*(?:and\s+)?")
"""What may lie between the firm noun and a name, or between two names ('firms X, Y and Z', 'firms (X and Y)')."""


def named_firms(cand: Candidate, ctx: LinkContext, rules: Rules) -> list[Candidate]:
    """One candidate per organisation named just after the firm noun a party's nationality modifies."""
    role = PARTY_ROLES.get(cand.type)
    party = cand.first(role) if role else None
    if party is None or party.implicit or party.label not in ("NORP", "GPE"):
        return [cand]
    m = next((m for m in ctx.mentions.in_sentence(cand.sentence.start) if m.entity is party), None)
    if m is None or not ctx.names_nationality(m, rules.words.firm_nouns) or m.root.head.tag_ not in ("NNS", "NNPS"):
        return [cand]
    text = ctx.document.text
    end = m.root.head.idx + len(m.root.head.text)
    firms = []
    for other in ctx.mentions.in_sentence(cand.sentence.start):
        e = other.entity
        if e.start < end:
            continue
        if e.label != "ORG" or not _GAP.fullmatch(text, end, e.start):
            break
        firms.append(e)
        end = e.end
    if len(firms) < 2:
        return [cand]
    return [replace(cand, fillers={**cand.fillers, role: [e]}) for e in firms]
