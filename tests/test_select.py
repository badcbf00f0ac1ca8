"""``eventex select``: uncertainty from the entity head, events and rules; ranking, diversity, determinism, errors."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np
import pytest

from eventex.annotate.select import (
    Scored,
    Selector,
    SelectRules,
    TermVectors,
    label_conflicts,
    record,
    select,
    unlinked_triggers,
)
from eventex.cli import exits, main
from eventex.errors import UsageError
from eventex.linking import Linker
from eventex.ner.decode import low_margins
from eventex.ner.features import BIO_LABELS
from eventex.schema import Span, VisitEvent

CERTAIN = "Russian Foreign Minister Sergei Lavrov visited Havana on Tuesday."


def scored(doc_id: str, uncertainty: float, words: str) -> Scored:
    return Scored(doc_id, words, None, uncertainty, {"entities": uncertainty}, [], Counter(words.split()))


# --- the entity head's margins ------------------------------------------------------------------------------------


def test_low_margins_joins_adjacent_uncertain_words_and_keeps_the_weakest():
    text = "Officials of Rosneft Trading met."
    spans = [[0, 9], [10, 12], [13, 20], [21, 28], [29, 32], [32, 33]]
    rows = np.full((6, len(BIO_LABELS)), 0.0)
    dists = [{"O": 1.0}, {"O": 0.9, "B-ORG": 0.1}, {"B-ORG": 0.5, "O": 0.4, "B-PERSON": 0.1},
             {"I-ORG": 0.6, "O": 0.4}, {"O": 1.0}, {"O": 1.0}]
    for j, dist in enumerate(dists):
        for tag, p in dist.items():
            rows[j, BIO_LABELS.index(tag)] = p
    (m,) = low_margins(text, (spans, rows), BIO_LABELS, below=0.5)
    assert (m.text, m.start, m.end) == ("Rosneft Trading", 13, 28) and text[m.start : m.end] == m.text
    assert (m.margin, m.best, m.second) == (pytest.approx(0.1), "B-ORG", "O")
    assert low_margins(text, (spans, rows), BIO_LABELS, below=0.05) == []


def test_the_scored_prediction_gives_the_same_entities(default_extractor, sample_text):
    head = default_extractor.entities
    texts = [sample_text, CERTAIN]
    scored_out = head.predict_scored(texts, 0.5)
    assert [e for e, _ in scored_out] == head.predict(texts)
    for text, (_, margins) in zip(texts, scored_out, strict=True):
        assert all(text[m.start : m.end] == m.text and 0 <= m.margin < 0.5 for m in margins)


# --- rule conflicts and events ------------------------------------------------------------------------------------


def test_a_trigger_word_without_an_event_is_a_rule_conflict(hand_doc):
    doc = hand_doc("Tourists visited Paris last year.", ("Paris", "GPE", {"id": "FRA"}))
    linker = Linker()
    linker(doc)
    assert doc.events == []
    (r,) = unlinked_triggers(doc, linker.triggers)
    assert (r.kind, r.text, r.weight) == ("trigger", "visited", 0.95)


def test_a_trigger_word_of_an_accepted_event_is_no_conflict(hand_doc):
    doc = hand_doc(CERTAIN, ("Russian", "NORP", {"id": "RUS"}), ("Sergei Lavrov", "PERSON", {"affiliation": "RUS"}),
                   ("Havana", "GPE", {"id": "CUB"}), ("Tuesday", "DATE"))
    linker = Linker()
    linker(doc)
    assert [e.trigger.text for e in doc.events] == ["visited"]
    assert unlinked_triggers(doc, linker.triggers) == []


def test_a_name_with_two_labels_is_a_conflict(hand_doc):
    doc = hand_doc("Gazprom said Gazprom would sign.", ("Gazprom", "ORG"), ("Gazprom", "PERSON"))
    (r,) = label_conflicts(doc, 1.0)
    assert (r.text, r.start, r.weight, r.detail) == ("Gazprom", 0, 1.0, "labelled ORG ×1, PERSON ×1")


def test_the_score_weighs_its_parts(default_extractor, hand_doc):
    from eventex.ner.decode import Margin

    rules = SelectRules(margin_below=0.5, label_conflict=1.0, weights={"entities": 1.0, "events": 2.0, "rules": 0.5},
                        diversity=0.5)
    selector = Selector(default_extractor, rules)
    doc = hand_doc("Gazprom said Gazprom would sign.", ("Gazprom", "ORG"), ("Gazprom", "PERSON"))
    doc.margins = [Margin("said", 8, 12, 0.2, "O", "B-ORG")]
    doc.events = [VisitEvent(id="visit-1", trigger=Span(text="sign", start=27, end=31), confidence=0.75,
                             evidence=[Span(text=doc.text, start=0, end=len(doc.text))])]
    s = selector.scored("d", doc)
    assert s.parts == pytest.approx({"entities": 0.8, "events": 0.25, "rules": 1.0})
    assert s.uncertainty == pytest.approx(0.8 + 2 * 0.25 + 0.5 * 1.0)
    assert [r.kind for r in s.reasons] == ["labels", "entity", "event"]  # by weight
    assert s.terms == Counter({"gazprom": 2, "said": 1, "sign": 1})


def test_spacy_entities_cannot_be_scored():
    import eventex

    with pytest.raises(UsageError, match="transformer entity head"):
        Selector(eventex.load("spacy"))


# --- ranking and diversity -------------------------------------------------------------------------------------


def test_ranking_follows_uncertainty_and_ties_keep_input_order():
    docs = [scored("a", 1.0, "alpha"), scored("b", 3.0, "beta"), scored("c", 1.0, "gamma"), scored("d", 2.0, "delta")]
    assert [s.id for s, _ in select(docs, 4, 0.0)] == ["b", "d", "a", "c"]
    assert [s.id for s, _ in select(docs, 2, 0.0)] == ["b", "d"]
    assert len(select(docs, 10, 0.5)) == 4


def test_diversity_puts_a_near_duplicate_after_a_different_document():
    docs = [scored("pipeline", 3.0, "gas pipeline turkey stream"), scored("copy", 2.9, "gas pipeline turkey stream"),
            scored("jets", 2.0, "fighter jets india contract")]
    assert [s.id for s, _ in select(docs, 3, 0.0)] == ["pipeline", "copy", "jets"]
    ranked = select(docs, 3, 0.5)
    assert [s.id for s, _ in ranked] == ["pipeline", "jets", "copy"]
    assert ranked[2][1] == pytest.approx(2.9 * 0.5)  # cosine 1 with the first: half its score


def test_term_vectors_cosines():
    v = TermVectors([Counter(["a", "b", "c"]), Counter(["a", "b", "c"]), Counter(["x", "y"]), Counter()])
    assert v.cosines(0) == pytest.approx([1.0, 1.0, 0.0, 0.0])
    assert v.cosines(3) == pytest.approx([0.0, 0.0, 0.0, 0.0])


@pytest.mark.parametrize(("n", "diversity"), [(0, 0.5), (1, -0.1), (1, 1.5)])
def test_bad_settings_are_usage_errors(n, diversity):
    with pytest.raises(UsageError):
        select([scored("a", 1.0, "a")], n, diversity)


def test_record_offsets_are_exact(default_extractor, sample_text):
    (_, s), = Selector(default_extractor).score([("sample", (sample_text, {"published": "2010-03-10"}))])
    rec = record(s, 1, s.uncertainty)
    assert rec["published"] == "2010-03-10" and rec["text"] == sample_text and rec["reasons"]
    assert all(sample_text[r["start"] : r["end"]] == r["text"] for r in rec["reasons"])


# --- the command ------------------------------------------------------------------------------------------------


@pytest.fixture
def pool(tmp_path, sample_text):
    lines = [
        {"id": "plain", "text": "The weather in the capital was mild on Tuesday."},
        {"id": "sample", "text": sample_text, "published": "2010-03-10"},
        {"id": "visit", "text": CERTAIN},
        {"id": "empty", "text": "  "},
    ]
    path = tmp_path / "pool.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines) + "not json\n", encoding="utf-8")
    return path


def test_select_writes_the_ranked_documents_deterministically(pool, tmp_path, capsys):
    outs = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    for out in outs:
        status = main(["select", str(pool), "-n", "2", "-o", str(out), "--id-field", "id"])
        assert status == exits.RECORD_ERRORS  # the empty text and the line that is not JSON
    err = capsys.readouterr().err
    assert "empty: EmptyText" in err and "JSONDecodeError" in err
    assert "2 of 3 documents selected, 2 failed" in err
    assert outs[0].read_bytes() == outs[1].read_bytes()
    recs = [json.loads(line) for line in outs[0].read_text().splitlines()]
    assert [r["rank"] for r in recs] == [1, 2]
    assert recs[0]["id"] == "sample"  # the long article has the most the model is unsure of
    assert recs[0]["score"] >= recs[1]["score"]


def test_select_with_nothing_to_score_is_one_error_line(tmp_path, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": ""}\n', encoding="utf-8")
    assert main(["select", str(path), "-o", str(tmp_path / "out.jsonl")]) == exits.ERROR
    assert capsys.readouterr().err.splitlines()[-1].startswith("eventex select: error: no document of")
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize("args", [["-n", "0"], ["--diversity", "2"], ["--model", "spacy"], ["-o", "/no/such/dir/x"]])
def test_select_bad_arguments_exit_2(pool, capsys, args):
    assert main(["select", str(pool), *args]) == exits.ERROR
    assert capsys.readouterr().err.strip().startswith("eventex select: error:")


def test_a_document_the_model_fails_on_is_a_failure_and_the_others_are_scored(default_extractor, hand_doc,
                                                                                monkeypatch):
    selector = Selector(default_extractor)

    def documents(batch):
        if any(text == "boom" for text, _ in batch):
            raise RuntimeError("the model broke")
        return [hand_doc(text) for text, _ in batch]

    monkeypatch.setattr(selector.extractor, "documents", documents)
    out = list(selector.score([("a", ("Fine text.", {})), ("b", ("boom", {})), ("c", ("More text.", {}))]))
    assert [i for i, _ in out] == ["a", "b", "c"]
    assert isinstance(out[0][1], Scored) and isinstance(out[2][1], Scored)
    assert (out[1][1].kind, out[1][1].message) == ("RuntimeError", "the model broke")
