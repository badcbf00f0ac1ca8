"""Talks or a meeting at home with a foreign counterpart: 'X held talks in Paris with his Chilean counterpart, Y', 'X
spoke during talks in Paris with his Chilean counterpart', 'X met his French counterpart Y in Jakarta' (X acting for the
state of the place) state the counterpart's visit, hosted by X: the subject travels nowhere."""

from __future__ import annotations

from spacy.tokens import Token

from eventex.linking.context import Candidate, LinkContext
from eventex.linking.triggers import COUNTERPART_NOUNS
from eventex.schema import Entity

TALKS_FRAME = "talks_noun"
MEETING_FRAME = "meet_in"
"""A meeting in a place ('met Y in Khartoum'): a trip there only for a traveller whose state is known."""


def home_counterpart(cand: Candidate, ctx: LinkContext) -> None:
    """Make the foreign counterpart of talks held in the subject's own state the visitor, the subject the host."""
    place = cand.first("destination")
    if cand.type != "visit" or cand.frame not in (TALKS_FRAME, MEETING_FRAME) or place is None or place.implicit or (
        not place.id
    ):
        return
    trig = cand.trigger_token
    if cand.frame == MEETING_FRAME:
        verb = trig
    else:
        verb = trig.head.head if trig.dep_ == "pobj" else trig.head if trig.dep_ == "dobj" else None
    if verb is None:
        return
    subject = _subject_person(verb, ctx)
    if subject is None or subject.affiliation != place.id:
        return
    for noun in _counterparts(trig, verb):
        state = next((ctx.by_token.get(t.i) for t in noun.children if t.dep_ in ("amod", "compound")), None)
        if state is None or state.label not in ("NORP", "GPE") or state.id in (None, place.id):
            continue
        named = _apposed_conjunct(noun)
        name = next((ctx.by_token.get(t.i) for t in (*noun.children, *([named] if named else [])) if t.dep_ in (
            "appos", "conj")), None)
        if name is not None and name.label == "PERSON":  # the counterpart's nationality is the person's state
            visitor = name if name.affiliation else name.model_copy(update={"affiliation": state.id})
        else:
            visitor = state.model_copy(update={"implicit": True})
        cand.fillers["visitor"], cand.fillers["host"] = [visitor], [subject]
        return
    for noun in _with_objects(trig, verb):
        guest = _foreign_person(noun, ctx, place.id)
        if guest is not None:  # 'held talks in Beijing with Foreign Minister of Honduras X': X's trip
            cand.fillers["visitor"], cand.fillers["host"] = [guest], [subject]
            return


def _subject_person(verb: Token, ctx: LinkContext) -> Entity | None:
    """The person the verb's subject names: its mention, or the name its titles lead to ('State Councilor and
    Foreign Minister Qin Gang', parsed with a title word as the subject)."""
    subject = next((t for t in verb.children if t.dep_ == "nsubj"), None)
    if subject is None:
        return None
    named = {id(e): e for t in subject.subtree if (e := ctx.by_token.get(t.i)) is not None}
    head = ctx.by_token.get(subject.i)
    person = head if head is not None else (next(iter(named.values())) if len(named) == 1 else None)
    return person if person is not None and person.label == "PERSON" else None


def _foreign_person(noun: Token, ctx: LinkContext, home: str) -> Entity | None:
    """The person a 'with' object names, by name or as a title's 'of' phrase or apposition ('Foreign Minister of
    Honduras X'), when that person acts for another state than ``home``."""
    names = [noun, *(g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                     if g.dep_ == "pobj"), *(c for c in noun.children if c.dep_ == "appos")]
    for tok in names:
        person = ctx.by_token.get(tok.i)
        if person is not None and person.label == "PERSON" and person.affiliation not in (None, home):
            return person
    return None


def _apposed_conjunct(noun: Token) -> Token | None:
    """The conjunct an apposition describes: its head when that is a conjunct ('X and Y, his French counterpart'),
    else the last conjunct of its head before it (the parser may hang it on X)."""
    if noun.dep_ != "appos":
        return None
    if noun.head.dep_ == "conj":
        return noun.head
    return next((c for c in reversed(noun.head.conjuncts) if c.i < noun.i), None)


def _with_objects(trig: Token, verb: Token) -> list[Token]:
    """The objects of a 'with' phrase of the talks, of their verb or of the occasion it is at ('spoke at a press
    conference in Paris with his Chilean counterpart')."""
    occasions = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "at" for g in c.children
                 if g.dep_ == "pobj"]
    preps = [t for t in (*trig.children, *verb.children, *(t for o in occasions for t in o.children))
             if t.dep_ == "prep" and t.lower_ == "with"]
    return [n for p in preps for n in p.children if n.dep_ == "pobj"]


def _counterparts(trig: Token, verb: Token) -> list[Token]:
    """Counterpart nouns in a 'with' phrase of the talks or of their verb, the verb's object, or a conjunct of its
    subject or that conjunct's apposition ('X and his French counterpart Y signed the agreement in Delhi', 'X and Y,
    his French counterpart, signed …')."""
    objects = [t for t in verb.children if t.dep_ == "dobj"]  # 'met his French counterpart'
    subjects = [t for t in verb.children if t.dep_ == "nsubj"]
    joined = [c for t in subjects for c in t.conjuncts]
    # 'X and Y, his French counterpart,': the apposition on Y, or on X after Y (as the parser may hang it)
    joined += [a for t in (*joined, *subjects) for a in t.children if a.dep_ == "appos" and _apposed_conjunct(a)]
    return [n for n in (*_with_objects(trig, verb), *objects, *joined) if n.lemma_.lower() in COUNTERPART_NOUNS]
