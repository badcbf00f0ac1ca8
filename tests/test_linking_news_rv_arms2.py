"""Arms sales whose parties news language names indirectly (session 13, real-news misses; every sentence is
invented): a state body signing a deal to buy, and 'his country' after a titled official of a named nationality."""

from __future__ import annotations

from newslib import core_pairs

PUB = "2025-06-01"


def test_a_body_noun_signing_a_deal_to_buy_stands_for_the_dateline_state(run):
    events = run("ACCRA - The army signed a contract to buy 40 armoured vehicles from Turkey.")
    assert core_pairs(events, "arms_sale") == {("TUR", "GHA")}


def test_a_body_noun_signing_a_deal_to_acquire_stands_for_the_state_named_before(run):
    events = run("Ghana is modernising its forces. The navy has signed a deal to acquire two patrol boats from a "
                 "South Korean shipyard, officials said.")
    assert core_pairs(events, "arms_sale") == {("KOR", "GHA")}


def test_his_country_after_a_titled_official_is_the_officials_nationality(run):
    events = run("The talks in Jordan ended on Monday. Swedish Trade Minister Karl Berg said that his country would "
                 "resume arms exports to Egypt.")
    assert core_pairs(events, "arms_sale") == {("SWE", "EGY")}
