"""Rules from session 29's real-news dev analysis. Every sentence below is invented for the test."""

from __future__ import annotations

import pytest
from newslib import core_pairs

PUB = "2024-03-01"


def test_a_trip_told_twice_keeps_the_fuller_name_and_every_form_resolves_to_it(run):
    # the headline's 'Ramon Ortiz-Vega' and the lede's full name are one trip; 'Ortiz Vega' is the same man
    text = ("Chilean President Ramon Ortiz-Vega pays state visit to Peru\n\nRamon Ortiz-Vega Lugo, President of the "
            "Republic of Chile, arrived in Lima on Tuesday on a state visit. Ortiz Vega will then travel to Bolivia.")
    assert [(e.visitor.text, e.visitor.canonical) for e in run(text) if e.type == "visit"] == [
        ("Ramon Ortiz-Vega Lugo", "Ramon Ortiz-Vega Lugo"), ("Ortiz Vega", "Ramon Ortiz-Vega Lugo")]


def test_partners_written_with_slashes_each_invest(run):
    # the head runs 'Kosmos/Tullow' into one mention that a slash joins to the last partner's, and the parser hangs
    # the three names on each other anyhow
    text = "A shallow block off Ghana was also awarded to Kosmos/Tullow/Eni."
    assert core_pairs(run(text), "energy_investment") == {("Kosmos", "GHA"), ("Tullow", "GHA"), ("Eni", "GHA")}


def test_a_name_with_a_slash_inside_stays_one_name(run):
    text = "Royal/Dutch Shell will build a gas plant in Ghana."
    assert core_pairs(run(text), "energy_investment") == {("Royal/Dutch Shell", "GHA")}


def test_a_block_granted_to_a_firm_is_its_investment(run):
    text = "The offshore Tano blocks in Ghana were granted to India's Varun Energy Ltd last year."
    assert core_pairs(run(text), "energy_investment") == {("Varun Energy Ltd", "GHA")}


def test_a_grant_of_aid_is_no_investment(run):
    text = "Ghana was granted $20 million in aid by Japan for its power plant."
    assert core_pairs(run(text), "energy_investment") == set()


def test_a_state_that_followed_the_first_recogniser_recognises_too(run):
    # the participle hangs on the date of the first recognition
    text = "Nepal was the first country to recognize Eritrea on Dec 6, 1993 followed by Bhutan on Dec 7, 1993."
    assert core_pairs(run(text), "recognition") == {("NPL", "ERI"), ("BTN", "ERI")}


def test_a_later_recognition_noun_recognises_what_the_one_before_it_did(run):
    text = ("Tuvalu was the first country to recognize Namibia in 2021. Then came Nauru's recognition. "
            "Palau's recognition came in March 2022.")
    assert core_pairs(run(text), "recognition") == {("TUV", "NAM"), ("NRU", "NAM"), ("PLW", "NAM")}


def test_a_recognition_noun_whose_sentence_names_another_state_takes_nothing_from_before(run):
    text = "Tuvalu was the first country to recognize Namibia in 2021. Fiji's recognition of Kosovo came later."
    assert core_pairs(run(text), "recognition") == {("TUV", "NAM"), ("FJI", "XKX")}


def test_a_tour_of_counted_countries_goes_to_the_states_listed_after_a_dash(run):
    text = "President Ana Ruiz of Chile toured three friendly countries in Africa in June – Ghana, Togo and Benin."
    assert core_pairs(run(text), "visit") == {("Ana Ruiz", "GHA"), ("Ana Ruiz", "TGO"), ("Ana Ruiz", "BEN")}


def test_a_list_after_a_dash_that_names_no_state_first_is_no_destination(run):
    text = "President Ana Ruiz of Chile toured three friendly countries in June – a first for her government."
    assert core_pairs(run(text), "visit") == set()


@pytest.mark.parametrize(("text", "expected"), [
    # session 51: the states a tally names recognise (corpora/GUIDELINES.md, Recognition); the tally alone does not
    ("Somaliland is recognised by more than 10 countries, including Tuvalu and Nauru.",
     {("TUV", "XSL"), ("NRU", "XSL")}),
    ("Somaliland is recognized by only 12 states, including Tuvalu.", {("TUV", "XSL")}),
    ("Somaliland is recognized by only 12 states.", set()),
])
def test_a_tally_of_recognisers_in_the_present_passive_recognises_through_the_states_it_names(run, text, expected):
    assert core_pairs(run(text), "recognition") == expected


def test_named_recognisers_in_the_present_passive_still_recognise(run):
    text = "Somaliland is now recognised by Tuvalu and Nauru."
    assert core_pairs(run(text), "recognition") == {("TUV", "XSL"), ("NRU", "XSL")}


def test_the_firms_a_winner_beat_in_a_bid_made_losing_bids(run):
    # France and Japan only say where the losers come from
    text = ("China's Sinohydro beat Alstom of France, Hitachi and Toshiba of Japan in the bid for the Gibe III dam in "
            "Ethiopia.")
    events = run(text)
    assert core_pairs(events, "energy_investment") == {
        ("Sinohydro", "ETH"), ("Alstom", "ETH"), ("Hitachi", "ETH"), ("Toshiba", "ETH")}
    assert {e.investor.text for e in events if e.status == "negated"} == {"Alstom", "Hitachi", "Toshiba"}


def test_every_partner_a_list_names_after_include_invests(run):
    # the list mixes shares in parentheses, a description with its own firm ('a unit of …'), and a nationality
    text = ("Eni operates the Coral gas field off Mozambique. Other partners include Japan's Mitsui (20%), "
            "Galp, a unit of the Portuguese group Amorim, as well as Indian state companies and Thailand's PTTEP.")
    assert core_pairs(run(text), "energy_investment") >= {
        ("Mitsui", "MOZ"), ("Galp", "MOZ"), ("IND", "MOZ"), ("PTTEP", "MOZ")}
    assert not {pair for pair in core_pairs(run(text), "energy_investment") if pair[0] == "Amorim"}


def test_an_investment_noun_coordinated_in_a_firms_description_is_no_investment(run):
    text = "The buyer is made up of Petrolin, a trade and investment firm with headquarters in Switzerland."
    assert core_pairs(run(text), "energy_investment") == set()


def test_funding_from_a_lender_for_a_plant_is_its_investment(run):
    assert core_pairs(run("The Nachtigal dam in Cameroon received funding from the World Bank."),
                      "energy_investment") == {("World Bank", "CMR")}
    text = "The government cut funding for the Kafue Gorge plant in Zambia."  # its own money: no lender
    assert core_pairs(run(text), "energy_investment") == set()


@pytest.mark.parametrize("text", [
    "Ghana's foreign minister Ama Boateng and defence minister Kofi Mensah were to be in Lima for talks on Monday.",
    "Ghana's foreign minister Ama Boateng and defence minister Kofi Mensah are expected to be in Lima next week.",
])
def test_a_traveller_due_to_be_in_a_foreign_capital_plans_a_visit(run, text):
    assert core_pairs(run(text), "visit") == {("Ama Boateng", "PER"), ("Kofi Mensah", "PER")}


def test_to_be_in_a_state_of_mind_is_no_visit(run):
    assert core_pairs(run("The ministers are going to be in favour of the plan."), "visit") == set()


def test_a_state_that_sends_or_dispatches_a_team_or_envoy_abroad_visits(run):
    assert core_pairs(run("Kenya dispatched a delegation to Addis Ababa for the talks."), "visit") == {("KEN", "ETH")}
    assert core_pairs(run("Colombia sent technical teams to Chile in October."), "visit") == {("COL", "CHL")}
    assert core_pairs(run("Russia sent troops to Mali."), "visit") == set()
