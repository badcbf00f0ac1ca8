"""Parties of arms sales and energy investments that news language names indirectly.

Buyers named as state bodies ('the Department of National Defense signed …' in a MANILA item) stand for their
state; the coordinated signers of a deal are its two sides; a transfer verb with an object of its own transfers
no weapon guessed elsewhere; in a list of a system's customers a class word ('30 additional aircraft') is that
system, and so is a lot ('follow-on batches'); weapons arriving go to the dateline's or headline's state; a
pronoun builder is its clause's subject; 'the Corporation' is the firm named before; firms 'along with' an
investor give one investment each. The energy-only rules are in :mod:`eventex.linking.investments`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import takewhile

from spacy.tokens import Token

from eventex.linking.arms_seller import DEAL_FRAME, weapon_maker
from eventex.linking.context import STATE_LABELS, Candidate, LinkContext, Mention, home_of, state_key
from eventex.linking.discourse import dateline_state
from eventex.linking.rules import Rules, is_state_body
from eventex.schema import Entity

BUILD_FOR_FRAME = "build_for"
"""The frame of building weapons for a buyer ('the corvettes it is building for the Pakistan Navy')."""
BUILDER_ROLES = {BUILD_FOR_FRAME: "seller", "build": "investor"}
"""Frames of building, with the role of the builder."""
BUILDER_CLIMB = frozenset({"pobj", "prep", "dobj", "conj", "appos", "npadvmod", "nsubj", "ccomp"})
"""Relations climbed from a relative clause's antecedent to the clause whose subject builds."""
BUY_FRAMES = frozenset({"transfer_in", "acquire_noun"})
"""Frames of buying, whose seller is a 'from' phrase."""
SALE_FRAMES = frozenset({"transfer_out", "transfer_noun"})
"""Frames of selling, whose buyer is a 'to' phrase."""
BUY_LIST_MARKS = frozenset({";"})
"""What parts a list of lots bought, each from its seller ('submarines from France; 28 F-16s from the US')."""
SALE_LIST_MARKS = frozenset({";", ","})
"""... and a list of lots sold, each to its buyer ('warships to Israel, ammunition to Qatar')."""
ARRIVAL_FRAME = "arrive_weapon"
"""The frame of weapons arriving ('the systems arrived from Russia')."""
PASSIVE_FRAME = "transfer_out_passive"
"""The frame of a sale told in the passive ('was exported to …')."""
LOT_FRAMES = ("transfer_in", "transfer_out")
"""The frames of a sale made ('ordered follow-on batches'), not sought ('is now seeking more')."""
CUSTOMER_FRAME = "customer_noun"
"""The frame of a customer noun ('other customers have included …')."""
STATE_AFTER = re.compile(r"[ \t]*(?:\([A-Z]{2,6}\)[ \t]*)?(?:of[ \t]+)?(?:the[ \t]+)?")
"""What may stand between a state body and the state named after it ('Ministry of Defense [of the] Kyrgyz …',
'Department of Defence [(DND) of] Chile')."""


def state_body_buyer(cand: Candidate, ctx: LinkContext, lines: list[tuple[int, Entity]], rules: Rules) -> None:
    """An arms buyer that is an organisation with no state id stands for a state: its affiliation, else (a state
    body: 'Department of National Defense', 'Air Force') the state named right after it, else the nearest state
    before it in its item (its paragraph or headline) that is not the seller's, else the dateline's. A state body
    with none of these, in a story whose main state is the seller's own ('the Ministry of Defense signed a contract
    with Helicopters of Russia'), buys at home: a domestic procurement, no sale (the buyer is dropped)."""
    if cand.type != "arms_sale":
        return
    f = cand.fillers
    seller = cand.first("seller")
    away = home_of(seller)
    domestic: list[Entity] = []
    for k, e in enumerate(f.get("buyer", [])):
        if e.label != "ORG" or e.id or rules.lexicons["arms_sale"].is_arms_exporter(e.text):
            continue
        iso = e.affiliation if e.affiliation not in away else None
        if iso is None and is_state_body(e.text, rules.words.state_bodies):
            span = ctx.span(e)
            before = state_before(e.start, span.start, ctx, away) if span is not None else None
            state = _state_after(e, ctx) or before or dateline_state(lines, e.start)
            iso = state.id if state is not None and state.id not in away else None
            if iso is None and not e.affiliation and ctx.dominant in away:
                domestic.append(e)
        if iso is not None:
            named = ctx.state_mention(iso, cand.trigger_token)
            f["buyer"][k] = e.model_copy(update={"id": iso, "canonical": named.canonical if named else None})
    if domestic:
        f["buyer"] = [e for e in f["buyer"] if e not in domestic]


def deal_sides(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """'Embraer and Uruguay sign contract for six A-29s', 'Hanwha and Poland sign deal': coordinated signers of a
    deal are its two sides; the one that makes or exports the weapon (its maker firm or state, a known arms
    exporter, a firm of a known state) sells, the states (or state bodies) with it buy. A buyer of the subject's own
    state ('India and France signed an agreement for 26 Rafale jets for the Indian Navy') decides nothing."""
    f = cand.fillers
    seller = cand.first("seller")
    if cand.type != "arms_sale" or cand.frame != DEAL_FRAME or seller is None:
        return
    if any(b.id != seller.id or not b.id for b in f.get("buyer", [])):
        return
    span = ctx.span(seller)
    if span is None:
        return
    sides = [seller, *(ctx.by_token[t.i] for t in span.root.conjuncts if t.i in ctx.by_token)]
    lex = rules.lexicons["arms_sale"]
    known = next((m.row for e in f.get("weapon", []) if (m := rules.facts.find_weapon(e.text))), None)

    def sells(e: Entity) -> bool:
        if lex.is_arms_exporter(e.text) or (e.label == "ORG" and not e.id and e.affiliation):
            return True  # a firm of its state, not a state body: 'Korea Aerospace Industries and MINDEF signed
        maker = known is not None and known.maker.casefold().split()[0] == e.text.casefold().split()[0]
        return maker or (known is not None and bool({e.id, e.affiliation} & set(known.makers)))

    sellers = [e for e in sides if sells(e)]
    buyers = [e for e in sides if not sells(e) and e.id]
    if len(sides) > 1 and len(sellers) == 1 and buyers:
        f["seller"], f["buyer"] = sellers, buyers


def object_not_weapon(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """'Japan sends relief to Gaza', 'provided training to …', 'relief goods provided by JICA': a transfer verb whose
    direct object (or the noun its participle modifies) is a noun phrase that names nothing (no weapon of its own:
    'the elements of the system' names one) transfers that, not a weapon guessed from elsewhere in the sentence; the
    deal noun of a verb that takes it as the deal ('awarded a contract to Embraer for …') transfers nothing."""
    if cand.type != "arms_sale" or "weapon" not in cand.guessed or cand.trigger_token.pos_ != "VERB":
        return
    tokens = cand.trigger_tokens
    trig = cand.trigger_token
    spec = rules.lexicons["arms_sale"].object_frames.get(trig.lemma_.lower())
    deals = set(spec["objects"]) if spec else set()
    objects = [c for c in trig.children if c.dep_ == "dobj" and not tokens.start <= c.i < tokens.end
               and c.lemma_.lower() not in deals]
    own: set[int] = set()
    if trig.dep_ == "acl" and trig.tag_ == "VBN" and _carrier(cand.first("weapon"), trig.head, ctx):
        objects.append(trig.head)  # 'a C-130 carried relief goods provided by JICA': the noun the participle
        own = {t.i for t in trig.subtree}  # modifies (not its own phrase) is what the carrier carries
    if any(o.pos_ == "NOUN" and not any(t.i in ctx.by_token for t in o.subtree if t.i not in own) for o in objects):
        del cand.fillers["weapon"]
        cand.guessed.discard("weapon")


def _carrier(weapon: Entity | None, noun: Token, ctx: LinkContext) -> bool:
    """Whether a weapon is the subject of the verb whose object a noun is ('the C-130 carried goods')."""
    verb = noun.head
    return weapon is not None and noun.dep_ == "dobj" and any(
        c.dep_ == "nsubj" and ctx.by_token.get(c.i) is weapon for c in verb.children)


def carried_weapon(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """'In January the Hellenic Air Force took delivery of its first Rafale. In May, Egypt ordered 30 additional
    aircraft': a sale of a weapon named only by its class, with no seller, is of the last system named before it
    in its paragraph, and that system's maker sells it; so is a sale of a lot that names no weapon ('Norway and
    Estonia ordered follow-on batches', 'has since bought more'), of a pronoun ('It has been exported to six
    countries', 'wants to buy it') or of other customers ('other customers have included A and B'), which then is of
    that system too."""
    f = cand.fillers
    if cand.type != "arms_sale" or f.get("seller") or not f.get("buyer"):
        return
    trig, words = cand.trigger_token, rules.words
    lot = not f.get("weapon") and (
        (cand.frame in LOT_FRAMES and _buys_lot(trig, words.lot_nouns))
        or (cand.frame in LOT_FRAMES and _pronoun(trig, "dobj", words.weapon_pronouns))
        or (cand.frame == PASSIVE_FRAME and _pronoun(trig, "nsubjpass", words.weapon_subject_pronouns))
        or (cand.frame == CUSTOMER_FRAME
            and any(c.lower_ in words.lot_customer_words for c in trig.children))
    )
    if not lot and (not f.get("weapon") or any(rules.facts.find_weapon(w.text) for w in f["weapon"])):
        return
    buyers = {x for b in f["buyer"] for x in (b.id, b.affiliation) if x}
    text = ctx.document.text
    for m in reversed(ctx.mentions.before(trig.i)):
        if text.find("\n\n", m.entity.end, cand.trigger.start) != -1:
            return
        known = rules.facts.find_weapon(m.entity.text) if m.entity.label == "WEAPON" else None
        if known is not None:
            if known.row.maker_iso3 not in buyers:
                f["seller"] = [weapon_maker(known.row, m.entity, cand, ctx, rules)]
                if lot:
                    f["weapon"] = [m.entity.model_copy(update={"implicit": True})]
            return


def interview_seller(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """'Bosco da Costa Junior, CEO of Embraer, talks to our editor … Q: … Portugal was the launch customer': in an
    interview with the head of an arms firm, a sale spoken of that names no seller (or only one guessed from the
    weapon's maker state or the article's state), or names the firm's state or the one interviewed ('we delivered'),
    is the firm's, unless the firm's state buys; one that names no weapon ('took delivery of its first', 'the launch
    customer') is of the firm's system named last before it."""
    f = cand.fillers
    seller = cand.first("seller")
    firm = ctx.interviewee
    if cand.type != "arms_sale" or not f.get("buyer") or firm is None or firm.span.start > cand.trigger_token.i:
        return
    if seller is not None and not seller.implicit and not (
        (seller.label in STATE_LABELS and seller.id in home_of(firm.entity)) or _interviewed(seller, firm, ctx)
    ):
        return
    if not rules.lexicons["arms_sale"].is_arms_exporter(firm.entity.text):
        return
    if home_of(firm.entity) & {x for b in f["buyer"] for x in (b.id, b.affiliation) if x}:
        return
    f["seller"] = [firm.entity.model_copy(update={"implicit": True})]
    if not f.get("weapon"):
        maker = firm.entity.text.casefold().split()[0]
        system = next((m.entity for m in reversed(ctx.mentions.before(cand.trigger_token.i))
                       if m.entity.label == "WEAPON" and (known := rules.facts.find_weapon(m.entity.text))
                       and known.row.maker.casefold().split()[0] == maker), None)
        if system is not None:
            f["weapon"] = [system.model_copy(update={"implicit": True})]


def _interviewed(e: Entity, firm: Mention, ctx: LinkContext) -> bool:
    """Whether a person is the one the lead names as the firm's head ('we delivered' said by Anna Lindqvist)."""
    surname = e.text.split()[-1]
    return e.label == "PERSON" and any(
        m.entity.label == "PERSON" and m.entity.text.split()[-1] == surname
        for m in ctx.mentions.in_sentence(firm.span.sent.start)
    )


def arrived_weapon(cand: Candidate, ctx: LinkContext, lines: list[tuple[int, Entity]]) -> None:
    """'The Pantsir systems arrived from Russia last week': weapons that arrive with no place named arrive in the
    dateline's state, else in the state of the first party the headline names (the state or person the article is
    about: 'Dacic: …'), when that is not the seller's."""
    f = cand.fillers
    seller = cand.first("seller")
    if cand.frame != ARRIVAL_FRAME or f.get("buyer") or seller is None:
        return
    head_end = ctx.document.text.find("\n")
    headline = takewhile(lambda m: m.entity.end <= head_end, ctx.mentions)  # mentions are in text order
    topic = next((m.entity for m in headline if state_key(m.entity)), None)
    place = dateline_state(lines, cand.trigger.start) or topic
    iso = state_key(place) if place is not None else None
    if iso is None or iso in (seller.id, seller.affiliation):
        return
    src = ctx.state_mention(iso, cand.trigger_token) or place
    f["buyer"] = [src.model_copy(update={"implicit": True, "id": iso})]


def named_firm_noun(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """'ROSATOM … The Corporation is building …': a party named only by a firm noun ('the Corporation', 'the
    Company') is the firm named last before it, in its paragraph or the one before."""
    text = ctx.document.text
    for role in ("investor", "seller"):
        fillers = cand.fillers.get(role, [])
        for k, e in enumerate(fillers):
            if e.label != "ORG" or e.text.lower().removeprefix("the ") not in rules.words.firm_nouns:
                continue
            span = ctx.span(e)
            before = ctx.mentions.before(span.start) if span is not None else []
            firm = next((m.entity for m in reversed(before) if m.entity.label == "ORG"
                         and m.entity.text.lower().removeprefix("the ") not in rules.words.firm_nouns), None)
            if firm is not None and text.count("\n\n", firm.end, e.start) <= 1:
                fillers[k] = firm.model_copy(update={"implicit": True})


def coordinated_weapons(cand: Candidate, ctx: LinkContext) -> list[Candidate]:
    """'Egypt ordered Rafale jets from France and FREMM frigates from Italy', 'takes delivery of Typhoons from
    Leonardo and of new Super Hornets': weapons coordinated in what a state buys are one purchase each, each from
    the 'from' phrase on its own noun (else the one left on the verb, else its maker: arms_seller.arms_seller); and
    in what is sold, each weapon listed with a 'to' phrase of its own ('approved the export of warships to Israel,
    ammunition to Qatar and a patrol aircraft to Pakistan') is one sale each, to that buyer."""
    weapon = cand.first("weapon")
    if cand.type != "arms_sale" or weapon is None or weapon.implicit or (span := ctx.span(weapon)) is None:
        return [cand]
    in_sent = ctx.mentions.in_sentence(cand.sentence.start)
    if cand.frame in SALE_FRAMES:
        lots = _listed_lots(span.end, cand, in_sent, "to", SALE_LIST_MARKS)
        rest = {r: v for r, v in cand.fillers.items() if r != "value"}
        return [cand, *(replace(cand, fillers={**rest, "weapon": [w], "buyer": [buyer]},
                                guessed=cand.guessed - {"buyer", "weapon"}) for w, buyer in lots)]
    if cand.frame not in BUY_FRAMES:
        return [cand]
    trig, root = cand.trigger_token, span.root
    others = [m for m in in_sent if m.entity.label == "WEAPON"
              and m.span.start >= span.end and _joined_to(m.root, (root.i, trig.i))]
    lots = _listed_lots(span.end, cand, in_sent, "from", BUY_LIST_MARKS)
    others = [m for m in others if all(m.entity is not w for w, _ in lots)]
    if not others and not lots:
        return [cand]
    own = _from_of(root, ctx)
    left = _from_of(trig, ctx) if own is not None else None  # the verb's 'from' is not the first weapon's
    out = [replace(cand, fillers={**cand.fillers, "seller": [own]}) if own is not None else cand]
    fillers = {r: v for r, v in cand.fillers.items() if r not in ("seller", "value")}
    for m in others:
        seller = _from_of(m.root, ctx) or left
        out.append(replace(cand, fillers={**fillers, "weapon": [m.entity], **({"seller": [seller]} if seller else {})},
                           guessed=cand.guessed - {"seller", "weapon"}))
    out += [replace(cand, fillers={**fillers, "weapon": [w], "seller": [seller]},
                    guessed=cand.guessed - {"seller", "weapon"}) for w, seller in lots]
    return out


def _listed_lots(after: int, cand: Candidate, in_sent: list[Mention], word: str,
                 marks: frozenset[str]) -> list[tuple[Entity, Entity]]:
    """'Chile bought two submarines from France; 350 tanks; 28 F-16s from the US and Belgium' (``word`` 'from'),
    'approved the export of warships to Israel, ammunition to Qatar and …' ('to'): each weapon with a ``word``
    phrase in the parts after the first of ``marks`` past the trigger's weapon, none of which has a clause of its
    own, is one more deal with each state or firm of that phrase (the parse hangs such parts anywhere): (weapon,
    party) pairs."""
    sent = cand.sentence
    cuts = [t.i for t in sent if t.i >= after and t.text in marks]
    if not cuts or any(t.dep_ in ("nsubj", "nsubjpass", "ROOT") for t in sent.doc[cuts[0] : sent.end]):
        return []
    weapons = [m for m in in_sent if m.entity.label == "WEAPON" and m.span.start > cuts[0]]
    out: list[tuple[Entity, Entity]] = []
    for w, upto in zip(weapons, [*(m.span.start for m in weapons[1:]), sent.end], strict=False):
        prep = next((t.i for t in sent.doc[w.span.end : upto] if t.lower_ == word), None)
        stop = next((k for k in cuts if k > w.span.start), sent.end)
        out += [(w.entity, m.entity) for m in in_sent if prep is not None and prep < m.span.start < min(upto, stop)
                and m.entity.label in (*STATE_LABELS, "ORG")]
    return out


def _joined_to(tok: Token, frame: tuple[int, ...]) -> bool:
    """Whether a word hangs by a coordination (through phrases) on one of the ``frame`` words."""
    joined = False
    while tok.head.i != tok.i:
        joined = joined or tok.dep_ == "conj"
        if tok.head.i in frame:
            return joined
        if tok.dep_ not in ("conj", "pobj", "prep") or tok.head.pos_ in ("VERB", "AUX"):
            return False  # not across a clause of its own ('…, and drones have been sold at a lower price than …')
        tok = tok.head
    return False


def _from_of(tok: Token, ctx: LinkContext) -> Entity | None:
    """The mention a 'from' phrase on a word names ('jets from France')."""
    return next((ctx.by_token[g.i] for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                 for g in c.children if g.dep_ == "pobj" and g.i in ctx.by_token), None)


COMPANION_ROLES = {"energy_investment": ("investor", "ORG"), "visit": ("visitor", "PERSON")}
"""The role whose companions act too, and the label a companion has."""


def companions(cand: Candidate, ctx: LinkContext) -> list[Candidate]:
    """'EDF is one of four bidders, along with Rosatom and KHNP, hoping to build …', 'Engie, together with Masdar,
    will build …', 'will build the plant alongside Masdar': the firms named with the investor (or with what it
    builds or holds) invest too, one event each; not those the verb is done with ('holds the block together with
    TotalEnergies' names a partner). So do the people named with a traveller ('X, along with Prime Minister Y, will
    travel to …')."""
    role, label = COMPANION_ROLES.get(cand.type, ("", ""))
    agent = cand.first(role) if role else None
    if agent is None or agent.implicit:
        return [cand]
    span = ctx.span(agent)
    if span is None:
        return [cand]
    root, trig = span.root, cand.trigger_token
    heads = {root.i} | {c.i for c in (*root.head.children, *trig.children) if c.dep_ in ("attr", "dobj")}
    out = [cand]
    seen = {agent.text}
    joiner = _joiner(trig, root)
    joined = ctx.by_token.get(joiner.i) if joiner is not None else None
    if joined is not None and joined.label == label and joined.text not in seen:  # 'CNOOC joined Petrobras in
        seen.add(joined.text)  # winning rights to …': the one joining wins them too
        out.append(replace(cand, fillers={**cand.fillers, role: [joined]}))
    for prep in cand.sentence:
        anchor = prep.head.head if prep.head.lower_ in ("along", "together") else prep.head
        if anchor.i not in heads or not _companion_prep(prep):
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for t in (pobj, *pobj.conjuncts):
                e = ctx.by_token.get(t.i)
                if e is not None and e.label == label and e.text not in seen:
                    seen.add(e.text)
                    out.append(replace(cand, fillers={**cand.fillers, role: [e]}))
    return out


def _joiner(trig: Token, agent: Token) -> Token | None:
    """The subject of 'join' whose object (``agent``) the trigger's 'in' phrase says what they do together ('A joined
    B in winning …')."""
    prep = trig.head
    if trig.dep_ != "pcomp" or prep.lower_ != "in" or prep.head.lemma_.lower() != "join":
        return None
    if agent.dep_ == "appos":  # 'joined Brazilian state operator Petrobras'
        agent = agent.head
    if agent.head.i != prep.head.i:
        return None
    return next((c for c in prep.head.children if c.dep_ == "nsubj"), None)


def _companion_prep(tok: Token) -> bool:
    """'alongside', 'along with', 'together with' (the 'with' of the latter two hangs on the first word or on the
    same head)."""
    if tok.dep_ != "prep":
        return False
    if tok.lower_ == "alongside":
        return True
    return tok.lower_ == "with" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("along", "together")


def guessed_buyer_list(cand: Candidate, ctx: LinkContext) -> None:
    """'Drones have been sold to four states, among them Nigeria and Egypt': a buyer guessed by the fallback (a
    misparsed list) brings the states coordinated with it."""
    f = cand.fillers
    if cand.type != "arms_sale" or "buyer" not in cand.guessed or len(f.get("buyer", [])) != 1:
        return
    buyer = f["buyer"][0]
    span = ctx.span(buyer)
    if span is None or buyer.label not in STATE_LABELS:
        return
    seller = cand.first("seller")
    away = {buyer.id} | ({seller.id, seller.affiliation} if seller else set())
    joint = [e for t in span.root.conjuncts if t.i in ctx.by_token
             and (e := ctx.by_token[t.i]).label in STATE_LABELS and e.id and e.id not in away]
    f["buyer"] = [buyer, *joint]


def relative_builder(cand: Candidate, ctx: LinkContext) -> None:
    """'ASFAT cut steel for the third of four corvettes it is building for Pakistan', 'ACWA Power said the wind farm
    it is building would feed the grid': the pronoun subject of a relative clause of building is the subject of the
    clause its antecedent belongs to (or of the clause that one complements)."""
    trig = cand.trigger_token
    role = BUILDER_ROLES.get(cand.frame)
    if role is None or trig.dep_ != "relcl":
        return
    if not any(c.dep_ == "nsubj" and c.pos_ == "PRON" and c.lower_ not in ("that", "which") for c in trig.children):
        return
    below, tok = trig, trig.head
    while True:
        subject = next((ctx.by_token[c.i] for c in tok.children
                        if c.dep_ == "nsubj" and c.i != below.i and c.i in ctx.by_token), None)
        if subject is not None or tok.dep_ not in BUILDER_CLIMB or tok.head.i == tok.i:
            break
        below, tok = tok, tok.head
    if subject is not None and subject.label in (*STATE_LABELS, "ORG"):
        cand.fillers[role] = [subject]


def _pronoun(verb: Token, dep: str, pronouns: frozenset[str]) -> bool:
    """Whether a trade verb's subject or object (``dep``) is a pronoun for the thing traded ('It has been exported
    to …', 'willingness to buy it')."""
    return any(c.dep_ == dep and c.lower_ in pronouns for c in verb.children)


def _buys_lot(verb: Token, lots: frozenset[str]) -> bool:
    """Whether a transfer verb's direct object is a lot of something unnamed ('follow-on batches', 'more')."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lots
        and not any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)
        for c in verb.children
    )


def state_before(char: int, token_i: int, ctx: LinkContext, away: set[str]) -> Entity | None:
    """The last state mention before a word (its token and character offset) in its paragraph or the one before (a
    round-up item's headline) that is not one of ``away``."""
    text = ctx.document.text
    for m in reversed(ctx.mentions.before(token_i)):
        if text.count("\n\n", m.entity.end, char) > 1:
            return None  # and so for every mention before it
        if m.entity.label in (*STATE_LABELS, "ORG") and m.entity.id and m.entity.id not in away:
            return m.entity
    return None


def _state_after(e: Entity, ctx: LinkContext) -> Entity | None:
    """The state mention just after a body's name ('Ministry of Defense of the [Kyrgyz Republic]')."""
    span = ctx.span(e)
    gap = STATE_AFTER.match(ctx.document.text, e.end)
    if span is None or gap is None:
        return None
    return next((m.entity for m in ctx.mentions.in_sentence(span.sent.start) if m.entity.start == gap.end()
                 and m.entity.id and m.entity.label in STATE_LABELS), None)
