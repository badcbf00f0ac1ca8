"""Score eventex on string-annotated real-news excerpts kept outside the repository (docs/realnews.md).

Each line of a gold file is ``{"id", "text", "published", "events": [{"type", "status", "roles": {role:
[[surface form, …], …]}}]}``: every filler lists the forms that name it in the excerpt. A predicted filler matches
one of them as the corpus scorer matches texts (:func:`eventex.eval.match.keys_match`), or by state id: the id of
a mention of that form, or a state the form names (:func:`quality.state_ids`). Core tuples are counted as in
``eventex evaluate``, arguments as one (type, role, filler) per filler of every role of a document's events (repeats
once); the interval is a percentile bootstrap over documents.

    python benchmarks/realnews.py ../private/realnews/*.jsonl --by-type --by-role --bootstrap 1000
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from quality import gazetteer_lookup, state_ids

import eventex
from eventex.eval.bootstrap import bootstrap, micro_f1
from eventex.eval.counts import Counts, total
from eventex.eval.match import keys_match, max_matching, normalise_text
from eventex.schema import CORE_ROLES, Entity, Event, event_roles

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


def event_pairs(gold: Sequence[list[GoldTuple]], pred: Sequence[list[PredTuple]]) -> list[tuple[int, int]]:
    """Greedy one-to-one (gold event, predicted event) pairs sharing core tuples, most shared first (as
    :func:`eventex.eval.match.match_events` pairs the corpus's events)."""
    shared = sorted((-n, i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                    if (n := max_matching(g, p, compatible)))
    pairs: list[tuple[int, int]] = []
    for _, i, j in shared:
        if all(i != a and j != b for a, b in pairs):
            pairs.append((i, j))
    return pairs


@dataclass(frozen=True)
class GoldArgument:
    """A gold argument: type, role, and the forms and state ids of its filler."""

    type: str
    role: str
    forms: Forms
    ids: frozenset[str]


PredArgument = tuple[str, str, Entity]


def gold_arguments(doc: dict, entities: Sequence[Entity], lookup: Callable[[str], str | None]) -> list[GoldArgument]:
    """One argument per filler of every role of the excerpt's gold events, without repeats."""
    out: dict[tuple[str, str, Forms], GoldArgument] = {}
    for ev in doc["events"]:
        for role, fillers in ev["roles"].items():
            for forms in map(tuple, fillers):
                keys = {normalise_text(f) for f in forms}
                ids = {e.id for e in entities if e.id and normalise_text(e.text) in keys}
                ids = frozenset(ids.union(*(state_ids(f, lookup) for f in forms)))
                out.setdefault((ev["type"], role, forms), GoldArgument(ev["type"], role, forms, ids))
    return list(out.values())


def predicted_arguments(events: Iterable[Event]) -> list[PredArgument]:
    """One (type, role, filler) per filler of every role of the predicted events, without repeats."""
    out: dict[tuple[str, str, str], PredArgument] = {}
    for ev in events:
        for role in event_roles(ev.type):
            value = getattr(ev, role)
            for ent in value if isinstance(value, list) else [value] if value else []:
                out.setdefault((ev.type, role, ent.id or normalise_text(ent.text)), (ev.type, role, ent))
    return list(out.values())


def argument_compatible(g: GoldArgument, p: PredArgument) -> bool:
    """Whether a predicted argument matches a gold one: same type and role, matching filler."""
    return (g.type, g.role) == p[:2] and filler_matches(g.forms, g.ids, p[2])


def _counts(gold: list[GoldTuple], pred: list[PredTuple]) -> Counts:
    tp = max_matching(gold, pred, compatible)
    return Counts(tp, len(pred) - tp, len(gold) - tp)


def score_document(doc: dict, extractor: eventex.Extractor, lookup: Callable[[str], str | None]) -> dict:
    """Core-tuple counts of one excerpt, overall and per type, with its missed gold and false predicted tuples, and
    the (gold, predicted) status of each pair of matched events."""
    result = extractor.extract(doc["text"], published=doc.get("published"))
    gold_events = [gold_tuples({"events": [ev]}, result.entities, lookup) for ev in doc["events"]]
    pred_events = [predicted_tuples([ev]) for ev in result.events]
    gold, pred = [t for ts in gold_events for t in ts], [t for ts in pred_events for t in ts]
    statuses = [(doc["events"][i]["status"], result.events[j].status)
                for i, j in event_pairs(gold_events, pred_events)]
    counts = {"all": _counts(gold, pred)}
    for etype in CORE_ROLES:
        counts[etype] = _counts([t for t in gold if t.type == etype], [t for t in pred if t[0] == etype])
    g_args, p_args = gold_arguments(doc, result.entities, lookup), predicted_arguments(result.events)
    arguments = {}
    for key in sorted({(a.type, a.role) for a in g_args} | {a[:2] for a in p_args}):
        g = [a for a in g_args if (a.type, a.role) == key]
        p = [a for a in p_args if a[:2] == key]
        tp = max_matching(g, p, argument_compatible)
        arguments[key] = Counts(tp, len(p) - tp, len(g) - tp)
    misses = [(g.type, g.agent and g.agent[0], g.other and g.other[0]) for g in gold
              if not any(compatible(g, p) for p in pred)]
    false = [(p[0], p[1] and p[1].text, p[2] and p[2].text) for p in pred if not any(compatible(g, p) for g in gold)]
    return {"id": doc["id"], "counts": counts, "arguments": arguments, "misses": misses, "false": false,
            "statuses": statuses}


def read(paths: Iterable[Path]) -> list[dict]:
    return [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path, help="gold JSONL files (kept outside the repository)")
    ap.add_argument("--by-type", action="store_true", help="also F1 and recall per event type")
    ap.add_argument("--by-role", action="store_true", help="also argument F1 per event type and role")
    ap.add_argument("--misses", action="store_true", help="also list missed gold and false predicted tuples")
    ap.add_argument("--status", action="store_true", help="also the (gold, predicted) status pairs of matched events")
    ap.add_argument("--bootstrap", type=int, default=0, help="bootstrap samples for the interval (0: none)")
    args = ap.parse_args(argv)
    extractor, lookup = eventex.load(), gazetteer_lookup()
    scored = [score_document(d, extractor, lookup) for d in read(args.files)]
    overall = total(s["counts"]["all"] for s in scored).score()
    line = (f"F1 {overall.f1:.3f} tp {overall.tp} pred {overall.tp + overall.fp} gold {overall.tp + overall.fn} "
            f"P {overall.precision:.3f} R {overall.recall:.3f}")
    ci = bootstrap(scored, {"f1": micro_f1(lambda s: {"all": s["counts"]["all"]})}, samples=args.bootstrap)
    if "f1" in ci:
        line += f" CI [{ci['f1'].low:.3f}, {ci['f1'].high:.3f}]"
    print(line)
    args_all = total(c for s in scored for c in s["arguments"].values()).score()
    line = (f"argument F1 {args_all.f1:.3f} (tp {args_all.tp} pred {args_all.tp + args_all.fp} "
            f"gold {args_all.tp + args_all.fn})")
    ci = bootstrap(scored, {"f1": micro_f1(lambda s: {"all": total(s["arguments"].values())})}, samples=args.bootstrap)
    if "f1" in ci:
        line += f" CI [{ci['f1'].low:.3f}, {ci['f1'].high:.3f}]"
    print(line)
    statuses = Counter(pair for s in scored for pair in s["statuses"])
    matched, correct = statuses.total(), sum(n for (g, p), n in statuses.items() if g == p)
    print(f"status accuracy {correct / matched if matched else 0.0:.3f} ({correct}/{matched} matched events)")
    if args.status:
        for (g, p), n in sorted(statuses.items(), key=lambda kv: -kv[1]):
            print(f"  gold {g:9s} predicted {p:9s} {n}")
    if args.by_type:
        for etype in CORE_ROLES:
            c = total(s["counts"][etype] for s in scored).score()
            print(f"  {etype:18s} F1 {c.f1:.3f} R {c.recall:.3f} ({c.tp}/{c.tp + c.fp}/{c.tp + c.fn})")
    if args.by_role:
        roles: dict[tuple[str, str], Counts] = {}
        for s in scored:
            for key, c in s["arguments"].items():
                roles[key] = roles.get(key, Counts(0, 0, 0)) + c
        for (etype, role), c in sorted(roles.items()):
            sc = c.score()
            print(f"  {etype + '.' + role:30s} F1 {sc.f1:.3f} P {sc.precision:.3f} R {sc.recall:.3f} "
                  f"({sc.tp}/{sc.tp + sc.fp}/{sc.tp + sc.fn})")
    if args.misses:
        for s in scored:
            for t in s["misses"]:
                print(f"  MISS {s['id']} {t[0]} {t[1]} -> {t[2]}")
            for t in s["false"]:
                print(f"  FP   {s['id']} {t[0]} {t[1]} -> {t[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
