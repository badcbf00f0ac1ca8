"""Parties and places of energy investments that news language names indirectly.

A state body regulates an investment and makes none; states coordinated as investors are never each other's host;
coordinated assets with places of their own give one investment each; a stake held or sold in a sentence that
names no place is in the asset named before it; an investment with no asset is in the one asset its sentence names
that no other event holds.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from spacy.tokens import Token

from eventex.linking.context import STATE_LABELS, Candidate, LinkContext, home_of, latest_before, state_key
from eventex.linking.energy_host import STAKE_SALE_FRAME
from eventex.linking.paths import TreeWalk
from eventex.linking.rules import Rules, is_state_body
from eventex.schema import Entity, Event


def state_body_investor(cand: Candidate, rules: Rules) -> None:
    """'The Energy Ministry in Nicosia has rejected a revised development plan': a ministry, department or other
    state body regulates an investment, it does not make one."""
    investor = cand.first("investor")
    if cand.type == "energy_investment" and investor is not None and investor.label == "ORG" and is_state_body(
        investor.text, rules.words.state_bodies
    ):
        del cand.fillers["investor"]


SHARE_WITH_FRAME = "share_with"
"""The frame of a share named with its holder ('behind Shell with 40 per cent', 'leaving Impact with 20%')."""


def share_holder(cand: Candidate, ctx: LinkContext) -> None:
    """'Shell with 40 per cent, PetroChina with 15 per cent', 'the partners are TotalEnergies (62%) and CNOOC (8%)': the
    firm named right before the 'with' or the parenthesis of a share holds it (the parser hangs that 'with' anywhere);
    a share with no firm right before them is held by no one."""
    if cand.frame != SHARE_WITH_FRAME:
        return
    start = cand.trigger_token.left_edge.i  # the share's phrase ('40 per cent'), the 'with' or '(' right before it
    opens = start >= 2 and (ctx.doc[start - 1].lower_ == "with" or ctx.doc[start - 1].text == "(")
    holder = ctx.by_token.get(start - 2) if opens else None
    if holder is not None and holder.label == "ORG":
        cand.fillers["investor"] = [holder]
    else:
        cand.fillers.pop("investor", None)


def coordinated_host(cand: Candidate, ctx: LinkContext) -> None:
    """'Uzbekistan and Kazakhstan will participate in the financing of …': a host country guessed among the states
    coordinated with the investor is a co-investor; the host is then the nearest other state of the sentence, if any."""
    if cand.type != "energy_investment" or "host_country" not in cand.guessed:
        return
    investor, host = cand.first("investor"), cand.first("host_country")
    if investor is None or host is None or investor.label not in STATE_LABELS:
        return
    span = ctx.span(investor)
    if span is None:
        return
    partners = {t.i for t in span.root.conjuncts} | {span.root.i}
    agents = {e.id for i in partners if i in ctx.by_token and (e := ctx.by_token[i]).label in STATE_LABELS} - {None}
    if host.id not in agents - {investor.id}:
        return
    walk = TreeWalk(cand.trigger_token)
    others = [
        m for m in ctx.mentions.in_sentence(cand.sentence.start)
        if m.entity.label in STATE_LABELS and m.entity.id and m.entity.id not in agents
        and not ctx.names_nationality(m, frozenset())
    ]
    if others:
        best = min(others, key=lambda m: (walk.distance(m.root), m.span.start))
        cand.fillers["host_country"] = [best.entity.model_copy(update={"implicit": True})]
    else:
        del cand.fillers["host_country"]
        cand.guessed.discard("host_country")


def coordinated_assets(cand: Candidate, ctx: LinkContext, rules: Rules) -> list[Candidate]:
    """'Rosatom is building the Akkuyu plant in Turkey and the Rooppur plant in Bangladesh': coordinated assets
    each with a place of their own (a state in their own phrase, else the fact table's) are one investment each
    (the parser may coordinate the second asset with the first one's place)."""
    asset, host = cand.first("asset"), cand.first("host_country")
    if cand.type != "energy_investment" or asset is None or asset.implicit:
        return [cand]
    roots = [sp.root for e in (asset, host) if e is not None and not e.implicit
             and (sp := ctx.span(e)) is not None]
    out = [cand]
    investor = cand.first("investor")
    home = home_of(investor)
    seen = {asset.text}
    for t in (c for r in roots for c in r.conjuncts):
        other = ctx.by_token.get(t.i)
        if other is None or other.label != "ENERGY_ASSET" or other.text in seen:
            continue
        seen.add(other.text)
        tok = ctx.span(other).root
        place = next((e for c in tok.children if c.dep_ == "prep" for g in c.children
                      if (e := ctx.by_token.get(g.i)) is not None and e.label in STATE_LABELS and e.id), None)
        known = rules.facts.find_energy_asset(other.text)
        if place is None and known is not None:
            src = ctx.state_mention(known.row.host_iso3, tok)
            place = (src or other).model_copy(update={"implicit": True, "id": known.row.host_iso3})
        if place is not None and place.id not in home:
            out.append(replace(cand, fillers={**cand.fillers, "asset": [other], "host_country": [place]},
                               guessed=cand.guessed - {"host_country"}))
    return out


def _same_asset(a: str, b: str) -> bool:
    """Whether asset ``a`` may be asset ``b``: ``a`` is a description ('the block', naming nothing), or one name ends
    with the other ('deepwater Block 31', 'Block 31')."""
    if not any(w[0].isupper() or w[0].isdigit() for w in a.split()):
        return True
    short, long = sorted((a.casefold(), b.casefold()), key=len)
    return long == short or long.endswith(f" {short}")


def carried_asset(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """'Petronas bought 30% of Block 66 off Suriname … TotalEnergies retains 40%', '… where CNOOC holds 25%', 'Eni
    is in talks to sell 10 percent to BP', 'Other partners in the project are …', 'X lent $1.6bn': a stake held or
    sold (or a partnership, or a sum lent) in a sentence that names no place is in the asset named last before it
    (in its paragraph or the one before) whose state is known: from the fact table, or a state named in its
    sentence. A stake whose asset the sentence names is carried only from that asset. An investment in 'the
    project' (:func:`_refers_back`) that has its host takes that asset when it lies in the host."""
    f = cand.fillers
    if cand.type != "energy_investment" or not f.get("investor"):
        return
    trig = cand.trigger_token
    placed = cand.first("host_country")
    refers = _refers_back(trig, rules.words.asset_references)
    if placed is not None and (f.get("asset") or not refers):
        return
    if placed is None and any(
        m.entity.label in STATE_LABELS and m.entity.id and not ctx.names_nationality(m, rules.words.firm_nouns)
        for m in ctx.mentions.in_sentence(cand.sentence.start)
    ):
        return  # the sentence names its place ('In Algeria, Sonatrach … the stake'): no host is the firm's own
    stakes = rules.words.stake_words
    sized = _sized(trig) or (trig.dep_ == "dobj" and _sized(trig.head))  # 'raised its holding to 26%'
    held = cand.frame == STAKE_SALE_FRAME or (trig.lemma_.lower() in stakes and sized) or (
        trig.lemma_.lower() in rules.words.partner_words and trig.dep_ in ("nsubj", "attr")) or (
        trig.lemma_.lower() in rules.words.holding_verbs
        and any(c.dep_ == "dobj" and c.lemma_.lower() in stakes for c in trig.children)
    ) or refers or (
        trig.lemma_.lower() in rules.words.lending_verbs and bool(f.get("value")))  # 'X lent $1.6bn'
    if not held:
        return
    investor = cand.first("investor")
    home = home_of(investor)
    own = cand.first("asset")
    text = ctx.document.text
    for m in reversed(ctx.mentions.before(trig.i)):
        if text.count("\n\n", m.entity.end, cand.trigger.start) > 1:
            return
        if m.entity.label != "ENERGY_ASSET" or (own is not None and not _same_asset(own.text, m.entity.text)):
            continue  # a stake in an asset the sentence names is in that asset, not in an earlier one
        known = rules.facts.find_energy_asset(m.entity.text)
        host = ctx.state_mention(known.row.host_iso3, trig) if known is not None else None
        if known is None:  # the state nearest the asset in the parse ('the Yamal-9 project in Russia')
            walk = TreeWalk(m.root)
            states = [x for x in ctx.mentions.in_sentence(m.span.sent.start)
                      if x.entity.label in STATE_LABELS and x.entity.id
                      and not ctx.names_nationality(x, rules.words.firm_nouns)]
            nearest = min(states, key=lambda x: (walk.distance(x.root), _gap(x.entity, m.entity)), default=None)
            host = nearest.entity if nearest is not None else None
        iso = known.row.host_iso3 if known is not None else host.id if host is not None else None
        if iso is None or iso in home:
            continue
        if placed is not None:  # 'has agreed to finance the project': the latest asset told before in the host
            if placed.id != iso:
                continue
            f["asset"] = [m.entity.model_copy(update={"implicit": True})]
            return
        f["asset"] = f.get("asset") or [m.entity.model_copy(update={"implicit": True})]
        src = host or m.entity
        f["host_country"] = [src.model_copy(update={"implicit": True, "id": iso})]
        return


REFERRING_DETERMINERS = frozenset({"the", "this"})
"""Determiners by which a generic asset noun refers back to the asset named before ('the project', 'this scheme')."""


REFERRING_PREPOSITIONS = frozenset({"in", "into", "for"})
"""Prepositions of the asset phrase of an investing word ('invest in the project', 'an investor in the plant')."""


def _refers_back(trig: Token, nouns: frozenset[str]) -> bool:
    """Whether a verb's passive subject or object, the noun its participle describes, or the object of a verb's or
    noun's asset phrase is one of ``nouns`` with 'the' or 'this' ('The project is being invested in by …', 'the
    scheme, financed by …', 'agreed to finance the project', 'is an investor in the project'): an asset told
    before."""
    things = [g for c in trig.children if c.dep_ == "prep" and c.lower_ in REFERRING_PREPOSITIONS
              for g in c.children if g.dep_ == "pobj"]
    if trig.pos_ == "VERB":
        things += [c for c in trig.children if c.dep_ in ("nsubjpass", "dobj")]
        things += [trig.head] if trig.dep_ == "acl" else []
    elif trig.pos_ != "NOUN":
        return False
    return any(
        t.lemma_.lower() in nouns and any(d.dep_ == "det" and d.lower_ in REFERRING_DETERMINERS for d in t.children)
        for t in things
    )


def _gap(a: Entity, b: Entity) -> int:
    """Characters between two mentions."""
    return max(a.start - b.end, b.start - a.end, 0)


def _sized(noun: Token) -> bool:
    """Whether a stake noun (or the verb that changes it) gives its size ('a 45% share', 'a 30 percent interest',
    'raised … to 26%'), not an intent ('interest')."""
    return any(t.like_num or t.lower_ in ("%", "percent") for c in noun.children for t in (c, *c.children))


def given_stake(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """'The ministry offered a share in three blocks to Acme': a stake given, offered or granted (the object of a
    ``stake_giving_verbs`` verb) is the recipient's, named in a 'to' phrase (on the verb, or on an object of its
    phrases) or as the indirect object, never the giver's (the verb's subject): the recipient invests, or no one
    when it is only described ('to the overseas arm of X'); the giver's state hosts where no host was found."""
    trig = cand.trigger_token
    words = rules.words
    if cand.type != "energy_investment" or trig.dep_ != "dobj" or trig.lemma_.lower() not in words.stake_words:
        return
    verb = trig.head
    if verb.lemma_.lower() not in words.stake_giving_verbs:
        return
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    investor = cand.first("investor")
    span = ctx.span(investor) if investor is not None else None
    if span is not None and "investor" not in cand.guessed and (subject is None or span.root.i != subject.i):
        return  # an investor found elsewhere than as the giver ('a stake offered by X to Y' is handled by paths)
    places = [verb, *(g for h in (verb, trig) for c in h.children if c.dep_ == "prep" for g in c.children
                      if g.dep_ == "pobj")]
    slots = [g for p in places for c in p.children if c.dep_ == "prep" and c.lower_ == "to"
             for g in c.children if g.dep_ == "pobj"]
    slots += [t for c in verb.children if c.dep_ == "dative" for t in (c, *(g for g in c.children if g.dep_ == "pobj"))]
    if not slots:
        return
    named = [e for t in slots for x in (t, *(c for c in t.children if c.dep_ in ("amod", "compound")))
             if (e := ctx.by_token.get(x.i)) is not None and e.label in ("ORG", "GPE", "NORP")]
    if not named:
        cand.fillers.pop("investor", None)
        return
    cand.fillers["investor"] = [named[0]]
    cand.guessed.discard("investor")
    giver = _giver_state(subject, ctx) if subject is not None else None
    host_found = cand.fillers.get("host_country") and "host_country" not in cand.guessed
    if giver and not host_found and giver not in home_of(named[0]):
        src = ctx.state_mention(giver, trig)
        if src is not None:
            cand.guessed.discard("host_country")
            cand.fillers["host_country"] = [src.model_copy(update={"implicit": True})]


def _giver_state(subject: Token, ctx: LinkContext) -> str | None:
    """The state a giving verb's subject names or belongs to, or the state named in its possessive or modifier
    ('Angola's oil ministry', 'the Iraqi government')."""
    e = ctx.by_token.get(subject.i)
    if e is not None and (key := state_key(e)):
        return key
    return next((x.id for c in subject.children if c.dep_ in ("poss", "amod", "compound")
                 and (x := ctx.by_token.get(c.i)) is not None and x.label in STATE_LABELS and x.id), None)


GROUP_FRAME = "group_noun"
"""The frame of a consortium or group noun (triggers.toml), whose members a later list names."""


def host_of_earlier_stake(cand: Candidate, ctx: LinkContext, earlier: list[Candidate]) -> None:
    """'Masdar is joining an offshore wind project in Britain … Statoil will also hold a 35 percent stake': an
    investment (not a group's) by a firm of a known state, with no asset and no host named, is in the project of
    the latest investment before it in its paragraph or the one before, in that one's host (when foreign to the
    firm); before the article's topic state is guessed."""
    if cand.type != "energy_investment" or cand.fillers.get("host_country") or cand.fillers.get("asset"):
        return
    if cand.frame == GROUP_FRAME:
        return  # 'The consortium includes A, B and C': the list's members (linking/groups.py)
    firm = cand.first("investor")
    if firm is None or firm.label != "ORG" or not firm.affiliation:
        return
    last = latest_before(earlier, cand, lambda c: c.type == "energy_investment" and bool(c.fillers.get(
        "host_country")), ctx.document.text)
    hosts = [h for h in (last.fillers["host_country"] if last else []) if h.id and h.id != firm.affiliation]
    if hosts:
        cand.fillers["host_country"] = [hosts[0].model_copy(update={"implicit": True})]
        cand.fallback_used = True


def sole_asset(events: list[Event], entities: list[Entity]) -> list[Event]:
    """Give each investment with no asset the one energy asset its first sentence names, when no event holds it and
    the sentence names no other ('signed a production-sharing contract for a period of 25 years for onshore
    blocks', out of the role paths' reach)."""
    used = {(a.start, a.end) for ev in events if (a := getattr(ev, "asset", None)) is not None}
    assets = sorted((e.start, e.end, e) for e in entities if e.label == "ENERGY_ASSET")
    starts = [a[0] for a in assets]
    out = []
    for ev in events:
        if ev.type == "energy_investment" and ev.asset is None:
            s = ev.evidence[0]
            inside = assets[bisect.bisect_left(starts, s.start) : bisect.bisect_left(starts, s.end)]
            if len(inside) == 1 and inside[0][:2] not in used:
                ev = ev.model_copy(update={"asset": inside[0][2]})
        out.append(ev)
    return out
