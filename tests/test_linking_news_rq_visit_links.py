"""Visit rules from real published news (rounds rt, rq: private development sets, never copied here): a 'when'
clause recalling an earlier visit, and reciprocal visits; every sentence below is invented for the test."""

from __future__ import annotations

PUB = "2021-06-01"


def _visits(events) -> list[tuple]:
    """(visitor text or id, destination ids) of each visit."""
    return [(e.visitor.id or e.visitor.text if e.visitor else None, tuple(d.id for d in e.destination))
            for e in events if e.type == "visit"]


def test_a_when_clause_recalling_a_visit_goes_where_that_visit_went(run):
    events = run("Mr. Lopez's stay is the first visit to Peru by a Chilean head of state since 2009 when Ana Ruiz "
                 "visited for trade talks.")
    assert ("Ana Ruiz", ("PER",)) in _visits(events)


def test_reciprocal_visits_between_two_states_go_each_way(run):
    events = run("Brazil is said to be studying regular reciprocal visits of the countries' defence chiefs and "
                 "hopes to expand exchanges between the Brazilian Army and the Turkish Armed Forces.")
    assert sorted(_visits(events)) == [("BRA", ("TUR",)), ("TUR", ("BRA",))]
