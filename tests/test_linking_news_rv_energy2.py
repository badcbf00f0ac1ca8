"""Energy-investment rules from misses and false events on real published news, session 13, second round (private
development sets, never copied here): every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_pairs

PUB = "2025-06-01"


def _pairs(events) -> set[tuple]:
    return core_pairs(events, "energy_investment")


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
