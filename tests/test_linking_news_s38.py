"""Rules from session 38's real-news dev analysis. Every sentence below is invented for the test."""

from __future__ import annotations

import pytest

PUB = "2024-03-01"


def _visits(events):
    return {(e.visitor.text, tuple(d.text for d in e.destination), e.status) for e in events if e.type == "visit"}


@pytest.mark.parametrize(("text", "expected"), [
    # a pronoun that is the passive subject of the verb above the light verb ('is expected to make a visit')
    ("Chilean Foreign Minister Ana Ruiz opened a school on Monday. She is expected to make a visit to Peru by the "
     "end of May.", {("Ana Ruiz", ("Peru",), "planned")}),
    ("Chilean Foreign Minister Ana Ruiz opened a school on Monday. She was invited to pay a visit to Peru.",
     {("Ana Ruiz", ("Peru",), "proposed")}),
])
def test_the_passive_subject_above_a_light_verb_makes_the_visit(run, text, expected):
    assert _visits(run(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Kosovo cancelled its delegation's planned travel to Israel.", {("Kosovo", ("Israel",), "negated")}),
    # guards: travel that no one official makes
    ("The ministry lifted its travel ban on Israel.", set()),
    ("Air travel to Peru resumed in March.", set()),
])
def test_travel_is_a_trip_noun(run, text, expected):
    assert _visits(run(text)) == expected


def test_a_would_be_state_that_establishes_relations_is_recognised_by_its_partners(run):
    events = run("Kosovo sealed diplomatic relations with Britain, France and Turkey on Monday.")
    assert {(e.recognizer.text, tuple(r.text for r in e.recognized), e.status) for e in events
            if e.type == "recognition"} == {(s, ("Kosovo",), "actual") for s in ("Britain", "France", "Turkey")}
    # guard: relations between two established states recognise no one
    assert [e for e in run("Russia established diplomatic relations with Britain.") if e.type == "recognition"] == []


def test_a_recognition_in_the_past_passive_is_an_act(run):
    # (a standing recognition in the present passive names its recognizers too since session 51:
    # tests/test_linking_news_s51.py)
    events = run("Abkhazia was recognized by Russia in August 2008.")
    assert [(e.recognizer.text, e.status) for e in events if e.type == "recognition"] == [("Russia", "actual")]


def test_in_recognition_of_is_an_idiom(run):
    for text in ("Costa Rican President Ana Ruiz said she made the decision in recognition of China's growing "
                 "economic weight.", "Spain gave the award in recognition of Kosovo's efforts."):
        assert [e for e in run(text) if e.type == "recognition"] == []
    # guard: the noun outside the idiom still states a recognition
    events = run("Spain announced its recognition of Kosovo on Monday.")
    assert [(e.recognizer.text, e.status) for e in events if e.type == "recognition"] == [("Spain", "actual")]


def test_a_visit_with_no_host_is_hosted_by_the_leader_of_the_state_visited_named_nearby(run):
    events = run("The Greek prime minister arrived in Ankara on an official visit on Thursday, his office said. The "
                 "agenda of his talks with Recep Tayyip Erdogan covers migration and energy.")
    hosts = [(e.host.text, e.host.implicit) for e in events if e.type == "visit" and e.host is not None]
    assert hosts == [("Recep Tayyip Erdogan", True)]
    # guards: the visitor's own leader hosts no one; a person of no people.tsv office, neither
    events = run("Turkish Foreign Minister Ana Ruiz arrived in Athens on Thursday. Recep Tayyip Erdogan and Pedro "
                 "Silva, a Greek banker, praised the trip.")
    visits = [e for e in events if e.type == "visit"]
    assert visits and all(e.host is None for e in visits)


def test_unnamed_officials_of_listed_states_attend_the_event_of_the_trip_before(run):
    events = run("President Ana Ruiz of Chile arrived in Lima on Sunday for the inauguration of Peru's new president. "
                 "The Presidents of Bolivia, Ecuador and Uruguay will also attend the event.")
    assert _visits(events) == {("Ana Ruiz", ("Lima",), "actual"), ("Bolivia", ("Lima",), "planned"),
                               ("Ecuador", ("Lima",), "planned"), ("Uruguay", ("Lima",), "planned")}
    # guard: 'the event' with no trip before it goes nowhere
    assert _visits(run("The Presidents of Bolivia and Ecuador will also attend the event.")) == set()


def test_the_signers_of_a_memorandum_of_understanding_on_cooperation_in_exploration_invest(run):
    events = run("Italy's Eni signed a memorandum of understanding on cooperation in the exploration of the Berkine "
                 "oil field in Algeria.")
    assert {(e.investor.text, e.host_country.text, e.status) for e in events if e.type == "energy_investment"} == {
        ("Eni", "Algeria", "proposed")}


def test_moving_to_act_and_being_among_the_first_to_act_are_acts(run):
    events = run("Kosovo moved quickly on Monday to seal diplomatic relations with Britain and France.")
    assert {(e.recognizer.text, e.status) for e in events if e.type == "recognition"} == {
        ("Britain", "actual"), ("France", "actual")}
    events = run("He recalled that Senegal had been among the first countries to recognize Kosovo in 2008.")
    assert [(e.recognizer.text, e.status) for e in events if e.type == "recognition"] == [("Senegal", "actual")]
    # guard: 'is to' still plans
    events = run("Venezuela is to receive 24 Su-30 jets from Russia.")
    assert [e.status for e in events if e.type == "arms_sale"] == ["planned"]


def test_in_the_market_for_a_weapon_is_a_proposed_purchase(run):
    events = run("Peru is in the market for used F-16 fighters.")
    assert [(e.buyer[0].text, e.weapon.text, e.status) for e in events if e.type == "arms_sale"] == [
        ("Peru", "F-16 fighters", "proposed")]
    assert [e for e in run("Investors are in the market for bonds.") if e.type == "arms_sale"] == []  # guard


def test_a_buyer_rejecting_a_weapon_negates_its_sale(run):
    events = run("India rejects Swedish Gripen fighter jets in favour of the Rafale.")
    assert {(e.seller.text, e.buyer[0].text, e.status) for e in events if e.type == "arms_sale"} >= {
        ("Swedish", "India", "negated")}
    assert [e for e in run("Colombia rejected the proposal.") if e.type == "arms_sale"] == []  # guard: no weapon


def test_a_comma_splice_parsed_as_a_complement_fills_no_role_of_a_verb_with_its_own_object(run):
    events = run("Brazil, Chile and Peru formally recognised Kosovo on Monday, more countries, including Mexico, "
                 "Bolivia, and Ecuador, are expected to follow suit at the summit this week.")
    assert {(e.recognizer.text, tuple(r.text for r in e.recognized), e.status) for e in events
            if e.type == "recognition" and e.status == "actual"} == {
        (s, ("Kosovo",), "actual") for s in ("Brazil", "Chile", "Peru")}


def test_no_state_in_a_by_phrase_is_the_one_recognised(run):
    events = run("Paraguay recognizes opposition leader Juan Guaido as the interim president of Venezuela. The "
                 "recognition by U.S. ally Paraguay, the first in the region, followed recognition by Canada and "
                 "Brazil.")
    recognised = {r.id for e in events if e.type == "recognition" for r in e.recognized}
    assert recognised == {"VEN"}


def test_recognitions_by_listed_states_recognise_what_the_recognition_before_did(run):
    events = run("Paraguay recognizes opposition leader Juan Guaido as the interim president of Venezuela. The "
                 "recognition by U.S. ally Paraguay came within hours and followed recognition by Canada and Brazil.")
    assert {(e.recognizer.text, e.recognized[0].id) for e in events if e.type == "recognition"} == {
        ("Paraguay", "VEN"), ("Canada", "VEN"), ("Brazil", "VEN")}
