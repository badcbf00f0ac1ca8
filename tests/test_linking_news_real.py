"""News-language rules from misses on real published news (a private development set, never copied here): every
sentence below is invented for the test."""

from __future__ import annotations

PUB = "2025-06-01"


def _visits(events) -> list[tuple]:
    """(visitor text, destination ids, status) of each visit."""
    return [(e.visitor.text if e.visitor else None, tuple(d.id for d in e.destination), e.status)
            for e in events if e.type == "visit"]


def test_a_headline_state_and_the_named_leader_of_the_lede_are_one_visit_by_the_leader(run):
    events = run("Korean President Arrives in Vietnam for State Visit\n\n"
                 "HANOI - South Korean President Lee Jae-myung arrived in Vietnam on Sunday for a three-day state "
                 "visit. Lee landed at Noi Bai airport and was met by Vice President Vo Thi Anh Xuan.")
    assert _visits(events) == [("Lee Jae-myung", ("VNM",), "actual")]


def test_a_delivery_reported_by_an_official_body_is_actual_and_one_reported_by_a_newspaper_alleged(run):
    events = run("Finnish defence firm Patria has delivered a first batch of armoured personnel carriers to Nairobi "
                 "this week, "
                 "Kenya's defence ministry has reported.")
    assert {e.status for e in events if e.type == "arms_sale"} == {"actual"}
    events = run("Finnish defence firm Patria has delivered a first batch of armoured personnel carriers to Nairobi "
                 "this week, "
                 "the daily Nation has reported.")
    assert {e.status for e in events if e.type == "arms_sale"} == {"alleged"}


def test_becoming_the_first_state_to_recognise_is_a_recognition_that_happened(run):
    events = run("Paraguay becomes first country to recognise Somaliland\n\nThe decision was announced in Asuncion.")
    assert {(e.recognizer.id, r.id, e.status) for e in events if e.type == "recognition" for r in e.recognized} == {
        ("PRY", "XSL", "actual")}
