"""A sale's or investment's sum stated in a later sentence about the deal. Every sentence below is invented."""

from __future__ import annotations

PUB = "2024-03-01"


def _values(events) -> set[tuple]:
    return {(e.type, e.value.text if e.value else None) for e in events if e.type in ("arms_sale", "energy_investment")}


def test_the_sum_the_next_sentence_gives_the_contract_is_its_value(run):
    events = run("Chile signed a contract with Navantia for two frigates on Monday. The contract is worth about "
                 "$640 million, officials said.")
    assert _values(events) == {("arms_sale", "$640 million")}


def test_an_estimated_cost_of_the_sale_is_its_value(run):
    events = run("The State Department approved the possible sale of 12 F-16 fighter jets to Ghana. The possible sale "
                 "is estimated to cost around $2.1bn.")
    assert _values(events) == {("arms_sale", "$2.1bn")}


def test_a_sum_the_deal_is_only_part_of_is_no_value(run):
    events = run("Repsol agreed to buy a 30% stake in the Absheron field in Azerbaijan. The deal is part of a $10 "
                 "billion plan.")
    assert _values(events) == {("energy_investment", None)}


def test_a_sum_in_another_paragraph_is_no_value(run):
    events = run("Repsol agreed to buy a 30% stake in the Absheron field in Azerbaijan.\n\nThe transaction was valued "
                 "at $1 billion.")
    assert _values(events) == {("energy_investment", None)}


def test_a_total_investment_stated_sentences_later_is_the_value(run):
    events = run("Tonga signed an agreement with Ostrava Hydro to build a 90 MW hydropower plant. The firm will hire "
                 "300 local workers. Work starts next year. The total cost of the project is estimated at $410 "
                 "million.")
    assert _values(events) == {("energy_investment", "$410 million")}


def test_a_sum_on_the_definite_deal_noun_or_its_relative_clause_is_the_value(run):
    events = run("Malta agreed to buy four patrol boats from Italy. The contract, which is worth $75 million, includes "
                 "training. Estonia will build a wind farm with Danish firm Orsted. The $900 million project opens "
                 "in 2030.")
    assert _values(events) == {("arms_sale", "$75 million"), ("energy_investment", "$900 million")}


def test_a_later_sum_goes_only_to_the_latest_deal_told_before_it(run):
    events = run("Malta agreed to buy four patrol boats from Italy for $60 million. Estonia will buy radars from "
                 "France. The deal is worth $20 million.")
    assert {(e.buyer[0].text, e.value.text if e.value else None) for e in events} == {
        ("Malta", "$60 million"), ("Estonia", "$20 million")
    }
