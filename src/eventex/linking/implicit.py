"""Implicit arguments: fillers the text implies (a host's country; a weapon's seller, from
:mod:`eventex.linking.arms_seller`), and people or places that stand for their state in state-only roles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Token

from eventex.linking.arms_seller import arms_seller
from eventex.linking.context import STATE_LABELS, Candidate, LinkContext, Mention, home_of, state_key
from eventex.linking.delegations import delegation_leader
from eventex.linking.energy_host import energy_host
from eventex.linking.paths import first_conjunct
from eventex.linking.rules import Rules, is_state_body
from eventex.schema import CORE_ROLES, Entity
from eventex.stages.surface import normalise_surface

ImplicitRule = Callable[[Candidate, LinkContext, Rules], None]


DIRECTED_FRAMES = frozenset({"transfer_out", "transfer_in", "transfer_out_passive", "transfer_in_passive"})
"""Frames whose verb says which way weapons go ('Japan will export Patriot missiles to the United States': the
maker buys them back), so the weapon's maker does not decide the sides."""


def add_implicit(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """Fill the roles the text implies: a host frame's destination, the firm a definite description names, then
    the rule of the event type."""
    if cand.frame.startswith("host"):
        _host_destination(cand, ctx)
    elif cand.frame.startswith("attend_gathering") and _occasion_owner(cand, ctx):
        _host_destination(cand, ctx, guess=False)
    _named_firm(cand, ctx, rules)
    delegation_leader(cand, ctx)
    _invited_visitor(cand, ctx, rules)
    if rule := IMPLICIT.get(cand.type):
        rule(cand, ctx, rules)


def _host_destination(cand: Candidate, ctx: LinkContext, *, guess: bool = True) -> None:
    """'Putin hosted Sisi', 'X attended the swearing-in of Kenyan President Ruto': the visit's destination is the
    host's state (its mention, else the host standing for it; or, with ``guess``, the state at hand)."""
    f = cand.fillers
    if not f.get("host") or any(d.id for d in f.get("destination", [])):
        return  # (a place no state is known for, 'at Al Shati Palace', still needs one)
    host, visitor = f["host"][0], cand.first("visitor")
    away = home_of(visitor)
    iso = host.id if host.label in STATE_LABELS else host.affiliation
    trig = cand.trigger_token
    if not guess and (not iso or iso in away):
        return
    src = ctx.state_mention(iso, trig) if iso else ctx.nearby_state(cand.sentence, away)
    if src is None and iso and iso not in away:  # the host's state, named nowhere: the host stands for it
        src = host.model_copy(update={"id": iso, "canonical": None})
    if src is None and guess and ctx.dominant and ctx.dominant not in away:
        src = ctx.state_mention(ctx.dominant, trig)
    if src is not None:
        f["destination"] = [*f.get("destination", []), src.model_copy(update={"implicit": True})]


def _occasion_owner(cand: Candidate, ctx: LinkContext) -> bool:
    """Whether the host is the one whose occasion the trigger attends ('attended Ruto's swearing-in', 'took part in
    the inauguration of X'), not one met there."""
    host = cand.first("host")
    span = ctx.span(host) if host is not None else None
    if span is None:
        return False
    root = span.root
    if root.dep_ == "poss":
        occasion = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "of":
        occasion = root.head.head
    else:
        return False
    trig = cand.trigger_token
    return trig.i in (occasion.head.i, occasion.head.head.i)  # the trigger's object, or its 'in' phrase's


def _named_firm(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """'Petrobras …: the Brazilian company has acquired stakes': a nationality in a definite singular firm noun
    stands for the firm of that state named last before it in the paragraph."""
    in_sent = {id(m.entity): m for m in ctx.mentions.in_sentence(cand.sentence.start)}
    for fillers in cand.fillers.values():
        for k, e in enumerate(fillers):
            m = in_sent.get(id(e))
            if m is None or e.label != "NORP" or not e.id or m.root.dep_ != "amod":
                continue
            head = m.root.head
            if head.lemma_.lower() not in rules.words.firm_nouns or head.tag_ != "NN":
                continue
            if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children):
                continue
            firm = next((p.entity for p in reversed(ctx.mentions.before(m.span.start))
                         if p.entity.label == "ORG" and state_key(p.entity) == e.id), None)
            if firm is not None and "\n\n" not in ctx.document.text[firm.end : e.start]:
                fillers[k] = firm.model_copy(update={"implicit": True})


CATAPHORA_PARAGRAPHS = 2
"""Most paragraph breaks between a lede's title ('China's top diplomat') and the name given for it later."""


def named_official(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """'After Rabat, the Ecuadorian minister will travel to Nouakchott', 'the visit of Kazakhstan's President': a
    nationality or state (also 'the Ruritania premier', 'the leaders of Sudan and Ethiopia') on a definite (or bare
    singular) title noun that is a visit's
    visitor stands for the person of that state the article named last before the title (by the fullest name it
    gives them: 'Gabriela Sommerfeld', not 'Ms. Sommerfeld'), else first after it, close by; one it named with that
    title ('Foreign Minister Wang Yi … spokesperson Hua Chunying … the Chinese FM': Wang Yi) goes first."""
    visitor = cand.first("visitor")
    if cand.type != "visit" or visitor is None or visitor.label not in ("NORP", "GPE") or not visitor.id:
        return
    if (span := ctx.span(visitor)) is None:
        return
    root = first_conjunct(span.root)
    of_phrase = root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.dep_ == "prep"
    if root.dep_ not in ("amod", "compound", "poss") and not of_phrase:
        return
    head = root.head.head if of_phrase else root.head  # 'the leaders of Sudan and Ethiopia', 'the Emir of Qatar'
    title = {head.lemma_.lower()} | {f"{c.lower_} {head.lower_}" for c in head.children if c.dep_ == "compound"}
    dets = [c.lower_ for c in head.children if c.dep_ == "det"]
    # 'the Kenyan president', 'Kenya's president', or a bare singular title ('In May Eritrean President arrived')
    definite = root.dep_ == "poss" or "the" in dets or (not dets and head.tag_ in ("NN", "NNP") and not of_phrase)
    if not title & rules.words.person_nouns or not definite:
        return
    people = [p.entity for p in ctx.mentions.before(head.i)
              if p.entity.label == "PERSON" and p.entity.affiliation == visitor.id]
    if not people:  # a lede's title named in the next paragraphs ('China's top diplomat has postponed a visit …
        # Wang Yi's planned visit …')
        people = [p.entity for p in ctx.mentions.after(head.i)
                  if p.entity.label == "PERSON" and p.entity.affiliation == visitor.id
                  and ctx.document.text.count("\n\n", head.idx, p.entity.start) <= CATAPHORA_PARAGRAPHS][:1]
    if people:
        abbreviations = rules.words.title_abbreviations
        spelled = {abbreviations.get(t, t) for t in title}
        titled = [p for p in people if any(t in _title_before(p, ctx) for t in spelled)]
        last = (titled or people)[-1]
        named = [p for p in people if p.canonical == last.canonical]
        full = max(named, key=lambda p: (p.text == p.canonical, len(p.text)))
        cand.fillers["visitor"] = [full.model_copy(update={"implicit": True})]


TITLE_REACH = 60
"""Most characters before a person's name read for the title the article gives them."""


def _title_before(person: Entity, ctx: LinkContext) -> str:
    """The lower-cased words of the person's sentence right before their name ('… and foreign minister ')."""
    span = ctx.span(person)
    start = max(span.sent.start_char if span is not None else 0, person.start - TITLE_REACH)
    return ctx.document.text[start : person.start].lower()


def _invited_visitor(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """'Nazarbayev accepted Xi's invitation to visit China', 'accepted the invitation of President X to visit': the
    one who accepts visits (the person named in the subject: 'President To Lam'); the inviter hosts."""
    lex = rules.lexicons["visit"]
    trig = cand.trigger_token
    head = trig.head
    if cand.type != "visit" or trig.dep_ != "acl" or head.lemma_.lower() not in lex.invitation_nouns:
        return
    if head.dep_ != "dobj" or head.head.lemma_.lower() not in lex.accepting_verbs:
        return
    owners = [c for c in head.children if c.dep_ == "poss"]
    owners += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]
    owner = next((ctx.by_token[c.i] for c in owners if c.i in ctx.by_token), None)
    verb = head.head
    # the subject, or the noun the parser hung the verb on as a modifier ('President To Lam accepted …')
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or ([verb.head] if verb.dep_ == "acl" else [])
    guest = next((ctx.by_token[t.i] for c in subjects for t in c.subtree
                  if t.i < verb.i and t.i in ctx.by_token and ctx.by_token[t.i].label == "PERSON"), None)
    if owner is None or guest is None or guest.label != "PERSON" or cand.first("visitor") is not owner:
        return
    cand.fillers["visitor"] = [guest]
    if owner.label == "PERSON" and not cand.fillers.get("host"):
        cand.fillers["host"] = [owner]


def _source(e: Entity, ctx: LinkContext) -> bool:
    """Whether a mention is the object of 'from' ('to buy back the guns from Elbonia'): a stated seller, even of a
    weapon the buyer's own state made."""
    span = ctx.span(e)
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ == "from"


def _recognized_theme(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """'Australia announced its recognition on Tuesday': when the sentence names nothing recognised (or a nominal
    trigger's only guess, or an anaphor's antecedents, are no would-be state), the would-be state the article has
    named most often so far (as many as the anaphor names: 'the two republics'; not for the frames that need it
    named)."""
    f = cand.fillers
    lex = rules.lexicons["recognition"]
    would_be = lex.relations_ids
    recognized = f.get("recognized", [])
    # 'refused to recognize the two republics': an anaphor that found only states that are no would-be states
    anaphoric = bool(recognized) and all(r.implicit for r in recognized)
    guessed = cand.fallback_used or anaphoric  # 'Bahrain's recognition, …, Serbia', 'to freeze its recognition …'
    if cand.frame in lex.relations_frames or (recognized and not guessed):
        return
    if any(r.id in would_be for r in recognized):
        return
    agents = {x for a in f.get("recognizer", []) for x in (a.id, a.affiliation) if x}
    if not recognized and _governs(cand.trigger_token, lex.government_objects):
        # 'Tajikistan, which borders Afghanistan, would not recognise an administration that …'
        state = ctx.nearby_state(cand.sentence, agents, near=cand.trigger.start)
        if state is not None:
            f["recognized"] = [state.model_copy(update={"implicit": True})]
            return
    before = [m for m in ctx.mentions.before(cand.trigger_token.i) if m.entity.id in would_be]
    if not recognized and _plural_theme(cand.trigger_token) and (group := _last_group(before, agents)):
        f["recognized"] = [m.entity.model_copy(update={"implicit": True}) for m in group]
        return
    counts = Counter(m.entity.id for m in before)
    for iso in agents:
        counts.pop(iso, None)
    top = sorted(counts, key=lambda k: -counts[k])[: len(recognized) if anaphoric else 1]
    found = [src for iso in top if (src := ctx.state_mention(iso, cand.trigger_token)) is not None]
    if found:
        f["recognized"] = [src.model_copy(update={"implicit": True}) for src in found]


PLURAL_PRONOUNS = frozenset({"their", "them", "they"})
"""Pronouns that stand for several states ('recognised their statehood', 'recognised them')."""


def _plural_theme(trig: Token) -> bool:
    """Whether what a trigger recognises is a plural pronoun or owned by one ('their statehood', 'them')."""
    objs = [c for c in trig.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(
        t.lower_ in PLURAL_PRONOUNS for o in objs for t in (o, *o.children) if t.dep_ in ("dobj", "nsubjpass", "poss")
    )


def _last_group(before: list[Mention], agents: set[str]) -> list[Mention]:
    """The coordinated would-be states last named before a plural pronoun ('A and B asked for support … their'):
    the members of the latest mention's coordination, when there are two or more (no agent among them)."""
    if not before:
        return []
    group = {t.i for t in (before[-1].root, *before[-1].root.conjuncts)}
    members = [x for x in before if x.root.i in group and x.entity.id not in agents]
    return list({x.entity.id: x for x in members}.values()) if len({x.entity.id for x in members}) >= 2 else []


def _governs(trig: Token, nouns: frozenset[str]) -> bool:
    """Whether a trigger's object is a government noun ('recognise the new administration')."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in trig.children)


def _dominant_state(cand: Candidate, ctx: LinkContext, exclude: set) -> Entity | None:
    """The document's main state, named before the trigger, for a place no state is named near ('a plant in
    Somerset' in a story about Britain); None when it is excluded (the investor's own)."""
    if ctx.dominant is None or ctx.dominant in exclude:
        return None
    return ctx.state_mention(ctx.dominant, cand.trigger_token)


IMPLICIT: dict[str, ImplicitRule] = {
    "arms_sale": arms_seller, "energy_investment": energy_host, "recognition": _recognized_theme,
}
"""The implicit-argument rule of each event type that has one."""


def tidy_roles(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """News agencies fill no role; people in state-only roles stand for their state, and a people of no state ('no
    European country recognizes …') fills none; a nationality on a definite title of a traveller is the person named
    with it before; places get their state's id; no filler fills both core roles; a known arms exporter named as the
    buyer is the seller."""
    f = cand.fillers
    agencies = rules.words.news_agencies
    for role, fillers in list(f.items()):  # a news agency reports, it takes no part (whatever the head's label)
        kept = [e for e in fillers if normalise_surface(e.text).casefold() not in agencies]
        if kept and len(kept) < len(fillers):
            f[role] = kept
        elif fillers and not kept:
            del f[role]
    if cand.type == "visit":
        named_official(cand, ctx, rules)
    for role in rules.words.state_only_roles:
        if role in f:
            f[role] = [e for e in f[role] if e.label != "NORP" or e.id]
        for k, e in enumerate(f.get(role, [])):
            if e.label != "PERSON":
                continue
            if e.affiliation:
                src = ctx.state_mention(e.affiliation, cand.trigger_token)
                f[role][k] = (src or e).model_copy(
                    update={"implicit": True, "id": e.affiliation, "canonical": src.canonical if src else None}
                )
                continue
            used = {x.id for r, v in f.items() if r != role for x in v if x.id}
            state = ctx.nearby_state(cand.sentence, used) if role == "recognizer" else None
            if state is not None:  # a leader recognises on behalf of the state at hand
                f[role][k] = state.model_copy(update={"implicit": True})
        if role in f and role != "recognizer":  # a person of no known state stands for none
            f[role] = [e for e in f[role] if e.label != "PERSON" or e.implicit]
    if f.get("host_country") and not f["host_country"][0].id:  # a city or province (or a state's firm): its state
        investor = cand.first("investor")
        exclude = {investor.id, investor.affiliation} if investor else set()
        place = f["host_country"][0]
        if place.label == "ORG":  # 'signed between Eni and Sonatrach': the firm's state, not the investor's
            home = place.affiliation if place.affiliation not in exclude else None
            f["host_country"] = [place.model_copy(update={"id": home, "canonical": None})] if home else []
        elif state := (ctx.nearby_state(cand.sentence, exclude) or _dominant_state(cand, ctx, exclude)
                       or ctx.nearby_state(cand.sentence, set())):  # 'Sinopec, China's refiner, is building a
            # plant in Maoming': with no other state near, the place is in the investor's own (a domestic one)
            f["host_country"] = [place.model_copy(update={"id": state.id, "canonical": state.canonical})]
    if f.get("destination"):  # 'a tour of Africa': a region is no destination of a visit
        f["destination"] = [d for d in f["destination"] if d.id or d.label != "LOC"]
    dests = f.get("destination", [])
    if dests and not any(d.id for d in dests):  # 'visited Benghazi': the city's state, from the context
        visitor = cand.first("visitor")
        exclude = {visitor.id, visitor.affiliation} if visitor else set()
        exclude |= {  # not a traveller's nationality ('Indian Prime Minister Modi and Turkish President Erdogan …'),
            m.entity.id for m in ctx.mentions.in_sentence(cand.sentence.start)  # nor a reporting outlet's
            if ctx.names_nationality(m, rules.words.firm_nouns | rules.words.person_nouns | rules.words.source_nouns)
        }
        state = ctx.nearby_state(cand.sentence, exclude, near=dests[0].start)
        if state is not None:
            f["destination"] = [
                d.model_copy(update={"id": state.id, "canonical": state.canonical}) if d.label == "GPE" else d
                for d in dests
            ]
    home = home_of(cand.first("visitor")) if cand.type == "visit" else set()
    if away := [d for d in f.get("destination", []) if d.id not in home]:
        f["destination"] = away  # 'Tsai's trip to Eswatini, and Pena's visit to Taipei': not the traveller's home
    if f.get("destination"):  # a place put in no state ('Africa', a sight such as an island or a fort) is none
        f["destination"] = [d for d in f["destination"] if d.id]
    if len(f.get("recognized", [])) > 1:  # 'the Sahrawi Arab Democratic Republic (SADR)': one state, named twice
        firsts: dict[str, Entity] = {}
        for x in f["recognized"]:
            firsts.setdefault(x.id or x.text, x)
        f["recognized"] = list(firsts.values())
    agent, other = CORE_ROLES[cand.type]
    keys = {x.id or x.text for x in f.get(agent, [])}
    if f.get(other):
        f[other] = [x for x in f[other] if (x.id or x.text) not in keys]
    lex = rules.lexicons[cand.type]
    if f.get("seller") and f.get("buyer"):
        seller, buyer = f["seller"][0], f["buyer"][0]
        known = next((m.row for e in f.get("weapon", []) if (m := rules.facts.find_weapon(e.text))), None)
        makers = set(known.makers) if known else set()
        if (lex.is_arms_exporter(buyer.text) and not lex.is_arms_exporter(seller.text)) or (
            makers & {buyer.id, buyer.affiliation} and not makers & {seller.id, seller.affiliation}
            and not _source(seller, ctx) and cand.frame not in DIRECTED_FRAMES
        ) or (buyer.label == "ORG" and not buyer.id and not is_state_body(buyer.text, rules.words.state_bodies)
              and seller.label in STATE_LABELS and seller.id):
            # 'Indonesia signed a contract with Dassault', 'Baku signed a deal with Pakistan for JF-17s', 'the firm
            # signed a contract with the Indian government for the acquisition of …' (a firm buys from no state)
            f["seller"], f["buyer"] = [buyer], [seller]
    if cand.type == "arms_sale" and len(f.get("buyer", [])) > 1:
        homes = {s.affiliation for s in f.get("seller", []) if s.label == "ORG" and not s.id and s.affiliation}
        if homes and any(b.id not in homes for b in f["buyer"]):  # 'the firm delivered jets to Elbonia and to its
            f["buyer"] = [b for b in f["buyer"] if b.id not in homes]  # own state': the home buyer is procurement
