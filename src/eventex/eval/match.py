"""Matching: filler keys, core tuples and argument triples, and one-to-one matching between gold and predicted."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from eventex.corpus.gold import GoldDocument, GoldEvent
from eventex.schema import CORE_ROLES, Entity, Event, event_roles

T = TypeVar("T")


FillerKey = tuple[str, str]
"""``("id", "RUS")`` or ``("text", "sergei lavrov")``."""


CoreTuple = tuple[str, FillerKey | None, FillerKey | None]
"""(event type, agent key, other key) over the core roles of :data:`eventex.schema.CORE_ROLES`."""


ArgTriple = tuple[str, str, FillerKey]
"""(event type, role, filler key)."""


_POSSESSIVE_RE = re.compile(r"['’]s$|(?<=s)['’]$")


def normalise_text(text: str) -> str:
    """Case-folded text without outer space, a leading 'the ' or a trailing possessive."""
    t = " ".join(text.casefold().split())
    return _POSSESSIVE_RE.sub("", t.removeprefix("the "))


def filler_key(entity: Entity) -> FillerKey:
    """The key of a filler (a predicted Entity or a GoldMention): its id, else its normalised text."""
    return ("id", entity.id) if entity.id else ("text", normalise_text(entity.text))


def keys_match(a: FillerKey | None, b: FillerKey | None) -> bool:
    """Same id; or equal texts, or one text a whole-word suffix of the other; None matches only None."""
    if a is None or b is None:
        return a is b
    if a[0] != b[0] or a[1] == b[1]:
        return a == b
    if a[0] == "id":
        return False
    short, long = sorted((a[1], b[1]), key=len)
    return long.endswith(" " + short)


def core_match(a: CoreTuple, b: CoreTuple) -> bool:
    """Two core tuples of the same type whose agent and other keys match."""
    return a[0] == b[0] and keys_match(a[1], b[1]) and keys_match(a[2], b[2])


def arg_match(a: ArgTriple, b: ArgTriple) -> bool:
    """Two argument triples of the same type and role whose filler keys match."""
    return a[:2] == b[:2] and keys_match(a[2], b[2])


def max_matching(gold: Sequence[T], pred: Sequence[T], compatible: Callable[[T, T], bool]) -> int:
    """The size of a maximum one-to-one matching between ``gold`` and ``pred`` (augmenting paths)."""
    edges = [[j for j, p in enumerate(pred) if compatible(g, p)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(augment(i, set()) for i in range(len(gold)))


def gold_fillers(doc: GoldDocument, event: GoldEvent) -> dict[str, list[FillerKey]]:
    """Role -> filler keys of a gold event (implicit fillers take the key of the mention they point at)."""
    out: dict[str, list[FillerKey]] = {role: [] for role in event_roles(event.type)}
    for arg in event.arguments:
        out[arg.role].append(("id", arg.id) if arg.id else filler_key(doc.mention(arg.mention)))
    return out


def predicted_fillers(event: Event) -> dict[str, list[FillerKey]]:
    """Role -> filler keys of a predicted event."""
    out: dict[str, list[FillerKey]] = {}
    for role, many in event_roles(event.type).items():
        value = getattr(event, role)
        out[role] = [filler_key(e) for e in (value if many else [value] if value else [])]
    return out


def core_tuples(event_type: str, fillers: Mapping[str, list[FillerKey]]) -> set[CoreTuple]:
    """One tuple per (agent, other) filler pair; a missing side is None; a tuple with both None is dropped."""
    agent_role, other_role = CORE_ROLES[event_type]
    agents: list[FillerKey | None] = [*fillers.get(agent_role, [])] or [None]
    others: list[FillerKey | None] = [*fillers.get(other_role, [])] or [None]
    return {(event_type, a, o) for a in agents for o in others if a is not None or o is not None}


def argument_triples(event_type: str, fillers: Mapping[str, list[FillerKey]]) -> set[ArgTriple]:
    """One (type, role, key) triple per filler of every role."""
    return {(event_type, role, k) for role, keys in fillers.items() for k in keys}


def match_events(gold: list[set[CoreTuple]], pred: list[set[CoreTuple]]) -> list[tuple[int, int]]:
    """Greedy one-to-one (gold, pred) pairs sharing core tuples, most shared first."""
    shared = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            n = max_matching(sorted(g, key=repr), sorted(p, key=repr), core_match)
            if n:
                shared.append((-n, i, j))
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, i, j in sorted(shared):
        if i not in used_g and j not in used_p:
            pairs.append((i, j))
            used_g.add(i)
            used_p.add(j)
    return pairs
