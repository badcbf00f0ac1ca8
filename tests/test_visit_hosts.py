"""A visit's host: the person its traveller meets on the trip (GUIDELINES: host = PERSON/GPE). Every sentence below is
invented for the test."""

from __future__ import annotations

from newslib import core_tuples

PUB = "2024-03-01"


def _hosts(events) -> set[tuple]:
    """(visitor text, host text) of each visit."""
    return {(e.visitor.text if e.visitor else None, e.host.text if e.host else None)
            for e in events if e.type == "visit"}


def test_the_person_met_for_talks_hosts_the_trip(run):
    events = run("Chilean Foreign Minister Rosa Varela arrived in Canberra on Monday for talks with Prime Minister "
                 "Oliver Strand.")
    assert _hosts(events) == {("Rosa Varela", "Oliver Strand")}


def test_the_person_met_where_the_traveller_went_hosts_the_trip(run):
    events = run("Chilean Foreign Minister Rosa Varela returned on Sunday from Lisbon, where she met President Ines "
                 "Tavares and signed a fisheries accord.")
    assert _hosts(events) == {("Rosa Varela", "Ines Tavares")}


def test_the_one_at_whose_invitation_a_visit_is_paid_hosts_it(run):
    events = run("Chilean Foreign Minister Rosa Varela paid an official visit to Norway from May 2 to 4 at the "
                 "invitation of Foreign Minister Lars Dahl.")
    assert _hosts(events) == {("Rosa Varela", "Lars Dahl")}


def test_a_pronoun_met_is_no_other_person_named_before(run):
    events = run("Pavel Orlov, the oil minister, could not attend. Foreign Minister Ivan Petrov visited Caracas on "
                 "Monday, where President Luis Mora received him at the palace.")
    assert ("Ivan Petrov", "Luis Mora") in _hosts(events)
    assert not any(host == "Pavel Orlov" for _, host in _hosts(events))


def test_a_person_met_in_the_next_sentence_hosts_the_trip(run):
    events = run("French President Paul Girard arrived in Astana on Wednesday. He was met at the airport by "
                 "President Aidar Nurlanov.")
    assert _hosts(events) == {("Paul Girard", "Aidar Nurlanov")}


def test_a_person_met_of_another_state_hosts_nothing(run):
    events = run("Chilean Foreign Minister Rosa Varela arrived in Quito on Monday for talks with Brazilian President "
                 "Joao Pinto.")
    assert _hosts(events) == {("Rosa Varela", None)}


def test_a_fellow_traveller_hosts_nothing(run):
    events = run("Chilean Foreign Minister Rosa Varela arrived in Canberra on Monday for talks with Chilean "
                 "President Juan Soto.")
    assert not any(host for _, host in _hosts(events))


def test_a_traveller_parsed_as_the_inviters_apposition(run):
    events = run(
        "At the invitation of Foreign Minister Ana Costa, Li Wenhai, a member of the Political Bureau and vice "
        "premier of the State Council, will visit Portugal from May 3 to 6, a spokesperson said."
    )
    assert core_tuples(events, "visit") == {("Li Wenhai", "PRT", "planned")}
    assert [e.host.text for e in events if e.type == "visit"] == ["Ana Costa"]


def test_the_french_spelling_of_a_state(run):
    events = run("President Tinubu travelled to Chad and Cameroun last week.")
    assert core_tuples(events, "visit") == {("Tinubu", "TCD", "actual"), ("Tinubu", "CMR", "actual")}
