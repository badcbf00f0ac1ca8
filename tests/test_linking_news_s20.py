"""Rules from probes of real-news phrasings, session 20: stays told with 'is/was in', unnamed officials received
abroad, and names the parser takes for adverbs. Every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_pairs, core_tuples

from eventex.wrapping import unwrap_lines

PUB = "2024-03-01"


def test_a_person_who_is_or_was_in_a_foreign_capital_is_visiting_it(run):
    events = run("Kenyan President Amara Odede is in Cairo for talks with Egyptian officials.")
    assert core_pairs(events, "visit") == {("Amara Odede", "EGY")}
    events = run("The Russian foreign minister was in Beijing last week.")
    assert core_pairs(events, "visit") == {("RUS", "CHN")}
    assert core_pairs(run("Chinese officials were in Kabul on Monday."), "visit") == {("CHN", "AFG")}


def test_states_firms_troops_and_home_cities_make_no_stay(run):
    for text in ("Russian troops were in Syria.", "Chinese firms are in Africa to stay.",
                 "Lavrov is in talks with China.", "The Indian economy is in trouble.",
                 "President Putin was in Moscow on Tuesday.", "Russian troops arrived in Syria."):
        assert core_pairs(run(text), "visit") == set(), text


def test_an_unnamed_official_received_abroad_stands_for_the_state_of_its_nationality(run):
    events = run("On his arrival in Dhaka, the Indian foreign minister was received by his Bangladeshi counterpart.")
    assert core_pairs(events, "visit") == {("IND", "BGD")}
    events = run("Prime Minister Lina Haque received the Indian foreign minister in Dhaka on Sunday.")
    assert core_pairs(events, "visit") == {("IND", "BGD")}
    assert core_pairs(run("Lina Haque received the Indian ambassador."), "visit") == set()


def test_a_name_parsed_as_an_adverb_is_the_subject_or_object_its_verb_lacks(run):
    events = run("Nauru cut ties with Taiwan and recognised China.")
    assert core_pairs(events, "recognition") == {("NRU", "TWN"), ("NRU", "CHN")}
    events = run("Wang Lei accepted an invitation to visit Nauru at a time convenient to both sides.")
    assert core_pairs(events, "visit") == {("Wang Lei", "NRU")}


def test_the_named_members_of_a_subject_with_a_nationality_recognise(run):
    events = run("Major European powers, including Italy and Belgium, formally recognised Kosovo on Monday.")
    assert core_pairs(events, "recognition") == {("ITA", "XKX"), ("BEL", "XKX")}


WRAPPED = ("SEOUL Oct 3 Korea's KEPCO has agreed to\n"
           "invest 2 billion dollars in a new nuclear power plant project in the south of\n"
           "Uzbekistan, the companies announced on Monday during the president's\n"
           "state visit to Tashkent.")


def test_hard_wrapped_wire_copy_parses_as_its_sentences(run):
    assert unwrap_lines(WRAPPED) == WRAPPED.replace("\n", " ")
    kept = "Envoy to tour Peru, Chile\nLIMA - The envoy leaves on Monday.\n\nA list\nB list"
    assert unwrap_lines(kept) == kept  # a headline over its lede, short lines
    assert unwrap_lines("the line\nwraps here") == "the line wraps here"
    listed = "Putin visited Cuba\nPutin visited Peru\nPutin visited Chile\nPutin visited Mali"
    assert unwrap_lines(listed) == listed  # a list, one short item a line
    events = run(WRAPPED)
    assert ("KEPCO", "UZB") in core_pairs(events, "energy_investment")


def test_the_nationality_of_a_raised_passive_subject_travels(run):
    events = run("The Iranian minister is scheduled to visit Oman, Jordan and Egypt.")
    assert core_pairs(events, "visit") == {("IRN", "OMN"), ("IRN", "JOR"), ("IRN", "EGY")}


def test_a_nationality_on_a_definite_title_is_the_traveller_named_before(run):
    events = run("Kenyan President Amara Odede arrived in Hanoi on Sunday. The Kenyan president is scheduled to fly "
                 "to Manila on Thursday.")
    assert core_pairs(events, "visit") == {("Amara Odede", "VNM"), ("Amara Odede", "PHL")}
    events = run("The Kenyan president is scheduled to fly to Manila on Thursday.")
    assert core_pairs(events, "visit") == {("KEN", "PHL")}


def test_a_trip_that_takes_its_traveller_to_places_visits_them(run):
    events = run("Blinken's first official trip to Africa will take him to Chad, Mali and Niger.")
    assert core_pairs(events, "visit") == {("Blinken", "TCD"), ("Blinken", "MLI"), ("Blinken", "NER")}
    assert core_pairs(run("Police took him to Moscow for questioning."), "visit") == set()


def test_a_contract_to_work_a_states_oil_is_an_investment_in_it(run):
    events = run("China's state-owned oil firm CNPC has agreed a $3bn oil services contract with the government of "
                 "Iraq.")
    assert core_pairs(events, "energy_investment") == {("CNPC", "IRQ")}
    events = run("Baghdad awarded a technical service contract to Eni for the Zubair field.")
    assert core_pairs(events, "energy_investment") == {("Eni", "IRQ")}
    assert core_pairs(run("Iraq awarded Lukoil an oil contract."), "energy_investment") == {("Lukoil", "IRQ")}
    assert core_pairs(run("The ministry signed a catering contract with Iraq."), "energy_investment") == set()


def test_a_withdrawal_done_also_by_a_list_and_a_recognition_won_of_states(run):
    events = run("Palau withdrew its recognition of Kosovo last week. Previously, this was also done by Togo, Ghana "
                 "and Malawi.")
    assert core_tuples(events, "recognition") == {
        ("PLW", "XKX", "negated"), ("TGO", "XKX", "negated"), ("GHA", "XKX", "negated"), ("MWI", "XKX", "negated")
    }
    assert core_pairs(run("The report was done by Reuters."), "recognition") == set()
    events = run("Kosovo won the recognition of the United States and Japan on Monday.")
    assert core_pairs(events, "recognition") == {("USA", "XKX"), ("JPN", "XKX")}


def test_a_similar_announcement_restates_the_recognition_before(run):
    events = run("Ireland will recognise Palestine next week. Malta and Slovenia are also expected to make similar "
                 "announcements.")
    assert core_pairs(events, "recognition") == {("IRL", "PSE"), ("MLT", "PSE"), ("SVN", "PSE")}


def test_a_state_pronoun_subject_goes_back_to_the_last_sentences_subject(run):
    events = run("Egypt is the world's third biggest arms importer after Saudi Arabia and India. It has diversified "
                 "its sourcing, buying military equipment from France, Germany and Russia.")
    assert {b for _, b in core_pairs(events, "arms_sale")} == {"EGY"}


def test_deliveries_made_to_and_orders_placed_by_a_list_of_buyers(run):
    events = run("Deliveries of the K9 howitzer have been made to Finland, Norway and Estonia.")
    assert {b for _, b in core_pairs(events, "arms_sale")} == {"FIN", "NOR", "EST"}
    events = run("Orders for the K9 howitzer have been placed by Australia, Norway and Egypt.")
    assert {b for _, b in core_pairs(events, "arms_sale")} == {"AUS", "NOR", "EGY"}


def test_the_members_of_a_subject_recognise_a_peoples_statehood(run):
    events = run("Before this, three countries – Britain, Canada and Australia – simultaneously announced official "
                 "recognition of Palestinian statehood.")
    assert core_pairs(events, "recognition") == {("GBR", "PSE"), ("CAN", "PSE"), ("AUS", "PSE")}


def test_financial_close_on_a_plant_is_an_investment(run):
    events = run("In April, ACWA Power reached financial close on the Kom Ombo solar plant in Egypt.")
    assert core_pairs(events, "energy_investment") == {("ACWA Power", "EGY")}


def test_the_one_whose_visit_a_host_receives_is_the_visitor(run):
    events = run("President Sisi received the visit of Putin in Cairo.")
    assert core_pairs(events, "visit") == {("Putin", "EGY")}
    events = run("Buenos Aires received the visit of the Danish minister.")
    assert core_pairs(events, "visit") == {("DNK", "ARG")}


def test_the_visit_of_a_states_president_is_the_visit_of_the_president_named_before(run):
    events = run("Kazakh President Kassym-Jomart Tokayev had a call with Putin. They discussed the upcoming state "
                 "visit of Kazakhstan's President to Russia.")
    assert core_pairs(events, "visit") == {("Kassym-Jomart Tokayev", "RUS")}
    assert core_pairs(run("The visit of the Danish minister to Argentina ended."), "visit") == {("DNK", "ARG")}


def test_a_field_named_with_a_demonym_lies_in_that_state_not_at_the_dateline(run):
    events = run("HONG KONG, Jan. 9 (Reuters) - CNOOC Ltd is buying a stake in a Nigerian oil and gas field.")
    assert core_pairs(events, "energy_investment") == {("CNOOC Ltd", "NGA")}


def test_a_loan_for_an_energy_asset_is_an_investment_in_it(run):
    events = run("China Eximbank will provide a $1.2 billion loan for the Souapiti hydropower plant in Guinea.")
    assert core_pairs(events, "energy_investment") == {("China Eximbank", "GIN")}
    events = run("China Eximbank signed a loan agreement for Guinea's Souapiti Hydropower Project.")
    assert core_pairs(events, "energy_investment") == {("China Eximbank", "GIN")}
    assert core_pairs(run("The World Bank approved a $500 million loan to Kenya for schools."),
                      "energy_investment") == set()


def test_selling_a_share_of_a_field_makes_the_buyer_invest(run):
    events = run("Rosneft is now ready to sell a total of 49.9% in the Vankor field to Indian firms.")
    assert core_pairs(events, "energy_investment") == {("IND", "RUS")}


def test_a_meeting_abroad_of_a_traveller_of_known_state_is_a_visit(run):
    events = run("Ethiopian Foreign Minister Demeke Mekonnen met his Kenyan counterpart Alfred Mutua in Khartoum on "
                 "Wednesday.")
    assert ("Demeke Mekonnen", "SDN") in core_pairs(events, "visit")
    assert core_pairs(run("Putin met Xi in Moscow."), "visit") == set()
    assert core_pairs(run("John Smith met Jane Doe in Cairo."), "visit") == set()


def test_talks_abroad_held_by_an_unnamed_official_are_a_trip_of_the_officials_state(run):
    events = run("Mexico's foreign minister held talks in Havana with Cuban leaders.")
    assert core_pairs(events, "visit") == {("MEX", "CUB")}
    assert core_pairs(run("The Cuban foreign minister held talks in Havana with Mexican officials."), "visit") == set()


def test_a_meeting_at_home_with_a_foreign_counterpart_is_the_counterparts_visit(run):
    events = run("Indonesian defence minister Prabowo Subianto met his French counterpart Florence Parly in Jakarta.")
    assert core_pairs(events, "visit") == {("Florence Parly", "IDN")}


def test_the_subject_of_an_interest_in_striking_a_deal_buys(run):
    events = run("Albania and Kyrgyzstan have also shown interest in striking a deal to procure Bayraktar TB2s.")
    assert core_tuples(events, "arms_sale") == {("TUR", "ALB", "proposed"), ("TUR", "KGZ", "proposed")}


def test_the_one_unveiling_the_first_of_the_weapons_bought_is_the_buyer(run):
    events = run("The Brazilian Air Force yesterday unveiled the first of 36 Gripen fighter jets bought from Sweden's "
                 "Saab AB in a $4 billion deal.")
    assert core_pairs(events, "arms_sale") == {("Saab AB", "BRA")}  # a firm with its legal form, though tagged WEAPON


def test_a_clause_with_a_subject_of_its_own_takes_no_traveller_from_the_main_clause(run):
    events = run("High political adviser Wang Yang went to Uganda and Kenya in June, while Li Zhanshu's delegation "
                 "went to Ethiopia and Namibia in May.")
    assert core_pairs(events, "visit") == {
        ("Wang Yang", "UGA"), ("Wang Yang", "KEN"), ("Li Zhanshu", "ETH"), ("Li Zhanshu", "NAM")
    }


def test_a_traveller_named_with_another_travels_too(run):
    events = run("Putin, together with Lavrov, arrived in Beijing.")
    assert core_pairs(events, "visit") == {("Putin", "CHN"), ("Lavrov", "CHN")}


def test_states_that_follow_the_agent_act_too(run):
    events = run("Barbados, followed by Jamaica and Trinidad & Tobago, announced their recognition of the State of "
                 "Palestine.")
    assert {a for a, _ in core_pairs(events, "recognition")} == {"BRB", "JAM", "TTO"}
    events = run("Guyana led the CARICOM states by recognising the Palestinian state in 2011, followed by Suriname, "
                 "Belize and Dominica the same year.")
    assert {a for a, _ in core_pairs(events, "recognition")} == {"GUY", "SUR", "BLZ", "DMA"}


def test_a_state_on_an_asset_hosts_it_before_its_owners_state(run):
    events = run("China National Petroleum Corp has agreed to buy Marathon Oil Corp's Angolan offshore oil and gas "
                 "field for $1.52 billion.")
    assert core_pairs(events, "energy_investment") == {("China National Petroleum Corp", "AGO")}


def test_those_joined_in_an_investment_invest_too(run):
    events = run("Gazprom will join Total in developing the Ipati gas field in Bolivia.")
    assert core_pairs(events, "energy_investment") == {("Gazprom", "BOL"), ("Total", "BOL")}


def test_the_members_a_later_sentence_lists_for_an_investing_group_invest_too(run):
    events = run("A South Korean consortium has won a $20 billion contract to build four nuclear reactors in the "
                 "United Arab Emirates. The consortium includes Korea Electric Power Corp., Hyundai Engineering and "
                 "Construction and Samsung.")
    assert core_pairs(events, "energy_investment") == {
        ("KOR", "ARE"), ("Korea Electric Power Corp.", "ARE"), ("Hyundai Engineering and Construction", "ARE"),
        ("Samsung", "ARE"),
    }
    assert core_pairs(run("The group includes Shell and BP."), "energy_investment") == set()


def test_a_state_recognised_under_two_names_is_recognised_once(run):
    events = run("The government of El Salvador has announced its decision to withdraw its recognition of the Sahrawi "
                 "Arab Democratic Republic (SADR).")
    [event] = [e for e in events if e.type == "recognition"]
    assert [r.id for r in event.recognized] == ["ESH"]


def test_a_stake_transferred_to_a_firm_is_its_investment(run):
    events = run("Shell transferred its 20% stake in the Bonga field to Eni.")
    assert core_tuples(events, "energy_investment") == {("Eni", "NGA", "actual"), ("Shell", "NGA", "negated")}
    assert core_pairs(run("Russia transferred two frigates to Algeria."), "energy_investment") == set()


def test_a_meeting_place_hung_on_the_name_met_is_the_meetings_place(run):
    events = run("Honduran Foreign Minister Eduardo Reina met Chinese Vice Minister Xie Feng in Brasilia on Jan. 1.")
    assert ("Eduardo Reina", "BRA") in core_pairs(events, "visit")


def test_the_one_met_abroad_of_a_third_state_travelled_too(run):
    events = run("Honduran Foreign Minister Eduardo Reina met Chinese Vice Minister Xie Feng in Brasilia on Jan. 1.")
    assert core_pairs(events, "visit") == {("Eduardo Reina", "BRA"), ("Xie Feng", "BRA")}
    assert core_pairs(run("Lavrov met Wang Yi in Beijing."), "visit") == {("Lavrov", "CHN")}


def test_a_minister_signing_abroad_is_visiting(run):
    events = run("Dominican Foreign Minister Miguel Vargas signed the joint communique in Beijing on Tuesday.")
    assert core_pairs(events, "visit") == {("Miguel Vargas", "CHN")}
    for text in ("Putin signed the decree in Moscow.", "Rosneft signed an agreement in Moscow.",
                 "Lavrov signed the agreement in 2019."):
        assert core_pairs(run(text), "visit") == set(), text
