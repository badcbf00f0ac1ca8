"""Rules from session 35's checks of common news phrasings. Every sentence below is invented for the test."""

from __future__ import annotations

import pytest
from newslib import core_pairs, core_tuples

PUB = "2024-03-01"


@pytest.mark.parametrize(("text", "expected"), [
    ("The Kenyan president hosted his Ugandan counterpart in Nairobi.", {("UGA", "KEN")}),
    ("Egypt's president received the visiting Emir of Qatar in Cairo.", {("QAT", "EGY")}),
    # a named guest is still the visitor
    ("Egypt's president received Emir Tamim bin Hamad of Qatar in Cairo.", {("Tamim bin Hamad", "EGY")}),
    # a counterpart of the host's own state is no guest from abroad
    ("The Kenyan president hosted his Kenyan counterpart from the opposition in Nairobi.", set()),
])
def test_a_host_receives_an_unnamed_counterpart_or_ruler_of_a_state(run, text, expected):
    # the guest's state stands for the guest: a counterpart's nationality, a ruler's 'of' state
    assert core_pairs(run(text), "visit") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("During his visit to Hanoi, the Japanese prime minister met Vietnam's president.", {("JPN", "VNM")}),
    ("During his three-day stay in Nairobi, Ghana's president signed several agreements.", {("GHA", "KEN")}),
    # a named subject comes first
    ("During his visit to Hanoi, Japanese Prime Minister Taro Sato met Vietnam's president.", {("Taro Sato", "VNM")}),
    # a subject that is no official's title lends no state to the possessive
    ("During his visit to Hanoi, the Japanese delegation met Vietnam's president.", set()),
])
def test_a_possessive_before_an_unnamed_officials_clause_is_that_officials(run, text, expected):
    # 'his' goes forward to the subject of the clause its phrase hangs from: the state of an unnamed official
    assert core_pairs(run(text), "visit") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The purchase of 12 Rafale jets from France by Serbia was completed.", {("FRA", "SRB")}),
    ("The deal covers the delivery of 48 K9 howitzers from South Korea to Norway.", {("KOR", "NOR")}),
])
def test_a_by_or_to_phrase_hung_on_the_phrase_before_it_still_names_the_buyer(run, text, expected):
    # the parser hangs 'by Serbia' on what is bought and 'to Norway' on the 'from' phrase
    assert core_pairs(run(text), "arms_sale") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Palau pulls its recognition of Kosovo as an independent state.", {("PLW", "XKX", "negated")}),
    ("Palau pulled its recognition of Kosovo.", {("PLW", "XKX", "negated")}),
    ("Togo has reversed its recognition of Kosovo.", {("TGO", "XKX", "negated")}),
])
def test_pulling_or_reversing_a_recognition_withdraws_it(run, text, expected):
    assert core_tuples(run(text), "recognition") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Zambia awarded a contract to Sinohydro to build the dam.", {("Sinohydro", "ZMB")}),
    ("Zambia awarded Sinohydro a contract to build the dam.", {("Sinohydro", "ZMB")}),
    ("Zambia awarded a contract to a Chinese firm to build the dam.", {("CHN", "ZMB")}),
    ("Guyana awarded the offshore block to a Chinese company in 2016.", {("CHN", "GUY")}),
    # no award: the subject still builds (at home, so no investment)
    ("Zambia signed a contract with its bankers to build the dam.", set()),
])
def test_the_one_awarded_a_contract_to_build_invests(run, text, expected):
    # the builder of a contract's purpose is the one it is awarded to, not the state awarding it
    assert core_pairs(run(text), "energy_investment") == expected


def test_a_solar_park_the_head_missed_is_still_an_asset(run):
    events = run("The Indian company will develop a solar park in Sri Lanka's Jaffna peninsula.")
    assert core_pairs(events, "energy_investment") == {("IND", "LKA")}
    assert [e.asset.text for e in events if e.type == "energy_investment"] == ["solar park"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Azerbaijani side expressed interest in purchasing Israeli drones.", {("ISR", "AZE")}),
    ("The Serbian side signed a contract for the purchase of Chinese drones.", {("CHN", "SRB")}),
    # a state named on the subject is still the buyer when it is no nationality
    ("Officials of Serbia signed a contract for the purchase of Chinese drones.", {("CHN", "SRB")}),
])
def test_a_nationality_on_the_subject_buys_through_the_phrase_the_trigger_heads(run, text, expected):
    assert core_pairs(run(text), "arms_sale") == expected


def test_a_by_phrase_hung_on_what_is_built_names_the_builder(run):
    events = run("The sides agreed on the construction of a wind farm in Uzbekistan by Saudi ACWA Power.")
    assert core_pairs(events, "energy_investment") == {("Saudi ACWA Power", "UZB")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Lavrov arrived in the Mongolian capital on Monday.", {("Lavrov", "MNG")}),
    # the traveller's own capital is no trip abroad
    ("The Russian minister arrived in the Russian capital on Monday.", set()),
])
def test_arriving_in_a_states_capital_named_by_its_nationality_goes_there(run, text, expected):
    assert core_pairs(run(text), "visit") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Saudi Arabia wants to buy Chinese drones. The kingdom is also negotiating with Turkey for Akinci drones.",
     {("CHN", "SAU"), ("TUR", "SAU")}),
    ("Oman bought two corvettes from Britain. The sultanate is now in talks with Turkey over buying drones.",
     {("GBR", "OMN"), ("TUR", "OMN")}),
])
def test_the_kingdom_or_the_sultanate_refers_back_to_the_state(run, text, expected):
    assert core_pairs(run(text), "arms_sale") == expected


def test_a_nationality_the_head_tagged_as_an_organisation_is_a_nationality(default_extractor):
    text = "QatarEnergy has signed a deal to take a stake in a block off Egypt. The Qatari firm will hold 23 percent."
    result = default_extractor.extract(text, published=PUB)
    assert [(e.label, e.id) for e in result.entities if e.text == "Qatari"] == [("NORP", "QAT")]
    # so 'the Qatari firm' is the one Qatari firm named, not the state
    assert core_pairs(result.events, "energy_investment") == {("QatarEnergy", "EGY")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Morocco, which bought 25 F-16 jets from the United States in 2019, also plans to acquire Patriot missiles.",
     {("USA", "MAR", "actual"), ("USA", "MAR", "planned")}),
    # one deal told twice in a sentence, with what is sold named once, is one event
    ("The United States has agreed to sell F-16 jets to Morocco, which will buy them by 2026.",
     {("USA", "MAR", "planned")}),
])
def test_two_deals_of_one_pair_in_a_sentence_with_other_statuses_and_weapons_are_two_events(run, text, expected):
    assert core_tuples(run(text), "arms_sale") == expected


def test_deals_of_one_pair_for_other_known_systems_in_other_sentences_are_two_events(run):
    # 'the country' as a subject goes back to the last sentence's subject, not to the seller named last
    text = "Angola received Su-30 fighters from Russia in 2017. The country also bought Mi-35 helicopters from Russia."
    events = [e for e in run(text) if e.type == "arms_sale"]
    assert sorted((e.seller.id, e.buyer[0].id, e.weapon.text) for e in events) == [
        ("RUS", "AGO", "Mi-35 helicopters"), ("RUS", "AGO", "Su-30 fighters")]


def test_a_deal_told_again_by_a_plain_noun_stays_one_event(run):
    text = "Egypt ordered 24 Rafale jets from France in 2015. The jets were delivered by France in 2017."
    assert len([e for e in run(text) if e.type == "arms_sale"]) == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian firms will help Egypt build its first nuclear plant.", {("RUS", "EGY")}),
    # people of a state are no firm
    ("Russian specialists will help Egypt build its first nuclear plant.", set()),
    ("Beijing is investing billions in Venezuela's oil industry.", {("CHN", "VEN")}),
])
def test_helping_firms_of_a_state_and_a_sum_invested_in_a_sector_are_investments(run, text, expected):
    assert core_pairs(run(text), "energy_investment") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Qatar's emir is expected in Tehran next week.", {("QAT", "IRN", "planned")}),
    ("The Iranian foreign minister is expected in Tehran on Monday.", set()),
])
def test_an_unnamed_ruler_expected_abroad_stands_for_the_state(run, text, expected):
    assert core_tuples(run(text), "visit") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Vietnam's Prime Minister hosted a banquet in Hanoi for the visiting Cuban President.", {("CUB", "VNM")}),
    ("The Japanese emperor will make a state visit to the United Kingdom in June.", {("JPN", "GBR")}),
    # a visiting group that is no official names no state's trip
    ("Vietnam's Prime Minister hosted a banquet in Hanoi for the visiting Cuban musicians.", set()),
])
def test_an_unnamed_visiting_official_or_monarch_stands_for_the_state(run, text, expected):
    assert core_pairs(run(text), "visit") == expected
