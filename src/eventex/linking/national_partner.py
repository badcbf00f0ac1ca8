"""A host state's own company and its foreign partner: in 'Guyana's state oil company X and a unit of Norway's Y
signed a production-sharing contract' or 'a joint venture between Peru's state-owned A and Japan's B', the party
that the text calls its state's own company (``[national_firms] words`` of ``linking.toml`` before its name) is the
host side of the deal: its state is the host country, and the coordinated partners of other states invest (the
role paths took the first firm of the pair for the investor, or the partner's state for the host)."""

from __future__ import annotations

from spacy.tokens import Token

from eventex.linking.context import Candidate, LinkContext, state_key
from eventex.linking.rules import Rules
from eventex.schema import Entity

_CLIMB = frozenset({"appos", "compound"})
"""Relations climbed from a firm's name to the noun it names ('the state company [X]')."""
_NOUNS = frozenset({"NOUN", "PROPN"})


def national_partner(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """Make the state of the one national company among a deal's coordinated parties the host, and the parties of
    other states the investors."""
    if cand.type != "energy_investment":
        return
    for seed in (e for r in ("investor", "host_country") for e in cand.fillers.get(r, []) if e.label == "ORG"):
        span = ctx.span(seed)
        sides = _sides(span.root, ctx, rules.words.national_firm_words) if span is not None else None
        if sides is None:
            continue
        cand.fillers["investor"] = sides[1]
        cand.fillers["host_country"] = [state_of(sides[2], sides[0], ctx, cand.trigger_token)]
        cand.guessed -= {"investor", "host_country"}
        return


def state_of(company: Entity, home: str, ctx: LinkContext, near: Token) -> Entity:
    """A mention of a national company's state near ``near``, else the company standing for it ('Pemex', 'the State
    Oil Company of Azerbaijan' alone)."""
    return ctx.state_mention(home, near) or company.model_copy(update={"id": home, "canonical": None, "implicit": True})


def _sides(name: Token, ctx: LinkContext, words: frozenset[str]) -> tuple[str, list[Entity], Entity] | None:
    """The state of the one national company coordinated with a firm's name, the partners of other states, and that
    company; None unless every coordinated phrase names a firm and exactly one of them is national."""
    national: list[str] = []
    companies: list[Entity] = []
    partners: list[Entity] = []
    for member in _members(name):
        party = _party(member, ctx)
        if party is None:
            return None
        state = state_key(party)
        if state and called_national(member, party, ctx, words):
            national.append(state)
            companies.append(party)
        else:
            partners.append(party)
    if len(national) != 1 or not partners or any(state_key(p) in (None, national[0]) for p in partners):
        return None
    if any(set(p.text.lower().split()) & words for p in partners):
        return None  # 'SOCAR and Pakistan State Oil': two state companies, neither is the host by its name alone
    return national[0], partners, companies[0]


def _members(tok: Token) -> list[Token]:
    """The coordinated phrases a firm's name stands in: its own conjuncts, else those of the noun it names."""
    while not tok.conjuncts and tok.dep_ in _CLIMB and tok.head.pos_ in _NOUNS:
        tok = tok.head
    while tok.dep_ == "conj":
        tok = tok.head
    return [tok, *tok.conjuncts]


def _named(tok: Token) -> Token:
    """The noun a name stands in apposition to ('the state company [X]'), or the name itself."""
    while tok.dep_ in _CLIMB and tok.head.pos_ in _NOUNS:
        tok = tok.head
    return tok


def _party(member: Token, ctx: LinkContext) -> Entity | None:
    """The organisation a coordinated phrase names: its own name, the name apposed to it ('the state company X'),
    or the firm it is a part of ('a unit of Y', 'an affiliate of the oil group Y')."""
    for tok in (member, *(c for c in member.children if c.dep_ in _CLIMB)):
        e = ctx.by_token.get(tok.i)
        if e is not None and e.label == "ORG":
            return e
    for prep in (c for c in member.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for tok in (obj, *(c for c in obj.children if c.dep_ in _CLIMB)):
                e = ctx.by_token.get(tok.i)
                if e is not None and e.label == "ORG":
                    return e
    return None


def called_national(member: Token, party: Entity, ctx: LinkContext, words: frozenset[str]) -> bool:
    """Whether a national company's word stands in the party's phrase before its name (not inside another name:
    'China National Offshore Oil Corporation CNOOC'), or opens the name."""
    start = ctx.span(party)
    end = start.start if start is not None else member.i
    own = party.text.split(maxsplit=1)[0].lower()  # 'State Oil Company of Azerbaijan': the name says it
    return own in words or any(t.lower_ in words and t.i not in ctx.by_token
                               for t in ctx.doc[_named(member).left_edge.i : end])
