"""Who sells a weapon the text names with no seller in the deal's own clause: a state on the weapon ('Russian
helicopters'), the source a participle or a clause under the trigger names ('jets ordered from Ruritania', 'an
agreement to buy F-16s from Denmark'), a joint signer, the state that owned it, its maker (the firm or state
the weapons table names, where the text names it), else the article's main state when it exports arms."""

from __future__ import annotations

from spacy.tokens import Token

from eventex.linking.context import STATE_LABELS, Candidate, LinkContext
from eventex.linking.joint_signers import joint_partner_sells
from eventex.linking.rules import Rules, TypeLexicon, is_state_body, whole_words
from eventex.resources import Weapon
from eventex.resources.facts import is_state_word
from eventex.schema import Entity

DEAL_FRAME = "deal_noun"
"""The frame of 'contract', 'deal', 'agreement': its subject may be either party of the sale."""


def arms_seller(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """'an agreement to buy F-16s from Denmark': the source the clause under the trigger names sells the weapon;
    else, 'Russian helicopters', the state modifying the weapon; else the other state of a pair that did a
    joint act in the clause before ('A and B signed …, and A obtained credit to buy …', see
    :mod:`eventex.linking.joint_signers`); else the weapon's maker (its firm or state
    where the text names them, else the weapon mention standing for its maker state; a maker state among several
    buyers is the seller: 'the two sides discussed the purchase of …'); else the document's main state when it is
    an arms exporter (:func:`exporter_seller`, after a system carried from earlier in the paragraph)."""
    f = cand.fillers
    _deal_signer_buys(cand, ctx, rules)
    if f.get("seller") or not f.get("weapon"):
        return
    w = f["weapon"][0]
    told = _bought_from(w, cand.trigger_token, ctx)
    if told is not None:  # 'an agreement to buy American-made F-16s from Denmark': Denmark, not the maker
        f["seller"] = [told.model_copy(update={"implicit": True})]
        return
    buyers = {x for b in f.get("buyer", []) for x in (b.id, b.affiliation) if x}
    mod = [  # (not the buyer named on the trigger: 'Indian arms imports')
        m.entity for m in ctx.mentions.in_sentence(cand.sentence.start)
        if m.entity.label in STATE_LABELS and m.entity.id and 0 < w.start - m.entity.end <= 2
        and m.entity.id not in buyers
    ]
    if mod:
        f["seller"] = [mod[-1].model_copy(update={"implicit": True})]
        return
    origin = _ordered_from(w, ctx, rules.words.user_verbs) or _sold_by(w, ctx, rules)
    if origin is not None:
        f["seller"] = [origin]
        return
    if joint_partner_sells(cand, ctx):
        return
    owner = _owner_state(w, ctx)
    if owner is not None and owner.id not in buyers:  # 'a deal to buy 24 of Norway's ageing F-16s': used jets
        f["seller"] = [owner.model_copy(update={"implicit": True})]
        return
    known = next((m.row for e in f["weapon"] if (m := rules.facts.find_weapon(e.text))), None)
    if known is not None and known.maker_iso3 in buyers and len(f["buyer"]) > 1:  # 'the two sides discussed the
        f["buyer"] = [b for b in f["buyer"] if known.maker_iso3 not in (b.id, b.affiliation)]  # purchase of …'
        buyers = {x for b in f["buyer"] for x in (b.id, b.affiliation) if x}
    if known is not None and known.maker_iso3 not in buyers:
        f["seller"] = [weapon_maker(known, w, cand, ctx, rules)]
        return
    if known is None and (maker := _maker_in_name(w, rules.lexicons[cand.type])) is not None:
        f["seller"] = [maker]


def exporter_seller(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """The last guess at the seller of a named weapon: the document's main state, when it is an arms exporter and
    not a buyer."""
    f = cand.fillers
    if cand.type != "arms_sale" or f.get("seller") or not f.get("weapon") or not f.get("buyer"):
        return
    coop = rules.lexicons[cand.type].cooperation
    exporters = coop.exporters if coop is not None else ()
    buyers = {x for b in f["buyer"] for x in (b.id, b.affiliation) if x}
    if ctx.dominant in exporters and ctx.dominant not in buyers:
        src = ctx.state_mention(ctx.dominant, cand.trigger_token)
        if src is not None:
            f["seller"] = [src.model_copy(update={"implicit": True})]


def _bought_from(weapon: Entity, trig: Token, ctx: LinkContext) -> Entity | None:
    """The state or firm that the verb of a clause under the trigger buys the weapon from ('signed an agreement to
    buy 24 F-16s from Denmark')."""
    span = ctx.span(weapon)
    if span is None or span.root.dep_ != "dobj":
        return None
    verb = span.root.head
    if verb.i == trig.i or verb.dep_ not in ("acl", "xcomp", "relcl") or verb.head.i != trig.i:
        return None
    src = next((ctx.by_token[g.i] for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                for g in c.children if g.dep_ == "pobj" and g.i in ctx.by_token), None)
    return src if src is not None and src.label in (*STATE_LABELS, "ORG") else None


def _owner_state(weapon: Entity, ctx: LinkContext) -> Entity | None:
    """The state whose weapon a mention names as its possessor ('Norway's ageing F-16s')."""
    span = ctx.span(weapon)
    if span is None:
        return None
    return next((e for c in span.root.children if c.dep_ == "poss" and (e := ctx.by_token.get(c.i)) is not None
                 and e.label in STATE_LABELS and e.id), None)


def _maker_in_name(weapon: Entity, lex: TypeLexicon) -> Entity | None:
    """The arms firm whose name opens a weapon mention the facts table does not know ('Norinco AH4 howitzers'), as
    an implicit organisation mention of those words."""
    m = whole_words(lex.arms_exporters).match(weapon.text.lower()) if lex.arms_exporters else None
    if m is None or weapon.text[m.end() : m.end() + 1] != " ":
        return None
    return weapon.model_copy(update={"text": weapon.text[: m.end()], "end": weapon.start + m.end(), "label": "ORG",
                                     "id": None, "canonical": None, "implicit": True})


def _ordered_from(weapon: Entity, ctx: LinkContext, users: frozenset[str]) -> Entity | None:
    """The state or firm a participle on the weapon names as its source ('the first of 36 jets ordered from
    Ruritania', 'helicopters bought from Elbonia') or as its former user ('jets previously used by Elbonia': a
    second-hand sale), however the parse hangs the weapon on the trigger."""
    span = ctx.span(weapon)
    if span is None:
        return None
    for part in span.root.children:
        if part.dep_ != "acl" or part.tag_ not in ("VBN", "VBD"):  # a participle the tagger may read as past
            continue
        for prep in part.children:
            by = prep.dep_ in ("agent", "prep") and prep.lower_ == "by" and part.lemma_.lower() in users
            if by or (prep.dep_ == "prep" and prep.lower_ == "from"):
                src = next((ctx.by_token[g.i] for g in prep.children if g.dep_ == "pobj" and g.i in ctx.by_token), None)
                if src is not None and src.label in (*STATE_LABELS, "ORG"):
                    return src
    return None


def _sold_by(weapon: Entity, ctx: LinkContext, rules: Rules) -> Entity | None:
    """The state that the text says sells the weapon where it names it ('India will export the missile system, and
    others want to buy it'): the subject of a selling verb whose object the weapon is."""
    span = ctx.span(weapon)
    if span is None or span.root.dep_ != "dobj":
        return None
    verb = span.root.head
    if rules.lexicons["arms_sale"].verbs.get(verb.lemma_.lower()) != "transfer_out":
        return None
    subj = next((ctx.by_token[c.i] for c in verb.children if c.dep_ == "nsubj" and c.i in ctx.by_token), None)
    return subj.model_copy(update={"implicit": True}) if subj is not None and subj.label in STATE_LABELS else None


def _deal_signer_buys(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """'Algeria signed a contract for Su-30 fighters': the one party of a deal that is the object of a verb (not a
    sale verb of its own: 'sold …, in a deal'), when it is not the known weapon's maker state, is the buyer with
    the states coordinated with it ('the Netherlands and Austria are to sign their contracts'; the seller then
    comes from the weapon)."""
    f = cand.fillers
    if cand.frame != DEAL_FRAME or f.get("buyer") or not f.get("seller") or not f.get("weapon"):
        return
    trig = cand.trigger_token
    lex, verb = rules.lexicons[cand.type], trig.head.lemma_.lower()
    if trig.dep_ != "dobj" or (verb in lex.verbs and verb not in lex.yield_to_noun):
        return
    party = f["seller"][0]
    known = next((m.row for e in f["weapon"] if (m := rules.facts.find_weapon(e.text))), None)
    if known is not None and not {party.id, party.affiliation} & set(known.makers):
        span = ctx.span(party)
        joint = [ctx.by_token[t.i] for t in span.root.conjuncts if t.i in ctx.by_token] if span is not None else []
        f["buyer"], f["seller"] = [party, *(e for e in joint if e.label in STATE_LABELS and e.id)], []


def weapon_maker(weapon: Weapon, mention: Entity, cand: Candidate, ctx: LinkContext, rules: Rules) -> Entity:
    """Who sells a known weapon: its maker named before the trigger, or its state's arms exporter named before it in
    its paragraph (or any firm of the maker state in the trigger's sentence that is no state body and reports
    nothing; the last one named as the weapons table names the maker, if any: 'Embraer' rather than a division
    'Embraer Defense & Security' named after it), else a mention of the maker state (or of a partner state of a
    multinational programme), else the weapon mention itself standing for the maker state. A firm named only as
    the weapon's maker ('F-35s, manufactured by Lockheed Martin') does not sell it."""
    lex = rules.lexicons[cand.type]
    maker = weapon.maker.casefold()
    trig = cand.trigger_token
    sentence = ctx.mentions.in_sentence(cand.sentence.start)
    makers = rules.words.maker_verbs
    named = [
        m.entity for m in (*ctx.mentions.before(trig.i), *sentence)
        if m.entity.label == "ORG" and not _made_by(m.root, makers) and (
            m.entity.text.casefold() in maker or _same_firm_word(maker, m.entity.text)
            or (lex.is_arms_exporter(m.entity.text) and m.entity.affiliation == weapon.maker_iso3
                and "\n\n" not in ctx.document.text[m.entity.end : trig.idx])
            or (m in sentence and m.entity.affiliation == weapon.maker_iso3 and not m.entity.id
                and not _reports(m.root, rules.words.reporter_verbs)
                and not is_state_body(m.entity.canonical or m.entity.text, rules.words.state_bodies))
        )
    ]
    exact = [e for e in named if e.text.casefold() == maker]  # 'Embraer', not its division named last
    state = next(filter(None, (ctx.state_mention(iso, trig) for iso in weapon.makers)), None)  # ('British Typhoons')
    src = (exact or named)[-1] if named else _maker_named_later(maker, trig, ctx, makers) or state
    if src is not None:
        return src.model_copy(update={"implicit": True})
    return mention.model_copy(update={"implicit": True, "id": weapon.maker_iso3, "canonical": None})


def _reports(root: Token, verbs: frozenset[str]) -> bool:
    """Whether a name (or the name it stands in apposition to) is the subject of a verb of saying ('Yonhap
    reported', 'the Defense Acquisition Program Administration (DAPA) said')."""
    if root.dep_ == "appos":
        root = root.head
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in verbs


def _maker_named_later(maker: str, trig: Token, ctx: LinkContext, makers: frozenset[str]) -> Entity | None:
    """The weapon's maker firm where the document names it only after the trigger ('Serbia signs for 12 Rafales'
    in a headline, 'Dassault Aviation' in the body), not only as its maker."""
    return next(
        (m.entity for m in ctx.mentions if m.span.start > trig.i and m.entity.label == "ORG"
         and _same_firm_word(maker, m.entity.text) and not _made_by(m.root, makers)),
        None,
    )


def _same_firm_word(maker: str, name: str) -> bool:
    """Whether an organisation's name opens with the word that makes a maker's name ('Dassault' for 'Dassault
    Aviation'); a state's name or demonym opening both is not enough ('Pakistan Express Tribune' is no 'Pakistan
    Aeronautical Complex')."""
    first, words = maker.split()[:1], name.casefold().split()
    if not first or not words or first[0] != words[0]:
        return False
    return not is_state_word(first[0]) or maker.split()[:2] == words[:2]


def _made_by(tok: Token, verbs: frozenset[str]) -> bool:
    """Whether a word is the agent of a participle of making ('jets manufactured by Lockheed Martin')."""
    by = tok.head
    return tok.dep_ == "pobj" and by.lower_ == "by" and by.head.tag_ == "VBN" and by.head.lemma_.lower() in verbs
