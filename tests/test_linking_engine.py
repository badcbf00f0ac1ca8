"""The linking recipe end to end on hand-built documents: events, confidence, dates, merging."""

from __future__ import annotations

import datetime as dt

import pytest

from eventex.linking import Linker

RUS, VEN = {"id": "RUS"}, {"id": "VEN"}


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker()


def test_an_event_with_its_evidence_date_and_confidence(linker, hand_doc):
    text = "  Russia sold helicopters to Venezuela in May 2009.  "
    doc = hand_doc(
        text, ("Russia", "GPE", RUS), ("helicopters", "WEAPON"), ("Venezuela", "GPE", VEN), ("May 2009", "DATE"),
        published="2010-03-10",
    )
    (ev,) = linker(doc).events
    assert (ev.id, ev.type, ev.status, ev.confidence) == ("arms_sale-1", "arms_sale", "actual", 0.9)
    assert ev.evidence[0].text == text.strip() == text[ev.evidence[0].start : ev.evidence[0].end]
    assert (ev.seller.id, [b.id for b in ev.buyer], ev.weapon.text) == ("RUS", ["VEN"], "helicopters")
    assert (ev.date.date_start, ev.date.granularity) == (dt.date(2009, 5, 1), "month")


def test_an_implicit_filler_lowers_the_confidence(linker, hand_doc):
    doc = hand_doc(
        "Russian helicopters were sold to Venezuela.", ("Russian", "NORP", RUS), ("helicopters", "WEAPON"),
        ("Venezuela", "GPE", VEN),
    )
    (ev,) = linker(doc).events
    assert ev.seller.implicit and ev.confidence == round(0.9 * 0.9, 3)


def test_a_trigger_inside_a_name_is_no_event(linker, hand_doc):
    doc = hand_doc("The Russian Consortium for Venezuela met.", ("Russian Consortium for Venezuela", "ORG"))
    assert linker(doc).events == []


def test_repeated_mentions_of_one_visit_are_merged(linker, hand_doc):
    lavrov = ("Lavrov", "PERSON", {"affiliation": "RUS"})
    cuba = ("Cuba", "GPE", {"id": "CUB"})
    doc = hand_doc("Lavrov visited Cuba. Lavrov travelled to Cuba by plane.", lavrov, cuba, lavrov, cuba)
    (ev,) = linker(doc).events
    assert ev.trigger.text == "visited" and len(ev.evidence) == 2
