"""Rules from session 36's checks of arms-approval and proliferation-report phrasings. Every sentence below is
invented for the test."""

from __future__ import annotations

import pytest
from newslib import core_pairs

PUB = "2024-03-01"


@pytest.mark.parametrize(("text", "expected"), [
    ("Washington approved the sale of 36 Apache helicopters, along with missiles, to Morocco.", {("USA", "MAR")}),
    ("The State Department has approved a possible Foreign Military Sale to the Government of Morocco of AH-64E "
     "Apache helicopters.", {("USA", "MAR")}),
])
def test_an_approved_sale_names_its_buyer_past_a_parse_detour(run, text, expected):
    # 'to Morocco' hung on 'along with'; the state whose government a sale goes to
    assert core_pairs(run(text), "arms_sale") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Albania's parliament approved funds for the purchase of Turkish drones.", {("TUR", "ALB")}),
    ("The Albanian parliament approved funds for the purchase of Turkish drones.", {("TUR", "ALB")}),
])
def test_the_state_of_a_body_paying_for_a_purchase_buys(run, text, expected):
    # the possessor of the subject, as its nationality, through the phrase the purchase lies in
    assert core_pairs(run(text), "arms_sale") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("North Korea has demanded money from America to end its missile sales to Iran.", {("PRK", "IRN")}),
    # the one urged acts, as before
    ("Washington urged Moscow to end its arms sales to Iran.", {("RUS", "IRN")}),
])
def test_the_subject_of_a_purpose_clauses_verb_sells(run, text, expected):
    assert core_pairs(run(text), "arms_sale") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Argentina helped Iran finish building the reactor at Bushehr.", {("ARG", "IRN")}),
    ("China helped Pakistan start building the Chashma reactor.", {("CHN", "PAK")}),
    # without a phase verb, as before
    ("China will help Pakistan build two reactors.", {("CHN", "PAK")}),
    ("Russia will help build a reactor in Egypt.", {("RUS", "EGY")}),
])
def test_helping_a_state_finish_building_is_helping_it_build(run, text, expected):
    # the helper invests, the state helped (the phase verb's subject) hosts
    assert core_pairs(run(text), "energy_investment") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("CNOOC signed an agreement with Qatar Petroleum to explore an offshore block.", {("CNOOC", "QAT")}),
    ("ExxonMobil agreed with Egypt's EGAS to explore two offshore blocks.", {("ExxonMobil", "EGY")}),
])
def test_a_firm_dealing_with_a_national_company_invests_in_its_state(run, text, expected):
    # linking.toml [national_firms] companies
    assert core_pairs(run(text), "energy_investment") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Reliance has exploration rights to one of the deepwater blocks in Oman.", {("Reliance", "OMN")}),
    # 'it' goes back to the one firm named before it in its sentence, not to a state of the sentence before
    ("Jakarta welcomed the bids. Among Medco's projects abroad, it holds exploration rights to one of the deepwater "
     "blocks in Oman.", {("Medco", "OMN")}),
])
def test_exploration_rights_to_a_block_name_the_asset(run, text, expected):
    assert core_pairs(run(text), "energy_investment") == expected


def test_a_firm_joining_another_in_an_investment_invests_too(run):
    text = "China's CNOOC joined Brazilian state operator Petrobras in winning production rights to the Libra oilfield."
    assert core_pairs(run(text), "energy_investment") == {("CNOOC", "BRA")}


@pytest.mark.parametrize("text", [
    "RIA Novosti further adds that Russia's LUKoil company is negotiating its participation in developing oil fields "
    "in Uganda.",
    "RIA Novosti further adds that LUKoil is negotiating its participation in developing oil fields in Uganda.",
])
def test_a_possessive_in_a_reported_clause_with_its_own_subject_is_that_subjects(run, text):
    # not the reporting agency's
    assert core_pairs(run(text), "energy_investment") == {("LUKoil", "UGA")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkey has sold drones to several African countries, including Nigeria and Ethiopia.",
     {("TUR", "NGA"), ("TUR", "ETH")}),
    ("Turkey is expanding its drone exports to Africa, including Nigeria.", {("TUR", "NGA")}),
])
def test_the_named_members_of_a_region_a_sale_goes_to_buy(run, text, expected):
    # a people of no state ('African') fills no buyer, so the members named after it do
    assert core_pairs(run(text), "arms_sale") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Visiting French President Francois Hollande signed an agreement in Doha on Monday.",
     {("Francois Hollande", "QAT")}),
    ("Visiting Chinese Premier Li Qiang held talks in Canberra with Anthony Albanese.", {("Li Qiang", "AUS")}),
])
def test_a_visiting_guest_is_where_the_clause_it_is_the_subject_of_happens(run, text, expected):
    assert core_pairs(run(text), "visit") == expected


def test_a_possessive_its_is_the_subject_of_the_verbs_it_hangs_from(run):
    # (a named object on the way acts instead: 'urged Moscow to end its arms sales', the purpose-clause test above)
    text = "Russia has lobbied its allies to follow its lead in recognizing Abkhazia."
    assert core_pairs(run(text), "recognition") == {("RUS", "XAB")}


def test_no_topic_state_for_a_sale_whose_own_phrase_names_a_region(run):
    text = ("Romania signed a contract with Hanwha Aerospace for 54 K9 howitzers. Romania will assemble the rest. "
            "Hanwha may also be close to its first artillery sale in Southeast Asia.")
    assert core_pairs(run(text), "arms_sale") == {("Hanwha Aerospace", "ROU")}


def test_a_designation_before_the_weapons_noun_splits_no_sentence(run):
    # the parser ended a sentence after 'AGM-114R', leaving the missiles outside the clause of 'receive'
    text = "Egypt will receive up to 2,183 Lockheed Martin AGM-114R Hellfire missiles in a package worth $630 million."
    assert core_pairs(run(text), "arms_sale") == {("USA", "EGY")}


@pytest.mark.parametrize(("text", "expected"), [
    ("The Chinese government handed over two submarines to Admiral Rahim Karim, chief of the Bangladesh Navy.",
     {("CHN", "BGD")}),
])
def test_a_government_hands_over_to_the_body_the_receiving_officer_heads(run, text, expected):
    assert core_pairs(run(text), "arms_sale") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Malian Defense Minister Sadio Camara received two Mi-171 helicopters from Russia.", {("RUS", "MLI")}),
    # a person of no known state buys for none
    ("Defense Minister Ibrahim Zorn received two Mi-171 helicopters from Russia.", set()),
])
def test_an_official_receiving_weapons_buys_for_the_officials_state(run, text, expected):
    assert core_pairs(run(text), "arms_sale") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The pact followed a two-day visit from Israeli Defense Minister Benny Gantz to Rabat.", {("Benny Gantz", "MAR")}),
    # a 'from' place is where the trip starts, not who makes it
    ("The minister's visit from Paris to Rabat was cut short.", set()),
    ("During his visit to Pakistan, the British defence secretary put pressure on Islamabad.", {("GBR", "PAK")}),
])
def test_a_visit_from_a_person_and_a_defence_secretarys_trip(run, text, expected):
    assert core_pairs(run(text), "visit") == expected


def test_a_foreign_firms_local_unit_invests_abroad(run):
    text = "Hess Guyana Exploration Limited is acquiring a 15 percent interest in the Kaieteur block, offshore Guyana."
    assert core_pairs(run(text), "energy_investment") == {("Hess Guyana Exploration Limited", "GUY")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Egypt awarded an exploration licence for the North Marakia block to Eni.", {("Eni", "EGY")}),
    ("The Saudi developer ACWA Power commissioned a solar plant in Egypt.", {("ACWA Power", "EGY")}),
    # commissioning a study builds nothing
    ("Egypt commissioned a study of the dam.", set()),
])
def test_a_licence_awarded_for_a_block_and_a_plant_commissioned(run, text, expected):
    assert core_pairs(run(text), "energy_investment") == expected
