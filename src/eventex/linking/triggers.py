"""Trigger finding: the words and phrases of ``triggers.toml`` in a parsed text, each with its frame."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from eventex.linking.rules import Rules, TypeLexicon
from eventex.resources import read_toml, vocabulary

PHRASE_STRENGTH = 0.85
"""Strength of a multi-word trigger phrase ("state visit", "arms sales")."""
DEFAULT_STRENGTH = 0.5
"""Strength of a trigger word with no entry in its type's ``strength`` table."""
AIDED_SUFFIX = "_aided"
"""Suffix of the frame of a verb built with another's aid (``aid_nouns``; roles.toml)."""
PHASES = "phases"
"""The roles.toml lemma set of verbs of a stage of an act ('finish building'): the verb that governs one governs the
act."""
AID_PREPOSITIONS = frozenset({"under", "with"})
"""Prepositions of an aid phrase: 'under the supervision of', 'with the help of'."""
RELATIVE_OBJECTS = frozenset({"that", "which"})
"""Relative pronouns that stand for their antecedent as a verb's object."""
RELATIVE_PLACES = {
    word: "@" + path.split(">")[0].removeprefix("prep:")
    for word, path in read_toml("linking.toml")["anaphora"]["relative_adverbs"].items()
}
"""Relative adverbs that stand for their antecedent as a verb's place phrase ('New York, where he travelled'), as
``verb_objects`` entries: linking.toml's relative_adverbs ('where' → 'prep:in>pobj' → '@in')."""

COUNTERPART_NOUNS = vocabulary("counterpart_nouns")
"""Nouns naming the foreign side of a meeting by its nationality ('his Venezuelan counterpart'; a 'with' object that
may carry the place)."""


@dataclass(frozen=True)
class Trigger:
    """A trigger match: its event type and frame, prior strength, tokens [start, end) and head token."""

    type: str
    frame: str
    strength: float
    start: int
    end: int
    head: Token


IDIOM = "!"
"""Marks an idiom among the phrase matcher's keys (triggers.toml ``idioms``: phrases whose words trigger nothing)."""


class TriggerFinder:
    """Finds the triggers of every event type (the phrase matcher is built once per vocabulary)."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self._matchers: dict[int, tuple[PhraseMatcher, PhraseMatcher, dict[int, int]]] = {}

    def _phrase_matchers(self, doc: Doc) -> tuple[PhraseMatcher, PhraseMatcher, dict[int, int]]:
        """Phrase matchers by lower-case form and by lemma, and each phrase key's rank (built once per vocabulary:
        hash lookups, a hundredth of the cost of the same patterns in a token Matcher)."""
        key = id(doc.vocab)
        if key not in self._matchers:
            lower, lemma = PhraseMatcher(doc.vocab, attr="LOWER"), PhraseMatcher(doc.vocab, attr="LEMMA")
            rank: dict[int, int] = {}
            for etype, lex in self.rules.lexicons.items():
                for phrase in (*lex.phrases, *(IDIOM + i for i in lex.idioms)):
                    name = f"{etype}|{phrase}"
                    for form in _spellings(phrase.removeprefix(IDIOM).lower()):
                        words = re.findall(r"\w+|[^\w\s]", form)
                        lower.add(name, [Doc(doc.vocab, words=words)])
                        lemma.add(name, [Doc(doc.vocab, words=words, lemmas=words)])
                    rank[doc.vocab.strings[name]] = len(rank)
            self._matchers[key] = (lower, lemma, rank)
        return self._matchers[key]

    def _phrases(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(phrase key, start, end) of every phrase found by its words or their lemmas, in text order."""
        lower, lemma, rank = self._phrase_matchers(doc)
        return sorted(set(lower(doc)) | set(lemma(doc)), key=lambda m: (m[1], m[2], rank[m[0]]))

    def find(self, doc: Doc) -> list[Trigger]:
        """Every phrase match, then every trigger word (verbs and nouns) not inside a phrase or idiom of its type."""
        found: list[Trigger] = []
        phrase_tokens: set[int] = set()
        phrase_roots: set[tuple[str, int]] = set()
        idiom_tokens: set[tuple[str, int]] = set()
        for match_id, start, end in self._phrases(doc):
            etype, phrase = doc.vocab.strings[match_id].split("|", 1)
            if phrase.startswith(IDIOM):  # 'in recognition of her work': no word of it is a trigger of the type
                idiom_tokens.update((etype, i) for i in range(start, end))
                continue
            lex = self.rules.lexicons[etype]
            if _timed(doc[start:end], lex.time_objects):
                continue  # 'with elections due in April'
            root = doc[start:end].root
            found.append(Trigger(etype, lex.phrases[phrase], PHRASE_STRENGTH, start, end, root))
            phrase_tokens.update(range(start, end))
            phrase_roots.add((etype, root.i))
        for tok in doc:
            lemma = tok.lemma_.lower()
            for etype, lex in self.rules.lexicons.items():
                if (etype, tok.i) in idiom_tokens:
                    continue
                if lemma in lex.hyphen_agents and _hyphen_agent(tok):
                    frame = lex.hyphen_agents[lemma]  # 'the Chevron-led Wheatstone project'
                elif tok.pos_ in ("VERB", "AUX") and lemma in lex.verbs:
                    if lemma in lex.verb_objects and not has_object(tok, lex.verb_objects[lemma]):
                        continue
                    if lemma in lex.verb_non_objects and (
                        has_object(tok, lex.verb_non_objects[lemma]) or _measured(tok, lex.verb_non_objects[lemma])
                    ) and not _named_object(tok):
                        continue  # 'received a letter': a thing received is no guest
                    if lemma in lex.yield_to_noun and has_object(tok, list(lex.nouns)):
                        continue  # 'signed a contract … for': the noun's frame states the event
                    frame = object_frame(tok, lex, lex.verbs[lemma])
                    if lemma in lex.attributive and _before_title(tok, self.rules.words.person_nouns):
                        frame = lex.attributive[lemma]  # 'visiting French President X': the guest, not the place
                elif tok.pos_ in ("NOUN", "PROPN") and (lemma in lex.nouns or tok.lower_ in lex.nouns):
                    if tok.dep_ == "dobj" and object_frame(tok.head, lex, "") and tok.head.lemma_.lower() in lex.verbs:
                        continue  # 'sold a stake': the verb's frame states the event
                    if tok.dep_ == "dobj" and (etype, tok.head.i) in phrase_roots:
                        continue  # 'farmed out its stake': so does the phrase's
                    if tok.dep_ == "dobj" and lemma in lex.verb_objects.get(tok.head.lemma_.lower(), ()):
                        continue  # 'is switching its recognition from A to B': the object the verb needs is no event
                    if _verb_complement(tok, lex):
                        continue  # 'the interest of Moroccan firms in investing': the verb states the event
                    frame = lex.nouns.get(lemma) or lex.nouns[tok.lower_]
                else:
                    continue
                if tok.i in phrase_tokens and any(f.type == etype and f.start <= tok.i < f.end for f in found):
                    continue
                strength = lex.strength.get(lemma, DEFAULT_STRENGTH)
                found.append(Trigger(etype, frame, strength, tok.i, tok.i + 1, tok))
        return found

    def frame_of(self, trigger: Trigger) -> str:
        """The trigger's frame, or its ``_passive`` variant for a verb in the passive when there is one, or the
        variant its governing verb names (``governor_frames``: 'help Pakistan build' → ``build_helped``; a noun
        trigger's too: 'gained recognition' → ``recognition_noun_received``), or the variant of the noun it is the
        'of' object of (``of_governor_frames``: 'the sale of a stake' → ``invest_noun_sold``), or the
        ``_aided`` variant of a verb built with another's aid ('Egypt will build the plant with the help of Rosatom',
        'under the supervision of X', 'with Chinese assistance': the aid noun's owner invests, the builder hosts)."""
        passive = f"{trigger.frame}_passive"
        if is_passive(trigger.head) and passive in self.rules.frames:
            return passive
        verb = trigger.head
        lex = self.rules.lexicons[trigger.type]
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.rules.lemma_sets[PHASES]:
            verb = verb.head  # 'helped Iran finish building the reactor': the verb the phase verb complements
        in_phrase = verb.dep_ == "pcomp" and verb.head.lower_ == "in"  # 'assist Pakistan in building two reactors'
        suffix = lex.governor_frames.get((verb.head.head if in_phrase else verb.head).lemma_.lower())
        governed = in_phrase or verb.dep_ in ("xcomp", "ccomp") or (verb.dep_ == "dobj" and verb.pos_ == "NOUN")
        if suffix and governed and f"{trigger.frame}{suffix}" in self.rules.frames:
            return f"{trigger.frame}{suffix}"
        owner = verb.head.head if verb.dep_ == "pobj" and verb.head.lower_ == "of" else None
        suffix = lex.of_governor_frames.get(owner.lemma_.lower()) if owner is not None else None
        if suffix and f"{trigger.frame}{suffix}" in self.rules.frames:
            return f"{trigger.frame}{suffix}"  # 'the sale of a stake in X to Y': the buyer invests
        aided = f"{trigger.frame}{AIDED_SUFFIX}"
        if aided in self.rules.frames and _aided(verb, lex.aid_nouns):
            return aided
        return trigger.frame


def _spellings(phrase: str) -> set[str]:
    """A two-word phrase spelt open and hyphenated ('joint venture', 'joint-venture'); longer phrases as written;
    each also with its last word in the plural ('production-sharing contracts', whose 'sharing' the lemma
    matcher reads as the verb 'share')."""
    words = phrase.replace("-", " ").split()
    forms = {phrase, " ".join(words), "-".join(words)} if len(words) == 2 else {phrase}
    return forms | {f"{f}s" for f in forms if f[-1].isalpha() and not f.endswith("s")}


def _hyphen_agent(tok: Token) -> bool:
    """Whether a participle modifies a noun with a name joined to it by a hyphen before it ('Shell-operated')."""
    return tok.dep_ == "amod" and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and any(
        c.dep_ in ("npadvmod", "compound", "nmod", "nsubj") and c.i == tok.i - 2 for c in tok.children)


def _aided(verb: Token, nouns: frozenset[str]) -> bool:
    """Whether a verb, or its object, has an 'under'/'with' phrase whose noun is one of the aid ``nouns``."""
    owners = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(
        p.dep_ == "prep" and p.lower_ in AID_PREPOSITIONS and g.dep_ == "pobj" and g.lemma_.lower() in nouns
        for o in owners for p in o.children for g in p.children
    )


def is_passive(verb: Token) -> bool:
    """A verb in the passive: 'was received by', 'helicopters ordered by Peru', 'X declared independence, recognized
    by A and B'."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and any(c.dep_ == "agent" for c in verb.children)


def _met_name(tok: Token) -> Token | None:
    """What a verb's child stands for as its object: the child itself ('met Xie Feng', 'signed the agreement') or
    the name (or counterpart noun) in a 'with' child ('met with Xie Feng'); None if it is neither."""
    if tok.dep_ == "prep" and tok.lower_ == "with":  # (or a counterpart: 'signed it with his Kenyan counterpart')
        return next((g for g in tok.children if g.dep_ == "pobj" and (
            g.pos_ == "PROPN" or g.lemma_.lower() in COUNTERPART_NOUNS)), None)
    return tok if tok.dep_ == "dobj" else None


def object_frame(verb: Token, lex: TypeLexicon, frame: str) -> str:
    """The frame a verb takes with one of its ``object_frames`` objects ('sold a stake'), else ``frame``."""
    spec = lex.object_frames.get(verb.lemma_.lower())
    return spec["frame"] if spec and has_object(verb, spec["objects"]) else frame


TITLE_WINDOW = 3
"""Most adjectives and names a gerund may stand before a title word and still modify the titled person."""


def _before_title(gerund: Token, titles: frozenset[str]) -> bool:
    """Whether a gerund stands right before a person's title, past at most :data:`TITLE_WINDOW` adjectives or names
    ('visiting French President …', 'the visiting Indian prime minister')."""
    if gerund.tag_ != "VBG":
        return False
    for tok in gerund.doc[gerund.i + 1: gerund.i + 2 + TITLE_WINDOW]:
        if tok.lower_ in titles:
            return True
        if tok.pos_ not in ("ADJ", "PROPN"):
            return False
    return False


def _verb_complement(noun: Token, lex: TypeLexicon) -> bool:
    """Whether a noun takes a gerund of its type's trigger verbs as its 'in' complement ('interest in investing')."""
    return any(
        g.dep_ == "pcomp" and g.lemma_.lower() in lex.verbs
        for c in noun.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
    )


def _phrase_of(prep: Token, lemmas: list[str]) -> bool:
    """Whether a preposition and its noun are one of ``lemmas`` ("@to>arsenal")."""
    return any(f"@{prep.lower_}>{g.lemma_.lower()}" in lemmas for g in prep.children if g.dep_ == "pobj")


def _named_object(verb: Token) -> bool:
    """Whether a verb's object is a name of several words ('to buy India's Essar Oil'), whose last word is no
    common noun ('oil')."""
    return any(c.dep_ == "dobj" and c.pos_ == "PROPN" and any(g.dep_ == "compound" and g.pos_ == "PROPN"
                                                               for g in c.children) for c in verb.children)


def _timed(phrase: Span, times: frozenset[str]) -> bool:
    """Whether a phrase closing with a preposition is followed by a time ('due in April', 'in the coming weeks'):
    its object, or the first word after it that is no determiner, adjective or number, however the parser hung
    it."""
    last, doc = phrase[-1], phrase.doc
    if not times or last.pos_ != "ADP":
        return False
    after = next((t for t in doc[phrase.end : phrase.end + 3] if t.pos_ not in ("DET", "ADJ", "NUM")), None)
    objects = [c for c in last.children if c.dep_ == "pobj"] + ([after] if after is not None else [])
    return any(t.lemma_.lower() in times for t in objects)


def _measured(verb: Token, lemmas: list[str]) -> bool:
    """Whether a verb's object measures one of ``lemmas`` ('buy 4 million tonnes of LNG', 'a total of 3.5 million
    tonnes of gas')."""
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    for _ in range(3):
        nouns = [g for n in nouns for p in n.children if p.dep_ == "prep" and p.lower_ == "of"
                 for g in p.children if g.dep_ == "pobj"]
        if any(n.lemma_.lower() in lemmas for n in nouns):
            return True
    return False


def has_object(verb: Token, lemmas: list[str]) -> bool:
    """Whether a verb has an object among ``lemmas`` ("*": any object; "@in": an 'in' phrase; "@to>rescue": a 'to'
    phrase whose noun is 'rescue'; "@there": a clause 'that there is …'; also one the parser hung on the object: 'met
    Xie Feng in Brasilia', 'added the drones to its arsenal'), or a relative pronoun object whose antecedent is one
    ('the stake that Repsol had agreed to sell'), or is a past participle on one ('a ceremony attended by X')."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.lemma_.lower() in lemmas:
        return True  # a participle on its object ('a ceremony attended by X')
    for c in verb.children:
        if c.dep_ == "dobj" and c.lower_ in RELATIVE_OBJECTS:
            clause = verb
            while clause.dep_ == "xcomp" and clause.head.i != clause.i:
                clause = clause.head
            noun = clause.head  # the antecedent, or the noun it is the object of ('the stake in the field that')
            nouns = [noun, noun.head.head] if noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN" else [noun]
            if clause.dep_ == "relcl" and ("*" in lemmas or any(n.lemma_.lower() in lemmas for n in nouns)):
                return True
        if c.dep_ in ("dobj", "nsubjpass") and ("*" in lemmas or c.lemma_.lower() in lemmas or any(
            g.dep_ == "conj" and g.lemma_.lower() in lemmas for g in c.children
        )):  # also a coordinated object ('ten single-seat and two twin-seat jets')
            return True
        if c.dep_ == "appos" and "*" in lemmas:
            return True  # a headline's object parsed as an apposition of the verb ('Damascus recognises Abkhazia')
        if c.dep_ in ("prep", "agent") and f"@{c.lower_}" in lemmas:
            return True
        if c.dep_ == "advmod" and verb.dep_ == "relcl" and RELATIVE_PLACES.get(c.lower_) in lemmas:
            return True
        if c.dep_ == "ccomp" and "@there" in lemmas and any(g.dep_ == "expl" for g in c.children):
            return True  # 'recognizes that there is but one China': what an existential clause says there is
        if (name := _met_name(c)) is not None and any(  # 'met (with) Xie Feng in Brasilia': the place on the name
            g.dep_ == "prep" and f"@{g.lower_}" in lemmas  # (or on its apposition: 'met his counterpart X in Y')
            for n in (name, *(a for a in name.children if a.dep_ == "appos")) for g in n.children
        ):
            return True
        if c.dep_ == "prep" and _phrase_of(c, lemmas):
            return True
        if c.dep_ == "dobj" and any(g.dep_ == "prep" and _phrase_of(g, lemmas) for g in c.children):
            return True  # 'added the drones to its arsenal': the phrase hung on the object
        if c.dep_ == "prt" and any(g.dep_ == "dobj" and g.lemma_.lower() in lemmas for g in verb.children):
            return True
    return False
