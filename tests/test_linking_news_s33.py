"""Rules from session 33's real-news dev analysis. Every sentence below is invented for the test."""

from __future__ import annotations

import pytest
from newslib import core_pairs, core_tuples

PUB = "2024-03-01"


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya's state oil firm NOCK said it had signed a $2 billion agreement with Norway's Equinor to "
     "develop two offshore gas blocks.", {("Equinor", "KEN")}),
    ("Mexico's state energy company Pemex has agreed with Italy's Eni to extend a production-sharing contract for "
     "three onshore fields.", {("Eni", "MEX")}),
    ("Sonatrach has agreed with French major TotalEnergies and Italy's Eni to the extension of a production-sharing "
     "contract for three blocks.", {("TotalEnergies", "DZA"), ("Eni", "DZA")}),
    ("Peru's state-owned Petroperu reached a deal with Japan's Inpex to develop an offshore gas field.",
     {("Inpex", "PER")}),
])
def test_a_national_company_that_deals_with_a_foreign_firm_is_the_host_side(run, text, expected):
    # the role paths take the national company, the subject, for the investor; its state hosts the foreign partner
    assert core_pairs(run(text), "energy_investment") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Petronas signed a contract with Pemex to develop three onshore fields.", {("Petronas", "MEX")}),
    ("The Indian firm ONGC joined a production-sharing agreement with Kazakhstan's KazMunayGas and Eni for the "
     "Zhambyl offshore block.", {("ONGC", "KAZ"), ("Eni", "KAZ")}),
])
def test_a_firm_that_deals_with_a_national_company_invests_in_its_state(run, text, expected):
    assert core_pairs(run(text), "energy_investment") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # two national companies: neither is the host by that alone
    ("China's state oil firm CNPC signed an agreement with Pemex to develop an onshore field.", set()),
    # a firm of the same state is no foreign partner
    ("Kenya's state oil firm NOCK signed an agreement with Kenyan firm KenGen to develop two offshore gas blocks.",
     set()),
])
def test_no_host_side_without_a_foreign_partner(run, text, expected):
    assert core_pairs(run(text), "energy_investment") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Last month, Vietnam also bought 12 Russian helicopters.", {("RUS", "VNM")}),
    ("Russian Helicopters delivered two Mi-17 to Peru.", {("Russian Helicopters", "PER")}),
])
def test_a_nationality_before_weapons_in_lower_case_is_no_firm(run, text, expected):
    # 'Russian Helicopters' is a firm's name; 'Russian helicopters' are a state's weapons
    assert core_pairs(run(text), "arms_sale") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The recognition of Kosovo by Peru came as a surprise to Belgrade.", {("PER", "XKX", "actual")}),
    ("Peru became the 110th country to recognise Kosovo.", {("PER", "XKX", "actual")}),
    ("Peru became the first country to recognise Kosovo.", {("PER", "XKX", "actual")}),
    ("Peru wants to recognise Kosovo.", {("PER", "XKX", "proposed")}),
])
def test_a_recognition_by_a_state_and_a_rank_in_figures(run, text, expected):
    # the 'by' phrase hangs on the name recognised; a rank written in figures states what happened, as 'first' does
    assert core_tuples(run(text), "recognition") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The state power board and China Huadian have signed an agreement to form a joint venture company to set up "
     "a coal-fired power plant in Bangladesh.", {("China Huadian", "BGD", "actual")}),
    ("China Huadian will sign an agreement to form a joint venture company to set up a coal-fired power plant in "
     "Bangladesh.", {("China Huadian", "BGD", "planned")}),
    ("The inking of the deal with the Indian company SJVN to build a 900 megawatt hydropower station in Nepal "
     "coincides with a visit by Modi.", {("SJVN", "NPL", "actual")}),
])
def test_what_a_signed_deal_provides_for_through_a_second_purpose_or_a_signing_noun_is_actual(run, text, expected):
    # the signing governs the purpose of its purpose ('to form a joint venture to set up'); 'set up' is no 'set to'
    assert core_tuples(run(text), "energy_investment") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials in Taipei say Nauru has switched diplomatic recognition to China.",
     {("NRU", "CHN", "actual"), ("NRU", "TWN", "negated")}),
    ("Kiribati switched recognition to Taipei in 2003.", {("KIR", "TWN", "actual"), ("KIR", "CHN", "negated")}),
    ("Honduras switched recognition from Taipei to Beijing.", {("HND", "CHN", "actual"), ("HND", "TWN", "negated")}),
])
def test_a_switch_of_recognition_to_one_of_the_rival_pair_leaves_the_other(run, text, expected):
    assert core_tuples(run(text), "recognition") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Sinopec completed the purchase of an 80% stake in a Ghanaian oil firm for $500 million.", {("Sinopec", "GHA")}),
    ("Tullow formed a joint-venture with Kenya's state oil firm.", {("Tullow", "KEN")}),
    ("CNOOC has agreed to pay $3.1 billion to form a joint venture with a major Chilean energy firm.",
     {("CNOOC", "CHL")}),
])
def test_the_firm_a_stake_is_bought_in_or_a_venture_formed_with_is_at_home(run, text, expected):
    # its nationality is the host, not the nationality of an investing firm; 'joint-venture' is 'joint venture'
    assert core_pairs(run(text), "energy_investment") == expected


@pytest.mark.parametrize(("text", "visits", "sales"), [
    ("Ghana is expecting the arrival of warplanes and helicopters it ordered from Brazil and Italy.", set(),
     {("BRA", "GHA"), ("ITA", "GHA")}),
    ("Ghana received two helicopters supplied by Russia.", set(), {("RUS", "GHA")}),
    ("Ghana's defence minister formally received two helicopters provided by Russia.", set(), {("RUS", "GHA")}),
])
def test_weapons_arrive_without_a_visit_and_their_supplier_sells(run, text, visits, sales):
    events = run(text)
    assert core_pairs(events, "visit") == visits and core_pairs(events, "arms_sale") == sales


@pytest.mark.parametrize(("text", "etype", "expected"), [
    ("Russia's government has extended a $11 billion loan to Ghana to build a nuclear power plant.",
     "energy_investment", {("RUS", "GHA", "actual")}),
    ("Gezhouba, a Chinese company that is also helping to finance the work, is building a dam in Ghana.",
     "energy_investment", {("Gezhouba", "GHA", "actual")}),
    ("It would be recalled that the Ghanaian Air Force took delivery of two Mi-35M helicopters from Russia in 2016.",
     "arms_sale", {("RUS", "GHA", "actual")}),
    ("Russia has extended a $2 billion credit with which Ghana will buy 90 T-72 tanks.",
     "arms_sale", {("RUS", "GHA", "planned")}),
])
def test_a_loan_extended_for_a_purpose_a_help_and_a_recalled_fact_are_actual(run, text, etype, expected):
    # a loan provides only for its purpose infinitive; a purchase with the credit keeps its own tense
    assert core_tuples(run(text), etype) == expected


def test_the_source_of_a_loan_is_no_host_of_what_it_builds(run):
    assert core_pairs(run("Ghana will receive a loan from China to build a dam."), "energy_investment") == {
        ("CHN", "GHA")}


@pytest.mark.parametrize(("text", "etype", "expected"), [
    ("A deal is being negotiated with Peru, which is interested in buying JF-17 fighter jets from Pakistan.",
     "arms_sale", {("PAK", "PER")}),
    ("A deal is being negotiated with Peru, which wants to buy JF-17 fighter jets from Pakistan.",
     "arms_sale", {("PAK", "PER")}),
    ("Eni, which plans to invest in Kenya's Lokichar oil field, said on Monday that profits rose.",
     "energy_investment", {("Eni", "KEN")}),
])
def test_a_relative_subject_above_the_trigger_is_its_antecedent(run, text, etype, expected):
    assert core_pairs(run(text), etype) == expected


@pytest.mark.parametrize(("text", "etype", "expected"), [
    ("The new deal follows OMV acquiring interests in Ghana and Gabon in 2013.", "energy_investment",
     {("OMV", "GHA", "actual"), ("OMV", "GAB", "actual")}),
    ("Panoro Energy has been awarded a 56 percent participating interest in a block offshore Equatorial Guinea.",
     "energy_investment", {("Panoro Energy", "GNQ", "actual")}),
    ("Peru confirmed its interest in Swedish Gripen fighter jets.", "arms_sale", {("SWE", "PER", "proposed")}),
])
def test_an_interest_held_is_a_stake_and_an_interest_shown_a_wish(run, text, etype, expected):
    assert core_tuples(run(text), etype) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The US approved the sale of 36 Apache helicopters to Peru.", {("USA", "PER", "proposed")}),
    ("Peru has been cleared to purchase up to 500 AIM-120 missiles for $86m.", {("USA", "PER", "proposed")}),
    ("Peru's congress approved the purchase of 24 Gripen jets from Sweden.", {("SWE", "PER", "actual")}),
])
def test_a_sale_a_seller_clears_is_proposed(run, text, expected):
    assert core_tuples(run(text), "arms_sale") == expected


def test_a_count_run_into_a_weapons_designation_is_split_off(run):
    # '500 GBU-39B' tagged as one quantity: the designation is a weapon, so the purchase names one
    events = run("Peru will buy 500 GBU-39B from the United States.")
    assert core_pairs(events, "arms_sale") == {("USA", "PER")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Nepal today signed an agreement with the GMR, authorising the Indian company to build a 900 MW hydropower "
     "plant.", {("GMR", "NPL")}),
    # a block's code the head read as a name is no firm
    ("Ghana signed an agreement with EG-31 to develop an offshore gas field.", set()),
])
def test_a_firm_a_state_deals_with_to_build_invests_even_when_its_state_is_unknown(run, text, expected):
    assert core_pairs(run(text), "energy_investment") == expected


def test_a_state_body_that_deals_with_a_foreign_firm_is_the_host_side(run):
    events = run("The Ministry of Energy of Ghana has signed a deal with ACWA Power worth over $1bn to build a wind "
                 "farm.")
    assert core_pairs(events, "energy_investment") == {("ACWA Power", "GHA")}


def test_the_firm_apposed_to_a_speakers_description_is_the_it_after_it(run):
    # "Japan's top explorer Inpex Corp said it …": 'it' is the firm, not the state owning the description
    events = run("Japan's top oil and gas explorer Inpex Corp said on Thursday it has agreed to acquire a 50 percent "
                 "stake in an offshore block in Australia.")
    assert core_pairs(events, "energy_investment") == {("Inpex Corp", "AUS")}


def test_a_firms_name_over_a_hard_wrap_is_one_mention(run):
    # wire copy wrapped at a fixed width: the entity head reads the wrap as a space; offsets keep the line break
    text = ("LISBON Dec 3 Portuguese oil company Galp\nEnergia has agreed to buy a 50 percent stake in\n"
            "Ghana's shallow-water Tarfaya Offshore block from Australia's\nTangiers that makes it the operator.\n")
    assert core_pairs(run(text), "energy_investment") == {("Galp\nEnergia", "GHA")}


STAKE_STORY = (
    'Abu Dhabi power firm Masdar said Tuesday that it was joining a large solar park project in Ghana in '
    'partnership with Norwegian firms Statoil and Statkraft.\n'
    'The park will supply power for about 300,000 homes in Ghana, according to Masdar, which leads the '
    "UAE's push for clean energy.\n"
    'Work is due to begin in 2016, with the park running by late 2017.\n'
    'Masdar said it would take a 35 percent stake -- worth $500 million -- in the $1.5 billion project, '
    'which the Norwegian firms first announced in June.\n'
    '"The UAE is committed to solar energy as a way of balancing its energy mix," said Masdar chairman '
    'Sultan Al Jaber.\n'
    'Statoil will also hold a 35-percent stake while Statkraft will own the rest, the statement said.\n'
    'The UAE investment was welcomed by UAE officials.\n'
)
"""An invented story that names the UAE most, with a stake whose project was named paragraphs before."""


def test_a_stake_with_no_asset_or_host_is_in_the_project_of_the_investment_before_it(run):
    # the article's topic state (the UAE) was the guess before
    pairs = core_pairs(run(STAKE_STORY), "energy_investment")
    assert ("Statoil", "GHA") in pairs and ("Statoil", "ARE") not in pairs


def test_an_asset_located_in_a_place_in_a_states_province_lies_at_that_states_home(run):
    # Ghana finances at home (no event); China invests in Ghana
    text = "Ghana and China signed a financing agreement on a coal power project located in the Keta field in " \
           "Ghana's Volta region."
    assert core_pairs(run(text), "energy_investment") == {("CHN", "GHA")}


@pytest.mark.parametrize(("text", "etype", "expected"), [
    ("Peru became the fifth country to recognise Kosovo, after Chile, Spain and Norway.", "recognition",
     {("PER", "XKX"), ("CHL", "XKX"), ("ESP", "XKX"), ("NOR", "XKX")}),
    ("Romania has become the ninth country to acquire K9 howitzers, after Australia, Egypt and Norway.", "arms_sale",
     {("KOR", "ROU"), ("KOR", "AUS"), ("KOR", "EGY"), ("KOR", "NOR")}),
    ("Peru became the first country to buy the jets after the war.", "arms_sale", set()),
])
def test_the_states_a_ranked_act_comes_after_did_the_same(run, text, etype, expected):
    assert core_pairs(run(text), etype) == expected


def test_a_participle_with_an_agent_states_its_own_fact(run):
    # 'funded by …' is stated as done; 'is expected to begin shipping' is the project's future, not the funding's
    text = "The Ghana LNG project, funded by ConocoPhillips and Shell, is expected to begin shipping cargoes in 2026."
    assert core_tuples(run(text), "energy_investment") == {
        ("ConocoPhillips", "GHA", "actual"), ("Shell", "GHA", "actual")}


@pytest.mark.parametrize("text", [
    "Peru, Chile and the island nation of Fiji recognised Kosovo.",
    "So far Peru, Chile, and the tiny Pacific State of Fiji have established diplomatic ties with Kosovo.",
])
def test_a_list_member_named_by_a_description_of_its_state(run, text):
    assert core_pairs(run(text), "recognition") == {("PER", "XKX"), ("CHL", "XKX"), ("FJI", "XKX")}


def test_we_in_a_quotation_is_the_speakers_state_where_the_role_takes_no_person(run):
    text = ("Peru intends to buy 24 combat helicopters, Peruvian Defense Minister Pedro Cateriano said. \"The purchase "
            "of 24 helicopters is under consideration and we have three proposals; we are considering proposals from "
            "France, the United States and Russia,\" Cateriano said.")
    assert {("FRA", "PER"), ("USA", "PER"), ("RUS", "PER")} <= core_pairs(run(text), "arms_sale")
