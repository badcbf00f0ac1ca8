"""Arms-deal parties reached through structure (session 13, real-news misses; every sentence is invented): the
transfer a deal noun is for, and a deal partner named only by a firm noun with a nationality."""

from __future__ import annotations

from newslib import core_pairs

PUB = "2025-06-01"


def test_the_recipient_of_the_transfer_a_deal_is_for_buys(run):
    events = run("Seoul: South Korea and Egypt have concluded a $1.6 billion contract on the delivery of K9 howitzers "
                 "to the Egyptian Army.")
    deals = [e for e in events if e.type == "arms_sale" and e.trigger.text == "contract"]
    assert [(e.seller.id, [b.id for b in e.buyer]) for e in deals] == [("KOR", ["EGY"])]


def test_a_contract_with_a_nationality_firm_noun_is_bought_by_its_signer(run):
    events = run("LIMA Oct 3 Peru signed a $200 million contract on Monday with a Spanish shipyard for the supply of "
                 "two patrol vessels, the navy said.")
    assert core_pairs(events, "arms_sale") == {("ESP", "PER")}


def test_the_firm_noun_partner_is_the_firm_of_its_state_named_next(run):
    events = run("LIMA Oct 3 Peru signed a $200 million contract on Monday with a Spanish shipyard for the supply of "
                 "two patrol vessels. Defence Minister Juan Soto signed the agreement with executives of Spain's "
                 "Navantia.")
    assert ("Navantia", "PER") in core_pairs(events, "arms_sale")


def test_a_deal_awarded_to_a_nationality_contractor_is_bought_by_the_state_at_hand(run):
    events = run("LIMA Oct 3 Peru plans to spend more on its coast guard next year.\n\n"
                 "A contract for four coastal radars worth 90 million soles had been awarded to a Swedish contractor.")
    assert core_pairs(events, "arms_sale") == {("SWE", "PER")}
