"""News-language rules for arms sales and energy investments (issue #13): a firm's nationality is no host, a known
asset's state beats a guess, relative clauses on nominal triggers, and who buys what a state expects delivered."""

from __future__ import annotations

import pytest
from newslib import core_tuples as _tuples

PUB = "2021-03-01"


def test_a_firms_nationality_is_no_host_and_a_known_asset_names_it(run):
    events = run("ExxonMobil operates the Stabroek block with a 45% share, while China's CNOOC holds 25% of it.")
    assert _tuples(events, "energy_investment") == {("ExxonMobil", "GUY", "actual"), ("CNOOC", "GUY", "actual")}


def test_a_relative_clause_with_a_nominal_trigger_gives_the_antecedent_its_role(run):
    events = run("Vietnam, which signed a contract with Russia for six Kilo submarines in 2009, took the last one in "
                 "2017.")
    assert _tuples(events, "arms_sale") == {("RUS", "VNM", "actual")}


def test_the_state_that_expects_a_delivery_is_its_buyer(run):
    events = run("Morocco expects the first Caracal helicopters to be delivered next year, despite objections from "
                 "Algeria.")
    assert _tuples(events, "arms_sale") == {("FRA", "MAR", "planned")}


def test_the_participation_of_firms_or_a_nationality_in_an_asset_is_an_investment(run):
    events = run("The ministers discussed the participation of Turkish companies in the Kandym gas field.")
    assert _tuples(events, "energy_investment") == {("TUR", "UZB", "proposed")}
    events = run("Sinopec's participation in the Agadem block began in 2008.")
    assert _tuples(events, "energy_investment") == {("Sinopec", "NER", "actual")}


def test_an_owners_interest_in_acquiring_makes_it_the_buyer(run):
    events = run("Algeria's interest in acquiring Su-57 fighters was confirmed by officials.")
    assert _tuples(events, "arms_sale") == {("RUS", "DZA", "proposed")}


def test_an_offer_of_weapons_is_a_proposed_sale_from_the_offering_state(run):
    assert _tuples(run("Peru rejected a South Korean offer of K2 tanks."), "arms_sale") == {("KOR", "PER", "proposed")}
    assert _tuples(run("Russia made an offer of S-400 systems to India."), "arms_sale") == {
        ("RUS", "IND", "proposed"),
    }
    assert _tuples(run("Argentina is studying an offer from Denmark of 24 used F-16 fighters."), "arms_sale") == {
        ("DNK", "ARG", "proposed"),
    }
    assert _tuples(run("Brazil made an offer of talks to Venezuela."), "arms_sale") == set()


def test_a_list_role_takes_no_filler_from_a_governing_clause_or_a_modifier(run):
    events = run("The newspaper Vedomosti reported that Algeria had signed for 14 Su-57 fighters.")
    assert _tuples(events, "arms_sale") == {("RUS", "DZA", "alleged")}
    events = run("Ankara has sold the drones to Ukraine, Azerbaijan and Poland, the first NATO member to buy them.")
    assert _tuples(events, "arms_sale") == {
        ("TUR", "UKR", "actual"), ("TUR", "AZE", "actual"), ("TUR", "POL", "actual"),
    }


def test_a_sale_approved_to_a_buyer_names_the_buyer_on_the_verb(run):
    events = run("The State Department approved a possible sale of 40 F-16 jets to Turkey.")
    assert {(b, s) for _, b, s in _tuples(events, "arms_sale")} == {("TUR", "proposed")}


def test_the_foreign_firm_a_host_company_signs_with_is_the_investor(run):
    events = run("Sonatrach signed a memorandum with Eni on exploring new oil blocks in Algeria.")
    assert _tuples(events, "energy_investment") == {("Eni", "DZA", "proposed")}
    events = run("Sinopec signed an agreement with Total on developing the Tilenga oil field in Uganda.")
    assert {i for i, _, _ in _tuples(events, "energy_investment")} == {"Sinopec"}


def test_the_nationality_of_a_definite_firm_noun_stands_for_the_firm_named_before(run):
    events = run("Eni reported record profits on Tuesday. The Italian company will invest $1 billion in a gas field "
                 "off Libya.")
    assert _tuples(events, "energy_investment") == {("Eni", "LBY", "planned")}
    events = run("Italian companies will invest $1 billion in a gas field off Libya.")
    assert _tuples(events, "energy_investment") == {("ITA", "LBY", "planned")}


def test_a_blocked_takeover_is_a_negated_investment_by_the_bidder(run):
    events = run("Canberra blocked the takeover of the gas pipeline operator by Hong Kong's CK Infrastructure.")
    assert _tuples(events, "energy_investment") == {("CK Infrastructure", "AUS", "negated")}


def test_participation_in_the_work_on_an_asset_names_the_asset(run):
    events = run("The ministers discussed the participation of Chinese companies in the modernization of the thermal "
                 "power plants of Kyrgyzstan.")
    assert _tuples(events, "energy_investment") == {("CHN", "KGZ", "proposed")}


def test_signing_for_weapons_is_a_purchase_by_the_raised_subject(run):
    events = run("Peru is expected to sign next month for 12 used F-16 fighters from Norway.")
    assert _tuples(events, "arms_sale") == {("NOR", "PER", "planned")}
    events = run("Cyprus signed a contract with Rosoboronexport for the purchase of Tor air defense systems.")
    assert _tuples(events, "arms_sale") == {("Rosoboronexport", "CYP", "actual")}


def test_the_signer_of_a_memorandum_on_exploration_and_the_firm_an_agreement_is_with_invest(run):
    events = run("Petrobras and YPFB signed a memorandum of understanding on joint exploration for gas fields in "
                 "Bolivia.")
    assert _tuples(events, "energy_investment") == {("Petrobras", "BOL", "proposed")}
    events = run("The agreement with Rosatom on the construction of a nuclear power plant in Uzbekistan was "
                 "cancelled.")
    assert _tuples(events, "energy_investment") == {("Rosatom", "UZB", "negated")}


def test_the_state_of_a_firm_bought_hosts_the_investment(run):
    events = run("Sinopec agreed to buy 40 percent of Repsol for $7 billion.")
    assert _tuples(events, "energy_investment") == {("Sinopec", "ESP", "planned")}


@pytest.mark.parametrize(
    ("text", "seller", "buyer"),
    [
        ("Russia is India's largest arms supplier.", "RUS", "IND"),
        ("Israel remains the main supplier of drones to Azerbaijan.", "ISR", "AZE"),
        ("Moscow has long been the top arms supplier to Vietnam.", "RUS", "VNM"),
        ("China emerged as a major supplier of fighter jets to Iran.", "CHN", "IRN"),
        ("India is the largest buyer of Russian arms.", "RUS", "IND"),
    ],
)
def test_agent_nouns_of_the_arms_trade_state_a_sale(run, text, seller, buyer):
    assert _tuples(run(text), "arms_sale") == {(seller, buyer, "actual")}


def test_an_agent_noun_without_the_other_party_or_a_weapon_states_no_sale(run):
    assert not run("The firm is a supplier of spare parts.")
    assert not run("Rosvooruzhenie, Russia's state arms exporter, opened an office.")


@pytest.mark.parametrize(
    ("text", "investor", "host"),
    [
        ("China will help Pakistan build two nuclear reactors at Chashma.", "CHN", "PAK"),
        ("Rosatom will help Egypt to build four reactors at El Dabaa.", "Rosatom", "EGY"),
        ("South Korea helped the UAE build the Barakah nuclear power plant.", "KOR", "ARE"),
        ("Moscow agreed to help Ankara build the Akkuyu nuclear plant.", "RUS", "TUR"),
    ],
)
def test_the_helper_invests_and_the_state_helped_hosts(run, text, investor, host):
    assert {(i, h) for i, h, _ in _tuples(run(text), "energy_investment")} == {(investor, host)}


@pytest.mark.parametrize(
    ("text", "seller", "buyer"),
    [
        ("There were rumours of Burmese plans to purchase ballistic missiles from North Korea.", "PRK", "MMR"),
        ("The decision of the Government of Peru to buy Gripen fighters from Sweden was welcomed.", "SWE", "PER"),
        ("The readiness of France to sell Rafale jets to India was noted.", "FRA", "IND"),
    ],
)
def test_the_owner_or_nationality_of_a_governing_noun_takes_part_in_the_sale(run, text, seller, buyer):
    assert {(s, b) for s, b, _ in _tuples(run(text), "arms_sale")} == {(seller, buyer)}


def test_a_nationality_on_a_noun_a_participle_modifies_is_no_investor(run):
    text = "The Chinese tracking station in Neuquen, operated by a military unit, remains sensitive."
    assert not _tuples(run(text), "energy_investment")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Spain signed a contract under which it will supply Venezuela with 12 C-295 transport aircraft.", "actual"),
        ("Saab signed a deal to deliver 24 Gripen fighters to Colombia.", "actual"),
        ("Spain will sign a contract to supply Venezuela with 12 C-295 transport aircraft.", "planned"),
    ],
)
def test_what_a_signed_contract_provides_for_is_actual(run, text, status):
    assert {s for _, _, s in _tuples(run(text), "arms_sale")} == {status}


def test_an_energy_company_selling_its_output_invests_in_nothing_but_investing_does(run):
    events = run("QatarEnergy agreed to supply Japan with 2 million tonnes of LNG a year from 2026.")
    assert _tuples(events, "energy_investment") == set()  # no asset: a sale of output
    events = run("KOGAS will invest $500 million in Mozambique, the company said on Tuesday.")
    assert _tuples(events, "energy_investment") == {("KOGAS", "MOZ", "planned")}  # a known energy company
