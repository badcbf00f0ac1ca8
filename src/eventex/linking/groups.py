"""Members of a group named by its 'of' phrase: 'a consortium of Total and Petronas Carigali' names two investors;
so does a group the agent (or its verb) acts in, by its 'with' phrase: 'Chevron, in a consortium with Norway's Equinor
and Spain's Repsol, won a block' names Chevron's two partners.

The parser often misreads a list of firm names ('BP' taken as a modifier of 'Energy' rather than a conjunct of
'Kosmos Energy', or the last name hung on the group noun), so the members are every mention of the agent's label
inside the 'of' (or 'including') phrase of a group noun (``[groups]`` in linking.toml) or in a name coordinated with
that noun, not only the conjuncts of the phrase's object.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from eventex.linking.context import Candidate, LinkContext
from eventex.linking.rules import Words
from eventex.resources import vocabulary
from eventex.schema import CORE_ROLES, Entity, Span, event_roles

NAME_DEPS = frozenset({"conj", "compound", "nmod", "appos"})
"""Relations climbed from a member's token to the object of the group's preposition."""


def group_members(agent: Token, verb: Token, ctx: LinkContext, words: Words) -> list[Token]:
    """The tokens of the other mentions of the agent's label in the group phrase the agent is named in ('a
    consortium of A and B', with the agent A or B), or of its partners (:func:`_partners`)."""
    return _members(agent, ctx, words) + _partners(agent, verb, ctx, words) + _shareholders(agent, ctx)


def _name_top(tok: Token) -> Token:
    """``tok`` climbed out of the name or list it is part of."""
    while tok.dep_ in NAME_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok


def group_noun(member: Token, words: Words) -> Token | None:
    """The group noun whose 'of' (or 'including') phrase names ``member`` ('a consortium of A and B'), or that
    ``member`` leads ('a consortium led by A'); None when it names no member of a group."""
    t = _name_top(member)
    prep = t.head
    if t.dep_ != "pobj":
        return None
    if prep.lower_ in words.group_prepositions:
        group = prep.head
    elif prep.dep_ == "agent" and prep.head.dep_ == "acl" and prep.head.lemma_.lower() in words.group_leader_verbs:
        group = prep.head.head
    else:
        return None
    return group if group.lemma_.lower() in words.group_nouns else None


def _members(agent: Token, ctx: LinkContext, words: Words) -> list[Token]:
    """The other members of the group phrase the agent is named in; none when it names no member of a group."""
    t = _name_top(agent)
    prep = t.head
    if t.dep_ != "pobj" or prep.lower_ not in words.group_prepositions:
        return []
    if prep.head.lemma_.lower() not in words.group_nouns:
        return []
    own = ctx.by_token.get(agent.i)
    if own is None:
        return []
    # the parser may hang the list's last name on the group noun itself ('consortium … and Vaalco Energy')
    names = [c for c in prep.head.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > prep.i]
    return [tok for top in (prep, *names) for tok in top.subtree
            if (e := ctx.by_token.get(tok.i)) is not None and e is not own and e.label == own.label]


def _partners(agent: Token, verb: Token, ctx: LinkContext, words: Words) -> list[Token]:
    """The tokens of the mentions of the agent's label in the ``[groups] partner_prepositions`` phrase of a group
    noun that the agent or its verb has as an 'in' object ('A, in a consortium with B and C, won'; 'A won it in a
    partnership with B'), or that is the trigger itself: the agent's partners in the act."""
    own = ctx.by_token.get(agent.i)
    if own is None:
        return []
    groups = [g for head in (agent, verb) for p in head.children if p.dep_ == "prep" and p.lower_ == "in"
              for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in words.group_nouns]
    if verb.lemma_.lower() in words.group_nouns and verb.pos_ == "NOUN":
        groups.append(verb)  # the trigger is the group noun itself ('A, in a consortium with B, won another')
    return [tok for g in groups for p in g.children if p.dep_ == "prep" and p.lower_ in words.group_partner_prepositions
            for tok in p.subtree if not _owned(tok, p, ctx)
            if (e := ctx.by_token.get(tok.i)) is not None and e is not own and e.label == own.label]


SHARE_AFTER = re.compile(r"\s*(?:\([A-Z][A-Za-z&]+\)\s*)?\(\s*\d+(?:\.\d+)?\s*(?:%|per ?cent)\s*\)")
"""A share in parentheses right after a firm's name, or after its acronym ('TotalEnergies (62%)', 'the China
National Offshore Oil Corporation (CNOOC) (8%)', 'CNPC (28.6 percent)')."""


def _shareholders(agent: Token, ctx: LinkContext) -> list[Token]:
    """'partners are A (62%), B (15%) and C (8%)', 'held by A (35.7 percent), B (…) and C (…)': when
    the agent's name is followed by its share in parentheses, every other firm of its sentence named with a share
    holds one too (however the parser hung the list)."""
    own = ctx.by_token.get(agent.i)
    text = ctx.document.text
    if own is None or own.label != "ORG" or not SHARE_AFTER.match(text, own.end):
        return []
    return [m.root for m in ctx.mentions.in_sentence(agent.sent.start)
            if m.entity is not own and m.entity.label == "ORG" and SHARE_AFTER.match(text, m.entity.end)]


def _owned(tok: Token, top: Token, ctx: LinkContext) -> bool:
    """Whether a token stands in an 'of' phrase below ``top`` ('with Petrogal, a unit of Galp': the parent) or is
    apposed to a name ('Statoil (STL.OL)': its ticker)."""
    return (tok.dep_ == "appos" and tok.head.i in ctx.by_token) or any(
        a.dep_ == "prep" and a.lower_ == "of" for a in tok.ancestors if top.is_ancestor(a))


LISTING_VERBS = vocabulary("listing_verbs")
"""Verbs by which a sentence lists a group's members ('The consortium includes A, B and C')."""


def listed_members(ctx: LinkContext, accepted: list[Candidate], words: Words) -> list[Candidate]:
    """'A Korean consortium won the contract to build the reactors … The consortium includes KEPCO, Hyundai and
    Samsung': the firms a later sentence lists for the group of the latest investment before it that the group
    noun states invest too, one event each (a copy of that investment)."""
    groups = [c for c in accepted
              if c.type == "energy_investment" and c.trigger_token.lemma_.lower() in words.group_nouns]
    out: list[Candidate] = []
    for tok in ctx.doc if groups else ():  # no scan of a text with no investment by a group
        if tok.lemma_.lower() not in LISTING_VERBS or tok.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lemma_.lower() not in words.group_nouns or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subject.children
        ):
            continue
        before = [c for c in groups if c.trigger.end <= tok.idx]
        if not before:
            continue
        source = before[-1]
        members = [e for o in tok.children if o.dep_ == "dobj" for t in (o, *o.conjuncts)
                   if (e := ctx.by_token.get(t.i)) is not None and e.label == "ORG"]
        trigger = Span(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text))
        out += [replace(source, trigger=trigger, trigger_token=tok, trigger_tokens=ctx.doc[tok.i : tok.i + 1],
                        sentence=tok.sent, date=None, fallback_used=True, fillers={**source.fillers, "investor": [e]})
                for e in members]
    return out


PARTNER_FRAME = "partner_noun"
"""The frame of 'partner' triggers (roles.toml)."""
LIST_WINDOW = 6
"""Most words between a 'partners' trigger and the verb that lists them when the parser hangs them apart."""


def listed_partners(cand: Candidate, ctx: LinkContext, words: Words) -> list[Candidate]:
    """'Other partners include Japan's Mitsui (20%), Mozambique's ENH (15%), as well as Indian companies and
    Thailand's PTTEP', 'Its equity partners are A; B, a subsidiary of C; and D': each organisation the listing verb
    after the partners names (not one in parentheses or in an 'of' phrase that describes another), and each
    nationality of named-by-kind firms, is a partner that invests, one candidate each, however the parser hangs the
    list."""
    trig = cand.trigger_token
    if cand.frame != PARTNER_FRAME or trig.lemma_.lower() != "partner" or trig.tag_ != "NNS":
        return [cand]
    sent = cand.sentence
    verb = next((t for t in sent if trig.i < t.i <= trig.i + LIST_WINDOW and t.pos_ in ("VERB", "AUX")
                 and t.lemma_.lower() in (*LISTING_VERBS, "be")), None)
    if verb is None:
        return [cand]
    text = ctx.document.text
    members: list[Entity] = []
    depth, seen = 0, sent.start_char  # parentheses open before the mention
    for m in ctx.mentions.in_sentence(sent.start):
        root, e = m.root, m.entity
        depth += text.count("(", seen, e.start) - text.count(")", seen, e.start)
        seen = max(seen, e.start)
        if m.span.start <= verb.i or depth > 0:
            continue  # before the verb, or inside parentheses
        if any(a.dep_ == "pobj" and a.head.lower_ == "of" for a in (root, *root.ancestors) if a.i > verb.i):
            continue  # 'a subsidiary of the Thai company PTT'
        if (e.label == "ORG" and not e.id) or (e.label == "NORP" and root.head.lemma_.lower() in words.firm_nouns):
            members.append(e)
    if not members:
        return [cand]
    current = cand.first("investor")
    own = {current.text} if current is not None else set()
    if current is None:
        cand.fillers["investor"] = [members[0]]
        own.add(members[0].text)
    return [cand, *(replace(cand, fillers={**cand.fillers, "investor": [e]}) for e in members if e.text not in own)]


def each_agent(cand: Candidate) -> list[Candidate]:
    """One candidate per agent where the type's agent role takes one filler and a rule named several ('agreed with
    TotalEnergies, Occidental and Eni to extend the contract': three investors)."""
    role = CORE_ROLES[cand.type][0]
    agents = cand.fillers.get(role, [])
    if len(agents) < 2 or event_roles(cand.type)[role]:
        return [cand]
    return [replace(cand, fillers={**cand.fillers, role: [e]}, guessed=set(cand.guessed)) for e in agents]


FOOTSTEP_NOUNS = vocabulary("footstep_nouns")
"""Nouns of 'followed in the footsteps (the wake, the lead) of X': X did it first."""


def _footsteps(trig: Token) -> list[Token]:
    """Those whose footsteps (wake, lead) the verb the trigger is coordinated with followed: 'followed in the
    footsteps of X and recognised …', 'followed in X's footsteps', 'followed X's lead', 'followed the lead of X' (the
    first of a list; not a lead on another matter: 'followed Norway's lead on fisheries')."""
    head = trig.head
    if trig.dep_ != "conj" or head.lemma_.lower() != "follow":
        return []
    nouns = [n for c in head.children if c.dep_ == "prep" and c.lower_ == "in" for n in c.children if n.dep_ == "pobj"]
    nouns += [n for n in head.children if n.dep_ == "dobj"]
    nouns = [n for n in nouns if n.lemma_.lower() in FOOTSTEP_NOUNS and not any(  # a common noun's topic phrase:
        c.dep_ == "prep" and c.lower_ != "of" and any(g.pos_ == "NOUN" for g in c.children)  # 'lead on fisheries'
        for c in n.children)]
    return [g for n in nouns for c in n.children
            for g in ([c] if c.dep_ == "poss" else [x for x in c.children if x.dep_ == "pobj"]
                      if c.dep_ == "prep" and c.lower_ == "of" else [])]


def ranked_predecessors(cand: Candidate, ctx: LinkContext, ranked: Callable[[Token], bool]) -> list[Candidate]:
    """'Romania has become the ninth country to acquire K9 howitzers, after Australia, Egypt and Norway', 'Peru
    became the fifth state to recognise Kosovo, after Chile and Spain': each state of an 'after' list on a trigger
    that an ordinal ranks (``ranked``), or of a 'following' or 'like' phrase before it ('Following Spain and Norway,
    Slovenia also recognised X', 'Like France, Britain recognised X'), or of the footsteps it followed ('followed in
    the footsteps of the UK and recognised X'), did the same before (so actually, where the ranked subject only plans
    to: 'A will be the second country to acquire X after B'), one candidate each in the role of the ranked
    subject."""
    trig = cand.trigger_token
    rank = ranked(trig)
    if rank:
        phrases = [c for c in trig.children if c.dep_ == "prep" and c.lower_ == "after"]
    else:  # ('Following Paris, Macron visited Berlin': a leg of a tour, no earlier visit)
        phrases = [c for c in trig.children if c.dep_ in ("prep", "advcl") and c.i < trig.i and (
            c.lower_ == "like" or (c.lower_ == "following" and cand.type != "visit"))]
    firsts = [g for c in phrases for g in c.children if g.dep_ in ("pobj", "dobj")]
    if not rank:
        firsts += _footsteps(trig)
    if not firsts:
        return [cand]
    listed = [ctx.by_token[t.i] for g in firsts for t in (g, *g.conjuncts)
              if t.i in ctx.by_token and ctx.by_token[t.i].label == "GPE" and ctx.by_token[t.i].id]
    clause = trig.head.head if trig.head.dep_ == "attr" else trig.head  # 'A will be the second country to …'
    subject = next((ctx.by_token[c.i] for c in clause.children if c.dep_ == "nsubj" and c.i in ctx.by_token), None)
    if not listed or subject is None or not subject.id:
        return [cand]
    role = next((r for r in CORE_ROLES[cand.type] if any(e.id == subject.id for e in cand.fillers.get(r, []))), None)
    taken = {e.id for v in cand.fillers.values() for e in v}
    if role is None:
        return [cand]
    done = "actual" if cand.status in ("planned", "proposed") else cand.status  # ('will be the second … after X')
    return [cand, *(replace(cand, fillers={**cand.fillers, role: [e]}, guessed=set(cand.guessed), status=done)
                    for e in listed if e.id not in taken)]
