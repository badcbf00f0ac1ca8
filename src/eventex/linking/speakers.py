"""Speakers and firms that pronouns and descriptions stand for: the subject of the verb that states a clause ('Embraer
announced that it …'), the firm 'the company' names, the one answering in an interview, the speaker of a quotation,
and the firm a sentence-opening 'it' continues."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Token

from eventex.linking.context import LinkContext, Mention
from eventex.resources import vocabulary
from eventex.schema import Entity

SPEAKER_CLIMB = 4
"""Most steps from a possessive 'its' up to the clause a speaker states."""
DIRECTING_VERBS = vocabulary("directing_verbs")
"""Verbs whose object, not their subject, is who the 'it' of the clause they state stands for ('warned Serbia that
it should not buy')."""
FIRM_DESCRIPTIONS = vocabulary("firm_descriptions")
"""Nouns that, after 'the', name the firm an article is about ('the company said it …')."""


PARTIES = ("ORG", "GPE", "NORP")
"""Labels of the organisations and states a speaker or subject may be."""


def _mention(named: Entity | None, tok: Token, ctx: LinkContext, labels: tuple[str, ...] = ()) -> Mention | None:
    """The usable mention of ``named`` in the sentence of ``tok`` (None for no entity, or one of no label of
    ``labels`` when given)."""
    if named is None or (labels and named.label not in labels):
        return None
    return next((m for m in ctx.mentions.in_sentence(tok.sent.start) if m.entity is named), None)


def clause_speaker(tok: Token, ctx: LinkContext) -> Mention | None:
    """'Embraer announced that it signed …', 'the company said it had delivered …', 'X said the delivery of its
    units would be delayed', 'Turkish officials said the country would …': a single state anaphor (a subject 'it',
    a possessive 'its', 'the country') in a clause that a verb's subject states is that subject (an organisation or
    state, or the state modifying a subject that names no one; 'the company' is the firm the article has named
    most often before it, the first one on a tie). A noun anaphor ('his country', not 'its') stated by a titled
    person is the state of the title ('Chilean Defence Minister X said that his country would …'). After a verb of
    warning or urging, it is the one warned (:data:`DIRECTING_VERBS`)."""
    if tok.lower_ == "it" and tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = tok.head
    for _ in range(SPEAKER_CLIMB):  # 'said the delivery of its units would be delayed': up to the stated clause
        if verb.dep_ in ("ccomp", "relcl", "advcl", "acl") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.dep_ != "ccomp":
        return None
    own = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < tok.i), None) if tok.dep_ == "poss" else None
    if own is not None and own.i not in ctx.by_token:  # 'Russia's LUKoil company': the firm named on the noun
        own = next((c for c in own.children if c.dep_ in ("compound", "appos") and c.i in ctx.by_token
                    and ctx.by_token[c.i].label == "ORG"), own)
    if own is not None and (found := _mention(ctx.by_token.get(own.i), tok, ctx, PARTIES)) is not None:
        return found  # 'X adds that Russia's LUKoil is negotiating its participation': the stated clause's subject
    warned = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i in ctx.by_token), None)
    if warned is not None and verb.head.lemma_.lower() in DIRECTING_VERBS:  # 'The US warned Serbia that it should
        return _mention(ctx.by_token[warned.i], tok, ctx, PARTIES)  # not buy …': the one warned
    subj = max((c for c in verb.head.children if c.dep_ == "nsubj" and c.i < tok.i), key=lambda c: c.i, default=None)
    if subj is None:
        return None
    if subj.i not in ctx.by_token:  # "Japan's top explorer Inpex Corp said it …": the firm apposed to the noun
        subj = next((c for c in subj.children if c.dep_ == "appos" and c.i in ctx.by_token
                     and ctx.by_token[c.i].label == "ORG"), subj)
    if subj.i not in ctx.by_token:  # 'Turkish officials told reporters that the country could …': their state
        subj = next((c for c in subj.children if c.dep_ in ("amod", "compound", "poss") and c.i in ctx.by_token
                     and ctx.by_token[c.i].label in ("GPE", "NORP") and ctx.by_token[c.i].id), subj)
    if subj.i in ctx.by_token and ctx.by_token[subj.i].label == "PERSON" and tok.pos_ == "NOUN":
        subj = next((t for t in subj.subtree if t.i < subj.i and t.i in ctx.by_token
                     and ctx.by_token[t.i].label in ("GPE", "NORP") and ctx.by_token[t.i].id), subj)
    if subj.i in ctx.by_token:
        return _mention(ctx.by_token[subj.i], tok, ctx, PARTIES)
    if subj.lower_ in FIRM_DESCRIPTIONS and any(c.lower_ == "the" for c in subj.children):
        return article_firm(subj, ctx)
    return None


def subject_firm(tok: Token, ctx: LinkContext) -> Mention | None:
    """The firm a subject 'the company' names: the last organisation of no state that was a subject before it ('Baykar
    has sold the TB2 to Poland, a member of NATO, and the company has also supplied …'), else
    :func:`article_firm`."""
    firms = [m for m in ctx.mentions.before(tok.i) if m.entity.label == "ORG" and not m.entity.id]
    subjects = [m for m in firms if m.root.dep_ in ("nsubj", "nsubjpass")]
    return subjects[-1] if subjects else article_firm(tok, ctx)


def article_firm(tok: Token, ctx: LinkContext) -> Mention | None:
    """The firm 'the company' at ``tok`` names: the organisation of no state the article has named most often before
    it, the first one named on a tie."""
    firms_before = [m for m in ctx.mentions.before(tok.i) if m.entity.label == "ORG" and not m.entity.id]
    counts = Counter(m.entity.text for m in firms_before)
    return max(firms_before, key=lambda m: counts[m.entity.text], default=None)


ANSWER_PREFIX = re.compile(r"[ \t]*:")
"""What follows the name that opens an interview answer ('Dacic: Yes, I visited …')."""


def interview_answerer(tok: Token, ctx: LinkContext) -> Mention | None:
    """'Dacic: Yes, I visited Lome': the person whose name and a colon open the paragraph of a first-person
    pronoun outside quotation marks."""
    text = ctx.document.text
    start = text.rfind("\n", 0, tok.idx) + 1
    if text.count('"', start, tok.idx) % 2 or text.count("“", start, tok.idx) > text.count("”", start, tok.idx):
        return None  # 'Dacic: … they told me "I will come"': a quoted speaker
    while start < tok.idx and text[start].isspace():
        start += 1
    return next((m for m in ctx.mentions.before(tok.i) if m.entity.start == start and m.entity.label == "PERSON"
                 and ANSWER_PREFIX.match(text, m.entity.end)), None)


QUOTE_REACH = 600
"""Most characters between a first-person pronoun and the quotation mark that opens or closes its quotation."""
ATTRIBUTION_REACH = 12
"""Most words after a closing quotation mark that may hold the verb attributing the quotation."""


def quoted_speaker(tok: Token, ctx: LinkContext, verbs: frozenset[str]) -> Mention | None:
    """'"I recognise X as president," Spain's prime minister, Pedro Sanchez, said': the person (else the state or
    organisation) named as the speaker by a reporting verb right after the pronoun's quotation."""
    text = ctx.document.text
    start = max(text.rfind("\n", 0, tok.idx) + 1, tok.idx - QUOTE_REACH)
    if not (text.count("“", start, tok.idx) > text.count("”", start, tok.idx) or text.count('"', start, tok.idx) % 2):
        return None
    end = min(len(text), tok.idx + QUOTE_REACH)
    close = min((i for i in (text.find("”", tok.idx, end), text.find('"', tok.idx, end)) if i >= 0), default=-1)
    if close < 0 or "\n" in text[tok.idx : close]:
        return None
    after = next((t for t in ctx.doc[tok.i :] if t.idx > close), None)
    if after is None:
        return None
    for t in ctx.doc[after.i : after.i + ATTRIBUTION_REACH]:
        if t.text in ("“", '"', "\n\n"):
            return None  # another quotation, or the paragraph ends
        if t.lemma_.lower() in verbs and t.pos_ in ("VERB", "AUX"):
            # the words between the quotation and the verb ('…,” Spain's prime minister, Pedro Sanchez, said'), else
            # the verb's subject after it ('…,” said Pedro Sanchez')
            subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i > t.i), None)
            words = ctx.doc[after.i : t.i] if t.i > after.i else subj.subtree if subj is not None else ()
            named = [ctx.by_token[w.i] for w in words if w.i in ctx.by_token]
            best = next((e for e in named if e.label == "PERSON"), None) or next(
                (e for e in named if e.label in ("GPE", "NORP", "ORG")), None)
            return _mention(best, t, ctx)
    return None


def possessor_subject(tok: Token, ctx: LinkContext) -> Mention | None:
    """'Russia has lobbied its allies to follow its lead in recognizing …': a possessive 'its' outside a reported
    clause is the named subject (an organisation or state before it) of the verb it hangs from or of the verbs whose
    open complement that verb is, when no named object lies on the way ('urged Moscow to end its sales': Moscow
    acts); with a person as that subject, the organisation or state a phrase of the verb names between them
    ('Netanyahu lashed out at Canberra over its plan to …')."""
    if tok.dep_ != "poss":
        return None
    verb = tok.head
    for _ in range(SPEAKER_CLIMB):
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ == "ccomp" or any(c.dep_ in ("dobj", "dative") and c.i in ctx.by_token for c in verb.children):
            return None
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if subj.i > tok.i:
                return None
            named = _mention(ctx.by_token.get(subj.i), tok, ctx, PARTIES)
            if named is None and any(  # ('the Israeli leader Eli Dror lashed out at …')
                    (e := ctx.by_token.get(t.i)) is not None and e.label == "PERSON" for t in subj.subtree):
                return next((m for c in reversed(list(verb.children)) if c.dep_ == "prep" and subj.i < c.i < tok.i
                             for g in c.children if g.dep_ == "pobj"
                             and (m := _mention(ctx.by_token.get(g.i), tok, ctx, PARTIES)) is not None), None)
            return named
        if verb.dep_ != "xcomp":
            return None
        verb = verb.head
    return None


def topic_firm(tok: Token, ctx: LinkContext, back: int = 3) -> Mention | None:
    """'XRG in June completed the purchase of … It already holds 30% of …': 'it' as the subject of a sentence
    continues the firm (an organisation that stands for no state) that was the subject of the sentence before it
    in its paragraph; 'it' as the subject of any clause, the one firm named before it in its sentence as a subject
    or possessor ("the ONGC group's third acquisition after it had paid …"); a subject 'it' in the sentence before
    is followed back, ``back`` sentences at most."""
    if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    before = [m for m in ctx.mentions.in_sentence(tok.sent.start)
              if m.span.start < tok.i and m.entity.label in ("ORG", "GPE", "NORP")]
    if len(before) == 1 and before[0].entity.label == "ORG" and not before[0].entity.id and (
        _heads(before[0].root).dep_ in ("poss", "nsubj")
    ):
        return before[0]  # the one firm before it in its sentence ('Among RIL's operations abroad, it has …')
    if before or tok.head.dep_ != "ROOT" or tok.sent.start == 0:
        return None  # an antecedent in its own sentence ('Rosatom has not given up: it has offered …')
    prev = ctx.doc[tok.sent.start - 1].sent
    if "\n\n" in ctx.doc[prev.end - 1 : tok.sent.start + 1].text or prev.text.rstrip()[-1:] not in ".!?":
        return None  # not across paragraphs, nor after a colon
    subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.i not in ctx.by_token and subj.lower_ in FIRM_DESCRIPTIONS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in subj.children
    ):
        return subject_firm(subj, ctx)  # 'The state-owned energy company joined … It signed …': the firm it names
    if subj is not None and subj.lower_ == "it":  # '… RIL's operations abroad, it has … In addition, it has …': the
        return topic_firm(subj, ctx, back - 1) if back > 1 else None  # same firm (up to ``back`` sentences back)
    firm = ctx.by_token.get(subj.i) if subj is not None else None
    if firm is None or firm.label != "ORG" or firm.id:
        return None
    return _mention(firm, prev.root, ctx)


def _heads(tok: Token) -> Token:
    """The noun a name modifies as a compound ('the ONGC group'), else the name's own token."""
    return tok.head if tok.dep_ == "compound" else tok
