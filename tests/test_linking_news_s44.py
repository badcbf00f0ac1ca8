"""Rules from session 44's real-news dev analysis. Every sentence below is invented for the test."""

from __future__ import annotations

import spacy
from newslib import core_pairs, ent

from eventex.ner.datelines import bare_dateline
from eventex.ner.names import repair_names
from eventex.stages.parse_repairs import repair_serial_lists

PUB = "2024-07-01"


def _names(default_extractor, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in default_extractor.extract(text).entities}


def _investments(events):
    return core_pairs(events, "energy_investment")


def test_a_grid_operator_is_an_energy_company(run):
    # no energy asset is named: the investor's name must say it is an energy company
    events = run("Norland Grid Corp said on Tuesday it has agreed to buy transmission assets in Chile for $400 "
                 "million.")
    assert _investments(events) == {("Norland Grid Corp", "CHL")}
    # guard: a firm whose name says nothing of energy buys no energy asset
    assert _investments(run("Norland Textile Corp said on Tuesday it has agreed to buy transmission assets in Chile "
                            "for $400 million.")) == set()


def test_a_dateline_run_into_a_name_without_a_dash_is_split_off():
    text = "NAIROBI Norland Grid Corp said it would bid."
    out = repair_names(text, [ent(text, "NAIROBI Norland Grid Corp", "ORG")])
    assert [(e.text, e.label) for e in out] == [("NAIROBI", "GPE"), ("Norland Grid Corp", "ORG")]
    # guard: a state's name opening a body's name is no dateline, nor is an unknown word in capitals
    assert bare_dateline("UK Defence Ministry") is None
    assert bare_dateline("ACME Power Holdings") is None
    text = "ACME Power Holdings said it would bid."
    assert [e.text for e in repair_names(text, [ent(text, "ACME Power Holdings", "ORG")])] == ["ACME Power Holdings"]


def test_a_name_cut_inside_its_instrument_code_loses_it():
    text = "Norland Grid Corp NGRD.UL said it would bid."
    ents = [ent(text, "Norland Grid Corp NGRD", "ORG"), ent(text, "UL", "ORG")]
    assert [e.text for e in repair_names(text, ents)] == ["Norland Grid Corp"]
    # guard: a name followed by a full stop and a new sentence keeps its last word
    text = "They met officials of the UAE. The talks went on."
    assert [e.text for e in repair_names(text, [ent(text, "UAE", "ORG")])] == ["UAE"]


def test_a_dash_after_a_state_name_is_not_part_of_it(default_extractor):
    names = _names(default_extractor, "Officials said that Fiji had recognized Kosovo - while Serbia denied it.")
    assert ("Kosovo", "GPE") in names
    names = _names(default_extractor, "SUVA, Fiji -- The minister arrived on Monday.")
    assert ("Fiji", "GPE") in names


def test_indian_honorifics_are_not_part_of_the_name(default_extractor):
    names = _names(default_extractor, "Raksha Mantri Shri Rajnath Singh arrived in Hanoi on Monday.")
    assert ("Rajnath Singh", "PERSON") in names
    names = _names(default_extractor, "Smt. Nirmala Sitharaman arrived in Paris on Monday.")
    assert ("Nirmala Sitharaman", "PERSON") in names and not any(t.startswith("Smt") for t, _ in names)


def test_the_topic_state_is_not_counted_from_its_firms_nationality(run):
    # Korea is named three times, each as a firm's nationality; Chile twice as a place: Chile is the topic and hosts
    text = ("Chile's power sector is set to draw $3 billion of foreign money this year.\n\n"
            "One project is a gas plant planned by South Korean companies Hanbit and Daeyang.\n\n"
            "Its investors, Norway's Fjordkraft Power and South Korea's Hanbit Power Holdings, signed an investment "
            "agreement with the Ministry of Energy last week.\n\n"
            "Another investor is South Korea's Daeyang Energy, the government of Chile said.")
    assert ("Fjordkraft Power", "CHL") in _investments(run(text))
    assert not any(host == "KOR" for _, host in _investments(run(text)))



def test_a_sum_lent_with_no_asset_in_its_sentence_is_in_the_asset_before(run):
    text = ("A gas-fired plant in Ghana has attracted debt finance of $900m from a group of lenders.\n\n"
            "The Norland Export Bank (NEB, Norway's export credit agency) lent $450m from its own book.")
    assert ("Norland Export Bank", "GHA") in _investments(run(text))
    # guard: a sum lent for no energy asset told before is no investment
    text = ("A new hospital in Ghana has attracted debt finance of $900m from a group of lenders.\n\n"
            "The Norland Export Bank (NEB, Norway's export credit agency) lent $450m from its own book.")
    assert _investments(run(text)) == set()


def test_a_nationality_up_a_chain_of_modifiers_names_a_firms_state_not_a_host(run):
    # 'Thai state group PTT': 'Thai' modifies 'state', which modifies the firm noun 'group'
    text = ("Norland Oil has agreed to pay $2 billion for the stake owned by Videla Energy in an oil block in "
            "Tanzania.\nGas from the Zeta Block, off southern Tanzania, would be shipped to India.\n"
            "The Zeta Block is operated by US group Anadarko Petroleum, with 36.5 percent, and the remaining partners "
            "are Japan's Mitsui & Co. (20 percent), Thai state group PTT with 8.5 percent and Kenyan state company "
            "Nock with 15 percent.")
    found = _investments(run(text))
    assert ("Anadarko Petroleum", "TZA") in found and ("Mitsui & Co.", "TZA") in found
    assert not any(host == "THA" for _, host in found)


def test_no_country_recognising_takes_no_recognizer_from_the_clause_before(run):
    text = ("Ruritania has recognised the independence of Georgia's two breakaway regions, Abkhazia and South Ossetia."
            " The two regions unilaterally declared independence in the 1990s, but no country recognised them.")
    recognizers = {e.recognizer.text for e in run(text) if e.type == "recognition"}
    assert "Abkhazia" not in recognizers and "South Ossetia" not in recognizers


def test_a_deal_with_several_higher_ranked_exporters_is_bought_from_each(run):
    events = run("Kenya has also concluded military contracts with Russia and the Czech Republic this month.")
    assert {(s, b) for s, b in ((e.seller.text, tuple(x.text for x in e.buyer)) for e in events
                                if e.type == "arms_sale")} == {("Russia", ("Kenya",)),
                                                               ("Czech Republic", ("Kenya",))}
    # guard: the higher-ranked exporter as the subject keeps selling to both
    events = run("Russia has concluded military contracts with Iraq and Syria this month.")
    assert {e.seller.text for e in events if e.type == "arms_sale"} == {"Russia"}


def test_a_person_who_has_been_in_a_foreign_capital_visited_it(run):
    events = run("Kenyan Foreign Minister Alfred Mutua has also been in Budapest, where gas was a top issue in talks "
                 "with Hungary's Prime Minister.")
    assert ("Alfred Mutua", "HUN") in core_pairs(events, "visit")
    # guard: having been in power or in talks is no trip
    text = "Kenyan President William Ruto has been in power since 2022 and has been in talks with Hungary."
    assert core_pairs(run(text), "visit") == set()


def test_a_states_decision_to_withdraw_its_recognition_is_its_own(run):
    events = run("Serbia welcomed Zambia's recent decision to withdraw its recognition of Kosovo.")
    assert {(e.recognizer.text, e.status) for e in events if e.type == "recognition"} == {("Zambia", "negated")}


def test_the_last_name_after_a_serial_comma_closes_the_list_it_ends():
    # the parser made 'Spain' a conjunct of 'leaders'; it closes the list of 'of'
    words = ["The", "leaders", "of", "Norway", ",", "Ireland", ",", "and", "Spain", "said", "so", "."]
    heads = [1, 9, 1, 2, 3, 3, 1, 1, 1, 9, 9, 9]
    deps = ["det", "nsubj", "prep", "pobj", "punct", "conj", "punct", "cc", "conj", "ROOT", "advmod", "punct"]
    pos = ["DET", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "CCONJ", "PROPN", "VERB", "ADV", "PUNCT"]
    doc = repair_serial_lists(spacy.tokens.Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps,
                                               pos=pos))
    assert doc[8].head.text == "Ireland" and doc[7].head.text == "Ireland"
    assert {t.text for t in doc[3].conjuncts} == {"Ireland", "Spain"}
    # guard: a name coordinated with a noun that has no list of its own stays where it is
    words = ["The", "leaders", "of", "Norway", "and", "Spain", "said", "so", "."]
    heads = [1, 6, 1, 2, 1, 1, 6, 6, 6]
    deps = ["det", "nsubj", "prep", "pobj", "cc", "conj", "ROOT", "advmod", "punct"]
    pos = ["DET", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "ADV", "PUNCT"]
    doc = repair_serial_lists(spacy.tokens.Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos))
    assert doc[5].head.text == "leaders"


def test_a_plant_built_in_partnership_with_a_firm_is_its_investment(run):
    assert ("Rosatom", "TUR") in _investments(run("The Akkuyu facility was built in partnership with the Russian state "
                                                  "nuclear giant Rosatom."))
    # guard: a phrase of conformity names no partner
    assert _investments(run("The Akkuyu facility was built in line with Turkish rules.")) == set()


def test_upgrading_a_power_grid_abroad_builds_it(run):
    found = _investments(run("China vowed on Sunday to help upgrade Ethiopia's power grid."))
    assert found == {("CHN", "ETH")}
    # guard: upgrading relations builds nothing
    assert _investments(run("China will upgrade relations with Ethiopia.")) == set()


def test_the_predicate_of_a_customer_subject_buys(run):
    events = run("The first export customer of the K9 howitzer was Turkey.")
    assert {(e.seller.id, tuple(b.text for b in e.buyer)) for e in events if e.type == "arms_sale"} == {
        ("KOR", ("Turkey",))}
    # guard: a customer noun with no state as its predicate buys nothing
    assert not any(e.type == "arms_sale" for e in run("The first export customer of the K9 howitzer was happy."))


def test_a_headlines_abbreviated_defence_title_names_no_one(default_extractor):
    names = _names(default_extractor, "Def Min leaves tomorrow for 2-nation visit to Russia, Malaysia")
    assert not any(t.startswith("Def") for t, _ in names)
