"""Wire-copy, title and recognition rules from misses on real published news, session 16 (a private development set,
never copied here): every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_tuples

from eventex.ner.names import office_title
from eventex.schema import Entity

PUB = "2023-03-14"


def test_a_dated_colon_dateline_is_no_visitor(run):
    events = run("KARACHI, March 14 (NNA): Foreign Minister Omar Haidari is paying an official visit to Qatar from "
                 "today at the invitation of his counterpart.")
    assert core_tuples(events, "visit") == {("Omar Haidari", "QAT", "actual")}


def test_a_headline_takes_the_status_of_its_lede(run):
    events = run("Minister to visit Qatar today\n\nKARACHI, March 14 (NNA): Foreign Minister Omar Haidari is paying a "
                 "two-day visit to Qatar from today, the ministry said.")
    assert core_tuples(events, "visit") == {("Omar Haidari", "QAT", "actual")}


def test_an_honorific_is_no_part_of_the_name(run):
    events = run("Prime Minister Hon. Tevita Lomu has arrived in Canberra for an official visit to Australia.")
    assert core_tuples(events, "visit") == {("Tevita Lomu", "AUS", "actual")}


def test_a_coordinated_title_taken_for_an_organisation_leaves_the_person_the_visitor(run):
    events = run("Brazilian State Councilor and Foreign Minister Ana Ribeiro will pay an official visit to Chile and "
                 "Peru next week, the ministry said.")
    assert core_tuples(events, "visit") == {("Ana Ribeiro", "CHL", "planned"), ("Ana Ribeiro", "PER", "planned")}


def test_an_office_title_is_no_organisation_but_an_office_is():
    def org(text: str) -> Entity:
        return Entity(text=text, start=0, end=len(text), label="ORG")

    assert office_title(org("Chinese State Councilor"))
    assert not office_title(org("Office of the President"))
    assert not office_title(org("Minister"))


def test_an_acronym_given_as_an_alias_after_or_is_the_same_firm(run):
    events = run("Petrolia Energy Limited, or PEL, signed a deal on Monday to buy a 20 percent stake in a gas field "
                 "in Tanzania. PEL will operate the field from 2025.")
    investors = {e.investor.canonical or e.investor.text for e in events if e.type == "energy_investment"}
    assert investors == {"Petrolia Energy Limited"}


def test_recognition_extended_to_a_state_as_a_sovereign_state(run):
    events = run("The Ugandan government extended formal recognition to Kosovo as a sovereign state on Monday.")
    assert core_tuples(events, "recognition") == {("UGA", "XKX", "actual")}


def test_recognition_without_recognising_is_negated(run):
    events = run("Belarus voiced support for Abkhazia on Friday without formally recognising it.")
    assert core_tuples(events, "recognition") == {("BLR", "XAB", "negated")}


def test_a_coordinated_recognition_takes_the_subject_of_its_first_verb(run):
    events = run("The island republic of Vanuatu has established diplomatic relations and recognised South Ossetia.")
    assert ("VUT", "XSO", "actual") in core_tuples(events, "recognition")


def test_an_agency_relaying_a_named_official_alleges_nothing(run):
    events = run("Cuban President Miguel Diaz said on Friday that Cuba would recognize Kosovo, AFP reported.")
    assert core_tuples(events, "recognition") == {("CUB", "XKX", "planned")}


def test_an_agency_relaying_unnamed_sources_still_alleges(run):
    events = run("Sources said on Tuesday that Vanuatu would recognise Kosovo, AFP reported.")
    assert core_tuples(events, "recognition") == {("VUT", "XKX", "alleged")}


def test_the_defence_minister_stands_for_the_one_named_so(run):
    events = run("Defence Minister Lena Haugen met her Indian counterpart on Monday. The defence minister will visit "
                 "Japan next month.")
    assert ("Lena Haugen", "JPN", "planned") in core_tuples(events, "visit")


def test_a_warm_welcome_received_abroad_is_an_arrival(run):
    events = run("President Jane Roe received a warm welcome at the international airport in Accra on Monday.")
    assert core_tuples(events, "visit") == {("Jane Roe", "GHA", "actual")}


def test_an_agency_colon_dateline_names_the_place_of_here(run):
    events = run("NAIROBI (KNA): Danish Defence Minister Lars Holm arrived here late on Saturday for a three-day stay.")
    assert core_tuples(events, "visit") == {("Lars Holm", "KEN", "actual")}


def test_talks_held_on_a_trip_are_that_trip(run):
    events = run("NAIROBI (KNA): Danish Defence Minister Lars Holm arrived here late on Saturday for a three-day stay. "
                 "He will hold talks with his Kenyan counterpart on Monday, officials said.")
    assert core_tuples(events, "visit") == {("Lars Holm", "KEN", "actual")}


def test_a_trip_first_named_by_reference_takes_the_status_of_the_trip_told_after(run):
    events = run("The visit comes two days ahead of Finnish Foreign Minister Aino Virta's three-day trip to Kenya. "
                 "Virta is scheduled to arrive in Nairobi on Tuesday.")
    assert core_tuples(events, "visit") == {("Aino Virta", "KEN", "planned")}


def test_a_headline_infinitive_parsed_as_a_relative_clause_keeps_its_subject(run):
    events = run("U.S. to transfer frigate to Kenya navy\n\nBy JOHN SMITH | THE HERALD Published: May 2, 2011\n\n"
                 "Kenya will add a ship to its fleet next year.")
    assert core_tuples(events, "arms_sale") == {("USA", "KEN", "planned")}


def test_a_state_body_rejecting_a_document_that_recognises_negates_its_recognition(run):
    events = run("The Greek cabinet formally rejected signing a declaration unilaterally recognizing Kosovo.")
    assert core_tuples(events, "recognition") == {("GRC", "XKX", "negated")}
