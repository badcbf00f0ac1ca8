"""Visits whose place or parties come from another visit or from the sentence's two states.

- 'the first visit to Peru by a Chilean leader since 2009, when Ana Ruiz visited': a travel verb in a 'when'
  clause that recalls an earlier visit and names no place goes where the visit it recalls goes (implicit).
- 'Chile hopes to agree on reciprocal visits of the two countries' ministers': reciprocal or mutual visits between
  the only two states the sentence names are one visit each way (fillers implicit).
- 'flew to the summit from Ashgabat, the first stop of his tour, and held talks with Putin': a host met on a trip is
  of the state visited, never of the traveller's own or of another.
- 'X arrived in Astana on Monday. He was met at the airport by Y': a person the traveller meets in the next sentence
  of the paragraph hosts the trip.
- 'At the invitation of X, Y, the vice premier, will visit Z', parsed with Y an apposition of X and the verb with no
  subject: Y travels, X hosts.
- 'X met Chinese Vice Minister Y in Brasilia': the one met, of a third state, travelled there too.
- 'Japanese PM to visit India next week': a headline's infinitive that the parser hung on its official's title
  travels for the state on the title.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventex.linking.context import STATE_LABELS, Candidate, LinkContext, home_of
from eventex.linking.home_talks import MEETING_FRAME, TALKS_FRAME
from eventex.resources import vocabulary
from eventex.schema import Entity

WHEN_STEPS = 3
"""Most steps from a 'when' clause's verb up to the visit it recalls ('visit … since 2009, when X visited')."""
MUTUAL = vocabulary("mutual")
"""Modifiers of a visit noun that make it a visit each way."""


def met_abroad(cand: Candidate) -> list[Candidate]:
    """'Honduran minister X met Chinese Vice Minister Y in Brasilia': the one met, of a third state, travelled to the
    place too (one more visit, with no host); so did one of another state met at home ('X met Y in X's capital', 'X
    held talks with Y at the villa in X's capital': hosted by X)."""
    host, visitor, place = cand.first("host"), cand.first("visitor"), cand.first("destination")
    if cand.frame not in (MEETING_FRAME, TALKS_FRAME) or None in (host, visitor, place) or not place.id:
        return [cand]
    own, home = host.affiliation or host.id, home_of(visitor)
    if not own or not home or own == place.id or own in home or (cand.frame == TALKS_FRAME and place.id not in home):
        return [cand]
    hosts = [visitor] if place.id in home else []  # 'X held talks with Y in X's capital': X hosts
    return [cand, replace(cand, fillers={**cand.fillers, "visitor": [host], "host": hosts})]


def fill_from_recalled_visit(cand: Candidate, earlier: list[Candidate]) -> None:
    """Give a placeless visit in a 'when' clause the destinations of the visit noun that clause hangs from."""
    trig = cand.trigger_token
    if cand.type != "visit" or cand.fillers.get("destination"):
        return
    if trig.dep_ not in ("relcl", "advcl") or not any(c.lower_ == "when" for c in trig.children):
        return
    by_token = {c.trigger_token.i: c for c in earlier if c.type == "visit" and c.fillers.get("destination")}
    head: Token = trig
    for _ in range(WHEN_STEPS):
        if head.head is head:
            return
        head = head.head
        if (recalled := by_token.get(head.i)) is not None:
            break
    else:
        return
    home = home_of(cand.first("visitor"))
    places = [d.model_copy(update={"implicit": True}) for d in recalled.fillers["destination"] if d.id not in home]
    if places:
        cand.fillers["destination"] = places
        cand.fallback_used = True


def reciprocal_visits(cand: Candidate, ctx: LinkContext) -> list[Candidate]:
    """'reciprocal visits of the two countries' ministers': one visit each way between the sentence's two states."""
    trig = cand.trigger_token
    if cand.type != "visit" or cand.fillers.get("visitor") or cand.fillers.get("destination"):
        return [cand]
    if not any(c.dep_ == "amod" and c.lower_ in MUTUAL for c in trig.children):
        return [cand]
    states: dict[str, Entity] = {}
    for m in ctx.mentions.in_sentence(cand.sentence.start):
        key = m.entity.id
        if m.entity.label in STATE_LABELS | {"ORG"} and key and key not in states:
            states[key] = m.entity.model_copy(update={"implicit": True})
    if len(states) != 2:
        return [cand]
    a, b = states.values()
    return [replace(cand, fillers={**cand.fillers, "visitor": [x], "destination": [y]}, fallback_used=True)
            for x, y in ((a, b), (b, a))]


def host_met_next(cand: Candidate, ctx: LinkContext, meeting: frozenset[str], pronouns: frozenset[str]) -> None:
    """Give a visit with a place and no host the person its traveller meets in the next sentence of the paragraph:
    a ``meeting`` verb whose subject is a personal pronoun or the traveller, and its object, 'with' or 'by' person."""
    visitor = cand.first("visitor") if cand.type == "visit" else None
    if visitor is None or visitor.label != "PERSON" or cand.fillers.get("host") or not cand.fillers.get("destination"):
        return
    nxt = ctx.next_in_paragraph(cand.sentence)
    if nxt is None:
        return
    people = {m.root.i: m.entity for m in ctx.mentions.in_sentence(nxt.start) if m.entity.label == "PERSON"}
    names = {visitor.text, visitor.canonical} - {None}
    for verb in nxt:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if verb.lemma_.lower() not in meeting or subj is None:
            continue
        named = people.get(subj.i)
        if subj.lower_ in pronouns or (named is not None and {named.text, named.canonical} & names):
            host = next((people[o.i] for o in _met(verb) if o.i in people), None)
            if host is not None:
                cand.fillers["host"] = [host]
                return


def _met(verb: Token) -> list[Token]:
    """The words a meeting verb says were met: its object, and the objects of 'with' or 'by' on it or its object
    ('met X', 'was met by X', 'held talks with X')."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    preps = [c for t in (verb, *objects) for c in t.children if c.dep_ == "agent" or c.lower_ in ("with", "by")]
    return objects + [g for p in preps for g in p.children if g.dep_ == "pobj"]


INVITING_PREPOSITIONS = frozenset({"at", "on", "upon"})
"""Prepositions of a fronted invitation phrase ('at the invitation of X')."""


def invited_appositive(cand: Candidate, ctx: LinkContext, invitations: frozenset[str]) -> None:
    """Give a subjectless travel verb with no traveller the person in apposition to the inviter of its fronted
    'at the invitation of X' phrase (an ``invitations`` noun), and make the inviter the host."""
    trig = cand.trigger_token
    if cand.type != "visit" or cand.fillers.get("visitor") or any(c.dep_.startswith("nsubj") for c in trig.children):
        return
    for prep in (c for c in trig.children if c.dep_ == "prep" and c.lower_ in INVITING_PREPOSITIONS and c.i < trig.i):
        nouns = [g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in invitations]
        inviters = [p for n in nouns for o in n.children if o.dep_ == "prep" and o.lower_ == "of"
                    for p in o.children if p.dep_ == "pobj"]
        for inviter in inviters:
            guest = next((ctx.by_token[a.i] for a in inviter.children
                          if a.dep_ == "appos" and a.i in ctx.by_token and ctx.by_token[a.i].label == "PERSON"), None)
            host = ctx.by_token.get(inviter.i)
            if guest is not None and host is not None and host.label == "PERSON":
                cand.fillers["visitor"] = [guest]
                cand.fillers["host"] = [host]
                return


def foreign_host(cand: Candidate) -> None:
    """Drop a visit's host whose known state is the visitor's own, or is not among the known destinations."""
    host = cand.first("host") if cand.type == "visit" else None
    if host is None:
        return
    state = host.id if host.label in STATE_LABELS else host.affiliation
    dests = {d.id for d in cand.fillers.get("destination", []) if d.id}
    if state and (state in home_of(cand.first("visitor")) or (dests and state not in dests)):
        del cand.fillers["host"]


COUNTED_PLACES = vocabulary("counted_places")
"""Nouns a trip's object counts the places of ('toured three countries – A, B and C')."""
TOUR_PREPOSITIONS = frozenset({"to", "in", "of", "through"})
"""Prepositions of a trip noun or verb whose object may count the places it goes to ('a tour of three countries')."""
LIST_OPENERS = frozenset({"–", "—", "-", "--", ":", "("})
"""Marks after which a sentence spells out what it counted."""
LIST_START, LIST_JOINS = frozenset({"the"}), frozenset({",", "and", "&", "the"})
"""Words that may stand between the opening mark and the first state listed, and between two states listed."""


def counted_destinations(cand: Candidate, ctx: LinkContext) -> None:
    """'X toured three friendly countries in Latin America in June – Venezuela, Nicaragua and Cuba', 'begins a tour
    in some Sahel countries: Mauritania, Chad & Mali': a trip whose object, or the object of its 'to', 'in', 'of' or
    'through' phrase, counts the places it goes to (or names them in the plural) goes to the states listed after a
    dash or colon later in the sentence (however the parser hangs the list), when it names no other state."""
    if cand.type != "visit":
        return
    trig = cand.trigger_token
    places = [c for c in trig.children if c.dep_ == "dobj"] + [
        o for p in trig.children if p.dep_ == "prep" and p.lower_ in TOUR_PREPOSITIONS
        for o in p.children if o.dep_ == "pobj"]
    counted = next((c for c in places if c.lower_ in COUNTED_PLACES and (
        c.tag_ == "NNS" or any(n.dep_ == "nummod" for n in c.children))), None)
    if counted is None:
        return
    opener = next((t for t in cand.sentence if t.i > counted.i and t.text in LIST_OPENERS), None)
    if opener is None:
        return
    listed: list[Entity] = []
    after, between = opener.i + 1, LIST_START
    for m in ctx.mentions.in_sentence(cand.sentence.start):
        if m.span.start <= opener.i:
            continue
        if any(t.lower_ not in between for t in ctx.doc[after : m.span.start]) or (
            m.entity.label not in STATE_LABELS or not m.entity.id
        ):
            break
        listed.append(m.entity)
        after, between = m.span.end, LIST_JOINS
    found = {e.id for e in cand.fillers.get("destination", []) if e.id}
    if listed and found <= {e.id for e in listed}:  # (the parser may hang the list's first state on the count)
        cand.fillers["destination"] = listed


_TITLE_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss"})
"""Relations of a state's mention to the title noun it names the state of ('Japanese PM', 'Iran FM')."""


def headline_title_visitor(cand: Candidate, ctx: LinkContext, officials: frozenset[str]) -> None:
    """'Japanese PM to visit India next week', 'Iran FM to embark on visit to North Korea': a trip with no traveller
    whose infinitive (or the infinitive it is the object of) the parser hung on the headline's root, an official's
    title, is made by the state named on that title."""
    if cand.type != "visit" or cand.fillers.get("visitor"):
        return
    verb = cand.trigger_token
    if verb.dep_ == "pobj" and verb.head.dep_ == "prep":
        verb = verb.head.head  # 'to embark on [visit]'
    title = verb.head
    if verb.dep_ not in ("relcl", "acl") or title.dep_ != "ROOT" or title.lemma_.lower() not in officials or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return
    state = next((e for c in title.children if c.dep_ in _TITLE_MODIFIERS and (e := ctx.by_token.get(c.i)) is not None
                  and e.label in STATE_LABELS and e.id), None)
    if state is not None:
        cand.fillers["visitor"] = [state]

