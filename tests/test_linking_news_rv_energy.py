"""Energy-investment rules from misses on real published news, session 13 (private development sets, never copied
here): every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_pairs

PUB = "2025-06-01"


def _pairs(events) -> set[tuple]:
    return core_pairs(events, "energy_investment")


def test_the_partner_of_a_state_company_invests_in_its_state(run):
    events = run("Paraguay's state energy firm Petropar and an affiliate of Brazil's oil group Petrobras on Friday "
                 "signed a production-sharing contract for an onshore gas block, officials said.")
    assert ("Petrobras", "PRY") in _pairs(events)
    assert not any(p[0] == "Petropar" for p in _pairs(events))


def test_a_joint_venture_between_a_state_company_and_a_foreign_firm(run):
    events = run("Juan Ortiz, the energy minister, announced the launch of a joint venture between Bolivia's "
                 "state-owned YPFB and India's ONGC Videsh at a meeting in La Paz.")
    assert _pairs(events) == {("ONGC Videsh", "BOL")}
