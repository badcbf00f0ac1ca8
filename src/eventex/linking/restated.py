"""Events restated by reference: 'Togo and Ghana did the same', 'London and Paris followed suit', 'The move was
followed by A and B'."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from eventex.linking.context import STATE_LABELS, Candidate, LinkContext, state_key
from eventex.linking.paths import apposed_list, clause_chain, examples
from eventex.linking.rules import Restatement
from eventex.resources import vocabulary
from eventex.schema import CORE_ROLES, Entity, Span

LEAD_PARAGRAPHS = 2
"""Paragraphs (headline, dateline line or lede) whose event a reference anywhere in the article may restate."""
INTENT_NOUNS = vocabulary("intent_nouns")
"""Nouns of an intention whose infinitive restates an event for the intention's owner ('its intention to do so')."""
MODIFIER_DEPS = frozenset({"compound", "amod", "poss"})
"""Relations of a state mention to a noun it stands behind ('the Pristina authorities', 'Kosovo's government')."""


def restated(
    ctx: LinkContext, accepted: list[Candidate], status_of: Callable[[Token], str], words: Restatement
) -> list[Candidate]:
    """Events restated by reference: 'Togo and Ghana did the same', 'London and Paris followed (suit)', 'The move
    was followed by A and B'.

    Each copies the latest accepted event before it in the same or the previous paragraph (and the other events of
    that sentence with the same agent: 'Panama cut ties with Taipei to open relations with Beijing. Costa Rica did
    likewise'), with the reference's subjects as agents (one event each) and its own status, or the copied event's
    when the reference states none or the copied one is negated ('A withdrew its recognition. B might do the same':
    B's withdrawal).
    """
    out: list[Candidate] = []
    for tok in ctx.doc:
        if not _is_reference(tok, words):
            continue
        # 'London and Paris followed' restates a decision, not a trip: the latest event that is no visit
        before = [c for c in accepted if c.trigger.end <= tok.idx and c.type != "visit"]
        if not before:
            continue
        latest = before[-1]
        text = ctx.document.text
        if text[latest.trigger.end : tok.idx].count("\n\n") > 1 and text[: latest.trigger.start].count(
            "\n\n"
        ) > LEAD_PARAGRAPHS:
            continue  # neither near nor the article's lead event ('The move comes after Spain took the same step')
        agents = subject_mentions(tok, ctx)
        status = status_of(tok)
        end = max([c.i for c in tok.children if c.dep_ in ("dobj", "advmod") and c.lower_ in words.ending_words]
                  + [c.head.i for c in tok.children if c.dep_ == "dobj" and c.lower_ == "same"]
                  + [c.i for c in tok.children if _same_step(c, words)] + [tok.i])
        trigger = ctx.doc[tok.i : end + 1]
        for source in _same_actor(latest, before, ctx):
            agent_role, other = _followed_roles(source, ctx)
            taken = {state_key(e) for e in source.fillers.get(other, [])}
            for e in agents:
                if state_key(e) in taken or e.label not in ("GPE", "NORP", "PERSON", "ORG"):
                    continue
                out.append(replace(
                    source, trigger=Span(text=trigger.text, start=trigger.start_char, end=trigger.end_char),
                    trigger_token=tok, trigger_tokens=trigger, sentence=tok.sent, date=None, fallback_used=True,
                    status=status if status != "actual" and source.status != "negated" else source.status,
                    fillers={**source.fillers, agent_role: [e],
                             other: [x.model_copy(update={"implicit": True}) for x in source.fillers.get(other, [])]},
                ))
    return out


def _same_actor(latest: Candidate, before: list[Candidate], ctx: LinkContext) -> list[Candidate]:
    """The events a reference restates: the latest one and the others of its sentence and type whose agent is
    the same."""
    role = _followed_roles(latest, ctx)[0]
    actor = {state_key(e) for e in latest.fillers.get(role, [])}
    return [c for c in before if c is latest or (
        c.sentence.start == latest.sentence.start and c.type == latest.type
        and {state_key(e) for e in c.fillers.get(role, [])} == actor and _followed_roles(c, ctx)[0] == role
    )]


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
    if _followed_by(tok) and any(c.dep_ == "nsubjpass" and (c.lemma_.lower() in words.step_nouns or c.lower_ in (
            "this", "that", "it")) for c in tok.children):
        return True  # 'The move was followed by Nicaragua, Venezuela and Nauru'
    # 'follow': a subject, or a name just before it that the parser left without one ('… and Argentina followed
    # in August') (never a preposition: 'France was angry following Spain's cancellation of …')
    subject = tok.dep_ != "prep" and (any(c.dep_ == "nsubj" for c in tok.children) or tok.dep_ == "xcomp" or (
        tok.i > 0 and tok.doc[tok.i - 1].pos_ == "PROPN"))
    lead = any(c.dep_ == "dobj" and c.lemma_.lower() in words.followed for c in tok.children)
    intransitive = not any(c.dep_ in ("dobj", "agent", "nsubjpass", "auxpass", "xcomp", "ccomp")
                           for c in tok.children)
    return subject and ("suit" in objects or lead or intransitive)


def _other_reference(tok: Token, lemma: str, words: Restatement) -> bool:
    """'took the same step', 'made a similar move', 'will join them', 'announced the same', 'are weighing the
    question'."""
    if lemma in ("take", "make"):
        return any(_same_step(c, words) for c in tok.children)
    if lemma == "join":
        return any(c.dep_ == "dobj" and (c.lemma_.lower() in words.joined or c.lower_ in words.joined)
                   for c in tok.children)
    if lemma in words.saying_verbs:
        return any(c.dep_ == "dobj" and c.lemma_.lower() == "same" for c in tok.children)
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
    if tok.dep_ == "acl" and tok.head.dep_ == "dobj" and tok.head.lemma_.lower() in INTENT_NOUNS:
        verb = tok.head.head  # 'Uruguay stated its intention to do the same': the one whose intention it is
    if _done_by(verb) or _followed_by(verb):  # 'this was also done by Togo and Ghana': the agents (or the names in
        # apposition to an agent noun: 'followed a year later by the Caribbean states Dominica and Grenada')
        subjects = [t for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                    for q in (p, *(c for c in p.children if c.dep_ == "appos")) for t in named_run(q, ctx)]
    else:  # 'A, B and C' (B parsed as A's apposition), 'countries such as A and B are expected to do so'
        if verb.dep_ in ("relcl", "acl") and verb.head.dep_ == "attr" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verb = verb.head.head  # 'Chile is the only other Andean state to have done so': the copula's subject
        subjects = list(dict.fromkeys(t for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")
                                      for t in (s, *s.conjuncts, *apposed_list(s), *examples(s))))
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


def _followed_by(tok: Token) -> bool:
    """A passive 'follow' that names its followers: 'The move was followed by A and B'."""
    return tok.lemma_.lower() == "follow" and any(c.dep_ == "agent" for c in tok.children) and any(
        c.dep_ == "nsubjpass" for c in tok.children)


RUN_WORDS = frozenset({",", "and", "by", "on", "in", "then", "later", "of"}) | frozenset(
    name.lower() for name in calendar.month_name if name)
"""Words that may stand between the names of a list whose items carry their dates ('followed by Venezuela on
September 10, 2009, Nauru on December 16, 2009 and Tuvalu in 2011')."""


def named_run(tok: Token, ctx: LinkContext) -> list[Token]:
    """A name, its conjuncts and the state names listed after it (:func:`listed_after`), each once."""
    return list(dict.fromkeys((tok, *tok.conjuncts, *listed_after(tok, ctx))))


def listed_after(tok: Token, ctx: LinkContext) -> list[Token]:
    """The state mentions after the state mention ``tok`` in its sentence up to the first word that is neither
    such a name, nor a number, nor one of :data:`RUN_WORDS`."""
    first = ctx.by_token.get(tok.i)
    if first is None or first.label not in STATE_LABELS:
        return []  # 'The decision was followed by protests in Serbia'
    out = []
    for t in tok.doc[tok.i + 1 : tok.sent.end]:
        e = ctx.by_token.get(t.i)
        if e is not None and e.label in STATE_LABELS:
            if e.start == t.idx:
                out.append(t)
        elif not (t.like_num or t.lower_ in RUN_WORDS or (e is not None and e.label == "DATE")):
            break
    return out


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
