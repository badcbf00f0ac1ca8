"""Rules from session 51's real-news analysis. Every sentence below is invented for the test."""

from __future__ import annotations

import pytest

PUB = "2025-06-01"


def _recognitions(events):
    return {(e.recognizer.id if e.recognizer else None, tuple(r.id for r in e.recognized), e.status)
            for e in events if e.type == "recognition"}


@pytest.mark.parametrize(("text", "expected"), [
    # an approximate count with examples on it
    ("More than 140 countries, including Brazil, India and Chile, recognise Palestine.",
     {("BRA", ("PSE",), "actual"), ("IND", ("PSE",), "actual"), ("CHL", ("PSE",), "actual")}),
    # 'among them' after the object, hung on the verb
    ("Belgrade says 18 states have withdrawn their recognition of Kosovo, among them Togo and Grenada.",
     {("TGO", ("XKX",), "negated"), ("GRD", ("XKX",), "negated")}),
    # 'including' hung by the parser on the object
    ("Ten countries have recognised Somaliland, including Taiwan.", {("TWN", ("XSL",), "actual")}),
    # the subject of 'be among' a counted noun the trigger's relative clause describes
    ("Spain, Ireland and Norway are among the 147 countries that recognise Palestine.",
     {("ESP", ("PSE",), "actual"), ("IRL", ("PSE",), "actual"), ("NOR", ("PSE",), "actual")}),
    # a partitive in the passive's agent
    ("Palestine is now recognised by 147 of the 193 UN member states, including China and Russia.",
     {("CHN", ("PSE",), "actual"), ("RUS", ("PSE",), "actual")}),
    # the trigger coordinated with a verb whose subject is another state
    ("Kosovo declared independence in 2008 and has been recognised by more than 100 countries, among them "
     "the United States and Japan.", {("USA", ("XKX",), "actual"), ("JPN", ("XKX",), "actual")}),
    # a standing recognition in the simple present passive names its recognizers
    ("Abkhazia is recognized by Russia, Nicaragua and Venezuela.",
     {("RUS", ("XAB",), "actual"), ("NIC", ("XAB",), "actual"), ("VEN", ("XAB",), "actual")}),
])
def test_the_states_a_tally_of_recognizers_names_each_recognise(run, text, expected):
    assert _recognitions(run(text)) == expected


def test_a_tally_that_names_no_state_or_examples_of_another_noun_is_no_event(run):
    # guards: no state named, or the examples are of what is recognised
    assert _recognitions(run("More than 140 countries recognise Palestine.")) == set()
    assert _recognitions(run("The decision means the territory has only 13 states left that recognise it.")) == set()
    assert _recognitions(run("Ten countries have recognised breakaway regions, including Abkhazia.")) == set()


def test_the_subject_ranked_by_a_withdrawal_drops_and_a_for_phrase_names_the_rival(run):
    assert _recognitions(run("Honduras became the latest country to abandon Taipei.")) == {
        ("HND", ("TWN",), "negated")}
    assert _recognitions(run("Honduras became the latest country to abandon Taipei for Beijing.")) == {
        ("HND", ("TWN",), "negated"), ("HND", ("CHN",), "actual")}
    assert _recognitions(run("Honduras cut ties with Taipei for Beijing in March.")) == {
        ("HND", ("TWN",), "negated"), ("HND", ("CHN",), "actual")}
    # guard: a 'for' phrase that names no rival of the pair adds nothing
    assert _recognitions(run("Honduras dropped Taipei for good.")) == {("HND", ("TWN",), "negated")}


@pytest.mark.parametrize(("text", "expected"), [
    # losing an ally to the rival: the ally withdraws its recognition of the subject and recognises the rival
    ("Taiwan lost Nauru to China in January.", {("NRU", ("CHN",), "actual"), ("NRU", ("TWN",), "negated")}),
    ("Taiwan has lost ten allies to Beijing since 2016, including Panama and Honduras.",
     {("PAN", ("CHN",), "actual"), ("PAN", ("TWN",), "negated"),
      ("HND", ("CHN",), "actual"), ("HND", ("TWN",), "negated")}),
    # winning an ally from the rival, named or not
    ("Beijing has poached Honduras from Taipei.", {("HND", ("CHN",), "actual"), ("HND", ("TWN",), "negated")}),
    ("Beijing lured Nauru away from Taipei.", {("NRU", ("CHN",), "actual"), ("NRU", ("TWN",), "negated")}),
    ("China won over Panama in 2017.", {("PAN", ("CHN",), "actual"), ("PAN", ("TWN",), "negated")}),
])
def test_losing_or_winning_an_ally_between_beijing_and_taipei_is_a_switch(run, text, expected):
    assert _recognitions(run(text)) == expected


def test_losing_or_winning_outside_the_pair_is_no_recognition(run):
    # guards: the verbs are common, only a state of the pair as the subject makes a switch
    for text in ("Russia lost Ukraine to the West.", "Taiwan lost the match to China.",
                 "The company lured investors away from London.", "He won over voters in Texas."):
        assert _recognitions(run(text)) == set()


def test_two_possessed_names_in_a_pair_are_conjuncts():
    import spacy
    from spacy.tokens import Doc

    from eventex.stages.parse_repairs import repair_possessed_pairs

    # the parse spaCy makes of 'by Japan's Marubeni and Korea's KEPCO': Marubeni and Korea conjuncts owning KEPCO
    words = ["built", "by", "Japan", "'s", "Marubeni", "and", "Korea", "'s", "KEPCO", "."]
    heads = [0, 0, 4, 2, 8, 4, 4, 6, 1, 0]
    deps = ["ROOT", "agent", "poss", "case", "poss", "cc", "conj", "case", "pobj", "punct"]
    pos = ["VERB", "ADP", "PROPN", "PART", "PROPN", "CCONJ", "PROPN", "PART", "PROPN", "PUNCT"]
    doc = repair_possessed_pairs(Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos))
    marubeni, korea, kepco = doc[4], doc[6], doc[8]
    assert (marubeni.dep_, marubeni.head.i) == ("pobj", 1)
    assert (kepco.dep_, kepco.head.i) == ("conj", marubeni.i)
    assert (korea.dep_, korea.head.i) == ("poss", kepco.i)
    assert doc[5].head.i == marubeni.i
    # guard: a first name with no owner of its own ('Marubeni and Korea's KEPCO') is left as parsed
    words = ["by", "Marubeni", "and", "Korea", "'s", "KEPCO"]
    heads, deps = [0, 5, 1, 1, 3, 0], ["ROOT", "poss", "cc", "conj", "case", "pobj"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=["ADP", *pos[4:9]])
    parsed = [(t.dep_, t.head.i) for t in doc]
    assert [(t.dep_, t.head.i) for t in repair_possessed_pairs(doc)] == parsed


def test_each_firm_of_a_pair_of_possessed_names_invests(run):
    events = run("The Song Hau plant in Vietnam is owned by Japan's Marubeni and Korea's KEPCO.")
    assert {e.investor.text for e in events if e.type == "energy_investment"} == {"Marubeni", "KEPCO"}


def _visits(events):
    return {(e.visitor.text if e.visitor else None, tuple(d.id for d in e.destination),
             e.host.text if e.host else None) for e in events if e.type == "visit"}


@pytest.mark.parametrize(("text", "expected"), [
    # the place hung on the apposition of the one met
    ("Indian Foreign Minister Subrahmanyam Jaishankar met his Ghanaian counterpart Samuel Ablakwa in New Delhi on "
     "Monday.", {("Samuel Ablakwa", ("IND",), "Subrahmanyam Jaishankar")}),
    # the place hung on a counterpart named only by nationality: the state is the visitor
    ("Indian Foreign Minister Subrahmanyam Jaishankar signed the agreement with his Ghanaian counterpart in New "
     "Delhi on Monday.", {("Ghanaian", ("IND",), "Subrahmanyam Jaishankar")}),
    # a press conference at home with a foreign counterpart
    ("Jaishankar spoke at a joint press conference in New Delhi with Ghanaian counterpart Samuel Ablakwa.",
     {("Samuel Ablakwa", ("IND",), "Jaishankar")}),
    # a counterpart in apposition to the second of two signers (the parser hangs it on either), and the place of
    # the building of the ceremony
    ("Kenyan Foreign Minister Musalia Mudavadi and Ana Ruiz, his Chile counterpart, signed the accord at a ceremony "
     "at State House in Nairobi.", {("Ana Ruiz", ("KEN",), "Musalia Mudavadi")}),
    ("Indian Foreign Minister Subrahmanyam Jaishankar and Samuel Ablakwa, his Ghana counterpart, signed the formal "
     "documents at a ceremony at Hyderabad House in New Delhi.",
     {("Samuel Ablakwa", ("IND",), "Subrahmanyam Jaishankar")}),
    # the same press conference abroad is the subject's trip
    ("Jaishankar spoke at a joint press conference in Accra with Ghanaian counterpart Samuel Ablakwa.",
     {("Jaishankar", ("GHA",), None)}),
])
def test_a_meeting_at_home_with_a_foreign_counterpart_is_the_counterpart_s_visit(run, text, expected):
    assert _visits(run(text)) == expected


def test_a_conference_at_home_with_no_one_from_abroad_is_no_visit(run):
    # guard
    assert _visits(run("Jaishankar spoke at a conference on climate in New Delhi.")) == set()


def test_a_verb_parsed_as_a_compound_after_a_list_of_names_heads_the_clause():
    import spacy
    from spacy.tokens import Doc

    from eventex.stages.parse_repairs import repair_verb_compounds

    # the parse spaCy makes of 'Chile, Peru and Fiji recognise Kosovo as a state.'
    words = ["Chile", ",", "Peru", "and", "Fiji", "recognise", "Kosovo", "as", "a", "state", "."]
    heads = [0, 0, 0, 2, 2, 6, 0, 0, 9, 7, 0]
    deps = ["ROOT", "punct", "npadvmod", "cc", "conj", "compound", "appos", "prep", "det", "pobj", "punct"]
    pos = ["PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB", "PROPN", "ADP", "DET", "NOUN", "PUNCT"]
    tags = ["NNP", ",", "NNP", "CC", "NNP", "VBP", "NNP", "IN", "DT", "NN", "."]
    doc = repair_verb_compounds(Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags))
    verb = doc[5]
    assert (verb.dep_, verb.head.i) == ("ROOT", verb.i)
    assert (doc[0].dep_, doc[0].head.i) == ("nsubj", verb.i) and (doc[6].dep_, doc[6].head.i) == ("dobj", verb.i)
    assert doc[7].head.i == verb.i and doc[10].head.i == verb.i and doc[2].head.i == 0
    # guard: a noun the verb modifies after a common noun ('the search party') is left as parsed
    words = ["the", "rescue", "Kosovo", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2, 2], deps=["det", "compound", "ROOT", "punct"],
              pos=["DET", "VERB", "PROPN", "PUNCT"], tags=["DT", "VB", "NNP", "."])
    assert [(t.dep_, t.head.i) for t in repair_verb_compounds(doc)] == [
        ("det", 2), ("compound", 2), ("ROOT", 2), ("punct", 2)]


@pytest.mark.parametrize(("text", "expected"), [
    # a list of names before a present verb, which spaCy parses as a compound of the name after it
    ("Russia, Nicaragua, Venezuela, Nauru and Syria recognise Abkhazia and South Ossetia as independent states.",
     {(s, ("XAB", "XSO"), "actual") for s in ("RUS", "NIC", "VEN", "NRU", "SYR")}),
    # a name before a copula parsed as an adverb
    ("Nauru is the third country to switch from Taiwan to China since 2019.",
     {("NRU", ("CHN",), "actual"), ("NRU", ("TWN",), "negated")}),
    # a switch noun owned by the state that switches
    ("The Solomon Islands' switch from Taipei to Beijing in 2019 angered Washington.",
     {("SLB", ("CHN",), "actual"), ("SLB", ("TWN",), "negated")}),
    ("Kiribati's switch to Beijing surprised its neighbours.",
     {("KIR", ("CHN",), "actual"), ("KIR", ("TWN",), "negated")}),
    # allies lost with no rival named: each withdraws its recognition
    ("Since 2016 Taiwan has lost diplomatic allies including Panama (2017) and El Salvador (2018).",
     {("PAN", ("TWN",), "negated"), ("SLV", ("TWN",), "negated")}),
])
def test_recognitions_stated_by_lists_switch_nouns_and_lost_allies(run, text, expected):
    assert _recognitions(run(text)) == expected


def test_a_switch_noun_to_anything_but_the_pair_is_no_recognition(run):
    # guards
    assert _recognitions(run("Germany's switch to renewable energy is costly.")) == set()
    assert _recognitions(run("The team lost its best ally in the league.")) == set()


def _investments(events):
    return {(e.investor.text if e.investor else None, e.host_country.id if e.host_country else None)
            for e in events if e.type == "energy_investment"}


def test_both_firms_of_a_joint_venture_are_partners_and_the_host_state_s_own_one_does_not_invest(run):
    # before: the first firm invested and the second was read as the host
    text = ("Construction of the plant in Pakistan began in March by Kestrel Power, a joint venture between "
            "Pakistan's Indus Power Ltd and China's Huaxin Energy Ltd.")
    assert _investments(run(text)) == {("Huaxin Energy Ltd", "PAK")}
    text = "The plant in Vietnam is owned by a joint venture between Japan's Marubeni and Korea's KEPCO."
    assert _investments(run(text)) == {("Marubeni", "VNM"), ("KEPCO", "VNM")}


@pytest.mark.parametrize("text", [
    "Abkhazia is recognised by five UN members: Russia, Nicaragua, Venezuela, Nauru and Syria.",
    "Abkhazia is recognised by only five states, namely Russia, Nicaragua, Venezuela, Nauru and Syria.",
    # the list after the relative clause on the group, which the parser hangs on the object as its conjuncts
    "The five UN members that recognise Abkhazia – Russia, Nicaragua, Venezuela, Nauru and Syria – have embassies "
    "in Sukhumi.",
])
def test_the_states_listed_after_a_mark_on_a_tally_each_recognise(run, text):
    assert _recognitions(run(text)) == {(s, ("XAB",), "actual") for s in ("RUS", "NIC", "VEN", "NRU", "SYR")}


def test_each_item_of_a_gapped_list_of_recognitions_has_its_own_state_and_date(run):
    events = [e for e in run("Spain recognised Palestine in May, Slovenia in June and Armenia in July.")
              if e.type == "recognition"]
    assert {(e.recognizer.id, e.date.text) for e in events} == {("ESP", "May"), ("SVN", "June"), ("ARM", "July")}
    # two contested states: the items are what the subject recognises
    events = run("Russia recognised Abkhazia in August and South Ossetia in September.")
    assert _recognitions(events) == {("RUS", ("XAB",), "actual"), ("RUS", ("XSO",), "actual")}
    # guard: a coordinated clause is no item
    assert _recognitions(run("Russia recognised Abkhazia in August and sent troops in September.")) == {
        ("RUS", ("XAB",), "actual")}
