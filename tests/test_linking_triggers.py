"""linking.triggers on hand-parsed sentences: words, phrases, objects a verb needs, the passive."""

from __future__ import annotations

import pytest

from eventex.linking.rules import Rules
from eventex.linking.triggers import PHRASE_STRENGTH, TriggerFinder, is_passive


@pytest.fixture(scope="module")
def finder() -> TriggerFinder:
    return TriggerFinder(Rules.load())


def _found(finder, doc) -> list[tuple[str, str, str]]:
    return [(t.type, t.frame, doc.doc[t.start : t.end].text) for t in finder.find(doc.doc)]


def test_verbs_and_nouns_get_their_frames(finder, hand_doc):
    doc = hand_doc("Russia sold helicopters to Venezuela after his visit.")
    assert _found(finder, doc) == [
        ("arms_sale", "transfer_out", "sold"), ("energy_investment", "supply_asset", "sold"),
        ("visit", "travel_noun", "visit"),
    ]
    assert finder.find(doc.doc)[0].strength == 0.9


def test_a_phrase_is_one_trigger(finder, hand_doc):
    doc = hand_doc("Xi paid a state visit to Serbia.")
    (trigger,) = finder.find(doc.doc)
    assert (trigger.frame, trigger.strength, trigger.end - trigger.start) == ("travel_noun", PHRASE_STRENGTH, 2)


def test_a_verb_that_needs_an_object_without_one_is_no_trigger(finder, hand_doc):
    assert _found(finder, hand_doc("The minister will fly tomorrow.")) == []
    assert _found(finder, hand_doc("The minister will fly to Havana.")) == [("visit", "travel_to", "fly")]


def test_the_passive_frame_replaces_the_active_one(finder, hand_doc):
    doc = hand_doc("Modi was received by Putin.")
    trigger = next(t for t in finder.find(doc.doc) if t.type == "visit")
    assert is_passive(trigger.head)
    assert (trigger.frame, finder.frame_of(trigger)) == ("host", "host_passive")


def test_a_frame_that_extends_another_takes_the_roles_it_does_not_set():
    from eventex.linking.rules import extended

    specs = {"base": {"agent": ["a"], "place": ["p"]}, "child": {"extends": "base", "place": ["q"]},
             "grandchild": {"extends": "child", "agent": ["b"]}}
    assert extended(specs["child"], specs) == {"agent": ["a"], "place": ["q"]}
    assert extended(specs["grandchild"], specs) == {"agent": ["b"], "place": ["q"]}
    assert extended(specs["base"], specs) is specs["base"]
    frames = Rules.load().frames  # the shipped joint-venture frame differs from invest_noun only in its host
    assert [r for r in frames["venture_noun"].roles if frames["venture_noun"].roles[r] != frames["invest_noun"].roles[r]
            ] == ["host_country"]
