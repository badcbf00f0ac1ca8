"""Rules from session 37's real-news dev analysis. Every sentence below is invented for the test."""

from __future__ import annotations

import pytest
from newslib import core_tuples

PUB = "2024-03-01"


@pytest.mark.parametrize(("text", "expected"), [
    ("Laos signed an agreement with Thai firm EGCO on Monday, authorising the company to build a 600 MW "
     "hydropower plant.", {("EGCO", "LAO", "actual")}),
    ("The minister commented on the deal signed with Eni to develop two gas fields in Egypt.",
     {("Eni", "EGY", "actual")}),
    # guards: a participle that hopes, and a 'when' clause on the signing, take no status from it
    ("Laos signed an agreement with Thai firm EGCO on Monday, hoping to build a 600 MW hydropower plant with the "
     "company.", {("EGCO", "LAO", "planned")}),
])
def test_what_a_signing_lets_a_party_do_or_a_deal_signed_to_do_is_actual(run, text, expected):
    assert core_tuples(run(text), "energy_investment") == expected


def test_a_when_clause_on_a_signed_agreement_keeps_its_own_status(run):
    events = run("Under the agreement signed when Ramos hosted Chilean President Ana Ruiz in Manila on May 4, 2019, "
                 "Chile is to sell two frigates to the Philippines.")
    assert [(e.visitor.text, e.status) for e in events if e.type == "visit"] == [("Ana Ruiz", "actual")]


def test_an_embargo_on_arms_sales_negates_them(run):
    events = run("Washington imposed an embargo on arms sales to Venezuela in May.")
    assert [(e.seller.text, e.status) for e in events if e.type == "arms_sale"] == [("Washington", "negated")]


def test_a_successful_bid_is_no_proposal(run):
    events = run("Eni's partners in the successful Buzios bid in Brazil were Shell and Petrobras.")
    assert {(e.investor.text, e.status) for e in events if e.type == "energy_investment"} >= {("Eni", "actual")}


def test_a_merged_sale_takes_the_weapon_the_tables_know_over_a_generic_one(run):
    events = run("Oman bought weapons from France in March. Oman bought 12 Rafale fighter jets from France, the "
                 "ministry said.")
    assert [(e.type, e.weapon.text) for e in events if e.type == "arms_sale"] == [("arms_sale", "Rafale fighter jets")]


@pytest.mark.parametrize(("text", "asset"), [
    ("Petronas is one of the main foreign firms producing oil in Sudan, with activities focused on the Heglig field "
     "in the south.", "Heglig field"),
    # guard: with two assets in the sentence, neither is guessed
    ("Petronas is one of the main foreign firms producing oil in Sudan, with activities focused on the Heglig field "
     "and the Unity field in the south.", None),
])
def test_an_investment_with_no_asset_takes_the_one_asset_its_sentence_names(run, text, asset):
    events = [e for e in run(text) if e.type == "energy_investment"]
    assert [e.asset.text if e.asset else None for e in events] == [asset]
