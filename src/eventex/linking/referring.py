"""Referring words of a sentence: pronouns, 'there', bare titles ('the President') and definite descriptions ('the
country', 'both sides'), each an :class:`Anaphor` that :mod:`eventex.linking.anaphora` resolves."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventex.linking.rules import Words, region_key
from eventex.linking.speakers import FIRM_DESCRIPTIONS
from eventex.schema import Entity


@dataclass(frozen=True)
class Anaphor:
    """A word that refers back: to a PERSON, a STATE or a FIRM ('the company'), and to how many of them."""

    token: Token
    kind: str
    count: int = 1
    marks: frozenset[str] = frozenset()
    """For a bare title: the words that mark a named person with that title ..."""
    fillers: frozenset[str] = frozenset()
    """... and the words that may stand beside it."""
    title: str = ""
    """For a bare title: its key in the titles table ('president', 'prime minister')."""
    region: frozenset[str] | None = None
    """For a description that names a region ('the Central American country'): the states it may stand for."""
    aliases: tuple[str, ...] = ()
    """For a person pronoun: the words that introduce another name of a person ('known as'), whose name it skips."""
    owns_state: bool = False
    """For a person pronoun: whether it owns a state noun ('his government'), which a speaker's state fills first."""
    reporting: frozenset[str] = frozenset()
    """For a first-person pronoun: the verbs that attribute a quotation to its speaker ('said', 'told')."""
    titles: frozenset[str] = frozenset()
    """For a person pronoun: the titles ('president', 'prime minister') by which an unnamed official is the
    subject it may go forward to (:func:`_official_state`)."""
    hosting: frozenset[str] = frozenset()
    """For a person pronoun: the verbs whose person object owns a possessive pronoun on their phrase ('welcomed X at
    the start of her visit')."""


def how_many(noun: Token, words: Words) -> int:
    """How many referents a definite description names ('the two sides': 2; 'the country': 1)."""
    return max([words.number_words.get(c.lower_, 1) for c in noun.children] + [1])


def title_key(t: Token, words: Words) -> str | None:
    """The key in the titles table of the title that ``t`` ends: its modifier and itself ('the prime minister') when
    the table has the pair, else the word itself; None when ``t`` ends no title."""
    return title_in(t, words.titles.keys())


def title_in(t: Token, titles: Collection[str]) -> str | None:
    """The one of ``titles`` that ``t`` ends (with the modifier before it, else alone), if any."""
    low = t.lower_
    pairs = (f"{c.lower_} {low}" for c in t.children if c.dep_ in ("amod", "compound") and c.i == t.i - 1)
    return next((p for p in pairs if p in titles), low if low in titles else None)


def bare_title(t: Token, by_token: dict[int, Entity], words: Words) -> bool:
    """Whether ``t`` is the title word of a title that names nobody ('the Crown Prince', 'the head of State', 'our
    President' in an interview, 'the prime minister'), not of a named person ('President Putin', 'the Chinese
    President', 'the president of Kenya')."""
    low = t.lower_
    if title_key(t, words) is None or t.pos_ not in ("NOUN", "PROPN"):
        return False
    comp = words.title_complements.get(low)
    if comp and not any(g.lower_ == comp for c in t.children if c.lower_ == "of" for g in c.children):
        return False
    if t.i in by_token:
        e = by_token[t.i]
        allowed = words.title_fillers | words.titles.keys()
        return e.label == "PERSON" and all(w in allowed for w in e.text.lower().split())
    named = any(
        g.i in by_token and (by_token[g.i].label in ("PERSON", "NORP") or by_token[g.i].id)
        for c in t.children for g in (c, *c.children) if c.dep_ in ("compound", "amod", "appos", "prep", "flat")
    )
    before_name = t.dep_ == "compound" or (t.i + 1 < len(t.doc) and t.i + 1 in by_token)
    determined = any(c.lower_ in ("the", "his", "her", "our") for c in t.children if c.dep_ in ("det", "poss"))
    return determined and not named and not before_name


def find_anaphors(sent: SpacySpan, by_token: dict[int, Entity], words: Words) -> list[Anaphor]:
    """The anaphors of a sentence, on tokens that are not part of a mention (bare titles may be)."""
    out = []
    for t in sent:
        if bare_title(t, by_token, words):
            key = title_key(t, words) or t.lower_
            out.append(Anaphor(t, "TITLE", marks=words.titles[key], fillers=words.title_fillers, title=key))
            continue
        if t.i in by_token:
            continue
        low = t.lower_
        if t.pos_ == "PRON" and low in words.person_pronouns:
            owns = t.dep_ == "poss" and t.head.pos_ == "NOUN" and t.head.lower_ in words.anaphor_nouns
            out.append(Anaphor(t, "PERSON", aliases=words.alias_marks, owns_state=owns, titles=frozenset(words.titles),
                               hosting=words.hosting_verbs))
        elif t.pos_ == "PRON" and low in words.first_person | words.first_person_plural:
            out.append(Anaphor(t, "FIRST", reporting=words.reporter_verbs, count=2 if low in words.first_person_plural
                               else 1))
        elif t.pos_ == "PRON" and low in words.speaker_pronouns:
            out.append(Anaphor(t, "SPEAKER"))
        elif (t.pos_ == "PRON" and low in words.state_pronouns and not _extraposed(t, words.extraposing)) or (
            low in words.place_adverbs and t.dep_ == "advmod"
        ):
            out.append(Anaphor(t, "STATE"))
        elif t.pos_ == "NOUN" and low in FIRM_DESCRIPTIONS and t.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in t.children
        ) and not any(x.i in by_token for x in (*t.subtree, *t.doc[t.i + 1 : t.i + 2])):
            out.append(Anaphor(t, "FIRM"))  # 'the company plans to build …' (not 'the Russian company Rosatom')
        elif t.pos_ == "NOUN" and low in words.anaphor_nouns:
            dets = [c for c in t.children if c.lower_ in words.anaphor_determiners]
            named = any(c.dep_ in ("compound", "amod") and _names_state(by_token.get(c.i), words.regions)
                        for c in t.children) or any(
                g.i in by_token for c in t.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
            )  # 'the state of Palestine' names its referent; 'the South Asian nation' does not
            owned = low in words.anaphor_parts and all(c.lower_ in words.possessive_determiners for c in dets)
            apposed = t.dep_ == "appos" and t.head.i in by_token  # 'Kosovo, the 19th country to do so' says
            # something of a mention, refers to no other; 'its breakaway regions' are not the state 'its' stands for
            if dets and not named and not owned and not apposed:
                out.append(Anaphor(t, "STATE", how_many(t, words), region=_region(t, by_token, words)))
    return out


def _region(noun: Token, by_token: dict[int, Entity], words: Words) -> frozenset[str] | None:
    """The member states of the region a definite description names by a modifier ('the Central American country',
    'the Gulf state'), else of the kind of state its noun names ('the sultanate', 'the kingdom'), if any."""
    for c in noun.children:
        e = by_token.get(c.i) if c.dep_ in ("amod", "compound") else None
        if e is not None and (members := words.regions.get(region_key(e.text))) is not None:
            return members
    return words.regions.get(region_key(noun.lower_))


def _names_state(e: Entity | None, regions: dict[str, frozenset[str]]) -> bool:
    """Whether a modifier mention names a state ('the Kenyan government'), unlike a region's or a faith's demonym
    or a region, whatever its label ('the South Asian nation', 'the Catholic-majority country', 'the Gulf state',
    'the Balkan republic')."""
    return e is not None and (bool(e.id) or (e.label not in ("NORP", "LOC") and region_key(e.text) not in regions))


def _extraposed(it: Token, predicates: frozenset[str]) -> bool:
    """An 'it' that stands for a clause after it ('it is possible to withdraw …', 'it is time to visit …', 'it is
    still unclear which country …'): the subject of a verb with one of ``predicates`` as its complement and a clause
    as another (or as the complement's own)."""
    verb = it.head
    complements = [c for c in verb.children if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in predicates]
    deps = {c.dep_ for t in (verb, *complements) for c in t.children if c.i > it.i}
    return it.lower_ == "it" and it.dep_ == "nsubj" and bool(complements) and bool(deps & {"xcomp", "ccomp"})
