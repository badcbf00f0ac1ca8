"""The researcher's loop end to end: extract → export for Label Studio → a scripted correction → import → train a
few steps from the shipped model → the corrected example is now predicted; retraining on one's own corpus with the
shipped one, and the card's before/after comparison."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from eventex.cli import exits, main
from eventex.corpus.gold import dumps, load, validate

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "models" / "eventex-ner"
TEXT = "Velmora Dynamics will deliver 12 Sarkon drones to Algeria."
FIX = "12"  # the shipped model misses this QUANTITY; the annotator adds it


def _entities(model: Path, text: str) -> set[tuple[str, str]]:
    from eventex.ner.runtime import TransformerEntities

    (ents,) = TransformerEntities.load(model, runtime="torch").predict([text])
    return {(e.text, e.label) for e in ents}


@pytest.fixture(scope="module")
def loop(tmp_path_factory) -> dict[str, Path]:
    """Runs the loop in a fresh directory (so the shipped model's recorded training data, relative paths, is not
    replayed) and returns its files."""
    tmp = tmp_path_factory.mktemp("loop")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp)
        inputs = tmp / "in.jsonl"
        inputs.write_text(json.dumps({"id": "d1", "text": TEXT}) + "\n")
        records, tasks = tmp / "out.jsonl", tmp / "tasks.json"
        argv = ["extract", str(inputs), "-o", str(records), "--id-field", "id", "--entities", "--model", str(SHIPPED)]
        assert main(argv) == exits.OK
        argv = ["export", str(records), "--format", "label-studio", "-o", str(tasks), "--texts", str(inputs)]
        assert main([*argv, "--id-field", "id"]) == exits.OK

        (task,) = json.loads(tasks.read_text())  # what an annotator does in Label Studio: add the missed span
        start = TEXT.index(FIX)
        added = {"id": "fix1", "from_name": "label", "to_name": "text", "type": "labels",
                 "value": {"start": start, "end": start + len(FIX), "text": FIX, "labels": ["QUANTITY"]}}
        task["annotations"] = [{"id": 1, "result": [*task["predictions"][0]["result"], added]}]
        tasks.write_text(json.dumps([task]))

        mine = tmp / "mine"
        mine.mkdir()
        assert main(["import", str(tasks), "--format", "label-studio", "-o", str(mine / "train.jsonl")]) == exits.OK
        out = tmp / "retrained"
        argv = ["train", "--corpus", str(mine), "--init-from", str(SHIPPED), "--out", str(out), "--no-card",
                "--max-steps", "8", "--batch-size", "1", "--corpus-repeat", "1", "--lr", "3e-4", "--device", "cpu"]
        assert main(argv) == exits.OK
    return {"records": records, "mine": mine, "model": out}


def test_a_correction_made_in_label_studio_is_learnt(loop):
    (record,) = [json.loads(line) for line in loop["records"].read_text().splitlines()]
    assert FIX not in {e["text"] for e in record["entities"]}  # the shipped model missed it
    assert validate(loop["mine"] / "train.jsonl") == []
    (doc,) = load(loop["mine"] / "train.jsonl")
    assert (FIX, "QUANTITY") in {(m.text, m.label) for m in doc.mentions}
    before = _entities(SHIPPED, TEXT)
    assert (FIX, "QUANTITY") not in before
    assert _entities(loop["model"], TEXT) == before | {(FIX, "QUANTITY")}  # learnt, and nothing else lost


def test_the_card_compares_the_model_before_and_after_on_both_corpora(loop, tmp_path):
    from eventex.ner.card.measure import _entity_scores
    from eventex.ner.card.render import render, train_command
    from eventex.ner.card.retrain import measure_retraining, render_retraining

    shipped = tmp_path / "corpora"
    shipped.mkdir()
    short = min(load(ROOT / "corpora" / "test.jsonl"), key=lambda d: len(d.text))
    (shipped / "test.jsonl").write_text(dumps(short) + "\n")
    mine = tmp_path / "mine"
    mine.mkdir()
    shutil.copy(loop["mine"] / "train.jsonl", mine / "dev.jsonl")
    training = {"config": {"user_corpora": [str(mine), str(tmp_path / "gone")]}, "before": str(SHIPPED)}
    result = measure_retraining(loop["model"], training, str(shipped), _entity_scores)
    scores = result["sets"]
    assert list(scores) == [f"{shipped} test (shipped)", f"{mine} dev (yours)"]
    assert result["missing"] == [f"{tmp_path / 'gone'} dev (yours)"]
    yours = scores[f"{mine} dev (yours)"]
    assert yours["before"]["micro"]["f1"] < yours["after"]["micro"]["f1"] == 1.0
    assert 0 < scores[f"{shipped} test (shipped)"]["after"]["micro"]["f1"] <= 1
    section = "\n".join(render_retraining(result))
    assert "## Retraining: before and after" in section and f"| {mine} dev (yours) | 1 |" in section
    card = json.loads((SHIPPED / "card.json").read_text())
    assert "## Retraining" not in render(card | {"retraining": None})
    assert section in render(card | {"retraining": result})
    config = card["training"]["config"] | {"user_corpora": [str(mine)]}
    assert f"--corpus {card['training']['config']['corpus']} --corpus {mine} " in train_command(config)
    assert measure_retraining(loop["model"], {"config": {}, "before": str(SHIPPED)}, str(shipped), _entity_scores) \
        is None


def test_train_takes_the_users_corpora_after_the_shipped_one(loop, monkeypatch):
    from eventex.cli.parser import build_parser
    from eventex.ner.train import TrainConfig, before_model, load_training_docs, replay_sources

    monkeypatch.chdir(ROOT)
    args = build_parser().parse_args(["train", "--corpus", "corpora", "--corpus", str(loop["mine"]), "--out", "x"])
    assert args.corpus == ["corpora", str(loop["mine"])]
    cfg = TrainConfig(corpus="corpora", user_corpora=[str(loop["mine"])], out="x", init_from=str(SHIPPED),
                      corpus_repeat=2)
    _, counts = load_training_docs(cfg)
    assert counts["corpora/train.jsonl"] == len(load(ROOT / "corpora" / "train.jsonl"))
    assert counts[str(loop["mine"] / "train.jsonl")] == 1
    assert Path("corpora/train.jsonl") not in replay_sources(cfg)  # recorded by the shipped model, trained anyway
    assert before_model(cfg) == str(SHIPPED)
    assert before_model(TrainConfig(corpus="corpora", out="x")) is None  # no user corpora: nothing to compare
