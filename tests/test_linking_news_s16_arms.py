"""Arms sales in news language (session 16, real-news misses; every sentence is invented): weapon words on a
sale noun, sources named on the weapon, talks partners of a purchase, production licences, state agencies,
relative clauses on a described buyer, variant weapon names and a seller's home among the buyers."""

from __future__ import annotations

from newslib import core_pairs, core_tuples

PUB = "2025-06-01"


def test_a_military_sale_needs_no_weapon_mention(run):
    events = run("Washington has approved possible foreign military sales to Jordan worth $900 million.")
    assert core_tuples(events, "arms_sale") == {("USA", "JOR", "proposed")}


def test_the_source_of_a_weapon_ordered_earlier_sells_it_before_its_maker_named_later(run):
    events = run("Croatia on Monday received the first six Rafale jets purchased from France last year. "
                 "A ceremony was held at a Dassault Aviation site.")
    assert core_pairs(events, "arms_sale") == {("FRA", "HRV")}


def test_the_partner_of_talks_for_a_purchase_sells(run):
    events = run("Kenya is in advanced negotiations with Turkey for the purchase of 40 armoured vehicles.")
    assert core_tuples(events, "arms_sale") == {("TUR", "KEN", "proposed")}


def test_a_firm_in_talks_with_a_state_over_a_purchase_sells_to_it(run):
    events = run("Leonardo has begun contract talks with Chile over a planned purchase of twelve trainer jets.")
    assert core_pairs(events, "arms_sale") == {("Leonardo", "CHL")}


def test_a_us_abbreviation_without_its_last_dot_is_the_united_states(run):
    events = run("The U.S has agreed to sell six patrol boats and two helicopters to Ghana.")
    assert core_pairs(events, "arms_sale") == {("USA", "GHA")}


def test_a_state_arms_agency_stands_for_its_state(run):
    events = run("The FSMTC said it would supply twelve transport helicopters to Mali next year.")
    assert core_pairs(events, "arms_sale") == {("RUS", "MLI")}


def test_a_described_buyer_of_a_relative_clause_with_a_preposition(run):
    events = run("Indonesia became the second country to which South Korea sold its trainer jets.")
    assert core_pairs(events, "arms_sale") == {("KOR", "IDN")}


def test_a_variant_letter_plural_of_a_known_weapon_is_a_weapon(run):
    events = run("The maker delivered a small number of Gripen Es to its customer Colombia during the spring.")
    assert core_pairs(events, "arms_sale") == {("SWE", "COL")}


def test_a_firms_own_state_among_its_buyers_is_procurement(run):
    events = run("Saab handed over four more Gripen jets to Hungary and Sweden in May.")
    assert core_pairs(events, "arms_sale") == {("Saab", "HUN")}


def test_a_production_licence_renewed_for_a_state(run):
    events = run("Moscow has renewed Hanoi's licence to produce the assault rifles.")
    assert core_pairs(events, "arms_sale") == {("RUS", "VNM")}


def test_a_stated_source_sells_back_a_weapon_the_buyers_own_state_made(run):
    events = run("Berlin plans to buy back 15 Gepard guns from Qatar.")
    assert core_pairs(events, "arms_sale") == {("QAT", "DEU")}


def test_the_former_user_of_second_hand_jets_sells_them_before_their_maker(run):
    events = run("Peru will buy ten F-16 jets formerly operated by Norway.")
    assert core_pairs(events, "arms_sale") == {("NOR", "PER")}


def test_a_ditched_purchase_plan_is_negated(run):
    events = run("Ghana has ditched its plan to buy four Turkish drones, a ministry aide said.")
    assert core_tuples(events, "arms_sale") == {("TUR", "GHA", "negated")}


def test_a_known_firm_split_into_a_nationality_and_a_weapon_word_is_one_seller(run):
    events = run("Next spring Russian Helicopters will ship six Mi-17 helicopters to Laos.")
    assert core_pairs(events, "arms_sale") == {("Russian Helicopters", "LAO")}


def test_a_shared_demonym_is_the_one_state_the_text_names(run):
    events = run("Chilean officials met in Santiago with a delegation from Seoul. "
                 "Chile is also interested in buying Korean frigates, Chilean media said.")
    assert core_pairs(events, "arms_sale") == {("KOR", "CHL")}


def test_a_shared_demonym_the_text_resolves_by_neither_state_is_the_one_news_means_by_it(run):
    assert core_pairs(run("Peru has cancelled its order for Korean tanks."), "arms_sale") == {("KOR", "PER")}
    events = run("North Korea has sold Korean rockets to Iran, the report said.")  # guard: the state it names
    assert core_pairs(events, "arms_sale") == {("PRK", "IRN")}


def test_named_members_of_a_group_buying_a_weapon_named_before_as_a_pronoun(run):
    events = run("Turkey sold the drones to Kenya, and several other states, including Chad and Niger, "
                 "want to buy them.")
    assert core_pairs(events, "arms_sale") == {("TUR", "KEN"), ("TUR", "TCD"), ("TUR", "NER")}


def test_the_seller_of_a_weapon_is_the_state_said_to_export_it(run):
    events = run("Pakistan exported the rifles to Kenya, and some neighbours, including Uganda, now want to buy them.")
    assert core_pairs(events, "arms_sale") == {("PAK", "KEN"), ("PAK", "UGA")}
