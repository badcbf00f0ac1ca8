"""Arms-sale and energy-investment rules from misses on real published news (a private development set, never
copied here): every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_tuples as _tuples

PUB = "2025-06-01"


def test_a_from_phrase_past_a_counted_batch_names_the_seller_over_the_maker_state(run):
    events = run("The Romanian Air Force on Monday took delivery of the first batch of five F-16 fighters from "
                 "Norway.")
    assert _tuples(events, "arms_sale") == {("NOR", "ROU", "actual")}


def test_a_firm_named_only_as_the_weapon_maker_does_not_sell_it(run):
    events = run("Denmark agreed on Tuesday to acquire 12 further Apache helicopters from the United States. "
                 "Copenhagen already flies 8 Apaches, produced by Boeing Co, which it bought in 2019.")
    sellers = {e.seller.text for e in events if e.type == "arms_sale" and e.seller}
    assert "Boeing Co" not in sellers
    assert {(s, b) for s, b, _ in _tuples(events, "arms_sale")} == {("USA", "DNK")}


def test_weapons_sent_within_an_aid_package_are_no_sale(run):
    events = run("Berlin unveils new military aid for Kyiv\n\n"
                 "The new aid will include air defence missiles and armoured vehicles, the ministry said.\n\n"
                 "Under the package the Bundeswehr will also send Gepard anti-aircraft guns to Kyiv next month.")
    assert _tuples(events, "arms_sale") == set()
    # a transfer by a verb of trade keeps its event
    events = run("Berlin unveils new military aid for Kyiv\n\n"
                 "Separately, Ukraine signed a contract to buy IRIS-T air defence systems from Germany.")
    assert {(s, b) for s, b, _ in _tuples(events, "arms_sale")} == {("DEU", "UKR")}


def test_a_plant_in_an_unlisted_city_of_the_investors_own_state_is_domestic(run):
    events = run("PetroChina, China's biggest oil producer, has started building a 100,000-barrel-per-day crude "
                 "oil refinery in Qinzhou, company officials said.")
    assert _tuples(events, "energy_investment") == set()


def test_a_wire_repeat_marker_is_no_name(default_extractor):
    result = default_extractor.extract(
        "Rosatom and the Egyptian authority signed a contract RPT signed a contract for building four reactors at "
        "El Dabaa.", published=PUB)
    assert "RPT" not in {e.text for e in result.entities}
    assert all(e.investor is None or e.investor.text != "RPT" for e in result.events if e.type == "energy_investment")


def test_states_that_plan_to_set_up_plants_in_one_of_them_make_the_other_the_investor(run):
    events = run("Japan and Vietnam plan to jointly set up two nuclear power plants at Ninh Thuan at a cost of "
                 "10 billion dollars.")
    assert ("JPN", "VNM", "planned") in _tuples(events, "energy_investment")
