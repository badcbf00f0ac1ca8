"""Firms named by a clipped name ('ExxonMobil … according to Exxon'): resolve gives the short form the full name as its
canonical (see :func:`eventex.stages.org_names.short_firm_names`); a party named by the first part of a name run
together from two is filled by the mention of the full name, which says which firm it is (a name less its corporate
words, 'Hess' for 'Hess Corp', is the same name and stays, as does an acronym). An acronym in parentheses right after
the full name ('China General Nuclear Power Corp (CGN), which is to take a stake') is a parenthesis on that name: the
name fills the role. A person named by the end of their full name ('Putin') is filled by the full name's mention."""

from __future__ import annotations

from eventex.linking.context import Candidate, LinkContext
from eventex.ner.names import initials
from eventex.schema import Entity
from eventex.stages.surface import normalise_surface

PARTY_ROLES = ("investor", "seller", "buyer")
"""Roles a firm fills as a party."""


def full_firm_name(cand: Candidate, ctx: LinkContext) -> None:
    """Replace a party named by the clipped form of a run-together name with the mention of the full name
    (implicit)."""
    for role in PARTY_ROLES:
        fillers = cand.fillers.get(role, [])
        for k, e in enumerate(fillers):
            name = normalise_surface(e.text)
            if (e.label != "ORG" or e.id or e.implicit or not e.canonical or name.isupper()
                    or e.canonical.split()[0] == name.split()[0]):
                continue
            full = ctx.first_named.get(("ORG", e.canonical.casefold()))
            if full is not None:
                fillers[k] = full.model_copy(update={"implicit": True})


def full_person_name(cand: Candidate, ctx: LinkContext) -> None:
    """Replace a person named by the end of a full name the article gives ('Putin' for 'Vladimir Putin') with the
    mention of that full name (implicit), which says who it is. Other short forms stay ('Xi' for 'Xi Jinping', 'Lula'
    for 'Luiz Inacio Lula da Silva'): only a name's end names the same person whichever of the two forms a reader
    compares it with."""
    for fillers in cand.fillers.values():
        for k, e in enumerate(fillers):
            short = normalise_surface(e.text).casefold()
            if e.label != "PERSON" or not e.canonical or not e.canonical.casefold().endswith(f" {short}"):
                continue
            full = ctx.first_named.get(("PERSON", e.canonical.casefold()))
            if full is not None:
                fillers[k] = full.model_copy(update={"implicit": True})


def _before_parenthesis(e: Entity, ctx: LinkContext) -> Entity | None:
    """The ORG mention that a mention in parentheses right after it restates ('Korea Gas Corporation (KOGAS)'), or
    that an acronym right after it spells where the text lost the parentheses ('China National Offshore Oil
    Corporation CNOOC', split by :func:`eventex.ner.names.without_own_acronym`)."""
    text = ctx.document.text
    if text[e.end : e.end + 1] != ")":
        if e.start < 2 or text[e.start - 1] != " " or not e.text.isupper():
            return None
        full = _org_ending_at(e.start - 1, ctx)
        return full if full is not None and initials(full.text).endswith(e.text) else None
    end = text.rfind("(", max(0, e.start - 2), e.start)
    if end < 0:
        return None
    while end > 0 and text[end - 1].isspace():
        end -= 1
    full = _org_ending_at(end, ctx)
    return full if full is not None and (full.canonical or full.text) == e.canonical else None


def _org_ending_at(end: int, ctx: LinkContext) -> Entity | None:
    """The ORG mention whose text ends at character ``end``, if any."""
    tok = ctx.doc.char_span(end - 1, end, alignment_mode="expand") if end > 0 else None
    full = ctx.by_token.get(tok.root.i) if tok is not None else None
    return full if full is not None and full.label == "ORG" and full.end == end else None


def parenthesised_name(cand: Candidate, ctx: LinkContext) -> None:
    """Replace a party named by an acronym in parentheses (or run on without them) with the full name just before
    it."""
    for role in PARTY_ROLES:
        fillers = cand.fillers.get(role, [])
        for k, e in enumerate(fillers):
            if e.label == "ORG" and not e.implicit and (full := _before_parenthesis(e, ctx)) is not None:
                fillers[k] = full
