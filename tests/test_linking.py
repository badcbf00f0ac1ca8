"""Rule families of the linking stage on real-style sentences, and the hard negatives."""

from __future__ import annotations

import datetime as dt

import pytest

PUB = "2019-06-20"


def _ids(fillers) -> set[str | None]:
    return {f.id for f in fillers}


def _one(events, type_: str):
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [e.model_dump(include={"type", "trigger"}) for e in events]
    return found[0]


# --- visits -------------------------------------------------------------------------------------------------


def test_tour_with_stops_is_one_visit_with_a_destination_list_date_and_sources(run):
    ev = _one(
        run(
            "On March 3, Chinese Foreign Minister Wang Yi toured Central Asia, making stops in Kazakhstan, "
            "Uzbekistan and Turkmenistan (Xinhua, March 4)."
        ),
        "visit",
    )
    assert ev.visitor.text == "Wang Yi" and ev.status == "actual"
    assert {"KAZ", "UZB", "TKM"} <= _ids(ev.destination)
    assert ev.date.date_start == dt.date(2019, 3, 3)
    assert [c.outlet for c in ev.sources] == ["Xinhua"]


def test_hosted_visit_has_host_and_guest(run):
    ev = _one(run("Putin hosted Egypt's President, Abdel Fattah el-Sisi, in Sochi last week."), "visit")
    assert ev.host.text == "Putin" and ev.visitor.text == "Abdel Fattah el-Sisi"
    assert ev.date.granularity == "range" and ev.date.date_start == dt.date(2019, 6, 10)


def test_passive_reception_and_implicit_destination(run):
    ev = _one(run("Indian Prime Minister Narendra Modi was received by Vladimir Putin in Moscow on July 8."), "visit")
    assert ev.visitor.text == "Narendra Modi" and ev.host.text == "Vladimir Putin"
    assert _ids(ev.destination) == {"RUS"}


def test_received_after_travelling_is_the_same_visit(run):
    ev = _one(
        run("Serbian President Boris Tadic traveled to Moscow on January 25 and was received by President "
            "Vladimir Putin in the Kremlin."),
        "visit",
    )
    assert ev.visitor.text == "Boris Tadic" and ev.host.text == "Vladimir Putin" and _ids(ev.destination) == {"RUS"}


def test_state_visit_hosted_is_one_visit_by_the_guest(run):
    ev = _one(run("President Cyril Ramaphosa hosted Chinese leader Xi Jinping for a state visit in Pretoria."), "visit")
    assert ev.visitor.text == "Xi Jinping" and ev.host.text == "Cyril Ramaphosa" and _ids(ev.destination) == {"ZAF"}


def test_nominal_visit_called_off_is_negated(run):
    ev = _one(run("A visit to Ankara by Iranian Foreign Minister Javad Zarif has been called off."), "visit")
    assert ev.status == "negated" and ev.visitor.text == "Javad Zarif" and _ids(ev.destination) == {"TUR"}


def test_invitation_is_a_proposed_visit(run):
    ev = _one(run("Serbian President Aleksandar Vucic invited Xi Jinping to Belgrade."), "visit")
    assert ev.status == "proposed" and ev.visitor.text == "Xi Jinping" and ev.host.text == "Aleksandar Vucic"


# --- arms sales ---------------------------------------------------------------------------------------------


def test_passive_delivery_with_agent(run):
    ev = _one(run("Ten S-300 batteries were delivered to Iran by Russia in 2016."), "arms_sale")
    assert ev.seller.id == "RUS" and _ids(ev.buyer) == {"IRN"} and ev.status == "actual"
    assert ev.date.granularity == "year"


def test_passive_participle_buyer_is_the_agent(run):
    ev = _one(run("Rostec will deliver the remaining Mi-171Sh helicopters ordered by Peru next year."), "arms_sale")
    assert _ids(ev.buyer) == {"PER"} and ev.weapon.text == "Mi-171Sh helicopters"


def test_the_accused_is_the_seller(run):
    ev = _one(
        run("The US State Department has again accused Beijing of transferring M-11 ballistic missiles to Pakistan."),
        "arms_sale",
    )
    assert ev.seller.id == "CHN" and _ids(ev.buyer) == {"PAK"} and ev.status == "alleged"


def test_implicit_seller_from_a_demonym_and_alleged_status(run):
    ev = _one(run("Egypt is reportedly interested in buying Russian Su-35 fighters."), "arms_sale")
    assert ev.seller.id == "RUS" and ev.seller.implicit and ev.seller.text == "Russian"
    assert _ids(ev.buyer) == {"EGY"} and ev.weapon.text == "Su-35 fighters"
    assert ev.status == "alleged"  # 'reportedly' outranks 'interested in' (negated > alleged > proposed …)


def test_contract_with_an_arms_exporter_and_value(run):
    ev = _one(
        run("Algeria signed a $7.5 billion contract with Rosoboronexport for 28 Su-30MKA fighters."), "arms_sale"
    )
    assert ev.seller.text == "Rosoboronexport" and _ids(ev.buyer) == {"DZA"}
    assert ev.value.text == "$7.5 billion"


@pytest.mark.parametrize(
    ("text", "buyer", "status"),
    [
        ("In October 2001, Iranian Defense Minister Ali Shamkhani visited Moscow and signed a framework agreement "
         "on military-technical cooperation with his Russian counterpart, Sergei Ivanov.", "IRN", "actual"),
        ("Russian Foreign Minister Sergei Lavrov visited Cairo on November 13-14, and the two sides agreed to "
         "expand military-technical cooperation.", "EGY", "planned"),
        ("Uzbek Defense Minister Abdusalom Azizov is to visit Moscow in December to discuss a new program of "
         "military-technical cooperation.", "UZB", "proposed"),
    ],
)
def test_specific_military_technical_cooperation_is_a_sale_by_the_exporting_partner(run, text, buyer, status):
    ev = _one(run(text), "arms_sale")
    assert ev.trigger.text == "military-technical cooperation" and ev.weapon is None
    assert ev.seller.id == "RUS" and _ids(ev.buyer) == {buyer} and ev.status == status


@pytest.mark.parametrize(
    ("text", "seller", "buyer"),
    [
        ("Chad took delivery of Su-25 attack jets from Russia last spring.", "RUS", "TCD"),
        ("The Peruvian Navy took delivery of its first Rafale in March.", "FRA", "PER"),  # seller from weapons.tsv
        ("Bogota signs for 18 Gripens during Kristersson visit", "SWE", "COL"),
    ],
)
def test_taking_delivery_and_signing_for_name_the_buyer_as_subject(run, text, seller, buyer):
    ev = _one(run(text), "arms_sale")
    assert ev.seller.id == seller and _ids(ev.buyer) == {buyer} and ev.status == "actual"


@pytest.mark.parametrize(
    "text",
    ["Chile is weighing Swedish Gripen fighters.", "The Colombian Air Force wants 16 more Rafales.",
     "Ghana is looking at the Bayraktar TB2 drone."],
)
def test_a_buyer_wanting_or_weighing_a_weapon_is_a_proposed_sale(run, text):
    ev = _one(run(text), "arms_sale")
    assert ev.status == "proposed" and ev.seller is not None and ev.buyer


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Bolivia signed a contract for six Mi-17 helicopters.", "actual"),
        ("Oman signed a memorandum on the Tor-M2 air defence system.", "proposed"),
        ("Lima approved the termination of Peru's purchase of 16 Mi-17 helicopters.", "negated"),
    ],
)
def test_the_one_named_signer_of_a_deal_for_a_foreign_weapon_is_its_buyer(run, text, status):
    ev = _one(run(text), "arms_sale")
    assert ev.seller.id == "RUS" and ev.seller.implicit and len(ev.buyer) == 1 and ev.status == status


def test_a_sale_stated_with_a_deal_noun_keeps_its_seller(run):
    ev = _one(run("Belarus sold Peru 18 MiG-29 fighters in a deal worth $250 million."), "arms_sale")
    assert ev.seller.id == "BLR" and _ids(ev.buyer) == {"PER"}


def test_the_makers_firm_named_after_a_headline_sells(run):
    ev = _one(run(
        "Croatia signs for 12 Rafales during Parly visit\n\nThe contract with Dassault Aviation was signed in Zagreb."
    ), "arms_sale")
    assert ev.seller.text == "Dassault Aviation" and _ids(ev.buyer) == {"HRV"}


def test_wanting_another_state_to_give_up_a_weapon_is_no_sale(run):
    assert not [e for e in run("Paris wants Cairo to return the Mistral helicopter carriers.") if e.type == "arms_sale"]


# --- energy investments -------------------------------------------------------------------------------------


def test_planned_plant_with_capacity(run):
    ev = _one(
        run("Rosatom is to build the El-Dabaa nuclear power plant in Egypt, with a capacity of 4,800 megawatts."),
        "energy_investment",
    )
    assert ev.investor.text == "Rosatom" and ev.host_country.id == "EGY" and ev.status == "planned"
    assert ev.asset.text == "El-Dabaa nuclear power plant" and ev.capacity.text == "4,800 megawatts"


def test_a_company_named_after_its_state_is_the_investor(run):
    ev = _one(
        run("The China National Petroleum Corporation is developing the Bagtyyarlyk gas fields in Turkmenistan."),
        "energy_investment",
    )
    assert ev.investor.text == "China National Petroleum Corporation" and ev.investor.id is None
    assert ev.investor.affiliation == "CHN" and ev.host_country.id == "TKM"


def test_denied_investment_is_negated(run):
    ev = _one(
        run("Gazprom denied reports that it would invest $2 billion in the Leviathan gas field in Israel."),
        "energy_investment",
    )
    assert ev.status == "negated" and ev.value.text == "$2 billion" and ev.host_country.id == "ISR"


def test_the_buyers_of_a_sold_stake_invest_not_the_seller(run):
    events = run("Petronas sold 15% stakes in its Bintulu LNG terminal to Eni and Mitsui last year.")
    invest = [e for e in events if e.type == "energy_investment"]
    assert sorted(e.investor.text for e in invest) == ["Eni", "Mitsui"]
    assert {e.host_country.id for e in invest} == {"MYS"}  # a stake in its own asset: the seller's state


def test_a_stake_sold_in_a_known_field_is_hosted_where_the_field_lies(run):
    ev = _one(run("Lukoil is in talks to sell 10 percent of the Kashagan field to Inpex."), "energy_investment")
    assert ev.investor.text == "Inpex" and ev.host_country.id == "KAZ" and ev.status == "proposed"


@pytest.mark.parametrize(
    ("text", "investor", "host"),
    [
        ("Repsol pulled out of the Block 16 consortium off Ecuador last year.", "Repsol", "ECU"),
        ("Shell exited the Sakhalin-2 project in Russia in 2022.", "Shell", "RUS"),
    ],
)
def test_an_investor_pulling_out_or_exiting_is_a_negated_investment(run, text, investor, host):
    ev = _one(run(text), "energy_investment")
    assert ev.investor.text == investor and ev.host_country.id == host and ev.status == "negated"


def test_oil_blocks_are_no_blocking(run):
    ev = _one(run("Rosneft has acquired stakes in three offshore exploration blocks off Angola."), "energy_investment")
    assert ev.status == "actual" and ev.host_country.id == "AGO"
    ev = _one(run("Australia blocked Sinopec's takeover of the Moomba gas pipeline."), "energy_investment")
    assert ev.status == "negated" and ev.investor.text == "Sinopec"


def test_a_percentage_interest_is_a_holding_not_a_proposal(run):
    ev = _one(run("ONGC retains a 20 percent interest in the Sakhalin-1 project in Russia."), "energy_investment")
    assert ev.status == "actual" and ev.host_country.id == "RUS"
    ev = _one(run("ONGC is negotiating a 10% interest in the Sakhalin-1 project in Russia."), "energy_investment")
    assert ev.status == "proposed"


def test_holding_a_block_is_an_investment(run):
    ev = _one(run("Eni holds Block 8 off Cyprus together with TotalEnergies."), "energy_investment")
    assert ev.investor.text == "Eni" and ev.host_country.id == "CYP" and ev.status == "actual"


def test_an_investment_in_a_place_no_state_is_named_near_is_in_the_documents_main_state(run):
    text = (
        "Britain approved the Moorside project on Monday, and British unions welcomed it.\n\n"
        "Japan's Toshiba is to take a 60 percent stake in the Moorside nuclear plant in Cumbria."
    )
    ev = _one(run(text), "energy_investment")
    assert ev.host_country.text == "Cumbria" and ev.host_country.id == "GBR" and ev.status == "planned"


# --- recognitions -------------------------------------------------------------------------------------------


def test_recognition_with_a_list(run):
    ev = _one(run("Nicaragua recognized Abkhazia and South Ossetia in September 2008."), "recognition")
    assert ev.recognizer.id == "NIC" and _ids(ev.recognized) == {"XAB", "XSO"}
    assert ev.date.granularity == "month"


def test_severing_ties_with_taiwan_is_a_negated_recognition(run):
    ev = _one(run("In 2019, the Solomon Islands severed diplomatic ties with Taiwan."), "recognition")
    assert ev.status == "negated" and ev.recognizer.id == "SLB" and _ids(ev.recognized) == {"TWN"}


def test_refusal_is_negated(run):
    ev = _one(run("Belarus has refused to recognize Abkhazia."), "recognition")
    assert ev.status == "negated" and ev.recognizer.id == "BLR"


def test_seeking_recognition_from_a_state(run):
    ev = _one(run("Pristina is actively seeking recognition from Bangladesh."), "recognition")
    assert ev.recognizer.id == "BGD" and _ids(ev.recognized) == {"XKX"} and ev.status == "proposed"


def test_the_state_of_palestine_names_its_referent(run):
    ev = _one(run("Egypt's foreign minister said that Cairo will recognize the state of Palestine."), "recognition")
    assert ev.recognizer.id == "EGY" and _ids(ev.recognized) == {"PSE"} and ev.status == "planned"


def test_a_new_state_goes_back_to_a_would_be_state(run):
    events = run(
        "Turkey recognized the Turkish Republic of Northern Cyprus in 1983. Ankara has been urging Azerbaijan "
        "to recognize the self-proclaimed state."
    )
    ev = next(e for e in events if e.type == "recognition" and e.recognizer.id == "AZE")
    assert _ids(ev.recognized) == {"XNC"} and ev.recognized[0].implicit


def test_pronoun_and_definite_description_fillers(run):
    events = run(
        "Moscow wants Cuba to recognize Abkhazia and South Ossetia. Such pressure worked before, as was the "
        "case with Nicaragua after 2008 when it recognized these two provinces as independent states."
    )
    later = [e for e in events if e.type == "recognition" and e.recognizer.id == "NIC"]
    assert len(later) == 1
    ev = later[0]
    assert ev.recognizer.implicit and ev.recognizer.text == "Nicaragua"  # from 'it'
    assert _ids(ev.recognized) == {"XAB", "XSO"} and all(r.implicit for r in ev.recognized)
    assert ev.status == "actual"  # the 'when' clause states a fact of its own


# --- hard negatives -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "More than two million Russian tourists visited Egypt last year.",
        "The Russian cruiser Moskva paid a port call to Tartus in June.",
        "Russian and Serbian troops held joint drills near Nis, and officials warned of an arms race in the Balkans.",
        "Rosneft increased output at its Vankor field in Siberia.",
        "If Kosovo can be recognized, so can Abkhazia, Russian officials argue.",
        "Putin and Erdogan spoke by phone on Tuesday about grain supplies.",
        "Turkey exported $2 billion worth of textiles to Russia in 2018.",
        "Without being specific, Lavrov alluded to general military-technical cooperation between Russia and Peru.",
        "Moscow repeats that military-technical cooperation with Algeria is a priority.",
        "The intergovernmental commission on military-technical cooperation with India will meet in January.",
        "Peru and Bolivia agreed to expand military-technical cooperation.",  # neither is an arms exporter
    ],
)
def test_hard_negatives_have_no_event(run, text):
    assert run(text) == []
