"""Time expressions against the publication date, and parenthesised citations."""

from __future__ import annotations

import datetime as dt

import pytest

from eventex.stages.normalize import find_citations, normalise_date, time_expression

PUB = dt.date(2010, 3, 10)
D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("February 11-17", (D(2010, 2, 11), D(2010, 2, 17), "range")),
        ("February 2", (D(2010, 2, 2), D(2010, 2, 2), "day")),
        ("December 30", (D(2009, 12, 30), D(2009, 12, 30), "day")),  # after March: the year before
        ("2009", (D(2009, 1, 1), D(2009, 12, 31), "year")),
        ("March 2008", (D(2008, 3, 1), D(2008, 3, 31), "month")),
        ("2009-2010", (D(2009, 1, 1), D(2010, 12, 31), "range")),
        ("last week", (D(2010, 3, 1), D(2010, 3, 7), "range")),
        ("next year", (D(2011, 1, 1), D(2011, 12, 31), "year")),
        ("the 1990s", (D(1990, 1, 1), D(1999, 12, 31), "range")),
        ("May 5, 2009", (D(2009, 5, 5), D(2009, 5, 5), "day")),
        ("February 30", (None, None, "unresolved")),
        ("some day", (None, None, "unresolved")),
    ],
)
def test_normalise_date(text, expected):
    assert normalise_date(text, PUB) == expected


def test_year_less_dates_stay_unresolved_without_publication_date():
    assert normalise_date("February 2", None) == (None, None, "unresolved")


def test_after_opens_a_range_to_publication():
    text = "Nicaragua after 2008 recognized them."
    t = time_expression(text, 16, 20, PUB)
    assert (t.date_start, t.date_end, t.granularity) == (D(2009, 1, 1), PUB, "range")


def test_citations_are_split_into_outlet_and_date():
    text = "Lavrov spoke (Rossiya 24 TV, February 2; Interfax, February 1, 2). Then (an aside) ended."
    cites = find_citations(text, PUB)
    assert [(c.outlet, c.date.text) for c in cites] == [("Rossiya 24 TV", "February 2"), ("Interfax", "February 1, 2")]
    assert cites[1].date.date_start == D(2010, 2, 1) and cites[1].date.date_end == D(2010, 2, 2)
    for c in cites:
        assert text[c.start : c.end] == c.text


def test_nested_parentheses_in_citations():
    text = "x (Ministry of Foreign Affairs of the Russian Federation (www.mid.ru) February 10; www.mid.ru, Feb. 15)."
    outlets = [c.outlet for c in find_citations(text, PUB)]
    assert outlets == ["Ministry of Foreign Affairs of the Russian Federation (www.mid.ru)", "www.mid.ru"]
