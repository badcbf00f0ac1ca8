"""The host of an investment in a foreign firm or in a foreign firm's asset. Every sentence below is invented."""

from __future__ import annotations

from newslib import core_tuples

PUB = "2024-03-01"


def test_a_stake_in_a_foreign_firm_is_hosted_by_its_state(run):
    events = run("Aramco agreed to buy a 10% stake in China's Hengli Petrochemical.")
    assert core_tuples(events, "energy_investment") == {("Aramco", "CHN", "planned")}


def test_a_stake_in_a_foreign_firms_asset_is_hosted_by_its_state(run):
    events = run("QatarEnergy bought a 30% stake in Sinopec's Tianjin LNG terminal.")
    assert core_tuples(events, "energy_investment") == {("QatarEnergy", "CHN", "actual")}


def test_a_stake_in_an_asset_of_a_firm_at_home_is_no_investment(run):
    events = run("PetroChina bought a 30% stake in Sinopec's Tianjin LNG terminal.")
    assert core_tuples(events, "energy_investment") == set()


def test_a_place_opening_the_assets_name_hosts_it(run):
    events = run("QatarEnergy bought a 30% stake in the Tianjin LNG terminal.")
    assert core_tuples(events, "energy_investment") == {("QatarEnergy", "CHN", "actual")}
