"""Energy-investment rules from misses on real published news, state visits and bilateral deals (private
development sets, never copied here): every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_pairs

PUB = "2011-05-01"


def _pairs(events) -> set[tuple]:
    return core_pairs(events, "energy_investment")


def test_an_investment_by_a_visiting_leaders_state_is_hosted_where_the_leader_is(run):
    events = run("Chinese President Hu Jintao began a state visit to Zambia on Monday. He met President Rupiah Banda.\n"
                 "Chinese banks are already financing the new hydropower plant, officials said.")
    assert ("CHN", "ZMB") in _pairs(events)


def test_an_investment_noun_of_an_energy_sector_needs_no_asset_mention(run):
    events = run("Zambia's President Michael Sata has announced more than $2 billion in Turkish oil and copper mining "
                 "investments in Zambia.")
    assert ("TUR", "ZMB") in _pairs(events)

