"""Arms-sale rules from misses on real published news, session 12, second round (private development sets, never
copied here): which side of a deal sells, a market is no buyer, the owner of a bought weapon sells, equipping a state
with weapons. Every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_pairs

PUB = "2025-06-01"


def _pairs(events) -> set[tuple]:
    return core_pairs(events, "arms_sale")


def test_a_deal_between_two_states_is_sold_by_the_higher_ranked_exporter(run):
    events = run("Vietnam signs arms deal with France, officials said on Monday.")
    assert _pairs(events) == {("FRA", "VNM")}
    known = run("Officials said on Monday that Israel signed a contract with China for Heron drones.")
    assert _pairs(known) == {("ISR", "CHN")}  # a known weapon's maker state sells, whatever its rank


def test_a_market_named_with_in_is_no_guessed_buyer(run):
    events = run("At the trade forum, Leonardo sold £40m of helicopters in Kenya, the trade office said.")
    assert _pairs(events) == set()


def test_the_state_whose_weapon_is_bought_sells_it(run):
    events = run("Peru needs air defence. The country had earlier bought Israel's air defence systems.")
    assert ("ISR", "PER") in _pairs(events)


def test_equipping_a_state_with_weapons_supplies_them(run):
    events = run("The pact agreed last year includes equipping Chile with Italian frigates.")
    assert _pairs(events) == {("ITA", "CHL")}
    own = run("Peru said it will buy Turkish missiles to equip its FA-50 fighters, state media said on Friday.")
    assert _pairs(own) == {("TUR", "PER")}  # equipping its own jets states no second sale


def test_following_as_a_preposition_restates_no_event(run):
    events = run("Brazil agreed to buy tanks from Italy on Monday.\n\n"
                 "The issue is sensitive for Spain following Brazil's rejection of its offer last year.")
    assert all(e.trigger.text != "following" for e in events)
