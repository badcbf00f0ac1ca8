"""Annotation-tool converters: the whole corpus round-trips through Label Studio and brat; what cannot be mapped
is reported with its task and position."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from eventex.corpus.brat import read_brat, to_brat, write_brat
from eventex.corpus.gold import GoldDocument, load
from eventex.corpus.labelstudio import gold_task, import_tasks, labeling_config, prediction_task, record_task
from eventex.errors import InputError
from eventex.schema import ArmsSaleEvent, Entity, Span

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [d for f in sorted([*ROOT.glob("corpora/*.jsonl"), *ROOT.glob("corpora/news/*.jsonl")]) for d in load(f)]


def _grouped(doc: GoldDocument) -> GoldDocument:
    """The document with each event's arguments grouped by mention (first-appearance order), as Label Studio
    keeps one relation per pair of regions."""
    doc = doc.model_copy(deep=True)
    for ev in doc.events:
        order = list(dict.fromkeys(a.mention for a in ev.arguments))
        ev.arguments.sort(key=lambda a: order.index(a.mention))
    return doc


def test_the_corpus_round_trips_through_label_studio():
    tasks = json.loads(json.dumps([gold_task(d) for d in CORPUS]))
    back, problems = import_tasks(tasks)
    assert problems == []
    assert back == [_grouped(d) for d in CORPUS]
    assert sum(d != _grouped(d) for d in CORPUS) > 0  # the grouping is the only change, and it happens


def test_the_corpus_round_trips_through_brat(tmp_path):
    write_brat(CORPUS, tmp_path)
    back, problems = read_brat(tmp_path)
    assert problems == []
    assert back == CORPUS


def test_the_labeling_config_declares_every_label_the_tasks_use():
    config = ET.fromstring(labeling_config())
    declared = {(c.get("name"), x.get("value")) for c in config.iter() for x in c if x.get("value")}
    relations = {x.get("value") for x in config.iter("Relation")}
    for task in (gold_task(d) for d in CORPUS[:20]):
        for r in task["annotations"][0]["result"]:
            if r["type"] == "relation":
                assert set(r["labels"]) <= relations
                continue
            for key in ("labels", "choices"):
                for value in r["value"].get(key, []):
                    assert (r["from_name"], value) in declared


def _task(results: list[dict], text: str = "Russia sold tanks to Armenia.") -> dict:
    return {"id": 7, "data": {"text": text, "doc_id": "d1"}, "annotations": [{"id": 1, "result": results}]}


def _labels(rid: str, start: int, end: int, label: str, text: str = "Russia sold tanks to Armenia.") -> dict:
    value = {"start": start, "end": end, "text": text[start:end], "labels": [label]}
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value}


def _choice(rid: str, name: str, value: str) -> dict:
    return {"id": rid, "from_name": name, "to_name": "text", "type": "choices",
            "value": {"start": 7, "end": 11, "choices": [value]}}


def _rel(src: str, dst: str, *labels: str) -> dict:
    return {"from_id": src, "to_id": dst, "type": "relation", "direction": "right", "labels": list(labels)}


def test_label_studio_import_reports_what_it_cannot_map():
    results = [
        _labels("ru", 0, 6, "GPE"), _labels("tk", 12, 17, "WEAPON"), _labels("am", 21, 28, "COUNTRY"),
        _labels("x", 20, 28, "GPE"), _labels("ev", 7, 11, "Trigger"), _choice("ev", "event_type", "arms_sale"),
        _choice("ev", "status", "actual"), _rel("ev", "ru", "seller"), _rel("ev", "tk", "weapon", "visitor"),
        _rel("ev", "am", "buyer"), {"id": "ghost", "from_name": "status", "type": "choices", "value": {}},
    ]
    docs, problems = import_tasks([_task(results)])
    assert [a.role for a in docs[0].events[0].arguments] == ["seller", "weapon"]
    text = "\n".join(map(str, problems))
    assert "task 7: result 2 (region am, 21-28): labels ['COUNTRY']" in text
    assert "task 7: result 3 (region x, 20-28): span ' Armenia' has outer whitespace" in text
    assert "'visitor' is not a role of arms_sale" in text
    assert "relation ev -> am" in text
    assert "no labelled region with this id" in text
    assert len(problems) == 5


def test_label_studio_import_leaves_out_an_event_without_status_and_says_so():
    results = [_labels("ev", 7, 11, "Trigger"), _choice("ev", "event_type", "arms_sale")]
    docs, problems = import_tasks([_task(results)])
    assert docs[0].events == []
    assert any("status None" in str(p) for p in problems)
    assert any("event not imported" in str(p) for p in problems)


def test_label_studio_import_reports_a_task_without_annotations():
    docs, problems = import_tasks([{"id": 3, "data": {"text": "x"}, "annotations": []}])
    assert docs == [] and str(problems[0]) == "task 3: annotations: no annotations; task not imported"


def test_brat_import_reports_unmappable_lines(tmp_path):
    doc = CORPUS[0]
    write_brat([doc], tmp_path)
    ann = tmp_path / f"{doc.id}.ann"
    ann.write_text(ann.read_text() + "R1\tLocated Arg1:T1 Arg2:T2\nT999\tGPE 0 3;5 9\tab cd\nA999\tNegation T1\n")
    back, problems = read_brat(tmp_path)
    assert back == [doc]
    where = [p.where for p in problems]
    n = len(ann.read_text().splitlines())
    assert where == [f"{doc.id}.ann:{n - 1}", f"{doc.id}.ann:{n}", f"{doc.id}.ann:{n - 2}"]


def test_brat_writes_events_with_roles_status_and_implicit_fillers():
    doc = next(d for d in CORPUS if any(a.id for e in d.events for a in e.arguments))
    ann, meta = to_brat(doc)
    assert "\tStatus E1 " in ann
    assert re.search(r"\tAnnotatorNotes E\d+\timplicit: .*\b[a-z_]+\d*=[A-Z]{3}\b", ann)
    assert meta["id"] == doc.id and set(meta["mids"].values()) <= {m.mid for m in doc.mentions}


TEXT = "Moscow agreed to sell Su-30 fighters to Delhi."


def test_extraction_results_become_label_studio_predictions():
    seller = Entity(text="Moscow", start=0, end=6, label="GPE", id="RUS", confidence=0.9)
    weapon = Entity(text="Su-30 fighters", start=22, end=36, label="WEAPON")
    buyer = Entity(text="Delhi", start=40, end=45, label="GPE", id="IND")
    event = ArmsSaleEvent(
        id="e1", trigger=Span(text="sell", start=17, end=21), status="planned", confidence=0.7,
        evidence=[Span(text=TEXT, start=0, end=len(TEXT))], seller=seller, buyer=[buyer], weapon=weapon,
    )
    task = prediction_task("doc", TEXT, [event], [seller])
    assert task["predictions"][0]["result"][0]["score"] == 0.9
    docs, problems = import_tasks([task], source="predictions")
    assert problems == []
    (ev,) = docs[0].events
    assert (ev.type, ev.status, ev.trigger.text) == ("arms_sale", "planned", "sell")
    assert [(a.role, docs[0].mention(a.mention).text) for a in ev.arguments] == [
        ("seller", "Moscow"), ("buyer", "Delhi"), ("weapon", "Su-30 fighters")]
    record = {"id": "doc", "published": None, "events": [event.model_dump(mode="json")]}
    from_record, _ = import_tasks([record_task(record, TEXT)], source="predictions")
    assert from_record[0].events == docs[0].events
    with pytest.raises(InputError, match="not at 17"):
        record_task(record, "x" * len(TEXT))


def test_cli_export_and_import_round_trip_the_test_split(tmp_path, capsys):
    from eventex.cli import exits, main
    from eventex.corpus.gold import validate

    corpus = ROOT / "corpora" / "test.jsonl"
    tasks, config, back = tmp_path / "tasks.json", tmp_path / "config.xml", tmp_path / "back.jsonl"
    argv = ["export", str(corpus), "--format", "label-studio", "-o", str(tasks), "--config", str(config)]
    assert main(argv) == exits.OK
    assert main(["import", str(tasks), "--format", "label-studio", "-o", str(back)]) == exits.OK
    assert validate(back) == [] and load(back) == [_grouped(d) for d in load(corpus)]
    ET.fromstring(config.read_text())
    assert main(["export", str(corpus), "--format", "brat", "-o", str(tmp_path / "brat")]) == exits.OK
    assert main(["import", str(tmp_path / "brat"), "--format", "brat", "-o", str(back)]) == exits.OK
    assert load(back) == load(corpus)


def test_cli_import_reports_unmapped_annotations_and_exits_1(tmp_path, capsys):
    from eventex.cli import exits, main

    tasks = tmp_path / "tasks.json"
    tasks.write_text(json.dumps([_task([_labels("am", 21, 28, "COUNTRY")])]))
    argv = ["import", str(tasks), "--format", "label-studio", "-o", str(tmp_path / "o.jsonl")]
    assert main(argv) == exits.RECORD_ERRORS
    err = capsys.readouterr().err
    assert "task 7: result 0 (region am, 21-28): labels ['COUNTRY']" in err and "1 annotations not mapped" in err
    assert main(["import", str(tmp_path / "nope.json"), "--format", "label-studio", "-o", "x"]) == exits.ERROR


def test_cli_exports_entities_for_spacy_and_conll(tmp_path, capsys):
    import spacy
    from spacy.tokens import DocBin

    from eventex.cli import exits, main
    from eventex.corpus.conll import read_conll

    corpus = ROOT / "corpora" / "dev.jsonl"
    assert main(["export", str(corpus), "--format", "spacy", "-o", str(tmp_path / "dev.spacy")]) == exits.OK
    docs = list(DocBin().from_disk(tmp_path / "dev.spacy").get_docs(spacy.blank("en").vocab))
    gold = load(corpus)
    assert [d.text for d in docs] == [g.text for g in gold]
    left_out = capsys.readouterr().err.count("left out:")
    assert sum(len(d.ents) for d in docs) + left_out == sum(len(g.mentions) for g in gold)
    assert main(["export", str(corpus), "--format", "conll", "-o", str(tmp_path / "dev.conll")]) == exits.OK
    conll = read_conll(tmp_path / "dev.conll")
    assert len(conll) == len(gold)
    assert [label for _, _, label in conll[0].entities] == [e.label_ for e in docs[0].ents]


def test_cli_exports_extract_records_with_their_texts_as_predictions(tmp_path):
    from eventex.cli import exits, main

    inputs = tmp_path / "in.jsonl"
    inputs.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n")
    event = ArmsSaleEvent(id="e1", trigger=Span(text="sell", start=17, end=21), evidence=[],
                          seller=Entity(text="Moscow", start=0, end=6, label="GPE", id="RUS"))
    records = tmp_path / "out.jsonl"
    records.write_text(json.dumps({"id": "a", "published": None, "events": [event.model_dump(mode="json")]}) + "\n")
    out = tmp_path / "tasks.json"
    argv = ["export", str(records), "--format", "label-studio", "-o", str(out)]
    argv += ["--texts", str(inputs), "--id-field", "id"]
    assert main(argv) == exits.OK
    (task,) = json.loads(out.read_text())
    assert task["data"]["text"] == TEXT and task["predictions"][0]["model_version"].startswith("eventex")
    assert main(argv[:-4]) == exits.ERROR  # records without --texts
