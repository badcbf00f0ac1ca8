"""Last-resort fillers of a firm's investment or arms sale whose sentence names no host country or buyer: the state
whose ministry reports it ('Sinohydro won a tender for the unit, the Ministry of Energy of Kyrgyzstan reported'), else
the state the article is about ('Kogas holds 10% of the Area 4 block', deep in a story about Mozambique), when that
state is plainly its topic; either only when foreign to the firm."""

from __future__ import annotations

from spacy.tokens import Token

from eventex.linking.context import Candidate, LinkContext
from eventex.linking.rules import Words, is_state_body
from eventex.schema import Entity

TOPIC_ROLES = {"energy_investment": ("investor", "host_country"), "arms_sale": ("seller", "buyer")}
"""Event type -> (the firm's role, the role the topic state fills)."""


def topic_fill(cand: Candidate, ctx: LinkContext, words: Words) -> None:
    """An investment or sale by a firm of a known state (not a body of the state itself), with no host country or
    buyer found: the state body that reports it (:func:`_reporting_body`), else the article's topic state
    (:attr:`LinkContext.topic_state`) as a fallback, unless it is the firm's own (a story about its home) or the
    text puts the investment at the firm's home."""
    roles = TOPIC_ROLES.get(cand.type)
    if roles is None or cand.fillers.get(roles[1]) or cand.at_home:
        return
    firm = cand.first(roles[0])
    if firm is None or firm.label != "ORG" or firm.id or not firm.affiliation:
        return  # no firm, or a state's own body ('the Ghana Air Force', which buys)
    if _region_named(cand.trigger_token, ctx):
        return  # 'its first artillery sale in Southeast Asia': somewhere the text names, not the topic
    body = _reporting_body(cand.trigger_token, ctx, words)
    topic = ctx.topic_state
    src = ctx.state_mention(topic, cand.trigger_token) if topic and topic != firm.affiliation else None
    if body is not None and body.affiliation != firm.affiliation:
        own = body.model_copy(update={"id": body.affiliation})
        src = ctx.state_mention(body.affiliation, cand.trigger_token) or own
    if src is not None:
        cand.fillers[roles[1]] = [src.model_copy(update={"implicit": True})]
        cand.fallback_used = True


def _region_named(trig: Token, ctx: LinkContext) -> bool:
    """Whether the trigger's own 'in' or 'to' phrase names a region (a LOC mention: 'in Southeast Asia')."""
    return any(
        (e := ctx.by_token.get(g.i)) is not None and e.label == "LOC"
        for p in trig.children if p.dep_ == "prep" and p.lower_ in ("in", "to")
        for g in p.children if g.dep_ == "pobj"
    )


def _reporting_body(trig: Token, ctx: LinkContext, words: Words) -> Entity | None:
    """The state body of a known state ('the Ministry of Energy of Kyrgyzstan', :func:`is_state_body`) that is the
    subject of the reporting verb heading the trigger's sentence ('…, the ministry reported'), if any."""
    root = trig.sent.root
    if root.i == trig.i or root.lemma_.lower() not in words.reporter_verbs:
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    e = ctx.by_token.get(subj.i) if subj is not None else None
    if e is None or e.label != "ORG" or not e.affiliation or e.id:
        return None
    return e if is_state_body(e.text, words.state_bodies) else None
