"""Arguments told in a later sentence about the deal: 'The contract is worth about $310 million', 'The total cost of
the project is estimated at $616 million', 'The plant will have a capacity of 65 megawatts'.

News often states a deal first and its sum or size sentences later. A sum or quantity that a later sentence of the
paragraph gives a definite deal or asset noun fills the role of the latest event of a fitting type told before that
sentence, when that event has none (a mention in an event's own sentence, or already a filler, goes to no other).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection

from spacy.tokens import Token

from eventex.linking.context import LinkContext
from eventex.schema import Event


def fill_told_later(events: list[Event], ctx: LinkContext, role: str, label: str, types: Collection[str],
                    states: Callable[[Token], bool]) -> list[Event]:
    """``events`` with ``role`` filled, for those of ``types`` that lack it, by the first ``label`` mention after them
    in their paragraph that ``states`` of its root token, when the event is the latest of ``types`` told before it."""
    used = {(v.start, v.end) for ev in events if (v := getattr(ev, role, None)) is not None}
    told = sorted((s.start, n) for n, ev in enumerate(events) if ev.type in types for s in ev.evidence)
    starts = [at for at, _ in told]
    own = {s.start for ev in events for s in ev.evidence}
    out = list(events)
    for m in ctx.mentions:
        e, at = m.entity, m.span.sent.start_char
        k = bisect.bisect_left(starts, at)
        if e.label != label or (e.start, e.end) in used or at in own or k == 0:
            continue
        last, n = told[k - 1]
        if getattr(out[n], role) is None and ctx.same_paragraph(last, at) and states(m.root):
            out[n] = out[n].model_copy(update={role: e})
    return out
