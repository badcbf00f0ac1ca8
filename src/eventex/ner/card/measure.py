"""Measuring a model for its card: corpus and CoNLL scores against the spaCy baseline, the int8 check,
entity-stage speed per runtime, versions, and the ablation quoted from ``ablation.json``."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import time
from pathlib import Path
from typing import Any

from eventex.ner.card.retrain import measure_retraining
from eventex.ner.onnx import INT8_MAX_DROP_POINTS, int8_passes
from eventex.ner.runtime import WEIGHTS, read_manifest, sha256
from eventex.version import __version__

SPEED_REPEATS = 3
SPEED_RUNTIMES = ("onnx", "onnx-int8", "torch")
ABLATION_FILE = "ablation.json"


def _entity_scores(report) -> dict[str, Any]:
    """The entity part of a Report / ConllReport as plain data."""
    e = report.entities
    return {
        "documents": report.documents,
        "micro": e.micro.model_dump(),
        "f1_ci": e.f1_ci.model_dump() if e.f1_ci else None,
        "by_label": {k: v.model_dump() for k, v in e.by_label.items()},
    }


def _conll_files(conll: str | None) -> dict[str, Path]:
    """valid/test files of a CoNLL-2003 directory (or of the directory holding a given train file)."""
    if not conll:
        return {}
    root = Path(conll)
    if not root.is_dir():
        root = root.parent
    return {split: root / f"{split}.txt" for split in ("valid", "test") if (root / f"{split}.txt").exists()}


def _speed(model_dir: Path, texts: list[str]) -> dict[str, Any]:
    """Entity-stage throughput (words/s, median of SPEED_REPEATS) per runtime, one process, default threads."""
    import torch

    from eventex.ner.runtime import TransformerEntities

    words = sum(len(t.split()) for t in texts)
    out: dict[str, Any] = {
        "texts": len(texts),
        "words": words,
        "repeats": SPEED_REPEATS,
        "cpu_count": os.cpu_count(),
        "torch_threads": torch.get_num_threads(),
        "loadavg_before": list(os.getloadavg()),
        "runtimes": {},
    }
    for runtime in SPEED_RUNTIMES:
        stage = TransformerEntities.load(model_dir, runtime=runtime)
        seconds = []
        for _ in range(SPEED_REPEATS):
            started = time.perf_counter()
            stage.predict(texts)
            seconds.append(time.perf_counter() - started)
        median = statistics.median(seconds)
        out["runtimes"][runtime] = {
            "seconds": [round(s, 3) for s in seconds],
            "median_seconds": round(median, 3),
            "words_per_s": round(words / median, 1),
        }
        del stage
    out["loadavg_after"] = list(os.getloadavg())
    return out


def _versions() -> dict[str, str]:
    import onnxruntime
    import spacy
    import torch
    import transformers

    return {
        "eventex": __version__, "python": platform.python_version(), "torch": torch.__version__,
        "onnxruntime": onnxruntime.__version__, "transformers": transformers.__version__, "spacy": spacy.__version__,
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
    }


def read_ablation(model_dir: Path) -> dict[str, Any] | None:
    """The casing-feature ablation kept next to the model (``ablation.json``), if there is one."""
    path = Path(model_dir) / ABLATION_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def measure(model_dir: Path, corpus: str = "corpora", conll: str | None = None) -> dict[str, Any]:
    """Every number of the card (written to ``card.json``)."""
    from eventex.corpus import gold
    from eventex.eval.score import run_conll, run_evaluation
    from eventex.loading import build_extractor

    model_dir = Path(model_dir)
    manifest = read_manifest(model_dir)  # verifies the weights' SHA-256
    weights = model_dir / WEIGHTS
    size = weights.stat().st_size
    splits = {s: Path(corpus) / f"{s}.jsonl" for s in ("dev", "test") if (Path(corpus) / f"{s}.jsonl").exists()}
    extractors = {"eventex": build_extractor(str(model_dir), runtime="onnx"), "spacy": build_extractor("spacy")}

    results: dict[str, Any] = {
        "model": {
            "name": manifest["name"], "version": manifest["version"], "dir": str(model_dir),
            "labels": list(manifest["labels"]), "use_shapes": manifest["use_shapes"],
            "shape_input": manifest.get("shape_input", False),
            "shape_dim": manifest["shape_dim"], "max_length": manifest["max_length"], "stride": manifest["stride"],
            "dtype": manifest["dtype"],
            "layers": json.loads((model_dir / "config.json").read_text())["num_hidden_layers"],
            "weights": {"file": WEIGHTS, "bytes": size, "mb": round(size / 1e6, 1), "sha256": sha256(weights)},
        },
        "training": manifest.get("training", {}),
        "corpus": {"path": corpus, "splits": {}},
        "conll": None,
        "environment": _versions(),
        "generated": dt.date.today().isoformat(),
    }
    for split, path in splits.items():
        results["corpus"]["splits"][split] = {
            name: _entity_scores(run_evaluation(path, extractor=ex))
            for name, ex in extractors.items()
        }
    conll_files = _conll_files(conll)
    if conll_files:
        results["conll"] = {"path": conll, "splits": {}}
        for split, path in conll_files.items():
            results["conll"]["splits"][split] = {
                name: _entity_scores(run_conll(path, extractor=ex))
                for name, ex in extractors.items()
            }
    extractors.clear()

    if "dev" in splits:
        fp32 = results["corpus"]["splits"]["dev"]["eventex"]["micro"]["f1"]
        int8_ex = build_extractor(str(model_dir), runtime="onnx-int8")
        int8 = _entity_scores(run_evaluation(splits["dev"], extractor=int8_ex))
        del int8_ex
        drop, passes = int8_passes(fp32, int8["micro"]["f1"])
        results["onnx"] = {
            "dev_f1": {"onnx": fp32, "onnx-int8": int8["micro"]["f1"]},
            "int8_dev": int8,
            "drop_points": drop,
            "max_drop_points": INT8_MAX_DROP_POINTS,
            "int8_passes": passes,
        }
    results["retraining"] = measure_retraining(model_dir, results["training"], corpus, _entity_scores)
    texts = [d.text for p in splits.values() for d in gold.load(p)]
    results["speed"] = _speed(model_dir, texts) if texts else None
    ablation = read_ablation(model_dir)
    results["ablation"] = None if ablation is None else {
        "source": ablation["source"],
        "runs": ablation["runs"],
        "this_model_is_run": ablation["shipped_run"] if results["model"]["weights"]["sha256"] == ablation[
            "shipped_sha256"] else None,
    }
    return results
