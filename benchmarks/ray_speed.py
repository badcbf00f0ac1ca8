"""Ray engine benchmark (part of ``make bench-speed``): words/s of ``--engine ray`` ÷ words/s of ``--jobs 2``.

The corpus is the committed corpus (``corpora/{train,dev,test}.jsonl``) repeated to at least ``--min-words`` words,
as one JSONL file. One local Ray (``ray.init(num_cpus=CPUS)``, as a cluster of one such node) runs for the whole
benchmark; its start is timed apart, since a cluster is already running when a job is submitted. Each **round**
runs, back to back and in an order rotated from round to round:

- ``jobs``: :func:`eventex.runner.extract_files` with ``jobs=2`` (what ``eventex extract --jobs 2`` runs);
- ``ray_2`` and ``ray_1``: :func:`eventex.engines.ray.extract_files_ray` with 2 and 1 actors (what ``eventex
  extract --engine ray --workers N`` runs on the running Ray);

every one from its start to its last file (worker start and model load included), JSONL output, the shipped
model, batch size 16. *End to end* words/s divide the corpus's words by that time; *steady* words/s count only
the documents done after the first batch came back, over the time from then to the last one (the rate once
every worker is loaded). The Ray output is checked to be the ``--jobs 2`` output byte for byte. Ratios are taken
within a round and their medians over rounds reported, with the 1-minute load average of each round.

A cluster of N such nodes is projected as N × the per-node steady words/s of ``ray_2``, capped by the one part
of a run that does not scale out: the reading and id checking of :func:`eventex.engines.ray.item_dataset`
(one actor), timed alone on ``--serial-factor`` × the corpus.

    python benchmarks/ray_speed.py --out benchmarks/results
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import benchlib
import render_results

benchlib.setup_env()

TARGET = 0.8
"""Ray (2 actors) words/s ÷ ``--jobs 2`` words/s, end to end, on the same machine and corpus."""
CPUS = 2
NODES = (1, 2, 4, 8, 16, 32)
ENGINES = ("jobs", "ray_2", "ray_1")


class Clock:
    """A progress callback that notes when each batch came back (seconds since it was made) and its words."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.marks: list[tuple[float, int, int]] = []

    def __call__(self, summary: Any, chunk: Any) -> None:
        if chunk is not None:
            self.marks.append((time.perf_counter() - self.start, chunk.inputs, chunk.words))


def measure(run: Callable[[Clock], Any], docs: int, words: int) -> dict[str, Any]:
    """Time ``run(clock)``: end-to-end and steady rates (see the module's doc)."""
    clock = Clock()
    run(clock)
    seconds = time.perf_counter() - clock.start
    out: dict[str, Any] = {"docs": docs, "words": words, "seconds": round(seconds, 2),
                           "words_per_s": round(words / seconds, 1), "docs_per_s": round(docs / seconds, 2)}
    marks = sorted(clock.marks)
    if len(marks) > 1:
        first = marks[0][0]
        later = [m for m in marks if m[0] > first]
        span = marks[-1][0] - first
        if later and span > 0:
            out["first_batch_s"] = round(first, 2)
            out["steady_words_per_s"] = round(sum(m[2] for m in later) / span, 1)
    return out


def write_corpus(texts: Sequence[str], path: Path, repeats: int) -> tuple[int, int]:
    """``texts`` × ``repeats`` as JSONL records ``{"text": ...}``; (documents, words)."""
    with path.open("w", encoding="utf-8") as f:
        for _ in range(repeats):
            for t in texts:
                f.write(json.dumps({"text": t}) + "\n")
    return len(texts) * repeats, sum(benchlib.words(t) for t in texts) * repeats


def run_engine(name: str, src: Path, out: Path, *, batch_size: int, model: str | None, clock: Clock) -> Path:
    """One run of an engine over ``src`` into ``out`` (a file for ``jobs``, else a folder); the output's path."""
    from eventex.engines.ray import extract_files_ray
    from eventex.runner import extract_files

    if name == "jobs":
        extract_files([str(src)], str(out), fmt="jsonl", model=model, jobs=2, batch_size=batch_size, progress=clock)
    else:
        extract_files_ray([str(src)], str(out), fmt="jsonl", model=model, batch_size=batch_size,
                          workers=int(name.split("_")[1]), progress=clock)
    return out


def jsonl_bytes(path: Path) -> bytes:
    """The JSONL output of a run: the file, or the folder's partitions concatenated in name order."""
    return b"".join(p.read_bytes() for p in sorted(path.glob("*.jsonl"))) if path.is_dir() else path.read_bytes()


def round_ratios(rd: dict[str, Any]) -> dict[str, float]:
    """Within-round ratios: Ray ÷ ``--jobs 2`` (end to end and steady) and 2 actors ÷ 1."""
    out = {}
    for key, field in (("", "words_per_s"), ("_steady", "steady_words_per_s")):
        for a, b, name in (("ray_2", "jobs", "ray_over_jobs"), ("ray_1", "jobs", "ray_1_over_jobs"),
                           ("ray_2", "ray_1", "ray_2_over_ray_1")):
            x, y = rd.get(a, {}).get(field), rd.get(b, {}).get(field)
            if x and y:
                out[name + key] = round(x / y, 3)
    return out


def medians(rounds: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Per engine: median end-to-end and steady words/s; the median of each within-round ratio."""
    out: dict[str, Any] = {}
    for name in ENGINES:
        runs = [rd[name] for rd in rounds if name in rd]
        if runs:
            out[name] = {f: round(benchlib.median([r[f] for r in runs if f in r]), 1)
                         for f in ("words_per_s", "steady_words_per_s", "seconds", "first_batch_s")}
    keys = sorted({k for rd in rounds for k in rd["ratios"]})
    out["ratios"] = {k: round(benchlib.median([rd["ratios"][k] for rd in rounds if k in rd["ratios"]]), 3)
                     for k in keys}
    return out


def cluster(per_node: float, serial: float | None, nodes: Sequence[int] = NODES) -> list[dict[str, Any]]:
    """Projected words/s of ``n`` nodes: ``n`` × ``per_node``, capped by the serial stage's words/s."""
    rows = []
    for n in nodes:
        linear = n * per_node
        capped = min(linear, serial) if serial else linear
        rows.append({"nodes": n, "words_per_s": round(capped, 1),
                     "limited_by": "serial stage" if capped < linear else "nodes"})
    return rows


def serial_stage(texts: Sequence[str], tmp: Path, factor: int) -> dict[str, Any]:
    """Words/s of the reading and id checking alone (:func:`eventex.engines.ray.item_dataset`)."""
    from eventex.engines.ray import input_files, item_dataset, new_ledger
    from eventex.io.records import Options

    src = tmp / "serial.jsonl"
    docs, words = write_corpus(texts, src, factor)
    start = time.perf_counter()
    rows = sum(b.num_rows for b in item_dataset(input_files([str(src)]), Options(), new_ledger()).iter_batches(
        batch_size=None, batch_format="pyarrow"))
    seconds = time.perf_counter() - start
    assert rows == docs, (rows, docs)
    return {"docs": docs, "words": words, "seconds": round(seconds, 2), "words_per_s": round(words / seconds, 1)}


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Every measurement, as the dict written to ``ray.json``."""
    import ray

    texts = benchlib.corpus_texts(args.splits)
    repeats = max(1, math.ceil(args.min_words / sum(benchlib.words(t) for t in texts)))
    data: dict[str, Any] = {"stamp": benchlib.stamp()}
    start = time.perf_counter()
    started = not ray.is_initialized()  # a running Ray (a test's) is used as it is
    if started:
        ray.init(num_cpus=args.cpus, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    data["ray_init_seconds"] = round(time.perf_counter() - start, 2)
    try:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            src = tmp / "corpus.jsonl"
            docs, words = write_corpus(texts, src, repeats)
            data["settings"] = {"corpus": f"corpora/{{{','.join(args.splits)}}}.jsonl × {repeats}", "docs": docs,
                                "words": words, "rounds": args.rounds, "batch_size": args.batch_size,
                                "cpus": args.cpus, "model": args.model or "shipped", "jobs": 2,
                                "serial_factor": args.serial_factor}
            rounds = []
            for r in range(args.rounds):
                order = [ENGINES[(i + r) % len(ENGINES)] for i in range(len(ENGINES))]
                rd: dict[str, Any] = {"round": r + 1, "order": order,
                                      "load_average_1min": round(os.getloadavg()[0], 2)}
                outputs = {}
                for name in order:
                    out = tmp / f"{name}-{r}" / ("out.jsonl" if name == "jobs" else "out")
                    out.parent.mkdir()
                    rd[name] = measure(lambda clock, name=name, out=out: run_engine(
                        name, src, out, batch_size=args.batch_size, model=args.model, clock=clock), docs, words)
                    outputs[name] = jsonl_bytes(out)
                rd["identical_output"] = len(set(outputs.values())) == 1
                rd["ratios"] = round_ratios(rd)
                rounds.append(rd)
                print(f"ray_speed: round {r + 1}: {rd['ratios']} (load {rd['load_average_1min']})", file=sys.stderr)
            data["rounds"] = rounds
            data["medians"] = medians(rounds)
            data["serial_stage"] = serial_stage(texts, tmp, args.serial_factor) if args.serial_factor else None
    finally:
        if started:
            ray.shutdown()
    per_node = data["medians"].get("ray_2", {}).get("steady_words_per_s") or 0.0
    serial = (data["serial_stage"] or {}).get("words_per_s")
    data["cluster"] = {"per_node_words_per_s": per_node, "nodes": cluster(per_node, serial)}
    value = data["medians"]["ratios"].get("ray_over_jobs")
    data["target"] = {"target": f">= {TARGET}", "value": value, "met": value is not None and value >= TARGET}
    data["stamp"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    return data


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options (defaults: the full benchmark)."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", default=str(benchlib.RESULTS), help="results folder (ray.json)")
    p.add_argument("--splits", type=lambda v: v.split(","), default=list(benchlib.SPLITS))
    p.add_argument("--min-words", type=int, default=100_000, help="corpus size (the committed corpus repeated)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--cpus", type=int, default=CPUS, help="CPUs of the local Ray")
    p.add_argument("--model", help="model (default: the shipped one)")
    p.add_argument("--serial-factor", type=int, default=20, help="corpus repeats for the serial stage (0: skip)")
    p.add_argument("--no-render", action="store_true", help="do not rewrite RESULTS.md")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """``python benchmarks/ray_speed.py --out benchmarks/results``."""
    args = parse_args(argv)
    start = time.perf_counter()
    data = run(args)
    benchlib.finish("ray", data, start, Path(args.out), None if args.no_render else render_results.render)
    return 0


if __name__ == "__main__":
    sys.exit(main())
