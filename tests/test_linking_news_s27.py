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


LEAD = "Chile recognised a Palestinian state on Friday. "


def test_every_state_of_a_list_that_is_expected_to_do_so_recognises(run):
    # the parser hangs the second name on the first as an apposition
    events = run(LEAD + "Peru, Ecuador and Bolivia are expected to do so in the near future.")
    assert core_pairs(events, "recognition") == {("CHL", "PSE"), ("PER", "PSE"), ("ECU", "PSE"), ("BOL", "PSE")}


def test_the_examples_of_a_group_that_is_to_do_so_recognise(run):
    events = run(LEAD + "Other countries of the region, such as Peru and Paraguay, are expected to do so in the near "
                 "future.")
    assert {("PER", "PSE"), ("PRY", "PSE")} <= core_pairs(events, "recognition")


def test_a_stated_intention_to_do_the_same_is_a_proposed_recognition(run):
    events = run(LEAD + "Uruguay also stated its intention to do the same.")
    assert [(e.recognizer.text, e.status) for e in events if e.trigger.text == "do the same"] == [
        ("Uruguay", "proposed")]


def test_a_similar_declaration_restates_the_recognition(run):
    events = run(LEAD + "Argentina made a similar declaration on Monday.")
    assert ("ARG", "PSE") in core_pairs(events, "recognition")


def test_force_majeure_on_a_project_halts_the_investment(run):
    events = run("Kestrel Energy declared force majeure on its Mozambique LNG project in April.")
    assert [(e.investor.text, e.host_country.id, e.status) for e in events] == [("Kestrel Energy", "MOZ", "negated")]


def test_force_majeure_lifted_is_no_halt(run):
    events = run("Kestrel Energy lifted force majeure on its Mozambique LNG project in April.")
    assert [e.status for e in events if e.type == "energy_investment"] == ["actual"]


def test_the_examples_of_a_plural_subject_buy(run):
    events = run("Countries like Egypt, Greece and India have already acquired the Apache helicopter from Boeing.")
    assert core_pairs(events, "arms_sale") == {("Boeing", "EGY"), ("Boeing", "GRC"), ("Boeing", "IND")}


def test_the_examples_of_a_plural_subject_each_recognise(run):
    events = run("States such as Chile, Peru and Fiji recognised Palestine in 2011.")
    assert core_pairs(events, "recognition") == {("CHL", "PSE"), ("PER", "PSE"), ("FJI", "PSE")}


def test_a_purchase_participle_on_a_weapon_is_bought_by_its_owner(run):
    events = run("The talks are linked to India's recently acquired Russian S-400 missile defence system.")
    assert core_pairs(events, "arms_sale") == {("RUS", "IND")}


def test_a_pronoun_exported_is_the_system_named_before_it(run):
    events = run("The KT-1 trainer first flew in 1991. It has been exported to six countries to date, including "
                 "Indonesia, Iraq and Peru.")
    assert core_pairs(events, "arms_sale") == {("KOR", "IDN"), ("KOR", "IRQ"), ("KOR", "PER")}


def test_a_state_awarding_blocks_to_firms_hosts_each(run):
    # the parser makes 'to' a dative with its own object
    events = run("Guyana awarded two offshore oil blocks to TotalEnergies and Petronas on Monday.")
    assert core_pairs(events, "energy_investment") == {("TotalEnergies", "GUY"), ("Petronas", "GUY")}


def test_an_arms_firm_opening_an_unknown_weapons_name_sells_it_to_the_state_on_the_buying_army(run):
    text = "On 21 February, the United Arab Emirates (UAE) army confirmed the purchase of Norinco AH4 howitzers."
    sales = [e for e in run(text) if e.type == "arms_sale"]
    assert [(e.seller.text, [b.id for b in e.buyer]) for e in sales] == [("Norinco", ["ARE"])]
    assert text[sales[0].seller.start : sales[0].seller.end] == "Norinco"


def test_the_state_on_a_government_that_unblocks_an_arms_deal_with_another_sells(run):
    text = ("The Spanish government has unblocked a 40 million euro arms deal with Saudi Arabia. Saudi Arabia is "
            "one of the largest clients of the industry, and Saudi officials welcomed the decision.")
    assert ("ESP", "SAU") in core_pairs(run(text), "arms_sale")


def test_the_legs_still_to_come_of_a_tour_that_has_begun_are_planned(run):
    events = run("Cuban President Miguel Diaz-Canel arrived in Algeria on Wednesday, the first leg of a tour that will "
                 "take him to Russia, Turkey and China.")
    legs = {(e.status, tuple(d.id for d in e.destination)) for e in events if e.type == "visit"}
    assert legs == {("actual", ("DZA",)), ("planned", ("RUS", "TUR", "CHN"))}


def test_a_tour_set_off_on_keeps_its_own_status(run):
    # guard: no leg named, so the places the tour 'will take him to' are the tour's, which has begun
    events = run("Prime Minister Narendra Modi left on Thursday for a five-day tour of Africa that will take him to "
                 "Mozambique and Kenya.")
    assert [e.status for e in events if e.trigger.text == "tour"] == ["actual"]
