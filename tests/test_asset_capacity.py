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

