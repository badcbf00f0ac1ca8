"""Document-level argument search: datelines, coordinated participants, and events restated by reference
('did the same', 'followed suit').

News states an event's place in a dateline ("ANKARA, Aug 18 (Agency) -"), names several participants of one
kind in a list ("Turkey, Afghanistan and Albania recognised …"), and repeats an event for new participants by
reference. Fillers found here are implicit; an event that needs one is less certain than one whose sentence
names every participant.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from eventex.linking.context import STATE_LABELS, Candidate, LinkContext, home_of, state_key
from eventex.linking.deal_partner import cosigners
from eventex.linking.groups import group_members
from eventex.linking.paths import clause_chain
from eventex.linking.rules import Restatement, Words
from eventex.linking.spouses import named_as_spouse
from eventex.schema import CORE_ROLES, Entity, Span, event_roles

COUNTERPARTS = frozenset({"counterpart", "counterparts", "host", "hosts", "leaders", "leadership",
                          "authorities"})
"""Nouns whose demonym names the state a visitor met in ('met his Kenyan counterpart', 'talks with Laotian
leaders')."""
PLURAL_SUBJECTS = frozenset({"they", "we"})
"""Subject pronouns that may stand for a whole list of agents named before them in the sentence."""
DATELINE_ROLES = {"visit": "destination", "energy_investment": "host_country"}
"""The role a dateline's state fills when the event's sentence names no place for it."""
AGENT_LABELS = {
    "visit": {"PERSON", "ORG"}, "recognition": STATE_LABELS | {"PERSON"}, "energy_investment": {"ORG", "GPE", "NORP"},
    "arms_sale": {"ORG"},
}
"""Labels of the coordinated mentions that make one event each, per type (its agent role takes one filler)."""
DEFINITE = frozenset({"the", "this", "that"})
"""Determiners of a travel noun that refers back to a trip named before ('the trip', 'that journey')."""
GROUP_PREPOSITIONS = frozenset({"among", "including"})
"""Words that name members of a group ('75 leaders came, among them X')."""
ANTECEDENT_DEPS = frozenset({"pobj", "prep", "agent", "appos", "conj", "dobj", "nsubj", "nsubjpass"})
"""Relations climbed from a relative clause's antecedent up to the verb whose place it takes."""
LEAD_PARAGRAPHS = 2
"""Paragraphs (headline, dateline line or lede) whose event a reference anywhere in the article may restate."""
MODIFIER_DEPS = frozenset({"compound", "amod", "poss"})
"""Relations of a state mention to a noun it stands behind ('the Pristina authorities', 'Kosovo's government')."""


def dateline_state(lines: list[tuple[int, Entity]], offset: int) -> Entity | None:
    """The dateline in force at ``offset``, if any."""
    found = None
    for start, e in lines:
        if start > offset:
            break
        found = e
    return found


def fill_from_dateline(cand: Candidate, lines: list[tuple[int, Entity]]) -> None:
    """A visit with no destination, or an investment with no host country: the dateline's state,
    unless it is the agent's own (or the visit is talks with no one named met)."""
    role = DATELINE_ROLES.get(cand.type)
    if role is None or cand.fillers.get(role):
        return
    trig = cand.trigger_token
    met = [g for c in trig.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    if cand.frame == "talks_noun" and not any(g.pos_ != "PRON" for g in met):
        return  # 'revived talks on buying armoured vehicles', 'held talks with us': no one met abroad, no trip
    if cand.frame == "return_from":
        return  # 'NAIROBI - X, who returned on Sunday from …': the dateline is where the traveller came home to
    place = dateline_state(lines, cand.trigger.start)
    agent = cand.first(CORE_ROLES[cand.type][0])
    if place is None or agent is None or place.id in {agent.id, agent.affiliation}:
        return
    cand.fillers[role] = [place.model_copy(update={"implicit": True})]
    cand.fallback_used = True


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


ALSO_ARRIVING = frozenset({"arrive", "land", "come"})
"""Arrival verbs whose 'also' ('Biden also arrived on Thursday') says where: where the latest arrival before went."""


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


def fill_from_tour(cand: Candidate, earlier: list[Candidate], leg_nouns: frozenset[str]) -> None:
    """'The stops in Malaysia and Indonesia were postponed': a leg of a tour that names no traveller is a leg of
    the latest visit before it in the document, whose visitor it takes (implicit)."""
    trig = cand.trigger_token
    if cand.type != "visit" or cand.fillers.get("visitor") or trig.lemma_.lower() not in leg_nouns:
        return
    before = [c for c in earlier if c.type == "visit" and c.trigger.start < cand.trigger.start and c.first("visitor")]
    if before:
        visitor = max(before, key=lambda c: c.trigger.start).first("visitor")
        cand.fillers["visitor"] = [visitor.model_copy(update={"implicit": True})]
        cand.fallback_used = True


def split_coordinated(cand: Candidate, ctx: LinkContext, words: Words) -> list[Candidate]:
    """One candidate per coordinated agent: 'Turkey, Afghanistan and Albania recognised Kosovo' is three
    recognitions (the agent role of visits and recognitions takes one filler); so is 'Malta joined Spain in
    recognising' (two), 'A, followed by B, recognised' (two), 'A recognised X, joining B and C' or '…, a move
    already made by B and C' (three), 'a consortium of Total and Petronas won …' or 'A, in a consortium with B,
    won' (two members of a group), and 'will acquire a system from MBDA and Saab' (a purchase from each firm)."""
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
    apposed = _apposed_list(span.root) if first.label in {*STATE_LABELS, "PERSON", "ORG"} else []
    listed = (*span.root.conjuncts, *apposed)
    group = group_members(span.root, cand.trigger_token, ctx, words)
    signed = cosigners(span.root, cand, ctx, words.partner_deals, words.signing_verbs, words.partnering_verbs)
    trig = cand.trigger_token
    joined = _joined(trig) if cand.type == "recognition" else []
    for tok in (*listed, *_joiners(span.root, trig), *_followers(span.root, trig), *joined, *group, *signed):
        e = ctx.by_token.get(tok.i)
        listed_state = e is not None and tok in listed and e.label == first.label and (
            (e.label == "NORP" and span.root.dep_ == "amod")  # 'the British and Canadian prime ministers visited'
            or (e.label in STATE_LABELS and cand.type == "arms_sale" and span.root.dep_ == "pobj"
                and span.root.head.lower_ == "from")  # 'will receive tanks from Germany, Poland and Norway'
        )
        if e is None or (e.label not in labels and not listed_state) or (e.id or e.text) in seen or (
            cand.type == "visit" and named_as_spouse(tok, e, words.spouse_words)
        ):
            continue
        seen.add(e.id or e.text)
        out.append(replace(cand, fillers={**cand.fillers, agent_role: [e]}))
    return out


def _plural_antecedents(cand: Candidate, first: Entity, ctx: LinkContext, labels: set[str]) -> list[Candidate]:
    """'A, B and C have announced they will recognise …', '… announcing that we recognise …': a plural pronoun
    subject of the trigger's clause that stands for the first of a list in its sentence stands for the whole list
    (one candidate for each other member, implicit as the first)."""
    trig = cand.trigger_token
    verb = trig if trig.pos_ in ("VERB", "AUX") else trig.head
    subjects = [c for v in (verb, verb.head) for c in v.children if c.dep_ == "nsubj" and c.i != first.start]
    if not any(c.lower_ in PLURAL_SUBJECTS for c in subjects[:1]):
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


def _apposed_list(agent: Token) -> list[Token]:
    """'recognised by Chile, Peru, Fiji and Tonga' parsed with Peru as Chile's apposition and Fiji, Tonga as Peru's
    conjuncts: an apposition that heads a list of its own continues a state, person or firm agent's list (a state is
    no other state's apposition; 'Secretary X, Envoy Y and Adviser Z arrived' and 'partners are A (25%), B (25%) and
    C (20%)' parse the same way); from such an apposition, the agent it continues ('X, Y and Z were among those who
    …' with Y the filler found)."""
    first = agent
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    head = [first.head] if first.dep_ == "appos" and first.conjuncts else []
    return [*head, *(t for c in agent.children if c.dep_ == "appos" and c.conjuncts for t in (c, *c.conjuncts))]


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


def _followers(agent: Token, trig: Token) -> list[Token]:
    """'Barbados, followed by Jamaica and Trinidad, announced their recognition', 'Guyana led them by recognising it,
    followed by Suriname and Belize': those the agent, or the clause it acts in, is followed by act too."""
    clause = [trig, *list(trig.ancestors)[:2]]
    return [t for c in (*agent.children, *(c for v in clause for c in v.children if c.dep_ == "advcl"))
            if c.dep_ in ("acl", "advcl") and c.lemma_.lower() == "follow"
            for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
            for t in (p, *p.conjuncts)]


DOING = frozenset({"do", "make", "take"})
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


def restated(
    ctx: LinkContext, accepted: list[Candidate], status_of: Callable[[Token], str], words: Restatement
) -> list[Candidate]:
    """Events restated by reference: 'Togo and Ghana did the same', 'London and Paris followed (suit)'.

    Each copies the latest accepted event before it in the same or the previous paragraph, with the
    reference's subjects as agents (one event each) and its own status, or the copied event's when the
    reference states none.
    """
    out: list[Candidate] = []
    for tok in ctx.doc:
        if not _is_reference(tok, words):
            continue
        # 'London and Paris followed' restates a decision, not a trip: the latest event that is no visit
        before = [c for c in accepted if c.trigger.end <= tok.idx and c.type != "visit"]
        if not before:
            continue
        source = before[-1]
        text = ctx.document.text
        if text[source.trigger.end : tok.idx].count("\n\n") > 1 and text[: source.trigger.start].count(
            "\n\n"
        ) > LEAD_PARAGRAPHS:
            continue  # neither near nor the article's lead event ('The move comes after Spain took the same step')
        agents = subject_mentions(tok, ctx)
        agent_role, other = _followed_roles(source, ctx)
        taken = {state_key(e) for e in source.fillers.get(other, [])}
        status = status_of(tok)
        end = max([c.i for c in tok.children if c.dep_ in ("dobj", "advmod") and c.lower_ in words.ending_words]
                  + [c.head.i for c in tok.children if c.dep_ == "dobj" and c.lower_ == "same"]
                  + [c.i for c in tok.children if _same_step(c, words)] + [tok.i])
        trigger = ctx.doc[tok.i : end + 1]
        for e in agents:
            if state_key(e) in taken or e.label not in ("GPE", "NORP", "PERSON", "ORG"):
                continue
            out.append(replace(
                source, trigger=Span(text=trigger.text, start=trigger.start_char, end=trigger.end_char),
                trigger_token=tok, trigger_tokens=trigger, sentence=tok.sent, date=None, fallback_used=True,
                status=status if status != "actual" else source.status,
                fillers={**source.fillers, agent_role: [e],
                         other: [x.model_copy(update={"implicit": True}) for x in source.fillers.get(other, [])]},
            ))
    return out


def _followed_roles(source: Candidate, ctx: LinkContext) -> tuple[str, str]:
    """The core role a follower takes in a restated event (and the other): the one the restated event's subject
    fills ('the Netherlands decided to buy …; Czechia followed': a buyer), else the type's agent."""
    agent, other = CORE_ROLES[source.type]
    subjects = {
        id(e) for node in clause_chain(source.trigger_token) for c in node.children if c.dep_ in ("nsubj", "nsubjpass")
        for g in (c, *c.conjuncts) if (e := ctx.by_token.get(g.i)) is not None
    }
    if not any(id(e) in subjects for e in source.fillers.get(agent, [])) and any(
        id(e) in subjects for e in source.fillers.get(other, [])
    ):
        return other, agent
    return agent, other


def _is_reference(tok: Token, words: Restatement) -> bool:
    """'did the same', 'did so', 'as X had done', 'followed suit', or an intransitive 'followed' with a subject of
    its own."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    if lemma not in ("do", "follow"):
        return _other_reference(tok, lemma, words)
    objects = {c.lower_ for c in tok.children if c.dep_ in ("dobj", "advmod")}
    if lemma == "do":
        if "same" in objects or any(c.dep_ == "dobj" and c.lemma_ == "same" for c in tok.children):
            return True
        if _done_by(tok):
            return True  # 'this was also done by Togo and Ghana'
        if [t.lower_ for t in tok.doc[tok.i + 1 : tok.i + 3]] == ["the", "same"]:
            return True  # 'would do the same next year', parsed as a date 'the same next year'
        if objects & {"so", "likewise"}:
            return True  # 'Peru did so in 2022'
        # 'as El Salvador had done in 2019': an 'as' clause with no object of its own, on the event's clause
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
        return tok.dep_ == "advcl" and "as" in marks and not any(c.dep_ in ("dobj", "ccomp") for c in tok.children)
    # 'follow': a subject, or a name just before it that the parser left without one ('… and Argentina followed
    # in August') (never a preposition: 'France was angry following Spain's cancellation of …')
    subject = tok.dep_ != "prep" and (any(c.dep_ == "nsubj" for c in tok.children) or tok.dep_ == "xcomp" or (
        tok.i > 0 and tok.doc[tok.i - 1].pos_ == "PROPN"))
    lead = any(c.dep_ == "dobj" and c.lemma_.lower() in words.followed for c in tok.children)
    intransitive = not any(c.dep_ in ("dobj", "agent", "nsubjpass", "auxpass", "xcomp", "ccomp")
                           for c in tok.children)
    return subject and ("suit" in objects or lead or intransitive)


def _other_reference(tok: Token, lemma: str, words: Restatement) -> bool:
    """'took the same step', 'made a similar move', 'will join them', 'are weighing the question'."""
    if lemma in ("take", "make"):
        return any(_same_step(c, words) for c in tok.children)
    if lemma == "join":
        return any(c.dep_ == "dobj" and (c.lemma_.lower() in words.joined or c.lower_ in words.joined)
                   for c in tok.children)
    if lemma in words.weighing_verbs:
        return any(c.dep_ == "dobj" and c.lemma_.lower() in words.question_nouns and any(
            d.lower_ == "the" for d in c.children if d.dep_ == "det") for c in tok.children)
    return False


def _same_step(obj: Token, words: Restatement) -> bool:
    """An object that restates an event: 'the same step', 'a similar decision'."""
    return obj.dep_ == "dobj" and obj.lemma_.lower() in words.step_nouns and any(
        c.lower_ in words.same_words for c in obj.children if c.dep_ in ("amod", "det", "advmod"))


def subject_mentions(tok: Token, ctx: LinkContext) -> list[Entity]:
    """The mentions that are the subject of ``tok`` (or of the verb it complements: 'declined to follow'); a
    subject that names no one stands for the state that modifies it ('the Pristina authorities')."""
    verb = tok.head if tok.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in tok.children) else tok
    if verb is not tok and any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "on") for c in verb.children):
        return []  # 'Egypt called on the EU members to follow': those asked to follow have not (yet)
    if _done_by(verb):  # 'this was also done by Togo and Ghana': the agents
        subjects = [t for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                    for t in (p, *p.conjuncts)]
    else:
        subjects = [t for s in verb.children if s.dep_ in ("nsubj", "nsubjpass") for t in (s, *s.conjuncts)]
    out = []
    for t in subjects or _list_before(verb, ctx):
        if t.i in ctx.by_token:
            out.append(ctx.by_token[t.i])
            continue
        if t.lower_ in ("it", "they") and verb.dep_ == "ccomp" and verb.head.i != verb.i:
            out.extend(subject_mentions(verb.head, ctx))  # 'Belgium said it would do the same': the speaker
            continue
        if verb.dep_ == "relcl" and any(c.lower_ == "whose" for c in t.children) and verb.head.i in ctx.by_token:
            out.append(ctx.by_token[verb.head.i])  # 'Ecuador, whose government took the same decision'
            continue
        states = [ctx.by_token[c.i] for c in t.children if c.dep_ in MODIFIER_DEPS and c.i in ctx.by_token]
        out.extend(e for e in states[:1] if e.label in STATE_LABELS)
    return out


def _done_by(tok: Token) -> bool:
    """A passive 'do' whose subject points back and that names its doers: 'this was also done by Togo'."""
    return tok.lemma_.lower() == "do" and any(c.dep_ == "agent" for c in tok.children) and any(
        c.dep_ == "nsubjpass" and c.lower_ in ("this", "that", "same") for c in tok.children)


def _list_before(verb: Token, ctx: LinkContext) -> list[Token]:
    """The list of names just before a verb the parser left without a subject ('after Togo, Ghana and Nauru did
    the same'): mention tokens, commas and 'and', read leftwards."""
    out = []
    for t in reversed(verb.doc[verb.sent.start : verb.i]):
        if t.i in ctx.by_token and ctx.by_token[t.i].label in STATE_LABELS | {"PERSON", "ORG"}:
            out.append(t)
        elif t.lower_ not in (",", "and"):
            break
    return out[::-1]
