"""Inference with the shipped head: onnxruntime (default) or torch, whole documents in windows."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from eventex.errors import MissingFileError, ModelError
from eventex.ner.features import N_SHAPES, Window, load_tokenizer, pad_batch, sentence_windows, windows
from eventex.ner.spans import SpanCompleter
from eventex.schema import Entity

if TYPE_CHECKING:
    from eventex.stages.document import Document

WEIGHTS = "model.safetensors"
ONNX_FILES = {"onnx": "model.onnx", "onnx-int8": "model.int8.onnx"}
"""The graphs a model package ships (:mod:`eventex.ner.package`); a training directory has none: they are
exported from its weights on first use, which needs torch."""
RUNTIMES = ("auto", "onnx", "onnx-int8", "torch")
"""Entity head runtimes: auto (int8 where the model card's dev check passed, else onnx), ONNX fp32 / int8, torch."""


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def verify_files(model_dir: Path, manifest: dict[str, Any], names: Iterable[str] | None = None) -> None:
    """Check the SHA-256 of ``names`` (default: every file the manifest lists) against the manifest."""
    for name in manifest["sha256"] if names is None else names:
        digest = manifest["sha256"][name]
        if not (model_dir / name).is_file():
            raise MissingFileError(f"{model_dir / name} is missing (listed in the manifest)")
        actual = sha256(model_dir / name)
        if actual != digest:
            raise ModelError(f"{model_dir / name}: SHA-256 {actual} does not match the manifest ({digest})")


def read_manifest(model_dir: Path, verify: bool = True) -> dict[str, Any]:
    """The model's manifest; with ``verify``, every file it lists must match its SHA-256."""
    manifest = json.loads((model_dir / "manifest.json").read_text())
    if verify:
        verify_files(model_dir, manifest)
    classes = manifest.get("shape_classes", 18)  # manifests before v3 did not record it: 18 classes then
    if manifest.get("use_shapes") and classes != N_SHAPES:
        raise ValueError(
            f"{model_dir} was trained with {classes} word-shape classes but this eventex computes {N_SHAPES}: "
            "retrain it (eventex train) with this version"
        )
    return manifest


def load_torch_model(model_dir: Path, manifest: dict[str, Any]):
    """The trained ShapeAwareTagger in float32, in eval mode."""
    if not (model_dir / WEIGHTS).is_file():
        raise ModelError(
            f"{model_dir} has no {WEIGHTS} (an installed model package ships ONNX graphs only): "
            "the torch runtime and ONNX exports need the training directory"
        )
    try:
        from safetensors.torch import load_file
    except ImportError as e:
        raise ModelError(
            f"the torch runtime and ONNX exports of {model_dir} need torch: pip install 'eventex[train]' "
            "(or install the model package eventex-ner-en, which ships its ONNX graphs)"
        ) from e

    from eventex.ner.model import ShapeAwareTagger

    model = ShapeAwareTagger.from_config(
        str(model_dir), len(manifest["labels"]), shape_dim=manifest["shape_dim"], use_shapes=manifest["use_shapes"],
        shape_input=manifest.get("shape_input", False),
    )
    state = {k: v.float() if v.is_floating_point() else v for k, v in load_file(str(model_dir / WEIGHTS)).items()}
    model.load_state_dict(state)
    model.eval()
    return model


def export_onnx(model, path: Path) -> None:
    """Write the model as ONNX (fp32) with dynamic batch and sequence axes."""
    import torch

    ids = torch.ones((2, 16), dtype=torch.long)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    torch.onnx.export(
        model, (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(tmp), dynamo=False,
        input_names=["input_ids", "attention_mask", "shape_ids"], output_names=["logits"],
        dynamic_axes={k: {0: "batch", 1: "seq"} for k in ("input_ids", "attention_mask", "shape_ids", "logits")},
        opset_version=17,
    )
    os.replace(tmp, path)


INT8_RECIPE = "pc-ffn012"
"""Name of the int8 recipe (part of the cached file name, so a changed recipe never reuses an old file)."""


def int8_exclusions(model_path: Path) -> list[str]:
    """MatMul nodes kept in fp32: the classifier and the FFN output projections of the first half of the layers.

    Those are the projections whose inputs (post-GELU activations) lose most under dynamic per-tensor activation
    quantisation; keeping them in fp32 holds the dev-F1 cost within the model card's int8 rule.
    """
    import re

    import onnx

    names = [n.name for n in onnx.load(str(model_path), load_external_data=False).graph.node if n.op_type == "MatMul"]
    ffn = {int(m.group(1)): n for n in names if (m := re.search(r"layer\.(\d+)/output/dense/MatMul$", n))}
    first_half = [ffn[i] for i in sorted(ffn)[: (len(ffn) + 1) // 2]]
    return [n for n in names if n.startswith("/classifier/")] + first_half


def quantize_int8(src: Path, dst: Path) -> None:
    """Dynamic int8 quantisation (per-channel weights, see :func:`int8_exclusions`), written atomically."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = dst.with_name(f"{dst.name}.{os.getpid()}.tmp")
    quantize_dynamic(
        str(src), str(tmp), weight_type=QuantType.QInt8, per_channel=True, nodes_to_exclude=int8_exclusions(src)
    )
    os.replace(tmp, dst)


def int8_check(model_dir: Path) -> dict[str, Any]:
    """The model card's int8 check (``onnx`` in card.json: dev F1 per runtime, drop in points, the allowed drop,
    ``int8_passes``); empty without a card or a check."""
    card = Path(model_dir) / "card.json"
    return (json.loads(card.read_text(encoding="utf-8")).get("onnx") or {}) if card.exists() else {}


def recommended_runtime(model_dir: Path) -> str:
    """'onnx-int8' if the model card measured that int8 passes its dev-F1 rule, else 'onnx' (fp32)."""
    return "onnx-int8" if int8_check(model_dir).get("int8_passes") else "onnx"


def cache_dir() -> Path:
    """Where derived runtime files (ONNX exports) are kept: $EVENTEX_CACHE or ~/.cache/eventex."""
    return Path(os.environ.get("EVENTEX_CACHE", Path.home() / ".cache" / "eventex"))


def onnx_graph(model_dir: Path, manifest: dict[str, Any], runtime: str) -> Path:
    """The ONNX graph of ``runtime`` ("onnx" or "onnx-int8"): the one the model directory ships, else one
    exported from its weights into :func:`cache_dir` on first use (fp32, then int8 quantised from it)."""
    shipped = model_dir / ONNX_FILES[runtime]
    if shipped.is_file():
        return shipped
    fp32 = cached_graph(manifest, "onnx")
    if not fp32.exists():
        export_onnx(load_torch_model(model_dir, manifest), fp32)
    path = cached_graph(manifest, runtime)
    if not path.exists():
        quantize_int8(fp32, path)
    return path


def cached_graph(manifest: dict[str, Any], runtime: str) -> Path:
    """Where the graph of ``runtime`` exported from a model's weights is kept (named by their SHA-256)."""
    fp32 = cache_dir() / "onnx" / f"{manifest['name']}-{manifest['sha256'][WEIGHTS][:16]}.onnx"
    return fp32 if runtime == "onnx" else fp32.with_name(f"{fp32.stem}-int8-{INT8_RECIPE}.onnx")


WINDOWING = {"overlap": windows, "sentences": sentence_windows}
"""How texts are cut into model inputs: windows sharing ``stride`` pieces everywhere (default: each piece is
predicted with context on both sides), or whole sentences packed into windows (about 1.2× faster, same F1 on
the corpus within noise)."""


class TransformerEntities:
    """The entity stage backed by the fine-tuned head; preprocess → forward → postprocess.

    ``batch_size`` is the number of windows per forward pass. On CPU one window at a time is fastest (its
    activations stay in cache: 1.3× the throughput of 16 per pass on 2 cores, identical output in fp32);
    raise it on a GPU.
    """

    def __init__(self, model_dir: Path, manifest: dict[str, Any], runtime: str = "auto", batch_size: int = 1,
                 threads: int | None = None, max_length: int | None = None, stride: int | None = None,
                 windowing: str = "overlap") -> None:
        self.model_dir = model_dir
        self.manifest = manifest
        self.name = manifest["name"]
        self.version = manifest["version"]
        if runtime not in RUNTIMES:
            raise ValueError(f"runtime must be one of {', '.join(RUNTIMES)}; got {runtime!r}")
        self.runtime = recommended_runtime(model_dir) if runtime == "auto" else runtime
        self.batch_size = batch_size
        self.max_length = max_length or manifest["max_length"]
        self.stride = stride or manifest["stride"]
        self.labels: list[str] = manifest["labels"]
        if windowing not in WINDOWING:
            raise ValueError(f"windowing must be one of {sorted(WINDOWING)}, got {windowing!r}")
        self.windowing = windowing
        self.tokenizer = load_tokenizer(model_dir)
        self.threads = threads
        self.complete = SpanCompleter()
        self._forward = self._make_forward(self.runtime, threads)

    def __reduce__(self):
        """Pickle as 'load this model directory with these options' (worker processes reload it)."""
        options = {
            "runtime": self.runtime, "batch_size": self.batch_size, "threads": self.threads,
            "max_length": self.max_length, "stride": self.stride, "windowing": self.windowing,
        }
        return (_reload, (str(self.model_dir), options))

    @classmethod
    def load(cls, model_dir: str | Path, **options: Any) -> TransformerEntities:
        """Load a model directory (the files the runtime reads verified by SHA-256)."""
        path = Path(model_dir)
        return cls(path, read_manifest(path, verify=False), **options)

    def _make_forward(self, runtime: str, threads: int | None):
        graphs = {ONNX_FILES[r] for r in ONNX_FILES if r != runtime}  # the other runtimes' graphs go unread
        verify_files(self.model_dir, self.manifest, [n for n in self.manifest["sha256"] if n not in graphs])
        if runtime == "torch":
            model = load_torch_model(self.model_dir, self.manifest)
            import torch

            if threads:
                torch.set_num_threads(threads)

            def forward(arrays: dict[str, np.ndarray]) -> np.ndarray:
                with torch.inference_mode():
                    t = {k: torch.from_numpy(v) for k, v in arrays.items()}
                    return model(**t).numpy()

            return forward
        import onnxruntime as ort

        path = onnx_graph(self.model_dir, self.manifest, runtime)
        opts = ort.SessionOptions()
        if threads:
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
        session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        wanted = {i.name for i in session.get_inputs()}  # no shape_ids in a model trained without shapes
        return lambda arrays: session.run(["logits"], {k: v for k, v in arrays.items() if k in wanted})[0]

    # preprocess → forward → postprocess
    def pipe(self, docs: Sequence[Document]) -> None:
        """Fill ``doc.entities`` for every document."""
        for d, ents in zip(docs, self.predict([d.text for d in docs]), strict=True):
            d.entities = ents

    def predict(self, texts: list[str]) -> list[list[Entity]]:
        """Entities for each text."""
        make = WINDOWING[self.windowing]
        wins = make(self.tokenizer, texts, self.max_length, self.stride) if texts else []
        order = sorted(range(len(wins)), key=lambda i: len(wins[i].input_ids))
        probs: list[np.ndarray | None] = [None] * len(wins)
        for k in range(0, len(order), self.batch_size):
            idx = order[k : k + self.batch_size]
            logits = self._forward(pad_batch([wins[i] for i in idx]))
            for r, i in enumerate(idx):
                n = len(wins[i].input_ids)
                z = logits[r, :n] - logits[r, :n].max(-1, keepdims=True)
                e = np.exp(z)
                probs[i] = e / e.sum(-1, keepdims=True)
        return [self.complete(t, ents) for t, ents in zip(texts, decode(texts, wins, probs, self.labels), strict=True)]


def word_joined(text: str, i: int) -> bool:
    """Whether offset ``i`` lies inside a word: between two alphanumerics, or at an inner hyphen ("deep-water")."""
    if i <= 0 or i >= len(text):
        return False
    left, right = text[i - 1], text[i]
    if left.isalnum() and right.isalnum():
        return True
    if right == "-":
        return left.isalnum() and i + 1 < len(text) and text[i + 1].isalnum()
    return left == "-" and i >= 2 and text[i - 2].isalnum() and right.isalnum()


def decode(texts: list[str], wins: list[Window], probs: list, labels: Sequence[str]) -> list[list[Entity]]:
    """Merge windows (where they overlap, the most central prediction wins) and turn BIO pieces into char spans.

    Pieces are grouped into words (see :func:`word_joined`) that take their first piece's probabilities, so an
    entity never starts or ends inside a word. The words' tags are the most probable valid BIO sequence (an
    ``I-X`` only after ``B-X`` or ``I-X``), so an entity never changes type midway. A word that begins a second
    entity of the same label right after the first, with only a space between them ('nuclear' + 'power
    plant'), continues the first.
    """
    best: list[dict[tuple[int, int], tuple[int, np.ndarray]]] = [{} for _ in texts]
    for w, p in zip(wins, probs, strict=True):
        n = len(w.input_ids)
        for j, (a, b) in enumerate(w.offsets):
            if b <= a:
                continue
            centrality = min(j, n - 1 - j)
            prev = best[w.doc_index].get((a, b))
            if prev is None or centrality > prev[0]:
                best[w.doc_index][(a, b)] = (centrality, p[j])
    words: list[tuple[list[list[int]], np.ndarray]] = []  # per text: word [start, end]s, first-piece probs
    for text, pieces in zip(texts, best, strict=True):
        spans: list[list[int]] = []
        rows: list[np.ndarray] = []
        for (a, b), (_, pr) in sorted(pieces.items()):
            if spans and a == spans[-1][1] and word_joined(text, a):
                spans[-1][1] = b
            else:
                spans.append([a, b])
                rows.append(pr)
        words.append((spans, np.array(rows).reshape(len(rows), len(labels))))
    paths = viterbi([rows for _, rows in words], bio_transitions(tuple(labels)))
    out = []
    for text, (spans, rows), tags in zip(texts, words, paths, strict=True):
        ents: list[Entity] = []
        cur: list | None = None  # [label, start, end, [probs]]
        for (a, b), row, li in zip(spans, rows, tags, strict=True):
            tag, pr = labels[li], float(row[li])
            if cur and tag[2:] == cur[0] and (tag[0] == "I" or text[cur[2] : a] == " "):
                cur[2] = b
                cur[3].append(pr)
                continue
            if cur:
                ents.append(_entity(text, cur))
            cur = None if tag == "O" else [tag[2:], a, b, [pr]]
        if cur:
            ents.append(_entity(text, cur))
        out.append(ents)
    return out


@cache
def bio_transitions(labels: tuple[str, ...]) -> np.ndarray:
    """``allowed[i, j]``: tag j may follow tag i (row ``len(labels)`` is the start of the text)."""
    n = len(labels)
    allowed = np.ones((n + 1, n), dtype=bool)
    for j, tag in enumerate(labels):
        if tag.startswith("I-"):
            allowed[:, j] = [i < n and labels[i][2:] == tag[2:] and labels[i] != "O" for i in range(n + 1)]
    return allowed


def viterbi(seqs: Sequence[np.ndarray], allowed: np.ndarray) -> list[list[int]]:
    """For each (words × tags) probability array, the tag sequence of highest probability among those
    ``allowed`` permits (see :func:`bio_transitions`); the sequences are decoded together, step by step."""
    lengths = [len(s) for s in seqs]
    steps, n_tags = max(lengths, default=0), allowed.shape[1]
    logp = np.zeros((len(seqs), steps, n_tags))
    with np.errstate(divide="ignore"):
        for k, s in enumerate(seqs):
            logp[k, : len(s)] = np.log(s)
        trans = np.where(allowed, 0.0, -np.inf)
    back = np.zeros((len(seqs), steps, n_tags), dtype=np.int16)
    last = np.zeros((len(seqs), n_tags))  # each sequence's scores at its own last word
    ending: dict[int, list[int]] = {}
    for k, n in enumerate(lengths):
        ending.setdefault(n - 1, []).append(k)
    score = trans[-1] + logp[:, 0] if steps else last
    for t in range(steps):
        if t:
            cand = score[:, :, None] + trans[:-1]
            back[:, t] = cand.argmax(1)
            score = cand.max(1) + logp[:, t]
        if t in ending:
            last[ending[t]] = score[ending[t]]
    paths = []
    for k, n in enumerate(lengths):
        path = [int(last[k].argmax())] if n else []
        for t in range(n - 1, 0, -1):
            path.append(int(back[k, t, path[-1]]))
        paths.append(path[::-1])
    return paths


def _entity(text: str, cur: list) -> Entity:
    label, a, b, prs = cur
    return Entity(text=text[a:b], start=a, end=b, label=label, confidence=round(float(np.mean(prs)), 4))


def _reload(model_dir: str, options: dict[str, Any]) -> TransformerEntities:
    return TransformerEntities.load(model_dir, **options)
