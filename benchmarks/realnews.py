"""Score eventex on string-annotated real-news excerpts kept outside the repository (docs/realnews.md).

Each line of a gold file is ``{"id", "text", "published", "events": [{"type", "status", "roles": {role:
[[surface form, …], …]}}]}``: every filler lists the forms that name it in the excerpt. A predicted filler matches
one of them as the corpus scorer matches texts (:func:`eventex.eval.match.keys_match`), or by state id: the id of
a mention of that form, or a state the form names (:func:`quality.state_ids`). Core tuples are counted as in
``eventex evaluate``; the interval is a percentile bootstrap over documents.

    python benchmarks/realnews.py ../private/realnews/*.jsonl --by-type --bootstrap 1000
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from quality import gazetteer_lookup, state_ids

import eventex
from eventex.eval.match import keys_match, max_matching, normalise_text
from eventex.schema import CORE_ROLES, Entity, Event

Forms = tuple[str, ...]


@dataclass(frozen=True)
class GoldTuple:
    """A gold core tuple: type, and the forms and state ids of its agent and other filler (None: not named)."""

    type: str
    agent: Forms | None
    other: Forms | None
    agent_ids: frozenset[str]
    other_ids: frozenset[str]


PredTuple = tuple[str, Entity | None, Entity | None]


def filler_matches(forms: Forms | None, ids: frozenset[str], ent: Entity | None) -> bool:
    """Whether a predicted filler matches a gold filler (both absent, the same state id, or matching texts)."""
    if forms is None or ent is None:
        return forms is None and ent is None
    if ent.id and ent.id in ids:
        return True
    mine = ("text", normalise_text(ent.text))
    return any(keys_match(("text", normalise_text(f)), mine) for f in forms)


def gold_tuples(doc: dict, entities: Sequence[Entity], lookup: Callable[[str], str | None]) -> list[GoldTuple]:
    """The core tuples of a gold excerpt, with the state ids its fillers' forms name."""

    def ids(forms: Forms | None) -> frozenset[str]:
        keys = {normalise_text(f) for f in forms or ()}
        named = {e.id for e in entities if e.id and normalise_text(e.text) in keys}
        return frozenset(named.union(*(state_ids(f, lookup) for f in forms or ())))

    out = []
    for ev in doc["events"]:
        agent_role, other_role = CORE_ROLES[ev["type"]]
        agents = [tuple(f) for f in ev["roles"].get(agent_role, [])] or [None]
        others = [tuple(f) for f in ev["roles"].get(other_role, [])] or [None]
        out += [GoldTuple(ev["type"], a, o, ids(a), ids(o)) for a in agents for o in others if a or o]
    return out


def predicted_tuples(events: Iterable[Event]) -> list[PredTuple]:
    """One (type, agent, other) per filler pair of each predicted event (a missing side is None)."""
    out: list[PredTuple] = []
    for ev in events:
        fillers = []
        for role in CORE_ROLES[ev.type]:
            value = getattr(ev, role)
            fillers.append([*(value if isinstance(value, list) else [value] if value else [])] or [None])
        out += [(ev.type, a, o) for a in fillers[0] for o in fillers[1] if a or o]
    return out


def compatible(g: GoldTuple, p: PredTuple) -> bool:
    """Whether a predicted tuple matches a gold one: same type, matching agent and counterpart."""
    return g.type == p[0] and filler_matches(g.agent, g.agent_ids, p[1]) and filler_matches(g.other, g.other_ids, p[2])


def _counts(gold: list[GoldTuple], pred: list[PredTuple]) -> Counter:
    return Counter(tp=max_matching(gold, pred, compatible), pred=len(pred), gold=len(gold))


def score_document(doc: dict, extractor: eventex.Extractor, lookup: Callable[[str], str | None]) -> dict:
    """tp, predicted and gold tuple counts of one excerpt, overall and per type, with its misses and false tuples."""
    result = extractor.extract(doc["text"], published=doc.get("published"))
    gold, pred = gold_tuples(doc, result.entities, lookup), predicted_tuples(result.events)
    counts = {"all": _counts(gold, pred)}
    for etype in CORE_ROLES:
        counts[etype] = _counts([t for t in gold if t.type == etype], [t for t in pred if t[0] == etype])
    misses = [(g.type, g.agent and g.agent[0], g.other and g.other[0]) for g in gold
              if not any(compatible(g, p) for p in pred)]
    false = [(p[0], p[1] and p[1].text, p[2] and p[2].text) for p in pred if not any(compatible(g, p) for g in gold)]
    return {"id": doc["id"], "counts": counts, "misses": misses, "false": false}


def f1(counts: Sequence[Counter]) -> float:
    tp, pred, gold = (sum(c[k] for c in counts) for k in ("tp", "pred", "gold"))
    return 2 * tp / (pred + gold) if pred + gold else 0.0


def bootstrap(counts: Sequence[Counter], samples: int, seed: int = 0) -> tuple[float, float] | None:
    """The 95% percentile interval of F1 over documents resampled with replacement."""
    if not samples or not counts:
        return None
    rnd = random.Random(seed)
    values = sorted(f1([rnd.choice(counts) for _ in counts]) for _ in range(samples))
    return values[int(0.025 * samples)], values[min(samples - 1, int(0.975 * samples))]


def read(paths: Iterable[Path]) -> list[dict]:
    return [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path, help="gold JSONL files (kept outside the repository)")
    ap.add_argument("--by-type", action="store_true", help="also F1 and recall per event type")
    ap.add_argument("--misses", action="store_true", help="also list missed gold and false predicted tuples")
    ap.add_argument("--bootstrap", type=int, default=0, help="bootstrap samples for the interval (0: none)")
    args = ap.parse_args(argv)
    extractor, lookup = eventex.load(), gazetteer_lookup()
    scored = [score_document(d, extractor, lookup) for d in read(args.files)]
    overall = [s["counts"]["all"] for s in scored]
    tp, pred, gold = (sum(c[k] for c in overall) for k in ("tp", "pred", "gold"))
    line = f"F1 {f1(overall):.3f} tp {tp} pred {pred} gold {gold} P {tp / max(pred, 1):.3f} R {tp / max(gold, 1):.3f}"
    if ci := bootstrap(overall, args.bootstrap):
        line += f" CI [{ci[0]:.3f}, {ci[1]:.3f}]"
    print(line)
    if args.by_type:
        for etype in CORE_ROLES:
            c = [s["counts"][etype] for s in scored]
            tp_t, pred_t, gold_t = (sum(x[k] for x in c) for k in ("tp", "pred", "gold"))
            print(f"  {etype:18s} F1 {f1(c):.3f} R {tp_t / max(gold_t, 1):.3f} ({tp_t}/{pred_t}/{gold_t})")
    if args.misses:
        for s in scored:
            for t in s["misses"]:
                print(f"  MISS {s['id']} {t[0]} {t[1]} -> {t[2]}")
            for t in s["false"]:
                print(f"  FP   {s['id']} {t[0]} {t[1]} -> {t[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
