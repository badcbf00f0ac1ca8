"""Session 54: who recognises whom when a claimant, Taiwan or a persuaded state is named; visits that are no one's
or another's (resident envoys, a title with 'a', a visit noun under a host's verb); the host of an asset its owner
state names. Every sentence is invented."""

from __future__ import annotations

PUB = "2025-06-01"


def _recognitions(events):
    return {(e.recognizer.text, tuple(r.id for r in e.recognized), e.status) for e in events if e.type == "recognition"}


def _visits(events):
    return {(e.visitor.text, tuple(d.text for d in e.destination)) for e in events if e.type == "visit"}


def test_the_claimant_never_recognises_through_a_noun_it_does_not_own_or_ties_it_never_had(run):
    # a subject above a plural recognition noun is not its recognizer ('Belgrade' plans, others recognised)
    assert _recognitions(run("After a fresh wave of recognitions of Kosovo's independence, Belgrade plans a "
                             "counter-offensive at the summit.")) == set()
    assert _recognitions(run("Beijing cut ties with Taipei.")) == set()
    # guards: the claimant's own verb or noun still says that it does not ('will never recognise', 'by Belgrade')
    assert _recognitions(run("Serbia will never recognise Kosovo, its foreign minister said.")) == {
        ("Serbia", ("XKX",), "negated")}
    assert _recognitions(run("Kosovo declared independence in 2008, which has not been recognised by Belgrade.")) == {
        ("Belgrade", ("XKX",), "negated")}
    assert _recognitions(run("Serbia, which does not recognise Kosovo's independence, blocked the bid.")) == {
        ("Serbia", ("XKX",), "negated")}
    assert _recognitions(run("Rabat's recognition of the SADR is not on the table.")) == {
        ("Rabat", ("ESH",), "negated")}


def test_the_state_persuaded_or_led_to_cut_ties_is_the_one_that_cuts_them(run):
    assert _recognitions(run("China persuaded Kiribati to cut ties with Taiwan.")) == {
        ("Kiribati", ("TWN",), "negated")}
    assert _recognitions(run("Beijing persuaded Nauru to drop Taipei.")) == {("Nauru", ("TWN",), "negated")}
    # a state named by its kind is no recognizer, and neither is the subject above it
    assert _recognitions(run("China offered Kiribati cheap loans, leading the island nation to cut ties with "
                             "Taiwan.")) == set()


def test_no_state_won_over_is_china_or_taiwan(run):
    assert _recognitions(run("Beijing has stepped up a campaign to poach the remaining countries that recognise "
                             "Taiwan.")) == set()
    # guard: a state won over recognises the winner and drops its rival
    assert _recognitions(run("Beijing poached Kiribati from Taipei.")) == {
        ("Kiribati", ("CHN",), "actual"), ("Kiribati", ("TWN",), "negated")}


def test_taiwan_cutting_ties_with_a_state_named_by_apposition_and_a_pronoun_subject(run):
    # the state it cuts ties with withdraws its recognition of Taiwan
    assert _recognitions(run("Taiwan said it was cutting ties with another Pacific nation, Kiribati, after China "
                             "offered the island loans.")) == {("Kiribati", ("TWN",), "negated")}


def test_acknowledging_as_a_state_and_a_communique_on_one_china_recognise(run):
    assert _recognitions(run("Nicaragua acknowledged Abkhazia as an independent state in 2008.")) == {
        ("Nicaragua", ("XAB",), "actual")}
    assert _recognitions(run("Kiribati recognises that there is but one China in the world.")) == {
        ("Kiribati", ("CHN",), "actual")}
    # guards: acknowledging anything else, and an existential clause of no state, recognise nothing
    assert _recognitions(run("Russia acknowledged the importance of ties with Abkhazia.")) == set()
    assert _recognitions(run("Serbia recognises that there is a problem in the north of Kosovo.")) == set()


def test_a_resident_ambassador_touring_the_state_of_his_post_makes_no_visit(run):
    assert _visits(run("The Japanese Ambassador to Kenya, Ken Okaniwa, visited Mombasa port on Tuesday.")) == set()
    assert _visits(run("Britain's ambassador to Kenya Jane Marriott toured Kisumu on Tuesday.")) == set()
    # guard: an ambassador who travels to another state does visit it
    assert _visits(run("The Japanese Ambassador to Kenya, Ken Okaniwa, visited Uganda on Tuesday.")) != set()


def test_a_title_held_by_one_person_at_a_time_with_a_names_no_visitor(run):
    assert _visits(run("The tour will be the first time a Turkish president visits Mauritania.")) == set()
    assert _visits(run("No US president has visited Cuba since 1928.")) == set()
    # guards: a delegation or a minister with 'a' may be a particular one, and 'the' president is
    assert _visits(run("A Chinese delegation visited Kenya last week.")) == {("Chinese", ("Kenya",))}
    assert _visits(run("The Turkish president visited Mauritania.")) == {("Turkish", ("Mauritania",))}


def test_a_visit_noun_in_a_phrase_under_a_hosting_verb_is_the_guests(run):
    assert _visits(run("King Abdullah II on Tuesday received Kuwait Emir Sheikh Meshal at Marka Airport at the "
                       "start of a two-day state visit to Jordan.")) == {("Meshal", ("Jordan",))}


def test_the_state_owning_the_asset_hosts_it_not_the_place_the_deal_was_signed(run):
    events = run("China Eximbank signed a loan agreement for Guinea's Souapiti hydropower project in Beijing on "
                 "Monday.")
    assert {(e.investor.text, e.host_country.id) for e in events if e.type == "energy_investment"} == {
        ("China Eximbank", "GIN")}


def test_a_state_followed_or_likened_to_did_the_same(run):
    events = run("Ireland has followed in the footsteps of Norway and recognised a Palestinian state.")
    assert _recognitions(events) == {("Ireland", ("PSE",), "actual"), ("Norway", ("PSE",), "actual")}
    assert _recognitions(run("Like Spain, Slovenia recognised Palestine on Tuesday.")) == {
        ("Slovenia", ("PSE",), "actual"), ("Spain", ("PSE",), "actual")}
    # guard: a state followed that did something else
    assert _recognitions(run("Ireland followed Norway's lead on fisheries and recognised Palestine.")) == {
        ("Ireland", ("PSE",), "actual")}
