"""The entity head on a CUDA GPU (torch runtime, ``device="cuda"``), beside the same head on that machine's CPU.

Optional and one-off: run it where a GPU exists (``python benchmarks/gpu_head.py --out benchmarks/results``);
it writes ``gpu_head.json``, which RESULTS.md reports as rows of their own, apart from the one-process CPU
targets of ``make bench-speed``. Nothing in eventex needs a GPU. It times only the entity stage
(``TransformerEntities.predict``: windows, forward passes, decoding, span repairs), not the parse or the linker.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchlib


def read_texts(splits: Sequence[str] = benchlib.SPLITS) -> list[str]:
    """Texts of the committed corpus, read as plain JSON lines (no spaCy needed on the GPU machine)."""
    out = []
    for s in splits:
        with open(benchlib.CORPORA / f"{s}.jsonl", encoding="utf-8") as f:
            out += [json.loads(line)["text"] for line in f if line.strip()]
    return out


def rate(head: Any, texts: list[str], rounds: int) -> dict[str, Any]:
    """Words/s of ``head.predict`` over ``texts``: median of ``rounds`` timed calls after one warm-up call."""
    import torch

    head.predict(texts[:4])
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        out = head.predict(texts)
        if torch.cuda.is_available():
            torch.cuda.synchronize()
        times.append(time.perf_counter() - t0)
    n = sum(benchlib.words(t) for t in texts)
    return {"words_per_s": round(n / benchlib.median(times)), "seconds": [round(t, 3) for t in times],
            "entities": [[(e.start, e.end, e.label) for e in ents] for ents in out]}


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Time the head on the GPU at each batch size and on the CPU (default runtime), same texts, same run."""
    import torch

    from eventex.ner.runtime import TransformerEntities

    texts = read_texts() * args.repeat
    cuda = torch.cuda.is_available()
    rows: dict[str, Any] = {}
    if cuda:
        for bs in args.batch_sizes:
            head = TransformerEntities.load(args.model, runtime="torch", device="cuda", batch_size=bs)
            rows[f"cuda_torch_b{bs}"] = rate(head, texts, args.rounds)
    rows["cpu_default"] = rate(TransformerEntities.load(args.model), texts, args.rounds)
    rows["cpu_torch_b1"] = rate(TransformerEntities.load(args.model, runtime="torch"), texts, 1)
    reference = rows["cpu_torch_b1"]["entities"]
    for row in rows.values():
        ents = row.pop("entities")
        row["same_spans_as_cpu_fp32"] = round(sum(a == b for a, b in zip(ents, reference, strict=True))
                                                 / len(texts), 4)
    return {
        "stamp": benchlib.stamp(),
        "settings": {"model": str(args.model), "texts": len(texts), "words": sum(benchlib.words(t) for t in texts),
                     "rounds": args.rounds, "repeat": args.repeat, "cpu_threads": os.cpu_count(),
                     "gpu": torch.cuda.get_device_name(0) if cuda else None, "torch": torch.__version__},
        "rows": rows,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """``python benchmarks/gpu_head.py``."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", default=str(benchlib.ROOT / "models" / "eventex-ner"))
    p.add_argument("--out", default=str(benchlib.RESULTS))
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--repeat", type=int, default=4, help="the corpus texts this many times over")
    p.add_argument("--batch-sizes", type=lambda v: [int(x) for x in v.split(",")], default=[1, 16, 64, 256])
    args = p.parse_args(argv)
    benchlib.setup_env()
    start = time.perf_counter()
    data = run(args)
    benchlib.finish("gpu_head", data, start, Path(args.out), None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
