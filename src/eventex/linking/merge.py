"""Document-level merging: repeated mentions of one real-world event become one event."""

from __future__ import annotations

from eventex.schema import CORE_ROLES, Entity, event_roles


def filler_key(e: Entity) -> str:
    """What identifies a filler across mentions: its state id, else its canonical name, else its text."""
    if e.id:
        return e.id
    return (e.canonical or e.text).casefold()


def _keys(value) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, list):
        return {filler_key(v) for v in value}
    return {filler_key(value)}


def _agent_key(ev) -> set[str]:
    agent = getattr(ev, CORE_ROLES[ev.type][0])
    if agent is None:
        return set()
    keys = _keys(agent)
    if agent.affiliation and agent.label == "PERSON":  # a leader stands for the state; two firms of one state do not
        keys.add(agent.affiliation)
    return keys


def same_event(a, b) -> bool:
    """Whether two extracted events describe the same real-world event.

    Mentions in different sentences must agree on status; two triggers of one sentence ("joined a
    consortium to build …") may differ, and the merged event takes the status that wins by precedence.
    """
    if a.type != b.type:
        return False
    same_sentence = bool(set(map(_span_key, a.evidence)) & set(map(_span_key, b.evidence)))
    if a.status != b.status and not same_sentence:
        return False
    second = CORE_ROLES[a.type][1]
    ka, kb = _agent_key(a), _agent_key(b)
    if ka and kb and not ka & kb:
        return False
    if same_sentence and ka & kb and a.type == "visit":
        return True  # 'toured Central Asia, making stops in Kazakhstan and Uzbekistan': one tour
    sa, sb = _keys(getattr(a, second)), _keys(getattr(b, second))
    if not sa or not sb or not sa & sb:
        return False
    da, db = a.date, b.date
    same_grain = bool(da and db and da.date_start and db.date_start and da.granularity == db.granularity)
    if same_grain and da.date_start != db.date_start:
        return False
    return bool(ka or kb)


def _span_key(span) -> tuple[int, int]:
    return span.start, span.end


def merge_events(events: list, precedence: list[str] | tuple[str, ...] = ()) -> list:
    """Merge events that :func:`same_event` says are one; the first mention keeps its trigger and id."""
    merged: list = []
    for ev in events:
        target = next((m for m in merged if same_event(m, ev)), None)
        if target is None:
            merged.append(ev)
            continue
        updates: dict = {
            "evidence": target.evidence + [s for s in ev.evidence if s not in target.evidence],
            "sources": target.sources + [c for c in ev.sources if c not in target.sources],
            "confidence": max(target.confidence, ev.confidence),
        }
        if target.status != ev.status:
            updates["status"] = next((s for s in precedence if s in (target.status, ev.status)), target.status)
        if target.date is None and ev.date is not None:
            updates["date"] = ev.date
        for role, many in event_roles(ev.type).items():
            mine, theirs = getattr(target, role), getattr(ev, role)
            if many:
                have = _keys(mine)
                updates[role] = mine + [x for x in theirs if filler_key(x) not in have]
            elif mine is None and theirs is not None:
                updates[role] = theirs
        merged[merged.index(target)] = target.model_copy(update=updates)
    return merged
