"""Rules from session 26's real-news dev analysis. Every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_pairs

PUB = "2024-03-01"

MOZAMBIQUE = (
    "Mozambique's government said on Friday that work on the offshore gas project in Cabo Delgado would resume "
    "this year after a four-year halt. Mozambique has waited for security to improve in the north of the country."
    "\n\nEni operates the Coral South platform. Kogas holds 10 percent of the Area 4 block, and Galp Energia also "
    "has a share."
)
POLAND = (
    "Poland has raised its defence budget to four percent of output. Polish officials say the army needs more "
    "artillery, and Poland's generals want it fast.\n\n"
)


def test_a_firms_stake_with_no_host_named_is_in_the_state_the_article_is_about(run):
    assert ("Galp Energia", "MOZ") in core_pairs(run(MOZAMBIQUE), "energy_investment")


def test_a_firms_stake_in_a_story_about_its_own_state_takes_no_host(run):
    # guard: the state the article names most is the firm's own
    text = ("South Korea's energy ministry said on Friday that state firms would spend more abroad. South Korea "
            "imports almost all of its gas, and Korean officials worry about supply.\n\nKogas holds 10 percent of "
            "the Area 4 block, the ministry said.")
    assert core_pairs(run(text), "energy_investment") == set()


def test_no_topic_state_when_two_states_are_named_as_often(run):
    # guard: Brazil and Argentina tie, so the article has no topic state
    text = ("Brazil and Argentina both claimed the lead in offshore output this year.\n\nKogas holds 10 percent of "
            "the Area 4 block, the ministry said.")
    assert core_pairs(run(text), "energy_investment") == set()


def test_a_firms_contract_with_no_buyer_named_is_with_the_state_the_article_is_about(run):
    text = POLAND + "Hanwha Aerospace won a contract to supply 200 howitzers, with deliveries due from next year."
    assert core_pairs(run(text), "arms_sale") == {("Hanwha Aerospace", "POL")}


def test_a_state_seller_takes_no_buyer_from_the_topic(run):
    # guard: only a firm's sale is completed from the article's topic; a state's may be to anyone
    text = POLAND + "Russia sold 200 howitzers this year, with deliveries due from next year."
    assert core_pairs(run(text), "arms_sale") == set()

