"""A firm leaving a foreign asset is a negated investment: it sells its own stake, withdraws, quits or walks away.
Every sentence below is invented."""

from __future__ import annotations

from newslib import core_tuples

PUB = "2024-03-01"


def test_selling_its_own_stake_is_the_sellers_exit(run):
    events = run("Vermilion Energy wants to sell its stake in the Corrib gas field in Ireland.")
    assert core_tuples(events, "energy_investment") == {("Vermilion Energy", "IRL", "negated")}


def test_the_buyer_invests_and_the_seller_leaves(run):
    events = run("Eni agreed to sell its 20% interest in the Area 4 block in Mozambique to QatarEnergy.")
    assert core_tuples(events, "energy_investment") == {
        ("QatarEnergy", "MOZ", "planned"), ("Eni", "MOZ", "negated"),
    }


def test_a_stake_someone_else_owns_is_no_exit(run):
    events = run("Eni agreed to sell a 20% interest in the Area 4 block in Mozambique to QatarEnergy.")
    assert core_tuples(events, "energy_investment") == {("QatarEnergy", "MOZ", "planned")}


def test_it_after_a_states_firm_is_the_firm(run):
    events = run("Russia's Zarubezhneft is leaving Vietnam. It agreed to sell its stake in the Block 12 field in "
                 "Vietnam.")
    assert core_tuples(events, "energy_investment") == {("Zarubezhneft", "VNM", "negated")}


def test_withdrawing_from_a_foreign_field(run):
    events = run("Repsol is withdrawing from the Margarita gas field in Bolivia.")
    assert core_tuples(events, "energy_investment") == {("Repsol", "BOL", "negated")}


def test_quitting_and_walking_away_from_a_foreign_project(run):
    events = run(
        "TotalEnergies quit the Tengiz oil project in Kazakhstan. Chevron walked away from the Jubilee field in Ghana."
    )
    assert core_tuples(events, "energy_investment") == {
        ("TotalEnergies", "KAZ", "negated"), ("Chevron", "GHA", "negated"),
    }


def test_a_withdrawal_noun(run):
    events = run("Wintershall announced its withdrawal from the Aguada Pichana gas project in Argentina.")
    assert core_tuples(events, "energy_investment") == {("Wintershall", "ARG", "negated")}


def test_withdrawing_troops_or_from_a_treaty_is_no_investment(run):
    events = run("Russia withdrew its troops from Syria. The United States withdrew from the nuclear deal with Iran.")
    assert core_tuples(events, "energy_investment") == set()
