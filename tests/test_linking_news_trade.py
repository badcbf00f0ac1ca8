"""News-language rules for arms sales and energy investments (issue #13): a firm's nationality is no host, a known
asset's state beats a guess, relative clauses on nominal triggers, and who buys what a state expects delivered."""

from __future__ import annotations

import pytest

PUB = "2021-03-01"
CORE = {"arms_sale": ("seller", "buyer"), "energy_investment": ("investor", "host_country")}


@pytest.fixture(scope="module")
def run(events_of):
    return lambda text: events_of(text, PUB)


def _tuples(events, type_: str) -> set[tuple]:
    agent, other = CORE[type_]
    out = set()
    for e in events:
        if e.type == type_:
            a = getattr(e, agent)
            for o in getattr(e, other) if isinstance(getattr(e, other), list) else [getattr(e, other)]:
                out.add((a.id or a.text, o.id or o.text, e.status))
    return out


def test_a_firms_nationality_is_no_host_and_a_known_asset_names_it(run):
    events = run("ExxonMobil operates the Stabroek block with a 45% share, while China's CNOOC holds 25% of it.")
    assert _tuples(events, "energy_investment") == {("ExxonMobil", "GUY", "actual"), ("CNOOC", "GUY", "actual")}
