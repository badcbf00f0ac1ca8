"""Rules from session 28's real-news dev analysis. Every sentence below is invented for the test."""

from __future__ import annotations

import pytest
from newslib import core_pairs

PUB = "2024-03-01"


@pytest.mark.parametrize("text", [
    "The Peruvian Government has awarded a contract to Embraer for the procurement of three KC-390 airlifters.",
    "The Peruvian Navy awarded a contract to Embraer for the supply of three KC-390 airlifters.",
])
def test_the_firm_a_government_awards_a_contract_to_sells(run, text):
    # the contract is the deal, not a good the verb transfers instead of the weapon
    assert core_pairs(run(text), "arms_sale") == {("Embraer", "PER")}


def test_the_firm_a_contract_is_awarded_to_by_a_government_sells(run):
    text = "The contract for 12 Rafale jets was awarded to Dassault Aviation by the Indonesian government."
    assert core_pairs(run(text), "arms_sale") == {("Dassault Aviation", "IDN")}


def test_a_firm_named_with_a_state_as_two_partners_keeps_its_own_state(run):
    # 'between Peru and Embraer' names two parties: Embraer does not become Peruvian, so the sale is not domestic
    text = ("The Peruvian Government has awarded a contract to Embraer for the procurement of three KC-390 "
            "airlifters. The deal deepens the partnership between Peru and Embraer.")
    assert core_pairs(run(text), "arms_sale") == {("Embraer", "PER")}


def test_a_state_apposed_to_a_firm_names_its_nationality_not_the_host(run):
    # Malaysia is where Petronas comes from, not where the blocks lie
    text = "The shallow blocks off Guyana were awarded to TotalEnergies, QatarEnergy and Petronas (Malaysia)."
    assert core_pairs(run(text), "energy_investment") == {
        ("TotalEnergies", "GUY"), ("QatarEnergy", "GUY"), ("Petronas", "GUY")}


@pytest.mark.parametrize("text", [
    "Guyana opened its bid round in May. The shallow blocks were awarded to TotalEnergies and Petronas (Malaysia).",
    "Guyana opened its bid round in May. The shallow blocks were awarded to TotalEnergies and Petronas of Malaysia.",
])
def test_a_firms_nationality_is_no_host_even_when_no_other_state_is_near(run, text):
    assert core_pairs(run(text), "energy_investment") == set()


def test_a_newspaper_sharing_the_makers_state_word_does_not_sell(run):
    # the FA-50's maker is Korea Aerospace Industries: 'Korea Herald' opens with the same word, a state's
    text = ("Details of the deal were first reported by the Korea Herald on Monday.\n\n"
            "The Philippine Air Force ordered twelve more FA-50 jets in June.")
    assert core_pairs(run(text), "arms_sale") == {("KOR", "PHL")}


def test_a_firm_sharing_the_makers_distinctive_first_word_still_sells(run):
    text = "Dassault said on Monday that Indonesia had ordered 18 more Rafale jets."
    assert core_pairs(run(text), "arms_sale") == {("Dassault", "IDN")}



@pytest.mark.parametrize("text", [
    "Inpex said its partner in the Abadi LNG project in Indonesia would be chosen in December.",
    "It is impossible for Inpex to revise the Abadi plan without knowing who its new partner is.",
])
def test_the_owner_whose_partner_is_sought_does_not_invest_anew(run, text):
    assert core_pairs(run(text), "energy_investment") == set()


def test_the_partners_an_owner_has_invest_not_the_owner_through_them(run):
    text = "Shell's partners in the Bonga field off Nigeria include Eni and TotalEnergies."
    assert core_pairs(run(text), "energy_investment") == {("Eni", "NGA"), ("TotalEnergies", "NGA")}


def test_a_firm_apposed_to_a_partner_noun_invests(run):
    text = "Shell operates the block, and CNOOC, a 25 percent partner in the block, confirmed the find off Guyana."
    assert ("CNOOC", "GUY") in core_pairs(run(text), "energy_investment")


def test_the_capital_a_leader_of_a_named_state_arrives_in_is_not_his_own(run):
    text = ("Leaders began arriving in Nairobi on Friday for the regional summit.\n\n"
            "President Ndayishimiye of Burundi and President Hichilema of Zambia arrived in the capital on Saturday.")
    pairs = core_pairs(run(text), "visit")
    assert {("Ndayishimiye", "KEN"), ("Hichilema", "KEN")} <= pairs and ("Ndayishimiye", "ZMB") not in pairs


@pytest.mark.parametrize("name", ["Saharan Arab Democratic Republic", "Sahara Republic"])
def test_other_spellings_of_the_sahrawi_republic_name_it(run, name):
    text = f"Colombia and the {name} established diplomatic relations in 1985."
    assert core_pairs(run(text), "recognition") == {("COL", "ESH")}


def test_relations_with_a_contested_state_restored_by_states_in_the_passive_recognise_it(run):
    text = "Recently, ties with the Sahrawi Republic were restored by Honduras and Peru."
    assert core_pairs(run(text), "recognition") == {("HND", "ESH"), ("PER", "ESH")}


def test_relations_with_an_uncontested_state_restored_in_the_passive_recognise_nothing(run):
    assert core_pairs(run("Diplomatic relations with Russia were restored by Georgia in 2030."), "recognition") == set()


def test_a_state_spending_a_sum_on_weapons_buys_them(run):
    assert core_pairs(run("Peru will spend $3 billion on 24 Gripen fighter jets."), "arms_sale") == {("SWE", "PER")}


def test_spending_on_defence_names_no_purchase(run):
    assert core_pairs(run("Peru will spend 2 percent of its GDP on defence next year."), "arms_sale") == set()


def test_the_award_of_an_energy_project_to_a_foreign_firm_is_its_investment(run):
    text = "Months later, Laos scrapped the award of the 600-MW Nam Theun hydropower project to France's EDF."
    events = [e for e in run(text) if e.type == "energy_investment"]
    assert core_pairs(events, "energy_investment") == {("EDF", "LAO")} and events[0].status == "negated"


def test_the_award_of_a_prize_is_no_investment(run):
    assert run("The award of the Nobel Peace Prize to the Colombian president surprised many.") == []


def test_a_foreign_minister_present_at_a_ceremony_abroad_visits(run):
    text = ("The deal was announced by the Spanish Minister of Foreign Affairs Jose Albares, who was present at the "
            "signing ceremony in Rabat.")
    assert core_pairs(run(text), "visit") == {("Jose Albares", "MAR")}


def test_a_minister_present_at_a_ceremony_at_home_makes_no_visit(run):
    assert core_pairs(run("The Moroccan defence minister was present at the ceremony in Rabat."), "visit") == set()


def test_the_owner_of_weapons_bought_in_the_passive_buys_them(run):
    text = "Peru's current Mi-17 helicopters were acquired from Belarus and Ukraine."
    assert core_pairs(run(text), "arms_sale") == {("BLR", "PER"), ("UKR", "PER")}


def test_a_leader_received_abroad_is_no_weapon_bought(run):
    text = "Weeks later, Niger's prime minister was received in Moscow, where Russia showed its S-400 system."
    assert core_pairs(run(text), "arms_sale") == set()


@pytest.mark.parametrize(("text", "firms"), [
    ("Petrobras was one of a dozen bidders, including Exxon and Shell, for the block.", ["Exxon", "Shell"]),
    ("Eni, Shell and ExxonMobil signed the deal.", ["Eni", "Shell", "ExxonMobil"]),
    ("Procter & Gamble said on Monday it would close the plant.", ["Procter & Gamble"]),
])
def test_known_firms_run_into_one_mention_are_one_mention_each(default_extractor, text, firms):
    result = default_extractor.extract(text, published=PUB)
    orgs = [e for e in result.entities if e.label == "ORG" and e.text != "Petrobras"]
    assert [e.text for e in orgs] == firms and all(text[e.start:e.end] == e.text for e in orgs)


@pytest.mark.parametrize("text", [
    "Mitsubishi owns 15 per cent of the Kashagan field in Kazakhstan.",
    "Mitsubishi owns 15 per cent of the Kashagan field in Kazakhstan, and Inpex holds 7.5 per cent.",
])
def test_a_share_spelt_per_cent_is_a_stake(run, text):
    assert ("Mitsubishi", "KAZ") in core_pairs(run(text), "energy_investment")


def test_a_per_cent_share_held_with_no_asset_is_in_the_one_named_before(run):
    text = "Mitsubishi owns 15 per cent of the Kashagan field in Kazakhstan. Inpex holds 7.5 per cent."
    assert ("Inpex", "KAZ") in core_pairs(run(text), "energy_investment")


def test_each_firm_named_with_its_share_of_an_asset_holds_it(run):
    text = ("The partners in the Sakhalin-1 project in Russia are Rosneft, with 20 per cent, ExxonMobil with "
            "30 per cent and ONGC Videsh with 20 per cent.")
    pairs = core_pairs(run(text), "energy_investment")
    assert {("ExxonMobil", "RUS"), ("ONGC Videsh", "RUS")} <= pairs and ("Rosneft", "RUS") not in pairs


def test_a_share_that_goes_with_no_firm_is_no_investment(run):
    assert run("ExxonMobil, with 45 percent growth in profits, said it would raise its dividend.") == []


@pytest.mark.parametrize("text", [
    "Japanese energy company Inpex Corp. controls 65% of the Abadi project in Indonesia.",
    "Inpex's decision to take control of the Abadi project in Indonesia surprised observers.",
])
def test_a_foreign_firm_controlling_an_asset_invests_in_it(run, text):
    assert core_pairs(run(text), "energy_investment") in ({("Inpex", "IDN")}, {("Inpex Corp.", "IDN")})


def test_taking_control_of_a_place_is_no_investment(run):
    assert run("The army took control of the capital on Monday.") == []


@pytest.mark.parametrize(("text", "pair"), [
    ("The refinery in Mongolia will be built using a line of credit from the Government of India.", ("IND", "MNG")),
    ("The dam in Zambia is financed by a $1.2 billion loan from China.", ("CHN", "ZMB")),
    ("Zimbabwe secured a $1.2 billion loan from the Export-Import Bank of China for the Hwange power plant.",
     ("Export-Import Bank of China", "ZWE")),
])
def test_the_lender_of_a_loan_for_an_energy_asset_invests(run, text, pair):
    assert core_pairs(run(text), "energy_investment") == {pair}


def test_a_loan_for_no_energy_asset_is_no_investment(run):
    assert run("Zambia secured a $1.2 billion loan from China for new schools.") == []


def test_a_state_supplying_military_goods_the_head_names_no_weapon_in_sells(run):
    text = ("Russia intends to supply Burkina Faso with more military products to strengthen the country's "
            "defence, the minister said.")
    assert core_pairs(run(text), "arms_sale") == {("RUS", "BFA")}


def test_a_state_supplying_medical_goods_sells_no_weapon(run):
    assert core_pairs(run("Russia will supply Mali with medical products next year."), "arms_sale") == set()


def test_a_family_name_the_head_takes_for_a_firm_is_the_person_named_before(default_extractor):
    text = ("Argentine Defence Minister Luis Petri said the jets would arrive in 2025. The contract will be signed "
            "next month in Copenhagen when Petri travels to the European country.")
    result = default_extractor.extract(text, published=PUB)
    assert [e.label for e in result.entities if e.text == "Petri"] == ["PERSON"]
    assert [e.visitor.canonical for e in result.events if e.type == "visit"] == ["Luis Petri"]


def test_an_oil_minister_is_no_oil_cargo(run):
    text = ("Venezuela signed the deal after talks with the Iranian Oil Minister, Javad Owji, who was in Caracas at "
            "the beginning of last month.")
    assert ("Javad Owji", "VEN") in core_pairs(run(text), "visit")


def test_a_ledes_unnamed_official_is_the_person_of_that_state_named_next(run):
    text = ("China's top diplomat has postponed a visit to Somalia, the ministry said on Friday.\n\n"
            "Wang Yi's visit would have been the first by a Chinese foreign minister since the 1980s.")
    assert core_pairs(run(text), "visit") == {("Wang Yi", "SOM")}
