"""Recognition and status rules from misses on real published news, session 15 (a private development set, never
copied here): every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_tuples

from eventex.stages.resolve import Gazetteer

PUB = "2024-05-20"


def test_a_switch_from_a_to_b_on_the_allegiance_switched(run):
    events = run("Tuvalu has switched its diplomatic allegiance from Taipei to Beijing, officials said on Friday.")
    assert core_tuples(events, "recognition") == {("TUV", "CHN", "actual"), ("TUV", "TWN", "negated")}


def test_a_description_subject_of_the_switching_clause_is_the_switcher_not_the_main_subject(run):
    events = run("Taiwan ended its ties with Kiribati after the island nation chose to switch its recognition from "
                 "Taipei to Beijing.")
    assert {a for a, _, _ in core_tuples(events, "recognition")} == {"KIR"}


def test_a_south_pacific_description_stands_for_a_pacific_state(run):
    events = run("Taipei cut ties with Tonga as the South Pacific kingdom-state switched recognition from Taipei to "
                 "Beijing.")
    assert core_tuples(events, "recognition") == {("TON", "CHN", "actual"), ("TON", "TWN", "negated")}


def test_the_demonym_of_the_state_recognised(run):
    events = run("Malta said on Monday that it will recognise a Palestinian state in June.")
    assert core_tuples(events, "recognition") == {("MLT", "PSE", "planned")}


def test_they_after_a_list_of_states_stands_for_each(run):
    events = run("Belgium, Slovenia and Malta have said they will recognise Palestine next month.")
    assert core_tuples(events, "recognition") == {
        ("BEL", "PSE", "planned"), ("SVN", "PSE", "planned"), ("MLT", "PSE", "planned")}


def test_a_time_adverb_is_no_part_of_the_state_name_after_it(run):
    events = run("Slovenia has recognised Palestine. Today Slovenia and Malta announced that they recognise Palestine "
                 "as a state.")
    assert {a for a, _, _ in core_tuples(events, "recognition")} == {"SVN", "MLT"}


def test_relations_established_with_one_state_and_broken_with_another(run):
    events = run("Nicaragua establishes diplomatic ties with Beijing and breaks off relations with Taipei.")
    assert core_tuples(events, "recognition") == {("NIC", "CHN", "actual"), ("NIC", "TWN", "negated")}


def test_ending_ties_with_taipei_withdraws_its_recognition(run):
    events = run("Kiribati established diplomatic relations with Beijing on Friday and ended its long ties with "
                 "Taipei.")
    assert core_tuples(events, "recognition") == {("KIR", "CHN", "actual"), ("KIR", "TWN", "negated")}


def test_him_goes_back_to_the_name_not_to_the_alias_after_it(run):
    events = run("Mr Rutte congratulated Ghanaian president John Kofi Mensah, known as Kwesi Nkansah, in a phone call, "
                 "praising his reforms and inviting him to visit the Netherlands.")
    assert {e.visitor.text for e in events if e.type == "visit" and e.visitor} == {"John Kofi Mensah"}


def test_a_decision_to_switch_recognition_is_the_switch(run):
    events = run("Kiribati has decided to switch its diplomatic recognition from Taipei to Beijing, its foreign "
                 "ministry said.")
    assert core_tuples(events, "recognition") == {("KIR", "CHN", "actual"), ("KIR", "TWN", "negated")}


def test_relations_between_a_state_and_a_described_would_be_state(run):
    events = run("Ethiopia and the self-declared state of Somaliland established diplomatic relations on Monday.")
    assert core_tuples(events, "recognition") == {("ETH", "XSL", "actual")}


def test_a_place_in_apposition_is_the_object_of_a_relative_with_no_pronoun(run):
    events = run("Minister Ivo Petrovic thanked Ghana, a country he visited last year, for its support.")
    assert {tuple(sorted(d.id for d in e.destination)) for e in events if e.type == "visit"} == {("GHA",)}



def test_car_abbreviates_the_central_african_republic():
    m = Gazetteer().lookup("CAR")
    assert m is not None and m.iso3 == "CAF"


def test_the_formal_style_of_east_timor_with_its_english_name():
    m = Gazetteer().lookup("Democratic Republic of East Timor")
    assert m is not None and m.iso3 == "TLS"


def test_a_correspondent_reporting_from_the_scene_alleges_nothing(run):
    events = run("Ghana established diplomatic relations with Kosovo at a ceremony on Monday, an AFP correspondent "
                 "reported.")
    assert core_tuples(events, "recognition") == {("GHA", "XKX", "actual")}
