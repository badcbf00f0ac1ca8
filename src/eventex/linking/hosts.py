"""Coordinated host states: 'will build reactors in Vietnam and Thailand', 'Belarus and Turkey intend to build
plants under the supervision of Rosatom' state one investment per host, the host country taking one filler
(states on a route, 'gas carried through A, B and C', are no hosts)."""

from __future__ import annotations

from dataclasses import replace

from eventex.linking.context import Candidate, LinkContext

HOST_ROLE = "host_country"
HOST_LABELS = frozenset({"GPE"})
"""Labels of a state coordinated with the host found (a demonym or region is no second host)."""
ROUTE_PREPOSITIONS = frozenset({"through", "across", "via", "to", "from", "between"})
"""Prepositions of states on a route ('a line carrying gas through A, B and C to China'): transit, no hosts."""


def split_hosts(cand: Candidate, ctx: LinkContext) -> list[Candidate]:
    """One candidate per state coordinated with an explicit host of an energy investment (the first kept as is)."""
    host = cand.first(HOST_ROLE)
    if cand.type != "energy_investment" or host is None or host.implicit or host.label not in HOST_LABELS:
        return [cand]
    span = ctx.span(host)
    if span is None or span.root.head.lower_ in ROUTE_PREPOSITIONS:
        return [cand]
    out = [cand]
    seen = {host.id}
    investors = {e.id for e in cand.fillers.get("investor", []) if e.id}
    for tok in ctx.name_conjuncts(span.root):
        e = ctx.by_token.get(tok.i)
        if e is None or e.label not in HOST_LABELS or not e.id or e.id in seen or e.id in investors:
            continue
        seen.add(e.id)
        out.append(replace(cand, fillers={**cand.fillers, HOST_ROLE: [e]}))
    return out
