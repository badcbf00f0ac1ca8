"""Helper of the news-language linking tests: the core tuples of extracted events."""

from __future__ import annotations

from eventex.schema import CORE_ROLES


def core_tuples(events, type_: str) -> set[tuple]:
    """(agent, other core filler, status) of every event of ``type_``; a filler is its state id, else its text."""
    agent_role, other_role = CORE_ROLES[type_]
    out = set()
    for e in events:
        if e.type != type_:
            continue
        agent, others = getattr(e, agent_role), getattr(e, other_role)
        for o in others if isinstance(others, list) else [others]:
            out.add((agent.id or agent.text if agent else None, o.id or o.text if o else None, e.status))
    return out
