"""News-language parties of arms sales and energy investments (issue #13): a buyer named as a state body stands for
its state, 'it' in what a firm says is the firm, and co-investors are not each other's host."""

from __future__ import annotations

from newslib import core_tuples as _tuples

PUB = "2024-05-01"


def test_a_state_body_buyer_stands_for_the_state_named_after_it(run):
    events = run("Last week the Air Force of the Kyrgyz Republic received a new batch of Akinci drones.")
    assert _tuples(events, "arms_sale") == {("TUR", "KGZ", "actual")}


def test_a_state_body_buyer_in_a_round_up_item_stands_for_the_state_of_its_headline(run):
    events = run("Ecuador modernises its air force\n\nQUITO - The Ministry of Defence signed a contract with Embraer "
                 "on Monday for four Super Tucano aircraft.")
    assert _tuples(events, "arms_sale") == {("Embraer", "ECU", "actual")}


def test_it_in_what_the_company_says_is_the_firm_the_article_is_about(run):
    events = run("Hanwha Aerospace opened a plant in Australia on Monday. The company said it had delivered the last "
                 "K9 howitzers to Estonia in June.")
    assert _tuples(events, "arms_sale") == {("Hanwha Aerospace", "EST", "actual")}


def test_states_coordinated_as_investors_are_each_an_investor_not_the_host(run):
    events = run("Uzbekistan and Kazakhstan will take part in financing the construction of the Rogun dam together "
                 "with the Tajik side.")
    assert _tuples(events, "energy_investment") == {("UZB", "TJK", "planned"), ("KAZ", "TJK", "planned")}


def test_an_apposed_firm_in_its_own_clause_beats_the_subject_of_a_coordinated_clause(run):
    events = run("Algeria approved the plan in 2019, and its national oil company, Sonatrach, signed an agreement in "
                 "May to explore two onshore blocks in Niger.")
    assert _tuples(events, "energy_investment") == {("Sonatrach", "NER", "proposed")}


def test_a_stake_held_in_a_sentence_with_no_place_is_in_the_asset_named_before_it(run):
    events = run("Petronas has bought a 30% interest in Block 66 off Suriname from TotalEnergies. TotalEnergies "
                 "retains 40% and remains the operator.")
    assert ("TotalEnergies", "SUR", "actual") in _tuples(events, "energy_investment")


def test_a_stake_sold_in_a_named_asset_is_not_carried_from_an_earlier_one(run):
    events = run("Sinopec had agreed to pay $410 million for a 20% stake in the Tamboril oil field off Angola. Lukoil "
                 "agreed to sell a 10% interest in the deepwater Block 32 to Petronas.")
    assert _tuples(events, "energy_investment") == {("Sinopec", "AGO", "planned")}


def test_the_buyer_of_a_stake_named_by_a_relative_pronoun_invests(run):
    events = run("In Algeria, Sonatrach took over the 45% stake in the Ourhoud field that Repsol had sold to MOL.")
    assert ("MOL", "DZA", "actual") in _tuples(events, "energy_investment")


def test_a_transfer_verb_with_an_object_of_its_own_transfers_no_weapon_named_elsewhere(run):
    for text in ("Greek frigate docks in Beirut; Korea sends food aid to Lebanon",
                 "Korea sends food aid to Lebanon as a Greek frigate docks in Beirut."):
        assert _tuples(run(text), "arms_sale") == set()


def test_the_interest_of_a_nationalitys_firms_in_investing_is_their_proposed_investment(run):
    events = run("The ministers noted the interest of Turkish companies in investing in wind farms in Morocco.")
    assert _tuples(events, "energy_investment") == {("TUR", "MAR", "proposed")}


def test_the_nationality_of_a_subject_that_names_no_one_builds(run):
    events = run("This year the Chinese side plans to finish the construction of the gas pipeline to Osh.")
    assert _tuples(events, "energy_investment") == {("CHN", "KGZ", "planned")}


def test_the_first_customer_of_a_weapon_bought_it_from_its_maker(run):
    events = run("Egypt became the first foreign customer of the Rafale fighter in 2015.")
    assert _tuples(events, "arms_sale") == {("FRA", "EGY", "actual")}


def test_negotiating_for_a_weapon_is_a_proposed_purchase_from_the_one_negotiated_with(run):
    assert _tuples(run("Jakarta is also negotiating for the KAAN fighter."), "arms_sale") == {
        ("TUR", "IDN", "proposed")
    }
    assert _tuples(run("Athens is negotiating with Moscow for Tor-M1 air defence systems."), "arms_sale") == {
        ("RUS", "GRC", "proposed")
    }


def test_the_signer_in_a_relative_clause_on_a_contract_sells(run):
    events = run("With Pakistan we already have the contract for four corvettes that ASFAT signed last year.")
    assert _tuples(events, "arms_sale") == {("ASFAT", "PAK", "actual")}


def test_coordinated_signers_of_a_deal_are_its_maker_and_its_buyer(run):
    events = run("Embraer and Portugal sign contract for five C-390 aircraft")
    assert _tuples(events, "arms_sale") == {("Embraer", "PRT", "actual")}


def test_states_expected_to_sign_contracts_for_a_known_weapon_buy_it(run):
    events = run("Belgium and Sweden are expected to sign their contracts for the C-390 later this year.")
    assert _tuples(events, "arms_sale") == {("BRA", "BEL", "planned"), ("BRA", "SWE", "planned")}


def test_its_in_what_a_state_body_says_is_that_body(run):
    events = run("Finland's Defence Forces Logistics Command said the delivery of its K9 howitzers would be delayed.")
    assert {(s, b) for s, b, _ in _tuples(events, "arms_sale")} == {("KOR", "FIN")}


def test_an_asset_built_by_a_nationalitys_firms_is_their_investment(run):
    events = run("The refinery built by Russian firms in Nigeria opened on Monday.")
    assert _tuples(events, "energy_investment") == {("RUS", "NGA", "actual")}


def test_the_firm_something_clears_the_way_for_builds(run):
    events = run("The permit cleared the way for Turkish firm Kalyon to build a solar power plant in Albania.")
    assert _tuples(events, "energy_investment") == {("Kalyon", "ALB", "planned")}


def test_a_weapon_named_by_its_class_in_a_list_of_customers_is_the_system_named_before_it(run):
    events = run("Dassault Aviation had a busy year. In January the Hellenic Air Force took delivery of its first "
                 "Rafale. In May, Egypt ordered 30 additional aircraft.")
    assert _tuples(events, "arms_sale") == {
        ("Dassault Aviation", "GRC", "actual"), ("Dassault Aviation", "EGY", "actual")
    }


def test_when_two_sides_discuss_a_purchase_the_weapons_maker_state_sells(run):
    events = run("France and Greece held talks in Athens in May. The two sides were reported to have discussed the "
                 "purchase of more Rafale jets.")
    assert _tuples(events, "arms_sale") == {("FRA", "GRC", "alleged")}


def test_a_stake_sold_in_a_sentence_with_no_place_is_in_the_asset_named_before_it(run):
    events = run("Eni found the Zohr field in 2015. The Italian company is also in talks to sell 10 percent to BP, "
                 "people close to the talks said.")
    assert _tuples(events, "energy_investment") == {("BP", "EGY", "alleged")}


def test_a_ministry_regulates_an_investment_and_makes_none(run):
    events = run("The Energy Ministry in Nicosia has rejected a revised development plan for the Aphrodite gas field.")
    assert _tuples(events, "energy_investment") == set()


def test_the_country_in_what_a_states_officials_say_is_their_state(run):
    events = run("Japan protested on Monday. Turkish officials told reporters that the country would consider buying "
                 "Su-35 fighters.")
    assert _tuples(events, "arms_sale") == {("RUS", "TUR", "proposed")}


def test_it_as_a_subject_continues_the_firm_that_was_the_subject_before(run):
    events = run("Petronas signed a supply contract in Cairo last week. It already holds 15% of the Shah Deniz gas "
                 "field.")
    assert ("Petronas", "AZE", "actual") in _tuples(events, "energy_investment")
