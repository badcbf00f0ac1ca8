"""Arms-sale rules from misses on real published news, third round (private development sets, never copied here):
every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_tuples as _tuples
from newslib import ent

from eventex.ner.spans import SpanCompleter

PUB = "2025-06-01"


def test_a_weapon_class_noun_the_head_missed_is_a_mention():
    text = "Peru agreed to buy $2 billion worth of laser-guided munitions from Thales."
    ents = [ent(text, "Peru", "GPE"), ent(text, "$2 billion", "MONEY"), ent(text, "Thales", "ORG")]
    weapons = [e.text for e in SpanCompleter()(text, ents) if e.label == "WEAPON"]
    assert weapons == ["munitions"]


def test_a_headline_signs_deal_with_a_firm_to_purchase_is_a_signed_sale(run):
    events = run("Peru signs deal with Airbus to buy Tiger attack helicopters\n\n"
                 "The defence ministry said the first aircraft would arrive in 2027.")
    assert _tuples(events, "arms_sale") == {("Airbus", "PER", "actual")}


def test_the_partner_of_a_joint_act_in_the_clause_before_sells(run):
    events = run("Russia and Peru concluded energy agreements on Monday, and Lima secured a credit to acquire six "
                 "helicopters.")
    assert {(s, b) for s, b, _ in _tuples(events, "arms_sale")} == {("RUS", "PER")}


def test_the_signer_of_a_passive_contract_whose_purpose_is_a_supply_sells(run):
    events = run("The largest contract of the fair was signed by Thales to supply a launcher for Exocet missiles to "
                 "Qatar.")
    assert _tuples(events, "arms_sale") == {("Thales", "QAT", "actual")}


def test_armed_forces_named_in_spanish_are_state_bodies_that_buy(run):
    for force in ("Fuerza Aérea Colombiana", "Armada de Chile", "Ejército de Tierra"):
        events = run(f"The {force} has taken delivery of four more Gripen jets, and Peruvian officials are still "
                     "weighing the Swedish fighter.")
        sellers = {s for s, _, _ in _tuples(events, "arms_sale")}
        assert sellers == {"SWE"}, force
