"""Speed and cost benchmark (``make bench-speed``): throughput per stage, --jobs 2, load time, memory, scaling.

The fixed corpus is the committed corpus (``corpora/{train,dev,test}.jsonl``) repeated until it has at least
``--min-words`` words (100,000 by default: 3 repeats); each repeat is one timed run, and medians over the runs
are reported. Everything of one kind is measured in the same invocation, so ratios are within one run:

- eventex single process (in a fresh child process, so its peak RSS is its own): whole pipeline and each
  stage, timed by wrapping the Extractor's own stage objects (document → entities → resolver → normaliser →
  linker, the calls :meth:`Extractor.pipe` makes); then the scaling runs (1×, 4×, 16× a small base) and one
  long document (windows; no quadratic blow-up), and a cProfile of the pipeline;
- eventex with ``--jobs`` worker processes through the batch API (:func:`eventex.batch.parallel_map`, the
  code path of ``eventex extract --jobs``), timed after the workers have loaded; ``--cli`` also times the CLI;
- model load time (import + ``eventex.load()``) in fresh processes, and a cProfile of one load;
- baselines, once over the committed corpus (the texts of one eventex run) in 3 timed parts: en_core_web_sm's
  full pipeline, and ``transformers.pipeline("token-classification")`` over the same encoder (a
  BertForTokenClassification built from the shipped weights, same window length and stride; its head is
  untrained, so only its speed means anything).

Budget: about 9 minutes on 2 busy cores; the scaling runs use a small base (``--scale-base-words``) so that
16× stays affordable.

    python benchmarks/speed.py --out benchmarks/results
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import json
import math
import multiprocessing
import os
import pstats
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import benchlib

benchlib.setup_env()

if TYPE_CHECKING:
    from eventex.pipeline import Extractor
    from eventex.stages.document import Document

STAGES = ("document", "entities", "resolver", "normaliser", "linker")
LINKING = ("resolver", "normaliser", "linker")
TARGETS = {"words_per_s": 2500.0, "jobs_speedup": 1.7, "load_s": 3.0, "peak_rss_mb": 1536.0}
"""Whole pipeline ≥ 2,500 words/s single process, ≥ 1.7× that with 2 jobs, load < 3 s, peak RSS < 1.5 GiB."""


# --- stage timing -----------------------------------------------------------------------------------------


class StageClock:
    """Seconds spent in each stage."""

    def __init__(self) -> None:
        self.seconds = dict.fromkeys(STAGES, 0.0)

    def reset(self) -> None:
        """Back to zero."""
        self.seconds = dict.fromkeys(STAGES, 0.0)

    def timed(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        """``fn`` adding its run time to stage ``name``."""

        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - start

        return run


class _TimedDocumentStage:
    """The document stage with every step of its ``pipe`` generator timed."""

    def __init__(self, inner: Any, clock: StageClock) -> None:
        self.inner, self.clock = inner, clock

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        it = iter(self.inner.pipe(docs))
        while True:
            start = time.perf_counter()
            try:
                doc = next(it)
            except StopIteration:
                return
            finally:
                self.clock.seconds["document"] += time.perf_counter() - start
            yield doc

    def __call__(self, doc: Document) -> Document:
        return next(self.pipe([doc]))


class _TimedEntities:
    """The entity stage with ``pipe`` timed."""

    def __init__(self, inner: Any, clock: StageClock) -> None:
        self.inner, self.name = inner, inner.name
        self.pipe = clock.timed("entities", inner.pipe)


def timed_extractor(ex: Extractor) -> tuple[Extractor, StageClock]:
    """An Extractor over the same stage objects as ``ex``, each timed, and the clock that adds them up."""
    from eventex.pipeline import Extractor

    clock = StageClock()
    timed = Extractor(
        _TimedEntities(ex.entities, clock),  # type: ignore[arg-type]
        document=_TimedDocumentStage(ex.document, clock),  # type: ignore[arg-type]
        resolver=clock.timed("resolver", ex.resolver),  # type: ignore[arg-type]
        normaliser=clock.timed("normaliser", ex.normaliser),  # type: ignore[arg-type]
        linker=clock.timed("linker", ex.linker),  # type: ignore[arg-type]
        model_name=ex.model_name,
        model_version=ex.model_version,
    )
    return timed, clock


def rates(seconds: float, docs: int, words: int) -> dict[str, float]:
    """Documents, words, seconds, words/s and documents/s."""
    s = max(seconds, 1e-9)
    return {"docs": docs, "words": words, "seconds": round(seconds, 3), "words_per_s": round(words / s, 1),
            "docs_per_s": round(docs / s, 2)}


def run_pipeline(timed: Extractor, clock: StageClock, texts: Sequence[str], batch_size: int = 16) -> dict[str, Any]:
    """One timed pass of ``timed.pipe`` over ``texts``: whole-pipeline and per-stage rates."""
    clock.reset()
    words = sum(benchlib.words(t) for t in texts)
    start = time.perf_counter()
    n = sum(1 for _ in timed.pipe(texts, batch_size=batch_size))
    total = time.perf_counter() - start
    stages = {k: rates(v, n, words) for k, v in clock.seconds.items()}
    linking = sum(clock.seconds[k] for k in LINKING)
    stages["linking"] = rates(linking, n, words)
    other = total - sum(clock.seconds.values())
    return {**rates(total, n, words), "stages": stages, "other_seconds": round(other, 3)}


def summarise_runs(runs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Medians over runs of the whole-pipeline and per-stage rates."""
    out: dict[str, Any] = {
        "runs": len(runs),
        "docs": runs[0]["docs"] if runs else 0,
        "words": runs[0]["words"] if runs else 0,
        "seconds": [r["seconds"] for r in runs],
        "words_per_s": round(benchlib.median([r["words_per_s"] for r in runs]), 1),
        "docs_per_s": round(benchlib.median([r["docs_per_s"] for r in runs]), 2),
    }
    if runs and "stages" in runs[0]:
        whole = benchlib.median([r["seconds"] for r in runs])
        out["stages"] = {}
        for k in runs[0]["stages"]:
            secs = benchlib.median([r["stages"][k]["seconds"] for r in runs])
            out["stages"][k] = {
                "seconds": round(secs, 3),
                "share": round(secs / whole, 3) if whole else 0.0,
                "words_per_s": round(benchlib.median([r["stages"][k]["words_per_s"] for r in runs]), 1),
                "docs_per_s": round(benchlib.median([r["stages"][k]["docs_per_s"] for r in runs]), 2),
            }
    return out


# --- corpora ----------------------------------------------------------------------------------------------


def repeat_to(texts: Sequence[str], min_words: int) -> int:
    """How many repeats of ``texts`` reach ``min_words`` words."""
    words = sum(benchlib.words(t) for t in texts)
    return max(1, math.ceil(min_words / max(words, 1)))


def head_with_words(texts: Sequence[str], min_words: int) -> list[str]:
    """The first texts that together have at least ``min_words`` words."""
    out, n = [], 0
    for t in texts:
        if n >= min_words:
            break
        out.append(t)
        n += benchlib.words(t)
    return out


def long_document(texts: Sequence[str], min_words: int) -> str:
    """One document: ``texts`` joined by blank lines (cycling) until it has at least ``min_words`` words."""
    parts, n, i = [], 0, 0
    while n < min_words and texts:
        t = texts[i % len(texts)]
        parts.append(t.strip())
        n += benchlib.words(t)
        i += 1
    return "\n\n".join(parts)


# --- profiling --------------------------------------------------------------------------------------------


def profile_top(fn: Callable[[], Any], *, top: int = 15, sort: str = "tottime") -> str:
    """The ``top`` functions of a cProfile of ``fn()``, sorted by ``sort``, as text."""
    prof = cProfile.Profile()
    prof.enable()
    try:
        fn()
    finally:
        prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats(sort).print_stats(top)
    lines = buf.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    total = next((line.strip() for line in lines if "function calls" in line), "")
    root = str(benchlib.ROOT) + "/"
    site = [p for p in sys.path if p.endswith("site-packages")]
    body = [line.replace(root, "").replace(site[0] + "/" if site else "\0", "") for line in lines[start:] if line]
    return "\n".join([total, *body])


# --- single process (in a child) --------------------------------------------------------------------------


def single_process(
    texts: Sequence[str],
    *,
    runs: int = 3,
    batch_size: int = 16,
    scale_base_words: int = 1500,
    scale_factors: Sequence[int] = (1, 4, 16),
    long_words: Sequence[int] = (50_000,),
    profile_texts: Sequence[str] = (),
    extractor: Extractor | None = None,
) -> dict[str, Any]:
    """Load eventex (unless given), then the corpus runs, the scaling runs, long documents and a profile."""
    out: dict[str, Any] = {}
    if extractor is None:
        start = time.perf_counter()
        import eventex

        imported = time.perf_counter()
        extractor = eventex.load()
        out["import_seconds"] = round(imported - start, 3)
        out["load_seconds"] = round(time.perf_counter() - imported, 3)
    out["rss_after_load_mb"] = round(benchlib.peak_rss_mb(), 1)
    out["model"] = f"{extractor.model_name} {extractor.model_version}"
    timed, clock = timed_extractor(extractor)
    list(timed.pipe(texts[:2], batch_size=batch_size))  # warm-up (first-call allocations)
    per_run = [run_pipeline(timed, clock, texts, batch_size) for _ in range(runs)]
    out["corpus"] = {**summarise_runs(per_run), "per_run": per_run}
    out["peak_rss_mb"] = round(benchlib.peak_rss_mb(), 1)
    base = head_with_words(texts, scale_base_words)
    out["scaling"] = []
    for f in scale_factors:
        items = list(base) * f
        words = sum(benchlib.words(t) for t in items)
        reps = [run_pipeline(timed, clock, items, batch_size) for _ in range(3 if words < 5000 else 1)]
        out["scaling"].append({"factor": f, **summarise_runs(reps)})
    out["long_documents"] = []
    for n in long_words:
        doc = long_document(texts, n)
        r = run_pipeline(timed, clock, [doc], batch_size=1)
        long = {"target_words": n, "chars": len(doc), **summarise_runs([r])}
        out["long_documents"].append(long)
    out["peak_rss_after_long_mb"] = round(benchlib.peak_rss_mb(), 1)
    if profile_texts:
        out["profile"] = profile_top(lambda: list(extractor.pipe(profile_texts, batch_size=batch_size)))
        out["profile_words"] = sum(benchlib.words(t) for t in profile_texts)
    return out


def load_once(profile: bool = False) -> dict[str, Any]:
    """In a fresh process: seconds to import eventex and to ``eventex.load()``, RSS after (and a profile)."""
    start = time.perf_counter()
    import eventex

    imported = time.perf_counter()
    out: dict[str, Any] = {}
    if profile:
        out["profile"] = profile_top(eventex.load, sort="cumulative")
    else:
        eventex.load()
    done = time.perf_counter()
    out.update(import_seconds=round(imported - start, 3), load_seconds=round(done - imported, 3),
               rss_mb=round(benchlib.peak_rss_mb(), 1))
    return out


def in_child(fn: Callable[..., dict[str, Any]], *args: Any, **kwargs: Any) -> dict[str, Any]:
    """``fn(*args, **kwargs)`` in a fresh spawned process (own imports, own peak RSS)."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(fn, *args, **kwargs).result()


# --- worker processes -------------------------------------------------------------------------------------


def jobs_throughput(texts: Sequence[str], *, jobs: int = 2, runs: int = 3, batch_size: int = 16) -> dict[str, Any]:
    """Words/s with ``jobs`` workers of :func:`eventex.batch.parallel_map` (each loads the default model).

    The workers first get one short warm-up task each (they sleep a moment so that each worker takes one);
    then ``runs`` repeats of ``texts`` in batches; a run ends when its last batch's result comes back.
    """
    try:
        from eventex.batch import parallel_map
    except ImportError as e:
        return {"skipped": f"eventex.batch.parallel_map is not available: {e}"}
    batches = [list(texts[i : i + batch_size]) for i in range(0, len(texts), batch_size)]
    tasks: list[tuple[float, list[str]]] = [(2.0, ["Warm-up: Sergei Lavrov visited Havana."])] * jobs
    ends = []
    for _ in range(runs):
        tasks += [(0.0, b) for b in batches]
        ends.append(len(tasks) - 1)
    words = sum(benchlib.words(t) for t in texts)
    start = time.perf_counter()
    marks: list[float] = []
    rss: dict[int, float] = {}
    pids_warm: set[int] = set()
    for i, (_, pid, mb) in enumerate(parallel_map(None, benchlib.jobs_task, tasks, jobs)):
        rss[pid] = max(rss.get(pid, 0.0), mb)
        if i < jobs:
            pids_warm.add(pid)
        if i == jobs - 1 or i in ends:
            marks.append(time.perf_counter())
    per_run = [rates(b - a, len(texts), words) for a, b in itertools.pairwise(marks)]
    return {
        "jobs": jobs,
        "startup_seconds": round(marks[0] - start, 2),
        "warm_workers": len(pids_warm),
        "worker_peak_rss_mb": sorted(round(v, 1) for v in rss.values()),
        **summarise_runs(per_run),
        "overall": rates(marks[-1] - marks[0], len(texts) * runs, words * runs),
        "per_run": per_run,
    }


def cli_throughput(texts: Sequence[str], *, jobs: int = 2, batch_size: int = 16) -> dict[str, Any]:
    """``eventex extract IN.jsonl -o OUT.jsonl --jobs N``, timed end to end (start-up and loading included)."""
    exe = Path(sys.executable).with_name("eventex")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-c", "import sys; from eventex.cli import main; "
                                           "sys.exit(main())"]
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        src.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
        args = [*cmd, "extract", str(src), "-o", str(dst), "--jobs", str(jobs), "--batch-size", str(batch_size)]
        start = time.perf_counter()
        proc = subprocess.run(args, capture_output=True, text=True, env={**os.environ, **benchlib.OFFLINE_ENV})
        seconds = time.perf_counter() - start
        records = sum(1 for _ in dst.open()) if dst.exists() else 0
    out = {"jobs": jobs, "exit_code": proc.returncode, "records": records,
           **rates(seconds, len(texts), sum(benchlib.words(t) for t in texts))}
    if proc.returncode:
        out["stderr_tail"] = proc.stderr[-2000:]
    return out


# --- baselines --------------------------------------------------------------------------------------------


def split_parts(texts: Sequence[str], parts: int) -> list[list[str]]:
    """``texts`` cut into ``parts`` consecutive pieces of about equal word counts."""
    total = sum(benchlib.words(t) for t in texts)
    out: list[list[str]] = [[] for _ in range(max(1, parts))]
    seen = 0
    for t in texts:
        out[min(len(out) - 1, seen * len(out) // max(total, 1))].append(t)
        seen += benchlib.words(t)
    return [p for p in out if p]


def timed_parts(fn: Callable[[list[str]], int], texts: Sequence[str], parts: int = 3) -> dict[str, Any]:
    """Time ``fn`` (returning the documents done) on each part of ``texts``; overall and per-part rates."""
    per_part = []
    for part in split_parts(texts, parts):
        start = time.perf_counter()
        n = fn(part)
        per_part.append(rates(time.perf_counter() - start, n, sum(benchlib.words(t) for t in part)))
    overall = rates(sum(p["seconds"] for p in per_part), sum(p["docs"] for p in per_part),
                    sum(p["words"] for p in per_part))
    return {**overall, "parts": len(per_part),
            "median_part_words_per_s": round(benchlib.median([p["words_per_s"] for p in per_part]), 1),
            "per_part": per_part}


def spacy_baseline(texts: Sequence[str], *, parts: int = 3, batch_size: int = 16) -> dict[str, Any]:
    """en_core_web_sm's full pipeline (all components, NER included) once over ``texts``, in timed parts."""
    import spacy

    from eventex.stages.document import SPACY_MODEL

    start = time.perf_counter()
    nlp = spacy.load(SPACY_MODEL)
    load = time.perf_counter() - start
    result = timed_parts(lambda part: sum(1 for _ in nlp.pipe(part, batch_size=batch_size)), texts, parts)
    return {"model": SPACY_MODEL, "components": list(nlp.pipe_names), "load_seconds": round(load, 2), **result}


def build_hf_model(model_dir: Path, dest: Path) -> Path:
    """A HF BertForTokenClassification directory with the shipped encoder's weights (head untrained)."""
    import torch
    from safetensors.torch import load_file
    from transformers import AutoConfig, AutoModelForTokenClassification, AutoTokenizer

    manifest = json.loads((model_dir / "manifest.json").read_text())
    labels = manifest["labels"]
    config = AutoConfig.from_pretrained(
        model_dir, num_labels=len(labels), id2label=dict(enumerate(labels)),
        label2id={lab: i for i, lab in enumerate(labels)}, local_files_only=True,
    )
    torch.manual_seed(0)
    model = AutoModelForTokenClassification.from_config(config)
    prefix = model.base_model_prefix + "."
    state = {
        prefix + k.removeprefix("encoder."): v.float()
        for k, v in load_file(str(model_dir / "model.safetensors")).items()
        if k.startswith("encoder.") and ".pooler." not in k
    }
    missing, unexpected = model.load_state_dict(state, strict=False)
    if unexpected or any(not k.startswith("classifier.") for k in missing):
        raise ValueError(f"encoder weights do not fit: missing {missing}, unexpected {unexpected}")
    tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
    tokenizer.model_max_length = manifest["max_length"]  # the windows eventex uses
    model.save_pretrained(dest)
    tokenizer.save_pretrained(dest)
    return dest


def hf_baseline(texts: Sequence[str], *, parts: int = 3, batch_size: int = 16) -> dict[str, Any]:
    """``transformers.pipeline("token-classification")`` over the shipped encoder (same windows), once over
    ``texts`` in timed parts."""
    import torch
    from transformers import pipeline

    from eventex.loading import default_model_dir

    model_dir = default_model_dir()
    if model_dir is None:
        return {"skipped": "no shipped model directory"}
    stride = json.loads((model_dir / "manifest.json").read_text())["stride"]
    with tempfile.TemporaryDirectory() as tmp:
        path = build_hf_model(model_dir, Path(tmp))
        start = time.perf_counter()
        clf = pipeline("token-classification", model=str(path), aggregation_strategy="simple", stride=stride,
                       device=-1)
        load = time.perf_counter() - start
        result = timed_parts(lambda part: len(clf(part, batch_size=batch_size)), texts, parts)
    return {"model": f"BertForTokenClassification over {model_dir.name}'s encoder (untrained head)",
            "max_length": clf.tokenizer.model_max_length, "stride": stride, "torch_threads": torch.get_num_threads(),
            "load_seconds": round(load, 2), **result}


# --- main -------------------------------------------------------------------------------------------------


def targets(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each target with the measured value and whether it is met."""
    single = data["single"]["corpus"]["words_per_s"]
    out = {"words_per_s": {"target": f">= {TARGETS['words_per_s']:,.0f}", "value": single,
                           "met": single >= TARGETS["words_per_s"]}}
    jobs = data.get("jobs", {})
    if "words_per_s" in jobs:
        speedup = round(jobs["words_per_s"] / single, 2) if single else 0.0
        out["jobs_speedup"] = {"target": f">= {TARGETS['jobs_speedup']}x single", "value": speedup,
                               "met": speedup >= TARGETS["jobs_speedup"]}
    load = data["load"]["load_seconds"]
    out["load_s"] = {"target": f"< {TARGETS['load_s']}", "value": load, "met": load < TARGETS["load_s"]}
    rss = data["single"]["peak_rss_mb"]
    out["peak_rss_mb"] = {"target": f"< {TARGETS['peak_rss_mb']:,.0f}", "value": rss,
                          "met": rss < TARGETS["peak_rss_mb"]}
    return out


def ratios(data: dict[str, Any]) -> dict[str, float]:
    """Throughput ratios between measurements of the same invocation."""
    single = data["single"]["corpus"]
    out: dict[str, float] = {}

    def put(name: str, a: float | None, b: float | None) -> None:
        if a and b:
            out[name] = round(a / b, 3)

    jobs, sp, hf = data.get("jobs", {}), data.get("spacy", {}), data.get("hf", {})
    put("jobs_over_single", jobs.get("words_per_s"), single["words_per_s"])
    put("eventex_over_spacy_full", single["words_per_s"], sp.get("words_per_s"))
    put("eventex_over_hf_pipeline", single["words_per_s"], hf.get("words_per_s"))
    put("entity_stage_over_hf_pipeline", single["stages"]["entities"]["words_per_s"], hf.get("words_per_s"))
    put("document_stage_over_spacy_full", single["stages"]["document"]["words_per_s"], sp.get("words_per_s"))
    scaling = data["single"].get("scaling", [])
    if scaling:
        base = scaling[0]
        for s in scaling[1:]:
            put(f"time_{s['factor']}x_over_1x", benchlib.median(s["seconds"]), benchlib.median(base["seconds"]))
    for d in data["single"].get("long_documents", []):
        put(f"long_{d['target_words']}_words_per_s_over_corpus", d["words_per_s"], single["words_per_s"])
    return out


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Every speed measurement, as the dict written to ``speed.json``."""
    committed = benchlib.corpus_texts(args.splits)
    repeats = repeat_to(committed, args.min_words)
    committed_words = sum(benchlib.words(t) for t in committed)
    profile_texts = benchlib.corpus_texts(["dev"]) if args.profile else []
    data: dict[str, Any] = {
        "stamp": benchlib.stamp(),
        "settings": {
            "corpus": f"corpora/{{{','.join(args.splits)}}}.jsonl", "corpus_documents": len(committed),
            "corpus_words": committed_words, "repeats": repeats, "fixed_corpus_words": committed_words * repeats,
            "fixed_corpus_documents": len(committed) * repeats, "batch_size": args.batch_size,
            "scale_base_words": args.scale_base_words, "scale_factors": args.scale_factors,
            "long_words": args.long_words, "jobs": args.jobs,
        },
        "targets_spec": TARGETS,
    }
    step = _progress()
    loads = [in_child(load_once) for _ in range(args.load_runs)]
    data["load"] = {
        "runs": loads, "load_seconds": round(benchlib.median([x["load_seconds"] for x in loads]), 3),
        "import_seconds": round(benchlib.median([x["import_seconds"] for x in loads]), 3),
        "rss_mb": round(benchlib.median([x["rss_mb"] for x in loads]), 1),
    }
    step("load")
    if args.profile:
        data["load"]["profile"] = in_child(load_once, profile=True)["profile"]
        step("load profile")
    data["single"] = in_child(
        single_process, committed, runs=repeats, batch_size=args.batch_size,
        scale_base_words=args.scale_base_words, scale_factors=args.scale_factors, long_words=args.long_words,
        profile_texts=profile_texts,
    )
    step("single process")
    if args.jobs > 1:
        data["jobs"] = jobs_throughput(committed, jobs=args.jobs, runs=repeats, batch_size=args.batch_size)
        step(f"--jobs {args.jobs}")
    if args.cli:
        data["cli"] = cli_throughput(committed, jobs=args.jobs, batch_size=args.batch_size)
        step("CLI")
    if args.baselines:
        data["spacy"] = spacy_baseline(committed, parts=args.baseline_parts, batch_size=args.batch_size)
        step("spaCy baseline")
        data["hf"] = hf_baseline(committed, parts=args.baseline_parts, batch_size=args.batch_size)
        step("HF baseline")
    data["targets"] = targets(data)
    data["ratios"] = ratios(data)
    data["stamp"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    return data


def _progress() -> Callable[[str], None]:
    start = time.perf_counter()

    def step(name: str) -> None:
        print(f"speed: {name} done ({time.perf_counter() - start:.0f} s)", file=sys.stderr, flush=True)

    return step


def _ints(value: str) -> list[int]:
    return [int(x) for x in value.split(",") if x]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options (defaults: the full benchmark, about 8 minutes on 2 cores)."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", default=str(benchlib.RESULTS), help="results folder (speed.json, plots)")
    p.add_argument("--splits", type=lambda v: v.split(","), default=list(benchlib.SPLITS),
                   help="corpus splits making up the committed corpus (default train,dev,test)")
    p.add_argument("--min-words", type=int, default=100_000, help="fixed corpus size: repeats of the corpus")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--jobs", type=int, default=2, help="worker processes for the parallel measurement")
    p.add_argument("--load-runs", type=int, default=3, help="fresh processes timing eventex.load()")
    p.add_argument("--scale-base-words", type=int, default=1500, help="base of the 1x/4x/16x scaling runs")
    p.add_argument("--scale-factors", type=_ints, default=[1, 4, 16])
    p.add_argument("--long-words", type=_ints, default=[50_000], help="sizes of the single long documents")
    p.add_argument("--baseline-parts", type=int, default=3, help="timed parts of the baselines' one pass")
    p.add_argument("--no-baselines", dest="baselines", action="store_false", help="skip spaCy and HF baselines")
    p.add_argument("--no-profile", dest="profile", action="store_false", help="skip the cProfile runs")
    p.add_argument("--cli", action="store_true", help="also time `eventex extract --jobs N` on the corpus")
    p.add_argument("--no-render", action="store_true", help="do not rewrite RESULTS.md and the plots")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """``python benchmarks/speed.py --out benchmarks/results``."""
    args = parse_args(argv)
    start = time.perf_counter()
    data = run(args)
    data["seconds"] = round(time.perf_counter() - start, 1)
    out = Path(args.out)
    print(f"speed: wrote {benchlib.write_json(out / 'speed.json', data)} ({data['seconds']} s)", file=sys.stderr)
    if not args.no_render:
        import render_results

        render_results.render(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
