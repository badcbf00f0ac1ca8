"""Adversarial inputs (#14): texts whose cost once grew faster than their length, and how to time them.

Each input class makes a text of size ``n`` (in its own unit: brackets, names, lines …). :func:`growth` times
the whole pipeline and each stage on one text at 1× and at ``factor``× its base size; for a linear pipeline
the time ratio is about ``factor``. Words are not a fair unit here (100,000 full stops are one 'word'), so
rates are in characters per second.

    python benchmarks/adversarial.py --factor 4 [--scale 1] [--classes quotes,emoji]   # one JSON line per class
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from itertools import cycle, islice
from typing import TYPE_CHECKING, Any

import benchlib

if TYPE_CHECKING:
    from eventex.pipeline import Extractor

STATES = ("France", "Germany", "Cuba", "Brazil", "India", "China", "Peru", "Chile", "Japan", "Egypt", "Iran", "Syria")


def _states(n: int) -> list[str]:
    return list(islice(cycle(STATES), n))


INPUTS: dict[str, Callable[[int], str]] = {
    "nested_parentheses": lambda n: "(" * n + "Putin visited Cuba." + ")" * n,
    "double_quotes": lambda n: '"' * n,
    "emoji": lambda n: "\U0001f600" * n,
    "full_stops": lambda n: "." * n,
    "spaced_brackets": lambda n: "( " * n + "Putin visited Cuba." + " )" * n,
    "country_list": lambda n: "Lavrov visited " + ", ".join(_states(n)) + ".",
    "visits_one_per_line": lambda n: "\n".join(f"Putin visited {s}" for s in _states(n)),
    "repeated_sentence": lambda n: "Putin visited Cuba on Monday. " * n,
    "long_citation": lambda n: "Russia sold tanks to Peru (" + "; ".join(f"TASS, May {k % 28 + 1}" for k in range(n))
    + ").",
    "words_without_punctuation": lambda n: "the " * n,
    "repeated_sector_word": lambda n: "gas " * n,
    "distant_antecedents": lambda n: "Putin visited Cuba.\n\n" + "He visited it again. " * n,
    "restated_deals": lambda n: "Russia signed a deal to sell tanks to Peru.\n\n"
    + "Rosoboronexport signed the contract to supply tanks. " * n,
}
"""Input class -> text of size ``n``."""
BASE: dict[str, int] = {
    "nested_parentheses": 2000, "double_quotes": 4000, "emoji": 4000, "full_stops": 5000, "spaced_brackets": 300,
    "country_list": 100, "visits_one_per_line": 50, "repeated_sentence": 40, "long_citation": 100,
    "words_without_punctuation": 250, "distant_antecedents": 100, "repeated_sector_word": 2000,
    "restated_deals": 40,
}
"""Base size of each class: a few hundred milliseconds of the whole pipeline at 4× on 2 cores (growth tests)."""


def timed(extractor: Extractor, text: str) -> dict[str, Any]:
    """Seconds of one extraction, whole and per stage, and the entities that are only punctuation."""
    from eventex.pipeline import Extractor
    from eventex.stages.base import TimedStage

    seconds: dict[str, float] = {}
    timed_ex = Extractor([TimedStage(s, seconds) for s in extractor.stages], model_name=extractor.model_name)
    start = time.perf_counter()
    result = timed_ex.extract(text)
    total = time.perf_counter() - start
    punct = [e.text for e in result.entities if not any(c.isalnum() for c in e.text)]
    return {"seconds": total, "stages": seconds, "punctuation_entities": punct[:5], "events": len(result.events)}


def best_of(extractor: Extractor, make: Callable[[int], str], n: int, repeats: int) -> dict[str, Any]:
    """:func:`timed` on ``make(n)``, ``make(n + 1)`` … (distinct texts: spaCy's tokenizer caches what it has
    seen); the fastest whole run, and each stage's fastest time."""
    runs = [timed(extractor, make(n + k)) for k in range(repeats)]
    best = min(runs, key=lambda r: r["seconds"])
    stages = {k: min(r["stages"].get(k, 0.0) for r in runs) for k in runs[0]["stages"]}
    chars = len(make(n))
    return {**best, "stages": stages, "chars": chars, "chars_per_s": round(chars / max(best["seconds"], 1e-9))}


def growth(extractor: Extractor, name: str, n: int, factor: int, repeats: int = 3) -> dict[str, Any]:
    """One input class at ``n`` and ``factor × n``: times, chars/s, and the time and rate ratios."""
    small = best_of(extractor, INPUTS[name], n, repeats)
    large = best_of(extractor, INPUTS[name], n * factor, repeats)
    return {
        "input": name, "n": n, "factor": factor, "small": small, "large": large,
        "time_ratio": round(large["seconds"] / max(small["seconds"], 1e-9), 2),
        "rate_ratio": round(large["chars_per_s"] / max(small["chars_per_s"], 1e-9), 3),
    }


def prose(chars: int) -> str:
    """Committed corpus text (documents joined by blank lines, cycling) cut to ``chars`` characters."""
    texts = benchlib.corpus_texts(["test"])
    out, n = [], 0
    for t in cycle(texts):
        if n >= chars:
            break
        out.append(t)
        n += len(t) + 2
    return "\n\n".join(out)[:chars]


def main(argv: Sequence[str] | None = None) -> int:
    """Print one JSON line per input class: :func:`growth` at the base size × ``--scale``."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--factor", type=int, default=4)
    p.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--classes", type=lambda v: v.split(","), default=list(INPUTS))
    args = p.parse_args(argv)
    benchlib.setup_env()
    import eventex

    extractor = eventex.load()
    extractor.extract("Putin visited Cuba.")  # warm up
    for name in args.classes:
        print(json.dumps(growth(extractor, name, max(1, round(BASE[name] * args.scale)), args.factor, args.repeats)),
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
