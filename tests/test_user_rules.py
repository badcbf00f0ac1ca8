"""User rules: a TOML file adds trigger words and status cues on top of the shipped rules, checked at load."""

from __future__ import annotations

import pytest

from eventex.errors import InputError, MissingFileError
from eventex.linking import Linker
from eventex.linking.user_rules import load_rules

LEASE = """
[triggers.arms_sale]
verbs = { lease = "transfer_out" }
strength = { lease = 0.8 }

[status.proposed]
lemmas = ["envisage"]
"""


def _entities():
    return ("Russia", "GPE", {"id": "RUS"}), ("helicopters", "WEAPON"), ("India", "GPE", {"id": "IND"})


def test_a_user_trigger_word_finds_an_event_the_shipped_rules_miss(tmp_path, hand_doc):
    path = tmp_path / "mine.toml"
    path.write_text(LEASE)
    text = "Russia leased helicopters to India."
    assert Linker()(hand_doc(text, *_entities())).events == []
    (event,) = Linker(*load_rules(path))(hand_doc(text, *_entities())).events
    assert (event.type, event.trigger.text, event.seller.id, [b.id for b in event.buyer]) == (
        "arms_sale", "leased", "RUS", ["IND"])
    rules, status = load_rules(path)
    assert "envisage" in status.cues["proposed"] and rules.lexicons["arms_sale"].verbs["lease"] == "transfer_out"
    assert "lease" not in load_rules(None)[0].lexicons["arms_sale"].verbs


@pytest.mark.parametrize(("body", "message"), [
    ("[triggers.coup]\nverbs = { topple = 'transfer_out' }", "triggers.coup: unknown event type"),
    ("[triggers.visit]\nverbs = { tour = 'flying' }", "triggers.visit.verbs.tour: unknown frame 'flying'"),
    ("[triggers.visit]\nroles = { tour = 'x' }", "triggers.visit.roles: unknown table"),
    ("[triggers.visit]\nstrength = { tour = 3 }", "triggers.visit.strength.tour: strength 3"),
    ("[status.rumoured]\nlemmas = ['whisper']", "status.rumoured: unknown status cue"),
    ("[status.alleged]\nwords = ['whisper']", "status.alleged: expected lemmas"),
    ("[facts]\nx = 1", "facts: unknown section"),
    ("[triggers.visit\n", "not a TOML rules file"),
])
def test_a_bad_rules_file_gives_one_clear_error(tmp_path, body, message):
    path = tmp_path / "bad.toml"
    path.write_text(body)
    with pytest.raises(InputError, match=message) as err:
        load_rules(path)
    assert str(err.value).startswith(f"{path}: ") and "\n" not in str(err.value)


def test_a_missing_rules_file_is_a_missing_file_error(tmp_path):
    with pytest.raises(MissingFileError, match="no such rules file"):
        load_rules(tmp_path / "none.toml")
