"""Concurrent callers: one extractor shared by many threads gives what each call gives alone."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import eventex

ROOT = Path(__file__).resolve().parents[1]

N_THREADS = 8
N_DOCS = 50


def split_paragraphs() -> list[tuple[str, str | None]]:
    """The first N_DOCS paragraphs of 150-400 chars in the test splits, with their documents' dates."""
    out = []
    for path in (ROOT / "corpora" / "test.jsonl", ROOT / "corpora" / "news" / "test.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            out += [(p, doc.get("published")) for p in doc["text"].split("\n\n") if 150 <= len(p) <= 400]
    assert len(out) >= N_DOCS
    return out[:N_DOCS]


def test_eight_threads_sharing_one_extractor_give_the_one_thread_results(default_extractor):
    docs = split_paragraphs()
    alone = [default_extractor.extract(text, published=day).model_dump_json() for text, day in docs]

    def run(k: int) -> list[str]:
        mine = docs[k:] + docs[:k]  # each thread starts elsewhere, so different documents overlap in time
        if k % 2:
            results = default_extractor.pipe([(t, {"published": d}) for t, d in mine], batch_size=1 + k % 4)
        else:
            results = (eventex.extract(t, published=d) for t, d in mine)
        return [r.model_dump_json() for r in results]

    with ThreadPoolExecutor(N_THREADS) as pool:
        together = list(pool.map(run, range(N_THREADS)))
    for k, got in enumerate(together):
        assert got == alone[k:] + alone[:k], f"thread {k} differs"


def test_the_default_extractor_is_loaded_once_by_concurrent_first_callers(monkeypatch):
    calls = []

    def slow_load():
        calls.append(threading.get_ident())
        time.sleep(0.05)
        return object()

    monkeypatch.setattr(eventex, "_DEFAULT", [])
    monkeypatch.setattr(eventex, "load", slow_load)
    with ThreadPoolExecutor(N_THREADS) as pool:
        got = list(pool.map(lambda _: eventex._default(), range(N_THREADS)))
    assert len(calls) == 1
    assert all(g is got[0] for g in got)
