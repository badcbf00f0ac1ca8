"""Rules from session 51's real-news analysis. Every sentence below is invented for the test."""

from __future__ import annotations

import pytest

PUB = "2025-06-01"


def _recognitions(events):
    return {(e.recognizer.id if e.recognizer else None, tuple(r.id for r in e.recognized), e.status)
            for e in events if e.type == "recognition"}


@pytest.mark.parametrize(("text", "expected"), [
    # an approximate count with examples on it
    ("More than 140 countries, including Brazil, India and Chile, recognise Palestine.",
     {("BRA", ("PSE",), "actual"), ("IND", ("PSE",), "actual"), ("CHL", ("PSE",), "actual")}),
    # 'among them' after the object, hung on the verb
    ("Belgrade says 18 states have withdrawn their recognition of Kosovo, among them Togo and Grenada.",
     {("TGO", ("XKX",), "negated"), ("GRD", ("XKX",), "negated")}),
    # 'including' hung by the parser on the object
    ("Ten countries have recognised Somaliland, including Taiwan.", {("TWN", ("XSL",), "actual")}),
    # the subject of 'be among' a counted noun the trigger's relative clause describes
    ("Spain, Ireland and Norway are among the 147 countries that recognise Palestine.",
     {("ESP", ("PSE",), "actual"), ("IRL", ("PSE",), "actual"), ("NOR", ("PSE",), "actual")}),
    # a partitive in the passive's agent
    ("Palestine is now recognised by 147 of the 193 UN member states, including China and Russia.",
     {("CHN", ("PSE",), "actual"), ("RUS", ("PSE",), "actual")}),
    # the trigger coordinated with a verb whose subject is another state
    ("Kosovo declared independence in 2008 and has been recognised by more than 100 countries, among them "
     "the United States and Japan.", {("USA", ("XKX",), "actual"), ("JPN", ("XKX",), "actual")}),
    # a standing recognition in the simple present passive names its recognizers
    ("Abkhazia is recognized by Russia, Nicaragua and Venezuela.",
     {("RUS", ("XAB",), "actual"), ("NIC", ("XAB",), "actual"), ("VEN", ("XAB",), "actual")}),
])
def test_the_states_a_tally_of_recognizers_names_each_recognise(run, text, expected):
    assert _recognitions(run(text)) == expected


def test_a_tally_that_names_no_state_or_examples_of_another_noun_is_no_event(run):
    # guards: no state named, or the examples are of what is recognised
    assert _recognitions(run("More than 140 countries recognise Palestine.")) == set()
    assert _recognitions(run("The decision means the territory has only 13 states left that recognise it.")) == set()
    assert _recognitions(run("Ten countries have recognised breakaway regions, including Abkhazia.")) == set()


def test_the_subject_ranked_by_a_withdrawal_drops_and_a_for_phrase_names_the_rival(run):
    assert _recognitions(run("Honduras became the latest country to abandon Taipei.")) == {
        ("HND", ("TWN",), "negated")}
    assert _recognitions(run("Honduras became the latest country to abandon Taipei for Beijing.")) == {
        ("HND", ("TWN",), "negated"), ("HND", ("CHN",), "actual")}
    assert _recognitions(run("Honduras cut ties with Taipei for Beijing in March.")) == {
        ("HND", ("TWN",), "negated"), ("HND", ("CHN",), "actual")}
    # guard: a 'for' phrase that names no rival of the pair adds nothing
    assert _recognitions(run("Honduras dropped Taipei for good.")) == {("HND", ("TWN",), "negated")}


@pytest.mark.parametrize(("text", "expected"), [
    # losing an ally to the rival: the ally withdraws its recognition of the subject and recognises the rival
    ("Taiwan lost Nauru to China in January.", {("NRU", ("CHN",), "actual"), ("NRU", ("TWN",), "negated")}),
    ("Taiwan has lost ten allies to Beijing since 2016, including Panama and Honduras.",
     {("PAN", ("CHN",), "actual"), ("PAN", ("TWN",), "negated"),
      ("HND", ("CHN",), "actual"), ("HND", ("TWN",), "negated")}),
    # winning an ally from the rival, named or not
    ("Beijing has poached Honduras from Taipei.", {("HND", ("CHN",), "actual"), ("HND", ("TWN",), "negated")}),
    ("Beijing lured Nauru away from Taipei.", {("NRU", ("CHN",), "actual"), ("NRU", ("TWN",), "negated")}),
    ("China won over Panama in 2017.", {("PAN", ("CHN",), "actual"), ("PAN", ("TWN",), "negated")}),
])
def test_losing_or_winning_an_ally_between_beijing_and_taipei_is_a_switch(run, text, expected):
    assert _recognitions(run(text)) == expected


def test_losing_or_winning_outside_the_pair_is_no_recognition(run):
    # guards: the verbs are common, only a state of the pair as the subject makes a switch
    for text in ("Russia lost Ukraine to the West.", "Taiwan lost the match to China.",
                 "The company lured investors away from London.", "He won over voters in Texas."):
        assert _recognitions(run(text)) == set()
