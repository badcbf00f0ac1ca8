"""Recognition across statements: the parties of relations established between two states, mutual
recognition, a switch of recognition from one government to another (also an ally lost or won), and recognisers
listed after a counted subject."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span, Token

from eventex.linking.context import STATE_LABELS, Candidate, LinkContext, latest_before, state_key
from eventex.linking.paths import clause_chain, first_conjunct
from eventex.linking.restated import subject_mentions
from eventex.linking.rules import TypeLexicon
from eventex.resources import vocabulary
from eventex.schema import Entity

ANNIVERSARIES = vocabulary("anniversaries")
"""Nouns that recall the establishment of relations rather than state it."""


def relations_parties(cand: Candidate, ctx: LinkContext, lex: TypeLexicon) -> None:
    """'the establishment of diplomatic relations between China and Honduras', 'Israel and Kosovo established
    diplomatic relations', 'Kosovo established relations with Britain': of two parties named together, the would-be
    state (or Beijing or Taipei, which a switch recognises, in an article that names the other) is recognised by the
    other."""
    would_be = lex.relations_ids | lex.switch_states
    if cand.type != "recognition" or cand.frame not in lex.relations_frames:
        return
    trig = cand.trigger_token
    if trig.pos_ == "NOUN" and (rec := cand.fillers.get("recognized")):
        # 'the opening of relations with Beijing and the severing of its ties to Taipei': not the partner of
        # the coordinated noun
        spans = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in trig.children if c.dep_ == "conj"]
        cand.fillers["recognized"] = [e for e in rec if not any(a <= e.start < b for a, b in spans)]
    rec = cand.fillers.get("recognized", [])
    if any(e.id in would_be for e in rec):
        if cand.frame == "relations" and not any(e.id in lex.relations_ids for e in rec) and _switch_article(
            rec, ctx, lex
        ):  # 'announced the establishment of diplomatic relations with Beijing' (and a break with Taipei)
            cand.frame = "recognize"
        return
    if trig.head.lower_ == "of" and trig.head.head.lemma_.lower() in ANNIVERSARIES:
        return  # 'the 30th anniversary of the establishment of diplomatic relations between …' recalls no event
    heads = [trig, *(c for c in trig.children if c.dep_ in ("dobj", "prep")),
             *(g for c in trig.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)]
    named = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "between"
             for o in c.children if o.dep_ == "pobj" for g in (o, *o.conjuncts)]
    if not named and trig.pos_ in ("VERB", "AUX"):
        # 'A and B established relations', 'A and B signed an accord to establish relations' (the subject of the
        # clause an infinitive complements)
        chain = clause_chain(trig)
        if all(t.dep_ in ("xcomp", "acl", "dobj") or (t.dep_ == "advcl" and any(  # 'moved quickly to seal …'
                c.dep_ == "aux" and c.lower_ == "to" for c in t.children)) for t in chain[:-1]):
            named = [g for c in chain[-1].children if c.dep_ == "nsubj" for g in (c, *c.conjuncts)]
        if len(named) == 1:  # 'Kosovo established relations with Britain, France and Turkey': the first partner
            named += [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                      for g in c.children if g.dep_ == "pobj"][:1]  # (split_coordinated adds the others)
    named = [_described(t, ctx) for t in named]
    parties = [ctx.by_token[t.i] for t in named if t.i in ctx.by_token]
    if any(t.pos_ == "PRON" for t in named):  # 'Taiwan said it was cutting ties with …': the state it stands for
        parties += [e for e in cand.fillers.get("recognizer", [])[:1] if e not in parties]
    parties = [e for e in parties if e.label in STATE_LABELS and e.id]
    if len(parties) != 2 or parties[0].id == parties[1].id:
        return
    recognized = [e for e in parties if e.id in would_be]
    if len(recognized) != 1:
        return
    new = recognized[0]
    if new.id in lex.switch_states:
        if not _switch_article([new], ctx, lex):
            return
        cand.frame = "recognize"  # a recognition of a state, not of a would-be one (see accept_recognition)
    cand.fillers["recognizer"] = [e for e in parties if e is not new]
    cand.fillers["recognized"] = [new]


APPOSITION_MARKS = frozenset({",", "–", "—", "-", "("})
"""Marks that set off a name in apposition to the description before it."""


def _described(tok: Token, ctx: LinkContext) -> Token:
    """A party named by a description with its name in an 'of' phrase ('the Balkan republic of Kosovo') or set off
    right after it ('another Pacific nation – the Solomon Islands', 'another Pacific nation, Kiribati,': an
    apposition, however the parser hung it): the name."""
    if tok.i in ctx.by_token:
        return tok
    named = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj" and g.i in ctx.by_token), None)
    named = named or next((c for c in tok.children if c.dep_ == "appos" and c.i in ctx.by_token), None)
    if named is not None:
        return named
    doc, k = tok.doc, tok.right_edge.i + 1
    if k + 1 < len(doc) and doc[k].is_punct and doc[k].text in APPOSITION_MARKS:
        after = doc[k + 2] if doc[k + 1].lower_ == "the" and k + 2 < len(doc) else doc[k + 1]
        if after.i in ctx.by_token:
            return after
    return tok


def _switch_article(new: list[Entity], ctx: LinkContext, lex: TypeLexicon) -> bool:
    """Whether relations with Beijing (or Taipei) recognise it: only where the article names the other side of a
    switch."""
    return bool((lex.switch_states - {e.id for e in new}) & ctx.state_ids)


def reciprocal(cand: Candidate, ctx: LinkContext) -> list[Candidate]:
    """'Israel and Kosovo recognised each other', 'agreed on mutual recognition', 'mutual recognition between Kosovo
    and Israel': one event each way."""
    if cand.type != "recognition":
        return [cand]
    trig = cand.trigger_token
    mutual = any(c.lower_ in ("mutual", "reciprocal") for c in trig.children) or any(
        c.dep_ == "dobj" and c.lower_ == "other" for c in trig.children
    )
    if not mutual:
        return [cand]
    between = [e for c in trig.children if c.dep_ == "prep" and c.lower_ == "between" for g in c.children
               if g.dep_ == "pobj" for t in (g, *g.conjuncts) if (e := ctx.by_token.get(t.i)) is not None
               and e.label in STATE_LABELS and e.id]
    if cand.fillers.get("recognized") and len(between) != 2:
        return [cand]
    verb = trig
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT":
        verb = verb.head
    parties = between if len(between) == 2 else [
        e for e in subject_mentions(verb, ctx) if e.label in STATE_LABELS and e.id]
    if len(parties) != 2:
        return [cand]
    a, b = parties
    return [replace(cand, fillers={**cand.fillers, "recognizer": [x], "recognized": [y]}) for x, y in ((a, b), (b, a))]


def switched(cand: Candidate, ctx: LinkContext, lex: TypeLexicon, governed: Callable[[Token], str]) -> list[Candidate]:
    """'switched recognition from Taipei to Beijing', 'cut ties with Taipei in favour of Beijing' (or 'in a switch to
    Beijing'): the withdrawal, and a recognition of the state switched to, with the status of the words above the
    trigger ('plans to switch': planned). A switch rejected or voted down ('rejected a bill to switch …') is one
    negated recognition of the state it would have switched to. A bare 'switched to X' (no recognition, side or
    allegiance switched) is a switch of recognition only to one of ``lex.switch_states``, and from the other one when
    no 'from' phrase names the state left. The verbs of a switch are ``lex.switch_verbs`` ('moved its recognition to
    Beijing')."""
    trig = cand.trigger_token
    if cand.type != "recognition" or cand.frame not in lex.withdrawal_frames:
        return [cand]
    is_switch = trig.lemma_.lower() in lex.switch_verbs
    new = _switched_to(trig, ctx) if is_switch else []
    new += [e for e in _in_favour_of(trig, ctx) if e.id not in {n.id for n in new}]
    new += [e for e in _for_rival(cand, ctx, lex) if e.id not in {n.id for n in new}]
    bare = is_switch and not any(c.dep_ == "dobj" for c in trig.children) and not any(
        g.dep_ == "pobj" for c in trig.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children)
    if bare and not any(e.id in lex.switch_states for e in new):
        return []  # 'switched to Qatari gas'
    if not new:
        return [cand]
    agents = {x for a in cand.fillers.get("recognizer", []) for x in (a.id, a.affiliation) if x}
    if new[0].id in lex.switch_states and agents & lex.switch_states:
        return []  # a switch between the pair is a third state's ('its cabinet' read as Taiwan's)
    status = governed(trig)
    old = [e for e in cand.fillers.get("recognized", []) if e.id not in {n.id for n in new}]
    rival = lex.switch_states - {new[0].id}
    if not old and is_switch and len(new) == 1 and len(rival) == 1 and new[0].id in lex.switch_states:
        # 'switched diplomatic recognition to China': from Taiwan, the one rival of the pair (and the reverse)
        old = [_rival(next(iter(rival)), new[0], trig, ctx)]
    recognition = replace(cand, fillers={**cand.fillers, "recognized": new}, frame="recognize", fallback_used=False,
                          status=status)  # the state switched to is named, not guessed
    if status == "negated":
        return [recognition]  # the switch did not happen: the old recognition merely continues
    return [recognition, replace(cand, fillers={**cand.fillers, "recognized": old})] if old else [recognition]


def won_over(cand: Candidate, ctx: LinkContext, lex: TypeLexicon) -> list[Candidate]:
    """'Beijing poached Honduras from Taipei', 'China won over Panama': the state won recognises the subject, one of
    ``lex.switch_states``, and withdraws its recognition of the 'from' object or, when none is named, of the
    subject's rival."""
    if cand.type != "recognition" or cand.frame != "win_ally":
        return [cand]
    new = [e for e in cand.fillers.get("recognized", []) if e.id in lex.switch_states][:1]
    rival = lex.switch_states - {e.id for e in new}
    won = cand.fillers.get("recognizer", [])
    if not new or len(rival) != 1 or any(state_key(e) in lex.switch_states for e in won):
        return []  # (never China or Taiwan as the state won: 'to poach the countries that recognise Taiwan')
    trig = cand.trigger_token
    heads = [trig, *(c for c in trig.children if c.dep_ == "advmod" and c.lower_ == "away")]  # 'lured A away from'
    old = [e for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
           if g.dep_ == "pobj" and (e := ctx.by_token.get(g.i)) is not None and e.id in rival][:1]
    old = old or [_rival(next(iter(rival)), new[0], trig, ctx)]
    recognition = replace(cand, fillers={**cand.fillers, "recognized": new}, frame="recognize")
    return [recognition, replace(cand, fillers={**cand.fillers, "recognized": old}, frame="drop", status="negated")]


def _rival(other: str, new: Entity, trig: Token, ctx: LinkContext) -> Entity:
    """The state a switch to ``new`` leaves, ``other``, where no phrase names it: its mention nearest the trigger, or
    the article's first, else ``new`` standing for it (implicit)."""
    named = ctx.state_mention(other, trig) or next((m.entity for m in ctx.states_by_name.get(other, [])), None)
    return named or new.model_copy(update={"id": other, "canonical": None, "implicit": True})


def _switched_to(trig: Token, ctx: LinkContext) -> list[Entity]:
    """The states of a switch's 'to' phrase, on the verb or on the thing switched ('switched its allegiance from A
    to B'): the first named state of each object ('to Beijing', also when a dateline run on from a headline makes
    the name a modifier of the object)."""
    out = []
    switched = [g for d in trig.children if d.dep_ == "dobj" for g in d.children]  # 'its allegiance from A to B'
    for c in (*trig.children, *switched):
        if c.dep_ != "prep" or c.lower_ != "to":
            continue
        for obj in (g for g in c.children if g.dep_ == "pobj"):
            named = [t for t in obj.subtree if t.i in ctx.by_token and ctx.by_token[t.i].label == "GPE"
                     and ctx.by_token[t.i].id and (t.i == obj.i or t.head.i == obj.i)]
            if named:
                out.append(ctx.by_token[named[0].i])
    return out


def _in_favour_of(trig: Token, ctx: LinkContext) -> list[Entity]:
    """'in favour of Beijing', 'in a (diplomatic) switch to Beijing' on a withdrawal (the 'in' phrase on the verb or
    on the ties cut, the 'to' phrase on the switch or, as the parser also hangs it, on the verb): the state
    recognised instead."""
    out: list[Entity] = []
    heads = [trig, *(c for c in trig.children if c.dep_ == "dobj")]
    for f in (f for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
              for f in c.children if f.dep_ == "pobj"):
        lemma = f.lemma_.lower()
        if lemma in ("favour", "favor"):
            preps = [p for p in f.children if p.dep_ == "prep" and p.lower_ == "of"]
        elif lemma in ("switch", "shift"):
            preps = [p for h in (f, trig) for p in h.children if p.dep_ == "prep" and p.lower_ == "to"]
        else:
            continue
        out += [ctx.by_token[g.i] for p in preps for obj in p.children if obj.dep_ == "pobj"
                for g in (obj, *obj.conjuncts) if g.i in ctx.by_token and ctx.by_token[g.i].id]
    return out


def _for_rival(cand: Candidate, ctx: LinkContext, lex: TypeLexicon) -> list[Entity]:
    """'abandoned Taipei for Beijing', 'cut ties with Beijing for Taipei': the one of ``lex.switch_states`` a
    'for' phrase on the withdrawal names when the state dropped is the other one."""
    dropped = {e.id for e in cand.fillers.get("recognized", [])}
    if not dropped & lex.switch_states:
        return []
    trig = cand.trigger_token
    return [e for h in (trig, *(c for c in trig.children if c.dep_ == "dobj")) for c in h.children
            if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"
            and (e := ctx.by_token.get(g.i)) is not None and e.id in lex.switch_states - dropped]


LIST_MARKS = frozenset({":", "-", "–", "—"})
"""Marks after which a sentence lists the members of a counted subject ('Seven states have recognised it - A, B …')."""


def listed_recognizers(cand: Candidate, ctx: LinkContext, lex: TypeLexicon) -> list[Candidate]:
    """'Seven EU members have recognised a Palestinian state - A, B and C', 'Three countries have recognised Kosovo so
    far: A, B and C': a counted or plural subject that names no state, with a list of states after a colon or dash
    at the end of the sentence (or as the verbless sentence after it), also as the subject above an infinitive ('Five
    states have yet to recognise Kosovo: A, B …'): each listed state recognises (one event each); what they recognise
    is the filler that is not listed, else the would-be state named between the trigger and the list."""
    trig = cand.trigger_token
    if cand.type != "recognition" or cand.fillers.get("recognizer") or trig.pos_ != "VERB":
        return [cand]
    clause = trig.head if trig.dep_ == "xcomp" else trig  # 'have yet to recognise', 'are expected to recognise'
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].tag_ != "NNS" or any(
        (e := ctx.by_token.get(t.i)) is not None and e.label in STATE_LABELS and e.id for t in subjects[0].subtree
    ):
        return [cand]  # 'EU members' names no state, 'Sweden and Norway' do
    mark = next((t for t in ctx.doc[trig.i + 1 : cand.sentence.end] if t.text in LIST_MARKS), None)
    if mark is None:
        return [cand]
    listed: list[Entity] = []
    for tok in _list_after(mark, cand.sentence.end, ctx):
        e = ctx.by_token.get(tok.i)
        if e is not None and e.label in STATE_LABELS and e.id and all(e is not x for x in listed):
            listed.append(e)
        elif e is None and tok.pos_ not in ("PUNCT", "CCONJ", "DET", "PROPN"):
            return [cand]  # a clause, not a list of names
    if len(listed) < 2:
        return [cand]
    ids = {e.id for e in listed}
    recognized = [e for e in cand.fillers.get("recognized", []) if e.id not in ids] or [
        e for t in ctx.doc[trig.i + 1 : mark.i] if (e := ctx.by_token.get(t.i)) is not None
        and e.id in lex.relations_ids
    ][:1]
    if not recognized:
        return [cand]
    return [replace(cand, fillers={**cand.fillers, "recognizer": [e], "recognized": recognized}) for e in listed]


def _list_after(mark: Token, end: int, ctx: LinkContext) -> Span:
    """The tokens after a list mark to the end of its sentence, or, when the mark ends the sentence, the next
    sentence if it has no verb (the parser makes 'do not recognise Kosovo: A, B and C.' two sentences)."""
    rest = ctx.doc[mark.i + 1 : end]
    if any(not t.is_punct and not t.is_space for t in rest) or end >= len(ctx.doc):
        return rest
    following = ctx.doc[end].sent
    return following if not any(t.pos_ in ("VERB", "AUX") for t in following) else rest


def earlier_recognized(cand: Candidate, ctx: LinkContext, earlier: list[Candidate], lex: TypeLexicon) -> None:
    """'Bhutan was the first to recognise Bangladesh … USA's recognition came on April 12': a recognition noun with
    a recogniser and nothing recognised recognises the object of a verb of recognising in its sentence ('A declared
    its recognition, which lifted to 147 the count of states recognising X'), else what the latest recognition before
    it, in its paragraph or the one before, recognised (implicit), unless its sentence names another state (a
    state with an id, other than the recognisers of a recognition noun's 'by' phrase)."""
    if cand.type != "recognition" or cand.fillers.get("recognized") or cand.trigger_token.pos_ != "NOUN":
        return
    recognizer = cand.first("recognizer")
    if recognizer is None or recognizer.implicit:
        return
    told = _recognised_in_sentence(cand, ctx, lex)
    if told is not None:  # 'A and B declared their recognition, which lifted to 147 the count of states recognising X'
        cand.fillers["recognized"] = [told.model_copy(update={"implicit": True})]
        cand.fallback_used = True
        return
    last = latest_before(earlier, cand, lambda c: c.type == "recognition" and bool(c.fillers.get("recognized")),
                         ctx.document.text)
    if last is None:
        return
    own = {recognizer.id or recognizer.text}
    if any(m.entity.label in STATE_LABELS and m.entity.id and m.entity.id not in own and not _recognizer_by(m.root)
           for m in ctx.mentions.in_sentence(cand.sentence.start)):
        return
    cand.fillers["recognized"] = [e.model_copy(update={"implicit": True}) for e in last.fillers["recognized"]]
    cand.fallback_used = True


def _recognised_in_sentence(cand: Candidate, ctx: LinkContext, lex: TypeLexicon) -> Entity | None:
    """The state that a verb of recognising in the candidate's sentence (another trigger of ``lex``'s 'recognize'
    frame) takes as its object."""
    for tok in cand.sentence:
        if tok.i == cand.trigger_token.i or tok.pos_ != "VERB" or lex.verbs.get(tok.lemma_.lower()) != "recognize":
            continue
        found = next((ctx.by_token[c.i] for c in tok.children if c.dep_ == "dobj" and c.i in ctx.by_token), None)
        if found is not None and found.label in STATE_LABELS and found.id:
            return found
    return None


def _recognizer_by(tok: Token) -> bool:
    """Whether a mention is (or is listed with, or modifies) the 'by' object of a recognition noun: a recogniser
    ('followed recognition by the United States, Canada and …', 'the recognition by U.S. ally Guatemala')."""
    while tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.head.i != tok.i:
        tok = tok.head
    tok = first_conjunct(tok)
    owner = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "by" else None
    return owner is not None and (owner.lemma_.lower() == "recognition" or any(  # ('followed recognition by …')
        c.dep_ == "dobj" and c.lemma_.lower() == "recognition" for c in owner.children))
