"""Energy-investment rules from misses on real published news, round rq (private development sets, never copied
here): every sentence below is invented for the test."""

from __future__ import annotations

PUB = "2025-06-01"


def _investments(events) -> dict[str, str]:
    """Investor text or id -> status of each energy investment."""
    return {(e.investor.id or e.investor.text): e.status for e in events
            if e.type == "energy_investment" and e.investor is not None}


def test_a_consortium_noun_takes_its_of_objects_as_investors(run):
    events = run("The ministry approved a consortium of Eni and Tullow Oil for two offshore gas blocks in Namibia.")
    assert {"Eni", "Tullow Oil"} <= _investments(events).keys()


def test_every_firm_named_in_a_consortium_phrase_invests_however_parsed(run):
    events = run("A consortium of CNOOC and Vaalco Energy was awarded two deep-water blocks off Gabon, the energy "
                 "ministry announced on Tuesday.")
    assert {"CNOOC", "Vaalco Energy"} <= _investments(events).keys()


def test_a_beaten_consortium_is_a_negated_investment_of_each_member(run):
    events = run("Chevron won exploration rights to two deepwater oil blocks in Liberia, the regulator said. Chevron "
                 "beat a rival consortium of Equinor and Petronas for the blocks in Liberia, he said.")
    investors = _investments(events)
    assert investors.get("Equinor") == "negated"
    assert investors.get("Petronas") == "negated"


def test_an_attempt_to_block_a_bid_leaves_it_proposed(run):
    events = run("The Italian government moved yesterday in what critics called an attempt to block Iberdrola's "
                 "planned €12 billion takeover bid for Enel, the power group.")
    assert _investments(events).get("Iberdrola") == "proposed"


def test_a_takeover_bid_by_eon_for_a_foreign_utility_is_an_investment(run):
    events = run("Eon's €10 billion takeover bid for Endesa drew fire from ministers in Madrid on Monday.")
    hosts = {e.host_country.id for e in events if e.type == "energy_investment" and e.host_country}
    assert "ESP" in hosts
