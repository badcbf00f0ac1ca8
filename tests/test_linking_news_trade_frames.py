"""News-language frames of the arms trade and energy stakes: awarding a contract, building for a buyer, interest in
a weapon, weapons arriving, talks about buying, lots of a system named before, consortium members and leaders,
and a stake in a firm whose asset a relative clause names."""

from __future__ import annotations

from newslib import core_tuples as _tuples

PUB = "2022-06-01"


def test_the_one_awarding_a_contract_buys_and_the_one_awarded_sells(run):
    events = run("The Philippine Navy awarded Hyundai Heavy Industries a contract worth $600 million for two "
                 "corvettes.")
    assert _tuples(events, "arms_sale") == {("Hyundai Heavy Industries", "PHL", "actual")}
    events = run("Canberra awarded a contract for 40 Boxer vehicles to Rheinmetall.")
    assert _tuples(events, "arms_sale") == {("Rheinmetall", "AUS", "actual")}
    events = run("Rheinmetall was awarded a contract by Hungary for Lynx vehicles.")
    assert _tuples(events, "arms_sale") == {("Rheinmetall", "HUN", "actual")}
    assert _tuples(run("The ministry awarded a medal to the engineers who built the dam."), "arms_sale") == set()


def test_a_builder_sells_what_it_builds_for_a_buyer(run):
    events = run("Fincantieri is constructing two frigates for Indonesia under a 2021 contract.")
    assert _tuples(events, "arms_sale") == {("Fincantieri", "IDN", "actual")}
    assert _tuples(run("Turkish yards are building four frigates for the Pakistan Navy."), "arms_sale") == {
        ("TUR", "PAK", "actual")
    }
    assert _tuples(run("Egypt builds its own frigates."), "arms_sale") == set()


def test_interest_in_a_weapon_is_a_proposed_purchase_from_its_maker(run):
    events = run("Kenyan officials made no secret of their interest in the Bayraktar TB2.")
    assert {(b, s) for _, b, s in _tuples(events, "arms_sale")} == {("KEN", "proposed")}
    events = run("Manila's interest in the BrahMos missile is well known.")
    assert {(b, s) for _, b, s in _tuples(events, "arms_sale")} == {("PHL", "proposed")}


def test_the_parties_of_talks_about_buying_are_buyer_and_seller(run):
    events = run("Vietnam is in talks with Saab about buying Gripen fighters, people familiar with the matter said.")
    assert _tuples(events, "arms_sale") == {("Saab", "VNM", "alleged")}
    events = run("Peru held talks with Korea Aerospace Industries on buying FA-50 jets.")
    assert _tuples(events, "arms_sale") == {("Korea Aerospace Industries", "PER", "proposed")}


def test_weapons_arriving_come_from_their_seller_to_the_dateline_or_named_place(run):
    events = run("MANILA (Reuters) - The first BrahMos missile batteries arrived from India on Friday.")
    assert _tuples(events, "arms_sale") == {("IND", "PHL", "actual")}
    assert _tuples(events, "visit") == set()
    events = run("The first Rafale jets arrived in India from France in July.")
    assert _tuples(events, "arms_sale") == {("FRA", "IND", "actual")}
    events = run("The first batch of Chinese-made JF-17 fighters arrived in Nigeria on Tuesday.")
    assert _tuples(events, "arms_sale") == {("CHN", "NGA", "actual")}
    assert _tuples(run("Chinese-made JF-17 fighters arrived in Nigeria on Tuesday."), "visit") == set()


def test_an_order_of_lots_is_of_the_system_named_before(run):
    events = run("Chile operates the Leopard 2 tank. Norway and Finland ordered follow-on batches in 2019.")
    assert {(b, s) for _, b, s in _tuples(events, "arms_sale")} == {("NOR", "actual"), ("FIN", "actual")}


def test_consortium_members_each_invest_in_the_asset_of_the_firm_bought_into(run):
    events = run("A consortium of Petronas, Oil India and Pertamina completed the purchase of a 30% stake in "
                 "Taasneft, the Rosneft unit that runs the Yurubcheno field in Russia's Eastern Siberia.")
    assert {("Petronas", "RUS"), ("Oil India", "RUS"), ("Pertamina", "RUS")} <= {
        (i, h) for i, h, _ in _tuples(events, "energy_investment")
    }


def test_a_consortium_leader_invests_and_a_raised_holding_is_in_the_asset_before(run):
    events = run("A consortium led by Gazprom Neft has agreed to buy Brazil's Braskem Energia.")
    assert ("Gazprom Neft", "BRA") in {(i, h) for i, h, _ in _tuples(events, "energy_investment")}
    events = run("Petrobras bought 30% of the Block 58 concession off Suriname. Pertamina later raised its holding in "
                 "the block to 20% from 10%.")
    assert ("Pertamina", "SUR") in {(i, h) for i, h, _ in _tuples(events, "energy_investment")}


def test_a_builders_pronoun_in_a_relative_clause_is_the_clause_subject(run):
    events = run("Turkey's state shipyard STM launched on Monday the second of four frigates it is building for the "
                 "Ukrainian Navy.")
    assert _tuples(events, "arms_sale") == {("STM", "UKR", "actual")}


def test_a_guessed_buyer_brings_its_coordinated_states(run):
    events = run("Chinese Wing Loong drones have been exported to six states, among them Morocco and Kenya.")
    assert _tuples(events, "arms_sale") == {("CHN", "MAR", "actual"), ("CHN", "KEN", "actual")}
    events = run("Russia has sold Pantsir systems to several countries, including Iraq and Algeria.")
    assert _tuples(events, "arms_sale") == {("RUS", "IRQ", "actual"), ("RUS", "DZA", "actual")}


def test_the_corporation_is_the_firm_named_before_and_each_asset_has_its_host(run):
    events = run("ROSATOM signed the deal in Cairo. The Corporation is building the Akkuyu NPP in Turkey and the "
                 "Rooppur NPP in Bangladesh.")
    assert {("ROSATOM", "TUR"), ("ROSATOM", "BGD")} <= {(i, h) for i, h, _ in _tuples(events, "energy_investment")}
    assert all(i != "Corporation" for i, _, _ in _tuples(events, "energy_investment"))


def test_owning_most_of_a_foreign_firm_is_an_investment_at_the_firms_home(run):
    events = run("Lukoil owns the majority of Petrotel, including the Ploiesti refinery.")
    assert {(i, s) for i, _, s in _tuples(events, "energy_investment")} == {("Lukoil", "actual")}
    assert _tuples(run("Saudi Aramco owns the Ras Tanura refinery."), "energy_investment") == set()


def test_firms_named_along_with_the_investor_invest_too(run):
    events = run("Engie, together with Masdar, will build a wind farm in Egypt.")
    assert {(i, h) for i, h, _ in _tuples(events, "energy_investment")} == {("Engie", "EGY"), ("Masdar", "EGY")}
    events = run("Engie is one of three bidders, along with China's CGN and Korea Electric Power, hoping to build the "
                 "nuclear plant in Uzbekistan.")
    assert {i for i, _, _ in _tuples(events, "energy_investment")} == {"Engie", "CGN", "Korea Electric Power"}
    events = run("Russia, along with China, supports the plan to build a pipeline in Iran.")
    assert {i for i, _, _ in _tuples(events, "energy_investment")} == {"RUS"}


def test_the_winner_of_an_arms_tender_sells_to_the_navy_it_is_for(run):
    events = run("Spain has won the tender for procurement of four corvettes to the Peruvian Navy, the minister said.")
    assert _tuples(events, "arms_sale") == {("ESP", "PER", "actual")}  # a tender won is no proposal


def test_the_firm_that_receives_or_wins_an_order_sells_to_the_one_placing_it(run):
    events = run("India received an order from Armenia for Pinaka rocket launchers.")
    assert _tuples(events, "arms_sale") == {("IND", "ARM", "actual")}
    events = run("Hanwha won a contract from Australia for 30 K9 howitzers.")
    assert _tuples(events, "arms_sale") == {("Hanwha", "AUS", "actual")}


def test_a_procurement_at_home_is_no_arms_sale(run):
    events = run("Rheinmetall delivered 50 Boxer vehicles to the German army. Lockheed Martin will supply 12 F-35 jets "
                 "to Poland.")
    assert _tuples(events, "arms_sale") == {("Lockheed Martin", "POL", "planned")}


def test_a_buyer_getting_weapons_from_a_seller_is_a_sale(run):
    events = run("Egypt will get 30 more Rafale jets from France.")
    assert _tuples(events, "arms_sale") == {("FRA", "EGY", "planned")}
    assert _tuples(run("Greece got a good price for its olive oil from Italian buyers."), "arms_sale") == set()


def test_weapons_flagged_off_to_a_buyer_are_delivered(run):
    events = run("India's defence minister flagged off the first tranche of Guided Pinaka rockets to Armenia.")
    assert {(s, b) for s, b, _ in _tuples(events, "arms_sale")} == {("IND", "ARM")}
    assert _tuples(run("The minister flagged off a new train to Delhi."), "arms_sale") == set()
