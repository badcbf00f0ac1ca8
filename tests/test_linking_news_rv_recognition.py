"""Recognition rules from misses on real published news (a private development set, never copied here): every
sentence below is invented for the test."""

from __future__ import annotations

PUB = "2025-06-01"


def _recognitions(events) -> set[tuple]:
    """(recognizer id, recognised id, status) of each recognition."""
    return {(e.recognizer.id, r.id, e.status) for e in events if e.type == "recognition" for r in e.recognized}


def test_a_list_of_agents_whose_second_member_is_parsed_as_an_apposition_gives_one_recognition_each(run):
    events = run("Russia recognized Kosovo and Transnistria in 2009. Later, the two regions' independence was "
                 "recognized by Syria, Nauru, Tonga and Palau.")
    pairs = {(a, b) for a, b, _ in _recognitions(events)}
    assert {(a, b) for a in ("SYR", "NRU", "TON", "PLW") for b in ("XKX", "XTR")} <= pairs


def test_the_owner_of_a_passive_status_noun_is_recognised(run):
    events = run("Russia recognized Kosovo and Transnistria in 2009. Later, the two regions' independence was "
                 "recognised by Peru.")
    assert {("PER", "XKX", "actual"), ("PER", "XTR", "actual")} <= _recognitions(events)


def test_a_high_ordinal_ranks_a_recognition_that_happened(run):
    events = run("Fiji has become the sixth state to recognise Kosovo, the ministry said.")
    assert _recognitions(events) == {("FJI", "XKX", "actual")}


def test_a_formal_style_with_a_descriptive_word_names_the_state(run):
    events = run("The small Pacific Republic of Palau has become the seventh country to recognise Transnistria, its "
                 "foreign minister said on Monday.")
    assert _recognitions(events) == {("PLW", "XTR", "actual")}


def test_relations_with_beijing_take_no_partner_from_a_subordinate_clause(run):
    events = run("Beijing and Gambia established diplomatic relations on Friday, three days after the African "
                 "nation severed ties with Taiwan.")
    assert ("GMB", "CHN", "actual") in _recognitions(events)


def test_two_states_that_sign_an_accord_to_establish_relations_recognise_the_new_one(run):
    events = run("Eritrea and Chile on Tuesday signed an accord to establish full diplomatic relations.")
    assert {(a, b) for a, b, _ in _recognitions(events)} == {("CHL", "ERI")}
