"""Arms-sale rules from misses on real published news, second round (a private development set, never copied
here): every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_tuples as _tuples

PUB = "2025-06-01"


def test_an_acronym_spelled_by_an_earlier_forces_name_acts_for_its_state(run):
    events = run("The Ghana Air Force on Friday received three new trainer aircraft bought from Brazil.\n\n"
                 "GAF on Friday took delivery of the second batch of the trainer aircraft that the government ordered "
                 "from Brazil.")
    assert {(s, b) for s, b, _ in _tuples(events, "arms_sale")} == {("BRA", "GHA")}


def test_a_ministry_buying_from_a_firm_of_the_storys_own_state_is_a_domestic_procurement(run):
    events = run("Defence Ministry and Kalashnikov Concern sign contract for Tor-M2 systems\n\n"
                 "The Defence Ministry and the holding Kalashnikov Concern signed a contract for the supply of Tor-M2 "
                 "air defence systems worth 9 billion rubles, the holding said. Kalashnikov Concern, based in Izhevsk, "
                 "Russia, is the country's largest maker of small arms.")
    assert _tuples(events, "arms_sale") == set()


def test_the_unit_named_in_a_parents_possessive_is_the_seller(run):
    events = run("Norway may cancel a $2 billion deal to buy naval helicopters from Textron Inc's Bell unit, the "
                 "government said on Friday.")
    sellers = {s for s, _, _ in _tuples(events, "arms_sale")}
    assert sellers == {"Bell"}


def test_a_firm_a_state_body_signs_a_deal_with_sells(run):
    events = run("Spanish shipyard Navantia Shipbuilders (NS) said the frigates would be delivered by 2027. The "
                 "Department of National Defence (DND) of Chile signed a USD 900-million contract with NS for the "
                 "acquisition of two frigates on March 3, 2024.")
    assert ("NS", "CHL", "actual") in _tuples(events, "arms_sale")
