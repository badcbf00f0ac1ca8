"""Helpers of the linking and resolver tests: hand-placed entities, and the core tuples of extracted events."""

from __future__ import annotations

from eventex.schema import CORE_ROLES, Entity


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


def core_pairs(events, type_: str) -> set[tuple]:
    """(agent, other core filler) of every event of ``type_``, as :func:`core_tuples` keys them, without status."""
    return {(a, o) for a, o, _ in core_tuples(events, type_)}


def sales(events) -> set[tuple]:
    """(seller, buyer) of every arms sale (:func:`core_pairs`)."""
    return core_pairs(events, "arms_sale")


def investments(events) -> set[tuple]:
    """(investor, host country) of every energy investment (:func:`core_pairs`)."""
    return core_pairs(events, "energy_investment")


def ent(text: str, sub: str, label: str, nth: int = 0, **fields) -> Entity:
    """An entity on the ``nth`` occurrence (from 0) of ``sub`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Entity(text=sub, start=start, end=start + len(sub), label=label, **fields)
