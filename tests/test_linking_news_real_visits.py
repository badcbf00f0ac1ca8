"""Visit and recognition rules from misses on real published news (a private development set, never copied here):
every sentence below is invented for the test."""

from __future__ import annotations

PUB = "2024-03-01"


def _visits(events) -> list[tuple]:
    """(visitor text, destination ids) of each visit."""
    return [(e.visitor.text if e.visitor else None, tuple(d.id for d in e.destination))
            for e in events if e.type == "visit"]


def test_a_headline_ending_in_a_state_gives_no_nationality_to_the_name_opening_the_next_line(run):
    events = run("Minister praises trips to Asian capitals and Brazil\n\n"
                 "President Ramaphosa's visits to Brazil and Asian capitals deepened trade ties between South Africa "
                 "and these countries, the minister said.\n\n"
                 "Ramaphosa's first foreign tour as South Africa's head of state took him to five countries.")
    assert ("Ramaphosa", ("ZAF",)) not in _visits(events)
    assert any(d == ("BRA",) for _, d in _visits(events))


def test_a_role_does_not_climb_past_a_counted_group_subject_to_a_reporting_outlet(run):
    events = run("Since 2012 some 14 governments have decided to withdraw recognition from Abkhazia, according to "
                 "diplomats in Tbilisi, Interfax reports.")
    assert not [e for e in events if e.type == "recognition" and e.recognizer
                and e.recognizer.text == "Interfax"]


def test_a_summit_trip_goes_to_the_summits_place_not_to_a_counterparts_state(run):
    events = run("Ethiopian Prime Minister Abiy Ahmed will be in the port city of Durban, South Africa, to attend the "
                 "African Union summit on Friday. Kenyan President William Ruto will also attend the summit and has "
                 "arranged a meeting with his Nigerian counterpart Bola Tinubu.")
    visits = _visits(events)
    assert all("NGA" not in d for _, d in visits)
    assert ("Abiy Ahmed", ("ZAF", "ZAF")) in visits
    assert ("William Ruto", ("ZAF",)) in visits
