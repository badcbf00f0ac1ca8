"""Session 54: arms sales named by an importer's demonym, a 'to' phrase on the noun above a sale, and a frigate
whose name begins like a fighter's. Every sentence is invented."""

from __future__ import annotations

PUB = "2025-06-01"


def _sales(events):
    return {(e.seller.text if e.seller else None, tuple(b.text for b in e.buyer), e.status)
            for e in events if e.type == "arms_sale"}


def test_a_demonym_on_imports_is_the_buyer_not_the_seller(run):
    assert _sales(run("Russia accounted for 40% of Algerian arms imports last year.")) == {
        ("Russia", ("Algerian",), "actual")}
    # guard: a demonym on the weapon bought is its seller
    assert _sales(run("Algeria bought Russian helicopters.")) == {("Russian", ("Algeria",), "actual")}


def test_the_to_phrase_the_parser_hangs_on_the_noun_above_the_sale(run):
    assert _sales(run("The Chinese embassy denied reports of fighter jet sales to Zimbabwe.")) == {
        ("Chinese", ("Zimbabwe",), "negated")}
    assert _sales(run("Lavrov denied claims of Russian arms supplies to Armenia.")) == {
        ("Russian", ("Armenia",), "negated")}


def test_a_frigate_named_like_a_fighter_is_made_by_its_own_maker(run):
    # 'F-22P' is a Chinese frigate class, not the American F-22 fighter
    assert _sales(run("Pakistan and China signed an agreement on Monday for the construction of a fifth F-22P "
                      "frigate in Karachi.")) == {("China", ("Pakistan",), "actual")}
