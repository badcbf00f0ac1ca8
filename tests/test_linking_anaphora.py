"""linking.anaphora on hand-parsed sentences: which words refer back, and to what."""

from __future__ import annotations

import re

import pytest

from eventex.linking.anaphora import resolve_anaphors
from eventex.linking.context import LinkContext
from eventex.linking.referring import find_anaphors, how_many
from eventex.linking.rules import RoleRule, Rules, Words


@pytest.fixture(scope="module")
def words() -> Words:
    return Words.load()


def _anaphors(doc, words: Words) -> list[tuple[str, str, int]]:
    ctx = LinkContext.build(doc)
    return [(a.token.text, a.kind, a.count) for a in find_anaphors(ctx.doc[:], ctx.by_token, words)]


def test_pronouns_there_and_definite_descriptions(hand_doc, words):
    doc = hand_doc("He said they would go there, and the two countries agreed.")
    assert _anaphors(doc, words) == [("He", "PERSON", 1), ("they", "STATE", 1), ("there", "STATE", 1),
                                     ("countries", "STATE", 2)]


def test_a_description_that_names_its_referent_is_no_anaphor(hand_doc, words):
    doc = hand_doc("The state of Palestine and the country met.", ("Palestine", "GPE", {"id": "PSE"}))
    assert _anaphors(doc, words) == [("country", "STATE", 1)]
    assert _anaphors(hand_doc("A country met."), words) == []  # no determiner


def test_how_many(hand_doc, words):
    doc = hand_doc("Both countries and the three republics met.")
    assert [how_many(t, words) for t in doc.doc if t.pos_ == "NOUN"] == [2, 3]


def test_resolved_to_the_nearest_states_not_taken_and_preferred(hand_doc):
    rules = Rules.load()
    doc = hand_doc(
        "Serbia, Cuba and Kosovo spoke. Russia recognized the new state.", ("Serbia", "GPE", {"id": "SRB"}),
        ("Cuba", "GPE", {"id": "CUB"}), ("Kosovo", "GPE", {"id": "XKX"}), ("Russia", "GPE", {"id": "RUS"}),
    )
    ctx = LinkContext.build(doc)
    trig = next(t for t in ctx.doc if t.lower_ == "recognized")
    anaphors = find_anaphors(trig.sent, ctx.by_token, rules.words)
    anything = RoleRule(regex=re.compile(".*"), labels=frozenset({"GPE"}))
    picked = resolve_anaphors(anaphors, trig, anything, ctx, taken=set())
    assert [(m.entity.text, m.entity.implicit) for m in picked] == [("Kosovo", True)]
    assert [m.entity.text for m in resolve_anaphors(anaphors, trig, anything, ctx, taken={"XKX"})] == ["Cuba"]
    prefer = frozenset({"SRB"})
    assert [m.entity.text for m in resolve_anaphors(anaphors, trig, anything, ctx, set(), prefer)] == ["Serbia"]
