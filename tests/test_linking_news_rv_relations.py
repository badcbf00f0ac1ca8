"""Recognition through establishing (or severing) diplomatic relations, from misses on real published news (private
development sets, never copied here): every sentence below is invented for the test."""

from __future__ import annotations

PUB = "2025-06-01"


def _recognitions(events, trigger: str | None = None) -> set[tuple]:
    """(recognizer id, recognised ids) of each recognition (on ``trigger``, if given)."""
    return {(e.recognizer.id if e.recognizer else None, tuple(r.id for r in e.recognized)) for e in events
            if e.type == "recognition" and (trigger is None or e.trigger.text == trigger)}


def test_a_region_description_subject_of_an_after_clause_acts_in_it_alone(run):
    events = run("China and Nauru established diplomatic relations on Sunday, days after the Pacific nation severed "
                 "ties with Taiwan.")
    assert _recognitions(events, "severed") == {("NRU", ("TWN",))}


def test_a_state_name_the_parser_hung_on_the_verb_establishes_relations(run):
    events = run("Nauru established diplomatic relations with Kosovo on Monday, a week after its president visited "
                 "Pristina.")
    assert ("NRU", ("XKX",)) in _recognitions(events)


def test_who_condemns_the_decision_to_establish_relations_is_no_recogniser(run):
    events = run("Kiribati switched recognition from Taipei to Beijing on Friday. Taiwanese Foreign Minister Joseph "
                 "Wu said at a briefing that he deeply regrets and condemns the decision to establish diplomatic ties "
                 "with Beijing.")
    assert "TWN" not in {r for r, _ in _recognitions(events)}
