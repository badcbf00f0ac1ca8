"""A trained model directory as an installable model package: ONNX graphs, tokenizer, card, verified manifest.

:func:`stage` (run by ``packages/make_dist.py``) copies the package's build config (``packages/eventex-ner-en``) to
a staging directory and fills its data directory; ``python -m build`` then makes the wheel and sdist
(``make dist``). The graphs are exported from the
weights (torch, at build time only), so an installed package runs on onnxruntime alone.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from packaging.version import InvalidVersion, Version

from eventex.errors import ModelError
from eventex.ner.onnx import INT8_RECIPE
from eventex.ner.runtime import ONNX_FILES, WEIGHTS, onnx_graph, read_manifest, sha256

MODULE = "eventex_ner_en"
PACKAGE_FILES = (
    "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt", "config.json", "card.json",
    "README.md",
)
"""Files copied from the model directory as they are (those present); README.md is the model card."""


def package_note(manifest: dict[str, Any]) -> str:
    """What the package holds, put above the model card."""
    graphs = ", ".join(f"`{name}` ({runtime})" for runtime, name in ONNX_FILES.items())
    return (
        f"> **Package `eventex-ner-en` {manifest['version']}**: `eventex.load()` finds this model through its entry "
        f"point (or `eventex.load(\"eventex-ner-en\")`). It ships the ONNX graphs {graphs}, exported from "
        f"`{WEIGHTS}` (SHA-256 `{manifest['sha256'][WEIGHTS]}`), not the weights: it runs on onnxruntime without "
        "torch; the `torch` runtime needs the training directory. Every file is checked against `manifest.json`.\n\n"
    )


def stage(model_dir: Path, template: Path, dest: Path) -> dict[str, Any]:
    """Copy ``template`` (a package's build config) to ``dest`` and fill ``src/eventex_ner_en/data`` from
    ``model_dir``: the ONNX graphs of every runtime but torch, the files of :data:`PACKAGE_FILES`, a manifest
    whose SHA-256s cover them, and VERSION (the model's version). Returns the package's manifest."""
    manifest = read_manifest(model_dir)
    try:
        Version(manifest["version"])
    except InvalidVersion as e:
        raise ModelError(f"model version {manifest['version']!r} is not a package version (PEP 440)") from e
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(template, dest, ignore=shutil.ignore_patterns("*.egg-info", "build", "dist", "__pycache__"))
    data = dest / "src" / MODULE / "data"
    data.mkdir()
    for runtime, name in ONNX_FILES.items():
        shutil.copyfile(onnx_graph(model_dir, manifest, runtime), data / name)
    for name in PACKAGE_FILES:
        if (model_dir / name).is_file():
            shutil.copyfile(model_dir / name, data / name)
    if (data / "README.md").is_file():
        card = (data / "README.md").read_text(encoding="utf-8")
        (data / "README.md").write_text(package_note(manifest) + card, encoding="utf-8")
    shipped = sorted(p.name for p in data.iterdir())
    package_manifest = {k: v for k, v in manifest.items() if k != "sha256"} | {
        "sha256": {name: sha256(data / name) for name in shipped},
        "weights_sha256": manifest["sha256"][WEIGHTS],
        "int8_recipe": INT8_RECIPE,
    }
    (data / "manifest.json").write_text(json.dumps(package_manifest, indent=2) + "\n", encoding="utf-8")
    (data / "VERSION").write_text(manifest["version"] + "\n", encoding="utf-8")
    return package_manifest

