"""Rules from session 27's real-news dev analysis. Every sentence below is invented for the test."""

from __future__ import annotations

import pytest
from newslib import core_pairs

PUB = "2024-03-01"


def test_the_firm_a_state_signs_an_oil_contract_with_invests(run):
    text = "Baghdad signed a development contract with Lukoil for the West Qurna-2 field on Tuesday."
    assert core_pairs(run(text), "energy_investment") == {("Lukoil", "IRQ")}


def test_the_firm_a_state_signs_a_production_sharing_contract_with_invests(run):
    text = "The Angolan oil ministry signed a production-sharing contract with Eni for Block 15 in March."
    assert core_pairs(run(text), "energy_investment") == {("Eni", "AGO")}


def test_the_firm_that_leads_a_group_acts_in_the_groups_place(run):
    text = "Mozambique signed an exploration agreement with a group led by ExxonMobil on Friday."
    assert core_pairs(run(text), "energy_investment") == {("ExxonMobil", "MOZ")}


def test_each_member_of_a_group_a_state_contracts_invests(run):
    text = "Mozambique signed an exploration agreement with a group including ExxonMobil and Eni in May."
    assert core_pairs(run(text), "energy_investment") == {("ExxonMobil", "MOZ"), ("Eni", "MOZ")}


@pytest.mark.parametrize("text", [
    "BAE Systems has won a contract worth $25 billion to build nine frigates for Australia.",
    "Dassault Aviation announced on Thursday a deal to sell 42 Rafale fighters to Indonesia.",
    "India reached a deal with France to buy 26 Rafale Marine jets.",
])
def test_a_deal_won_announced_or_reached_is_done(run, text):
    assert [e.status for e in run(text) if e.type == "arms_sale"] == ["actual"]
