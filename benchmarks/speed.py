"""Speed and cost benchmark (``make bench-speed``): throughput per stage, --jobs 2, load time, memory, scaling.

The fixed corpus is the committed corpus (``corpora/{train,dev,test}.jsonl``, 35,280 words) repeated until
it has at least ``--min-words`` words (100,000: 3 repeats). The machine is shared and noisy, so the
measurements are interleaved in **rounds**, one per repeat; each round runs, back to back:

1. eventex in one process over the committed corpus: whole pipeline and each stage (the Extractor's own
   stage objects in :class:`eventex.stages.base.TimedStage`: parse → entities → resolve → normalize → link,
   reported under their earlier keys document, entities, resolver, normaliser, linker; parse and entities run
   at the same time in two threads, and a batch's linking while the next batch is parsed, so their seconds
   overlap);
2. eventex with ``--jobs`` worker processes set up as ``eventex extract --jobs`` sets them up (forkserver
   preloading :mod:`eventex.loading`, each worker loading the model with :func:`eventex.loading.loaded`), fed the
   same corpus in batches;
3. the baselines on one third of the committed corpus (so that over 3 rounds they see it once):
   en_core_web_sm's full pipeline, and ``transformers.pipeline("token-classification")`` over the same
   encoder (a BertForTokenClassification built from the shipped weights, same window length and stride; its
   head is untrained, so only its speed means anything).

Ratios are taken within a round and their median over rounds is reported, with the medians of the rates.
Every process stays loaded across rounds, and nothing else of ours runs while one of them is timed. The
single-process eventex lives in its own child (so its peak RSS is its own); after the rounds it also runs the
scaling runs (1×, 4×, 16× a small base), one long document (windows; no quadratic blow-up) and a cProfile.
Model load time is timed in fresh processes (import + ``eventex.load()``), plus one cProfile of a load.

    python benchmarks/speed.py --out benchmarks/results
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import math
import multiprocessing
import os
import pstats
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import adversarial
import benchlib
import render_results

benchlib.setup_env()

if TYPE_CHECKING:
    from eventex.pipeline import Extractor

STAGES = {"parse": "document", "entities": "entities", "resolve": "resolver", "normalize": "normaliser",
          "link": "linker"}
"""Stage name -> its key in the results (the keys of earlier runs, kept so that they compare)."""
LINKING = ("resolver", "normaliser", "linker")
TARGETS = {"words_per_s": 5000.0, "spacy_ratio": 1.0, "jobs_speedup": 1.7, "load_s": 3.0, "peak_rss_mb": 1536.0,
           "peak_rss_long_mb": 800.0}
"""Whole pipeline ≥ 5,000 words/s single process and ≥ 1.0× en_core_web_sm's full pipeline, ≥ 1.7× that with 2
jobs, load < 3 s, peak RSS < 1.5 GiB on the fixed corpus and ≤ 800 MiB after the 50,000-word document."""
CHECKS = {"linear_16x": 0.75, "long_document": 0.75, "process_scaling": 1.7, "adversarial_8x": 0.75,
          "adversarial_vs_prose": 0.3}
"""Expectations: words/s at 16× and on the long document at least this fraction of the 1× / corpus words/s; on
every adversarial input, chars/s at 8× at least 0.75 of chars/s at 1×, and at least 0.3 of prose chars/s."""


# --- stage timing -----------------------------------------------------------------------------------------


def timed_extractor(ex: Extractor) -> tuple[Extractor, dict[str, float]]:
    """An Extractor over the same stage objects as ``ex``, each in a :class:`TimedStage`, and the seconds spent
    in each stage (by stage name) that they add up."""
    from eventex.pipeline import Extractor
    from eventex.stages.base import TimedStage

    seconds: dict[str, float] = {}
    stages = [TimedStage(stage, seconds) for stage in ex.stages]
    return Extractor(stages, model_name=ex.model_name, model_version=ex.model_version), seconds


def rates(seconds: float, docs: int, words: int) -> dict[str, float]:
    """Documents, words, seconds, words/s and documents/s."""
    s = max(seconds, 1e-9)
    return {"docs": docs, "words": words, "seconds": round(seconds, 3), "words_per_s": round(words / s, 1),
            "docs_per_s": round(docs / s, 2)}


def run_pipeline(
    timed: Extractor, seconds: dict[str, float], texts: Sequence[str], batch_size: int = 16
) -> dict[str, Any]:
    """One timed pass of ``timed.pipe`` over ``texts``: whole-pipeline and per-stage rates."""
    seconds.clear()
    words = sum(benchlib.words(t) for t in texts)
    cpu, start = time.process_time(), time.perf_counter()
    n = sum(1 for _ in timed.pipe(texts, batch_size=batch_size))
    total = time.perf_counter() - start
    cpu = time.process_time() - cpu
    by_key = {key: seconds.get(name, 0.0) for name, key in STAGES.items()}
    stages = {k: rates(v, n, words) for k, v in by_key.items()}
    linking = sum(by_key[k] for k in LINKING)
    stages["linking"] = rates(linking, n, words)
    other = total - sum(by_key.values())
    return {**rates(total, n, words), "cpu_per_wall": round(cpu / max(total, 1e-9), 2), "stages": stages,
            "other_seconds": round(other, 3)}


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
    if runs and "cpu_per_wall" in runs[0]:
        out["cpu_per_wall"] = round(benchlib.median([r["cpu_per_wall"] for r in runs]), 2)
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


def profile_top(fn: Callable[[], Any], *, top: int = 15, sort: str = "tottime",
                done: Callable[[], Any] | None = None) -> str:
    """The ``top`` functions of a cProfile of ``fn()``, sorted by ``sort``, as text: this thread's and those of the
    threads started meanwhile (``done`` ends them, e.g. the entity head's lanes, before their profiles are read)."""
    profs = [cProfile.Profile()]

    def start_thread(*_: Any) -> None:  # a thread's first event: profile it from here on
        profs.append(cProfile.Profile())
        profs[-1].enable()

    threading.setprofile(start_thread)
    profs[0].enable()
    try:
        fn()
    finally:
        profs[0].disable()
        threading.setprofile(None)
        if done is not None:
            done()
    buf = io.StringIO()
    stats = pstats.Stats(profs[0], stream=buf)
    for prof in profs[1:]:
        prof.create_stats()
        if prof.stats:
            stats.add(prof)
    stats.sort_stats(sort).print_stats(top * 4)
    lines = buf.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    total = next((line.strip() for line in lines if "function calls" in line), "")
    root = str(benchlib.ROOT) + "/"
    site = [p for p in sys.path if p.endswith("site-packages")]
    skip = ("<frozen ", "{built-in method builtins.",  # import machinery: it only wraps the real work
            "of '_queue.SimpleQueue' objects}", "of '_thread.lock' objects}")  # a thread idle, waiting for work
    body = [line.replace(root, "").replace(site[0] + "/" if site else "\0", "") for line in lines[start + 1 :]
            if line and not any(x in line for x in skip)]
    return "\n".join([total, lines[start] if lines else "", *body[:top]])

# --- eventex in one process -------------------------------------------------------------------------------


class EventexRunner:
    """The loaded pipeline with timed stages: corpus runs, scaling runs, long documents, a profile."""

    def __init__(self, extractor: Extractor | None = None, batch_size: int = 16) -> None:
        self.info: dict[str, Any] = {}
        if extractor is None:
            start = time.perf_counter()
            import eventex

            imported = time.perf_counter()
            extractor = eventex.load()
            self.info = {"import_seconds": round(imported - start, 3),
                         "load_seconds": round(time.perf_counter() - imported, 3)}
        self.info["rss_after_load_mb"] = round(benchlib.peak_rss_mb(), 1)
        self.info["model"] = f"{extractor.model_name} {extractor.model_version}"
        self.extractor, self.batch_size = extractor, batch_size
        self.timed, self.seconds = timed_extractor(extractor)

    def corpus_run(self, texts: Sequence[str]) -> dict[str, Any]:
        """One timed pass over ``texts`` (whole pipeline and stages), with the peak RSS after it."""
        return {**run_pipeline(self.timed, self.seconds, texts, self.batch_size),
                "peak_rss_mb": round(benchlib.peak_rss_mb(), 1)}

    def extras(
        self,
        texts: Sequence[str],
        *,
        scale_base_words: int = 1000,
        scale_factors: Sequence[int] = (1, 4, 16),
        long_words: Sequence[int] = (50_000,),
        profile_texts: Sequence[str] = (),
        adversarial_scale: float = 0.0,
        adversarial_factor: int = 8,
    ) -> dict[str, Any]:
        """Scaling runs (base × factor; a base under 2,000 words is run 3 times), long documents, the adversarial
        suite (with ``adversarial_scale`` > 0), a profile."""
        out: dict[str, Any] = {"scaling": [], "long_documents": []}
        base = head_with_words(texts, scale_base_words)
        for f in scale_factors:
            items = list(base) * f
            words = sum(benchlib.words(t) for t in items)
            runs = 3 if words < 2000 else 1
            reps = [run_pipeline(self.timed, self.seconds, items, self.batch_size) for _ in range(runs)]
            out["scaling"].append({"factor": f, **summarise_runs(reps)})
        for n in long_words:
            doc = long_document(texts, n)
            r = run_pipeline(self.timed, self.seconds, [doc], batch_size=1)
            out["long_documents"].append({"target_words": n, "chars": len(doc), **summarise_runs([r])})
        out["peak_rss_after_long_mb"] = round(benchlib.peak_rss_mb(), 1)
        if adversarial_scale > 0:
            out["adversarial"] = self.adversarial(adversarial_scale, adversarial_factor)
        if profile_texts:
            from eventex.pipeline import Extractor

            ex, bs = Extractor(self.extractor.stages, model_name=self.extractor.model_name), self.batch_size
            ex.waves = [(stage,) for stage in ex.stages]  # one stage at a time
            close = getattr(ex.entities, "close", None)
            if close is not None:  # the head's lanes started anew, so that cProfile sees their threads
                close()
            out["profile"] = profile_top(lambda: list(ex.pipe(profile_texts, batch_size=bs)), done=close)
            out["profile_words"] = sum(benchlib.words(t) for t in profile_texts)
        return out


    def adversarial(self, scale: float = 2.0, factor: int = 8, repeats: int = 3,
                    classes: Sequence[str] = tuple(adversarial.INPUTS)) -> dict[str, Any]:
        """Each adversarial input at its base size × ``scale`` and ``factor`` times that (best of ``repeats``):
        chars/s, the rate ratio (large ÷ small) and the large input's chars/s ÷ prose chars/s."""
        rows = [adversarial.growth(self.extractor, name, max(1, round(adversarial.BASE[name] * scale)), factor,
                                   repeats) for name in classes]
        chars = max((r["large"]["chars"] for r in rows), default=1000)
        prose = adversarial.best_of(self.extractor, adversarial.prose, chars, repeats)
        for r in rows:
            r["vs_prose"] = round(r["large"]["chars_per_s"] / max(prose["chars_per_s"], 1e-9), 3)
        return {"scale": scale, "factor": factor, "repeats": repeats, "prose": prose, "inputs": rows}


_RUNNER: EventexRunner | None = None


def child_start(batch_size: int = 16) -> dict[str, Any]:
    """In the single-process child: load eventex (timed) and keep it for :func:`child_call`."""
    global _RUNNER
    _RUNNER = EventexRunner(batch_size=batch_size)
    return _RUNNER.info


def child_call(method: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """In the single-process child: a method of the loaded :class:`EventexRunner`."""
    assert _RUNNER is not None, "child_start first"
    return getattr(_RUNNER, method)(*args, **kwargs)


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


def spawn_pool(workers: int = 1) -> ProcessPoolExecutor:
    """A pool of fresh spawned processes (own imports, own peak RSS)."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


def in_child(fn: Callable[..., dict[str, Any]], *args: Any, **kwargs: Any) -> dict[str, Any]:
    """``fn(*args, **kwargs)`` in a fresh spawned process."""
    with spawn_pool() as pool:
        return pool.submit(fn, *args, **kwargs).result()


# --- worker processes -------------------------------------------------------------------------------------


def _init_jobs_worker(threads: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from eventex.loading import loaded

    loaded(None, threads)


class JobsPool:
    """``jobs`` worker processes as ``eventex extract --jobs`` starts them, kept loaded across rounds."""

    def __init__(self, jobs: int = 2, threads: int | None = None) -> None:
        self.jobs = jobs
        ctx = multiprocessing.get_context("spawn")
        if "forkserver" in multiprocessing.get_all_start_methods():
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["eventex.loading"])
        start = time.perf_counter()
        from eventex.parallel import worker_threads

        self.threads = threads or worker_threads(jobs)
        self.pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_jobs_worker, initargs=(self.threads,))
        # one warm-up task per worker: each sleeps, so that a worker cannot take two
        warm = [self.pool.submit(benchlib.jobs_task, (2.0, ["Sergei Lavrov visited Havana."])) for _ in range(jobs)]
        self.rss: dict[int, float] = {}
        self.warm_workers = len({self._note(f.result()) for f in warm})
        self.startup_seconds = round(time.perf_counter() - start - 2.0, 2)

    def _note(self, result: tuple[int, int, float, float]) -> int:
        _, pid, mb, _ = result
        self.rss[pid] = max(self.rss.get(pid, 0.0), mb)
        return pid

    def run(self, texts: Sequence[str], batch_size: int = 16) -> dict[str, Any]:
        """One timed pass over ``texts`` in batches spread over the workers (with their CPU seconds).

        Batches are small enough for every worker to get at least four, so that a short corpus does not leave a
        worker idle at the end (66 texts in batches of 16 would split 3:2 between two workers).
        """
        size = max(1, min(batch_size, -(-len(texts) // (4 * self.jobs))))
        batches = [(0.0, list(texts[i : i + size])) for i in range(0, len(texts), size)]
        cpu, start = 0.0, time.perf_counter()
        for result in self.pool.map(benchlib.jobs_task, batches):
            self._note(result)
            cpu += result[3]
        wall = time.perf_counter() - start
        out = rates(wall, len(texts), sum(benchlib.words(t) for t in texts))
        return {**out, "cpu_per_wall": round(cpu / max(wall, 1e-9), 2)}

    def close(self) -> None:
        """Stop the workers."""
        self.pool.shutdown(wait=True, cancel_futures=True)


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


class SpacyBaseline:
    """en_core_web_sm's full pipeline (all components, NER included)."""

    def __init__(self, batch_size: int = 16) -> None:
        import spacy

        from eventex.stages.parse import SPACY_MODEL

        start = time.perf_counter()
        self.nlp = spacy.load(SPACY_MODEL)
        self.batch_size = batch_size
        self.info = {"model": SPACY_MODEL, "components": list(self.nlp.pipe_names),
                     "load_seconds": round(time.perf_counter() - start, 2)}

    def run(self, texts: Sequence[str]) -> dict[str, Any]:
        """One timed pass over ``texts``."""
        start = time.perf_counter()
        n = sum(1 for _ in self.nlp.pipe(texts, batch_size=self.batch_size))
        return rates(time.perf_counter() - start, n, sum(benchlib.words(t) for t in texts))


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


class HFBaseline:
    """``transformers.pipeline("token-classification")`` over the shipped encoder, same windows (stride)."""

    def __init__(self, batch_size: int = 16) -> None:
        import torch
        from transformers import pipeline

        from eventex.models import find_model

        model_dir = find_model().path
        stride = json.loads((model_dir / "manifest.json").read_text())["stride"]
        with tempfile.TemporaryDirectory() as tmp:
            path = build_hf_model(model_dir, Path(tmp))
            start = time.perf_counter()
            self.clf = pipeline("token-classification", model=str(path), aggregation_strategy="simple",
                                stride=stride, device=-1)
            load = time.perf_counter() - start
        self.batch_size = batch_size
        self.info = {"model": f"BertForTokenClassification over {model_dir.name}'s encoder (untrained head)",
                     "max_length": self.clf.tokenizer.model_max_length, "stride": stride,
                     "torch_threads": torch.get_num_threads(), "load_seconds": round(load, 2)}

    def run(self, texts: Sequence[str]) -> dict[str, Any]:
        """One timed pass over ``texts``."""
        start = time.perf_counter()
        n = len(self.clf(list(texts), batch_size=self.batch_size))
        return rates(time.perf_counter() - start, n, sum(benchlib.words(t) for t in texts))


# --- rounds, targets, ratios ------------------------------------------------------------------------------


def round_ratios(rd: dict[str, Any]) -> dict[str, float]:
    """Throughput ratios within one round."""
    single = rd["single"]
    pairs = {
        "jobs_over_single": (rd.get("jobs"), single),
        "jobs_over_one_worker": (rd.get("jobs"), rd.get("one_worker")),
        "eventex_over_spacy_full": (single, rd.get("spacy")),
        "eventex_over_hf_pipeline": (single, rd.get("hf")),
        "entity_stage_over_hf_pipeline": (single["stages"]["entities"], rd.get("hf")),
        "document_stage_over_spacy_full": (single["stages"]["document"], rd.get("spacy")),
    }
    return {k: round(a["words_per_s"] / b["words_per_s"], 3) for k, (a, b) in pairs.items()
            if a and b and b["words_per_s"]}


def summarise_parts(info: dict[str, Any], parts: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A baseline's one pass (made of per-round parts): overall rates and the parts."""
    overall = rates(sum(p["seconds"] for p in parts), sum(p["docs"] for p in parts), sum(p["words"] for p in parts))
    return {**info, **overall, "parts": len(parts), "per_part": list(parts),
            "median_part_words_per_s": round(benchlib.median([p["words_per_s"] for p in parts]), 1)}


def targets(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each target (and expectation) with the measured value and whether it is met."""
    single = data["single"]["corpus"]["words_per_s"]
    out = {"words_per_s": {"target": f">= {TARGETS['words_per_s']:,.0f}", "value": single,
                           "met": single >= TARGETS["words_per_s"]}}
    spacy_ratio = data.get("ratios", {}).get("eventex_over_spacy_full")
    if spacy_ratio is not None:
        out["spacy_ratio"] = {"target": f">= {TARGETS['spacy_ratio']}x", "value": spacy_ratio,
                              "met": spacy_ratio >= TARGETS["spacy_ratio"]}
    speedup = data.get("ratios", {}).get("jobs_over_single")
    if speedup is not None:
        out["jobs_speedup"] = {"target": f">= {TARGETS['jobs_speedup']}x", "value": speedup,
                               "met": speedup >= TARGETS["jobs_speedup"]}
    scaling_ratio = data.get("ratios", {}).get("jobs_over_one_worker")
    if scaling_ratio is not None:
        out["process_scaling"] = {"target": f">= {CHECKS['process_scaling']}x", "value": scaling_ratio,
                                  "met": scaling_ratio >= CHECKS["process_scaling"]}
    load = data["load"]["load_seconds"]
    out["load_s"] = {"target": f"< {TARGETS['load_s']}", "value": load, "met": load < TARGETS["load_s"]}
    rss = data["single"]["peak_rss_mb"]
    out["peak_rss_mb"] = {"target": f"< {TARGETS['peak_rss_mb']:,.0f}", "value": rss,
                          "met": rss < TARGETS["peak_rss_mb"]}
    long_rss = data["single"].get("peak_rss_after_long_mb")
    if long_rss and data["single"].get("long_documents"):
        out["peak_rss_long_mb"] = {"target": f"<= {TARGETS['peak_rss_long_mb']:,.0f}", "value": long_rss,
                                   "met": long_rss <= TARGETS["peak_rss_long_mb"]}
    scaling = data["single"].get("scaling", [])
    if len(scaling) > 1:
        frac = round(scaling[-1]["words_per_s"] / scaling[0]["words_per_s"], 3) if scaling[0]["words_per_s"] else 0
        out["linear_16x"] = {"target": f">= {CHECKS['linear_16x']}", "value": frac, "met": frac >= CHECKS["linear_16x"]}
    for d in data["single"].get("long_documents", [])[-1:]:
        frac = round(d["words_per_s"] / single, 3) if single else 0.0
        out["long_document"] = {"target": f">= {CHECKS['long_document']}", "value": frac,
                                "met": frac >= CHECKS["long_document"]}
    adv = data["single"].get("adversarial")
    if adv and adv["inputs"]:
        for key, field in (("adversarial_8x", "rate_ratio"), ("adversarial_vs_prose", "vs_prose")):
            worst = min(adv["inputs"], key=lambda r: r[field])
            out[key] = {"target": f">= {CHECKS[key]}", "value": worst[field], "input": worst["input"],
                        "met": worst[field] >= CHECKS[key]}
    return out


def ratios(data: dict[str, Any]) -> dict[str, float]:
    """Medians over rounds of the within-round ratios, and the scaling ratios."""
    rounds = data.get("rounds", [])
    out: dict[str, float] = {}
    for k in {k for rd in rounds for k in rd["ratios"]}:
        out[k] = round(benchlib.median([rd["ratios"][k] for rd in rounds if k in rd["ratios"]]), 3)
    scaling = data["single"].get("scaling", [])
    if scaling:
        base = benchlib.median(scaling[0]["seconds"])
        for s in scaling[1:]:
            if base:
                out[f"time_{s['factor']}x_over_1x"] = round(benchlib.median(s["seconds"]) / base, 3)
    for d in data["single"].get("long_documents", []):
        if data["single"]["corpus"]["words_per_s"]:
            out[f"long_{d['target_words']}_words_per_s_over_corpus"] = round(
                d["words_per_s"] / data["single"]["corpus"]["words_per_s"], 3
            )
    return dict(sorted(out.items()))


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Every speed measurement, as the dict written to ``speed.json``."""
    committed = benchlib.corpus_texts(args.splits)
    repeats = repeat_to(committed, args.min_words)
    committed_words = sum(benchlib.words(t) for t in committed)
    parts = split_parts(committed, repeats)
    data: dict[str, Any] = {
        "stamp": benchlib.stamp(),
        "settings": {
            "corpus": f"corpora/{{{','.join(args.splits)}}}.jsonl", "corpus_documents": len(committed),
            "corpus_words": committed_words, "repeats": repeats, "fixed_corpus_words": committed_words * repeats,
            "fixed_corpus_documents": len(committed) * repeats, "batch_size": args.batch_size,
            "scale_base_words": args.scale_base_words, "scale_factors": args.scale_factors,
            "long_words": args.long_words, "jobs": args.jobs, "baselines": args.baselines,
            "adversarial_scale": args.adversarial_scale, "adversarial_factor": args.adversarial_factor,
        },
        "targets_spec": TARGETS,
        "checks_spec": CHECKS,
    }
    step = _progress()
    loads = [in_child(load_once) for _ in range(max(0, args.load_runs - 1))]
    profile = in_child(load_once, profile=True)["profile"] if args.profile else None
    step("load")
    rounds: list[dict[str, Any]] = []
    with spawn_pool() as child:
        info = child.submit(child_start, args.batch_size).result()
        loads.append({k: info[k] for k in ("import_seconds", "load_seconds")} | {"rss_mb": info["rss_after_load_mb"]})
        step("single-process child loaded")
        jobs = JobsPool(args.jobs) if args.jobs > 1 else None
        one = JobsPool(1, threads=jobs.threads) if jobs else None  # process scaling at equal threads per worker
        try:
            step(f"{args.jobs} workers loaded" if jobs else "no workers")
            spacy_b = SpacyBaseline(args.batch_size) if args.baselines else None
            hf_b = HFBaseline(args.batch_size) if args.baselines else None
            for r in range(repeats):
                rd: dict[str, Any] = {"round": r + 1, "load_average_1min": round(os.getloadavg()[0], 2)}
                rd["single"] = child.submit(child_call, "corpus_run", committed).result()
                if jobs and one:
                    rd["jobs"] = jobs.run(committed, args.batch_size)
                    rd["one_worker"] = one.run(committed, args.batch_size)
                if spacy_b and hf_b:
                    rd["spacy"] = spacy_b.run(parts[r])
                    rd["hf"] = hf_b.run(parts[r])
                rd["ratios"] = round_ratios(rd)
                rounds.append(rd)
                step(f"round {r + 1}: {rd['single']['words_per_s']:,.0f} words/s (1 process)")
        finally:
            for pool in (jobs, one):
                if pool:
                    pool.close()
        profile_texts = speed_profile_texts(args)
        extras = child.submit(
            child_call, "extras", committed, scale_base_words=args.scale_base_words,
            scale_factors=args.scale_factors, long_words=args.long_words, profile_texts=profile_texts,
            adversarial_scale=args.adversarial_scale, adversarial_factor=args.adversarial_factor,
        ).result()
        step("scaling, long documents, profile")
    single_runs = [rd["single"] for rd in rounds]
    data["single"] = {
        **info, "corpus": {**summarise_runs(single_runs), "per_run": single_runs},
        "peak_rss_mb": max(r["peak_rss_mb"] for r in single_runs), **extras,
    }
    data["load"] = {
        "runs": loads, "load_seconds": round(benchlib.median([x["load_seconds"] for x in loads]), 3),
        "import_seconds": round(benchlib.median([x["import_seconds"] for x in loads]), 3),
        "rss_mb": round(benchlib.median([x["rss_mb"] for x in loads]), 1), "profile": profile,
    }
    if jobs:
        job_runs = [rd["jobs"] for rd in rounds]
        data["jobs"] = {"jobs": args.jobs, "startup_seconds": jobs.startup_seconds, "warm_workers": jobs.warm_workers,
                        "worker_peak_rss_mb": sorted(round(v, 1) for v in jobs.rss.values()),
                        **summarise_runs(job_runs), "per_run": job_runs}
    if spacy_b and hf_b:
        data["spacy"] = summarise_parts(spacy_b.info, [rd["spacy"] for rd in rounds])
        data["hf"] = summarise_parts(hf_b.info, [rd["hf"] for rd in rounds])
    data["rounds"] = [{k: v for k, v in rd.items() if k != "single"} | {
        "single_words_per_s": rd["single"]["words_per_s"], "single_cpu_per_wall": rd["single"]["cpu_per_wall"]}
        for rd in rounds]
    if args.cli:
        data["cli"] = cli_throughput(committed, jobs=args.jobs, batch_size=args.batch_size)
        step("CLI")
    data["ratios"] = ratios(data)
    data["targets"] = targets(data)
    data["stamp"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    return data


def speed_profile_texts(args: argparse.Namespace) -> list[str]:
    """The texts profiled with cProfile: the first dev documents with ≥ ``--profile-words`` words."""
    return head_with_words(benchlib.corpus_texts(["dev"]), args.profile_words) if args.profile else []


def _progress() -> Callable[[str], None]:
    start = time.perf_counter()

    def step(name: str) -> None:
        print(f"speed: {name} ({time.perf_counter() - start:.0f} s)", file=sys.stderr, flush=True)

    return step


def _ints(value: str) -> list[int]:
    return [int(x) for x in value.split(",") if x]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options (defaults: the full benchmark)."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", default=str(benchlib.RESULTS), help="results folder (speed.json, plots)")
    p.add_argument("--splits", type=lambda v: v.split(","), default=list(benchlib.SPLITS),
                   help="corpus splits making up the committed corpus (default train,dev,test)")
    p.add_argument("--min-words", type=int, default=100_000, help="fixed corpus size: repeats (rounds) of the corpus")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--jobs", type=int, default=2, help="worker processes for the parallel measurement")
    p.add_argument("--load-runs", type=int, default=3, help="load-time samples (fresh processes)")
    p.add_argument("--scale-base-words", type=int, default=1000, help="base of the 1x/4x/16x scaling runs")
    p.add_argument("--scale-factors", type=_ints, default=[1, 4, 16])
    p.add_argument("--long-words", type=_ints, default=[50_000], help="sizes of the single long documents")
    p.add_argument("--profile-words", type=int, default=2000, help="words of dev documents profiled")
    p.add_argument("--adversarial-scale", type=float, default=2.0,
                   help="base sizes of the adversarial inputs × this (0: skip the suite)")
    p.add_argument("--adversarial-factor", type=int, default=8, help="large size of each adversarial input / small")
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
    benchlib.finish("speed", data, start, Path(args.out), None if args.no_render else render_results.render)
    return 0


if __name__ == "__main__":
    sys.exit(main())
