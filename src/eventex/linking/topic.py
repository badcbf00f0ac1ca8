"""The article's topic state as a last-resort filler: a firm's investment or arms sale whose sentence names no host
country or buyer ('Kogas holds 10% of the Area 4 block', deep in a story about Mozambique) is with the state the
article is about, when that state is plainly its topic and foreign to the firm."""

from __future__ import annotations

from eventex.linking.context import Candidate, LinkContext

TOPIC_ROLES = {"energy_investment": ("investor", "host_country"), "arms_sale": ("seller", "buyer")}
"""Event type -> (the firm's role, the role the topic state fills)."""


def topic_fill(cand: Candidate, ctx: LinkContext) -> None:
    """An investment or sale by a firm of a known state (not a body of the state itself), with no host country or
    buyer found: the article's topic state (:attr:`LinkContext.topic_state`) as a fallback, unless it is the firm's
    own (a story about its home) or the text puts the investment at the firm's home."""
    roles = TOPIC_ROLES.get(cand.type)
    if roles is None or cand.fillers.get(roles[1]) or cand.at_home:
        return
    firm = cand.first(roles[0])
    if firm is None or firm.label != "ORG" or firm.id or not firm.affiliation:
        return  # no firm, or a state's own body ('the Ghana Air Force', which buys)
    topic = ctx.topic_state
    src = ctx.state_mention(topic, cand.trigger_token) if topic and topic != firm.affiliation else None
    if src is not None:
        cand.fillers[roles[1]] = [src.model_copy(update={"implicit": True})]
        cand.fallback_used = True
