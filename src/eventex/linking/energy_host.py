"""The host country of an energy investment: where its asset lies (by the facts table, a state on or near it, the
place opening its name, the firm owning it), else the state of a firm bought (or a firm's nationality where a stake is
bought in it or a venture formed with it), else the nearest state that names no firm's or news outlet's nationality."""

from __future__ import annotations

import re
from itertools import takewhile

from spacy.tokens import Token

from eventex.linking.asset_place import named_place
from eventex.linking.context import STATE_LABELS, Candidate, LinkContext, Mention, home_of, state_key
from eventex.linking.paths import TreeWalk, first_conjunct
from eventex.linking.rules import Rules
from eventex.resources import vocabulary
from eventex.schema import Entity

STAKE_SALE_FRAME = "sell_stake"
"""The frame of 'sold a stake … to X' (triggers.toml ``object_frames``)."""


def energy_host(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """The host country of an investment: where a known asset lies (a mention of that state, else the asset
    mention standing for it; this beats a fallback guess), else the state of a firm bought or bid for, of the
    firm owning the asset ('Sinopec's terminal') or of the place opening its name ('the Gwadar plant'), else the
    state nearest the asset (or, close by, the trigger) that names no firm's nationality; else, for a named asset
    in a sentence that names no state, the one state the headline names ('Libya's first licensing round …')."""
    f = cand.fillers
    _seller_home(cand, ctx, rules)
    _foreign_partner(cand)
    named = cand.first("asset")
    investor = cand.first("investor")
    home = home_of(investor)
    known = rules.facts.find_energy_asset(named.canonical or named.text) if named is not None else None
    span = ctx.span(named) if named is not None else None
    local = _state_on(span.root, ctx) if span is not None else None
    if local is not None and local.id not in home and f.get("host_country") and all(
            state_key(h) != local.id for h in f["host_country"]):
        f["host_country"] = [local]  # 'signed a loan agreement for Guinea's Souapiti project in Beijing': not where
        cand.guessed.discard("host_country")  # the deal was signed
        return
    if f.get("host_country") and "host_country" not in cand.guessed:
        return
    if known is not None and known.row.host_iso3 not in home:
        src = ctx.state_mention(known.row.host_iso3, cand.trigger_token)
        f["host_country"] = [
            (src or named).model_copy(update={"implicit": True, "id": known.row.host_iso3} if src is None
                                      else {"implicit": True})
        ]
        return
    if known is not None and investor is not None and investor.label in STATE_LABELS:
        f.pop("host_country", None)  # 'Russia and Turkey signed a deal to build Akkuyu': Turkey builds at home
        cand.at_home = True
        return
    if named is not None and named_place(named) in home:
        f.pop("host_country", None)  # 'the Fergana refinery, which is owned by Uzbekneftegaz': at the owner's home
        cand.at_home = True
        return
    guess = cand.first("host_country") if "host_country" in cand.guessed else None
    if guess is not None and (span := ctx.span(guess)) is not None and _origin(span.root):
        f.pop("host_country")  # 'will receive a loan from China to build a dam': where the money comes from
    bought = _bought_firm_state(cand.trigger_token, ctx, rules.words.firm_nouns)
    if bought is not None and bought.id not in home:  # a stake in a Ghanaian firm, a venture with Kenya's state firm
        f["host_country"] = [bought.model_copy(update={"implicit": True})]  # (beats a guess)
        return
    if f.get("host_country"):
        return
    target = cand.first("target")
    away = state_key(target) if target is not None else None
    if away and away not in home:  # 'Gazprom Neft is to buy 51 percent of NIS': the firm bought is at home
        src = ctx.state_mention(away, cand.trigger_token)
        f["host_country"] = [(src or target).model_copy(
            update={"implicit": True} if src is not None else {"implicit": True, "id": away, "canonical": None}
        )]
        return
    in_sent = ctx.mentions.in_sentence(cand.sentence.start)
    asset = next((m.span for m in in_sent if named and m.entity == named), None)
    local = _state_on(asset.root, ctx) if asset is not None else None
    if local is not None and local.id not in home:  # "Marathon's Angolan oil field": where it lies, not its owner's
        f["host_country"] = [local.model_copy(update={"implicit": True})]
        return
    owner = _owner_firm(asset.root, ctx) if asset is not None else None
    place = owner.affiliation if owner is not None else named_place(named) if named is not None else None
    if place and place not in home:  # 'a stake in Sinopec's terminal', 'to build the Gwadar power plant'
        src = ctx.state_mention(place, cand.trigger_token)
        f["host_country"] = [(src or owner or named).model_copy(
            update={"implicit": True} if src is not None else {"implicit": True, "id": place, "canonical": None}
        )]
        return
    # not a dateline's place, where the story was filed ('HONG KONG, Jan 9 (Reuters) - CNOOC is buying …'), nor a
    # firm's or a reporting outlet's nationality ('the Indian daily added')
    outsiders = rules.words.firm_nouns | rules.words.source_nouns
    states = [
        m for m in in_sent
        if m.entity.label in ("GPE", "NORP") and m.entity.id and not ctx.names_nationality(m, outsiders)
        and id(m.entity) not in ctx.in_datelines
    ]
    if asset is not None and states and _lies_at_home(asset.root, states, home):
        cand.at_home = True  # 'Russia and Iran signed a deal to build a plant in Iran's Hormozgan province': Iran
        return  # builds at home
    near = [
        m for m in states if (investor is None or m.entity.id not in (investor.id, investor.affiliation))
        and not _origin(m.root) and not _border(m.root)
    ]
    trig = cand.trigger_token
    anchor = asset.root if asset is not None else trig  # 'its purchase of a stake in Belarusian …'
    if asset is None:
        walk = TreeWalk(trig)
        near = [m for m in near if walk.distance(m.root) <= rules.words.host_distance]
    if near:
        walk = TreeWalk(anchor)
        m = min(near, key=lambda m: (walk.distance(m.root), -m.span.start))
        f["host_country"] = [m.entity.model_copy(update={"implicit": True})]
    elif named is not None and not any(m.entity.label in STATE_LABELS and m.entity.id for m in in_sent):
        head_end = ctx.document.text.find("\n")
        topics = [m.entity for m in takewhile(lambda m: m.entity.end <= head_end, ctx.mentions)
                  if m.entity.label in STATE_LABELS and m.entity.id]
        if len({e.id for e in topics}) == 1 and topics[0].id not in home:
            f["host_country"] = [topics[0].model_copy(update={"implicit": True})]


_STAKE_PREPS = frozenset({"in", "with", "of"})
"""Prepositions from a trigger to the firm a stake is bought in or a venture formed with ('a stake in …', 'a joint
venture with …', 'the purchase of a stake in …')."""


def _bought_firm_state(trig: Token, ctx: LinkContext, firm_nouns: frozenset[str], depth: int = 3) -> Entity | None:
    """The state or people modifying a firm noun that a trigger's 'in', 'with' or 'of' phrase names, directly or
    through a stake ('an 80% stake in a Ghanaian oil firm', 'a joint venture with a major Chilean energy firm'): the
    firm bought into or partnered is at home there."""
    heads = [trig, trig.head] if trig.dep_ == "dobj" else [trig]  # ('formed a venture with …' on the verb)
    for obj in (g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in _STAKE_PREPS
                for g in c.children if g.dep_ == "pobj"):
        if obj.lemma_.lower() in firm_nouns:  # its modifiers ('a major Argentine energy firm', "Kenya's state firm")
            return next((e for t in obj.doc[obj.left_edge.i : obj.i]
                         if (e := ctx.by_token.get(t.i)) is not None and e.label in STATE_LABELS and e.id), None)
        if depth > 1 and (found := _bought_firm_state(obj, ctx, firm_nouns, depth - 1)) is not None:
            return found
    return None


def _state_on(asset: Token, ctx: LinkContext) -> Entity | None:
    """A state or its people modifying or owning an asset noun ('the Angolan offshore field', 'Guinea's Souapiti
    project')."""
    return next((e for c in asset.children if c.dep_ in ("amod", "compound", "nmod", "poss")
                 and (e := ctx.by_token.get(c.i)) is not None and e.label in STATE_LABELS and e.id), None)


def _owner_firm(asset: Token, ctx: LinkContext) -> Entity | None:
    """The firm of a known state that owns an asset as its possessor ('Sinopec's Tianjin LNG terminal')."""
    owner = next((ctx.by_token.get(c.i) for c in asset.children if c.dep_ == "poss"), None)
    return owner if owner is not None and owner.label == "ORG" and not owner.id and owner.affiliation else None


def _lies_at_home(asset: Token, states: list[Mention], home: set[str]) -> bool:
    """Whether a named asset lies in the investor's own state: a state mention it is said to lie in ('a plant in
    the province of P', 'on Egypt's coast', 'Iran's plant') is the investor's (not any state near it: 'crude from
    Russia', 'a Russian loan')."""
    walk = TreeWalk(asset)
    return any(
        m.entity.id in home for m in states if _LOCATION_PATH.fullmatch(walk.path(m.root) or "")
    )


BORDER_NOUNS = vocabulary("border_nouns")
"""Nouns of a line between states: a state that names one ('a field by the Uzbek frontier', 'close to the border with
Chad') is a neighbour of the place, not where it lies."""


def _border(tok: Token) -> bool:
    """Whether a state mention modifies a border noun, or is the object of 'with' on one."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "with":
        head = head.head
    return head.lower_ in BORDER_NOUNS and tok.dep_ in ("amod", "compound", "poss", "nmod", "pobj")


def _origin(tok: Token) -> bool:
    """Whether a state mention is (or is coordinated in) the object of 'from': where something comes from ('to
    move its sales away from China and Iran', 'a stake bought from Malaysia's Petronas'), not where an asset
    lies."""
    tok = first_conjunct(tok)
    while tok.dep_ in ("poss", "amod", "compound") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "from"


_LOCATION_PATH = re.compile(
    r"(?:acl>)?(?:poss|prep:(?:in|at|on|off)>pobj(?:>prep:(?:in|at|on|off)>pobj)?(?:>(?:prep:of>pobj|poss|compound))?)"
)
"""Paths from an asset to the place it lies in ('Iran's plant', 'in the province of Hormozgan', 'on Egypt's
coast', 'located in the Thar coalfield in Pakistan's Sindh province')."""


def _foreign_partner(cand: Candidate) -> None:
    """'Sonatrach signed a memorandum with Eni on exploring blocks in Algeria': when the investor found acts for
    the host state (or no host state is known yet), a firm of another state it signs with invests instead; with
    no investor named ('the agreement with CEEC on the construction of …'), that firm invests."""
    f = cand.fillers
    investor, partner, host = cand.first("investor"), cand.first("partner"), cand.first("host_country")
    if partner is None:
        return
    if investor is None:
        f["investor"] = [partner]
        return
    home, away = state_key(investor), state_key(partner)
    if home and away and home != away and (host is None or host.id in (None, home)):
        f["investor"] = [partner]


def _seller_home(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """'ADNOC sold stakes in its LNG plant to Shell': a stake sold in the seller's own asset (a possessive pronoun
    on it), with no state named for it, is in the seller's state."""
    f = cand.fillers
    asset = cand.first("asset")
    if cand.frame != STAKE_SALE_FRAME or f.get("host_country") or asset is None:
        return
    if rules.facts.find_energy_asset(asset.text):
        return
    span = ctx.span(asset)
    if span is None or not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in span.root.children):
        return
    before = range(span.root.left_edge.i, span.root.i)
    if any(i in ctx.by_token and ctx.by_token[i].label in STATE_LABELS for i in before):
        return  # 'sold a stake in its Canadian LNG project': the asset's own state is named
    seller = next((c for c in cand.trigger_token.children if c.dep_ == "nsubj" and c.i in ctx.by_token), None)
    home = state_key(ctx.by_token[seller.i]) if seller is not None else None
    if home is None:
        return
    src = ctx.state_mention(home, cand.trigger_token)
    update = {"implicit": True} if src is not None else {"implicit": True, "id": home, "canonical": None}
    f["host_country"] = [(src or ctx.by_token[seller.i]).model_copy(update=update)]
