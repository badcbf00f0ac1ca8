"""Rules from probes of real-news phrasings, session 21: plural anaphors of would-be states, unnamed travellers
with their names listed after the place, coordinated nationalities, month-name surnames and sector investments.
Every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_pairs, core_tuples

from eventex.ner.later_mentions import repair_surnames
from eventex.schema import Entity

PUB = "2024-03-01"


def test_a_plural_anaphor_of_recognised_states_stands_for_all_of_them(run):
    events = run("Ruritania and Zembla were first recognised by Russia in 2009. In 2011 Nauru also recognised them.")
    assert ("NRU", "Nauru") not in core_pairs(events, "recognition")
    events = run("Russia recognised Abkhazia and South Ossetia in 2008. Later Nicaragua also recognised them.")
    assert core_pairs(events, "recognition") == {
        ("RUS", "XAB"), ("RUS", "XSO"), ("NIC", "XAB"), ("NIC", "XSO")}
    events = run("Russia may recognise Abkhazia and South Ossetia. Syria will also recognise the republics.")
    assert {p for p in core_pairs(events, "recognition") if p[0] == "SYR"} == {("SYR", "XAB"), ("SYR", "XSO")}
    events = run("Russia recognised Abkhazia in 2008. Syria also recognised it.")  # one state: one referent
    assert {p for p in core_pairs(events, "recognition") if p[0] == "SYR"} == {("SYR", "XAB")}


def test_travellers_listed_after_the_place_each_visit_it(run):
    events = run("Since March the presidents of several Andean countries have visited Cuba, including Peru's Ana "
                 "Quispe, the Bolivian Luis Mamani and Chile's Rosa Vidal.")
    assert core_pairs(events, "visit") == {("Ana Quispe", "CUB"), ("Luis Mamani", "CUB"), ("Rosa Vidal", "CUB")}
    events = run("Several ministers travelled to Oslo, including Ana Quispe and Luis Mamani.")
    assert core_pairs(events, "visit") == {("Ana Quispe", "NOR"), ("Luis Mamani", "NOR")}
    pairs = core_pairs(run("Lavrov visited several countries, including Peru and Chile."), "visit")
    assert pairs and {v for v, _ in pairs} == {"Lavrov"}  # places listed are destinations, never travellers


def test_coordinated_nationalities_on_one_title_are_one_traveller_each(run):
    events = run("The Dutch and Belgian prime ministers visited Beijing last month.")
    assert core_pairs(events, "visit") == {("NLD", "CHN"), ("BEL", "CHN")}


def test_a_gerund_after_meeting_someone_is_the_subjects_own_trip(run):
    events = run("Foreign Minister Ana Silva met President Obi in Abuja before flying to Nairobi.")
    assert core_pairs(events, "visit") == {("Ana Silva", "KEN")}
    events = run("Washington accused Beijing of transferring missiles to Iran.")
    assert core_pairs(events, "arms_sale") == {("CHN", "IRN")}
    events = run("Spain joined Sweden in recognising the State of Palestine.")
    assert core_pairs(events, "recognition") == {("ESP", "PSE"), ("SWE", "PSE")}


def test_a_month_name_that_is_a_surname_named_before_is_the_person():
    text = "Prime Minister Theresa May flew out. May will arrive in Lagos, and in May she met Obi. May 5 came."
    ents = [Entity(text="Theresa May", start=15, end=26, label="PERSON")]
    ents += [Entity(text="May", start=m, end=m + 3, label="DATE")
             for m in (i for i in range(len(text)) if text.startswith("May", i) and i > 26)]
    labels = [(text[e.start - 3 : e.end], e.label) for e in repair_surnames(text, ents)]
    assert labels == [("er Theresa May", "PERSON"), ("t. May", "PERSON"), ("in May", "DATE"), ("i. May", "DATE")]
    assert repair_surnames(text[39:], [Entity(text="May", start=0, end=3, label="DATE")])[0].label == "DATE"


def test_a_month_surname_opens_the_sentence_its_trip_and_pronoun_go_back_to(run):
    events = run("Prime Minister Theresa May will tour Africa this week. May will arrive in Cape Town on Tuesday for "
                 "talks with President Obi Ade. She will then meet Kenyan leaders in Nairobi.")
    pairs = core_pairs(events, "visit")
    assert ("May", "ZAF") in pairs or ("Theresa May", "ZAF") in pairs
    assert not any(v == "Obi Ade" for v, _ in pairs)


def test_investing_in_a_states_energy_sector_is_an_energy_investment(run):
    events = run("Chinese and Russian firms have invested in Iraq's oil sector.")
    assert core_pairs(events, "energy_investment") == {("CHN", "IRQ"), ("RUS", "IRQ")}
    assert core_pairs(run("Chinese firms have invested in Iraq's farming sector."), "energy_investment") == set()


def test_a_nationality_on_a_definite_diplomat_or_chief_is_the_person_named_before(run):
    events = run("Chilean Foreign Minister Ana Voss arrived in Muscat on Tuesday. Later, the Chilean top "
                 "diplomat is expected to arrive in Doha.")
    assert core_pairs(events, "visit") == {("Ana Voss", "OMN"), ("Ana Voss", "QAT")}
    events = run("Russian Defence Minister Igor Belov spoke on Monday, during a visit to Greece by the Russian "
                 "defence chief.")
    assert core_pairs(events, "visit") == {("Igor Belov", "GRC")}


def test_an_unnamed_official_paying_a_visit_stands_for_their_state(run):
    events = run("Kuwait's foreign minister paid a rare visit to Tehran late in January.")
    assert core_pairs(events, "visit") == {("KWT", "IRN")}
    assert core_pairs(run("Kuwait's oil tankers paid a visit to Iran."), "visit") == set()


def test_people_listed_as_appositions_of_the_first_each_travel(run):
    events = run("U.S. Secretary of Commerce Anne Price, Permanent Representative to the United Nations Mary Cole and "
                 "National Security Advisor James Hart also arrived in Shanghai Sunday night.")
    assert {("Mary Cole", "CHN"), ("James Hart", "CHN")} < core_pairs(events, "visit")
    events = run("Sergei Lavrov, Russia's foreign minister and a veteran diplomat, arrived in Lima.")
    assert core_pairs(events, "visit") == {("Sergei Lavrov", "PER")}


def test_korea_alone_is_the_korea_the_document_names(run):
    events = run("Hanwha, South Korea's defence firm, expects a contract. Korea's defence minister visited Romania.")
    assert core_pairs(events, "visit") == {("KOR", "ROU")}


def test_weapons_added_to_an_arsenal_are_acquired(run):
    events = run("Qatar and Libya have added the Bayraktar TB2 drones to their military arsenal.")
    assert core_pairs(events, "arms_sale") == {("TUR", "QAT"), ("TUR", "LBY")}
    assert core_pairs(run("The navy added a new chapter to its history."), "arms_sale") == set()


def test_a_state_named_in_several_words_of_a_force_is_its_state(run):
    events = run("The jets also serve the Colombian government. Later, Embraer won a tender to sell 20 Super "
                 "Tucano aircraft to the United States Air Force.")
    assert core_pairs(events, "arms_sale") == {("Embraer", "USA")}


def test_a_states_arms_exporter_sells_its_weapons_only_within_its_paragraph(run):
    near = run("Rheinmetall also makes guns for the German army. Qatar will buy 200 Leopard 2A7 tanks.")
    assert core_pairs(near, "arms_sale") == {("Rheinmetall", "QAT")}
    far = run("Rheinmetall also makes guns for the German army.\n\nQatar will buy 200 Leopard 2A7 tanks.")
    assert core_pairs(far, "arms_sale") == {("DEU", "QAT")}


def test_members_of_a_counted_subject_of_a_willingness_to_recognise_recognise(run):
    events = run("Officials said that several other countries, including Chile, Peru and Uruguay, have also "
                 "indicated their willingness to recognize a Palestinian state.")
    assert core_pairs(events, "recognition") == {("CHL", "PSE"), ("PER", "PSE"), ("URY", "PSE")}


def test_states_listed_after_a_counted_subject_each_recognise(run):
    events = run("Five EU members have already recognised a Palestinian state - Bulgaria, Cyprus, Malta and Poland.")
    assert core_pairs(events, "recognition") == {("BGR", "PSE"), ("CYP", "PSE"), ("MLT", "PSE"), ("POL", "PSE")}
    events = run("Three countries have recognised Kosovo so far: Albania, Turkey and Costa Rica.")
    assert core_pairs(events, "recognition") == {("ALB", "XKX"), ("TUR", "XKX"), ("CRI", "XKX")}
    events = run("Several states have recognised Kosovo: the move angered Serbia and Russia.")
    assert {r for r, _ in core_pairs(events, "recognition")} <= {None}


def test_a_person_pronoun_reaches_back_two_short_paragraphs(run):
    events = run("Foreign Minister Ana Voss of Chile is due in Rome next week.\n\n"
                 "The trip is the second of the year, officials said.\n\n"
                 "In her first tour in May, she visited Kuwait and Qatar.")
    assert {("Ana Voss", "KWT"), ("Ana Voss", "QAT")} <= core_pairs(events, "visit")


def test_the_purpose_of_a_trip_made_happened_as_the_trip_did(run):
    events = run("Deputy Foreign Minister Ana Voss of Chile led a delegation to attend the ASEAN meeting in Bangkok "
                 "last week.")
    assert core_tuples(events, "visit") == {("Ana Voss", "THA", "actual")}
    events = run("Chilean Foreign Minister Ana Voss will fly to Bangkok on Monday to attend the ASEAN meeting.")
    assert core_tuples(events, "visit") == {("Ana Voss", "THA", "planned")}


def test_the_maker_of_a_weapon_delivered_sells_it_when_nothing_else_does(run):
    events = run("The Philippine Navy took delivery of two frigates built by Hyundai Heavy Industries.")
    assert core_pairs(events, "arms_sale") == {("Hyundai Heavy Industries", "PHL")}
    events = run("The US sold Poland 32 F-35s built by Lockheed Martin.")
    assert core_pairs(events, "arms_sale") == {("USA", "POL")}


def test_a_meeting_with_someone_abroad_is_a_trip(run):
    events = run("German Defence Minister Jan Roth discussed the ties in a meeting with his Indonesian counterpart, "
                 "Budi Santoso, in Jakarta.")
    assert core_tuples(events, "visit") == {("Jan Roth", "IDN", "actual")}
    events = run("Chinese Foreign Minister Wang Yi held a meeting with his Brazilian counterpart in Beijing.")
    assert core_pairs(events, "visit") == {("BRA", "CHN")}
    events = run("German Defence Minister Jan Roth will discuss the ties at a meeting with his Indonesian "
                 "counterpart, Budi Santoso, in Jakarta next week.")
    assert core_tuples(events, "visit") == {("Jan Roth", "IDN", "planned")}
    events = run("Indian Petroleum Minister Raj Rao spoke after a cabinet meeting in Paris.")
    assert core_pairs(events, "visit") == set()


def test_a_firm_awarded_a_block_or_licence_invests_in_it(run):
    events = run("Namibia has awarded Shell two offshore blocks.")
    assert core_pairs(events, "energy_investment") == {("Shell", "NAM")}
    events = run("Mauritania awarded the licence for Block 7 to Eni.")
    assert core_pairs(events, "energy_investment") == {("Eni", "MRT")}
    assert core_pairs(run("Namibia has awarded Shell a prize."), "energy_investment") == set()


def test_partners_listed_as_what_a_project_includes_invest_in_it(run):
    events = run("Partners in the Rovuma project in Mozambique include ExxonMobil, Eni and CNPC.")
    assert core_pairs(events, "energy_investment") == {("ExxonMobil", "MOZ"), ("Eni", "MOZ"), ("CNPC", "MOZ")}
    events = run("Other partners in the Area 1 project in Mozambique are Mitsui and PTTEP.")
    assert core_pairs(events, "energy_investment") == {("Mitsui", "MOZ"), ("PTTEP", "MOZ")}


def test_ending_decades_of_ties_withdraws_recognition(run):
    events = run("Honduras established diplomatic relations with China, ending decades of ties with Taiwan.")
    assert core_tuples(events, "recognition") == {("HND", "CHN", "actual"), ("HND", "TWN", "negated")}
    assert core_pairs(run("The war ended decades of peace in Europe."), "recognition") == set()


def test_states_listed_in_a_from_phrase_each_sell(run):
    events = run("Ukraine will receive Leopard 2 tanks from Germany, Poland and Norway.")
    assert core_pairs(events, "arms_sale") == {("DEU", "UKR"), ("POL", "UKR"), ("NOR", "UKR")}


def test_a_tour_covering_states_goes_to_each_and_emplaning_departs(run):
    events = run("Modi will embark on a three-nation tour of Africa covering Kenya, Uganda and Rwanda.")
    assert core_pairs(events, "visit") == {("Modi", "KEN"), ("Modi", "UGA"), ("Modi", "RWA")}
    assert core_pairs(run("Prime Minister Modi emplaned for Tokyo on Friday."), "visit") == {("Modi", "JPN")}
