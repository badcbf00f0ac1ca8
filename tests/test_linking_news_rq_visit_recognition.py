"""Visit and recognition rules from misses on real published news (a private development set, never copied here):
honorifics and stray stops taken for names, idioms of 'come', a planned stay stated with 'will be in', an
approximate tally of recognizers and the state a copula names as the last one to recognise. Every sentence below is
invented for the test."""

from __future__ import annotations

from eventex.ner.names import repair_names
from eventex.schema import Entity

PUB = "2025-06-01"


def _visits(events: list) -> set[tuple[str | None, tuple[str | None, ...]]]:
    return {(e.visitor.text if e.visitor else None, tuple(d.id for d in e.destination))
            for e in events if e.type == "visit"}


def _recognitions(events: list) -> set[tuple[str | None, tuple[str | None, ...]]]:
    return {(e.recognizer.id if e.recognizer else None, tuple(r.id for r in e.recognized))
            for e in events if e.type == "recognition"}


def test_an_honorific_before_a_title_is_no_name():
    text = "We were glad to welcome H.E. President Lula at the palace."
    ents = [Entity(text="H.E.", start=24, end=28, label="PERSON"), Entity(text="Lula", start=39, end=43,
                                                                           label="PERSON")]
    assert [e.text for e in repair_names(text, ents)] == ["Lula"]


def test_a_stop_run_into_a_name_is_dropped():
    text = "Crowds cheered Mr. Lee in the capital."
    ents = [Entity(text=". Lee", start=17, end=22, label="PERSON")]
    assert [(e.text, e.start) for e in repair_names(text, ents)] == [("Lee", 19)]


def test_coming_to_a_states_rescue_or_to_power_is_no_trip(run):
    events = run("Brazil came to Bolivia's rescue in March with an emergency loan. A new leader came to power in "
                 "Peru in 2021.")
    assert not [e for e in events if e.type == "visit"]


def test_will_be_in_a_place_is_a_planned_visit_and_will_be_in_talks_none(run):
    events = run("Norwegian Foreign Minister Kari Lunde will be in Hanoi on Tuesday for talks on trade.\n\n"
                 "Chile will be in talks with Argentina next month about the border.")
    visits = [e for e in events if e.type == "visit"]
    assert _visits(visits) == {("Kari Lunde", ("VNM",))}
    assert visits[0].status == "planned"


def test_an_approximate_tally_of_recognizers_recognises_only_through_the_states_it_names(run):
    # session 51: the states a tally names recognise, one event each (corpora/GUIDELINES.md, Recognition)
    events = run("More than 90 countries, including Japan and Canada, have recognised Kosovo as a state.")
    assert _recognitions(events) == {("JPN", ("XKX",)), ("CAN", ("XKX",))}
    assert not _recognitions(run("More than 90 countries have recognised Kosovo as a state."))


def test_the_last_country_to_recognise_is_the_predicate_of_the_copula(run):
    events = run("The latest country to recognise Kosovo was Ghana in March 2022.")
    assert _recognitions(events) == {("GHA", ("XKX",))}
