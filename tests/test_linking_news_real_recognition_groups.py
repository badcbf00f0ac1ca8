"""Visit and recognition rules from real-news misses (third set): a thing received or welcomed is no guest, a
people of no state recognises nothing, a pronoun above a counted group is no recognizer, the owner of a decision
to cut ties is the one cutting them, the recognition a verb switches is no event of its own, a gerund before a
title names a traveller ("visiting Kenyan President …"), a relative clause of a counted group takes no
subject from above, and a counterpart from a state places a visit."""

from __future__ import annotations

PUB = "2024-03-01"


def _recognitions(events) -> set[tuple]:
    """(recognizer id, recognized id, status) of the recognitions."""
    return {
        (e.recognizer.id if e.recognizer else None, d.id, e.status)
        for e in events if e.type == "recognition" for d in e.recognized
    }


def _visits(events) -> set[tuple]:
    """(visitor text, destination id) of the visits."""
    return {(e.visitor.text, d.id) for e in events if e.type == "visit" for d in e.destination}


def test_a_thing_received_is_no_guest(run):
    events = run("Fijian Prime Minister Sitiveni Rabuka arrived in Jakarta on Monday. Indonesia's Foreign Ministry "
                 "received a letter from the Samoan Prime Minister, Retno Marsudi said.")
    assert _visits(events) == {("Sitiveni Rabuka", "IDN")}


def test_a_thing_welcomed_is_no_guest(run):
    events = run("Kenya welcomed the move, Ugandan Foreign Minister Jeje Odongo said on Monday.")
    assert not _visits(events)


def test_a_people_of_no_state_recognises_nothing(run):
    events = run("Today no Asian country recognizes Somaliland, the minister in Hargeisa noted.")
    assert not [e for e in events if e.type == "recognition"]


def test_a_speaker_above_a_counted_group_is_no_recognizer(run):
    events = run("Foreign Minister Ana Torres held talks in Lima with her Peruvian colleague.\n"
                 "\"Over the last ten years some thirty states have withdrawn recognition of the SADR, which "
                 "fulfils no test of statehood,\" she said.")
    assert not _recognitions(events)


def test_the_owner_of_a_decision_to_cut_ties_cuts_them(run):
    events = run("Beijing welcomed Tuvalu's decision to sever diplomatic ties with Taiwan.")
    assert _recognitions(events) == {("TUV", "TWN", "negated")}


def test_the_recognition_a_verb_switches_is_no_event_of_its_own(run):
    events = run("Tuvalu announced that it was switching its diplomatic recognition from Taipei to Beijing.")
    assert not {r for r in _recognitions(events) if r[0] == "TWN"}


def test_a_gerund_before_a_title_names_the_traveller(run):
    events = run("Three memoranda were initialled as visiting Kenyan President William Ruto looked on with his "
                 "Ghanaian counterpart Nana Akufo-Addo.")
    assert _visits(events) == {("William Ruto", "GHA")}
    events = run("Brazil and Chile signed a trade accord on Friday.\n"
                 "The accord was signed in Brasilia by visiting Chilean President Gabriel Boric.")
    assert _visits(events) == {("Gabriel Boric", "BRA")}


def test_a_relative_clause_of_a_counted_group_takes_no_subject_from_above(run):
    events = run("Belgrade withdrew its ambassadors from all 25 states that recognised Kosovo's secession.")
    assert not _recognitions(events)


def test_a_counterpart_from_a_state_places_the_visit(run):
    events = run("On Tuesday, President Emmanuel Macron will be welcomed by his counterpart from Senegal, Bassirou "
                 "Diomaye Faye.")
    assert _visits(events) == {("Emmanuel Macron", "SEN")}


def test_a_counterpart_from_a_state_run_together_with_the_host_name(run):
    events = run("On Friday, Prime Minister Petr Fiala will be received by his counterpart from the Republic of Cape "
                 "Verde Ulisses Correia e Silva.")
    assert _visits(events) == {("Petr Fiala", "CPV")}


def test_recognition_that_came_from_a_list_of_states_is_one_recognition_each(run):
    events = run("South Sudan declared independence on Saturday. Recognition also came from Kenya, Ghana and Peru.")
    assert _recognitions(events) == {("KEN", "SSD", "actual"), ("GHA", "SSD", "actual"), ("PER", "SSD", "actual")}
    events = run("South Sudan declared independence on Saturday. Statements of recognition came from Kenya.")
    assert _recognitions(events) == {("KEN", "SSD", "actual")}


def test_their_countries_after_a_list_of_states_stand_for_each_of_them(run):
    events = run("The leaders of Chile, Peru and Ghana declared that their countries would formally recognise a "
                 "Palestinian state within days.")
    assert _recognitions(events) == {("CHL", "PSE", "planned"), ("PER", "PSE", "planned"), ("GHA", "PSE", "planned")}


def test_an_antecedent_listed_by_include_or_be_stands_for_the_names_listed(run):
    # each listed state recognises; before session 49 the relative clause's subject ('countries') named no one
    events = run("Countries that have recognised Palestine this year include Ireland, Norway and Spain.")
    assert _recognitions(events) == {("IRL", "PSE", "actual"), ("NOR", "PSE", "actual"), ("ESP", "PSE", "actual")}
    events = run("The ministry's list of states that recognised Kosovo last year includes Ghana and Togo.")
    assert _recognitions(events) == {("GHA", "XKX", "actual"), ("TGO", "XKX", "actual")}
    events = run("The first country that recognised Kosovo was Costa Rica.")
    assert _recognitions(events) == {("CRI", "XKX", "actual")}


def test_an_antecedent_of_another_verb_stands_for_no_name(run):
    # guard: 'countries that recognised Kosovo' is the object of 'thanked', so Ghana recognises nothing
    events = run("Countries that have recognised Kosovo thanked Ghana for its mediation.")
    assert _recognitions(events) == set()
