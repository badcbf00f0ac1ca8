"""The foreign partner of a host state's deal: in 'Venezuela signed an agreement with a group of Russian companies to
develop the field' or 'Mozambique signed a contract with Malaysia's Petronas to explore the block', the state that
signs is the host and the party it signs 'with' invests (the role paths took the signing state, the subject above
the purpose clause, for the investor, which leaves a domestic or hostless candidate)."""

from __future__ import annotations

from spacy.tokens import Token

from eventex.linking.context import Candidate, LinkContext, state_key
from eventex.schema import Entity

_PURPOSE = frozenset({"acl", "advcl", "xcomp", "relcl"})
"""Relations of the trigger verb to the deal it is the purpose of ('an agreement … to develop')."""
_PARTY = frozenset({"ORG", "NORP", "GPE"})
_PARTY_STEPS = frozenset({"prep", "pobj", "amod", "compound", "appos", "poss"})
"""Relations walked down from a 'with' object to the party it names ('a group of [Russian] oil companies', 'the
firm [Petronas]', '[Malaysia]'s Petronas')."""


def deal_partner(cand: Candidate, ctx: LinkContext, deal_words: frozenset[str],
                 working_verbs: frozenset[str] = frozenset()) -> None:
    """Make a state investor whose trigger is the purpose of its own deal 'with' a party of another state, or of its
    work with one ('is working with Rosatom to build', 'is cooperating with X on building'), the host, and that
    party the investor."""
    investor = cand.first("investor")
    if cand.type != "energy_investment" or investor is None or investor.label != "GPE" or not investor.id:
        return
    trig = cand.trigger_token
    if cand.fillers.get("host_country", [None])[0] not in (None, investor):
        return
    if trig.dep_ == "pcomp" and trig.head.dep_ == "prep" and trig.head.head.lemma_.lower() in working_verbs:
        head = trig.head.head  # 'cooperating with X on building'
    elif trig.dep_ in _PURPOSE:
        head = trig.head
    else:
        return
    party = _with_party(head, ctx, deal_words | working_verbs, investor.id)
    if party is not None:
        cand.fillers["investor"] = [party]
        cand.fillers["host_country"] = [investor]
        cand.guessed -= {"investor", "host_country"}


def _with_party(head: Token, ctx: LinkContext, deal_words: frozenset[str], home: str) -> Entity | None:
    """The party of another state than ``home`` in the 'with' phrase of a deal noun (``head`` or the object of the
    verb ``head``): its firm where one is named ('Malaysian firm Petronas'), else the first state named there."""
    deals = [head] if head.lemma_.lower() in deal_words else []
    deals += [c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in deal_words]
    for deal in deals:
        for prep in (c for c in (*deal.children, *deal.head.children) if c.dep_ == "prep" and c.lower_ == "with"):
            parties = [
                e for tok in _walk(prep) if (e := ctx.by_token.get(tok.i)) is not None
                and e.label in _PARTY and (state := state_key(e)) and state != home
            ]
            if parties:
                return next((e for e in parties if e.label == "ORG"), parties[0])
    return None


def _walk(prep: Token) -> list[Token]:
    """The tokens below a preposition along :data:`_PARTY_STEPS`, in text order."""
    out, todo = [], [c for c in prep.children if c.dep_ == "pobj"]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo += [c for c in tok.children if c.dep_ in _PARTY_STEPS]
    return sorted(out, key=lambda t: t.i)


def cosigners(
    agent: Token, cand: Candidate, ctx: LinkContext, words: frozenset[str], verbs: frozenset[str],
    partnering: frozenset[str] = frozenset(),
) -> list[Token]:
    """'Korea's Daeyang inked a joint study pact with BP to survey a basin off Senegal': the firms a
    firm investor signs a deal 'with' (in a signing verb's object or on the verb), for the purpose that holds the
    trigger, invest too, when they belong to a known state other than the host's; so do the firms it teams up or
    partners 'with' in (or to) what the trigger states ('Acme partnered with Zeta in building a dam in Laos')."""
    verb = agent.head
    host = cand.first("host_country")
    lemma = verb.lemma_.lower()
    if cand.type != "energy_investment" or agent.dep_ != "nsubj" or lemma not in verbs | partnering or host is None:
        return []
    deals = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in words]
    purposes = [c for d in (verb, *deals) for c in d.children if c.dep_ in _PURPOSE]
    if lemma in partnering:  # 'teamed up with Zeta in building …': the 'in' phrase's clause too
        purposes += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                     for g in c.children if g.dep_ == "pcomp"]
    trig = cand.trigger_token
    if not (deals or lemma in partnering) or not any(p.left_edge.i <= trig.i <= p.right_edge.i for p in purposes):
        return []
    out = []
    for prep in (c for d in (verb, *deals) for c in d.children if c.dep_ == "prep" and c.lower_ == "with"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for tok in (obj, *obj.conjuncts):
                e = ctx.by_token.get(tok.i)
                if e is not None and e.label == "ORG" and (state := state_key(e)) and state != state_key(host):
                    out.append(tok)
    return out
