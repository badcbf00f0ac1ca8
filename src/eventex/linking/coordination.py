"""Coordinated participants: one event per agent that a list, a group, a 'followed by' or a 'joining' names.

'Turkey, Afghanistan and Albania recognised Kosovo' is three recognitions: the agent role of visits and
recognitions takes one filler, so :func:`split_coordinated` makes a candidate for each listed agent.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from eventex.linking.context import STATE_LABELS, Candidate, LinkContext, Mention
from eventex.linking.deal_partner import cosigners
from eventex.linking.groups import group_members
from eventex.linking.paths import apposed_list, clause_chain, has_lemma
from eventex.linking.restated import named_run
from eventex.linking.rules import Words
from eventex.linking.spouses import named_as_spouse
from eventex.resources import vocabulary
from eventex.schema import CORE_ROLES, Entity, event_roles

PLURAL_SUBJECTS = frozenset({"they", "we"})
"""Subject pronouns that may stand for a whole list of agents named before them in the sentence."""
PLURAL_OWNERS = frozenset({"their", "our"})
"""Possessives that make a plural noun subject stand for such a list ('their countries', 'our governments')."""
AGENT_LABELS = {
    "visit": {"PERSON", "ORG"}, "recognition": STATE_LABELS | {"PERSON"}, "energy_investment": {"ORG", "GPE", "NORP"},
    "arms_sale": {"ORG"},
}
"""Labels of the coordinated mentions that make one event each, per type (its agent role takes one filler)."""
GROUP_PREPOSITIONS = frozenset({"among", "including"})
"""Words that name members of a group ('75 leaders came, among them X')."""


def _nationality(e: Entity, first: Entity, ctx: LinkContext, words: Words) -> bool:
    """Whether a state listed with an organisation agent names a firm's nationality ('beat Strabag of Germany, Salini
    and Kajima', parsed with Salini a conjunct of Germany)."""
    span = ctx.span(e) if first.label == "ORG" and e.label in STATE_LABELS else None
    return span is not None and ctx.names_nationality(Mention(e, span), words.firm_nouns)


LIST_GAPS = {
    "ORG": re.compile(
        r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:of\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*)?"
        r"(?:[,;](?:\s*(?:and|as\s+well\s+as))?|and|as\s+well\s+as)\s*(?:the\s+)?(?:[A-Z][\w-]*-based\s+)?"
    ),
    "PERSON": re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:(?:[A-Z][\w.'’-]*|of|the|for)\s+)*"),
}
"""What may stand between two listed organisations (a comma, semicolon or 'and', after a parenthesis or an 'of'
phrase of the firm before, and a 'the': 'A Ltd (Malaysia); B Corp of the US and the Ghana-based C') or people (a
comma or 'and' and the next one's title: 'Kazakh President A, President of the Kyrgyz Republic B and President of
Tajikistan C')."""


def _in_parentheses(e: Entity, text: str) -> bool:
    """Whether a mention stands alone in parentheses (an acronym given after the name it abbreviates)."""
    return text[e.start - 1 : e.start] == "(" and text[e.end : e.end + 1] == ")"


def _listed_names(first: Entity, cand: Candidate, ctx: LinkContext) -> list[Token]:
    """The heads of the organisations a slash joins to ``first`` ('awarded to Exxon/Hess/CNOOC'), or of the
    organisations or people in a list of three or more with it, or one closed by 'and' (:data:`LIST_GAPS`), however
    the parser hangs them."""
    gap_rule = LIST_GAPS.get(first.label)
    text = ctx.document.text
    names = [m for m in ctx.mentions.in_sentence(cand.sentence.start) if m.entity.label == first.label
             and not _in_parentheses(m.entity, text)]  # 'the African Development Bank (AfDB), UKEF …': one name
    anchor = first.start
    if _in_parentheses(first, text):  # 'a co-financing with the African Development Bank (AfDB), UKEF and …'
        anchor = next((m.entity.start for m in reversed(names) if m.entity.end < first.start
                       and not text[m.entity.end : first.start - 1].strip()), anchor)
    at = next((k for k, m in enumerate(names) if m.entity.start == anchor), None)
    if at is None or gap_rule is None:
        return []

    def run(joined: Callable[[str], bool]) -> list[Mention]:
        left, right = at, at
        while left > 0 and joined(text[names[left - 1].entity.end : names[left].entity.start]):
            left -= 1
        while right + 1 < len(names) and joined(text[names[right].entity.end : names[right + 1].entity.start]):
            right += 1
        return names[left : right + 1]

    members = run(lambda gap: gap.strip() == "/") if first.label == "ORG" else [names[at]]
    if len(members) == 1:
        listed = run(lambda gap: gap_rule.fullmatch(gap) is not None)
        gaps = [text[a.entity.end : b.entity.start] for a, b in itertools.pairwise(listed)]
        members = listed if len(listed) > 2 or any(re.search(r"\band\b", g) for g in gaps) else members
    return [m.root for m in members if m.entity.start not in (first.start, anchor)]


def split_coordinated(cand: Candidate, ctx: LinkContext, words: Words, officials: frozenset[str]) -> list[Candidate]:
    """One candidate per coordinated agent: 'Turkey, Afghanistan and Albania recognised Kosovo' is three
    recognitions (the agent role of visits and recognitions takes one filler); so is 'Malta joined Spain in
    recognising' (two), 'A, followed by B, recognised' (two), 'A recognised X, joining B and C' or '…, a move
    already made by B and C' (three), 'a consortium of Total and Petronas won …' or 'A, in a consortium with B,
    won' (two members of a group), 'will acquire a system from MBDA and Saab' (a purchase from each firm), and 'the
    leaders of Sudan and Ethiopia will travel' (a trip of each state, for the title lemmas of ``officials``)."""
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
    apposed = apposed_list(span.root) if first.label in {*STATE_LABELS, "PERSON", "ORG"} else []
    listed = (*ctx.name_conjuncts(span.root), *apposed, *_listed_names(first, cand, ctx))
    group = group_members(span.root, cand.trigger_token, ctx, words)
    signed = cosigners(span.root, cand, ctx, words.partner_deals, words.signing_verbs, words.partnering_verbs)
    trig = cand.trigger_token
    joined = _joined(trig) if cand.type == "recognition" else []
    for tok in (*listed, *_joiners(span.root, trig), *_followers(span.root, trig, ctx), *joined, *group, *signed):
        e = ctx.by_token.get(tok.i) or _named_in_description(tok, ctx, words.state_description_nouns)
        listed_state = e is not None and tok in listed and e.label == first.label and (
            (e.label == "NORP" and span.root.dep_ == "amod")  # 'the British and Canadian prime ministers visited'
            or (e.label in STATE_LABELS and cand.type == "arms_sale" and span.root.dep_ == "pobj"
                and span.root.head.lower_ == "from")  # 'will receive tanks from Germany, Poland and Norway'
            or (e.label in STATE_LABELS and cand.type == "visit" and span.root.dep_ == "pobj"
                and span.root.head.lower_ == "of"  # 'the Presidents of Djibouti, Kenya and Uganda will also attend'
                and has_lemma(span.root.head.head, officials))
        )
        if e is None or (e.label not in labels and not listed_state) or (e.id or e.text) in seen or (
            cand.type == "visit" and named_as_spouse(tok, e, words.spouse_words)
        ) or _nationality(e, first, ctx, words):
            continue
        seen.add(e.id or e.text)
        fillers = {**cand.fillers, agent_role: [e]}
        if any(h.text == e.text for h in fillers.get("host", [])):  # 'a meeting between A and B': B's host is A
            fillers["host"] = [first]
        out.append(replace(cand, fillers=fillers))
    return out


def _named_in_description(tok: Token, ctx: LinkContext, nouns: frozenset[str]) -> Entity | None:
    """The state a list member names by a description ('Venezuela, Nicaragua and the tiny Pacific State of Nauru'):
    the state mention in the 'of' phrase of a description noun."""
    if tok.lemma_.lower() not in nouns:
        return None
    return next((e for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj" and (e := ctx.by_token.get(g.i)) is not None and e.label == "GPE" and e.id), None)


def _plural_antecedents(cand: Candidate, first: Entity, ctx: LinkContext, labels: set[str]) -> list[Candidate]:
    """'A, B and C have announced they will recognise …', '… announcing that we recognise …', 'A and B have indicated
    they are not keen to recognise …', '… declared that their countries would recognise …': a plural pronoun subject
    (or a plural noun that one owns) of the trigger's clause that stands for the first of a list in its sentence
    stands for the whole list (one candidate for each other member, implicit as the first)."""
    trig = cand.trigger_token
    verb = trig if trig.pos_ in ("VERB", "AUX") else trig.head
    verbs = dict.fromkeys((*clause_chain(verb), verb.head))  # 'they are not keen to recognise': up to the subject
    subjects = [c for v in verbs for c in v.children if c.dep_ == "nsubj" and c.i != first.start]
    if not any(c.lower_ in PLURAL_SUBJECTS or (c.tag_ == "NNS" and any(
            p.dep_ == "poss" and p.lower_ in PLURAL_OWNERS for p in c.children)) for c in subjects[:1]):
        return []
    span = ctx.span(first)
    if span is None or span.sent.start != cand.sentence.start:
        return []
    out: list[Candidate] = []
    seen = {first.id or first.text} | {e.id or e.text for e in cand.fillers.get(CORE_ROLES[cand.type][1], [])}
    for tok in ctx.name_conjuncts(span.root):
        e = ctx.by_token.get(tok.i)
        if e is None or e.label not in labels or (e.id or e.text) in seen:
            continue
        seen.add(e.id or e.text)
        agent = e.model_copy(update={"implicit": True})
        out.append(replace(cand, fillers={**cand.fillers, CORE_ROLES[cand.type][0]: [agent]}))
    return out


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


def _followers(agent: Token, trig: Token, ctx: LinkContext) -> list[Token]:
    """'Barbados, followed by Jamaica and Trinidad, announced their recognition', 'Guyana led them by recognising it,
    followed by Suriname and Belize', 'the first country to recognise it on 6 December, followed by Nepal' (on the
    country or the date): those the agent, or the clause it acts in, is followed by act too."""
    follows = [t for t in trig.sent if t.dep_ in ("acl", "advcl") and t.lemma_.lower() == "follow"]
    if not follows:
        return []
    clause = [trig, *list(trig.ancestors)[:2]]
    near = {agent.i, *(v.i for v in clause)}
    # on the agent or a verb or noun of the clause, or hung on a date inside the trigger's phrase
    return [t for c in follows
            if c.head.i in near or (c.head.i != trig.i and trig.left_edge.i <= c.i <= trig.right_edge.i)
            for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
            for t in named_run(p, ctx)]


DOING = vocabulary("doing")
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


JOINING = frozenset({"join", "follow"})
"""Verbs whose subjects and objects both do what their 'in' complement says ('A followed B in recognising X')."""


def _joiners(agent: Token, trig: Token) -> list[Token]:
    """'Malta joined Spain and Ireland in recognising Palestine', 'Gazprom would join Total in developing the
    blocks', 'Russia was followed by A and B in recognising X': when the trigger is the 'in' complement of a verb
    of :data:`JOINING`, its subjects and its objects (or 'by' objects) all act (the one of them that is the agent
    names the others)."""
    verb = agent.head
    if agent.dep_ not in ("dobj", "nsubj", "nsubjpass") or verb.lemma_.lower() not in JOINING or not (
        trig.dep_ == "pcomp" and trig.head.head.i == verb.i and trig.head.lower_ == "in"
    ):
        return []
    if agent.dep_ == "nsubjpass":
        others = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    else:
        others = [c for c in verb.children if c.dep_ == ("nsubj" if agent.dep_ == "dobj" else "dobj")]
    return [t for c in others for t in (c, *c.conjuncts)]
