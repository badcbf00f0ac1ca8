"""Firms named by a clipped name ('ExxonMobil … according to Exxon'): resolve gives the short form the full name as its
canonical (see :func:`eventex.stages.resolve._short_firm_names`); a party named by the first part of a name run
together from two is filled by the mention of the full name, which says which firm it is (a name less its corporate
words, 'Hess' for 'Hess Corp', is the same name and stays, as does an acronym)."""

from __future__ import annotations

from eventex.linking.context import Candidate, LinkContext
from eventex.stages.resolve import normalise_surface

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
            full = ctx.org_names.get(e.canonical.casefold())
            if full is not None:
                fillers[k] = full.model_copy(update={"implicit": True})
