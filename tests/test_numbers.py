"""Sums and quantities the head cut inside a number (``eventex.ner.numbers``). The text is invented."""

from __future__ import annotations

from newslib import ent

from eventex.ner.numbers import whole_numbers


def test_pieces_of_one_number_are_joined_and_a_cut_number_is_made_whole():
    text = ("They pump 16,600 barrels per day; Seoul signs a $6.5 billion deal; it cost 240.58 billion tenge; the "
            "22.4 GW fleet; Lima got 3, 5 and 9 frigates for $5. Then 7,000 troops came.")
    ents = [ent(text, "16,", "QUANTITY"), ent(text, "600 barrels per day", "QUANTITY"), ent(text, "$6", "MONEY"),
            ent(text, "5 billion", "MONEY"), ent(text, "58 billion tenge", "MONEY"), ent(text, "22.", "QUANTITY"),
            ent(text, "3", "QUANTITY"), ent(text, "$5", "MONEY"), ent(text, "Lima", "GPE")]
    out = whole_numbers(text, ents)
    assert all(text[e.start : e.end] == e.text for e in out)
    assert [(e.text, e.label) for e in out] == [
        ("16,600 barrels per day", "QUANTITY"), ("$6.5 billion", "MONEY"), ("240.58 billion tenge", "MONEY"),
        ("22.4", "QUANTITY"), ("Lima", "GPE"), ("3", "QUANTITY"), ("$5", "MONEY"),
    ]
