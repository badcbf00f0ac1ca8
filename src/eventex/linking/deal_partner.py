"""The foreign partner of a host side's deal: in 'Venezuela signed an agreement with a group of Russian companies to
develop the field', 'Pemex has agreed with Italy's Eni to extend a production-sharing contract' or 'the Ministry of
Energy of Ghana signed a deal with ACWA Power to build', the state, national company or state body that signs is the
host side and the party it signs 'with' invests (the role paths took the signer, the subject above the purpose
clause, for the investor, which leaves a domestic or hostless candidate); a firm that signs with a national company
invests in that company's state."""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventex.linking.context import Candidate, LinkContext, state_key
from eventex.linking.national_partner import called_national, state_of
from eventex.linking.rules import Words, is_state_body
from eventex.schema import Entity

_PURPOSE = frozenset({"acl", "advcl", "xcomp", "relcl"})
"""Relations of the trigger verb to the deal it is the purpose of ('an agreement … to develop')."""
_PARTY = frozenset({"ORG", "NORP", "GPE"})
_NAME_MODIFIERS = frozenset({"poss", "compound", "amod", "nmod"})
_PARTY_STEPS = frozenset({"prep", "pobj", "amod", "compound", "appos", "poss", "conj"})
"""Relations walked down from a 'with' object to the party it names ('a group of [Russian] oil companies', 'the
firm [Petronas]', '[Malaysia]'s Petronas')."""


def deal_partner(cand: Candidate, ctx: LinkContext, words: Words) -> None:
    """Make the host side of a deal the host, and the parties of other states it deals 'with' the investors: the host
    side is a state, or a company the text calls its state's own (``[national_firms]`` of ``linking.toml``), that
    invests by the role paths ('Pemex has agreed with Italy's Eni to extend a production-sharing contract', 'is
    working with Rosatom to build') or that a firm deals with ('Petronas signed a contract with Pemex to develop')."""
    investor = cand.first("investor")
    if cand.type != "energy_investment" or investor is None:
        return
    home = _host_side(investor, ctx, words)
    host = cand.first("host_country")
    if home is None:
        if host is None:
            _national_counterparty(cand, investor, ctx, words)
        return
    trig = cand.trigger_token
    deal_words = words.partner_deals | words.working_verbs
    dealt = [_with_parties(head, ctx, deal_words, home, investor.label == "GPE", trig) for head in _deal_heads(trig)]
    if host not in (None, investor) and not (investor.label == "ORG" and state_key(host) == home) and not any(
        _names_party(host, p, ctx) for parties in dealt for p in parties
    ):
        return  # a host of its own, not the state of a party it deals with ('with the UAE's Masdar to build')
    for parties in dealt:
        if any(_host_side(p, ctx, words) for p in parties if p.label == "ORG"):
            return  # 'CNPC signed a deal with Pemex': two national companies, neither hosts by that alone
        if parties:
            cand.fillers["investor"] = parties
            state = investor if investor.label == "GPE" else state_of(investor, home, ctx, trig)
            cand.fillers["host_country"] = [state]
            cand.guessed -= {"investor", "host_country"}
            return


def _names_party(host: Entity, party: Entity, ctx: LinkContext) -> bool:
    """Whether ``host`` is the possessor or modifier of a party's name ('with the United Arab Emirates' Masdar')."""
    hs, ps = ctx.span(host), ctx.span(party)
    return hs is not None and ps is not None and hs.root.dep_ in _NAME_MODIFIERS and ps.start <= hs.root.head.i < ps.end


def _national_counterparty(cand: Candidate, investor: Entity, ctx: LinkContext, words: Words) -> None:
    """A firm's deal 'with' one national company of another state: that state hosts, and the firms of other states
    named with the company invest too ('joined a production-sharing agreement with Kazakhstan's KazMunayGas and
    Eni')."""
    own = state_key(investor)
    for head in _deal_heads(cand.trigger_token):
        parties = _with_parties(head, ctx, words.partner_deals | words.working_verbs, own or "",
                                purpose=cand.trigger_token)
        nationals = {home: p for p in parties if p.label == "ORG" and (home := _host_side(p, ctx, words))}
        if len(nationals) == 1:
            (home, company), = nationals.items()
            others = [p for p in parties if p.label == "ORG" and state_key(p) not in (home, None) and p is not company]
            cand.fillers["investor"] = [investor, *others]
            cand.fillers["host_country"] = [state_of(company, home, ctx, cand.trigger_token)]
            cand.guessed -= {"investor", "host_country"}
            return
        if parties:
            return


_PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ", "PART", "DET"})
"""Parts of speech of the words a name's noun phrase may put before it ("Kenya's state oil firm")."""
PHRASE_REACH = 6
"""Most words looked at before a name for a national company's word."""
_CLIMB = frozenset({"dobj", "pobj", "prep", "pcomp", *_PURPOSE})
"""Relations climbed from a trigger to the deal or work it is the purpose or object of ('agreed with X to the
extension of a contract')."""
MAX_CLIMB = 5
"""Most steps climbed (a preposition and its object are two)."""


def _deal_heads(trig: Token) -> list[Token]:
    """The trigger and its heads, up to :data:`MAX_CLIMB` steps along :data:`_CLIMB`: the deal or work it is, or is
    the purpose or object of ('agreed with X to the extension of a contract')."""
    out = [trig]
    tok = trig
    for _ in range(MAX_CLIMB):
        if tok.dep_ not in _CLIMB or tok.head.i == tok.i:
            break
        tok = tok.head
        out.append(tok)
    return out


def _host_side(investor: Entity, ctx: LinkContext, words: Words) -> str | None:
    """The state of an investor that may be a deal's host side: a state, a state body ('the Ministry of Energy of
    Ghana'), or a company its text or ``[national_firms] companies`` calls its state's own."""
    if investor.label == "GPE":
        return investor.id
    state = state_key(investor)
    span = ctx.span(investor)
    if investor.label != "ORG" or state is None or span is None:
        return None
    listed = investor.text.lower() in words.national_companies or is_state_body(investor.text, words.state_bodies)
    called = called_national(span.root, investor, ctx, words.national_firm_words) or any(
        t.lower_ in words.national_firm_words for t in _noun_phrase_before(span))
    return state if listed or called else None


def _noun_phrase_before(span: Span) -> list[Token]:
    """The nouns, adjectives and possessives right before a name ('Kenya's state oil firm [NOCK]'), however the parser
    attached them."""
    out: list[Token] = []
    tok = span.start - 1
    while tok >= span.sent.start and span.doc[tok].pos_ in _PHRASE_POS and len(out) < PHRASE_REACH:
        out.append(span.doc[tok])
        tok -= 1
    return out[::-1]


def _with_parties(head: Token, ctx: LinkContext, deal_words: frozenset[str], home: str,
                  any_firm: bool = False, purpose: Token | None = None) -> list[Entity]:
    """The parties of other states than ``home`` in the 'with' phrase of a deal noun or working verb (``head``, or
    the object of the verb ``head``), or of the ``purpose`` verb of such a deal ('a contract to develop the field
    with a unit of CNPC'): its firms where any are named ('Malaysian firm Petronas', 'TotalEnergies, Occidental and
    Italy's Eni'), else the first state named there; with ``any_firm``, also firms of no known state (a state's deal
    'with the GMR' to build)."""
    deals = [head] if head.lemma_.lower() in deal_words else []
    deals += [c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in deal_words]
    for deal in deals:
        own = (*purpose.children,) if purpose is not None and purpose.i != deal.i else ()
        for prep in (c for c in (*deal.children, *deal.head.children, *own) if c.dep_ == "prep" and c.lower_ == "with"):
            parties = [
                e for tok in _walk(prep) if (e := ctx.by_token.get(tok.i)) is not None
                and e.label in _PARTY and ((state := state_key(e)) or (any_firm and _firm_name(e))) and state != home
            ]
            firms = list({id(e): e for e in parties if e.label == "ORG"}.values())
            if parties:
                return firms or parties[:1]
    return []


def _firm_name(e: Entity) -> bool:
    """Whether an organisation mention may name a firm (no figures: not a block's code read as a name, 'EG-31')."""
    return e.label == "ORG" and not any(c.isdigit() for c in e.text)


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
