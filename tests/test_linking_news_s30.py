"""Rules from session 30's real-news dev analysis. Every sentence below is invented for the test."""

from __future__ import annotations

import pytest
from newslib import core_pairs

PUB = "2024-03-01"


def test_a_partner_beside_a_leader_travels_on_the_leaders_visit(run):
    text = "Canadian Prime Minister Paul Hebert and partner Lise Moreau landed in Tokyo on Sunday for a state visit."
    assert core_pairs(run(text), "visit") == {("Paul Hebert", "JPN")}


def test_a_possessed_tour_in_a_passive_sentence_is_the_subjects(run):
    # 'his' hangs below the passive subject's verb: the one received, not the host named in the 'by' phrase
    text = ("Chinese Premier Zhao Ming was received by his Polish counterpart Jan Nowak in Warsaw on Monday, a new leg "
            "of his European tour that has already taken him to Spain.")
    assert core_pairs(run(text), "visit") == {("Zhao Ming", "POL"), ("Zhao Ming", "ESP")}


@pytest.mark.parametrize(("text", "expected"), [
    ("The minister said that President Omar Diallo would reach Dakar tomorrow to join the summit.",
     {("Omar Diallo", "SEN")}),
    ("The Ghanaian foreign minister reached Abuja on Friday.", {("GHA", "NGA")}),
    ("Chile and Peru reached an agreement in Lima.", set()),
    ("Russian missiles can reach Warsaw.", set()),
])
def test_a_person_reaching_a_place_arrives_there(run, text, expected):
    assert core_pairs(run(text), "visit") == expected


def test_a_document_signed_at_an_occasion_abroad_is_a_visit_there(run):
    text = ("At a press event in Hanoi on Tuesday morning, Vietnamese Foreign Minister Tran Van Long and Chilean "
            "counterpart Rosa Pinto signed a joint statement marking the start of ties.")
    assert core_pairs(run(text), "visit") == {("Rosa Pinto", "VNM")}


def test_states_that_withdraw_their_recognition_are_each_a_recogniser_not_the_recognised(run):
    # the subject's later members were taken as what the first one had recognised
    text = ("Abkhazia declared independence in 2008. Since then, Tuvalu, Vanuatu and Nauru have withdrawn their "
            "recognition.")
    assert core_pairs(run(text), "recognition") == {("TUV", "XAB"), ("VUT", "XAB"), ("NRU", "XAB")}
