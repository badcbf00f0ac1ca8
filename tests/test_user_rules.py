"""User rules: a TOML file adds trigger words, role patterns, status cues and fact-table rows on top of the shipped
rules, checked at load."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

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
    ("[rules]\nx = 1", "rules: unknown section"),
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


HOST = """
[roles.travel_to]
host = [{ path = "^prep:as>pobj>prep:of>pobj$", labels = ["PERSON"] }]
"""


def test_a_user_role_pattern_fills_a_role_after_the_shipped_patterns(tmp_path, hand_doc):
    path = tmp_path / "mine.toml"
    path.write_text(HOST)
    text = "Modi visited Moscow as the guest of Putin."
    ents = ("Modi", "PERSON", {"affiliation": "IND"}), ("Moscow", "GPE", {"id": "RUS"}), ("Putin", "PERSON")
    (shipped,) = Linker()(hand_doc(text, *ents)).events
    (event,) = Linker(*load_rules(path))(hand_doc(text, *ents)).events
    assert shipped.host is None and (event.visitor.text, event.host.text) == ("Modi", "Putin")
    rules, _ = load_rules(path)
    assert rules.frames["travel_to"].roles["host"][-1].regex.pattern == "^prep:as>pobj>prep:of>pobj$"
    shipped_host = load_rules(None)[0].frames["travel_to"].roles["host"]
    assert len(rules.frames["travel_to"].roles["host"]) == len(shipped_host) + 1


LEASING = """
[triggers.arms_sale]
verbs = { lease = "leasing" }

[roles.leasing]
seller = [{ path = "subject", labels = ["GPE", "ORG"] }]  # a path named in roles.toml
buyer = [{ path = "^prep:to>pobj$", labels = ["GPE"] }]
weapon = [{ path = "object", labels = ["WEAPON"] }]
"""


def test_a_user_frame_serves_the_users_trigger_words(tmp_path, hand_doc):
    path = tmp_path / "mine.toml"
    path.write_text(LEASING)
    (event,) = Linker(*load_rules(path))(hand_doc("Russia leased helicopters to India.", *_entities())).events
    assert (event.seller.id, [b.id for b in event.buyer], event.weapon.text) == ("RUS", ["IND"], "helicopters")
    assert "leasing" not in load_rules(None)[0].frames


FACTS = """
[[facts.weapons]]
name = "Thunderbolt-9"
maker_iso3 = "USA"
maker = "Acme Defence"
class = "missile"
aliases = ["TB-9"]

[[facts.firms]]
name = "Acme Defence"
iso3 = "USA"

[[facts.people]]
name = "Jane Quillfeather"
iso3 = "GBR"
office = "foreign minister"
start = 2031

[[facts.places]]
name = "Port Ellery"
iso3 = "AUS"

[[facts.energy_assets]]
name = "Quillon Basin"
host_iso3 = "NOR"
kind = "gas_field"
"""


def test_user_fact_rows_reach_the_resolver_and_the_linker(tmp_path, hand_doc):
    from eventex.resources.facts import find_weapon
    from eventex.stages.resolve import Resolver

    path = tmp_path / "mine.toml"
    path.write_text(FACTS)
    rules, status = load_rules(path)
    assert rules.facts.find_weapon("two TB-9 missiles").row.maker_iso3 == "USA" and find_weapon("TB-9") is None
    assert rules.facts.find_energy_asset("the Quillon Basin field").row.host_iso3 == "NOR"
    text = "India bought Thunderbolt-9 missiles."
    ents = ("India", "GPE", {"id": "IND"}), ("Thunderbolt-9 missiles", "WEAPON")
    assert Linker()(hand_doc(text, *ents)).events == []  # no seller: the shipped tables do not know the maker
    (event,) = Linker(rules, status)(hand_doc(text, *ents)).events
    assert (event.seller.id, event.seller.implicit, [b.id for b in event.buyer]) == ("USA", True, ["IND"])

    doc = hand_doc("Jane Quillfeather met Acme Defence in Port Ellery.",
                   ("Jane Quillfeather", "PERSON"), ("Acme Defence", "ORG"), ("Port Ellery", "GPE"))
    Resolver(rows=rules.facts.names)(doc)
    person, _, place = doc.entities
    assert (person.affiliation, place.id) == ("GBR", "AUS")
    assert Resolver().firms.contained("Acme Defence") is None
    assert Resolver(rows=rules.facts.names).firms.contained("Acme Defence Systems") == "USA"


@pytest.mark.parametrize(("body", "message"), [
    ("[roles.travel_to]\nseller = [{ path = 'subject', labels = ['GPE'] }]", "roles.travel_to.seller: unknown role"),
    ("[roles.travel_to]\nhost = [{ path = 'prep:(at', labels = ['PERSON'] }]", "host\\[0\\].path: bad pattern"),
    ("[roles.travel_to]\nhost = [{ path = 'with', labels = ['HUMAN'] }]", "host\\[0\\].labels: expected a list of"),
    ("[roles.travel_to]\nhost = [{ path = 'with' }]", "host\\[0\\]: expected { path"),
    ("[roles.travel_to]\nhost = 'with'", "roles.travel_to.host: expected a list"),
    ("[roles.travel_to.fallback]\nhost = { side = 'up', labels = ['PERSON'] }", "fallback.host: expected side"),
    ("[roles.leasing]\nseller = [{ path = 'subject', labels = ['GPE'] }]", "roles.leasing: no trigger word uses"),
    ("[[facts.weapons]]\nname = 'X-1'\nmaker_iso3 = 'USA'\nmaker = 'Acme'\nclass = 'laser'",
     "facts.weapons\\[0\\]: 'X-1' has unknown class 'laser'"),
    ("[[facts.firms]]\nname = 'Acme'\niso3 = 'US'", "facts.firms\\[0\\].iso3: unknown state 'US'"),
    ("[[facts.firms]]\nname = 'Acme'", "facts.firms\\[0\\]: missing iso3"),
    ("[[facts.firms]]\nname = 'Acme'\niso3 = 'USA'\nsector = 'arms'", "facts.firms\\[0\\].sector: unknown column"),
    ("[[facts.firms]]\nname = ' '\niso3 = 'USA'", "facts.firms\\[0\\].name: empty name"),
    ("[[facts.firms]]\nname = 'Gazprom'\niso3 = 'USA'", "facts.firms\\[0\\]: 'Gazprom' is in firms.tsv for RUS"),
    ("[[facts.people]]\nname = 'A B'\niso3 = 'USA'\noffice = 'pope'", "facts.people\\[0\\]: 'A B' has unknown office"),
    ("[[facts.people]]\nname = 'A B'\niso3 = 'USA'\noffice = 'king'\nstart = 'soon'", "a year that is not a number"),
    ("[[facts.weapons]]\nname = 'F-16'\nmaker_iso3 = 'USA'\nmaker = 'A'\nclass = 'fighter'", "'F-16' is already a"),
    ("[[facts.energy_assets]]\nname = 'Z'\nhost_iso3 = 'NOR'\nkind = 'gas_field'\nstates = ['NOR', 'XX']",
     "facts.energy_assets\\[0\\].states: unknown state 'XX'"),
    ("[[facts.weapons]]\nname = 'X (1)'\nmaker_iso3 = 'USA'\nmaker = 'A'\nclass = 'other'", "unusable name"),
    ("[facts.navies]\nname = 'x'", "facts.navies: unknown fact table"),
])
def test_a_bad_role_pattern_or_fact_row_gives_one_clear_error(tmp_path, body, message):
    test_a_bad_rules_file_gives_one_clear_error(tmp_path, body, message)


def _lease_inputs(tmp_path):
    from eventex.io.records import Options

    src = tmp_path / "in.jsonl"
    texts = [f"Russia leased helicopters to Venezuela in 2009. Note {i}." for i in range(4)]
    src.write_text("".join(json.dumps({"id": f"n{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    return [str(src)], Options(id_field="id")


def test_extract_runs_user_rules_in_every_worker(tmp_path):
    rules = tmp_path / "mine.toml"
    rules.write_text(LEASE)
    inputs, _ = _lease_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    args = [sys.executable, "-m", "eventex.cli", "extract", *inputs, "-o", str(out), "--model", "spacy",
            "--id-field", "id", "--batch-size", "1"]
    done = subprocess.run([*args, "--jobs", "2", "--rules", str(rules)], capture_output=True, text=True, env=env,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == ["n0", "n1", "n2", "n3"]
    assert all([(e["type"], e["trigger"]["text"]) for e in r["events"]] == [("arms_sale", "leased")] for r in records)


def test_a_bad_rules_file_stops_a_batch_run_before_anything_is_written(tmp_path):
    from eventex.runner import extract_files

    bad = tmp_path / "bad.toml"
    bad.write_text("[triggers.visit]\nverbs = { tour = 'flying' }")
    inputs, opts = _lease_inputs(tmp_path)
    with pytest.raises(InputError, match="unknown frame 'flying'"):
        extract_files(inputs, str(tmp_path / "out.jsonl"), options=opts, model="spacy", rules=str(bad), jobs=2)
    assert not list(tmp_path.glob("out.jsonl*"))


def test_a_run_resumes_only_with_the_same_rules(tmp_path):
    import eventex
    from eventex.errors import ResumeError
    from eventex.runner import extract_files

    rules = tmp_path / "mine.toml"
    rules.write_text(LEASE)
    inputs, opts = _lease_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    args = {"options": opts, "batch_size": 1, "rules": str(rules), "extractor": eventex.load("spacy", rules=rules)}

    def stop_after_one(summary, chunk):
        if chunk is not None:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        extract_files(inputs, str(out), progress=stop_after_one, **args)
    rules.write_text(LEASE.replace("envisage", "float"))  # the same file, other rules
    with pytest.raises(ResumeError, match="other inputs or options"):
        extract_files(inputs, str(out), resume=True, **args)
    rules.write_text(LEASE)
    with pytest.raises(ResumeError, match="other inputs or options"):
        extract_files(inputs, str(out), resume=True, **(args | {"rules": None}))
    summary = extract_files(inputs, str(out), resume=True, **args)
    assert (summary.inputs, summary.failed) == (4, 0)
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["n0", "n1", "n2", "n3"]


def test_every_example_of_the_rules_doc_loads(tmp_path):
    doc = (Path(__file__).parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", doc, re.S)
    assert len(blocks) == 4
    for i, block in enumerate(blocks):
        path = tmp_path / f"example{i}.toml"
        path.write_text(block)
        load_rules(path)
