"""Soak benchmark: ``eventex extract --jobs 2`` over generated documents with faults, killed and resumed.

The documents (10,000 by default) are paragraphs of the committed corpora (``corpora/*.jsonl``,
``corpora/news/*.jsonl``) recombined, a few short adversarial texts (the growth suite's classes,
``benchmarks/adversarial.py``, and a few more), and 10% faulty records of every kind the batch docs list (at least
one of each), spread over JSONL shards, ``.txt`` directories and empty directories.
The same inputs are extracted twice: once uninterrupted (sampling the RSS of all the run's processes), once
killed with SIGKILL (the whole process group) at three random moments and continued with ``--resume`` each time.

Checks: the resumed output is byte-identical to the uninterrupted one (the resume contract keeps input order);
exactly one record per input, ids in input order; the error records match the injected faults one for one; the
RSS stays flat (median over the last tenth of the run ≤ 1.1× the median over the first tenth, after the first
10% of the documents). Writes ``soak.json`` to ``--out`` (and re-renders RESULTS.md unless ``--no-render``);
exits 1 when a check fails.

Not injected: a model exception for one document (nothing in the inputs can make the model raise), and
``PermissionError`` when run as root (file permissions do not apply to root).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import adversarial
import benchlib

PARAGRAPH_MIN_CHARS = 40
FAULT_SHARE = 0.10
ADVERSARIAL_SHARE = 0.01
SHARDS = 5
KILLS = 3
WARM_UP_SHARE = 0.10
RSS_LIMIT = 1.10


@dataclass
class Doc:
    """One generated input: where it goes (a JSONL line, a .txt file, an empty directory) and what it should give.

    ``record_id`` is the record's own id (None: the output id is the input position); ``error`` is the error
    kind its output record must have (None: a result record).
    """

    container: str
    payload: bytes = b""
    record_id: str | None = None
    error: str | None = None
    kind: str = "prose"


# ------------------------------------------------------------------------------------------------- texts


def paragraphs() -> list[tuple[str, str | None]]:
    """Every paragraph of the committed corpora, with its document's publication date."""
    out = []
    for path in sorted(benchlib.CORPORA.glob("*.jsonl")) + sorted((benchlib.CORPORA / "news").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            out += [(p.strip(), doc.get("published")) for p in doc["text"].split("\n\n")
                    if len(p.strip()) >= PARAGRAPH_MIN_CHARS]
    return out


def prose(rng: random.Random, paras: Sequence[tuple[str, str | None]]) -> tuple[str, str | None]:
    """One to four paragraphs from anywhere in the corpora, sometimes cut short, with one of their dates."""
    picked = rng.sample(paras, rng.randint(1, 4))
    text = rng.choice(["\n\n", "\n", " "]).join(p for p, _ in picked)
    if rng.random() < 0.2:
        text = text[: rng.randint(PARAGRAPH_MIN_CHARS, len(text))]
    published = rng.choice([d for _, d in picked] + [None])
    if published and rng.random() < 0.2:
        published += "T09:30:00Z"
    return text, published


MORE_ADVERSARIAL: dict[str, tuple[Callable[[int], str], int]] = {
    "unbalanced_quotes": (lambda n: ' "Moscow said' * n, 160),
    "one_long_sentence": (lambda n: " ".join(["Russia sold weapons to Venezuela and"] * n), 60),
    "html_markup": (lambda n: "<html><body>" + "<div><p>Putin visited Beijing.</p></div>" * n, 40),
    "control_characters": (lambda n: "Russia\u200b sold\u202e arms\x00 to\x07 Syria. " * n, 40),
    "digits": (lambda n: "1234567890 " * n, 300),
    "one_long_word": (lambda n: "a" * n, 8000),
    "blank_lines": (lambda n: "\n" * n + "Putin visited Paris.", 4000),
}
"""Hostile texts beyond the growth suite's (``adversarial.INPUTS``): class -> (text of size n, base size)."""
ADVERSARIAL_SIZE = (0.1, 0.5)
"""Adversarial texts are 10-50% of their class's base size (the growth tests time the full sizes): short, so that
they test robustness without stalling the run."""


def adversarial_text(rng: random.Random) -> tuple[str, str]:
    """A short hostile text of a random class: (class, text)."""
    classes = {name: (make, adversarial.BASE[name]) for name, make in adversarial.INPUTS.items()}
    classes |= MORE_ADVERSARIAL
    kind = rng.choice(sorted(classes))
    make, base = classes[kind]
    return kind, make(max(1, round(base * rng.uniform(*ADVERSARIAL_SIZE))))


# ------------------------------------------------------------------------------------------------- faults


def _line(record: object) -> bytes:
    return json.dumps(record).encode()


FAULTS: dict[str, tuple[str, str, Callable[[random.Random, str, str, int], Doc]]] = {
    # name: (error kind, container, make(rng, record id, a prose text, max_chars))
    "not UTF-8 (JSONL)": ("UnicodeDecodeError", "jsonl",
                          lambda r, i, t, m: Doc("jsonl", b'{"id": "x", "text": "Caf\xe9 in Moscow"}')),
    "lone surrogate": ("UnicodeDecodeError", "jsonl",
                       lambda r, i, t, m: Doc("jsonl", _line({"id": i, "text": t[:80] + "\ud800"}), i)),
    "not UTF-8 (.txt)": ("UnicodeDecodeError", "txt",
                         lambda r, i, t, m: Doc("txt", "Café in Moscow".encode("latin-1"))),
    "not JSON": ("JSONDecodeError", "jsonl",
                 lambda r, i, t, m: Doc("jsonl", _line({"id": i, "text": t})[: r.randint(5, 40)])),
    "not an object": ("TypeError", "jsonl",
                      lambda r, i, t, m: Doc("jsonl", _line(r.choice([[1, 2], "a text", 42, None])))),
    "text not a string": ("TypeError", "jsonl",
                          lambda r, i, t, m: Doc("jsonl", _line({"id": i, "text": r.choice([42, [t], {"t": t}])}), i)),
    "no text": ("MissingField", "jsonl",
                lambda r, i, t, m: Doc("jsonl", _line({"id": i, **r.choice([{"body": t}, {"text": None}])}), i)),
    "no id": ("MissingField", "jsonl", lambda r, i, t, m: Doc("jsonl", _line({"text": t}))),
    "empty text": ("EmptyText", "jsonl",
                   lambda r, i, t, m: Doc("jsonl", _line({"id": i, "text": r.choice(["", " ", "\n\t "])}), i)),
    "empty file": ("EmptyText", "txt", lambda r, i, t, m: Doc("txt", b"")),
    "too long": ("TextTooLong", "jsonl", lambda r, i, t, m: Doc(
        "jsonl", _line({"id": i, "text": (t + " ") * (m // (len(t) + 1) + 1) + "x" * r.randint(1, 500)}), i)),
    "bad date": ("ValueError", "jsonl", lambda r, i, t, m: Doc(
        "jsonl", _line({"id": i, "text": t, "published": r.choice(["2010-13-45", "yesterday", "10/03/2010"])}), i)),
    "duplicate id": ("DuplicateId", "jsonl", lambda r, i, t, m: Doc("jsonl", _line({"id": i, "text": t}), i)),
    "link outside": ("OutsideInput", "txt", lambda r, i, t, m: Doc("txt", t.encode())),
    "empty directory": ("NoInputFiles", "empty", lambda r, i, t, m: Doc("empty")),
    "unreadable file": ("PermissionError", "txt", lambda r, i, t, m: Doc("txt", t.encode())),
}
"""Every error kind of the batch docs (``eventex.io.records``), in each input where it can arise."""


def fault_names() -> list[str]:
    """The faults this process can inject (no unreadable file as root: root reads it anyway)."""
    return [name for name in FAULTS if name != "unreadable file" or os.geteuid() != 0]


def generate(n: int, seed: int, max_chars: int) -> list[Doc]:
    """``n`` documents: prose, adversarial texts and faults. The first is a JSONL result record, so that every
    duplicate id has an earlier id to repeat; result records are ``doc-NNNNN`` by position."""
    rng = random.Random(seed)
    paras = paragraphs()
    names = fault_names()
    n_faults = max(round(n * FAULT_SHARE), len(names))
    n_adversarial = max(1, round(n * ADVERSARIAL_SHARE))
    plan = [names[k % len(names)] for k in range(n_faults)] + ["adversarial"] * n_adversarial
    plan += ["prose"] * (n - 1 - len(plan))
    rng.shuffle(plan)
    docs: list[Doc] = []
    jsonl_ids: list[str] = []
    for k, kind in enumerate(["prose", *plan]):
        doc_id = f"doc-{k:05d}"
        text, published = prose(rng, paras)
        if kind in FAULTS:
            error, _, make = FAULTS[kind]
            doc = make(rng, rng.choice(jsonl_ids) if kind == "duplicate id" else doc_id, text, max_chars)
            doc.error, doc.kind = error, kind
            docs.append(doc)
            continue
        if kind == "adversarial":
            kind, text = adversarial_text(rng)
            published = None
        if k and rng.random() < 0.03:
            docs.append(Doc("txt", text.encode(), kind=kind))
            continue
        record = {"id": doc_id, "text": text, **({"published": published} if published else {})}
        docs.append(Doc("jsonl", _line(record), doc_id, kind=kind))
        jsonl_ids.append(doc_id)
    return docs


def lay_out(docs: Sequence[Doc], work: Path) -> tuple[list[str], list[tuple[str, Doc]]]:
    """Write the inputs under ``work``; return the input specs (relative to ``work``) and, in output order,
    each document with the id its record must have (the batch docs' id rules).

    Shard s holds a JSONL file ``part-s.jsonl``, a directory ``part-s`` of .txt files (when it has any) and
    its empty directories, in that order.
    """
    outside = work / "outside.txt"
    outside.write_text("A file outside every input directory.", encoding="utf-8")
    specs: list[str] = []
    expected: list[tuple[str, Doc]] = []
    size = -(-len(docs) // SHARDS)
    for start in range(0, len(docs), size):
        shard = list(enumerate(docs))[start : start + size]
        lines = [d for _, d in shard if d.container == "jsonl"]
        if lines:
            spec = f"part-{start // size}.jsonl"
            (work / spec).write_bytes(b"".join(d.payload + b"\n" for d in lines))
            specs.append(spec)
            expected += [(d.record_id or f"{spec}:{n}", d) for n, d in enumerate(lines, 1)]
        files = [(k, d) for k, d in shard if d.container == "txt"]
        if files:
            spec = f"part-{start // size}"
            (work / spec).mkdir()
            for k, d in files:
                path = work / spec / f"{k:05d}.txt"
                if d.kind == "link outside":
                    path.symlink_to(outside)
                else:
                    path.write_bytes(d.payload)
                if d.kind == "unreadable file":
                    path.chmod(0)
                expected.append((f"{spec}/{k:05d}.txt", d))
            specs.append(spec)
        for k, d in shard:
            if d.container == "empty":
                spec = f"empty-{k:05d}"
                (work / spec).mkdir()
                specs.append(spec)
                expected.append((spec, d))
    return specs, expected


# ------------------------------------------------------------------------------------------------- runs


def group_rss_mb(pgid: int) -> float:
    """Total resident memory of the processes in process group ``pgid``, in MiB."""
    total = 0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[2]) != pgid:
                continue
            for line in (proc / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except (OSError, IndexError, ValueError):
            continue  # the process ended meanwhile
    return total / 1024


def committed(progress: Path) -> int | None:
    """Inputs committed so far according to ``OUT.progress`` (None while there is none)."""
    try:
        return int(json.loads(progress.read_text())["inputs"])
    except (OSError, ValueError, KeyError):
        return None


class Run:
    """One ``eventex extract`` process (its own process group), sampled while it runs."""

    def __init__(self, cmd: Sequence[str], work: Path, out: Path, log: Path, interval: float) -> None:
        env = {**os.environ, **benchlib.OFFLINE_ENV}
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(benchlib.ROOT / "src"), env.get("PYTHONPATH")) if p)
        self.progress = out.with_name(out.name + ".progress")
        self.start = time.monotonic()
        with log.open("ab") as err:
            self.proc = subprocess.Popen(cmd, cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=err,
                                         start_new_session=True)
        self.samples: list[tuple[float, int, float]] = []  # (seconds, inputs committed, MiB)
        self.loads: list[float] = []  # the machine's 1-minute load average, each interval
        self._interval = interval
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()

    def _sample(self) -> None:
        while self.proc.poll() is None:
            self.loads.append(os.getloadavg()[0])
            done = committed(self.progress)
            if done is not None:
                self.samples.append((time.monotonic() - self.start, done, group_rss_mb(self.proc.pid)))
            time.sleep(self._interval)

    def kill(self) -> None:
        """SIGKILL to every process of the run (parent, forkserver, workers), then wait until they are gone."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                os.killpg(self.proc.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)

    def wait(self) -> int:
        """The exit code, once the run ends."""
        rc = self.proc.wait()
        self._sampler.join()
        return rc

    @property
    def seconds(self) -> float:
        return round(time.monotonic() - self.start, 1)


def load_summary(loads: Sequence[float]) -> dict[str, float | None]:
    """Median and highest 1-minute load average seen while runs ran (the machine is shared: 2.0 = both cores)."""
    if not loads:
        return {"median": None, "max": None}
    return {"median": round(statistics.median(loads), 2), "max": round(max(loads), 2)}


def batch_time(samples: Sequence[tuple[float, int, float]], batch_size: int) -> float:
    """Seconds a batch took on average, from the first commit of a run to its last (1.0 when unknown)."""
    moving = [(t, done) for t, done, _ in samples if done > 0]
    if len(moving) < 2 or moving[-1][1] == moving[0][1]:
        return 1.0
    return (moving[-1][0] - moving[0][0]) / ((moving[-1][1] - moving[0][1]) / batch_size)


def rss_check(samples: Sequence[tuple[float, int, float]], n: int) -> dict[str, Any]:
    """Median RSS over the first and the last tenth of the samples taken after the warm-up documents."""
    steady = [mb for _, done, mb in samples if done >= WARM_UP_SHARE * n]
    tenth = len(steady) // 10
    if not tenth:
        return {"samples": len(samples), "steady_samples": len(steady), "flat": None,
                "note": "too few samples after the warm-up to judge"}
    first, last = statistics.median(steady[:tenth]), statistics.median(steady[-tenth:])
    return {
        "samples": len(samples), "steady_samples": len(steady), "first_tenth_mb": round(first, 1),
        "last_tenth_mb": round(last, 1), "ratio": round(last / first, 3), "peak_mb": round(max(steady), 1),
        "flat": last <= RSS_LIMIT * first,
        "series": [[round(t, 1), done, round(mb, 1)] for t, done, mb in samples[:: max(1, len(samples) // 200)]],
    }


def interrupted_run(
    cmd: Sequence[str], work: Path, out: Path, log: Path, n: int, in_flight: int, batch_seconds: float,
    rng: random.Random, interval: float,
) -> dict[str, Any]:
    """Run, SIGKILL at KILLS random moments (a random commit count, then a random part of a batch's time),
    ``--resume`` after each; the last resume runs to the end. ``in_flight``: documents the workers may hold."""
    first, last = max(1, n // 20), min(n * 9 // 10, n - in_flight)  # leave work for the random delay to land in
    targets = sorted(rng.sample(range(first, max(first + KILLS, last)), KILLS))
    kills = []
    loads: list[float] = []
    resume: list[str] = []
    start = time.monotonic()
    for target in targets:
        run = Run([*cmd, *resume], work, out, log, interval)
        while run.proc.poll() is None and (committed(run.progress) or 0) < target:
            time.sleep(0.02)
        time.sleep(rng.uniform(0, batch_seconds))
        finished = run.proc.poll() is not None
        run.kill()
        loads += run.loads
        kills.append({"target": target, "committed": committed(run.progress), "seconds": run.seconds,
                      "finished_before_kill": finished})
        resume = ["--resume"]
    run = Run([*cmd, "--resume"], work, out, log, interval)
    exit_code = run.wait()
    return {"kills": kills, "exit_code": exit_code, "seconds": round(time.monotonic() - start, 1),
            "load_average": load_summary(loads + run.loads)}


# ------------------------------------------------------------------------------------------------- checks


def compare(out: Path, expected: Sequence[tuple[str, Doc]]) -> dict[str, Any]:
    """Records vs the inputs: one per input, ids in order, and each error record where a fault was injected."""
    records = [json.loads(line) for line in out.read_bytes().splitlines()]
    got = [(r["id"], r.get("error")) for r in records]
    want = [(i, d.error) for i, d in expected]
    pairs = enumerate(zip(want, got, strict=False))  # a missing or extra record shows in the counts
    mismatches = [{"position": k, "expected": w, "got": g} for k, (w, g) in pairs if w != g]
    return {
        "records": len(records), "inputs": len(want), "one_record_per_input": len(records) == len(want),
        "ids_in_order": [g[0] for g in got] == [w[0] for w in want],
        "error_records": sum(1 for _, e in got if e), "injected_faults": sum(1 for _, e in want if e),
        "errors_match": got == want and all(("events" in r) != ("error" in r) for r in records),
        "mismatches": mismatches[:10],
    }


def source_digest(root: Path = benchlib.ROOT / "src" / "eventex") -> str:
    """SHA-256 over the eventex source the runs import (code and resources): a run whose source changed while it
    ran (an edit, a checkout) measured two programs, and its comparison means nothing."""
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def differing(a: Path, b: Path, limit: int = 5) -> list[dict[str, Any]]:
    """The first records that differ between two outputs (line by line): where a byte-identity check failed."""
    la, lb = a.read_bytes().splitlines(), b.read_bytes().splitlines() if b.exists() else []
    out = []
    for k in range(max(len(la), len(lb))):
        x, y = (la[k] if k < len(la) else b""), (lb[k] if k < len(lb) else b"")
        if x != y:
            ids = [json.loads(line).get("id") if line else None for line in (x, y)]
            out.append({"line": k, "ids": ids, "uninterrupted": x.decode()[:2000], "resumed": y.decode()[:2000]})
            if len(out) >= limit:
                break
    return out


def soak(args: argparse.Namespace) -> dict[str, Any]:
    """Generate, run uninterrupted and interrupted, compare; the results document."""
    stamp = benchlib.stamp()  # the commit and load average the runs start with
    source = source_digest()
    rng = random.Random(args.seed)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="eventex-soak-"))
    if work.exists() and any(work.iterdir()):
        raise SystemExit(f"soak: {work} is not empty")
    work.mkdir(parents=True, exist_ok=True)
    try:
        docs = generate(args.docs, args.seed, args.max_chars)
        specs, expected = lay_out(docs, work)
        base = [sys.executable, "-m", "eventex.cli", "extract", *specs, "--id-field", "id", "--jobs", str(args.jobs),
                "--batch-size", str(args.batch_size), "--max-chars", str(args.max_chars)]
        ref_out, out = work / "uninterrupted.jsonl", work / "resumed.jsonl"
        ref = Run([*base, "-o", ref_out.name], work, ref_out, work / "uninterrupted.log", args.interval)
        ref_rc = ref.wait()
        ref_seconds = ref.seconds
        batch_seconds = batch_time(ref.samples, args.batch_size)
        in_flight = (2 * args.jobs + 1) * args.batch_size
        resumed = interrupted_run([*base, "-o", out.name], work, out, work / "resumed.log", args.docs, in_flight,
                                  batch_seconds, rng, args.interval)
        checks = compare(ref_out, expected)
        identical = out.exists() and ref_out.read_bytes() == out.read_bytes()
        unchanged = source_digest() == source
        rss = rss_check(ref.samples, args.docs)
        failures = [k for k, ok in {
            "uninterrupted exit code 1 (error records)": ref_rc == 1,
            "resumed exit code 1 (error records)": resumed["exit_code"] == 1,
            f"{KILLS} kills before the end": all(not k["finished_before_kill"] for k in resumed["kills"]),
            "byte-identical after kill -9 and --resume": identical,
            "source unchanged during the runs": unchanged,
            "one record per input, ids in order": checks["one_record_per_input"] and checks["ids_in_order"],
            "error records match the injected faults": checks["errors_match"],
            "no progress file left": not out.with_name(out.name + ".progress").exists(),
            "flat RSS": rss["flat"] is not False,
        }.items() if not ok]
        logs = {p.name: p.read_text(errors="replace")[-2000:] for p in work.glob("*.log")} if failures else {}
        return {
            "stamp": {**stamp, "load_average_end": [round(x, 2) for x in os.getloadavg()]},
            "params": {"docs": args.docs, "jobs": args.jobs, "batch_size": args.batch_size, "seed": args.seed,
                       "max_chars": args.max_chars, "kills": KILLS, "interval": args.interval},
            "inputs": {
                "specs": len(specs), "chars": sum(len(d.payload) for d in docs),
                "kinds": dict(Counter(d.kind for d in docs if not d.error and d.kind != "prose")),
                "prose": sum(1 for d in docs if d.kind == "prose"),
                "faults": dict(Counter(d.kind for d in docs if d.error)),
                "fault_share": round(sum(1 for d in docs if d.error) / len(docs), 3),
                "not_injected": [k for k in FAULTS if k not in fault_names()] + ["a model exception"],
            },
            "uninterrupted": {"exit_code": ref_rc, "seconds": ref_seconds,
                              "docs_per_second": round(args.docs / max(ref_seconds, 1e-9), 2),
                              "load_average": load_summary(ref.loads)},
            "resumed": resumed,
            "byte_identical": identical,
            "differing_records": [] if identical else differing(ref_out, out),
            "source_sha256": source,
            "checks": checks,
            "rss": rss,
            "failed": failures,
            "logs": logs,
        }
    finally:
        if not args.keep:
            for path in work.rglob("*"):
                if not path.is_symlink():
                    path.chmod(0o700)
            shutil.rmtree(work)


def main(argv: Sequence[str] | None = None) -> int:
    """``python benchmarks/soak.py``."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--docs", type=int, default=10_000, help="documents to generate (default 10,000)")
    p.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    p.add_argument("--batch-size", type=int, default=16, help="texts a batch (default 16)")
    p.add_argument("--max-chars", type=int, default=20_000, help="--max-chars of the runs (default 20,000)")
    p.add_argument("--seed", type=int, default=19)
    p.add_argument("--interval", type=float, default=0.5, help="seconds between RSS samples")
    p.add_argument("--work", help="empty folder for the inputs and outputs (default: a temporary one)")
    p.add_argument("--keep", action="store_true", help="keep the work folder")
    p.add_argument("--out", default=str(benchlib.RESULTS), help="results folder (soak.json)")
    p.add_argument("--no-render", action="store_true", help="do not rewrite RESULTS.md")
    args = p.parse_args(argv)
    benchlib.setup_env()
    start = time.perf_counter()
    data = soak(args)
    benchlib.finish("soak", data, start, Path(args.out), render=not args.no_render)
    for failure in data["failed"]:
        print(f"soak: FAILED: {failure}", file=sys.stderr)
    return 1 if data["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
