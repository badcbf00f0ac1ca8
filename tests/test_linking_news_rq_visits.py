"""Visit rules from misses on real published news (round rq, a private development set, never copied here): every
sentence below is invented for the test."""

from __future__ import annotations

PUB = "2021-06-01"


def _visits(events) -> list[tuple]:
    """(visitor text, destination ids) of each visit."""
    return [(e.visitor.text if e.visitor else None, tuple(d.id for d in e.destination))
            for e in events if e.type == "visit"]


def test_a_habit_stated_with_whenever_is_no_visit(run):
    events = run("For years senior Brazilian ministers stopped in Lisbon whenever they travelled to Angola.")
    assert _visits(events) == []


def test_the_name_after_a_title_with_for_is_the_visitor_not_the_titles_nationality(run):
    events = run("Danish Minister for Foreign Affairs Lars Holm will visit Nepal on Friday.")
    assert _visits(events) == [("Lars Holm", ("NPL",))]


def test_the_prime_minister_stands_for_the_prime_minister_the_article_names(run):
    events = run("Prime Minister Ana Ruiz will begin a state visit to Japan on Monday.\n\n"
                 "From Tokyo, the prime minister will go on for bilateral visits to Vietnam and Laos.")
    visits = _visits(events)
    assert any(v == "Ana Ruiz" and "VNM" in d and "LAO" in d for v, d in visits)


def test_a_subject_pronoun_does_not_go_back_to_a_person_named_in_a_phrase_of_its_sentence(run):
    events = run("Helen Clarke will fly into Lima on Monday to meet students.\n\n"
                 "After a meeting with Peruvian President Jorge Salas, she is expected to travel to Bolivia.")
    visits = _visits(events)
    assert ("Jorge Salas", ("BOL",)) not in visits
    assert ("Helen Clarke", ("BOL",)) in visits


def test_a_place_put_in_no_state_is_no_destination(run):
    events = run("Chancellor Karl Weber will visit Africa next month, the office said.")
    assert not [e for e in events if e.type == "visit" and any(not d.id for d in e.destination)]


def test_a_state_and_a_name_joined_by_and_give_the_name_no_nationality(run):
    events = run("Ministers from many states attended talks in Egypt and Xi's visit to Egypt was seen as important.")
    assert ("Xi", ("EGY",)) in _visits(events)


def test_a_nation_described_by_a_region_or_faith_is_the_state_named_before(run):
    events = run("The Treasury said on Monday that Britain had signed a trade pact with Indonesia, which comes as "
                 "Prime Minister Rishi Sunak landed for three days of talks in the Muslim-majority nation.")
    assert [(e.visitor.text, [d.id for d in e.destination]) for e in events] == [("Rishi Sunak", ["IDN"])]
    events = run('Indonesia hosted the talks. "This is a good day," Sunak told reporters during his short trip '
                 "to the Southeast Asian nation.")
    assert [(e.visitor.text, [d.id for d in e.destination]) for e in events] == [("Sunak", ["IDN"])]


def test_a_region_named_in_a_description_limits_its_antecedent(run):
    events = run('Japan hosted the talks. "This is a good day," Sunak told reporters during his short trip to '
                 "the Southeast Asian nation.")
    assert events == []  # Japan is no Southeast Asian nation
    events = run("Nicaragua broke with Taiwan, China said on Monday. The Central American country had recognised "
                 "Taiwan in 1990.")
    assert ("NIC", ["TWN"]) in [(e.recognizer.id, [r.id for r in e.recognized]) for e in events]
    assert "CHN" not in [e.recognizer.id for e in events]
