"""Document-level argument search: datelines, counterparts, earlier trips and coordinated participants.

News states an event's place in a dateline ("ANKARA, Aug 18 (Agency) -") and names several participants of one
kind in a list ("Turkey, Afghanistan and Albania recognised …"). Fillers found here are implicit; an event that
needs one is less certain than one whose sentence names every participant. Events restated by reference ('did
the same') are in :mod:`eventex.linking.restated`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventex.linking.context import DEFINITE, STATE_LABELS, Candidate, LinkContext, Mention, home_of
from eventex.linking.deal_partner import cosigners
from eventex.linking.groups import group_members
from eventex.linking.paths import apposed_list, clause_chain, has_lemma
from eventex.linking.restated import named_run
from eventex.linking.rules import TypeLexicon, Words
from eventex.linking.spouses import named_as_spouse
from eventex.resources import vocabulary
from eventex.schema import CORE_ROLES, Entity, event_roles
from eventex.stages.segment import heading

COUNTERPARTS = vocabulary("counterparts")
"""Nouns whose demonym names the state a visitor met in ('met his Kenyan counterpart', 'talks with Laotian
leaders')."""
PLURAL_SUBJECTS = frozenset({"they", "we"})
"""Subject pronouns that may stand for a whole list of agents named before them in the sentence."""
PLURAL_OWNERS = frozenset({"their", "our"})
"""Possessives that make a plural noun subject stand for such a list ('their countries', 'our governments')."""
DATELINE_ROLES = {"visit": "destination", "energy_investment": "host_country"}
"""The role a dateline's state fills when the event's sentence names no place for it."""
AGENT_LABELS = {
    "visit": {"PERSON", "ORG"}, "recognition": STATE_LABELS | {"PERSON"}, "energy_investment": {"ORG", "GPE", "NORP"},
    "arms_sale": {"ORG"},
}
"""Labels of the coordinated mentions that make one event each, per type (its agent role takes one filler)."""
GROUP_PREPOSITIONS = frozenset({"among", "including"})
"""Words that name members of a group ('75 leaders came, among them X')."""
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


def _nationality(e: Entity, first: Entity, ctx: LinkContext, words: Words) -> bool:
    """Whether a state listed with an organisation agent names a firm's nationality ('beat Strabag of Germany, Salini
    and Kajima', parsed with Salini a conjunct of Germany)."""
    span = ctx.span(e) if first.label == "ORG" and e.label in STATE_LABELS else None
    return span is not None and ctx.names_nationality(Mention(e, span), words.firm_nouns)


LIST_GAPS = {
    "ORG": re.compile(
        r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:of\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*)?"
        r"(?:[,;](?:\s*(?:and|as\s+well\s+as))?|and|as\s+well\s+as)\s*(?:the\s+)?(?:[A-Z][\w-]*-based\s+)?"
    ),
    "PERSON": re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:(?:[A-Z][\w.'’-]*|of|the|for)\s+)*"),
}
"""What may stand between two listed organisations (a comma, semicolon or 'and', after a parenthesis or an 'of'
phrase of the firm before, and a 'the': 'A Ltd (Malaysia); B Corp of the US and the Ghana-based C') or people (a
comma or 'and' and the next one's title: 'Kazakh President A, President of the Kyrgyz Republic B and President of
Tajikistan C')."""


def _in_parentheses(e: Entity, text: str) -> bool:
    """Whether a mention stands alone in parentheses (an acronym given after the name it abbreviates)."""
    return text[e.start - 1 : e.start] == "(" and text[e.end : e.end + 1] == ")"


def _listed_names(first: Entity, cand: Candidate, ctx: LinkContext) -> list[Token]:
    """The heads of the organisations a slash joins to ``first`` ('awarded to Exxon/Hess/CNOOC'), or of the
    organisations or people in a list of three or more with it, or one closed by 'and' (:data:`LIST_GAPS`), however
    the parser hangs them."""
    gap_rule = LIST_GAPS.get(first.label)
    text = ctx.document.text
    names = [m for m in ctx.mentions.in_sentence(cand.sentence.start) if m.entity.label == first.label
             and not _in_parentheses(m.entity, text)]  # 'the African Development Bank (AfDB), UKEF …': one name
    anchor = first.start
    if _in_parentheses(first, text):  # 'a co-financing with the African Development Bank (AfDB), UKEF and …'
        anchor = next((m.entity.start for m in reversed(names) if m.entity.end < first.start
                       and not text[m.entity.end : first.start - 1].strip()), anchor)
    at = next((k for k, m in enumerate(names) if m.entity.start == anchor), None)
    if at is None or gap_rule is None:
        return []

    def run(joined: Callable[[str], bool]) -> list[Mention]:
        left, right = at, at
        while left > 0 and joined(text[names[left - 1].entity.end : names[left].entity.start]):
            left -= 1
        while right + 1 < len(names) and joined(text[names[right].entity.end : names[right + 1].entity.start]):
            right += 1
        return names[left : right + 1]

    members = run(lambda gap: gap.strip() == "/") if first.label == "ORG" else [names[at]]
    if len(members) == 1:
        listed = run(lambda gap: gap_rule.fullmatch(gap) is not None)
        gaps = [text[a.entity.end : b.entity.start] for a, b in itertools.pairwise(listed)]
        members = listed if len(listed) > 2 or any(re.search(r"\band\b", g) for g in gaps) else members
    return [m.root for m in members if m.entity.start not in (first.start, anchor)]


def split_coordinated(cand: Candidate, ctx: LinkContext, words: Words, officials: frozenset[str]) -> list[Candidate]:
    """One candidate per coordinated agent: 'Turkey, Afghanistan and Albania recognised Kosovo' is three
    recognitions (the agent role of visits and recognitions takes one filler); so is 'Malta joined Spain in
    recognising' (two), 'A, followed by B, recognised' (two), 'A recognised X, joining B and C' or '…, a move
    already made by B and C' (three), 'a consortium of Total and Petronas won …' or 'A, in a consortium with B,
    won' (two members of a group), 'will acquire a system from MBDA and Saab' (a purchase from each firm), and 'the
    leaders of Sudan and Ethiopia will travel' (a trip of each state, for the title lemmas of ``officials``)."""
    labels = AGENT_LABELS.get(cand.type)
    agent_role = CORE_ROLES[cand.type][0]
    first = cand.first(agent_role)
    if first is None and cand.type == "visit":
        return [replace(cand, fillers={**cand.fillers, agent_role: [e]}) for e in _members(cand, ctx)] or [cand]
    if labels is not None and first is not None and first.implicit and not event_roles(cand.type)[agent_role]:
        return [cand, *_plural_antecedents(cand, first, ctx, labels)]
    if labels is None or first is None or first.implicit or event_roles(cand.type)[agent_role]:
        return [cand]
    span = ctx.span(first)
    if span is None:
        return [cand]
    out = [cand]
    seen = {first.id or first.text} | {e.id or e.text for e in cand.fillers.get(CORE_ROLES[cand.type][1], [])}
    apposed = apposed_list(span.root) if first.label in {*STATE_LABELS, "PERSON", "ORG"} else []
    listed = (*span.root.conjuncts, *apposed, *_listed_names(first, cand, ctx))
    group = group_members(span.root, cand.trigger_token, ctx, words)
    signed = cosigners(span.root, cand, ctx, words.partner_deals, words.signing_verbs, words.partnering_verbs)
    trig = cand.trigger_token
    joined = _joined(trig) if cand.type == "recognition" else []
    for tok in (*listed, *_joiners(span.root, trig), *_followers(span.root, trig, ctx), *joined, *group, *signed):
        e = ctx.by_token.get(tok.i) or _named_in_description(tok, ctx, words.state_description_nouns)
        listed_state = e is not None and tok in listed and e.label == first.label and (
            (e.label == "NORP" and span.root.dep_ == "amod")  # 'the British and Canadian prime ministers visited'
            or (e.label in STATE_LABELS and cand.type == "arms_sale" and span.root.dep_ == "pobj"
                and span.root.head.lower_ == "from")  # 'will receive tanks from Germany, Poland and Norway'
            or (e.label in STATE_LABELS and cand.type == "visit" and span.root.dep_ == "pobj"
                and span.root.head.lower_ == "of"  # 'the Presidents of Djibouti, Kenya and Uganda will also attend'
                and has_lemma(span.root.head.head, officials))
        )
        if e is None or (e.label not in labels and not listed_state) or (e.id or e.text) in seen or (
            cand.type == "visit" and named_as_spouse(tok, e, words.spouse_words)
        ) or _nationality(e, first, ctx, words):
            continue
        seen.add(e.id or e.text)
        out.append(replace(cand, fillers={**cand.fillers, agent_role: [e]}))
    return out


def _named_in_description(tok: Token, ctx: LinkContext, nouns: frozenset[str]) -> Entity | None:
    """The state a list member names by a description ('Venezuela, Nicaragua and the tiny Pacific State of Nauru'):
    the state mention in the 'of' phrase of a description noun."""
    if tok.lemma_.lower() not in nouns:
        return None
    return next((e for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj" and (e := ctx.by_token.get(g.i)) is not None and e.label == "GPE" and e.id), None)


def _plural_antecedents(cand: Candidate, first: Entity, ctx: LinkContext, labels: set[str]) -> list[Candidate]:
    """'A, B and C have announced they will recognise …', '… announcing that we recognise …', 'A and B have indicated
    they are not keen to recognise …', '… declared that their countries would recognise …': a plural pronoun subject
    (or a plural noun that one owns) of the trigger's clause that stands for the first of a list in its sentence
    stands for the whole list (one candidate for each other member, implicit as the first)."""
    trig = cand.trigger_token
    verb = trig if trig.pos_ in ("VERB", "AUX") else trig.head
    verbs = dict.fromkeys((*clause_chain(verb), verb.head))  # 'they are not keen to recognise': up to the subject
    subjects = [c for v in verbs for c in v.children if c.dep_ == "nsubj" and c.i != first.start]
    if not any(c.lower_ in PLURAL_SUBJECTS or (c.tag_ == "NNS" and any(
            p.dep_ == "poss" and p.lower_ in PLURAL_OWNERS for p in c.children)) for c in subjects[:1]):
        return []
    span = ctx.span(first)
    if span is None or span.sent.start != cand.sentence.start:
        return []
    out: list[Candidate] = []
    seen = {first.id or first.text} | {e.id or e.text for e in cand.fillers.get(CORE_ROLES[cand.type][1], [])}
    for tok in span.root.conjuncts:
        e = ctx.by_token.get(tok.i)
        if e is None or e.label not in labels or (e.id or e.text) in seen:
            continue
        seen.add(e.id or e.text)
        agent = e.model_copy(update={"implicit": True})
        out.append(replace(cand, fillers={**cand.fillers, CORE_ROLES[cand.type][0]: [agent]}))
    return out


def _members(cand: Candidate, ctx: LinkContext) -> list[Entity]:
    """'Some 75 leaders made the journey to Baku, among them Britain's Keir Starmer', 'Dozens of leaders flew in,
    including X and Y': the people named after ', among' or ', including' in the trigger's clause travel, when its
    subject names no one."""
    trig = cand.trigger_token
    verb = trig if trig.pos_ in ("VERB", "AUX") else trig.head  # 'made the journey'
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or any(t.i in ctx.by_token for s in subjects for t in s.subtree):
        return []
    out: list[Entity] = []
    for prep in cand.sentence:
        if prep.lower_ not in GROUP_PREPOSITIONS or prep.i < 1 or ctx.doc[prep.i - 1].text != ",":
            continue
        if verb.i != prep.i and verb not in prep.ancestors:
            continue
        for tok in ctx.doc[prep.i + 1 : cand.sentence.end]:
            if tok.pos_ in ("VERB", "AUX") or tok.text in (".", ";", ":"):
                break
            e = ctx.by_token.get(tok.i)
            if e is not None and e.label == "PERSON" and all(e is not x for x in out):
                out.append(e)
    return out


def _followers(agent: Token, trig: Token, ctx: LinkContext) -> list[Token]:
    """'Barbados, followed by Jamaica and Trinidad, announced their recognition', 'Guyana led them by recognising it,
    followed by Suriname and Belize', 'the first country to recognise it on 6 December, followed by Nepal' (on the
    country or the date): those the agent, or the clause it acts in, is followed by act too."""
    follows = [t for t in trig.sent if t.dep_ in ("acl", "advcl") and t.lemma_.lower() == "follow"]
    if not follows:
        return []
    clause = [trig, *list(trig.ancestors)[:2]]
    near = {agent.i, *(v.i for v in clause)}
    # on the agent or a verb or noun of the clause, or hung on a date inside the trigger's phrase
    return [t for c in follows
            if c.head.i in near or (c.head.i != trig.i and trig.left_edge.i <= c.i <= trig.right_edge.i)
            for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
            for t in named_run(p, ctx)]


DOING = vocabulary("doing")
"""Verbs that restate an act already done by others: 'a move already made by A', 'that already done by B'."""


def _joined(trig: Token) -> list[Token]:
    """'Canada recognised Guaido as president, joining the United States and Brazil, which had already done so', '…,
    a move (step) already made (taken) by A, B and C', 'The recognition of Canada joins that already done by countries
    such as A and B': those a recognition joins had made it (the objects of a 'joining' participle on the trigger
    with no 'in' complement of its own, or the agents of an act 'already' done on a word of the trigger or of its
    'join' verb, and the examples of those agents)."""
    joins = [c for c in trig.children if c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() == "join"
             and c.tag_ == "VBG" and not any(p.dep_ == "prep" and p.lower_ == "in" for p in c.children)]
    scope = [*joins, trig.head] if trig.dep_ == "nsubj" and trig.head.lemma_.lower() == "join" else [trig, *joins]
    near = [v for h in scope for c in h.children for v in (c, *c.children)]  # 'a move made', 'that done'
    done = [a for v in near if v.tag_ in ("VBN", "VBD") and v.lemma_.lower() in DOING
            and any(m.lower_ == "already" for m in v.children) for a in v.children if a.dep_ == "agent"]
    if done:
        return [t for a in done for p in a.children if p.dep_ == "pobj" for t in (*_listed(p), *_examples(p))]
    return [t for c in joins for o in c.children if o.dep_ == "dobj" for t in (o, *o.conjuncts)]


def _listed(tok: Token) -> list[Token]:
    """A list from its first name: its conjuncts and apposed lists ('the United States, Brazil and Colombia' parsed
    with Brazil as an apposition)."""
    return [tok, *tok.conjuncts, *(t for c in tok.children if c.dep_ == "appos" for t in (c, *c.conjuncts))]


def _examples(tok: Token) -> list[Token]:
    """The names a plural noun gives as examples: 'countries such as A and B', 'states including A, B and C'."""
    return [t for p in tok.children if p.dep_ == "prep" and p.lower_ in ("as", "including", "like")
            for o in p.children if o.dep_ == "pobj" for t in _listed(o)]


def _joiners(agent: Token, trig: Token) -> list[Token]:
    """'Malta joined Spain and Ireland in recognising Palestine', 'Gazprom would join Total in developing the
    blocks': when the trigger is the 'in' complement of 'join', its subjects and its objects all act (the one of
    them that is the agent names the others)."""
    verb = agent.head
    if agent.dep_ not in ("dobj", "nsubj") or verb.lemma_.lower() != "join" or not (
        trig.dep_ == "pcomp" and trig.head.head.i == verb.i and trig.head.lower_ == "in"
    ):
        return []
    other = "nsubj" if agent.dep_ == "dobj" else "dobj"
    return [t for c in verb.children if c.dep_ == other for t in (c, *c.conjuncts)]
