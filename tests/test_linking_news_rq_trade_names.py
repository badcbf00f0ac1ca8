"""Arms and energy rules from misses on real published news, session 12, third round (private development sets,
never copied here): a stock-exchange listing names no firm, an event noun run into a sum is no part of it, and the
owner of a stake being bought makes no investment. Every sentence below is invented for the test."""

from __future__ import annotations

from newslib import ent

from eventex.ner.names import repair_names

PUB = "2025-06-01"


def _investors(events) -> set[str]:
    return {ev.investor.text for ev in events if ev.type == "energy_investment" and ev.investor is not None}


def test_an_exchange_listing_names_no_firm():
    text = "Petrovia Energy (KLS: 104417) will buy a stake from Corvex Oil (NYSE:CVX) and Halden (Halden: 2) said so."
    ents = [ent(text, "Petrovia Energy", "ORG"), ent(text, "KLS", "ORG"), ent(text, "Corvex Oil", "ORG"),
            ent(text, "NYSE:", "ORG"), ent(text, "CVX", "ORG"), ent(text, "Halden", "ORG")]
    names = [e.text for e in repair_names(text, ents)]
    assert names == ["Petrovia Energy", "Corvex Oil", "Halden"]  # a name before a parenthesis stays


def test_an_event_noun_run_into_a_sum_is_cut_off():
    text = "Chile signed a USD 95 million deal with Sweden; the deal is worth 4 billion rubles."
    ents = [ent(text, "USD 95 million deal", "MONEY"), ent(text, "4 billion rubles", "MONEY")]
    assert [e.text for e in repair_names(text, ents)] == ["USD 95 million", "4 billion rubles"]


def test_the_owner_of_a_stake_being_bought_makes_no_investment(run):
    events = run("Norvik Petroleum agreed on Monday to buy Halden Resources' 25 percent stake in the Kora oil "
                 "field in Angola for $900 million.")
    assert _investors(events) == {"Norvik Petroleum"}
