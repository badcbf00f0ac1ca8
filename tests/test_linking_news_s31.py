"""Rules from session 31's real-news dev analysis. Every sentence below is invented for the test."""

from __future__ import annotations

import pytest
from newslib import core_pairs

PUB = "2024-03-01"


@pytest.mark.parametrize(("text", "expected"), [
    ("Hanoi, 9 May: Chilean President Ana Ruiz is making a state visit to Vietnam.", {("Ana Ruiz", "VNM")}),
    ("Dhaka, 12 March: At the invitation of Foreign Minister Karim Uddin, Chilean Foreign Minister Rosa Pinto is "
     "paying an official visit to Bangladesh.", {("Rosa Pinto", "BGD")}),
    ("Quito, 4 June (Agency): At the invitation of his counterpart, Peru's defence minister is paying an official "
     "visit to Ecuador.", {("PER", "ECU")}),
])
def test_a_lede_after_a_dated_colon_dateline_parses_on_its_own(run, text, expected):
    # the place the story was filed from, before a date or an agency and a colon, is no subject of the lede
    assert core_pairs(run(text), "visit") == expected


def test_a_dated_colon_dateline_starts_the_ledes_sentence(run):
    import spacy

    from eventex.stages.segment import paragraph_starts

    nlp = spacy.blank("en")
    doc = paragraph_starts(nlp("Lima, 3 May: The minister left for Quito on Monday."))
    assert [t.is_sent_start for t in doc if t.text == "The"] == [True]
    plain = paragraph_starts(nlp("Peru: The minister left for Quito on Monday."))  # a headline's topic: untouched
    assert [t.is_sent_start for t in plain if t.text == "The"] != [True]


@pytest.mark.parametrize(("text", "expected"), [
    ("The European Union recognised Kosovo's independence on Monday.", set()),
    ("The African Union formally recognized Western Sahara as a sovereign state.", set()),
    ("Chile recognised Kosovo's independence on Monday.", {("CHL", "XKX")}),
])
def test_a_body_that_is_no_state_recognises_no_state(run, text, expected):
    # the guidelines' recognizer is a state (or one who acts for it); a union or the UN recognises nothing
    assert core_pairs(run(text), "recognition") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Guyana awarded three shallow blocks to Nordvik Energy BV, Tanaka Oil Ltd (Japan); Merdeka Ventures SDN BHD "
     "(Malaysia); and Cordillera Petroleum Corporation of Peru.",
     {("Nordvik Energy BV", "GUY"), ("Tanaka Oil Ltd", "GUY"), ("Merdeka Ventures SDN BHD", "GUY"),
      ("Cordillera Petroleum Corporation of Peru", "GUY")}),
    ("Guyana awarded the block to Nordvik Energy BV, Tanaka Oil Ltd said on Monday.", {("Nordvik Energy BV", "GUY")}),
])
def test_each_firm_of_a_long_listed_award_invests(run, text, expected):
    # semicolons and a country in parentheses break the parser's list; two firms with no 'and' are no list
    assert core_pairs(run(text), "energy_investment") == expected


def test_each_firm_of_a_listed_supply_sells_and_no_name_ends_in_of(run):
    text = ("Chile will buy radars from Nordvik Defence AS, Tanaka Systems Ltd (Japan); and Aurora Dynamics "
            "Corporation of the US.")
    assert core_pairs(run(text), "arms_sale") == {
        ("Nordvik Defence AS", "CHL"), ("Tanaka Systems Ltd", "CHL"), ("Aurora Dynamics Corporation", "CHL")}


def test_each_titled_leader_of_a_list_arrives(run):
    # titles between the names break the parser's list: 'A, President of B C and President of D E also arrived'
    text = ("First President of the Republic of Kazakhstan, Nursultan Nazarbayev, President of the Kyrgyz Republic "
            "Sooronbay Jeenbekov and President of the Republic of Tajikistan Emomali Rahmon also arrived in Tashkent "
            "to take part in the meeting.")
    assert {a for a, _ in core_pairs(run(text), "visit")} == {
        "Nursultan Nazarbayev", "Sooronbay Jeenbekov", "Emomali Rahmon"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Recent weeks have seen a consignment of Bayraktar TB2s delivered to the West African state of Togo, which is "
     "struggling with insurgents.", {("TUR", "TGO")}),
    ("Russia sold six helicopters to the island nation of Fiji.", {("RUS", "FJI")}),
])
def test_a_state_named_by_its_description_fills_the_descriptions_role(run, text, expected):
    assert core_pairs(run(text), "arms_sale") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Petronas operates four blocks off East Java. Malaysia's national oil company has signed a production sharing "
     "contract for an offshore block in Indonesia.", {("Petronas", "IDN")}),
    ("TotalEnergies will operate Block 3B/4B off South Africa, while Qatar's state-owned oil company will hold a 24% "
     "share. QatarEnergy joined the block in 2022.", {("TotalEnergies", "ZAF"), ("QatarEnergy", "ZAF")}),
    # two firms of the state: the description names neither
    ("Petronas and Petronas Carigali work off Java. Malaysia's national oil company has signed a production sharing "
     "contract for an offshore block in Indonesia.", set()),
])
def test_a_described_firm_is_the_one_firm_of_its_state_the_article_names(run, text, expected):
    assert core_pairs(run(text), "energy_investment") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Recent weeks have seen Bayraktar TB2 drones delivered to Togo. Other African customers have included "
     "Ethiopia, Morocco and Tunisia.", {("TUR", "TGO"), ("TUR", "ETH"), ("TUR", "MAR"), ("TUR", "TUN")}),
    # customers that name no system before them buy nothing known
    ("Other African customers have included Ethiopia, Morocco and Tunisia.", set()),
])
def test_the_states_other_customers_include_buy_the_system_just_named(run, text, expected):
    assert core_pairs(run(text), "arms_sale") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Chinese company Sinohydro won a tender for the construction of the second hydropower unit at the Kambarata "
     "plant, the Ministry of Energy of Kyrgyzstan reported.", {("Sinohydro", "KGZ")}),
    # a firm that reports names no host
    ("Sinohydro won a tender to build a hydropower unit at the Kambarata plant, Gazprom said.", set()),
])
def test_the_state_whose_ministry_reports_an_award_hosts_it(run, text, expected):
    assert core_pairs(run(text), "energy_investment") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The agreement was signed in Tripoli at a ceremony attended by Italian Prime Minister Giorgia Meloni.",
     {("Giorgia Meloni", "LBY")}),
    ("The signing in Kampala was attended by Tanzanian President Amina Juma.", {("Amina Juma", "UGA")}),
    ("The signing in Kampala was attended by businessman Tom Odera.", set()),  # of no known state
    ("The signing in Rome was attended by Italian Prime Minister Giorgia Meloni.", set()),  # at home
    ("The agreement was signed in Tripoli at a ceremony attended by thousands of people.", set()),
])
def test_the_one_by_whom_a_gathering_abroad_is_attended_travels_there(run, text, expected):
    assert core_pairs(run(text), "visit") == expected
