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
