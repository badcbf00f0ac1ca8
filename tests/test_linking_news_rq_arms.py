"""Arms-sale rules from misses on real published news, session 12 (private development sets, never copied here):
every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_pairs

PUB = "2025-06-01"


def _pairs(events) -> set[tuple]:
    return core_pairs(events, "arms_sale")


def test_a_definite_body_noun_subject_buys_for_the_state_at_hand(run):
    events = run("The Chilean navy needs new ships. Under the agreement, the defence ministry will acquire four "
                 "frigates from Dutch shipbuilder Damen.")
    assert _pairs(events) == {("Damen", "CHL")}
    home = run("BERLIN (Wire) - The defence ministry will buy 40 tanks from Rheinmetall, the German firm said.")
    assert _pairs(home) == set()  # the seller's own state: a domestic procurement


def test_a_government_signing_with_a_firm_buys_from_it(run):
    events = run("KAMPALA, March 3 (Wire) - The Government has signed a contract with Thales for ten radars, the "
                 "defence minister said.")
    assert _pairs(events) == {("Thales", "UGA")}


def test_coordinated_supplier_firms_sell_one_each(run):
    events = run("Chile will acquire an air defence system from Italian maker Leonardo and Swedish group Saab.")
    assert _pairs(events) == {("Leonardo", "CHL"), ("Saab", "CHL")}


def test_a_with_phrase_hung_on_worth_is_the_deal_partner(run):
    events = run("Officials said on Friday that Canada has concluded an arms deal worth $20 billion with Poland.")
    assert _pairs(events) == {("CAN", "POL")}


def test_the_for_subject_of_an_infinitive_misattached_to_worth_buys(run):
    events = run("Among the agreements reached during the summit was a framework accord worth 2 billion euros for "
                 "Peru's army to buy 20 Leopard tanks from German manufacturer KNDS.")
    assert ("KNDS", "PER") in _pairs(events)


def test_a_share_of_a_trade_flow_bought_is_a_statistic(run):
    events = run("Vietnam is a big market for Russian arms, with Hanoi purchasing almost 12 percent of Russian "
                 "exports between 2015 and 2020.")
    assert _pairs(events) == set()


def test_a_maintenance_contract_sells_no_weapon_named_elsewhere(run):
    events = run("Chile bought two British frigates in 2003, which led to a five year contract with Rolls-Royce to "
                 "provide maintenance and engineering support.")
    assert _pairs(events) == {("GBR", "CHL")}


def test_the_state_on_the_subject_of_a_purchase_purpose_clause_buys(run):
    events = run("The Latvian government on Friday gave the green light to acquire an air defence system from "
                 "Kongsberg in the largest weapons purchase for the country.")
    sale = next(e for e in events if e.type == "arms_sale")
    assert [b.id for b in sale.buyer] == ["LVA"] and sale.seller.text == "Kongsberg"


def test_the_parties_of_talks_or_a_deal_a_sale_is_the_purpose_of(run):
    sale = run("The Italian government held talks with Egyptian officials to sell four more frigates.")[0]
    assert (sale.seller.id, [b.id for b in sale.buyer]) == ("ITA", ["EGY"])
    sale = run("Bolivia is in talks with Russian firms to buy six Mi-17 helicopters.")[0]
    assert (sale.seller.id, [b.id for b in sale.buyer]) == ("RUS", ["BOL"])


def test_the_maker_side_of_a_deal_between_two_states_sells(run):
    sale = run("A deal between Serbia and France for 12 Rafale jets was signed on Tuesday.")[0]
    assert (sale.seller.id, [b.id for b in sale.buyer]) == ("FRA", ["SRB"])
