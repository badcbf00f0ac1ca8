"""The named members of a tally of recognizers: a counted or plural group of states that a recognition's clause
has as its agent names states that each recognise ('more than 140 countries, including A and B, recognise X',
'A and B are among the 147 states that recognise X', '18 states have withdrawn their recognition of X, among them
A and B', 'X is recognised by 147 of the 193 UN members, including A'), and the states of a gapped list of
recognitions, each with its own date ('Spain recognised Palestine in May, Slovenia in June')."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from eventex.linking.context import STATE_LABELS, Candidate, LinkContext
from eventex.linking.paths import apposed_list, clause_chain, examples
from eventex.linking.relations import LIST_MARKS
from eventex.resources import vocabulary
from eventex.schema import Entity

MEMBER_PREPOSITIONS = frozenset({"among", "including"})
"""Words after a comma that name members of a group ('…, among them A and B', '…, including A')."""
LIST_STOPS = frozenset({".", ";", ":", "(", "—", "–"})
"""Marks that end a list of members."""
MARK_WINDOW = 6
"""Most words after the group noun (or its relative clause's verb) a list mark may stand at."""
MAX_LIST_TOKENS = 60
"""Most words read after 'among them' or 'including' (a list of names; bounded in a sentence of any size)."""
COUNT_NOUNS = vocabulary("count_nouns")
"""Nouns that count the states of their 'of' phrase ('dozens of states', 'a handful of countries')."""
OBJECT_FRAMES = frozenset({"lose_ally", "win_ally"})
"""Recognition frames whose recognizers are the trigger's object ('lost ten allies to Beijing')."""


def tally_group(trig: Token, nouns: frozenset[str]) -> tuple[Token, Token] | None:
    """The plural noun of ``nouns`` that is the agent of the trigger's clause, with the verb it is the agent of:
    the subject, the antecedent of the relative clause the verb heads, or the 'by' object of a passive, through a
    partitive ('147 of the 193 states'), of the trigger or of a verb above it in its clause."""
    for verb in clause_chain(trig):
        agents = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        agents += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.head.dep_ == "ROOT"):
            # the antecedent, or the root noun a verb is misparsed as a participle on ('Several countries, such as
            # A and B, considered recognising X')
            agents.append(verb.head)
        for tok in agents:
            if tok.pos_ == "NUM" or tok.lemma_.lower() in COUNT_NOUNS:  # '147 of the 193 states', 'dozens of'
                tok = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                            for g in c.children if g.dep_ == "pobj"), tok)
            if tok.tag_ == "NNS" and tok.lemma_.lower() in nouns:
                return tok, verb
    return None


def member_tokens(trig: Token, nouns: frozenset[str]) -> list[Token]:
    """The tokens that name members of the trigger's tally (:func:`tally_group`)."""
    found = tally_group(trig, nouns)
    return group_members(*found, trig) if found is not None else []


def group_members(group: Token, verb: Token, trig: Token) -> list[Token]:
    """The tokens that name members of a plural noun, ``verb``'s agent or object: its examples ('states including
    A'), a list in apposition to it ('five states (A, B and C)'), the subject of 'be among' it ('A and B are among
    the states that …') or of 'be one of' it ('A is one of 12 states that …'), the words of a list after a mark on
    it ('five states: A and B', 'five states, namely A and B') and those of a list after a comma and 'among them'
    or 'including' that ``verb`` heads ('…, among them A and B'); failing all these, a list that the next sentence
    opens with ('… by 104 states. Among them are A and B.')."""
    of = group.head if group.dep_ == "pobj" and group.head.lower_ == "of" else None
    counts = [group, *([of.head] if of is not None else [])]  # 'a majority of UN members, including A'
    out = [t for g in counts for t in examples(g)]
    # 'only five countries (A, B and C) recognise X', 'five states, A, B and C, …': a list in apposition to it
    # (or named by it: 'by 104 countries, the latest being A and B')
    for c in (c for c in group.children if c.dep_ == "appos"):
        named = [a for v in c.children if v.dep_ == "acl" and v.lemma_ == "be" for a in v.children if a.dep_ == "attr"]
        out += [t for h in ([c] if c.conjuncts else named) for t in (h, *h.conjuncts)]
    among = group.head
    if group.dep_ == "pobj" and among.lower_ == "among" and among.head.lemma_ == "be":
        out += [t for s in among.head.children if s.dep_ == "nsubj" for t in (s, *s.conjuncts, *apposed_list(s))]
    one = of.head if of is not None else None
    if one is not None and one.lower_ == "one" and one.dep_ == "attr" and one.head.lemma_ in ("be", "remain"):
        out += [s for s in one.head.children if s.dep_ == "nsubj"]  # 'A is one of the 12 states that …'
    sent = trig.sent
    doc = sent.doc
    # 'by five states: A, B', 'five states, namely A and B', or after the relative clause on the group: 'the five
    # states that recognise X – A, B and C – have …'
    after = verb.i if verb.dep_ == "relcl" and verb.head.i == group.i else group.i
    mark = next((t for t in doc[after + 1 : min(after + MARK_WINDOW, sent.end)] if t.text in LIST_MARKS
                 or t.lower_ == "namely"), None)
    if mark is not None:  # ('namely: A, B and C': past a mark after 'namely')
        start = mark.i + 1 + (mark.i + 1 < sent.end and doc[mark.i + 1].text in LIST_MARKS)
        out += _list_words(doc, start, sent.end)
    for prep in sent:
        if prep.i <= group.i or prep.lower_ not in MEMBER_PREPOSITIONS or doc[prep.i - 1].text != ",":
            continue
        if verb.i != prep.i and verb not in prep.ancestors:
            continue
        if prep.head.pos_ == "NOUN" and prep.head not in counts:
            continue  # '…, recognised breakaway regions, including A': examples of another noun
        out += _list_words(doc, prep.i + 1, sent.end)
    return out or _next_sentence_list(sent)


NEXT_LIST_OPENINGS = (("among", "them"), ("among", "those"), ("among", "these"), ("they", "include"),
                      ("these", "include"), ("those", "include"), ("they", "included"), ("these", "included"))
"""The first two words of a sentence that lists the members of the tally before it ('… recognised by 104 states.
Among them are A, B and C.', 'They include A and B.')."""


def _next_sentence_list(sent: Span) -> list[Token]:
    """The words of a list that the sentence after ``sent`` opens with one of :data:`NEXT_LIST_OPENINGS` (past a
    copula or a colon after 'among them')."""
    doc = sent.doc
    if sent.end + 2 >= len(doc) or tuple(t.lower_ for t in doc[sent.end : sent.end + 2]) not in NEXT_LIST_OPENINGS:
        return []
    start = sent.end + 2
    if doc[start].lemma_ == "be" or doc[start].text in LIST_MARKS:
        start += 1
    return _list_words(doc, start, doc[sent.end].sent.end)


def _list_words(doc: Doc, start: int, end: int) -> list[Token]:
    """The words of a list of names from ``start``: up to a verb or a list stop, at most :data:`MAX_LIST_TOKENS`."""
    out = []
    for tok in doc[start : min(end, start + MAX_LIST_TOKENS)]:
        if tok.pos_ in ("VERB", "AUX") or tok.text in LIST_STOPS:
            break
        out.append(tok)
    return out


def tally_recognizers(cand: Candidate, ctx: LinkContext, nouns: frozenset[str]) -> list[Candidate]:
    """A recognition with no recognizer whose tally (or, in :data:`OBJECT_FRAMES`, plural object) names states: one
    candidate for each named state (not one the candidate recognises)."""
    if cand.type != "recognition" or cand.fillers.get("recognizer"):
        return [cand]
    trig = cand.trigger_token
    if cand.frame in OBJECT_FRAMES:  # 'has lost ten allies to Beijing, including A and B'
        tokens = [t for o in trig.children if o.dep_ == "dobj" and o.tag_ == "NNS"
                  for t in group_members(o, trig, trig)]
    else:
        tokens = member_tokens(trig, nouns)
    # a member the parser hung on the object as its conjunct is no state recognised ('recognise X – A, B – …')
    recognized = [e for e in cand.fillers.get("recognized", []) if not any(e.start <= t.idx < e.end for t in tokens)]
    ids = {e.id for e in recognized}
    named: list[Entity] = []
    for tok in tokens:
        e = ctx.by_token.get(tok.i)
        if e is not None and e.label in STATE_LABELS and e.id and e.id not in ids and all(e is not x for x in named):
            named.append(e)
    if not named or not recognized:
        return [cand]
    return [replace(cand, fillers={**cand.fillers, "recognizer": [e], "recognized": recognized}) for e in named]


def names_member(recognizer: Entity, trig: Token, nouns: frozenset[str]) -> bool:
    """Whether a recognizer is a state the trigger's tally names (see :func:`member_tokens`)."""
    return any(recognizer.start <= t.idx < recognizer.end for t in member_tokens(trig, nouns))


GAP_PREPOSITIONS = frozenset({"in", "on"})
"""Prepositions of the date that ends each item of a gapped list ('…, Slovenia in June and Armenia in July')."""


def gapped_recognitions(cand: Candidate, ctx: LinkContext, contested: frozenset[str]) -> list[Candidate]:
    """'Spain recognised Palestine in May, Slovenia in June and Armenia in July', 'Russia recognised Abkhazia in
    August and South Ossetia in September': after the trigger's own date, each state followed by a date of its own
    repeats the recognition with that date, as its recognizer when the state recognised is a contested one and
    the listed state is not, as the state recognised when both are contested (the parser hangs such lists anywhere,
    so they are read as words: a comma or 'and', a state, 'in' or 'on', a date)."""
    recognizer, recognized = cand.first("recognizer"), cand.fillers.get("recognized", [])
    trig = cand.trigger_token
    if cand.type != "recognition" or recognizer is None or len(recognized) != 1 or trig.pos_ != "VERB":
        return [cand]
    sent_end = trig.sent.end
    date = next((ctx.by_token[t.i] for t in trig.doc[trig.i + 1 : min(trig.i + MARK_WINDOW, sent_end)]
                 if t.i in ctx.by_token and ctx.by_token[t.i].label == "DATE"), None)
    if date is None:
        return [cand]
    out = [cand]
    i = ctx.span(date).end if ctx.span(date) is not None else sent_end
    while i + 3 < sent_end and len(out) <= MAX_LIST_TOKENS:
        while i < sent_end and trig.doc[i].lower_ in (",", "and"):
            i += 1
        state = ctx.by_token.get(i)
        if state is None or state.label not in STATE_LABELS or not state.id:
            break
        span = ctx.span(state)
        j = span.end if span is not None else i + 1
        when = ctx.by_token.get(j + 1) if j < sent_end and trig.doc[j].lower_ in GAP_PREPOSITIONS else None
        if when is None or when.label != "DATE":
            break
        if recognized[0].id in contested and state.id not in contested:
            out.append(replace(cand, fillers={**cand.fillers, "recognizer": [state]}, own_date=when))
        elif recognized[0].id in contested and state.id in contested:
            out.append(replace(cand, fillers={**cand.fillers, "recognized": [state]}, own_date=when))
        else:
            break
        when_span = ctx.span(when)
        i = when_span.end if when_span is not None else j + 2
    return out
