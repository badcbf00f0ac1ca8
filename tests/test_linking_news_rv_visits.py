"""Visit rules from misses on real published news (private development sets, never copied here): every sentence
below is invented for the test."""

from __future__ import annotations

PUB = "2025-06-01"


def _visits(events) -> set[tuple]:
    """(visitor text or id, destination ids, status) of each visit."""
    return {((e.visitor.text if e.visitor.label == "PERSON" else e.visitor.id) if e.visitor else None,
             tuple(d.id for d in e.destination), e.status) for e in events if e.type == "visit"}


def test_a_trip_a_passive_clause_is_on_is_the_trip_of_its_subject(run):
    events = run("On a trip to Lima next month, President Maria Santos is expected to open a trade fair.")
    assert _visits(events) == {("Maria Santos", ("PER",), "planned")}


def test_people_in_a_capital_on_an_official_mission_are_visiting_it(run):
    events = run("Pedro Soto, the Chilean envoy, has been on an official mission in Hanoi since Tuesday.")
    assert _visits(events) == {("Pedro Soto", ("VNM",), "actual")}


def test_a_host_welcoming_a_delegation_from_a_state_receives_that_state(run):
    events = run("ISLAMABAD: Interior Minister Ali Khan on Monday welcomed a trade delegation from Kenya for "
                 "talks on security.")
    assert ("KEN", ("PAK",), "actual") in _visits(events)


def test_welcoming_investment_from_a_state_is_no_visit(run):
    events = run("NAIROBI: Trade Minister Rebecca Miano welcomed fresh investment from Qatar on Monday.")
    assert not _visits(events)


def test_the_name_after_a_title_with_for_is_the_host(run):
    events = run("Minister for Information Musa Bello hosted Senator Paul Okoro of Ghana in Abuja on Sunday.")
    assert [(e.host.text.endswith("Musa Bello") if e.host else None, e.visitor.text) for e in events
            if e.type == "visit"] == [(True, "Paul Okoro")]


def test_an_organisation_of_no_state_is_no_visitor(run):
    events = run("The Royal Secretariat flew to Muscat on Tuesday for the signing ceremony.")
    assert not _visits(events)
