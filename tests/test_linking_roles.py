"""linking.roles on hand-built documents: frame paths, the trigger phrase, fallbacks, two-partner relations."""

from __future__ import annotations

import pytest

from eventex.linking import Linker
from eventex.linking.context import Candidate, LinkContext
from eventex.linking.roles import fill_roles

RUS, VEN, IND = {"id": "RUS"}, {"id": "VEN"}, {"id": "IND"}


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker()


def filled(linker: Linker, doc, etype: str) -> Candidate:
    """The candidate of the first ``etype`` trigger, its roles filled."""
    ctx = LinkContext.build(doc)
    trigger = next(t for t in linker.triggers.find(ctx.doc) if t.type == etype)
    cand = linker.candidate(trigger, ctx)
    fill_roles(cand, ctx, linker.rules)
    return cand


def _roles(cand: Candidate) -> dict[str, list[str]]:
    return {role: [e.text for e in v] for role, v in cand.fillers.items()}


def test_subject_object_and_dative_paths(linker, hand_doc):
    doc = hand_doc(
        "Russia sold helicopters to Venezuela.", ("Russia", "GPE", RUS), ("helicopters", "WEAPON"),
        ("Venezuela", "GPE", VEN),
    )
    cand = filled(linker, doc, "arms_sale")
    assert _roles(cand) == {"seller": ["Russia"], "buyer": ["Venezuela"], "weapon": ["helicopters"]}
    assert not cand.fallback_used


def test_the_agent_of_a_passive_is_the_host(linker, hand_doc):
    doc = hand_doc("Modi was received by Putin.", ("Modi", "PERSON"), ("Putin", "PERSON"))
    cand = filled(linker, doc, "visit")
    assert cand.frame == "host_passive"
    assert _roles(cand) == {"visitor": ["Modi"], "host": ["Putin"]}


def test_a_list_of_destinations_is_kept_in_text_order(linker, hand_doc):
    doc = hand_doc(
        "Lavrov visited Cuba, Mexico and Brazil.", ("Lavrov", "PERSON"), ("Cuba", "GPE", {"id": "CUB"}),
        ("Mexico", "GPE", {"id": "MEX"}), ("Brazil", "GPE", {"id": "BRA"}),
    )
    assert _roles(filled(linker, doc, "visit")) == {"visitor": ["Lavrov"], "destination": ["Cuba", "Mexico", "Brazil"]}


def test_the_trigger_phrase_names_the_weapon(linker, hand_doc):
    doc = hand_doc(
        "Russia resumed arms sales to Venezuela.", ("Russia", "GPE", RUS), ("arms", "WEAPON"),
        ("Venezuela", "GPE", VEN),
    )
    assert filled(linker, doc, "arms_sale").fillers["weapon"][0].text == "arms"


def test_an_anaphor_takes_its_antecedent_as_an_implicit_filler(linker, hand_doc):
    doc = hand_doc(
        "Venezuela needs arms. Russia sold them helicopters.", ("Venezuela", "GPE", VEN), ("Russia", "GPE", RUS),
        ("helicopters", "WEAPON"),
    )
    (buyer,) = filled(linker, doc, "arms_sale").fillers["buyer"]
    assert (buyer.text, buyer.implicit) == ("Venezuela", True)


def test_cooperation_partners_are_ordered_by_export_rank(linker, hand_doc):
    doc = hand_doc(
        "India and Russia agreed to expand military-technical cooperation.", ("India", "GPE", IND),
        ("Russia", "GPE", RUS),
    )
    assert _roles(filled(linker, doc, "arms_sale")) == {"seller": ["Russia"], "buyer": ["India"]}


def test_the_two_sides_are_the_two_states_named_before(linker, hand_doc):
    doc = hand_doc(
        "Putin met officials of Russia and India. The two sides discussed military-technical cooperation.",
        ("Putin", "PERSON"), ("Russia", "GPE", RUS), ("India", "GPE", IND),
    )
    cand = filled(linker, doc, "arms_sale")
    assert _roles(cand) == {"seller": ["Russia"], "buyer": ["India"]}
    assert all(e.implicit for v in cand.fillers.values() for e in v)
