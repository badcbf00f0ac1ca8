"""An investment's capacity stated on its asset. Every sentence below is invented for the test."""

from __future__ import annotations

PUB = "2024-03-01"


def _capacities(events) -> set[tuple]:
    return {(e.asset.text if e.asset else None, e.capacity.text if e.capacity else None)
            for e in events if e.type == "energy_investment"}


def test_a_quantity_modifying_the_asset_is_its_capacity(run):
    events = run("The 300-megawatt coal-fired power plant built by Chinese companies at Gwadar in Pakistan was "
                 "connected to the grid on Sunday.")
    assert _capacities(events) == {("coal-fired power plant", "300-megawatt")}



def test_a_capacity_told_in_a_later_sentence_is_the_investments(run):
    events = run("Kenya signed a deal with Danish firm Orsted to build a wind farm near Lamu. The firm will hire 200 "
                 "local workers. The wind farm will have a capacity of 400 megawatts.")
    assert _capacities(events) == {("wind farm", "400 megawatts")}


def test_a_sized_definite_asset_in_a_later_sentence_gives_the_capacity(run):
    events = run("Vietnam awarded a licence to Japan's Jera to build a gas-fired power plant in Nghe An. The "
                 "1.2-gigawatt plant will start in 2029.")
    assert _capacities(events) == {("gas-fired power plant", "1.2-gigawatt")}


def test_a_later_count_or_a_quantity_in_no_energy_unit_is_no_capacity(run):
    events = run("Kenya signed a deal with Danish firm Orsted to build a wind farm near Lamu. The wind farm will "
                 "have a capacity of 80 turbines. The 300 workers will come from Lamu.")
    assert _capacities(events) == {("wind farm", None)}
