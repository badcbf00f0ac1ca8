"""Visit rules from leftover misses on real published news (rounds rt, rq, rn, rp: private development sets, never
copied here): every sentence below is invented for the test."""

from __future__ import annotations

PUB = "2021-06-01"


def _visits(events) -> list[tuple]:
    """(visitor text, destination ids, host text, status) of each visit."""
    return [(e.visitor.text if e.visitor else None, tuple(d.id for d in e.destination),
             e.host.text if e.host else None, e.status) for e in events if e.type == "visit"]


def test_talks_at_home_with_a_foreign_counterpart_are_the_counterparts_visit(run):
    events = run("Russian Defence Minister Oleg Ivanov spoke at talks in Moscow with his Peruvian counterpart, "
                 "Carlos Rojas, who said Lima wanted closer ties.")
    assert _visits(events) == [("Carlos Rojas", ("RUS",), "Oleg Ivanov", "actual")]


def test_held_talks_at_home_with_a_counterpart_hosts_the_counterpart(run):
    events = run("Pakistani Prime Minister Nawaz Sharif held talks in Islamabad with his Turkish counterpart, "
                 "Ali Demir, on Monday.")
    assert [v[:3] for v in _visits(events)] == [("Ali Demir", ("PAK",), "Nawaz Sharif")]


def test_aircraft_making_stopovers_is_no_visit(run):
    events = run("Brazilian Defence Minister Paulo Lima said on Friday that Brazil's military transport aircraft will "
                 "make stopovers in Angola under a cooperation plan.")
    assert _visits(events) == []


def test_a_possessed_arrival_under_another_cue_restates_the_visit(run):
    events = run("Indian President Ravi Menon arrived in Hanoi on Monday for a three-day state visit to Vietnam.\n"
                 "Mr. Menon reviewed troops and made no remarks upon his arrival.\n"
                 "Officials said Mr. Menon's visit will open a new chapter in relations with Vietnam.")
    assert [v[1:] for v in _visits(events)] == [(("VNM",), None, "actual")]


def test_a_possessed_next_visit_is_another_trip(run):
    events = run("Indian President Ravi Menon arrived in Hanoi on Monday for a three-day state visit.\n"
                 "Officials said Mr. Menon's next visit to Vietnam will open a new chapter in relations.")
    assert sorted(v[3] for v in _visits(events)) == ["actual", "planned"]
