"""Inference with the shipped head: onnxruntime (default) or torch, whole documents in windows."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from eventex.errors import MissingFileError, ModelError, UsageError
from eventex.ner.decode import Margin, decode, decode_words, low_margins, text_words
from eventex.ner.features import N_SHAPES, Window, load_tokenizer, pad_batch, sentence_windows, windows
from eventex.ner.onnx import cached_onnx, onnx_file
from eventex.ner.spans import SpanCompleter
from eventex.schema import Entity
from eventex.wrapping import unwrap_lines

if TYPE_CHECKING:
    from eventex.document import Document  # spaCy: not imported by ``eventex info``

WEIGHTS = "model.safetensors"
ONNX_FILES = {"onnx": "model.onnx", "onnx-int8": "model.int8.onnx"}
"""The graphs a model package ships (:mod:`eventex.ner.package`); a training directory has none: they are
exported from its weights on first use, which needs torch."""
Forward = Callable[[dict[str, np.ndarray]], np.ndarray]
"""One forward pass: the padded input arrays of some windows → their logits."""
RUNTIMES = ("auto", "onnx", "onnx-int8", "torch")
"""Entity head runtimes: auto (int8 where the model card's dev check passed and windows run one per pass, else
onnx), ONNX fp32 / int8, torch."""


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


PICKLE_SUFFIXES = frozenset({".bin", ".pt", ".pth", ".pkl", ".pickle", ".ckpt", ".joblib"})
"""Files that hold (or may hold) Python pickles, which run code when loaded: a model directory must have none."""


def verify_files(model_dir: Path, manifest: dict[str, Any], names: Iterable[str] | None = None) -> None:
    """Check the SHA-256 of ``names`` (default: every file the manifest lists) against the manifest."""
    for name in manifest["sha256"] if names is None else names:
        digest = manifest["sha256"][name]
        if not (model_dir / name).is_file():
            raise MissingFileError(f"{model_dir / name} is missing (listed in the manifest)")
        actual = sha256(model_dir / name)
        if actual != digest:
            raise ModelError(f"{model_dir / name}: SHA-256 {actual} does not match the manifest ({digest})")


MANIFEST_KEYS = ("name", "version", "labels", "max_length", "stride", "sha256")
"""What loading a model reads from its manifest (training adds the word-shape and provenance fields)."""


def manifest_json(model_dir: Path) -> dict[str, Any]:
    """``manifest.json`` of ``model_dir``; ModelError unless it is a JSON object with :data:`MANIFEST_KEYS` and
    a ``sha256`` object."""
    path = model_dir / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ModelError(f"{path}: not a JSON manifest: {e}") from e
    if not isinstance(manifest, dict):
        raise ModelError(f"{path}: not a JSON object")
    missing = [key for key in MANIFEST_KEYS if key not in manifest]
    if missing or not isinstance(manifest["sha256"], dict):
        raise ModelError(f"{path}: not an eventex model manifest (no {', '.join(missing) or 'sha256 object'})")
    return manifest


def read_manifest(model_dir: Path, verify: bool = True) -> dict[str, Any]:
    """The model's manifest; ModelError for a directory with pickle files, a manifest that lists paths rather
    than file names or gives no SHA-256 for the weights the directory holds, and, with ``verify``, unless every
    file it lists matches its SHA-256."""
    pickles = sorted(p.name for p in model_dir.iterdir() if p.suffix.lower() in PICKLE_SUFFIXES)
    if pickles:
        raise ModelError(
            f"{model_dir}: refusing a model directory with pickle files ({', '.join(pickles)}); eventex models are "
            "safetensors, ONNX and JSON only"
        )
    manifest = manifest_json(model_dir)
    hashes = manifest["sha256"]
    if (model_dir / WEIGHTS).is_file() and WEIGHTS not in hashes:
        raise ModelError(f"{model_dir / 'manifest.json'} gives no SHA-256 for {WEIGHTS}")
    for name in hashes:
        if Path(name).name != name or name in ("", ".", ".."):
            raise ModelError(f"{model_dir / 'manifest.json'} lists {name!r}, not a file name in {model_dir}")
    if verify:
        verify_files(model_dir, manifest)
    classes = manifest.get("shape_classes", 18)  # manifests before v3 did not record it: 18 classes then
    if manifest.get("use_shapes") and classes != N_SHAPES:
        raise ModelError(
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


def int8_check(model_dir: Path) -> dict[str, Any]:
    """The model card's int8 check (``onnx`` in card.json: dev F1 per runtime, drop in points, the allowed drop,
    ``int8_passes``); empty without a card or a check."""
    card = Path(model_dir) / "card.json"
    return (json.loads(card.read_text(encoding="utf-8")).get("onnx") or {}) if card.exists() else {}


def recommended_runtime(model_dir: Path) -> str:
    """'onnx-int8' if the model card measured that int8 passes its dev-F1 rule, else 'onnx' (fp32)."""
    return "onnx-int8" if int8_check(model_dir).get("int8_passes") else "onnx"


def cached_graph(manifest: dict[str, Any], runtime: str) -> Path:
    """Where the graph of ``runtime`` exported from a model's weights is kept (named by their SHA-256)."""
    return cached_onnx(manifest["name"], manifest["sha256"][WEIGHTS][:16], runtime == "onnx-int8")


def onnx_graph(model_dir: Path, manifest: dict[str, Any], runtime: str) -> Path:
    """The ONNX graph of ``runtime`` ("onnx" or "onnx-int8"): the one the model directory ships, else one
    exported from its weights into the cache on first use (:func:`eventex.ner.onnx.onnx_file`, needs torch)."""
    shipped = model_dir / ONNX_FILES[runtime]
    if shipped.is_file():
        return shipped
    digest = manifest["sha256"][WEIGHTS][:16]
    return onnx_file(manifest["name"], digest, runtime == "onnx-int8", lambda: load_torch_model(model_dir, manifest))


WINDOWING = {"overlap": windows, "sentences": sentence_windows}
"""How texts are cut into model inputs: whole sentences packed into windows (the default: about 1.2× fewer
pieces to encode, same F1 within noise on the dev splits), or windows sharing ``stride`` pieces everywhere (each
piece predicted with context on both sides)."""


class TransformerEntities:
    """The entity stage backed by the fine-tuned head; preprocess → forward → postprocess.

    ``batch_size`` is the number of windows per forward pass. On CPU one window at a time is fastest (its
    activations stay in cache: 1.3× the throughput of 16 per pass on 2 cores, identical output in fp32);
    raise it on a GPU (``device="cuda"``, with ``runtime="torch"``; optional, never the default). Output is
    deterministic (byte-identical whatever the texts around a text, their batching and the thread count) except
    with int8 and ``batch_size`` > 1: dynamic quantisation takes one activation scale per pass, so a window's
    result depends on the windows passed with it; "auto" then picks fp32.

    With ONNX, ``threads`` (None: the CPU count) passes run at the same time, each on one thread (a pass split over
    several threads waits at every layer for the slowest, and more so while the parse takes a core); a call with a
    single pass runs it in the calling thread (one session: a second one for single passes on all threads would
    hold about 40 MiB more). Each text is decoded once its own passes are done, while the passes of the texts after
    it run.
    """

    name = "entities"
    requires: tuple[str, ...] = ()
    assigns = ("entities",)

    def __init__(self, model_dir: Path, manifest: dict[str, Any], runtime: str = "auto", batch_size: int = 1,
                 threads: int | None = None, max_length: int | None = None, stride: int | None = None,
                 windowing: str = "sentences", device: str = "cpu") -> None:
        self.model_dir = model_dir
        self.manifest = manifest
        self.model_name = manifest["name"]
        self.version = manifest["version"]
        if runtime not in RUNTIMES:
            raise UsageError(f"runtime must be one of {', '.join(RUNTIMES)}; got {runtime!r}")
        if device != "cpu" and runtime != "torch":
            raise UsageError(f"device={device!r} needs runtime='torch' (the ONNX runtimes run on the CPU)")
        if runtime == "auto":
            runtime = recommended_runtime(model_dir) if batch_size == 1 else "onnx"
        self.runtime = runtime
        self.device = device
        self.batch_size = batch_size
        self.max_length = max_length or manifest["max_length"]
        self.stride = stride or manifest["stride"]
        self.labels: list[str] = manifest["labels"]
        if windowing not in WINDOWING:
            raise UsageError(f"windowing must be one of {sorted(WINDOWING)}, got {windowing!r}")
        self.windowing = windowing
        self.tokenizer = load_tokenizer(model_dir)  # never reconfigured (threads share it; see load_tokenizer)
        self.threads = threads
        self.complete = SpanCompleter()
        self.lanes = 1 if runtime == "torch" else max(1, threads or os.cpu_count() or 1)
        """How many forward passes run at the same time."""
        self._pool: tuple[int, ThreadPoolExecutor] | None = None
        self._forward = self._make_forward(self.runtime, threads)

    def __reduce__(self):
        """Pickle as 'load this model directory with these options' (worker processes reload it)."""
        options = {
            "runtime": self.runtime, "batch_size": self.batch_size, "threads": self.threads,
            "max_length": self.max_length, "stride": self.stride, "windowing": self.windowing, "device": self.device,
        }
        return (_reload, (str(self.model_dir), options))

    @classmethod
    def load(cls, model_dir: str | Path, **options: Any) -> TransformerEntities:
        """Load a model directory (the files the runtime reads verified by SHA-256)."""
        path = Path(model_dir)
        return cls(path, read_manifest(path, verify=False), **options)

    def _make_forward(self, runtime: str, threads: int | None) -> Forward:
        """The forward pass (with ONNX on one thread when :attr:`lanes` run several at once, else on ``threads``)."""
        graphs = {ONNX_FILES[r] for r in ONNX_FILES if r != runtime}  # the other runtimes' graphs go unread
        verify_files(self.model_dir, self.manifest, [n for n in self.manifest["sha256"] if n not in graphs])
        if runtime == "torch":
            model = load_torch_model(self.model_dir, self.manifest)
            import torch

            try:
                device = torch.device(self.device)
                model = model.to(device)
            except (RuntimeError, AssertionError) as e:  # an unknown or absent device
                raise UsageError(f"device {self.device!r} is not usable here: {str(e).splitlines()[0]}") from None
            if threads:
                torch.set_num_threads(threads)

            def forward(arrays: dict[str, np.ndarray]) -> np.ndarray:
                with torch.inference_mode():
                    t = {k: torch.from_numpy(v).to(device) for k, v in arrays.items()}
                    return model(**t).float().cpu().numpy()

            return forward
        import onnxruntime as ort

        path = onnx_graph(self.model_dir, self.manifest, runtime)
        opts = ort.SessionOptions()
        # idle inference threads sleep rather than spin: they would take the core the spaCy parse runs on
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        if intra := (1 if self.lanes > 1 else threads):
            opts.intra_op_num_threads = intra
            opts.inter_op_num_threads = 1
        session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        wanted = {i.name for i in session.get_inputs()}  # no shape_ids in a model trained without shapes
        return lambda arrays: session.run(["logits"], {k: v for k, v in arrays.items() if k in wanted})[0]

    # preprocess → forward → postprocess
    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Fill ``entities`` of all the documents, their windows batched together."""
        docs = list(docs)
        for d, ents in zip(docs, self.predict([d.text for d in docs]), strict=True):
            d.entities = ents
        yield from docs

    def predict(self, texts: list[str]) -> list[list[Entity]]:
        """Entities for each text (read with hard-wrapped lines unwrapped: :func:`eventex.wrapping.unwrap_lines`)."""
        flat = [unwrap_lines(t) for t in texts]
        found = [self._entities(text, decode([text], wins, probs, self.labels)[0])
                 for text, (wins, probs) in zip(flat, self._probabilities(flat), strict=True)]
        return _rewrapped(texts, found)

    def predict_scored(self, texts: list[str], below: float) -> list[tuple[list[Entity], list[Margin]]]:
        """Entities for each text, as :meth:`predict` gives them, with its spans whose two most probable tags
        differ by less than ``below`` (:func:`eventex.ner.decode.low_margins`)."""
        flat = [unwrap_lines(t) for t in texts]
        out = []
        for given, text, (wins, probs) in zip(texts, flat, self._probabilities(flat), strict=True):
            words = text_words([text], wins, probs, len(self.labels))
            ents = self._entities(text, decode_words([text], words, self.labels)[0])
            out.append((_rewrapped([given], [ents])[0], low_margins(text, words[0], self.labels, below)))
        return out

    def _probabilities(self, texts: list[str]) -> Iterator[tuple[list[Window], list[np.ndarray]]]:
        """Each text's windows (numbered as its own) and the label probabilities of their pieces, text by text; on
        the lanes, the passes of the texts after it run while it is decoded."""
        make = WINDOWING[self.windowing]
        wins = make(self.tokenizer, texts, self.max_length, self.stride) if texts else []
        order: Sequence[int] = range(len(wins))
        if self.batch_size > 1:  # windows of like length share a pass (less padding)
            order = sorted(order, key=lambda i: len(wins[i].input_ids))
        passes = [order[k : k + self.batch_size] for k in range(0, len(wins), self.batch_size)]
        where = {i: (n, r) for n, idx in enumerate(passes) for r, i in enumerate(idx)}
        batches = [[wins[i] for i in idx] for idx in passes]
        pending: list[Future[list[np.ndarray]]] = []
        if len(batches) > 1 and self.lanes > 1:
            pending = [self._lanes().submit(_pass_probabilities, self._forward, b) for b in batches]
            fetch: list[Callable[[], list[np.ndarray]]] = [f.result for f in pending]
        else:
            fetch = [cache(partial(_pass_probabilities, self._forward, b)) for b in batches]
        by_text: list[list[int]] = [[] for _ in texts]
        for i, w in enumerate(wins):
            by_text[w.doc_index].append(i)
        try:
            for idx in by_text:
                yield [replace(wins[i], doc_index=0) for i in idx], [fetch[where[i][0]]()[where[i][1]] for i in idx]
        finally:
            for f in pending:
                f.cancel()

    def close(self) -> None:
        """Stop the lanes' threads once their passes are done (a later call with several passes starts new ones)."""
        if self._pool is not None:
            self._pool[1].shutdown()
            self._pool = None

    def _lanes(self) -> ThreadPoolExecutor:
        """The threads that run forward passes at the same time (made again in a forked child, which has none)."""
        if self._pool is None or self._pool[0] != os.getpid():
            self._pool = (os.getpid(), ThreadPoolExecutor(self.lanes, thread_name_prefix="eventex-forward"))
        return self._pool[1]

    def _entities(self, text: str, decoded: list[Entity]) -> list[Entity]:
        return [e for e in self.complete(text, decoded) if is_wordy(e.text)]


def _pass_probabilities(forward: Forward, batch: list[Window]) -> list[np.ndarray]:
    """The label probabilities of each window's pieces, from one forward pass over the windows."""
    logits = forward(pad_batch(batch))
    probs = []
    for r, w in enumerate(batch):
        z = logits[r, : len(w.input_ids)]
        e = np.exp(z - z.max(-1, keepdims=True))
        probs.append(e / e.sum(-1, keepdims=True))
    return probs


def _rewrapped(texts: list[str], found: list[list[Entity]]) -> list[list[Entity]]:
    """Entities found in the unwrapped texts with their text from the texts as given (a line break kept)."""
    return [[e if e.text == t[e.start : e.end] else e.model_copy(update={"text": t[e.start : e.end]}) for e in ents]
            for t, ents in zip(texts, found, strict=True)]


def is_wordy(text: str) -> bool:
    """Whether a span has a letter or digit (a span made only of punctuation or symbols is never an entity)."""
    return any(c.isalnum() for c in text)


def _reload(model_dir: str, options: dict[str, Any]) -> TransformerEntities:
    return TransformerEntities.load(model_dir, **options)
