"""Speed of the HTML view (``make bench-view``): Python time to render a ~50,000-word document, per 10,000 words.

The document is the sample article repeated until it has ``--words`` words, with the sample's own result
repeated at shifted offsets (same density of entities and events as a real article; the model runs once, on
the sample). Timed: :func:`eventex.render` of that result, and :func:`eventex.views.render_records` of its
JSONL record (the ``eventex view`` page, from spans only). Median of ``--repeats`` runs.

    python benchmarks/view_speed.py
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Any

import eventex
from eventex.schema import Extraction
from eventex.views import render, render_records

ROOT = Path(__file__).resolve().parents[1]


def shifted(data: Any, by: int, tag: str) -> Any:
    """A result's JSON data with every span moved ``by`` characters and every event id suffixed with ``tag``."""
    if isinstance(data, list):
        return [shifted(x, by, tag) for x in data]
    if not isinstance(data, dict):
        return data
    out = {k: shifted(v, by, tag) for k, v in data.items()}
    for key in ("start", "end"):
        if isinstance(out.get(key), int):
            out[key] += by
    if "trigger" in out and "type" in out:
        out["id"] = f"{out['id']}{tag}"
    return out


def tiled(sample: Extraction, words: int) -> Extraction:
    """The sample repeated (separated by a blank line) until it has at least ``words`` words."""
    data = sample.model_dump(mode="json")
    copies = -(-words // len(sample.text.split()))
    step = len(sample.text) + 2
    out = {**data, "text": "\n\n".join([sample.text] * copies), "entities": [], "times": [], "events": []}
    for k in range(copies):
        part = shifted(data, k * step, f"/{k}")
        for key in ("entities", "times", "events"):
            out[key] += part[key]
    return Extraction.model_validate(out)


def timed(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    text = (ROOT / "examples" / "lavrov_latin_america.txt").read_text(encoding="utf-8")
    doc = tiled(eventex.extract(text, published="2010-03-10"), args.words)
    n = len(doc.text.split())
    record = {"id": "long", "published": "2010-03-10", "events": [e.model_dump(mode="json") for e in doc.events],
              "entities": [e.model_dump(mode="json") for e in doc.entities]}
    page = render(doc)
    print(f"document: {n:,} words, {len(doc.entities):,} entities, {len(doc.events):,} events; "
          f"page {len(page) / 1e6:.1f} MB")
    for name, fn in (("render", lambda: render(doc)), ("report (render_records)", lambda: render_records([record]))):
        seconds = timed(fn, args.repeats)
        print(f"{name}: {seconds:.3f} s, {seconds * 10_000 / n:.3f} s per 10k words (target < 1 s)")


if __name__ == "__main__":
    main()
