"""Rules from session 34's real-news dev analysis. Every sentence below is invented for the test."""

from __future__ import annotations

import pytest
from newslib import core_pairs

PUB = "2024-03-01"


@pytest.mark.parametrize(("text", "expected"), [
    ("Japan's Inpex to acquire offshore Australia block", {("Inpex", "AUS")}),
    ("Woodside will take a stake in the deepwater Senegal block.", {("Woodside", "SEN")}),
    # the place must be a name, not a plain word of the asset's
    ("Woodside will take a stake in the offshore gas block.", set()),
])
def test_a_place_after_plain_words_in_an_assets_name_hosts_it(run, text, expected):
    # 'offshore Australia block': the name's place lies after the plain words that describe the asset
    assert core_pairs(run(text), "energy_investment") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Iraq will sign a contract to develop the Ahdab oil field with a unit of China National Petroleum Corp.",
     {("China National Petroleum Corp", "IRQ")}),
    ("Angola signed an agreement to build a refinery with Italy's Eni.", {("Eni", "AGO")}),
])
def test_the_with_phrase_of_a_deals_purpose_names_the_partner(run, text, expected):
    # the 'with' phrase hangs on the deal's purpose verb, not on the deal noun
    assert core_pairs(run(text), "energy_investment") == expected
