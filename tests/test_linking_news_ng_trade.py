"""News-language rules for arms sales and energy investments from batch ng: weapons requested or negotiated, a
weapon pitched, a purchase annulled, buyers and sellers the parser hangs far from the trigger, the firm an interview
speaks for, a pronoun builder, an acronym's state, the headline's state as host, and new energy triggers."""

from __future__ import annotations

from newslib import core_tuples as _tuples

PUB = "2024-05-01"


def test_a_request_for_weapons_is_a_proposed_sale_from_the_state_asked(run):
    assert _tuples(run("Hanoi sent a request to Moscow for more Su-30 fighters."), "arms_sale") == {
        ("RUS", "VNM", "proposed"),
    }
    assert _tuples(run("Warsaw's request for Patriot batteries from Washington was approved."), "arms_sale") == {
        ("USA", "POL", "proposed"),
    }
    assert _tuples(run("Warsaw requested 96 Apache helicopters from the United States."), "arms_sale") == {
        ("USA", "POL", "proposed"),
    }


def test_talks_with_a_supplier_for_weapons_are_a_proposed_sale(run):
    events = run("The Royal Thai Navy was in advanced talks with Fincantieri for two more frigates, people familiar "
                 "with the matter said.")
    assert _tuples(events, "arms_sale") == {("Fincantieri", "THA", "proposed")}
    assert _tuples(run("Egypt is holding talks with Moscow on Su-35 fighters."), "arms_sale") == {
        ("RUS", "EGY", "proposed"),
    }
    # the weapon's maker state named as the one holding the talks sells
    assert _tuples(run("Russia is in talks with India on more S-400 systems."), "arms_sale") == {
        ("RUS", "IND", "proposed"),
    }


def test_a_weapon_pitched_to_a_state_is_a_proposed_sale(run):
    assert _tuples(run("Saab pitched the Gripen E to Colombia last year."), "arms_sale") == {
        ("Saab", "COL", "proposed"),
    }


def test_an_annulled_purchase_is_negated_and_its_seller_is_found_past_a_counted_lot(run):
    events = run("Peru annulled its purchase of 40 batteries of rocket launchers from Elbit.")
    assert _tuples(events, "arms_sale") == {("Elbit", "PER", "negated")}


def test_the_buyer_may_own_what_the_weapons_are_for(run):
    events = run("The contract for 12 Rafale jets for the Serbian Air Force's fighter wing was signed in August.")
    assert _tuples(events, "arms_sale") == {("FRA", "SRB", "actual")}


def test_a_delivery_discussed_in_talks_goes_to_the_to_phrase_of_the_talks_verb(run):
    events = run("Moscow denied holding any talks on supplies of S-400 systems to Tehran.")
    assert _tuples(events, "arms_sale") == {("RUS", "IRN", "negated")}


INTERVIEW = """"Gripen is ready for the tropics"

Anna Lindqvist, head of aeronautics at Saab, talks to us about fighter sales in Asia and Latin America.

Q: Thailand signed for more jets last year. What is next?

Anna Lindqvist: Thailand ordered four more aircraft in August, and we delivered the last of the first batch to \
Bangkok in 2023. Colombia is studying our offer of 16 fighters.

Q: And Brazil?

Anna Lindqvist: The Brazilian Air Force has received eight of its 36 jets.

Q: Who else is buying?

Anna Lindqvist: Peru became a customer in March."""


def test_in_an_interview_with_an_arms_firms_head_the_firm_sells(run):
    tuples = _tuples(run(INTERVIEW), "arms_sale")
    assert ("Saab", "THA", "actual") in tuples
    assert ("Saab", "BRA", "actual") in tuples
    assert ("Saab", "PER", "actual") in tuples  # of the firm's system named before ('Gripen')
    assert not any(seller == "Anna Lindqvist" for seller, _, _ in tuples)


def test_no_interview_firm_without_question_and_answer_turns(run):
    text = INTERVIEW.replace("Q: ", "").replace("Anna Lindqvist: ", "")
    assert not any(seller == "Saab" for seller, _, _ in _tuples(run(text), "arms_sale"))


def test_the_pronoun_builder_of_a_relative_clause_is_the_subject_of_the_clause_above(run):
    events = run("Masdar said the solar park it is building near Tashkent would be finished in June.")
    assert _tuples(events, "energy_investment") == {("Masdar", "UZB", "actual")}
    events = run("Officials said the nuclear plant it is constructing in Egypt will be ready by 2028, Rosatom said.")
    assert _tuples(events, "energy_investment") == {("Rosatom", "EGY", "actual")}


def test_an_acronym_after_a_state_body_acts_for_its_state(run):
    events = run("The Royal Thai Navy (RTN) has received its second frigate.\n\n"
                 "The RTN bought the ship from South Korea in 2019.")
    assert ("KOR", "THA", "actual") in _tuples(events, "arms_sale")


LEAD = ("\n\nBy our energy correspondent\n\nThe rainy season is over. Eni said on Monday it has started drilling a new "
        "well at the offshore Baobab-3 prospect.")


def test_the_one_state_of_the_headline_hosts_an_asset_whose_sentence_names_none(run):
    events = run("Mozambique's gas rush gathers pace" + LEAD)
    assert _tuples(events, "energy_investment") == {("Eni", "MOZ", "actual")}
    assert _tuples(run("Mozambique and Tanzania court gas investors" + LEAD), "energy_investment") == set()


def test_new_energy_triggers_eye_expand_and_produce(run):
    events = run("Several Chinese companies are now eyeing the onshore blocks in Chad.")
    assert _tuples(events, "energy_investment") == {("CHN", "TCD", "proposed")}
    events = run("Indian state firms want to expand their operations at gas fields in Mozambique.")
    assert _tuples(events, "energy_investment") == {("IND", "MOZ", "proposed")}
    events = run("Gazprom Neft produces oil at the Badra field in Iraq.")
    assert _tuples(events, "energy_investment") == {("Gazprom Neft", "IRQ", "actual")}


def test_us_oil_majors_are_energy_companies_and_coordinated_partners_invest_each(run):
    events = run("In Algeria, ConocoPhillips and Occidental are the partners of Sonatrach.")
    assert _tuples(events, "energy_investment") == {
        ("ConocoPhillips", "DZA", "actual"), ("Occidental", "DZA", "actual"),
    }


def test_a_stated_readiness_to_invest_is_a_proposal(run):
    events = run("The ministers welcomed the readiness of Rosatom to build a second nuclear plant in Uzbekistan.")
    assert _tuples(events, "energy_investment") == {("Rosatom", "UZB", "proposed")}
    events = run("KEPCO said it was ready to invest in the Barakah-2 plant in the UAE.")
    assert _tuples(events, "energy_investment") == {("KEPCO", "ARE", "proposed")}


def test_a_production_sharing_contract_signed_between_a_firm_and_a_state(run):
    events = run("After the talks, a production-sharing contract covering two offshore blocks was signed between PTTEP "
                 "and the Government of Mozambique.")
    assert _tuples(events, "energy_investment") == {("PTTEP", "MOZ", "actual")}
    events = run("A production-sharing agreement between Petronas and the Republic of Suriname covers Block 63.")
    assert _tuples(events, "energy_investment") == {("Petronas", "SUR", "actual")}
    # with the host's state firm, the firm's state hosts
    events = run("A production-sharing contract was signed between Eni and Sonatrach for the Zemoul block.")
    assert _tuples(events, "energy_investment") == {("Eni", "DZA", "actual")}


def test_coordinated_weapons_bought_are_one_purchase_each_from_their_own_seller(run):
    events = run("Egypt ordered Rafale jets from France and FREMM frigates from Italy.")
    assert _tuples(events, "arms_sale") == {("FRA", "EGY", "actual"), ("ITA", "EGY", "actual")}
    events = run("Kuwait takes delivery of Eurofighter Typhoons from Leonardo and of new Super Hornets.")
    assert _tuples(events, "arms_sale") == {("Leonardo", "KWT", "actual"), ("USA", "KWT", "actual")}
    # a weapon in a clause of its own is no second purchase
    events = run("Mali received Mi-171 helicopters in 2021, and Chinese drones have been sold to Niger at a lower "
                 "price than the TB2.")
    assert ("TUR", "MLI", "actual") not in _tuples(events, "arms_sale")


def test_a_firm_and_a_state_body_signing_a_contract_are_seller_and_buyer(run):
    events = run("The deal was closed in March, when Fincantieri and the Indonesian Defence Ministry signed a contract "
                 "for six frigates.")
    assert _tuples(events, "arms_sale") == {("Fincantieri", "IDN", "actual")}
    events = run("Korea Aerospace Industries (KAI) and the Polish Armament Agency signed a contract for 48 jets.")
    assert _tuples(events, "arms_sale") == {("Korea Aerospace Industries", "POL", "actual")}


def test_a_recurring_acronym_takes_the_state_of_the_body_it_abbreviates(run):
    events = run("Thailand's Ministry of Defence (MOD) is reviewing bids.\n\n"
                 "In March, Saab and the MOD signed a contract for four Gripen jets.")
    assert _tuples(events, "arms_sale") == {("Saab", "THA", "actual")}


def test_a_procurement_agency_named_by_its_acronym_buys_for_its_state(run):
    events = run("Lockheed Martin signed a contract with DAPA for 20 more F-35A fighters.")
    assert _tuples(events, "arms_sale") == {("Lockheed Martin", "KOR", "actual")}


def test_goods_a_weapon_carries_are_what_a_participle_transfers(run):
    events = run("An Indonesian Air Force C-130 transport aircraft carried medical supplies provided by the Red Cross "
                 "to Dili.")
    assert _tuples(events, "arms_sale") == set()
    # a fleet delivered is still the weapon named elsewhere
    events = run("Counting the fleets already delivered to India and Qatar, Dassault has booked orders for 243 Rafale "
                 "jets.")
    assert ("Dassault", "IND", "actual") in _tuples(events, "arms_sale")
