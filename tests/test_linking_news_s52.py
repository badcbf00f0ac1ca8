"""Rules from session 52's real-news analysis. Every sentence below is invented for the test."""

from __future__ import annotations

import eventex

PUB = "2025-06-01"


def _sales(events):
    return {(e.seller.text if e.seller else None, tuple(b.text for b in e.buyer), e.weapon.text if e.weapon else None,
             e.date.text if e.date else None) for e in events if e.type == "arms_sale"}


def _investments(events):
    return {(e.investor.text if e.investor else None, e.host_country.id if e.host_country else None,
             e.date.text if e.date else None) for e in events if e.type == "energy_investment"}


def test_a_gapped_sale_repeats_the_transfer_with_its_own_buyer_weapon_and_date(run):
    events = run("Russia sold 12 Su-30 jets to Algeria in 2010 and 24 Mi-35 helicopters to Egypt in 2012.")
    assert _sales(events) == {("Russia", ("Algeria",), "Su-30 jets", "2010"),
                              ("Russia", ("Egypt",), "Mi-35 helicopters", "2012")}


def test_a_gapped_stake_sale_repeats_the_buyer_and_keeps_the_asset_and_host(run):
    events = run("Petronas sold a 10 percent stake in its Canadian LNG project to Inpex in 2013 and another "
                 "15 percent stake to Indian Oil Corp. in 2014.")
    assert {("Inpex", "CAN", "2013"), ("Indian Oil Corp.", "CAN", "2014")} <= _investments(events)
    assert all(e.host_country.id == "CAN" for e in events if e.type == "energy_investment")


def test_a_stake_sold_in_the_sellers_own_asset_lies_in_the_state_named_on_it(run):
    # the seller's home is used only when the asset names no state of its own
    events = run("Petronas sold a 10 percent stake in its Canadian LNG project to Inpex.")
    assert {e.host_country.id for e in events if e.type == "energy_investment"} == {"CAN"}
    # guard: no state on the asset, the seller's home
    events = run("ADNOC sold a 10 percent stake in its LNG plant to Shell.")
    assert {e.host_country.id for e in events if e.type == "energy_investment"} == {"ARE"}


def test_a_sector_word_alone_is_no_energy_asset():
    doc = eventex.extract("Under the deal Kogas is to take 2 million tonnes of LNG annually from the Kitimat plant.")
    assert [e.text for e in doc.entities if e.label == "ENERGY_ASSET"] == ["Kitimat plant"]


def test_an_investor_noun_states_the_investment_of_the_firm_it_describes(run):
    assert _investments(run("CNPC is the largest investor in Sudan's oil fields.")) == {("CNPC", "SDN", None)}
    # guard: investors in general name no firm
    assert _investments(run("Investors are worried about Nigeria's oil sector.")) == set()


def test_a_blocked_sale_of_an_owned_stake_is_a_negated_investment_by_each_buyer(run):
    # the 'to' phrase hung on the asset of the stake or on the verb whose object the sale is
    assert _investments(run("Mexico has blocked the sale of Talos Energy's 30 percent stake in an oil block to CNOOC "
                            "and Sinopec.")) == {("CNOOC", "MEX", None), ("Sinopec", "MEX", None)}
    assert {(e.investor.text, e.status) for e in run("Angola blocked the sale of a 20 percent stake in Block 32 to "
                                                      "CNOOC.") if e.type == "energy_investment"} == {
        ("CNOOC", "negated")}
    # guard: an owner's stake put up for sale with no buyer named is no investment
    assert _investments(run("Shell launched an auction of its stake in the Bonga field in Nigeria.")) == set()


def test_a_trigger_phrase_is_found_with_its_last_word_in_the_plural(run):
    assert _investments(run("Angola signed production-sharing contracts with Eni and BP for Block 15.")) == {
        ("Eni", "AGO", None), ("BP", "AGO", None)}


def test_lav_alone_names_the_canadian_light_armoured_vehicle(run):
    assert _sales(run("Canada previously sold LAVs to Kuwait in the early 1990s.")) == {
        ("Canada", ("Kuwait",), "LAVs", "early 1990s")}


def _recognitions(events):
    return {(e.recognizer.id if e.recognizer else None, tuple(r.id for r in e.recognized), e.status)
            for e in events if e.type == "recognition"}


def test_it_in_an_adverbial_clause_is_the_subject_of_the_clause_it_hangs_from(run):
    assert _recognitions(run("Grenada first established diplomatic ties with Taiwan in 1989 before it switched "
                             "recognition to China in 2005.")) == {
        ("GRD", ("TWN",), "actual"), ("GRD", ("CHN",), "actual"), ("GRD", ("TWN",), "negated")}
    assert ("GHA", ("CHN",), "actual") in _recognitions(run("Ghana cut ties with Taiwan in 1972 when it recognised "
                                                           "China."))


def test_announcing_the_same_restates_the_recognition_before_it(run):
    assert _recognitions(run("On Monday Belgium and Malta formally recognised the State of Palestine, with "
                             "Luxembourg announcing the same soon after.")) == {
        ("BEL", ("PSE",), "actual"), ("MLT", ("PSE",), "actual"), ("LUX", ("PSE",), "actual")}


def test_a_tally_whose_verb_is_misparsed_as_a_participle_on_it_names_its_members(run):
    assert _recognitions(run("Several countries, such as Bangladesh and Pakistan, considered recognizing Northern "
                             "Cyprus.")) == {("BGD", ("XNC",), "proposed"), ("PAK", ("XNC",), "proposed")}
    # guard: a tally naming no state
    assert _recognitions(run("Several countries considered recognizing Northern Cyprus.")) == set()
