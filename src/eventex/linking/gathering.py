"""Trips to a gathering (a summit, a forum): where they go when the sentence names no place.

Leaders who attend a summit abroad meet counterparts from other states there, so the place of such a trip never
comes from a counterpart's nationality (see ``discourse.fill_from_counterpart``); a later mention of the same
gathering ("Putin will also attend the summit") goes to the place an earlier trip to it named.
"""

from __future__ import annotations

from eventex.linking.context import Candidate, LinkContext, home_of

GENERIC_GATHERING = "event"
"""A gathering noun that names no kind: 'will also attend the event' goes where the latest earlier trip went."""


def fill_from_earlier_gathering(cand: Candidate, earlier: list[Candidate], frames: frozenset[str]) -> None:
    """A trip to a gathering with no destination: the destination of the latest earlier trip to a gathering named
    by the same noun (or of any latest earlier trip, for 'the event'; implicit), unless that place is the traveller's
    home."""
    if cand.type != "visit" or cand.frame not in frames or cand.fillers.get("destination"):
        return
    nouns = _gathering_nouns(cand)
    home = home_of(cand.first("visitor"))
    for prev in reversed(earlier):
        places = prev.fillers.get("destination") or []
        same = nouns & _gathering_nouns(prev) if prev.frame in frames else set()
        if places and (same or (GENERIC_GATHERING in nouns and prev.type == "visit")) and places[0].id not in home:
            cand.fillers["destination"] = [places[0].model_copy(update={"implicit": True})]
            cand.fallback_used = True
            return


ARRIVING = frozenset({"arrive", "land"})
"""Verbs of arriving whose place, when they name none, may be the gathering's told just before."""


def fill_from_gathering_before(cand: Candidate, ctx: LinkContext, gatherings: frozenset[str]) -> None:
    """'The AU summit opens in Addis Ababa on Sunday. The president of Sierra Leone arrived this morning': an
    arrival that names no place goes to the place of a gathering (one of ``gatherings``) the sentence before names
    with an 'in' phrase, in the same paragraph, unless that place is the traveller's home."""
    trig = cand.trigger_token
    if cand.type != "visit" or cand.fillers.get("destination") or trig.lemma_.lower() not in ARRIVING:
        return
    if any(c.dep_ == "prep" for c in trig.children if c.lower_ in ("from", "in", "at", "to")):
        return  # 'arrived from Moscow': a place of its own, if any
    start = cand.sentence.start
    if start == 0 or "\n" in ctx.doc[start - 1 : start + 1].text:
        return
    before = ctx.doc[start - 1].sent
    if not any(t.lemma_.lower() in gatherings for t in before):
        return
    home = home_of(cand.first("visitor"))
    place = next((m.entity for m in reversed(ctx.mentions.in_sentence(before.start))
                  if m.entity.label == "GPE" and m.entity.id and m.entity.id not in home
                  and m.root.dep_ == "pobj" and m.root.head.lower_ == "in"), None)
    if place is not None:
        cand.fillers["destination"] = [place.model_copy(update={"implicit": True})]
        cand.fallback_used = True


def _gathering_nouns(cand: Candidate) -> set[str]:
    """The lemmas of the trigger's objects ('summit' in 'attend the summit')."""
    return {c.lemma_.lower() for c in cand.trigger_token.children if c.dep_ == "dobj"}
