"""Anaphora: the antecedents of pronouns, 'there', bare titles and definite descriptions (found by
:mod:`eventex.linking.referring`)."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventex.linking.context import LinkContext, Mention
from eventex.linking.paths import TreeWalk, first_conjunct
from eventex.linking.referring import Anaphor, title_in
from eventex.linking.rules import RoleRule
from eventex.linking.speakers import (
    clause_speaker,
    interview_answerer,
    possessor_subject,
    quoted_speaker,
    subject_firm,
    topic_firm,
)
from eventex.resources import vocabulary


def resolve_anaphors(
    anaphors: list[Anaphor],
    trig: Token,
    rule: RoleRule,
    ctx: LinkContext,
    taken: set[str],
    prefer: frozenset[str] = frozenset(),
    walk: TreeWalk | None = None,
    anaphor_of: dict[int, Token] | None = None,
) -> list[Mention]:
    """Antecedent mentions (as implicit fillers) of the anaphors whose path from ``trig`` matches ``rule``.

    Antecedents already ``taken`` (ids or canonical names) are skipped; with ``prefer`` (ids of would-be
    states, for 'recognized'), 'the new state' goes back to one of those. ``walk``: the trigger's, if made;
    ``anaphor_of``, if given, receives (by its entity's id) the anaphor token of each antecedent that is the
    speaker of the anaphor's clause ('the Nauruan government announced that it would …') or that a state
    pronoun goes back to ('When France announced plans to sell …, it angered …'): as near as its anaphor.
    """
    found = _resolve(anaphors, trig, rule, ctx, taken, prefer, walk)
    if anaphor_of is not None:
        anaphor_of.update((id(m.entity), tok) for tok, m in found if tok is not None)
    return [m for _, m in found]


def _resolve(
    anaphors: list[Anaphor], trig: Token, rule: RoleRule, ctx: LinkContext, taken: set[str],
    prefer: frozenset[str], walk: TreeWalk | None,
) -> list[tuple[Token | None, Mention]]:
    """(anaphor token for a speaker, else None; antecedent) pairs of :func:`resolve_anaphors`."""
    if not anaphors:
        return []
    walk = walk or TreeWalk(trig)
    out: list[tuple[Token | None, Mention]] = []
    for ana in anaphors:
        tok, kind, n = ana.token, ana.kind, ana.count
        path = walk.path(tok)
        if path is None or not rule.regex.fullmatch(path):
            continue
        if kind == "STATE" and n == 1 and prefer and _plural(tok):
            n = 2  # 'Nicaragua also recognized them', 'will recognize the republics': the would-be states named last
        if kind == "TITLE":
            titled = titled_person(ctx, ana.title, ana.marks, ana.fillers) if "PERSON" in rule.labels else None
            if titled is None and "GPE" in rule.labels:  # 'The Head of State of Turkmenistan will pay …', with no
                titled = _title_state(tok, ctx)  # such person named: the state the title names
            if titled is not None and (titled.entity.canonical or titled.entity.text) not in taken:
                out.append((None, _implicit(titled)))
            continue
        if kind == "FIRM":
            firm = subject_firm(tok, ctx) if "ORG" in rule.labels else None
            if firm is not None and (firm.entity.canonical or firm.entity.text) not in taken:
                out.append((tok, _implicit(firm)))
            continue
        if kind == "FIRST":
            answerer = interview_answerer(tok, ctx) or quoted_speaker(tok, ctx, ana.reporting)
            if answerer is not None and n > 1 and answerer.entity.label not in rule.labels:
                answerer = _speakers_state(answerer, tok, ctx)  # '"we are considering …," the minister said'
            if answerer is not None and answerer.entity.label in rule.labels and (
                answerer.entity.canonical or answerer.entity.text
            ) not in taken:
                out.append((tok, _implicit(answerer)))  # as near as the pronoun it stands for
            continue
        speaker = clause_speaker(tok, ctx) if kind in ("STATE", "SPEAKER") and n == 1 else None
        speaker = speaker or (topic_firm(tok, ctx) if kind == "STATE" else None)
        speaker = speaker or (possessor_subject(tok, ctx) if kind == "SPEAKER" else None)
        if speaker is not None:
            key = speaker.entity.id or speaker.entity.canonical
            if speaker.entity.label in rule.labels and key not in taken:
                out.append((tok, _implicit(speaker)))
            continue
        if kind == "SPEAKER":
            continue
        if ana.owns_state and "PERSON" in rule.labels:
            # 'A Pakistani official said his government had offered …': the official's state, for the person
            speaker = clause_speaker(tok.head, ctx)
            if speaker is not None and (speaker.entity.id or speaker.entity.canonical) not in taken:
                out.append((None, _implicit(speaker)))
                continue
        labels = {"PERSON"} if kind == "PERSON" else {"GPE"} & rule.labels or {"GPE"}
        if not labels & rule.labels:
            continue
        escorted = _escorted(tok, ctx) if kind == "PERSON" else None
        if escorted is not None:
            out.append((None, _implicit(escorted)))
            continue
        if kind == "PERSON" and tok.dep_ not in ("dobj", "dative"):
            # 'During his tour …, Dmitry Medvedev said': the clause's subject comes first (not for an object); the
            # subject of the verb the pronoun's phrase hangs from before the sentence's ('On the last leg of his
            # tour, Minister X will land in Y, she added': X), and the nearer of the verbs between them ('Y told
            # reporters that X wants to go later after being forced to call off her trip': X)
            verbs = _verb_chain(tok)
            guest = _hosted_guest(tok, verbs[0], ctx, ana.hosting) if tok.dep_ == "poss" else None
            if guest is not None:  # 'X welcomed President Y at the start of her visit': Y's visit
                out.append((None, _implicit(guest)))
                continue
            subj = sorted((
                m for m in ctx.mentions.in_sentence(tok.sent.start)
                if m.entity.label == "PERSON" and m.root.dep_ in ("nsubj", "nsubjpass") and m.root.head.i in verbs
                and not _spokesperson(m.root)  # '… and he looks forward to the visit, spokeswoman X said': not X
            ), key=lambda m: verbs.index(m.root.head.i))
            if subj:
                out.append((None, _implicit(subj[0])))
                continue
            official = _official_state(tok, verbs, ctx, ana.titles) if tok.dep_ == "poss" else None
            if official is not None:  # 'During his visit to Hanoi, the Japanese prime minister met …'
                if official.entity.label in rule.labels and official.entity.id not in taken:
                    out.append((None, _implicit(official)))
                continue
            # 'He raised it with his Korean counterpart, Shin, during his trip': a pronoun subject of the clause
            # comes first too (it goes back as a subject does)
            tok = next((a.token for a in anaphors if a.kind == "PERSON" and a.token.dep_ == "nsubj"
                        and a.token.head.i == tok.sent.root.i and a.token.i < tok.i), tok)
        prior = [
            m for m in ctx.mentions.before(tok.i)
            if m.span.end <= tok.i and m.entity.label in labels and (kind == "PERSON" or m.entity.id)
            and (m.entity.id or m.entity.canonical) not in taken
            and ctx.document.text[m.entity.end : tok.idx].count("\n\n") <= _paragraphs_back(kind, n, m, prefer)
        ]
        if kind != "PERSON" and n == 1:
            prior = [m for m in prior if not _is_subject_of(m.span, tok)]
        if kind == "STATE" and tok.pos_ == "PRON" and rule.labels - {"GPE", "LOC"}:  # 'Gavião Peixoto, Brazil, May
            # 20 – Embraer announces that it signed': a dateline's state is where the story is filed, not a party
            prior = [m for m in prior if id(m.entity) not in ctx.in_datelines]
        if kind == "STATE" and tok.lemma_.lower() == "capital":  # 'President X of Zimbabwe arrived in the capital':
            prior = [m for m in prior if not ctx.names_nationality(m, frozenset())]  # a nationality has no capital here
        if kind == "PERSON":  # 'President X, known as Y, …': the name, not its alias
            prior = [m for m in prior if not _alias(m, ctx, ana.aliases)]
        if ana.region is not None:
            prior = [m for m in prior if m.entity.id in ana.region]  # 'the Central American country'
        if kind == "PERSON" and tok.dep_ in ("dobj", "dative"):  # 'Margelov invited him': anyone but Margelov
            own = {m.entity.canonical or m.entity.text for m in prior if _is_subject_of(m.span, tok)}
            prior = [m for m in prior if (m.entity.canonical or m.entity.text) not in own]
            # 'A held talks with B, the first stop of a tour that will take him to C': where a thing is the
            # subject of the pronoun's verb, the sentence's subject ('inviting him to …' has the inviter's own)
            if _thing_subject(tok, ctx) and any(
                m.span.sent.start == tok.sent.start and m.root.dep_ in ("nsubj", "nsubjpass") for m in prior
            ):
                prior = [m for m in prior if m.span.sent.start != tok.sent.start
                         or m.root.dep_ in ("nsubj", "nsubjpass")]
        if kind == "PERSON" and tok.dep_ in ("nsubj", "nsubjpass"):  # 'He is due in Kyiv': the last subject
            prior = [m for m in prior if m.span.sent.start != tok.sent.start or not _in_phrase(m.span)]
            last = prior[-1].span.sent.start if prior else None
            subjects = [m for m in prior if m.root.dep_ in ("nsubj", "nsubjpass") and m.span.sent.start == last]
            if not subjects and prior and last != tok.sent.start and _in_phrase(prior[-1].span):
                # 'X will arrive in A. It is the first visit since that of Y in 1982. After A, he will leave for
                # B': a person named only in a phrase before gives way to the last one who was a subject, unless
                # that person was a subject before ('X will visit A. Y said … It is the second trip of X. He made
                # his first visit to B')
                subjects = [m for m in prior if m.root.dep_ in ("nsubj", "nsubjpass")]
                named = prior[-1].entity.canonical or prior[-1].entity.text
                subjects = [prior[-1]] if any((m.entity.canonical or m.entity.text) == named for m in subjects) else (
                    subjects)
            prior = subjects or prior
        elif kind == "STATE" and n == 1 and tok.pos_ == "PRON" and tok.dep_ in ("nsubj", "nsubjpass") and (
                tok.head.dep_ == "advcl") and any(_subject_of(m, tok.head.head) for m in prior):
            # 'Grenada established ties with Taiwan before it switched to China': the subject of the clause the
            # pronoun's adverbial clause hangs from, not the state named last
            prior = [m for m in prior if _subject_of(m, tok.head.head)]
        elif kind == "STATE" and n == 1 and tok.pos_ in ("PRON", "NOUN") and tok.dep_ in ("nsubj", "nsubjpass") and (
            prior and (prior[-1].span.sent.start != tok.sent.start or (
                tok.head.i == tok.sent.root.i and prior[-1].root.i < tok.i and _opening_clause(prior[-1].root, tok)))
        ):  # 'Egypt is the third importer after A and B. It buys from …' ('The country buys …'): the last sentence's
            # subject; 'While Indonesia was pushing to buy jets from Russia, it was also negotiating …': the subject of
            # a clause that opens the pronoun's own sentence, for a main-clause subject
            last = prior[-1].span.sent.start
            prior = [m for m in prior if m.root.dep_ in ("nsubj", "nsubjpass") and m.span.sent.start == last] or prior
        elif kind == "STATE" and n == 1 and tok.pos_ == "NOUN" and tok.dep_ not in ("nsubj", "nsubjpass") and (
                prior and prior[-1].span.sent.start == tok.sent.start):
            # 'Sierra Leone has withdrawn recognition of Kosovo, said X, who is on a visit to the country': a
            # description (not itself a subject: 'Taiwan cut ties with Kiribati after the island nation chose to …') in
            # the sentence of a state's own act goes back to the state acting, not to one acted on
            prior = [m for m in prior if m.span.sent.start == tok.sent.start
                     and m.root.dep_ in ("nsubj", "nsubjpass")] or prior
        elif kind == "PERSON" and tok.dep_ == "poss" and prior and prior[-1].span.sent.start != tok.sent.start:
            # 'The premier was met by A, B and C. During his stay, …': a possessive opening a sentence that names
            # nobody before it goes back to the last subject, not to the last name
            prior = [m for m in prior if m.root.dep_ in ("nsubj", "nsubjpass")] or prior
        if kind != "PERSON" and any(m.entity.id in prefer for m in prior):
            prior = [m for m in prior if m.entity.id in prefer]
        picked: list[Mention] = []
        seen: set[str] = set()
        for m in reversed(prior):
            key = m.entity.id or m.entity.canonical or m.entity.text
            if key in seen:
                continue
            seen.add(key)
            picked.append(m)
            if len(picked) == n:
                break
        near = tok if kind != "PERSON" and tok.pos_ == "PRON" else None  # 'it' is as near as itself, not as its
        # antecedent in the sentence (a description, 'the province', ranks as before)
        if near is not None and "ORG" in rule.labels:
            picked = [_owned_firm(m, ctx) for m in picked]
        out.extend((near, _implicit(m)) for m in reversed(picked))
    return out


MAX_PARAGRAPHS_BACK = {"PERSON": 2, "STATE": 1}
"""Paragraph breaks an anaphor of a kind looks back past for its antecedent."""
MAX_PARAGRAPHS_BACK_PREFERRED = 3
"""... and a plural one for a would-be state ('When Moscow recognised the two regions' in an interview's answer: the
regions its questions named)."""


def _paragraphs_back(kind: str, n: int, m: Mention, prefer: frozenset[str]) -> int:
    """How many paragraph breaks may lie between an anaphor and a mention it may go back to."""
    if kind == "STATE" and n > 1 and m.entity.id in prefer:
        return MAX_PARAGRAPHS_BACK_PREFERRED
    return MAX_PARAGRAPHS_BACK.get(kind, 1)


def _official_state(tok: Token, verbs: tuple[int, ...], ctx: LinkContext, titles: frozenset[str]) -> Mention | None:
    """The state on an unnamed official ('the Japanese prime minister', 'Kenya's president') who is the subject of
    the nearest verb with a subject that the possessive's phrase hangs from (None when that subject is a name or no
    title)."""
    doc = tok.doc
    for v in verbs:
        subj = next((c for c in doc[v].children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        if subj.i in ctx.by_token or title_in(subj, titles) is None:
            return None
        return next((m for m in ctx.mentions.in_sentence(tok.sent.start) if m.entity.label in ("NORP", "GPE")
                     and m.entity.id and m.root.head.i == subj.i and m.root.dep_ in ("amod", "compound", "poss")), None)
    return None


SPOKES_NOUNS = vocabulary("spokes_nouns")
"""Titles of people who speak for another, whom a pronoun in what they report does not name."""


def _spokesperson(name: Token) -> bool:
    """Whether a person's name carries a spokesperson's title ('State Department spokeswoman X')."""
    return any(c.dep_ in ("compound", "appos") and c.lemma_.lower() in SPOKES_NOUNS for c in name.children)


ESCORTING = vocabulary("escorting")
"""Verbs of going along with someone: 'A accompanied B during her visit' is B's visit."""


def _escorted(tok: Token, ctx: LinkContext) -> Mention | None:
    """The person accompanied, for a possessive on a phrase of the accompanying verb ('A accompanied B during her
    visit to C', 'on his trip')."""
    noun = tok.head
    if tok.dep_ != "poss" or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    verb = noun.head.head
    if verb.lemma_.lower() not in ESCORTING:
        return None
    return next((m for m in ctx.mentions.in_sentence(tok.sent.start) if m.entity.label == "PERSON"
                 and m.root.dep_ == "dobj" and m.root.head.i == verb.i), None)


def _opening_clause(tok: Token, pronoun: Token) -> bool:
    """Whether a token lies in an adverbial clause on the main verb that comes before ``pronoun``."""
    root = pronoun.sent.root
    return any(c.dep_ == "advcl" and c.i < pronoun.i and tok in c.subtree for c in root.children)


def _thing_subject(tok: Token, ctx: LinkContext) -> bool:
    """Whether the verb of an object pronoun has a subject that names no one ('a tour that will take him')."""
    subjects = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(c.pos_ != "PRON" or c.lower_ in ("that", "which") for c in subjects) and not any(
        c.i in ctx.by_token for c in subjects)


def _plural(tok: Token) -> bool:
    """Whether an anaphor is plural with no number ('them', 'the republics'; not 'the two regions')."""
    return tok.tag_ in ("NNS", "NNPS") or (tok.pos_ == "PRON" and tok.lower_ in ("they", "them"))


def titled_person(ctx: LinkContext, title: str, marks: frozenset[str], fillers: frozenset[str]) -> Mention | None:
    """The person the article names with ``title``: its first PERSON mention (not itself a bare title of
    ``fillers`` and marks) with one of ``marks`` just before it or in an apposition after it, in the same line;
    remembered per title."""
    if title not in ctx.titled:
        text = ctx.document.text
        bare = fillers | marks | {title}
        found = None
        for m in ctx.mentions:
            e = m.entity
            if e.label != "PERSON" or set(e.text.lower().split()) <= bare:
                continue
            lo = max(text.rfind("\n", 0, e.start) + 1, e.start - 40)
            after = text[e.end : e.end + 30].split("\n")[0].lower()
            window = text[lo : e.start].lower() + (after if after.startswith(",") else "")  # 'X, Crown Prince'
            if any(re.search(rf"\b{w}\b", window) for w in marks):
                found = m
                break
        ctx.titled[title] = found
    return ctx.titled[title]


def _hosted_guest(tok: Token, verb: int, ctx: LinkContext, hosting: frozenset[str]) -> Mention | None:
    """The person a hosting verb above a possessive pronoun has as its object ('welcomed X at the start of her
    visit'), when the pronoun is not in that object."""
    head = ctx.doc[verb]
    if head.lemma_.lower() not in hosting:
        return None
    return next((m for m in ctx.mentions.in_sentence(tok.sent.start) if m.entity.label == "PERSON"
                 and m.root.dep_ == "dobj" and m.root.head.i == verb and not m.span.start <= tok.i < m.span.end), None)


def _verb_chain(tok: Token) -> tuple[int, ...]:
    """The verbs above ``tok``, nearest first, up to the sentence's root (which is always last)."""
    out = [_governing_verb(tok)]
    while out[-1].head.i != out[-1].i:
        out.append(_governing_verb(out[-1].head))
    root = tok.sent.root.i
    return (*dict.fromkeys(t.i for t in out if t.i != root), root)


def _governing_verb(tok: Token) -> Token:
    """The first verb above ``tok`` (the sentence's root if none)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _in_phrase(span: SpacySpan) -> bool:
    """Whether a mention is the object of a preposition ('After talks with X, she flew on': a subject pronoun never
    goes back to a person named in a phrase of its own sentence)."""
    root = span.root
    while root.dep_ in ("conj", "appos", "compound") and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj"


def _alias(m: Mention, ctx: LinkContext, marks: tuple[str, ...]) -> bool:
    """Whether a person mention is another name for the one just before it ('X, known as Y': Y)."""
    before = ctx.document.text[max(0, m.entity.start - 20) : m.entity.start].rstrip().lower()
    return any(before.endswith(mark) for mark in marks)


def _owned_firm(m: Mention, ctx: LinkContext) -> Mention:
    """'Norway's Equinor is heading the other way. It signed …': a state named as the possessor of a firm stands, for
    'it', for that firm."""
    owner = ctx.by_token.get(m.root.head.i) if m.root.dep_ == "poss" else None
    span = ctx.span(owner) if owner is not None and owner.label == "ORG" else None
    return Mention(owner, span) if owner is not None and span is not None else m


def _speakers_state(speaker: Mention, near: Token, ctx: LinkContext) -> Mention | None:
    """The mention of a speaking person's state (their affiliation) nearest before ``near``, if any."""
    state = speaker.entity.affiliation if speaker.entity.label == "PERSON" else None
    named = ctx.state_mention(state, near) if state else None
    if named is None:
        return None
    return next((m for m in (*ctx.mentions.in_sentence(near.sent.start), *ctx.mentions.before(near.i))
                 if m.entity is named), None)


def _implicit(m: Mention) -> Mention:
    return Mention(m.entity.model_copy(update={"implicit": True}), m.span)


def _subject_of(m: Mention, verb: Token) -> bool:
    """Whether a mention is (a conjunct of) the subject of ``verb``."""
    root = first_conjunct(m.root)
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.i == verb.i


def _is_subject_of(span: SpacySpan, tok: Token) -> bool:
    """Whether ``span`` is (a conjunct of) the subject of the verb ``tok`` depends on, and ``tok`` is not itself
    a subject."""
    root = first_conjunct(span.root)
    verb = tok.head
    while verb.dep_ in ("advcl", "xcomp") and verb.head.i != verb.i:  # 'were among the first to recognise it'
        verb = verb.head
    return root.head.i in (tok.head.i, verb.i) and root.dep_ == "nsubj" and tok.dep_ != "nsubj"


def _title_state(title: Token, ctx: LinkContext) -> Mention | None:
    """The state a bare title names in its own phrase ('the Head of State of Turkmenistan', 'the head of the Kazakh
    state')."""
    return next((m for m in ctx.mentions.in_sentence(title.sent.start) if m.entity.id and (
                 m.entity.label == "GPE" or (m.entity.label == "NORP" and m.root.head.lemma_.lower() == "state"))
                 and title.left_edge.i <= m.span.start and m.span.end <= title.right_edge.i + 1), None)
