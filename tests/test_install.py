"""Install like a user: build the wheels, install them in a fresh venv outside the repository (no torch), extract.

One venv per test module: building the two packages and installing them takes a minute or two.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "lavrov_latin_america.txt"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> dict:
    """A fresh venv with the eventex and eventex-ner-en wheels (and their dependencies, which exclude torch)."""
    spec = importlib.util.spec_from_file_location("make_dist", ROOT / "packages" / "make_dist.py")
    make_dist = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_dist)
    tmp = tmp_path_factory.mktemp("install")
    dist = make_dist.build(tmp / "dist", tmp / "staging", model_sdist=False)  # as `make dist` does, less one sdist
    wheels = [str(p) for p in dist if p.suffix == ".whl"]
    assert sorted(Path(w).name.split("-")[0] for w in wheels) == ["eventex", "eventex_ner_en"]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "EVENTEX_MODEL", "VIRTUAL_ENV")}
    env["EVENTEX_CACHE"] = str(tmp / "cache")  # stays empty: the package ships its graphs
    subprocess.run([sys.executable, "-m", "venv", str(tmp / "venv")], check=True, env=env)
    pip = [str(tmp / "venv" / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-compile"]
    subprocess.run([*pip, *wheels], check=True, env=env, cwd=tmp)  # a checkout on PYTHONPATH would look installed
    (tmp / "work").mkdir()
    return {"bin": tmp / "venv" / "bin", "env": env, "cwd": tmp / "work", "cache": tmp / "cache"}


def run(venv: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=venv["env"], cwd=venv["cwd"], capture_output=True, text=True, timeout=300)


def test_the_installed_cli_gives_the_checkout_events(venv, sample_result):
    done = run(venv, str(venv["bin"] / "eventex"), "extract", "--text-file", str(SAMPLE), "--published", "2010-03-10")
    assert done.returncode == 0, done.stderr
    installed = json.loads(done.stdout)
    expected = sample_result.model_dump(mode="json")
    assert installed["events"] and installed["events"] == expected["events"]
    assert installed["entities"] == expected["entities"] and installed["meta"] == expected["meta"]
    assert not (venv["cache"].exists() and any(venv["cache"].rglob("*.onnx"))), "no ONNX export at run time"


def test_inference_never_imports_torch(venv):
    code = (
        "import importlib.util, json, sys; import eventex; "
        f"r = eventex.extract(open({str(SAMPLE)!r}).read(), published='2010-03-10'); "
        "print(json.dumps({'events': len(r.events), 'torch_imported': 'torch' in sys.modules, "
        "'torch_installed': importlib.util.find_spec('torch') is not None, 'eventex': eventex.__file__}))"
    )
    done = run(venv, str(venv["bin"] / "python"), "-c", code)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["events"] > 0 and not out["torch_imported"] and not out["torch_installed"]
    assert out["eventex"].startswith(str(venv["bin"].parent)), "the installed eventex, not the checkout's"


def test_installed_info_finds_the_package(venv):
    done = run(venv, str(venv["bin"] / "eventex"), "info", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    model = report["model"]
    assert model["source"].startswith("package eventex-ner-en ") and model["hashes_verified"]
    assert all(where.startswith("shipped") for where in model["graphs"].values())
    assert report["versions"]["torch"] is None and report["versions"]["eventex-ner-en"] == model["version"]
    assert report["warnings"] == []
