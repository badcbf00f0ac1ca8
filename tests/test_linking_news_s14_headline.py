"""The headline as a sentence of its own, its fallback to the lede and datelines (rules from misses on real published
news: private development sets, never copied here); every text below is invented for the test."""

from __future__ import annotations

PUB = "2025-06-01"


def _arms(events) -> set[tuple]:
    """(trigger, seller id, buyer ids) of each arms sale."""
    return {(e.trigger.text, e.seller.id if e.seller else None, tuple(b.id for b in e.buyer))
            for e in events if e.type == "arms_sale"}


def _visits(events) -> set[tuple]:
    """(visitor canonical name or id, destination ids) of each visit."""
    return {((e.visitor.canonical or e.visitor.text if e.visitor.label == "PERSON" else e.visitor.id)
             if e.visitor else None, tuple(d.id for d in e.destination)) for e in events if e.type == "visit"}


def test_a_headline_is_a_sentence_of_its_own(run):
    events = run("Special Envoy Visit to Chile and Peru\n\nJune 2, 2025, Ministry of Foreign Affairs, Ottawa\n"
                 "Canadian Special Envoy for the Andes Maria Costa will travel to Chile and Peru from June 3 to June "
                 "9. She will meet officials of both governments.")
    assert {v for v, _ in _visits(events)} == {"Maria Costa"}


def test_a_headline_event_takes_its_missing_party_from_the_lede(run):
    events = run("Lisbon hands over patrol boats to Angolan navy\n\nLUANDA: The Angolan Navy received four patrol "
                 "boats from Portugal on Tuesday, officials said.")
    assert ("hands over", "PRT", ("AGO",)) in _arms(events)



def test_a_headline_does_not_take_the_ledes_dateline_for_a_destination(run):
    events = run("Kumar begins tour of Southeast Asia\n\nNew Delhi: Prime Minister Ravi Kumar left for a four-day "
                 "tour of Southeast Asia on Friday that will take him to Laos, Vietnam and Cambodia.")
    assert not any("IND" in d for _, d in _visits(events))

