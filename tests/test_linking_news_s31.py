"""Rules from session 31's real-news dev analysis. Every sentence below is invented for the test."""

from __future__ import annotations

import pytest
from newslib import core_pairs

PUB = "2024-03-01"


@pytest.mark.parametrize(("text", "expected"), [
    ("Hanoi, 9 May: Chilean President Ana Ruiz is making a state visit to Vietnam.", {("Ana Ruiz", "VNM")}),
    ("Dhaka, 12 March: At the invitation of Foreign Minister Karim Uddin, Chilean Foreign Minister Rosa Pinto is "
     "paying an official visit to Bangladesh.", {("Rosa Pinto", "BGD")}),
    ("Quito, 4 June (Agency): At the invitation of his counterpart, Peru's defence minister is paying an official "
     "visit to Ecuador.", {("PER", "ECU")}),
])
def test_a_lede_after_a_dated_colon_dateline_parses_on_its_own(run, text, expected):
    # the place the story was filed from, before a date or an agency and a colon, is no subject of the lede
    assert core_pairs(run(text), "visit") == expected


def test_a_dated_colon_dateline_starts_the_ledes_sentence(run):
    import spacy

    from eventex.stages.segment import paragraph_starts

    nlp = spacy.blank("en")
    doc = paragraph_starts(nlp("Lima, 3 May: The minister left for Quito on Monday."))
    assert [t.is_sent_start for t in doc if t.text == "The"] == [True]
    plain = paragraph_starts(nlp("Peru: The minister left for Quito on Monday."))  # a headline's topic: untouched
    assert [t.is_sent_start for t in plain if t.text == "The"] != [True]


@pytest.mark.parametrize(("text", "expected"), [
    ("The European Union recognised Kosovo's independence on Monday.", set()),
    ("The African Union formally recognized Western Sahara as a sovereign state.", set()),
    ("Chile recognised Kosovo's independence on Monday.", {("CHL", "XKX")}),
])
def test_a_body_that_is_no_state_recognises_no_state(run, text, expected):
    # the guidelines' recognizer is a state (or one who acts for it); a union or the UN recognises nothing
    assert core_pairs(run(text), "recognition") == expected
