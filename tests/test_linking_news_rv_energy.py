"""Energy-investment rules from misses and false events on real published news, session 13 (private development
sets, never copied here): every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_pairs

from eventex.linking import Linker
from eventex.stages.resolve import Resolver

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


def test_a_firm_apposed_as_its_states_explorer_invests_at_home(run):
    events = run("Andina Petroleum Corp., Peru's biggest explorer, holds a 30 percent stake in an offshore gas "
                 "block in Peru.")
    assert not _pairs(events)


def test_a_firm_apposed_as_its_states_refiner_builds_at_home(run):
    events = run("Cordillera Resources, Chile's largest refiner, will build a new refinery in Chile, the company "
                 "said.")
    assert not _pairs(events)


def test_firms_that_won_blocks_in_a_state_invest_there(run):
    events = run("Oil majors Chevron and Exxon Mobil won blocks in Angola's deepwater region in a licensing round "
                 "on Monday.")
    assert {("Chevron", "AGO"), ("Exxon Mobil", "AGO")} <= _pairs(events)


def test_the_partners_named_in_a_consortium_with_phrase_invest_too(run):
    events = run("Chevron, in a consortium with Norway's Equinor and Spain's Repsol, won two blocks in Angola's "
                 "latest licensing round.")
    assert {("Chevron", "AGO"), ("Equinor", "AGO"), ("Repsol", "AGO")} <= _pairs(events)


def test_a_partners_parent_is_no_partner(run):
    events = run("Chevron, in a consortium with Norway's Equinor and Spain's Cepsa, a unit of Mubadala, won another "
                 "block in Angola's offshore basin.")
    investors = {p[0] for p in _pairs(events)}
    assert {"Chevron", "Equinor", "Cepsa"} <= investors
    assert "Mubadala" not in investors


def test_a_wire_instrument_code_after_a_firms_name_is_no_part_of_it(run):
    events = run("Oil majors Chevron CVX.N and TotalEnergies (TTEF.PA) won blocks in Angola's offshore region on "
                 "Monday.")
    assert {("Chevron", "AGO"), ("TotalEnergies", "AGO")} <= _pairs(events)


def _hosts(doc) -> set[str | None]:
    events = Linker()(Resolver()(doc)).events
    return {e.host_country.id if e.host_country else None for e in events if e.type == "energy_investment"}


def test_the_state_owning_an_unnamed_firm_apposed_as_a_unit_is_no_host(hand_doc):
    doc = hand_doc("Chevron, in a consortium with Inpex and Ghana's Kwartech, a unit of Osei Holdings, won another.",
                   ("Chevron", "ORG"), ("Inpex", "ORG"), ("Ghana", "GPE"), ("Osei Holdings", "ORG"))
    assert "GHA" not in _hosts(doc)


def test_the_state_owning_an_unnamed_firm_listed_with_a_firm_is_no_host(hand_doc):
    doc = hand_doc("Chevron won another block in a consortium with Inpex and Ghana's Kwartech.",
                   ("Chevron", "ORG"), ("Inpex", "ORG"), ("Ghana", "GPE"))
    assert "GHA" not in _hosts(doc)
