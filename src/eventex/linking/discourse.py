"""Document-level argument search: datelines, counterparts, antecedent places, earlier trips and tours.

News states an event's place in a dateline ("ANKARA, Aug 18 (Agency) -") or in an earlier sentence. Fillers found
here are implicit; an event that needs one is less certain than one whose sentence names every participant. Lists
of participants are in :mod:`eventex.linking.coordination`, events restated by reference ('did the same') in
:mod:`eventex.linking.restated`.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventex.linking.context import DEFINITE, Candidate, LinkContext, home_of
from eventex.linking.rules import TypeLexicon
from eventex.resources import vocabulary
from eventex.schema import CORE_ROLES, Entity
from eventex.stages.segment import heading

COUNTERPARTS = vocabulary("counterparts")
"""Nouns whose demonym names the state a visitor met in ('met his Kenyan counterpart', 'talks with Laotian
leaders')."""
DATELINE_ROLES = {"visit": "destination", "energy_investment": "host_country"}
"""The role a dateline's state fills when the event's sentence names no place for it."""
ANTECEDENT_DEPS = frozenset({"pobj", "prep", "agent", "appos", "conj", "dobj", "nsubj", "nsubjpass"})
"""Relations climbed from a relative clause's antecedent up to the verb whose place it takes."""


def dateline_state(lines: list[tuple[int, Entity]], offset: int) -> Entity | None:
    """The dateline in force at ``offset``, if any."""
    found = None
    for start, e in lines:
        if start > offset:
            break
        found = e
    return found


def fill_from_dateline(cand: Candidate, lines: list[tuple[int, Entity]], ctx: LinkContext) -> None:
    """A visit with no destination, or an investment with no host country: the dateline's state, unless it is the
    agent's own (or the visit is talks with no one named met), or for an investment the state the story is about
    when the body never names the dateline's; a host country is the article's mention of that state by name, if
    any, rather than the dateline's city ('RIO DE JANEIRO' → 'Brazil'). A heading of a round-up takes the dateline of
    the story under it, not of the one before."""
    role = DATELINE_ROLES.get(cand.type)
    if role is None:
        return
    if role == "host_country" and cand.fillers.get(role):  # a dateline's city found in the sentence itself
        cand.fillers[role] = [
            named.model_copy(update={"implicit": True})
            if any(e.start == h.start for _, e in lines) and (named := _state_by_name(h, cand.trigger_token.i, ctx))
            else h for h in cand.fillers[role]
        ]
        return
    if cand.fillers.get(role):
        return
    trig = cand.trigger_token
    held = (trig, trig.head) if trig.dep_ == "dobj" else (trig,)  # 'held talks here with X': the verb's 'with'
    met = [g for t in held for c in t.children if c.dep_ == "prep" and c.lower_ == "with"
           for g in c.children if g.dep_ == "pobj"]
    if cand.frame == "talks_noun" and not any(g.pos_ != "PRON" for g in met):
        return  # 'revived talks on buying armoured vehicles', 'held talks with us': no one met abroad, no trip
    if cand.frame == "return_from":
        return  # 'NAIROBI - X, who returned on Sunday from …': the dateline is where the traveller came home to
    if _own_line_heading(cand.sentence):  # a heading is its story's: the dateline opening the line after it, if any
        end = cand.sentence.end_char
        after = next((e for start, e in lines if start >= end), None)
        place = after if after is not None and not ctx.document.text[end : after.start].strip() else None
    else:
        place = dateline_state(lines, cand.trigger.start)
    agent = cand.first(CORE_ROLES[cand.type][0])
    if place is None or agent is None or place.id in {agent.id, agent.affiliation}:
        return
    if role == "host_country":
        # 'KUALA LUMPUR - Petronas has secured blocks … in Suriname …': where the body never names the dateline's
        # state (where the story was filed), the state the story is about hosts; a story about the investor's own
        # state gives it no host abroad
        topic = ctx.topic_state
        if topic and topic != place.id and not ctx.body_states[place.id or ""]:
            if topic in home_of(agent):
                return
            place = ctx.state_mention(topic, cand.trigger_token) or place
        place = _state_by_name(place, cand.trigger_token.i, ctx) or place
    cand.fillers[role] = [place.model_copy(update={"implicit": True})]
    cand.fallback_used = True


def _state_by_name(place: Entity, at: int, ctx: LinkContext) -> Entity | None:
    """The mention naming the state of ``place`` itself nearest before token ``at``, else the first after it."""
    own = ctx.states_by_name.get(place.id or "", [])
    k = bisect.bisect_left(own, at, key=lambda m: m.span.start)
    return own[k - 1 if k else 0].entity if own else None


def fill_from_counterpart(cand: Candidate, ctx: LinkContext) -> None:
    """A visit with no destination (nor a host of a known state, who gave it one), in a sentence about meeting 'his
    Kenyan counterpart' or 'his counterpart from Kenya': Kenya."""
    if cand.type != "visit" or cand.fillers.get("destination"):
        return
    visitor = cand.first("visitor")
    home = home_of(visitor)
    for m in ctx.mentions.in_sentence(cand.sentence.start):
        e = m.entity
        if e.id and e.id not in home and e.label in ("NORP", "GPE") and _of_counterpart(m.root, e.label):
            cand.fillers["destination"] = [e.model_copy(update={"implicit": True})]
            cand.fallback_used = True
            return


def _of_counterpart(root: Token, label: str) -> bool:
    """Whether a state mention modifies a counterpart noun: a nationality on it, a state in its 'from'/'of' phrase."""
    if label == "NORP":  # (by word form: the plural 'leaders' only, 'the Russian leader' may be the visitor)
        return root.head.lower_ in COUNTERPARTS or root.head.lemma_.lower() in ("counterpart", "host")
    noun = root.head if root.dep_ in ("nmod", "compound") else root  # 'from the Republic of X Jose Neves' (a name
    # run together with the state's)
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in ("from", "of") and prep.head.lemma_.lower() in COUNTERPARTS


def fill_from_antecedent_place(cand: Candidate, ctx: LinkContext) -> None:
    """'a memorandum signed in Tripoli by Foreign Minister X, who flew in with a delegation': a visit stated in a
    relative clause that names no place is to the place ('in', 'to') of the clause its antecedent belongs to (or of
    a noun or participle on the way to it: 'talks in Damascus with a delegation led by X, who had flown in')."""
    trig = cand.trigger_token
    if cand.type != "visit" or cand.fillers.get("destination") or trig.dep_ != "relcl":
        return
    node = trig.head
    chain = [node]  # the nouns and participles on the way up name the place too ('talks in Damascus between X and
    # a delegation led by Y, who had flown in')
    while (node.pos_ not in ("VERB", "AUX") or node.dep_ == "acl") and node.head.i != node.i and (
        node.dep_ in ANTECEDENT_DEPS | {"acl"}
    ):
        node = node.head
        chain.append(node)
    visitor = cand.first("visitor")
    home = home_of(visitor)
    places = [
        ctx.by_token[g.i] for n in chain for c in n.children if c.dep_ == "prep" and c.lower_ in ("in", "to")
        for g in c.children if g.dep_ == "pobj" and g.i in ctx.by_token
    ]
    places = [e for e in places if e.label == "GPE" and e.id and e.id not in home]
    if node.pos_ in ("VERB", "AUX") and places:
        cand.fillers["destination"] = [places[0].model_copy(update={"implicit": True})]
        cand.fallback_used = True


def fill_from_apposed_place(cand: Candidate, ctx: LinkContext) -> None:
    """'from Ashgabat, the first stop of his tour': a travel noun set off by a comma right after a place (wherever
    the parser attached it) is a trip to that place."""
    trig = cand.trigger_token
    if cand.type != "visit" or cand.frame != "travel_noun" or cand.fillers.get("destination") or trig.i < 2:
        return
    left = min(t.i for t in trig.subtree if t.i <= trig.i)
    if left < 2 or ctx.doc[left - 1].text != ",":
        return
    place = ctx.by_token.get(left - 2)
    if place is not None and place.label == "GPE" and place.id and place.id not in home_of(cand.first("visitor")):
        cand.fillers["destination"] = [place]


ALSO_ARRIVING = vocabulary("also_arriving")
"""Arrival verbs whose 'also' ('Biden also arrived on Thursday') says where: where the latest arrival before went."""


def fill_from_earlier_visit(cand: Candidate, earlier: list[Candidate]) -> None:
    """'This marks the first state visit to the UK by a Korean president since Park Geun-hye's visit in 2013': a
    travel noun that names no place, with a named person of a known state as its visitor, is a trip to where the
    latest visit before it in the article went, when that place is foreign to the visitor; not in a heading, which
    opens a story of its own ('Prabowo puts off trip' in a round-up)."""
    if cand.type != "visit" or cand.frame != "travel_noun" or cand.fillers.get("destination") or _own_line_heading(
        cand.sentence
    ):
        return
    visitor = cand.first("visitor")
    home = home_of(visitor)
    if visitor is None or visitor.label != "PERSON" or visitor.implicit or not home:
        return
    last = max((c for c in earlier if c.type == "visit" and c.trigger.start < cand.trigger.start
                and c.fillers.get("destination")), key=lambda c: c.trigger.start, default=None)
    places = [d.model_copy(update={"implicit": True}) for d in (last.fillers["destination"] if last else [])
              if d.id and d.id not in home]
    if places:
        cand.fillers["destination"] = places
        cand.fallback_used = True


def _own_line_heading(sent: SpacySpan) -> bool:
    """Whether a sentence is a heading on a line of its own (:func:`~eventex.stages.segment.heading`)."""
    doc = sent.doc
    before = doc[sent.start - 1] if sent.start else None
    after = doc[sent.end] if sent.end < len(doc) else None
    return ((before is None or _breaks(before))
            and (after is None or _breaks(doc[sent.end - 1]) or _breaks(after)) and heading(sent))


def _breaks(tok: Token) -> bool:
    """Whether a token is white space with a line break."""
    return tok.is_space and "\n" in tok.text


def fill_from_previous_trip(cand: Candidate, ctx: LinkContext, earlier: list[Candidate]) -> None:
    """'Some 75 leaders made the journey to Baku … Germany's Scholz scrapped his trip': a definite or possessed
    travel noun that names no place, called off or still to come, is a trip to where the latest visit before it in
    the paragraph went, when a person is named for it (not 'the Kremlin cancelled the trip': that restates the
    trip itself); so is an arrival that names no place but says 'also' ('Xi arrived in Lima … Biden also arrived on
    Thursday'), where the latest arrival before it went, however far back."""
    trig = cand.trigger_token
    if cand.type != "visit" or cand.fillers.get("destination"):
        return
    also = cand.frame == "travel_to" and trig.lemma_.lower() in ALSO_ARRIVING and any(
        c.dep_ == "advmod" and c.lower_ in ("also", "too") for c in trig.children)
    if not also and (cand.frame != "travel_noun" or cand.status == "actual"):
        return  # (a trip referred back to as it happened is the same visit: 'to close the trip')
    possessed = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in trig.children)
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in trig.children)
    if not (possessed or definite or also):
        return
    last = max((c for c in earlier if c.type == "visit" and c.trigger.start < cand.trigger.start
                and c.fillers.get("destination") and (not also or c.trigger_token.lemma_ == trig.lemma_)),
               key=lambda c: c.trigger.start, default=None)  # 'also arrived': where the last one arrived
    if last is None or (not also and ctx.document.text.find("\n\n", last.trigger.end, cand.trigger.start) != -1):
        return
    visitor = cand.first("visitor")
    if visitor is None or visitor.label != "PERSON":
        return
    home = home_of(visitor)
    places = [d.model_copy(update={"implicit": True}) for d in last.fillers["destination"] if d.id not in home]
    if places:
        cand.fillers["destination"] = places
        cand.fallback_used = True


def fill_from_tour(cand: Candidate, earlier: list[Candidate], lex: TypeLexicon) -> None:
    """'The stops in Malaysia and Indonesia were postponed', 'The tour is to include visits to Ethiopia and Uganda':
    a leg of a tour (or a visit a definite tour includes) that names no traveller is a leg of the latest visit
    before it in the document, whose visitor it takes (implicit)."""
    trig = cand.trigger_token
    if cand.type != "visit" or cand.fillers.get("visitor"):
        return
    if trig.lemma_.lower() not in lex.leg_nouns and not _included_in_tour(trig, lex.tour_nouns):
        return
    before = [c for c in earlier if c.type == "visit" and c.trigger.start < cand.trigger.start and c.first("visitor")]
    if before:
        visitor = max(before, key=lambda c: c.trigger.start).first("visitor")
        cand.fillers["visitor"] = [visitor.model_copy(update={"implicit": True})]
        cand.fallback_used = True


def _included_in_tour(trig: Token, tour_nouns: frozenset[str]) -> bool:
    """A travel noun that 'the tour' (or 'the trip') includes, also through 'is scheduled (expected) to include'."""
    verb = trig.head
    if trig.dep_ != "dobj" or verb.lemma_.lower() not in ("include", "comprise", "cover"):
        return False
    chain = [verb, *([verb.head] if verb.dep_ == "xcomp" else [])]
    return any(s.dep_ in ("nsubj", "nsubjpass") and s.lemma_.lower() in tour_nouns and any(
        d.dep_ == "det" and d.lower_ in DEFINITE for d in s.children) for v in chain for s in v.children)
