"""Visit rules from misses on real published news, second round (private development sets, never copied here): every
sentence below is invented for the test."""

from __future__ import annotations

PUB = "2025-06-01"


def _visits(events) -> set[tuple]:
    """(visitor canonical name or id, destination ids) of each visit."""
    return {((e.visitor.canonical or e.visitor.text if e.visitor.label == "PERSON" else e.visitor.id)
             if e.visitor else None, tuple(d.id for d in e.destination)) for e in events if e.type == "visit"}


def test_the_leader_at_whose_direction_a_minister_travels_is_no_visitor(run):
    events = run("A statement of Foreign Office said FM Lopez, at the request of President Ana Ruiz, will travel to "
                 "Chile.")
    assert _visits(events) == {("Lopez", ("CHL",))}  # the abbreviated title is no part of the name (session 15)


def test_his_in_a_fronted_phrase_is_the_subject_of_its_clause(run):
    events = run("Minister Jon Berg will first hold talks with his Argentine counterpart Luis Pardo. On the last leg "
                 "of his tour, Berg will land in Chile on May 3 and then he will leave for Peru, she added.")
    assert not any(v == "Luis Pardo" for v, _ in _visits(events))


def test_a_first_lady_beside_the_president_makes_no_visit_of_her_own(run):
    events = run("President Tomas Varga and First Lady Ilona Kertesz will visit Chile next week.")
    assert _visits(events) == {("Tomas Varga", ("CHL",))}


def test_the_one_accompanied_on_a_visit_is_the_visitor(run):
    events = run("Minister Jon Berg accompanied President Ruth Amadi on a visit to Brazil in May.")
    assert _visits(events) == {("Ruth Amadi", ("BRA",))}


def test_two_people_of_one_family_name_stay_two_people(run):
    events = run("First Lady Margaret Mwangi opened a school in Nairobi on Monday. In March, President Samuel Mwangi "
                 "paid a visit to Japan.")
    assert _visits(events) == {("Samuel Mwangi", ("JPN",))}
