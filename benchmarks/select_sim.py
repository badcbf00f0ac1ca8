"""Active-selection simulation (``make bench-select``): do the documents ``eventex select`` picks improve dev F1
more than the same number picked at random?

The starting model (``--start``; by default the shipped one) must have been trained on a part of the data only
(eventex-ner v3: the monitor corpus' train split and CoNLL-2003); the news-style corpus (``corpora/news``) is a
genre it has not seen, and its train split is the pool. A model trained on the pool (the shipped v4 is) is
refused: ``make bench-select`` starts from ``build/eventex-ner-v3``, which ``make train`` builds. ``eventex
select`` (the starting model, default settings) picks ``--n`` documents from the pool. For each of ``--seeds``
seeds, the starting model is fine-tuned for ``--steps`` steps on the selected documents and, with the same seed and
steps, on documents drawn at random from the pool until they hold at least as many words as the selected ones (a
new draw per seed: the same annotation budget in words, so a gain is not just more text); both are scored on the
news dev split (entity F1 and event core-tuple F1, the full pipeline). No replay: a copy of the starting model whose
manifest records no training data is the starting point, so only the chosen documents are trained on.

``--mix-conll K`` is the heterogeneous-pool design (results in ``select_mixed.json``; ``select.json`` is the
news-only design above): the pool is the news train split plus K documents of CoNLL-2003's validation file
(``--shared``/data/conll2003/valid.txt, read at run time and never copied; a fixed random sample, ``--mix-seed``;
the starting model v3 was trained on CoNLL *train*, not valid), as a data team's pool where only part of the
documents are of the target genre. The selector scores the CoNLL documents like any other (their text: the tokens
joined by spaces, sentences by newlines); the random arm draws from the whole pool, word-matched as before. Each
arm is fine-tuned on its news documents as gold corpus JSONL and on its CoNLL documents with their CoNLL label sets
(their original lines written to a temporary CoNLL file, read as ``eventex train --conll`` reads CoNLL); an arm
without news documents trains on an empty corpus train split plus its CoNLL file. Dev is news dev either way.
``--select-only`` runs the selection alone and prints it (no training, nothing written).

The gain is mean F1(selected) - F1(random) over seeds, with a 95% interval from a two-level bootstrap that
resamples seeds and dev documents. Training runs on CPU (torch); the budget is set by ``--steps`` and
``--seeds`` (the defaults: about 50 CPU-minutes, some 3 of them a seed; results are written after
every seed, so a run stopped early keeps the seeds it finished).

    python benchmarks/select_sim.py --start build/eventex-ner-v3 --out benchmarks/results
    python benchmarks/select_sim.py --start build/eventex-ner-v3 --mix-conll 120 --shared ../shared \
        --out benchmarks/results
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import benchlib
import numpy as np

benchlib.setup_env()

from eventex.annotate.select import Selector, select  # noqa: E402
from eventex.corpus.conll import parse_conll, read_conll  # noqa: E402
from eventex.corpus.gold import GoldDocument, dumps, load  # noqa: E402
from eventex.eval.counts import DocCounts, document_counts, total  # noqa: E402
from eventex.loading import build_extractor  # noqa: E402
from eventex.models import find_model  # noqa: E402
from eventex.ner.runtime import TransformerEntities  # noqa: E402
from eventex.ner.train import TrainConfig, train  # noqa: E402
from eventex.pipeline import Extractor  # noqa: E402

NEWS = benchlib.CORPORA / "news"
MEASURES = ("entities", "events")
CONLL_PREFIX = "conll-valid-"


def trained_on_pool(model_dir: Path, mixed: bool = False) -> str | None:
    """The training file of ``model_dir`` (its manifest) that is the simulation's pool, if any (``mixed``: the
    news train split or CoNLL-2003 valid)."""
    data = json.loads((Path(model_dir) / "manifest.json").read_text()).get("training", {}).get("data", {})
    pools = ("news/train.jsonl", "conll2003/valid.txt") if mixed else ("news/train.jsonl",)
    return next((p for p in data if Path(p).as_posix().endswith(pools)), None)


def unreplayed_copy(model_dir: Path, out: Path) -> Path:
    """A copy of a model directory whose manifest records no training data (so training from it replays none)."""
    shutil.copytree(model_dir, out, ignore=shutil.ignore_patterns("*.onnx"))
    manifest = json.loads((out / "manifest.json").read_text())
    manifest.setdefault("training", {})["data"] = {}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return out


def conll_chunks(source: str) -> list[str]:
    """The original lines of each document of a CoNLL-2003 text (from its ``-DOCSTART-`` line to the next), in
    the order and number of :func:`eventex.corpus.conll.parse_conll`'s documents (chunks without tokens dropped)."""
    chunks: list[list[str]] = [[]]
    for line in source.splitlines():
        if line.split()[:1] == ["-DOCSTART-"] and any(x.strip() for x in chunks[-1]):
            chunks.append([])
        chunks[-1].append(line)
    out = ["\n".join(c).rstrip("\n") + "\n\n" for c in chunks
           if any(x.split() and x.split()[0] != "-DOCSTART-" for x in c)]
    return out


def conll_sample(path: Path, k: int, seed: int) -> dict[str, tuple[str, str]]:
    """``k`` documents of a CoNLL-2003 file, a fixed random sample (``seed``) in file order: id
    (``conll-valid-NNN``, NNN its index in the file) -> (text as eventex reads it, its original lines)."""
    docs = read_conll(path)  # validates the lines
    chunks = conll_chunks(path.read_text(encoding="utf-8"))
    if len(chunks) != len(docs):
        raise SystemExit(f"select_sim: {path}: {len(chunks)} document chunks but {len(docs)} documents")
    if not 1 <= k <= len(docs):
        raise SystemExit(f"select_sim: --mix-conll must be between 1 and {len(docs)} (the documents of {path})")
    picked = sorted(np.random.default_rng(seed).choice(len(docs), size=k, replace=False).tolist())
    out = {}
    for i in picked:
        (doc,) = parse_conll(chunks[i])
        if doc.text != docs[i].text:
            raise SystemExit(f"select_sim: {path}: document {i} reads differently alone")
        out[f"{CONLL_PREFIX}{i:03d}"] = (doc.text, chunks[i])
    return out


def random_draw(words: dict[str, int], budget: int, seed: int) -> list[str]:
    """Pool documents in a random order (``seed``), taken until they hold at least ``budget`` words."""
    out: list[str] = []
    held = 0
    for doc_id in np.random.default_rng(seed).permutation(sorted(words)).tolist():
        if held >= budget:
            break
        out.append(doc_id)
        held += words[doc_id]
    return sorted(out)


def per_doc_counts(extractor: Extractor, docs: Sequence[GoldDocument]) -> list[DocCounts]:
    """Each dev document's counts (entities, events) under ``extractor``."""
    preds = extractor.pipe([(d.text, {"published": d.published}) for d in docs], batch_size=4)
    return [document_counts(g, p) for g, p in zip(docs, preds, strict=True)]


def f1(counts: Sequence[DocCounts], measure: str) -> float:
    """Micro F1 of ``measure`` over the documents."""
    return total(c for d in counts for c in getattr(d, measure).values()).score().f1


def fine_tuned_counts(start: Path, docs: Sequence[GoldDocument], seed: int, steps: int, lr: float,
                      work: Path, base: Extractor, dev: Sequence[GoldDocument],
                      conll: Sequence[str] = ()) -> tuple[list[DocCounts], float, float]:
    """Fine-tune ``start`` on ``docs`` (gold corpus JSONL; may be none) and on ``conll`` (CoNLL documents' original
    lines, written to a temporary CoNLL file) and score it on ``dev`` (the other stages of ``base`` reused); also
    the seconds of training and of scoring."""
    if not docs and not conll:
        raise ValueError("nothing to fine-tune on")
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    # An arm without news documents: an empty train split (validates and loads as no documents), the CoNLL file alone
    (corpus / "train.jsonl").write_text("".join(dumps(d) + "\n" for d in docs), encoding="utf-8")
    conll_file = None
    if conll:
        conll_file = work / "conll.txt"
        conll_file.write_text("".join(conll), encoding="utf-8")
    started = time.perf_counter()
    out = train(TrainConfig(corpus=str(corpus), out=str(work / "model"), init_from=str(start), seed=seed,
                            lr=lr, max_steps=steps, corpus_repeat=1, device="cpu",
                            conll=str(conll_file) if conll_file else None))
    seconds = time.perf_counter() - started
    head = TransformerEntities.load(out, runtime="torch")
    stages = [head if s.name == "entities" else s for s in base.stages]
    started = time.perf_counter()
    counts = per_doc_counts(Extractor(stages, model_name="sim", model_version=str(seed)), dev)
    score_seconds = time.perf_counter() - started
    shutil.rmtree(work)
    return counts, seconds, score_seconds


def gain_interval(runs: list[dict[str, Any]], measure: str, samples: int, seed: int) -> dict[str, float]:
    """95% percentile interval of the mean gain, resampling seeds and dev documents (two levels)."""
    rng = random.Random(seed)
    n_docs = len(runs[0]["selected"])
    gains = []
    for _ in range(samples):
        picked = rng.choices(runs, k=len(runs))
        docs = rng.choices(range(n_docs), k=n_docs)
        gains.append(float(np.mean([f1([r["selected"][i] for i in docs], measure)
                                    - f1([r["random"][i] for i in docs], measure) for r in picked])))
    low, high = np.percentile(gains, [2.5, 97.5])
    return {"low": round(float(low), 4), "high": round(float(high), 4)}


def main(argv: Sequence[str] | None = None) -> int:
    """``python benchmarks/select_sim.py``."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", default=str(benchlib.RESULTS), help="folder for select.json (select_mixed.json)")
    p.add_argument("--n", type=int, default=6, help="documents selected from the pool (the random arm: as many words)")
    p.add_argument("--seeds", type=int, default=16, help="training seeds (one random draw each)")
    p.add_argument("--steps", type=int, default=12, help="fine-tuning steps per run (batch 16)")
    p.add_argument("--lr", type=float, default=5e-5, help="fine-tuning learning rate")
    p.add_argument("--bootstrap", type=int, default=2000, help="bootstrap resamples")
    p.add_argument("--start", help="model directory that selects and is fine-tuned (default: the shipped model); it "
                   "must not have been trained on the pool (e.g. build/eventex-ner-v3 from `make train`)")
    p.add_argument("--mix-conll", type=int, default=0, metavar="K",
                   help="heterogeneous pool: add K documents of CoNLL-2003 valid (under --shared) to the news pool; "
                   "results go to select_mixed.json (default 0: the news-only design, select.json)")
    p.add_argument("--mix-seed", type=int, default=0, help="seed of the sample of CoNLL documents (--mix-conll)")
    p.add_argument("--shared", default="../shared", help="folder with data/conll2003/valid.txt (--mix-conll)")
    p.add_argument("--select-only", action="store_true",
                   help="run the selection only: print what is selected and how long scoring took, train nothing")
    args = p.parse_args(argv)
    stamp = benchlib.stamp()
    started = time.perf_counter()
    news_pool, dev = load(NEWS / "train.jsonl"), load(NEWS / "dev.jsonl")
    shipped = Path(args.start) if args.start else find_model(None).path
    if not (shipped / "manifest.json").is_file():
        raise SystemExit(f"select_sim: no model at {shipped} (`make train` builds build/eventex-ner-v3)")
    if seen := trained_on_pool(shipped, mixed=bool(args.mix_conll)):
        raise SystemExit(f"select_sim: {shipped} was trained on the pool ({seen}); give --start with a model that "
                         "was not (e.g. build/eventex-ner-v3 from `make train`)")
    conll_path = Path(args.shared) / "data" / "conll2003" / "valid.txt"
    conll: dict[str, tuple[str, str]] = {}
    if args.mix_conll:
        if not conll_path.is_file():
            raise SystemExit(f"select_sim: --mix-conll needs {conll_path} (give --shared)")
        conll = conll_sample(conll_path, args.mix_conll, args.mix_seed)
    items = [(d.id, (d.text, {"published": d.published})) for d in news_pool]
    items += [(i, (text, {})) for i, (text, _) in conll.items()]

    t0 = time.perf_counter()
    selector = Selector(build_extractor(str(shipped)))
    scored = [s for _, s in selector.score(items)]
    score_seconds = time.perf_counter() - t0
    chosen = [s.id for s, _ in select(scored, args.n, selector.rules.diversity)]
    select_seconds = time.perf_counter() - t0
    by_id = {d.id: d for d in news_pool}
    words = {d.id: benchlib.words(d.text) for d in news_pool} | {i: benchlib.words(t) for i, (t, _) in conll.items()}
    print(f"select_sim: selected {chosen} in {select_seconds:.1f} s", file=sys.stderr)
    if args.select_only:
        print(json.dumps(selection_report(scored, chosen, words, score_seconds, select_seconds), indent=2))
        return 0

    base = build_extractor(str(shipped), runtime="torch")
    pool_params = "corpora/news/train.jsonl"
    if conll:
        pool_params += f" + {len(conll)} documents of {conll_path} (sample seed {args.mix_seed})"
    results: dict[str, Any] = {
        "stamp": stamp,
        "params": {"start": args.start, "n": args.n, "seeds": args.seeds, "steps": args.steps, "lr": args.lr,
                   "batch_size": 16,
                   "diversity": selector.rules.diversity, "bootstrap": args.bootstrap,
                   "pool": pool_params, "dev": "corpora/news/dev.jsonl", "replay": False},
        "pool": {"documents": len(words), "mean_words": round(float(np.mean(list(words.values()))), 1)},
        "dev_documents": len(dev),
        "selected": {"ids": chosen, "words": sum(words[i] for i in chosen), "seconds": round(select_seconds, 1)},
        "shipped_f1": {},
    }
    if conll:
        results["params"] |= {"mix_conll": args.mix_conll, "mix_seed": args.mix_seed, "conll": str(conll_path)}
        results["pool"] |= {"news": len(news_pool), "conll": len(conll),
                            "news_mean_words": round(float(np.mean([words[d.id] for d in news_pool])), 1),
                            "conll_mean_words": round(float(np.mean([words[i] for i in conll])), 1)}
        results["selected"] |= {"news": sum(i in by_id for i in chosen), "conll": sum(i in conll for i in chosen),
                                "score_seconds": round(score_seconds, 1)}
    shipped_counts = per_doc_counts(base, dev)  # once for both measures
    results["shipped_f1"] = {m: round(f1(shipped_counts, m), 4) for m in MEASURES}
    name = "select_mixed.json" if conll else "select.json"
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="eventex-select-sim-") as tmp:
        start = unreplayed_copy(Path(shipped), Path(tmp) / "start")
        for seed in range(args.seeds):
            drawn = random_draw(words, results["selected"]["words"], seed)
            run: dict[str, Any] = {"seed": seed, "random_ids": drawn}
            for arm, ids in (("selected", chosen), ("random", drawn)):
                counts, seconds, scoring = fine_tuned_counts(
                    start, [by_id[i] for i in ids if i in by_id], seed, args.steps, args.lr, Path(tmp) / arm, base,
                    dev, conll=[conll[i][1] for i in ids if i in conll])
                run[arm], run[f"{arm}_train_seconds"] = counts, round(seconds, 1)
                run[f"{arm}_score_seconds"] = round(scoring, 1)
                run[f"{arm}_f1"] = {m: round(f1(counts, m), 4) for m in MEASURES}
            print(f"select_sim: seed {seed}: selected {run['selected_f1']}, random {run['random_f1']}", file=sys.stderr)
            runs.append(run)
            out = summary(results, runs, words, args, started)
            if conll:
                out["random_news_docs_mean"] = round(float(np.mean(
                    [sum(i in by_id for i in r["random_ids"]) for r in runs])), 1)
                out["random_conll_docs_mean"] = round(float(np.mean(
                    [sum(i in conll for i in r["random_ids"]) for r in runs])), 1)
            path = benchlib.write_json(Path(args.out) / name, out)
    print(f"select_sim: wrote {path}", file=sys.stderr)
    return 0


def selection_report(scored: Sequence[Any], chosen: Sequence[str], words: dict[str, int], score_seconds: float,
                     select_seconds: float) -> dict[str, Any]:
    """What ``--select-only`` prints: the selection, news vs CoNLL, and the uncertainty of each group."""
    def group(doc_id: str) -> str:
        return "conll" if doc_id.startswith(CONLL_PREFIX) else "news"

    ok = [s for s in scored if hasattr(s, "uncertainty")]
    by_group: dict[str, dict[str, float]] = {}
    for g in ("news", "conll"):
        members = [s for s in ok if group(s.id) == g]
        if members:
            by_group[g] = {
                "documents": len(members),
                "mean_uncertainty": round(float(np.mean([s.uncertainty for s in members])), 3),
                "mean_uncertainty_per_100_words": round(float(np.mean(
                    [100 * s.uncertainty / max(1, words[s.id]) for s in members])), 3),
                "mean_words": round(float(np.mean([words[s.id] for s in members])), 1),
            }
    ranked = sorted(ok, key=lambda s: -s.uncertainty)
    return {
        "selected": list(chosen),
        "selected_news": sum(group(i) == "news" for i in chosen),
        "selected_conll": sum(group(i) == "conll" for i in chosen),
        "selected_words": sum(words[i] for i in chosen),
        "failures": len(scored) - len(ok),
        "pool": by_group,
        "top_by_uncertainty": [[s.id, round(s.uncertainty, 3)] for s in ranked[:15]],
        "score_seconds": round(score_seconds, 1),
        "select_seconds": round(select_seconds, 1),
    }


def summary(results: dict[str, Any], runs: list[dict[str, Any]], words: dict[str, int], args: argparse.Namespace,
            started: float) -> dict[str, Any]:
    """The results with the seeds done so far (written after each seed: an interrupted run keeps them)."""
    out = {
        **results,
        "seeds_done": len(runs),
        "random_words_mean": round(float(np.mean([sum(words[i] for i in r["random_ids"]) for r in runs])), 1),
        "random_docs_mean": round(float(np.mean([len(r["random_ids"]) for r in runs])), 1),
        "runs": [{k: v for k, v in r.items() if k not in ("selected", "random")} for r in runs],
        "gain": {},
        "seconds": round(time.perf_counter() - started, 1),
        "cpu_seconds": round(time.process_time(), 1),
    }
    for m in MEASURES:
        gains = [r["selected_f1"][m] - r["random_f1"][m] for r in runs]
        out["gain"][m] = {
            "mean": round(float(np.mean(gains)), 4),
            "ci": gain_interval(runs, m, args.bootstrap, seed=0),
            "selected_mean": round(float(np.mean([r["selected_f1"][m] for r in runs])), 4),
            "random_mean": round(float(np.mean([r["random_f1"][m] for r in runs])), 4),
            "seeds_selected_better": sum(g > 0 for g in gains),
        }
    return out


if __name__ == "__main__":
    sys.exit(main())
