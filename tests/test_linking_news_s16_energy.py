"""Energy-investment rules from misses and false events on real published news, session 16 (a private development
set, never copied here): every sentence below is invented for the test."""

from __future__ import annotations

import spacy
from newslib import core_pairs
from spacy.tokens import Doc

from eventex.stages.parse_repairs import repair_fronted_subjects

PUB = "2025-06-01"


def _pairs(events) -> set[tuple]:
    return core_pairs(events, "energy_investment")


def test_a_stake_sold_to_buyers_named_by_nationality_is_their_investment(run):
    events = run("Greece's Helios Oil hopes to sell its holding in the Tanager gas field in Egypt to Japanese buyers.")
    assert ("JPN", "EGY") in _pairs(events)


def test_winning_or_landing_a_project_or_contract_is_an_investment(run):
    events = run("Volta Power Wins $500 Mln Hydropower Dam Project in Zambia\nThe utility gave few details.")
    assert ("Volta Power", "ZMB") in _pairs(events)
    events = run("Kestrel Energy has landed a contract to build a wind farm in Peru.")
    assert ("Kestrel Energy", "PER") in _pairs(events)


def test_the_name_after_an_opening_month_is_the_subject_the_parser_swallowed():
    # the parse the parser gives such sentences: the firm's name as the object of 'In', the verb with no subject
    words = ["In", "April", "Harbin", "sold", "its", "shops", "to", "focus", "on", "Chile", "."]
    heads = [3, 2, 0, 3, 5, 3, 7, 3, 7, 8, 3]
    deps = ["prep", "compound", "pobj", "ROOT", "poss", "dobj", "aux", "advcl", "prep", "pobj", "punct"]
    pos = ["ADP", "PROPN", "PROPN", "VERB", "PRON", "NOUN", "PART", "VERB", "ADP", "PROPN", "PUNCT"]
    tags = ["IN", "NNP", "NNP", "VBD", "PRP$", "NNS", "TO", "VB", "IN", "NNP", "."]
    vocab = spacy.blank("en").vocab
    doc = repair_fronted_subjects(Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags))
    assert [(t.text, t.dep_, t.head.text) for t in doc[1:3]] == [("April", "pobj", "In"), ("Harbin", "nsubj", "sold")]
    deps[1], heads[1] = "pobj", 0  # 'In April, Harbin sold …' parsed right: a subject of its own, nothing changes
    deps[2], heads[2] = "nsubj", 3
    doc = repair_fronted_subjects(Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags))
    assert [(t.dep_, t.head.i) for t in doc] == list(zip(deps, heads, strict=True))


def test_an_apposition_that_calls_a_firm_an_energy_company_makes_it_one(run):
    text = "Tamsin Holdings, Norway's largest offshore oil producer, has taken a share in a venture in Ghana."
    assert ("Tamsin Holdings", "GHA") in _pairs(run(text))
    text = "Tamsin Holdings, a Norwegian shoe retailer, has taken a share in a venture in Ghana."
    assert ("Tamsin Holdings", "GHA") not in _pairs(run(text))


def test_firms_that_sign_a_deal_together_to_work_in_a_third_state_both_invest(run):
    text = "Italy's Eni has signed a cooperation accord with Shell to conduct exploration work in Namibia's waters."
    pairs = _pairs(run(text))
    assert {("Eni", "NAM"), ("Shell", "NAM")} <= pairs


def test_talks_held_for_buying_a_stake_in_a_foreign_asset_are_no_trip_there(run):
    events = run("The Danish firm Nordvind is in talks with Kenya Power to build a wind farm in Kenya.")
    assert not [e for e in events if e.type == "visit"]
    assert ("Nordvind", "KEN") in _pairs(events)


def test_a_state_named_for_a_border_near_an_asset_is_not_its_host(run):
    text = "Kazakhstan has scrapped a licence to develop its Aral gas field close to the Uzbek border."
    assert not [p for p in _pairs(run(text)) if p[1] == "UZB"]


def test_a_stake_offered_to_a_named_firm_is_its_investment_in_the_givers_state(run):
    text = "Angola's oil ministry has offered a 20% share in three offshore blocks to France's TotalEnergies."
    assert ("TotalEnergies", "AGO") in _pairs(run(text))


def test_the_giver_of_a_stake_invests_nothing_even_when_the_taker_is_only_described(run):
    text = ("CAIRO, May 4 Norvik Petroleum has offered a stake in two exploration blocks to the Gulf investment "
            "unit of a large Asian bank, officials said.")
    assert not [p for p in _pairs(run(text)) if p[0] == "Norvik Petroleum"]


def test_a_host_that_names_no_known_state_is_no_host():
    from eventex.linking.accept import accept_energy_investment
    from eventex.linking.context import Candidate
    from eventex.linking.rules import Rules
    from eventex.schema import Entity, Span

    doc = spacy.blank("en")("Acme will fund the well for ZETA.")
    host = Entity(text="ZETA", start=27, end=31, label="GPE")
    cand = Candidate(
        type="energy_investment", trigger=Span(text="fund", start=10, end=14), trigger_token=doc[2],
        trigger_tokens=doc[2:3], frame="invest", status="planned", strength=0.9, sentence=doc[:],
        fillers={"investor": [Entity(text="Acme", start=0, end=4, label="ORG", affiliation="MYS")],
                 "host_country": [host]},
    )
    lex = Rules.load().lexicons["energy_investment"]
    assert not accept_energy_investment(cand, lex)
    cand.fillers["host_country"] = [host.model_copy(update={"id": "PER"})]
    assert accept_energy_investment(cand, lex)


def test_taking_the_remainder_of_an_asset_is_a_stake(run):
    text = ("Mexico's Petrogas will keep 60 percent of the new Tula gas pipeline in Mexico. Spain's Repsol will take "
            "the remainder.")
    assert ("Repsol", "MEX") in _pairs(run(text))


def test_a_firm_teamed_up_with_in_developing_an_asset_invests_too(run):
    text = "Thai explorer Siam Petro has partnered with Italy's Eni in developing a gas field in Ghana."
    assert {("Siam Petro", "GHA"), ("Eni", "GHA")} <= _pairs(run(text))
