"""Rules from session 45's probes of common news constructions. Every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_pairs, core_tuples, ent

from eventex.document import Document
from eventex.ner.names import repair_names, weapon_misread
from eventex.stages.resolve import Resolver

PUB = "2024-07-01"


def _sales(events):
    return core_pairs(events, "arms_sale")


def _visits(events):
    return core_pairs(events, "visit")


def _investments(events):
    return core_pairs(events, "energy_investment")


def test_a_firm_contract_with_a_government_sells_to_its_state(run):
    # the nationality on 'government' is the buyer, and the firm's 'acquisition' is not bought by the firm
    events = run("Kestrel Shipbuilding Ltd signed a contract with the Indian government for the acquisition of six "
                 "Scorpene submarines.")
    assert _sales(events) == {("Kestrel Shipbuilding Ltd", "IND")}
    events = run("Kestrel Shipbuilding Ltd signed a contract with the Hungarian defence ministry for 40 Lynx vehicles.")
    assert _sales(events) == {("Kestrel Shipbuilding Ltd", "HUN")}
    # guard: a state's 'with' partner sells to it as before
    assert _sales(run("Egypt signed a contract with the French government for the acquisition of 30 Rafale "
                      "jets.")) == {("FRA", "EGY")}


def test_coordinated_signers_with_a_buyer_of_the_first_ones_state(run):
    # the Rafale's maker state sells; the navy named as the user belongs to the other signer
    events = run("India and France signed an agreement for 26 Rafale Marine jets for the Indian Navy.")
    assert _sales(events) == {("FRA", "IND")}


def test_a_deal_acted_on_by_an_agent(run):
    events = run("The contract with Kestrel Shipbuilding Ltd for four submarines was cancelled by Canberra in 2021.")
    assert core_tuples(events, "arms_sale") == {("Kestrel Shipbuilding Ltd", "AUS", "negated")}


def test_a_state_official_due_somewhere_visits_it(run):
    assert _visits(run("Vietnam's president is due in Tokyo next week for a four-day visit, officials "
                       "said.")) == {("VNM", "JPN")}


def test_a_capital_named_by_its_nationality_as_the_object(run):
    for verb in ("reached", "visited"):
        events = run(f"Indian Prime Minister Narendra Modi {verb} the Ukrainian capital on Friday by train.")
        assert _visits(events) == {("Narendra Modi", "UKR")}, verb


def test_a_headline_acronym_is_the_firm_named_in_full_below(run):
    # one investment: the headline's 'CNOCC' is the body's China Northern Offshore Coal Corporation
    events = run("CNOCC to take stake in Guyana block\nChina Northern Offshore Coal Corporation will acquire a 25% "
                 "interest in the Stabroek block offshore Guyana.")
    investors = {e.investor.canonical or e.investor.text for e in events if e.type == "energy_investment"}
    assert investors == {"China Northern Offshore Coal Corporation"}


def test_talks_on_the_supply_of_a_weapon(run):
    events = run("Kestrel Shipbuilding Ltd is in talks with Indonesia on the supply of Su-35 fighters.")
    assert core_tuples(events, "arms_sale") == {("Kestrel Shipbuilding Ltd", "IDN", "proposed")}


def test_a_ship_built_for_a_state_body(run):
    events = run("Spain's Kestrel Shipbuilding Ltd will build four frigates for the Saudi navy.")
    assert _sales(events) == {("Kestrel Shipbuilding Ltd", "SAU")}


def test_a_dam_lies_where_its_demonym_says(run):
    events = run("The Chinese consortium will hold a 49 percent stake in the Ethiopian dam project.")
    assert _investments(events) == {("CHN", "ETH")}


def test_a_firm_noun_subject_leaves_an_asset(run):
    events = run("The Indian company pulled out of the Iranian gas field in 2019 under US sanctions.")
    assert core_tuples(events, "energy_investment") == {("IND", "IRN", "negated")}


def test_a_weapon_mention_opening_with_an_energy_unit_is_an_asset():
    text = "It will build a 1.5 GW wind farm."
    fixed = weapon_misread(text, ent(text, "GW wind farm", "WEAPON"))
    assert (fixed.text, fixed.label) == ("wind farm", "ENERGY_ASSET")
    # guard: a weapon's name is left alone
    assert weapon_misread(text, ent(text, "wind", "WEAPON")).label == "WEAPON"


def test_the_state_of_an_official_named_by_office_pays_the_visit(run):
    events = run("The Minister of Foreign Affairs of Viet Nam will make an official visit to Cambodia next week.")
    assert _visits(events) == {("VNM", "KHM")}


def test_a_headline_visit_noun_is_the_named_persons(run):
    assert _visits(run("Hungary's Orban visits Beijing in surprise trip")) == {("Orban", "CHN")}


def test_named_members_of_those_withdrawing_recognition(run):
    events = run("Serbia has persuaded several countries to withdraw their recognition of Kosovo, including Togo and "
                 "Suriname.")
    assert core_tuples(events, "recognition") == {("TGO", "XKX", "negated"), ("SUR", "XKX", "negated")}


def test_a_deal_for_weapons_from_a_firm_signed_by_a_state(run):
    events = run("A $2.5 billion deal for 31 MQ-9B drones from Kestrel Shipbuilding Ltd was signed by India on "
                 "Tuesday.")
    assert _sales(events) == {("Kestrel Shipbuilding Ltd", "IND")}
    events = run("India signed a $2.5 billion deal for 31 drones from Kestrel Shipbuilding Ltd on Tuesday.")
    assert _sales(events) == {("Kestrel Shipbuilding Ltd", "IND")}


def test_an_export_verb_decides_the_sides_even_back_to_the_maker(run):
    events = run("Japan will export Patriot missiles to the United States, reversing a long-standing ban.")
    assert _sales(events) == {("JPN", "USA")}
    # guard: a deal noun between a buyer and the maker's state is still bought from the maker
    assert _sales(run("Egypt signed a deal with France for 30 Rafale jets.")) == {("FRA", "EGY")}


def test_negotiations_in_a_place_are_talks(run):
    events = run("In the framework of the visit, President Mirziyoyev will hold negotiations with Chancellor Scholz in "
                 "Berlin.")
    assert _visits(events) == {("Mirziyoyev", "DEU")}


def test_a_headline_trip_for_a_visit(run):
    # the parser reads 'heads' as a noun: the visit noun takes the place the 'for' phrase's head goes 'to'
    assert _visits(run("Modi heads to US for state visit")) == {("Modi", "USA")}


def test_a_dateline_dash_left_on_a_name_is_not_part_of_it():
    text = "Plant news\n\nTASHKENT - Kestrel Atom poured the first concrete."
    out = repair_names(text, [ent(text, "TASHKENT", "GPE"), ent(text, "- Kestrel Atom", "ORG")])
    assert [(e.text, e.label) for e in out] == [("TASHKENT", "GPE"), ("Kestrel Atom", "ORG")]
    # guard: a hyphen inside a name stays
    text = "Timor-Leste signed."
    assert [e.text for e in repair_names(text, [ent(text, "Timor-Leste", "GPE")])] == ["Timor-Leste"]


def test_a_known_firm_of_two_words_tagged_weapon_is_a_firm():
    text = "The ministry signed a contract with Israel's Elbit Systems for 30 light tanks and a Bayraktar TB2."
    doc = Resolver()(Document(text=text, entities=[ent(text, "Elbit Systems", "WEAPON"),
                                                    ent(text, "Bayraktar TB2", "WEAPON")]))
    assert [(e.text, e.label) for e in doc.entities] == [("Elbit Systems", "ORG"), ("Bayraktar TB2", "WEAPON")]


def test_a_description_in_apposition_to_a_name_refers_to_no_other_state(run):
    events = run("Serbia says Grenada has withdrawn its recognition of Kosovo, the 19th country to do so.")
    assert core_tuples(events, "recognition") == {("GRD", "XKX", "negated")}
