"""A party named by an acronym in parentheses right after its full name is that name. Sentences invented."""

from __future__ import annotations

PUB = "2024-03-01"


def test_an_acronym_in_parentheses_gives_way_to_the_name_before_it(run):
    events = run("Minister Lee welcomed the interest of the Nordic Grid Holding Corporation (NGHC) in the joint "
                 "exploration of gas blocks in Uzbekistan.")
    assert {(e.investor.text, e.host_country.id) for e in events if e.type == "energy_investment"} == {
        ("Nordic Grid Holding Corporation", "UZB")}


def test_an_acronym_used_alone_later_stays(run):
    events = run("The Nordic Grid Holding Corporation (NGHC) was founded in 1990. NGHC will explore gas blocks in "
                 "Uzbekistan.")
    assert {e.investor.text for e in events if e.type == "energy_investment"} == {"NGHC"}
