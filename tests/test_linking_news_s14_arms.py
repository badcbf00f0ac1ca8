"""Arms deals whose two sides news language names structurally (session 14, real-news misses; every sentence is
invented): a deal sealed 'between' two states."""

from __future__ import annotations

from newslib import core_pairs

PUB = "2025-06-01"


def test_a_deal_sealed_between_two_states_is_sold_by_the_ranked_exporter(run):
    events = run("The deal for the tanks was sealed between Egypt and Russia three years ago.")
    assert core_pairs(events, "arms_sale") == {("RUS", "EGY")}

