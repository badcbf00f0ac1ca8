"""Rules from session 41's real-news dev analysis. Every sentence below is invented for the test."""

from __future__ import annotations

PUB = "2024-03-01"


def _investments(events):
    return {(e.investor.text, e.host_country.id if e.host_country else None, e.asset.text if e.asset else None)
            for e in events if e.type == "energy_investment"}


def test_an_asset_backed_by_firms_is_their_investment(run):
    assert _investments(run("The Lamu coal plant in Kenya is backed by Centum and Gulf Energy.")) == {
        ("Centum", "KEN", "Lamu coal plant"), ("Gulf Energy", "KEN", "Lamu coal plant")}
    # guard: what the firms back must be an energy asset, even when they are energy companies
    assert _investments(run("The proposal, backed by BP and Wintershall, was rejected in Egypt.")) == set()


def test_an_energy_assets_acronym_is_the_asset_with_its_host(run):
    events = run("BP is pressing ahead with the West Nile Delta (WND) scheme. WND, backed by BP and Wintershall, "
                 "started producing gas in 2017.")
    assert _investments(events) == {("BP", "EGY", "WND"), ("Wintershall", "EGY", "WND")}


def test_an_organisations_acronym_stays_an_organisation(default_extractor):
    # guard: the acronym of a firm is the firm, not an asset
    doc = default_extractor.extract("The Nigerian National Petroleum Corporation (NNPC) said NNPC will sell crude "
                                    "to India.")
    assert {(e.text, e.label) for e in doc.entities if e.text == "NNPC"} == {("NNPC", "ORG")}
