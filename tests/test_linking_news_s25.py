"""Rules from session 25's real-news dev analysis. Every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_pairs

PUB = "2024-03-01"


def test_cutting_ties_to_open_relations_with_another_state_recognises_it(run):
    text = "In May, Panama cut ties with Taipei to open relations with Beijing."
    assert core_pairs(run(text), "recognition") == {("PAN", "TWN"), ("PAN", "CHN")}


def test_doing_likewise_restates_every_act_of_the_sentence_by_the_same_state(run):
    text = ("In June, Panama cut ties with Taipei to establish relations with Beijing. Costa Rica did likewise a "
            "year later.")
    assert {("CRI", "TWN"), ("CRI", "CHN")} <= core_pairs(run(text), "recognition")


def test_doing_likewise_restates_only_the_latest_actor(run):
    # guard: Panama's act in the same sentence has another agent, so Nicaragua does not restate it
    text = "Panama cut ties with Taipei last year, and this week Costa Rica recognised Kosovo. Nicaragua did likewise."
    pairs = core_pairs(run(text), "recognition")
    assert ("NIC", "XKX") in pairs
    assert ("NIC", "TWN") not in pairs


def test_a_move_followed_by_states_is_their_recognition_too(run):
    text = ("Abkhazia and South Ossetia broke away from Georgia in the 1990s. After the war, Moscow recognised both "
            "regions as independent states. The move was followed by Nicaragua, Venezuela and Nauru.")
    pairs = core_pairs(run(text), "recognition")
    assert {(s, r) for s in ("NIC", "VEN", "NRU") for r in ("XAB", "XSO")} <= pairs


def test_followers_listed_with_their_dates_all_recognise(run):
    text = ("Transnistria was first recognised by Russia on August 27, 2009. On September 5, Nicaragua also "
            "recognised it, followed by Venezuela on September 10, 2009, Nauru on December 16, 2009, by Vanuatu "
            "May 23, 2011 and Tuvalu on September 18, 2011.")
    pairs = core_pairs(run(text), "recognition")
    assert {(s, "XTR") for s in ("RUS", "NIC", "VEN", "NRU", "VUT", "TUV")} == pairs


def test_a_recognition_followed_by_protests_names_no_follower(run):
    # guard: the state after 'followed by protests in' is where the protests were
    text = "Russia recognised Transnistria in 2009. The decision was followed by protests in Moldova."
    assert core_pairs(run(text), "recognition") == {("RUS", "XTR")}
