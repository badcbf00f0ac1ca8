"""Accuracy benchmark (``make bench-quality``): the corpus test split, CoNLL-2003 and GENEVA/PLOVER probes.

Systems, all scored on the same data by the same scorer (:mod:`eventex.eval`):

- ``shipped``: ``eventex.load(runtime="onnx")``, the shipped transformer head in ONNX fp32;
- ``spacy``: ``eventex.load("spacy")``, en_core_web_sm's NER in place of the head (same rules after it);
- ``int8``: ``eventex.load(runtime="onnx-int8")``, the same head with dynamic int8 inference (the default
  runtime, ``auto``, when the model card's int8 check passes). (The casing
  ablation has no shipped model, so it cannot be run here; its training-time dev score is quoted.)

External probes, read from ``--shared`` when present and skipped with a message when absent (never copied):
CoNLL-2003 test (entity stage, labels mapped as in :data:`eventex.eval.score.CONLL_LABELS`; the shipped and
spaCy systems by default, ``--conll-systems``) and the mapped GENEVA / PLOVER candidate sentences (event
recall; only the candidates triaged as plausible are used). Also the int8 rule: dev entity F1 of int8 vs fp32.

    python benchmarks/quality.py --shared ../shared --out benchmarks/results
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import benchlib
import render_results

benchlib.setup_env()

from eventex.corpus import GoldDocument  # noqa: E402
from eventex.eval.bootstrap import bootstrap  # noqa: E402
from eventex.eval.counts import Counts, DocCounts, document_counts  # noqa: E402
from eventex.eval.match import normalise_text  # noqa: E402
from eventex.eval.score import evaluate, run_conll  # noqa: E402
from eventex.ner.onnx import INT8_MAX_DROP_POINTS, int8_passes  # noqa: E402  (the int8 rule)
from eventex.schema import CORE_ROLES, Entity, Event, event_roles  # noqa: E402

if TYPE_CHECKING:
    from eventex.pipeline import Extractor

SYSTEMS: dict[str, tuple[str, dict[str, Any]]] = {
    "shipped": ("eventex, shipped transformer head in ONNX fp32", {"runtime": "onnx"}),
    "spacy": ("eventex with en_core_web_sm NER in place of the head", {"model": "spacy"}),
    "int8": ("eventex with int8 inference (ONNX dynamic int8; the default `auto` when the card's check passes)",
             {"runtime": "onnx-int8"}),
}


# --- corpus scores ----------------------------------------------------------------------------------------


def _f1(counts: Counts) -> float | None:
    return counts.score().f1 if counts.tp + counts.fp + counts.fn else None


def _sum(counts: Sequence[Counts]) -> Counts:
    return sum(counts, Counts())


def group_cis(per_doc: Sequence[DocCounts], *, samples: int, seed: int) -> dict[str, dict[str, dict[str, float]]]:
    """95% bootstrap CIs of F1 per entity label, per event type (core tuples) and per type (arguments).

    One resampling of documents for every statistic (the scheme and seed of :func:`eventex.eval.bootstrap.bootstrap`).
    """
    labels = sorted({k for d in per_doc for k in d.entities})
    types = sorted({k for d in per_doc for k in d.events})
    arg_types = sorted({t for d in per_doc for t, _ in d.arguments})
    stats: dict[str, Callable[[Sequence[DocCounts]], float | None]] = {}
    for lab in labels:
        stats[f"entities/{lab}"] = lambda ds, lab=lab: _f1(_sum([d.entities.get(lab, Counts()) for d in ds]))
    for t in types:
        stats[f"events/{t}"] = lambda ds, t=t: _f1(_sum([d.events.get(t, Counts()) for d in ds]))
    for t in arg_types:
        stats[f"arguments/{t}"] = lambda ds, t=t: _f1(
            _sum([c for d in ds for (et, _), c in d.arguments.items() if et == t])
        )
    out: dict[str, dict[str, dict[str, float]]] = {"entities": {}, "events": {}, "arguments": {}}
    for name, interval in bootstrap(per_doc, stats, samples=samples, seed=seed).items():
        part, key = name.split("/", 1)
        out[part][key] = interval.model_dump()
    return out


def score_corpus(
    extractor: Extractor, gold: Sequence[GoldDocument], *, samples: int, seed: int, batch_size: int = 16
) -> dict[str, Any]:
    """The full :class:`~eventex.eval.report.Report` of ``extractor`` on ``gold`` plus per-group F1 CIs."""
    start = time.perf_counter()
    preds = list(extractor.pipe([(d.text, {"published": d.published}) for d in gold], batch_size=batch_size))
    seconds = time.perf_counter() - start
    report = evaluate(gold, preds, bootstrap_samples=samples, seed=seed)
    per_doc = [document_counts(g, p) for g, p in zip(gold, preds, strict=True)]
    return {
        "seconds": round(seconds, 2),
        "report": report.model_dump(mode="json"),
        "cis": group_cis(per_doc, samples=samples, seed=seed),
    }


def int8_check(shipped_dev: dict[str, Any], int8_dev: dict[str, Any]) -> dict[str, Any]:
    """Dev entity F1 of fp32 and int8 and whether the drop is within :data:`INT8_MAX_DROP_POINTS`."""
    fp32 = shipped_dev["report"]["entities"]["micro"]["f1"]
    int8 = int8_dev["report"]["entities"]["micro"]["f1"]
    drop, passes = int8_passes(fp32, int8)
    return {
        "dev_entity_f1": {"fp32": fp32, "int8": int8},
        "drop_points": drop,
        "max_drop_points": INT8_MAX_DROP_POINTS,
        "passes": passes,
    }


def casing_ablation() -> list[dict[str, Any]] | None:
    """The casing-feature ablation's training-time dev scores, if the shipped model keeps them (``ablation.json``)."""
    from eventex.models import find_model
    from eventex.ner.card.measure import read_ablation

    ablation = read_ablation(find_model().path)
    return None if ablation is None else [dict(row) for row in ablation["runs"]]


# --- CoNLL-2003 -------------------------------------------------------------------------------------------


def score_conll(
    extractor: Extractor, path: Path, *, samples: int, seed: int, limit_docs: int | None = None
) -> dict[str, Any]:
    """Entity scores on a CoNLL-2003 file (whole pipeline, entities mapped to PER/ORG/LOC/MISC)."""
    start = time.perf_counter()
    report = run_conll(path, extractor=extractor, bootstrap_samples=samples, seed=seed, limit_docs=limit_docs)
    return {"seconds": round(time.perf_counter() - start, 2), "report": report.model_dump(mode="json")}


# --- GENEVA / PLOVER probes -------------------------------------------------------------------------------

GENEVA_KEEP = {"plausible_official_visit", "plausible_cross_border"}
"""GENEVA triage values used: the hand-checked visits and the cross-border arms/energy candidates."""
GENEVA_ROLES = {
    "visit": {"visitor": "visitor", "destination": "destination"},
    "arms_sale": {"seller": "seller", "buyer": "buyer"},
    "energy_investment": {"investor": "investor", "location": "host_country"},
}
"""GENEVA candidate role -> eventex core role."""
PLOVER_SOURCE, PLOVER_TARGET = "source_actor(s)", "target_actor(s)"


@dataclass
class Candidate:
    """A mapped sentence from an external event data set, with its core fillers in eventex roles."""

    dataset: str
    id: str
    type: str
    text: str
    triage: str
    roles: dict[str, list[str]] = field(default_factory=dict)


def detokenize(text: str) -> str:
    """Undo GENEVA's PTB-style tokenisation ("Iran 's", "reactor ,", "six - party", ``` `` ```)."""
    t = text.replace("`` ", '"').replace(" ''", '"').replace("``", '"').replace("''", '"')
    t = re.sub(r" ([,.;:!?%)\]])", r"\1", t)
    t = re.sub(r"([(\[$]) ", r"\1", t)
    t = re.sub(r" (['’](?:s|re|ve|ll|d|m)\b|n't\b)", r"\1", t)
    t = re.sub(r"(\w) - (\w)", r"\1-\2", t)
    return " ".join(t.split())


def _dedupe_key(c: Candidate) -> str:
    """Type, sentence and fillers, ignoring case, spacing and punctuation (GENEVA repeats some across splits)."""
    flat = " ".join([c.type, c.text, *(f"{r}={t}" for r, ts in sorted(c.roles.items()) for t in ts)])
    return re.sub(r"[\W_]+", "", flat.casefold())


def read_geneva(path: Path) -> tuple[list[Candidate], Counter[str]]:
    """GENEVA candidates with a kept triage (:data:`GENEVA_KEEP`), and counts of the excluded ones."""
    kept, excluded = [], Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        if r["triage"] not in GENEVA_KEEP or r["eventex_type"] not in GENEVA_ROLES:
            excluded[f"{r['eventex_type']}:{r['triage']}"] += 1
            continue
        roles: dict[str, list[str]] = {}
        for src, dst in GENEVA_ROLES[r["eventex_type"]].items():
            roles.setdefault(dst, []).extend(detokenize(x) for x in r["role_map"].get(src, []))
        cid = f"{r['split']}:{r['wnd_id']}:{r['event_index']}"
        kept.append(Candidate("geneva", cid, r["eventex_type"], detokenize(r["sentence"]), r["triage"], roles))
    return kept, excluded


def read_plover(path: Path) -> tuple[list[Candidate], Counter[str]]:
    """PLOVER candidates triaged ``plausible…`` (visits, the arms transfer), and counts of the excluded ones.

    CONSULT ``mode=visit``: source = visitor, target = destination; ``mode=host``: source = the host (its state
    is the destination), target = visitor. AID (arms): source = seller, target = buyer.
    """
    kept, excluded = [], Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        etype, triage = r["eventex_type"], r["triage"]
        if not triage.startswith("plausible") or etype not in ("visit", "arms_sale"):
            excluded[f"{etype}:{triage.split(' ')[0]}"] += 1
            continue
        src, tgt = r["role_map"].get(PLOVER_SOURCE) or [], r["role_map"].get(PLOVER_TARGET) or []
        if etype == "arms_sale":
            roles = {"seller": src, "buyer": tgt}
        elif r.get("mode") == "host":
            roles = {"visitor": tgt, "destination": src}
        else:
            roles = {"visitor": src, "destination": tgt}
        kept.append(Candidate("plover_gsr", r["id"], etype, r["text"], triage, roles))
    return kept, excluded


def load_probe_sets(shared: Path) -> tuple[list[Candidate], dict[str, Any]]:
    """The kept, de-duplicated candidates of GENEVA and PLOVER under ``shared``, and what was read or skipped."""
    readers = {
        "geneva": (shared / "data" / "geneva" / "eventex_candidates.jsonl", read_geneva),
        "plover_gsr": (shared / "data" / "plover_gsr" / "eventex_candidates.jsonl", read_plover),
    }
    cands: list[Candidate] = []
    info: dict[str, Any] = {}
    seen: set[str] = set()
    for name, (path, reader) in readers.items():
        if not path.exists():
            info[name] = {"skipped": f"{path} not found"}
            print(f"quality: skipping {name}: {path} not found", file=sys.stderr)
            continue
        kept, excluded = reader(path)
        dupes = 0
        for c in kept:
            key = _dedupe_key(c)
            if key in seen:
                dupes += 1
                continue
            seen.add(key)
            cands.append(c)
        info[name] = {
            "path": str(path), "used": len(kept) - dupes, "duplicates_dropped": dupes,
            "used_by_type": dict(Counter(c.type for c in cands if c.dataset == name)), "excluded": dict(excluded),
        }
    return cands, info


GENEVA_MAPPABLE = {
    "Arriving", "Traveling", "Departing", "Motion", "Self_motion", "Motion_directional", "Bringing", "Commerce_sell",
    "Commerce_buy", "Commerce_pay", "Supply", "Sending", "Getting", "Receiving", "Giving", "Exchange", "Building",
    "Creating", "Manufacturing", "Sign_agreement", "Collaboration", "Come_together", "Social_event", "Participation",
    "Becoming_a_member", "Judgment_communication", "Assistance", "Commitment", "Request",
}
"""GENEVA frames that could hold one of our events (a visit, a transfer, a build, an agreement, a meeting, an
endorsement): sentences with any of them are not used as negatives."""
WIKIEVENTS_MAPPABLE = ("Movement.", "Transaction.", "Contact.", "ArtifactExistence.")
NEGATIVES_PER_SET = 300


def _stable_order(key: str) -> str:
    return hashlib.sha1(key.encode()).hexdigest()


def read_negatives(shared: Path, per_set: int = NEGATIVES_PER_SET) -> tuple[list[tuple[str, str, str]], dict]:
    """Real sentences annotated with other event types only: (data set, id, text), a fixed sample per set.

    GENEVA val/test sentences none of whose events is of a frame in :data:`GENEVA_MAPPABLE`, and WikiEvents
    dev/test sentences with no movement, transaction, contact or artifact event. eventex should find no event in
    them; what it finds is counted as a false event (an upper bound: the data sets do not annotate everything).
    """
    out: list[tuple[str, str, str]] = []
    info: dict[str, Any] = {}
    geneva = [shared / "data" / "geneva" / f"{s}.json" for s in ("val", "test")]
    if all(p.exists() for p in geneva):
        pool: dict[str, tuple[str, str, str]] = {}
        for path in geneva:
            for line in path.read_text(encoding="utf-8").splitlines():
                r = json.loads(line)
                if r["event_mentions"] and not {e["event_type"] for e in r["event_mentions"]} & GENEVA_MAPPABLE:
                    text = detokenize(r["sentence"])
                    pool.setdefault(_words_key(text), ("geneva", f"{path.stem}:{r['wnd_id']}", text))
        picked = sorted(pool.values(), key=lambda x: _stable_order(x[1]))[:per_set]
        out += picked
        info["geneva"] = {"eligible": len(pool), "used": len(picked)}
    wiki = [shared / "data" / "wikievents" / f"{s}.jsonl" for s in ("dev", "test")]
    if all(p.exists() for p in wiki):
        pool = {}
        for path in wiki:
            for line in path.read_text(encoding="utf-8").splitlines():
                r = json.loads(line)
                by_sent: dict[int, set[str]] = {}
                for e in r["event_mentions"]:
                    by_sent.setdefault(e["trigger"]["sent_idx"], set()).add(e["event_type"])
                for k, types in by_sent.items():
                    if any(t.startswith(WIKIEVENTS_MAPPABLE) for t in types):
                        continue
                    text = " ".join(r["sentences"][k][1].split())
                    if len(text.split()) >= 5:
                        pool.setdefault(_words_key(text), ("wikievents", f"{path.stem}:{r['doc_id']}:{k}", text))
        picked = sorted(pool.values(), key=lambda x: _stable_order(x[1]))[:per_set]
        out += picked
        info["wikievents"] = {"eligible": len(pool), "used": len(picked)}
    return out, info


def run_negatives(extractor: Extractor, negatives: Sequence[tuple[str, str, str]]) -> dict[str, Any]:
    """False-event rate on sentences of other event types: the share that yields any event, per data set."""
    results = list(extractor.pipe([t for _, _, t in negatives], batch_size=16))
    groups: dict[str, dict[str, Any]] = {}
    false = []
    for (dataset, sid, _text), r in zip(negatives, results, strict=True):
        for key in (dataset, "all"):
            g = groups.setdefault(key, {"n": 0, "with_events": 0, "events": 0})
            g["n"] += 1
            g["with_events"] += bool(r.events)
            g["events"] += len(r.events)
        if r.events:
            false.append({"dataset": dataset, "id": sid, "types": [e.type for e in r.events],
                          "triggers": [e.trigger.text for e in r.events]})
    for g in groups.values():
        g["rate"] = round(g["with_events"] / g["n"], 4)
        g["rate_ci"] = _wilson(g["with_events"], g["n"])
    return {"groups": dict(sorted(groups.items())), "false": false}


def _words_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", normalise_text(text)))


def state_ids(text: str, lookup: Callable[[str], str | None]) -> set[str]:
    """State ids named in ``text``: longest word n-grams (up to 4 words) that ``lookup`` resolves, left to right."""
    toks = re.findall(r"[\w'’.-]+", text)
    out: set[str] = set()
    i = 0
    while i < len(toks):
        for n in range(min(4, len(toks) - i), 0, -1):
            iso = lookup(" ".join(toks[i : i + n]).strip(".,"))
            if iso:
                out.add(iso)
                i += n
                break
        else:
            i += 1
    return out


def filler_matches(entity: Entity, texts: Sequence[str], ids: set[str]) -> bool:
    """Same state id, or one text (mention or canonical) inside the other as whole words."""
    if entity.id and entity.id in ids:
        return True
    mine = {k for k in (_words_key(entity.text), _words_key(entity.canonical or "")) if k}
    for t in texts:
        theirs = _words_key(t)
        if theirs and any(f" {a} " in f" {theirs} " or f" {theirs} " in f" {a} " for a in mine):
            return True
    return False


def _fillers(event: Event, role: str) -> list[Entity]:
    if role not in event_roles(event.type):
        return []
    value = getattr(event, role)
    return list(value) if isinstance(value, list) else [value] if value else []


def _wilson(hits: int, n: int, z: float = 1.96) -> dict[str, float] | None:
    if not n:
        return None
    p = hits / n
    den = 1 + z * z / n
    mid = (p + z * z / (2 * n)) / den
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return {"low": round(max(0.0, mid - half), 4), "high": round(min(1.0, mid + half), 4)}


DEV_SPLIT = "train_partial:"
"""Id prefix of the GENEVA candidates from its partial train split: rules may be written from their misses (since
session 36), so they are reported apart (``dev/all``) from the untuned rest (``untuned/all``: GENEVA val and test,
PLOVER)."""


def run_probes(extractor: Extractor, cands: Sequence[Candidate], lookup: Callable[[str], str | None]) -> dict:
    """Recall per data set and type: an event of the type is found; stricter, with a matching core filler."""
    results = list(extractor.pipe([c.text for c in cands], batch_size=16))
    details, groups = [], {}
    for c, r in zip(cands, results, strict=True):
        same = [e for e in r.events if e.type == c.type]
        ids = {role: set().union(*(state_ids(t, lookup) for t in texts)) for role, texts in c.roles.items()}
        strict = any(
            filler_matches(f, c.roles.get(role, []), ids.get(role, set()))
            for e in same
            for role in CORE_ROLES[c.type]
            for f in _fillers(e, role)
        )
        # ids only: the data sets' sentences and fillers stay in ../shared, never in the results we commit
        details.append({"dataset": c.dataset, "id": c.id, "type": c.type, "triage": c.triage,
                        "found_types": sorted({e.type for e in r.events}), "type_hit": bool(same),
                        "strict_hit": strict})
        part = "dev" if c.id.startswith(DEV_SPLIT) else "untuned"
        for key in (f"{c.dataset}/{c.type}", f"{c.dataset}/all", f"all/{c.type}", "all/all", f"{part}/all"):
            g = groups.setdefault(key, {"n": 0, "type_hits": 0, "strict_hits": 0})
            g["n"] += 1
            g["type_hits"] += bool(same)
            g["strict_hits"] += strict
    for g in groups.values():
        g["recall"] = round(g["type_hits"] / g["n"], 4)
        g["recall_ci"] = _wilson(g["type_hits"], g["n"])
        g["strict_recall"] = round(g["strict_hits"] / g["n"], 4)
        g["strict_recall_ci"] = _wilson(g["strict_hits"], g["n"])
    return {"groups": dict(sorted(groups.items())), "details": details}


def gazetteer_lookup() -> Callable[[str], str | None]:
    """Surface form -> state id with eventex's own gazetteer (only to read ids out of the probes' role texts)."""
    from eventex.stages.resolve import Gazetteer

    gaz = Gazetteer()

    def lookup(text: str) -> str | None:
        m = gaz.lookup(text)
        return m.iso3 if m else None

    return lookup


# --- main -------------------------------------------------------------------------------------------------


def load_system(name: str) -> tuple[Extractor, float]:
    """The extractor of a system of :data:`SYSTEMS` and its load time in seconds."""
    import eventex

    opts = dict(SYSTEMS[name][1])
    start = time.perf_counter()
    ex = eventex.load(opts.pop("model", None), **opts)
    return ex, time.perf_counter() - start


def run(
    *,
    shared: Path | None,
    systems: Sequence[str],
    test_path: Path,
    dev_path: Path,
    news_paths: Mapping[str, Path] | None = None,
    samples: int = 1000,
    seed: int = 0,
    conll_limit: int | None = None,
    conll_systems: Sequence[str] = ("shipped", "spacy"),
    limit_docs: int | None = None,
    loader: Callable[[str], tuple[Extractor, float]] = load_system,
) -> dict[str, Any]:
    """Every accuracy measurement, as the dict written to ``quality.json``."""
    from eventex import corpus

    test = corpus.load(test_path)[:limit_docs]
    dev = corpus.load(dev_path)[:limit_docs]
    news = {split: corpus.load(p)[:limit_docs] for split, p in (news_paths or {}).items() if p.exists()}
    conll = shared / "data" / "conll2003" / "test.txt" if shared else None
    if conll is None or not conll.exists():
        print(f"quality: skipping CoNLL-2003: {conll} not found", file=sys.stderr)
    cands, probe_info = load_probe_sets(shared) if shared else ([], {"all": {"skipped": "no --shared"}})
    negatives, negative_info = read_negatives(shared) if shared else ([], {"all": {"skipped": "no --shared"}})
    lookup = gazetteer_lookup()
    out: dict[str, Any] = {
        "stamp": benchlib.stamp(),
        "settings": {
            "bootstrap_samples": samples, "seed": seed, "test": str(test_path), "test_documents": len(test),
            "test_words": sum(benchlib.words(d.text) for d in test), "dev": str(dev_path),
            "dev_documents": len(dev), "shared": str(shared) if shared else None, "conll_limit_docs": conll_limit,
            "conll_systems": list(conll_systems),
            "news": {split: len(docs) for split, docs in news.items()},
        },
        "probe_sets": probe_info,
        "negative_sets": negative_info,
        "systems": {},
    }
    for name in systems:
        print(f"quality: {name} …", file=sys.stderr)
        ex, load_s = loader(name)
        res: dict[str, Any] = {"description": SYSTEMS.get(name, (name, {}))[0], "load_seconds": round(load_s, 2)}
        res["test"] = score_corpus(ex, test, samples=samples, seed=seed)
        res["dev"] = score_corpus(ex, dev, samples=samples, seed=seed)
        for split, docs in news.items():
            res[f"news_{split}"] = score_corpus(ex, docs, samples=samples, seed=seed)
        if name not in conll_systems:
            res["conll"] = {"skipped": "not requested (--conll-systems)"}
        elif conll is not None and conll.exists():
            res["conll"] = score_conll(ex, conll, samples=samples, seed=seed, limit_docs=conll_limit)
        else:
            res["conll"] = {"skipped": f"{conll} not found"}
        res["probes"] = run_probes(ex, cands, lookup) if cands else {"skipped": "no probe data"}
        res["negatives"] = run_negatives(ex, negatives) if negatives else {"skipped": "no negative data"}
        out["systems"][name] = res
        del ex
    if "shipped" in out["systems"] and "int8" in out["systems"]:
        out["int8_check"] = int8_check(out["systems"]["shipped"]["dev"], out["systems"]["int8"]["dev"])
    out["casing_ablation"] = casing_ablation()
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """``python benchmarks/quality.py --shared ../shared --out benchmarks/results``."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--shared", default="../shared", help="folder with data/conll2003, data/geneva, …")
    p.add_argument("--out", default=str(benchlib.RESULTS), help="results folder (quality.json, plots)")
    p.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated, of: " + ", ".join(SYSTEMS))
    p.add_argument("--bootstrap", type=int, default=1000, help="bootstrap samples")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--conll-systems", default="shipped,spacy", help="systems also scored on CoNLL-2003 test")
    p.add_argument("--conll-limit", type=int, default=None, metavar="N", help="only the first N CoNLL documents")
    p.add_argument("--no-render", action="store_true", help="do not rewrite RESULTS.md and the plots")
    args = p.parse_args(argv)
    shared = Path(args.shared)
    if not shared.exists():
        print(f"quality: {shared} not found: external probes skipped", file=sys.stderr)
    start = time.perf_counter()
    data = run(
        shared=shared if shared.exists() else None,
        systems=[s for s in args.systems.split(",") if s],
        test_path=benchlib.CORPORA / "test.jsonl",
        dev_path=benchlib.CORPORA / "dev.jsonl",
        news_paths={split: benchlib.CORPORA / "news" / f"{split}.jsonl" for split in ("test", "dev")},
        samples=args.bootstrap,
        seed=args.seed,
        conll_limit=args.conll_limit,
        conll_systems=[s for s in args.conll_systems.split(",") if s],
    )
    benchlib.finish("quality", data, start, Path(args.out), None if args.no_render else render_results.render)
    return 0


if __name__ == "__main__":
    sys.exit(main())
