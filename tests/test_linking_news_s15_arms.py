"""Arms sales in news language (session 15, real-news misses; every sentence is invented): hearsay raising verbs,
talks between two states on a transfer, and a buyer's choice of a supplier."""

from __future__ import annotations

from newslib import core_pairs, core_tuples

PUB = "2025-06-01"


def test_a_buyer_said_to_be_interested_is_found_through_the_raising_verb(run):
    events = run("Kenya is said to be interested in buying Turkish drones.")
    assert core_tuples(events, "arms_sale") == {("TUR", "KEN", "alleged")}


def test_a_buyer_believed_to_have_bought_is_alleged(run):
    events = run("Nigeria is believed to have bought Chinese tanks last year.")
    assert core_tuples(events, "arms_sale") == {("CHN", "NGA", "alleged")}


def test_talks_between_two_states_on_supplies_of_a_known_weapon(run):
    events = run("The minister said that talks between Warsaw and Washington on supplies of F-35 jets went well.")
    assert core_pairs(events, "arms_sale") == {("USA", "POL")}


def test_negotiations_between_two_states_on_the_purchase_of_a_known_weapon(run):
    events = run("Negotiations between Cairo and Paris on the purchase of more Rafale jets resumed in May.")
    assert core_pairs(events, "arms_sale") == {("FRA", "EGY")}


def test_a_government_picking_a_firm_for_a_deal_buys_from_it(run):
    events = run("Last month the Greek government picked Naval Group for a frigate contract.")
    assert core_tuples(events, "arms_sale") == {("Naval Group", "GRC", "planned")}


def test_a_state_selecting_a_firms_weapon_buys_it_from_the_firm(run):
    events = run("Estonia selected Hanwha's K9 howitzers in 2018.")
    assert core_pairs(events, "arms_sale") == {("Hanwha", "EST")}


def test_a_firm_selected_by_a_state_sells_to_it(run):
    events = run("Saab was selected by Thailand for the new fighter jets.")
    assert core_tuples(events, "arms_sale") == {("Saab", "THA", "planned")}


def test_pilots_selected_for_training_are_no_sale(run):
    assert core_pairs(run("Poland selected ten pilots for training on the aircraft."), "arms_sale") == set()


def test_a_rival_passed_over_is_not_the_weapon_chosen(run):
    events = run("Manila picks the Gripen over the F-16.")
    assert core_pairs(events, "arms_sale") == {("SWE", "PHL")}


def test_a_rival_the_parser_takes_for_an_object_is_not_sold(run):
    assert ("USA", "PER") not in core_pairs(run("Peru picks Gripen E/F over F-16 Block 70"), "arms_sale")


def test_the_maker_named_as_the_weapon_table_names_it_sells_not_its_division(run):
    text = (
        "Embraer said on Monday that its order book had grown, according to a statement by Embraer Defense & "
        "Security. Hungary took delivery of its second C-390 transport aircraft in May."
    )
    assert core_pairs(run(text), "arms_sale") == {("Embraer", "HUN")}


def test_a_leaders_administration_sells_for_the_leaders_state(events_of):
    events = events_of("The Trump administration decided to sell armed drones to Morocco.", "2020-12-01")
    assert core_pairs(events, "arms_sale") == {("USA", "MAR")}


def test_an_arms_package_for_a_state_is_a_sale_to_it(run):
    events = run("Washington approved a $2 billion arms package for Taiwan on Friday.")
    assert core_pairs(events, "arms_sale") == {("USA", "TWN")}


def test_a_security_assistance_package_is_no_arms_package(run):
    events = run("Washington announced a $2 billion security assistance package for Taiwan on Friday.")
    assert core_pairs(events, "arms_sale") == set()


def test_the_firm_naming_the_unit_awarded_a_deal_sells(run):
    events = run("The Spanish army awarded its General Dynamics Santa Barbara unit a deal for 40 Leopard tanks.")
    assert ("General Dynamics Santa Barbara", "ESP") in core_pairs(events, "arms_sale")


def test_over_before_a_count_or_in_the_trigger_is_no_rival(run):
    events = run("Russia delivered over 100 T-90 tanks to India. Lisbon handed over patrol boats to Angola.")
    assert core_pairs(events, "arms_sale") == {("RUS", "IND"), ("PRT", "AGO")}


def test_a_pronoun_subject_of_the_main_clause_is_no_nearer_than_its_own_position(run):
    events = run("When France announced plans to sell twelve frigates to Greece, it angered Turkey.")
    assert core_pairs(events, "arms_sale") == {("FRA", "GRC")}


def test_a_leaders_administration_sells_though_a_pronoun_follows(events_of):
    text = "When the Obama administration agreed to sell attack helicopters to Iraq, it surprised many in Congress."
    assert core_pairs(events_of(text, "2014-01-20"), "arms_sale") == {("USA", "IRQ")}


def test_receiving_weapons_is_no_visit_of_the_person_quoted(run):
    events = run("The contract will see Croatia receive six single-seat and two two-seat jets by 2027, according to "
                 "Saab chief executive Anna Berg.")
    assert [e for e in events if e.type == "visit"] == []


def test_receiving_a_guest_is_still_a_visit(run):
    events = run("Putin received Erdogan in Sochi on Monday.")
    assert [e.type for e in events] == ["visit"]


def test_units_of_a_weapon_that_arrive_make_no_visit_of_their_maker(run):
    events = run("Hyundai Rotem’s K2 battle tanks arrive in Poland\n\nThe first ten units of Hyundai Rotem’s K2 battle "
                 "tanks have arrived in Poland, according to a statement from the country’s army.")
    assert [e for e in events if e.type == "visit"] == []


def test_the_pentagons_arms_sales_agency_stands_for_the_united_states(run):
    events = run("The Defense Security Cooperation Agency said Qatar was cleared to buy ten more Apache helicopters.")
    assert core_pairs(events, "arms_sale") == {("USA", "QAT")}
