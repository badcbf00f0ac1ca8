"""Rules from session 46's real-news dev misses, each tested on invented sentences."""

from __future__ import annotations

from newslib import core_pairs, investments, sales

PUB = "2024-07-01"


def test_a_news_outlets_nationality_is_neither_the_topic_nor_a_host(run):
    # Argentina is named three times, each as the nationality of the newspaper reporting; Chile twice as a place
    text = ("Argentine newspaper El Faro reported on Monday that Chile's power sector is set to draw $3 billion of "
            "foreign money this year.\n\n"
            "Norway's Fjordkraft Power signed an investment agreement with the Ministry of Energy last week, the "
            "Argentine newspaper said.\n\n"
            "The Argentine daily added that the government of Chile welcomed the money.")
    assert investments(run(text)) == {("Fjordkraft Power", "CHL")}


def test_it_in_a_subordinate_clause_is_the_firm_named_before_it(run):
    # 'it' goes back to the firm possessing the sentence's subject complement, not to the state named before
    text = ("Norland Oil also holds a licence in Mozambique. The deal is the Kestrel group's third acquisition after "
            "it had paid $1 billion for a 30 percent stake in Azerbaijan's largest oil field.")
    pairs = investments(run(text))
    assert ("Kestrel group", "AZE") in pairs and not any(inv == "MOZ" for inv, _ in pairs)


def test_a_passive_participles_agent_invests_before_the_clause_subject(run):
    text = ("Kestrel Energy paid $1 billion last year for the 2.7 percent owned by Norland Oil Corp in Azerbaijan's "
            "largest oil field.")
    assert ("Norland Oil Corp", "AZE") in investments(run(text))


def test_the_name_after_an_agent_noun_invests_where_the_parser_makes_it_a_predicate(run):
    text = ("One of the new projects is a thermal power plant in Vietnam invested by Japanese and South Korean "
            "energy companies Marubeni and KEPCO at a cost of $2.2 billion.")
    assert investments(run(text)) == {("Marubeni", "VNM"), ("KEPCO", "VNM")}


def test_buying_a_measured_amount_of_a_fuel_is_no_investment(run):
    assert investments(run("China's Sinopec signed a contract with US firm Northgate LNG to buy 4 million tonnes "
                            "of liquefied natural gas a year from a plant in Louisiana.")) == set()
    assert investments(run("Unipec will also buy a total of 3.5 million tonnes of LNG from the Calcasieu Pass "
                            "project in the United States.")) == set()
    # guard: a share of a field bought is an investment
    assert investments(run("Kestrel Energy will buy 30 percent of the Bravo gas field in Ghana.")) == {
        ("Kestrel Energy", "GHA")}


def test_a_firm_that_invested_in_an_energy_asset_earlier_is_an_energy_firm_later(run):
    text = ("Kestrel Industries won an oil block in Oman last year. Kestrel Industries is looking to expand its "
            "overseas ventures in Yemen and Sudan.")
    pairs = investments(run(text))
    assert {("Kestrel Industries", "YEM"), ("Kestrel Industries", "SDN")} <= pairs
    # guard: with no energy investment before it, the same sentence is no energy investment
    text = "Kestrel Industries is looking to expand its overseas ventures in Yemen and Sudan."
    assert investments(run(text)) == set()


def test_it_continues_through_a_previous_sentences_it(run):
    text = ("Among Kestrel Industries' oil operations abroad, it has exploration rights to a deepwater block in "
            "Oman. In addition, it has a 25 per cent stake in an exploration block in Yemen.")
    pairs = investments(run(text))
    assert ("Kestrel Industries", "YEM") in pairs and not any(inv == "OMN" for inv, _ in pairs)


def test_firms_competing_for_a_block_propose_an_investment(run):
    events = run("Norland Oil and Kestrel Energy are competing for an offshore gas block in Mozambique.")
    assert investments(events) == {("Norland Oil", "MOZ"), ("Kestrel Energy", "MOZ")}
    assert {e.status for e in events if e.type == "energy_investment"} == {"proposed"}


def test_a_system_named_before_sells_before_the_articles_main_state_is_guessed(run):
    # Turkey is named most, and exports arms; the regiments are of the S-400 named before, which Russia makes
    text = ("Turkey received the first S-400 systems last year. Turkey says the purchase was its own choice, and "
            "Turkey will keep them. India is expected to receive all five regiments by 2026.")
    assert ("RUS", "IND") in sales(run(text))
    assert ("TUR", "IND") not in sales(run(text))


def test_a_pronoun_bought_is_the_system_named_before_it(run):
    text = ("Russia delivered the first S-400 systems to Turkey on Friday. Pakistan's prime minister has expressed "
            "his willingness to buy it.")
    events = run(text)
    assert ("RUS", "PAK") in sales(events)
    assert next(e.status for e in events if e.type == "arms_sale" and e.buyer and e.buyer[0].id == "PAK") == "proposed"


def test_a_partner_state_of_a_multinational_programme_sells_its_system(run):
    text = ("British Prime Minister John Harlow signed a deal on Monday in which Qatar bought 12 Eurofighter Typhoon "
            "jets for 5 billion pounds.")
    assert sales(run(text)) == {("GBR", "QAT")}
    # guard: with no partner state named, the programme's seat sells it
    assert sales(run("Qatar bought 12 Eurofighter Typhoon jets last year.")) == {("DEU", "QAT")}


def test_a_weapon_written_without_its_space_is_still_known(run):
    text = ("Turkey's Baykar has exported drones to a twelfth country.\n\n"
            "Azerbaijan and Qatar have added the BayraktarTB2 UAVs to their arsenals.")
    assert {("Baykar", "AZE"), ("Baykar", "QAT")} <= sales(run(text))


def test_the_signing_of_contracts_with_states_sells_to_them(run):
    events = run("This year saw the signing of two contracts, with Malaysia and Indonesia, for Sukhoi fighters.")
    assert {buyer for _, buyer in sales(events)} == {"MYS", "IDN"}


def test_a_negative_subject_negates_the_event(run):
    text = "Armenia and Peru keep envoys in Kabul, yet none of these countries has recognised the Taliban government."
    events = [e for e in run(text) if e.type == "recognition"]
    assert events and {e.status for e in events} == {"negated"}


def test_a_trip_phrase_before_a_time_is_no_trip(run):
    text = "LIMA, Peru -- Paraguay may switch its recognition next, with presidential elections due in April."
    assert not [e for e in run(text) if e.type == "visit"]
    text = "LIMA, Peru -- President Hugo Salas of Chile is due in Lima on Monday for talks."
    assert [e for e in run(text) if e.type == "visit"]  # guard: a place after it is a trip


def test_a_state_body_or_an_agency_reporting_is_no_maker_firm_selling(run):
    text = ("The South Korean firm Hanbit Defense has agreed to sell 200 K9 howitzers to Egypt in a $1.6 billion deal, "
            "Korean Defense Acquisition Program Administration (DAPA) said on Tuesday.\n\n"
            "DAPA did not say when the K9 howitzers will be supplied to Egypt, Yonhap reported.")
    sellers = {seller for seller, _ in sales(run(text))}
    assert "Hanbit Defense" in sellers and not sellers & {"DAPA", "Yonhap"}


def test_a_bare_title_naming_its_state_stands_for_it_when_no_person_is_named(run):
    text = "The Head of State of Turkmenistan will pay a working visit to Azerbaijan next week."
    assert core_pairs(run(text), "visit") == {("TKM", "AZE")}
    # guard: the person so titled, where the article names one
    text = ("Turkmen President Serdar Berdimuhamedov spoke on Monday. The Head of State of Turkmenistan will pay a "
            "working visit to Azerbaijan next week.")
    assert core_pairs(run(text), "visit") == {("Serdar Berdimuhamedov", "AZE")}
