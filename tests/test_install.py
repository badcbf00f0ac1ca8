"""Install like a user: build the wheels, install them in a fresh venv outside the repository (no torch), extract.

One venv per test module: building the two packages and installing them takes a minute or two.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "lavrov_latin_america.txt"
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "packages")]

import install_bench  # noqa: E402
import make_dist  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> dict:
    """A fresh venv with the eventex and eventex-ner-en wheels (and their dependencies, which exclude torch)."""
    tmp = tmp_path_factory.mktemp("install")
    dist = make_dist.build(tmp / "dist", tmp / "staging", model_sdist=False)  # as `make dist` does, less one sdist
    wheels = [str(p) for p in dist if p.suffix == ".whl"]
    assert sorted(Path(w).name.split("-")[0] for w in wheels) == ["eventex", "eventex_ner_en"]
    env = make_dist.clean_env() | {"EVENTEX_CACHE": str(tmp / "cache")}  # stays empty: the package ships its graphs
    bin_dir = make_dist.make_venv(tmp / "venv", wheels, env, compile_bytecode=False)
    (tmp / "work").mkdir()
    return {"bin": bin_dir, "env": env, "cwd": tmp / "work", "cache": tmp / "cache"}


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


def test_inference_never_imports_torch(venv, sample_result):
    """The install benchmark's probe: a load and an extraction in a fresh process of the venv."""
    out = install_bench.probe(venv["bin"], venv["env"], venv["cwd"])  # checks that it imports the venv's eventex
    assert not out["torch_imported"] and not out["torch_installed"]
    assert out["events"] == sample_result.model_dump(mode="json")["events"]
    assert out["load_seconds"] > 0 and out["load_cpu_seconds"] > 0 and out["first_extract_seconds"] > 0


def test_installed_info_finds_the_package(venv):
    done = run(venv, str(venv["bin"] / "eventex"), "info", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    model = report["model"]
    assert model["source"].startswith("package eventex-ner-en ") and model["hashes_verified"]
    assert all(where.startswith("shipped") for where in model["graphs"].values())
    assert report["versions"]["torch"] is None and report["versions"]["eventex-ner-en"] == model["version"]
    assert report["warnings"] == []
