"""Energy-investment rules from misses and false events on real published news, session 13, third round (private
development sets, never copied here): every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_pairs

from eventex.linking import Linker
from eventex.stages.resolve import Resolver

PUB = "2025-06-01"


def _pairs(events) -> set[tuple]:
    return core_pairs(events, "energy_investment")


def test_a_wire_instrument_code_after_a_firms_name_is_no_part_of_it(run):
    events = run("Oil majors Chevron CVX.N and TotalEnergies (TTEF.PA) won blocks in Angola's offshore region on "
                 "Monday.")
    assert {("Chevron", "AGO"), ("TotalEnergies", "AGO")} <= _pairs(events)


def _hosts(doc) -> set[str | None]:
    events = Linker()(Resolver()(doc)).events
    return {e.host_country.id if e.host_country else None for e in events if e.type == "energy_investment"}


def test_the_state_owning_an_unnamed_firm_apposed_as_a_unit_is_no_host(hand_doc):
    doc = hand_doc("Chevron, in a consortium with Inpex and Ghana's Kwartech, a unit of Osei Holdings, won another.",
                   ("Chevron", "ORG"), ("Inpex", "ORG"), ("Ghana", "GPE"), ("Osei Holdings", "ORG"))
    assert "GHA" not in _hosts(doc)


def test_the_state_owning_an_unnamed_firm_listed_with_a_firm_is_no_host(hand_doc):
    doc = hand_doc("Chevron won another block in a consortium with Inpex and Ghana's Kwartech.",
                   ("Chevron", "ORG"), ("Inpex", "ORG"), ("Ghana", "GPE"))
    assert "GHA" not in _hosts(doc)
