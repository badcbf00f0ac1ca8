"""Install benchmark (run by ``make bench-speed``): the default install from the wheels, its size and load time.

Builds the wheels of eventex and of the model package eventex-ner-en as ``make dist`` does
(``packages/make_dist.py``), installs them as a user would into two fresh venvs outside the repository: the
default (inference) install, which runs on onnxruntime without torch, and one with the ``train`` extra (torch).
Measures the installed size of each venv and, in fresh processes of each in turn, ``import eventex``,
``eventex.load()`` (wall and CPU seconds) and the first extraction of the sample article; medians over ``--runs``.

    python benchmarks/install_bench.py --out benchmarks/results      # writes install.json, re-renders RESULTS.md
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import benchlib
import render_results

sys.path.insert(0, str(benchlib.ROOT / "packages"))
import make_dist

SAMPLE = benchlib.ROOT / "examples" / "lavrov_latin_america.txt"
TARGETS = {"load_s": 1.5}
"""``eventex.load()`` in a fresh process of the default install, median seconds (issue #17)."""
TORCH_PIN = "torch==2.13.0"  # as the Makefile installs it: first and pinned, so that no CUDA build is resolved

PROBE = """
import importlib.util, json, sys, time
t0, c0 = time.perf_counter(), time.process_time()
import eventex
t1, c1 = time.perf_counter(), time.process_time()
nlp = eventex.load()
t2, c2 = time.perf_counter(), time.process_time()
result = nlp.extract(open(sys.argv[1], encoding="utf-8").read(), published="2010-03-10")
t3 = time.perf_counter()
print(json.dumps({
    "import_seconds": t1 - t0, "load_seconds": t2 - t1, "load_cpu_seconds": c2 - c1, "first_extract_seconds": t3 - t2,
    "events": [e.model_dump(mode="json") for e in result.events], "torch_imported": "torch" in sys.modules,
    "torch_installed": importlib.util.find_spec("torch") is not None, "eventex": eventex.__file__,
}))
"""
"""Run by a venv's python in a fresh process: times (CPU seconds count every thread), the sample's events, torch."""


def probe(bin_dir: Path, env: dict[str, str], cwd: Path) -> dict[str, Any]:
    """:data:`PROBE` in a fresh process of the venv ``bin_dir`` (checked to import that venv's eventex)."""
    done = subprocess.run([str(bin_dir / "python"), "-c", PROBE, str(SAMPLE)], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"{bin_dir / 'python'}: the probe failed:\n{done.stderr[-3000:]}")
    out = json.loads(done.stdout)
    if not out["eventex"].startswith(str(bin_dir.parent)):
        raise RuntimeError(f"{bin_dir / 'python'} imported {out['eventex']}, not its own eventex")
    return out


def folder_mib(path: Path) -> float:
    """Sum of the sizes of the files under ``path`` (links not followed), MiB."""
    total = 0
    for root, _, files in os.walk(path):
        total += sum(os.lstat(os.path.join(root, f)).st_size for f in files)
    return total / 2**20


def largest(site_packages: Path, n: int = 6) -> dict[str, float]:
    """The ``n`` largest installed packages by MiB (a package's folders, dist-info and bundled libs together)."""
    sizes: dict[str, float] = {}
    for entry in site_packages.iterdir():
        name = entry.name.split("-")[0].split(".")[0].lower()
        size = folder_mib(entry) if entry.is_dir() else entry.lstat().st_size / 2**20
        sizes[name] = sizes.get(name, 0.0) + size
    return {k: round(v, 1) for k, v in sorted(sizes.items(), key=lambda kv: -kv[1])[:n]}


def summarise(venv: Path, runs: list[dict[str, Any]]) -> dict[str, Any]:
    """One venv's size, its largest packages and the medians of its runs."""
    site = next(venv.glob("lib/python*/site-packages"))

    def med(key: str) -> float:
        return round(benchlib.median([r[key] for r in runs]), 3)

    keys = ("import_seconds", "load_seconds", "load_cpu_seconds", "first_extract_seconds")
    return {
        "size_mib": round(folder_mib(venv), 1), "largest_mib": largest(site),
        "torch_installed": runs[0]["torch_installed"], "torch_imported": any(r["torch_imported"] for r in runs),
        "events": len(runs[0]["events"]), **{k: med(k) for k in keys},
        "runs": [{k: round(r[k], 3) for k in keys} | {"load_average_1min": r["load_average_1min"]} for r in runs],
    }


def measure(work: Path, runs: int, install: bool = True) -> dict[str, Any]:
    """Build the wheels into ``work``, install the two venvs there and time ``runs`` fresh loads in each (without
    ``install``: time the venvs an earlier run left in ``work`` again)."""
    built = time.perf_counter()
    if install:
        make_dist.build(work / "dist", work / "staging", model_sdist=False)  # as `make dist`, less one sdist
    wheels = {p.name.split("-")[0]: str(p) for p in sorted((work / "dist").glob("*.whl"))}
    env = make_dist.clean_env() | benchlib.OFFLINE_ENV
    built = time.perf_counter() - built
    installs = {
        "inference": [wheels["eventex"], wheels["eventex_ner_en"]],
        "train": [TORCH_PIN, f"{wheels['eventex']}[train]", wheels["eventex_ner_en"]],
    }
    venvs, seconds = {}, {}
    for name, requirements in installs.items():
        start = time.perf_counter()
        venvs[name] = make_dist.make_venv(work / name, requirements, env) if install else work / name / "bin"
        seconds[name] = round(time.perf_counter() - start, 1)
    (work / "cwd").mkdir(exist_ok=True)
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in venvs}
    for _ in range(runs):
        for name, bin_dir in venvs.items():  # in turn, so that both see the same background load
            load_average = round(os.getloadavg()[0], 2)
            results[name].append(probe(bin_dir, env, work / "cwd") | {"load_average_1min": load_average})
    same = all(r["events"] == results["inference"][0]["events"] for rs in results.values() for r in rs)
    return {
        "wheels": sorted(Path(w).name for w in wheels.values()),
        "build_seconds": round(built, 1) if install else None, "install_seconds": seconds if install else None,
        "requirements": {k: [Path(r).name for r in v] for k, v in installs.items()},
        "venvs": {name: summarise(venvs[name].parent, results[name]) for name in venvs},
        "same_events": same,
    }


def main(argv: list[str] | None = None) -> int:
    """``python benchmarks/install_bench.py``."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", type=Path, default=benchlib.RESULTS, help="folder for install.json")
    p.add_argument("--runs", type=int, default=7, help="fresh processes per venv (medians)")
    p.add_argument("--workdir", type=Path, help="where the wheels and venvs go (default: a temporary folder)")
    p.add_argument("--remeasure", action="store_true",
                   help="time the venvs an earlier run left in --workdir again (no build, no install)")
    p.add_argument("--no-render", action="store_true", help="do not re-render RESULTS.md")
    args = p.parse_args(argv)
    if args.remeasure and not args.workdir:
        p.error("--remeasure needs --workdir")
    start = time.perf_counter()
    benchlib.setup_env()
    data: dict[str, Any] = {"stamp": benchlib.stamp(), "settings": {"runs": args.runs, "sample": SAMPLE.name},
                            "targets_spec": TARGETS}
    with tempfile.TemporaryDirectory(prefix="eventex-install-") as tmp:
        data |= measure(args.workdir or Path(tmp), args.runs, install=not args.remeasure)
    data["stamp"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    benchlib.finish("install", data, start, args.out, None if args.no_render else render_results.render)
    return 0


if __name__ == "__main__":
    sys.exit(main())
