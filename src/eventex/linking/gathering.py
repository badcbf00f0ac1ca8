"""Trips to a gathering (a summit, a forum): where they go when the sentence names no place.

Leaders who attend a summit abroad meet counterparts from other states there, so the place of such a trip never
comes from a counterpart's nationality (see ``discourse.fill_from_counterpart``); a later mention of the same
gathering ("Putin will also attend the summit") goes to the place an earlier trip to it named.
"""

from __future__ import annotations

from eventex.linking.context import Candidate, home_of


def fill_from_earlier_gathering(cand: Candidate, earlier: list[Candidate], frames: frozenset[str]) -> None:
    """A trip to a gathering with no destination: the destination of the latest earlier trip to a gathering named
    by the same noun (implicit), unless that place is the traveller's home."""
    if cand.type != "visit" or cand.frame not in frames or cand.fillers.get("destination"):
        return
    nouns = _gathering_nouns(cand)
    home = home_of(cand.first("visitor"))
    for prev in reversed(earlier):
        places = prev.fillers.get("destination") or []
        if prev.frame in frames and places and nouns & _gathering_nouns(prev) and places[0].id not in home:
            cand.fillers["destination"] = [places[0].model_copy(update={"implicit": True})]
            cand.fallback_used = True
            return


def _gathering_nouns(cand: Candidate) -> set[str]:
    """The lemmas of the trigger's objects ('summit' in 'attend the summit')."""
    return {c.lemma_.lower() for c in cand.trigger_token.children if c.dep_ == "dobj"}
