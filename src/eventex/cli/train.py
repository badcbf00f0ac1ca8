"""``eventex train`` and ``eventex model-card``."""

from __future__ import annotations

import argparse
from pathlib import Path

from eventex.cli import exits
from eventex.cli.files import check_output, user_files
from eventex.ner.train import DEFAULT_NAME


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``eventex train`` and ``eventex model-card``."""
    p = sub.add_parser("train", help="fine-tune the NER head (corpus + CoNLL-2003) and write a model directory")
    p.add_argument(
        "--corpus", required=True, action="append",
        help="corpus directory with train/dev/test.jsonl; repeat it to add your own (the first is the shipped one, "
             "e.g. --corpus corpora --corpus MY_DIR: the card compares the model before and after on corpora's test "
             "split and MY_DIR's dev split)",
    )
    p.add_argument("--conll", help="CoNLL-2003 directory (train.txt, valid.txt, test.txt) or a train file")
    p.add_argument("--base", help="base encoder directory (default: the installed all-MiniLM-L6-v2)")
    p.add_argument("--init-from", help="continue from this trained model (its recorded data is replayed)")
    p.add_argument("--replay", action="append", default=[], help="earlier training data to mix in (repeatable)")
    p.add_argument("--epochs", type=float, default=5.0)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--lr", type=float, default=1e-4)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--corpus-repeat", type=int, default=4, help="times the corpus train split is repeated")
    p.add_argument("--no-shapes", action="store_true", help="ablation: no casing/word-shape features")
    p.add_argument("--shapes-at-head", action="store_true",
                   help="ablation: word shapes only at the classifier, not added to the encoder's input")
    p.add_argument("--max-steps", type=int, help="stop after this many steps (smoke tests)")
    p.add_argument("--layers", type=int,
                   help="keep only the first N encoder layers of the starting model: a smaller, faster head")
    p.add_argument("--device", default="auto")
    p.add_argument("--name", default=DEFAULT_NAME)
    p.add_argument("--version", default="1")
    p.add_argument("--no-card", action="store_true", help="skip evaluation, ONNX export checks and the model card")
    p.add_argument("--out", required=True, help="output model directory")
    p.set_defaults(func=run_train)
    c = sub.add_parser("model-card", help="evaluate a model directory and (re)write its README.md model card")
    c.add_argument("model")
    c.add_argument("--corpus", default="corpora")
    c.add_argument("--conll", help="CoNLL-2003 directory for the external scores")
    c.set_defaults(func=run_card)


def run_train(a: argparse.Namespace) -> int:
    """Train with a progress bar, then (unless ``--no-card``) write the model card."""
    from tqdm.auto import tqdm

    from eventex.ner.card import write_card
    from eventex.ner.train import Step, TrainConfig, train

    check_output(a.out, directory=True)  # before a training run that would fail only when it saves
    cfg = TrainConfig(
        corpus=a.corpus[0], user_corpora=a.corpus[1:], out=a.out, conll=a.conll, base=a.base, init_from=a.init_from,
        replay=a.replay,
        epochs=a.epochs, seed=a.seed, lr=a.lr, batch_size=a.batch_size, corpus_repeat=a.corpus_repeat,
        use_shapes=not a.no_shapes, shape_input=not a.shapes_at_head, max_steps=a.max_steps, layers=a.layers,
        device=a.device, name=a.name, version=a.version,
    )
    bar = None

    def progress(s: Step) -> None:
        nonlocal bar
        bar = bar or tqdm(total=s.total, desc="training", unit="step")
        bar.update(1)
        bar.set_postfix(loss=f"{s.loss:.4f}", epoch=f"{s.epoch:.2f}")

    with user_files():
        try:
            out = train(cfg, progress)
        finally:
            if bar is not None:
                bar.close()
    print(f"model written to {out}")
    if not a.no_card:
        with user_files():
            write_card(out, corpus=a.corpus[0], conll=a.conll)
    return exits.OK


def run_card(a: argparse.Namespace) -> int:
    """Measure a model directory and (re)write its card; print the card."""
    from eventex.ner.card import write_card

    with user_files():
        print(write_card(Path(a.model), corpus=a.corpus, conll=a.conll))
    return exits.OK
