"""A delegation that a visit names only by its state ('A Ruritanian delegation has arrived in X') is led by the
person a neighbouring sentence of the paragraph says leads it ('The delegation is headed by Minister Y'): that
person is the visitor, implicit. A delegation named only as 'the' or 'this' one ('This delegation is scheduled to
travel to Mongolia next') is the one of the visit before it: its visitor travels on."""

from __future__ import annotations

from spacy.tokens import Token

from eventex.linking.context import DEFINITE, Candidate, LinkContext, latest_before
from eventex.resources import vocabulary
from eventex.schema import Entity

GROUP_NOUNS = vocabulary("group_nouns")
"""Nouns of a travelling group whose leader may be named in another sentence."""
LEADING_VERBS = vocabulary("leading_verbs")
"""Verbs whose passive agent leads the group ('is led by', 'was headed by')."""


def delegation_leader(cand: Candidate, ctx: LinkContext) -> None:
    """Replace a state visitor that modifies a group noun by the group's leader named in the same paragraph."""
    visitor = cand.first("visitor")
    if cand.type != "visit" or visitor is None or visitor.label not in ("GPE", "NORP") or visitor.implicit:
        return
    m = next((m for m in ctx.mentions.in_sentence(cand.sentence.start) if m.entity is visitor), None)
    if m is None or m.root.dep_ not in ("amod", "compound") or m.root.head.lemma_.lower() not in GROUP_NOUNS:
        return
    group = m.root.head
    text = ctx.document.text
    lo = text.rfind("\n\n", 0, cand.sentence.start_char) + 1
    hi = text.find("\n\n", cand.sentence.start_char)  # no sentence runs over a blank line
    paragraph = ctx.doc.char_span(lo, len(text) if hi == -1 else hi, alignment_mode="expand")
    for sent in paragraph.sents if paragraph is not None else ():
        if sent.start == cand.sentence.start:
            continue
        leader = _named_leader(sent.root, group.lemma_.lower(), ctx)
        if leader is not None:
            cand.fillers["visitor"] = [leader.model_copy(update={"implicit": True})]
            return


def _named_leader(verb: Token, noun: str, ctx: LinkContext) -> Entity | None:
    """The person in 'The <noun> is led by <person>' (a definite subject of the group noun, a passive agent)."""
    if verb.lemma_.lower() not in LEADING_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lemma_.lower() != noun or not any(
        c.dep_ == "det" and c.lower_ in ("the", "this") for c in subj.children
    ):
        return None
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for t in agent.subtree:
            e = ctx.by_token.get(t.i)
            if e is not None and e.label == "PERSON":
                return e
    return None


def earlier_delegation(cand: Candidate, ctx: LinkContext, earlier: list[Candidate]) -> None:
    """A trip with no traveller whose subject is a group noun referring back ('This diplomatic delegation is
    scheduled to travel to Azerbaijan') is made by the visitor of the latest visit accepted before it in its
    paragraph or the one before (implicit)."""
    if cand.type != "visit" or cand.fillers.get("visitor"):
        return
    verb = cand.trigger_token
    subj = next((c for t in (verb, verb.head) for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lemma_.lower() not in GROUP_NOUNS or not any(
        c.dep_ == "det" and c.lower_ in DEFINITE for c in subj.children
    ) or any(ctx.by_token.get(c.i) is not None for c in subj.children if c.dep_ in ("amod", "compound", "poss")):
        return  # ('the Chinese delegation' names its own state)
    last = latest_before(earlier, cand, lambda c: c.type == "visit" and bool(c.fillers.get("visitor")),
                         ctx.document.text)
    if last is not None:
        cand.fillers["visitor"] = [v.model_copy(update={"implicit": True}) for v in last.fillers["visitor"]]
