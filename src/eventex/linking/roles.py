"""Role filling: the mentions a trigger's frame reaches along dependency paths, or a two-partner relation."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventex.linking.anaphora import resolve_anaphors
from eventex.linking.context import STATE_LABELS, Candidate, LinkContext, Mention, state_key
from eventex.linking.groups import group_noun
from eventex.linking.partners import fill_partners
from eventex.linking.paths import (
    SUBJECTS,
    TreeWalk,
    described_state,
    example_noun,
    example_of,
    first_conjunct,
    has_lemma,
    hyphen_named,
    stolen_subject,
)
from eventex.linking.referring import Anaphor, find_anaphors
from eventex.linking.rules import Frame, Rules, Words
from eventex.resources import vocabulary
from eventex.schema import CORE_ROLES, event_roles

PLACE_ROLES = frozenset({"destination"})
"""Roles a dateline's place may fill along a path (a parse that runs a dateline into its sentence makes it no
participant: 'LIMA, May 2 (Reuters) - Defence Minister X signed …'; nor the host of an investment: 'HONG KONG, Jan 9
(Reuters) - CNOOC is buying a stake in a Nigerian field')."""
PASS_LIMIT = 4
"""Most words between a filler and the trigger that :func:`_passes` looks at."""
NAMED_BY_TRIGGER = {"weapon": "WEAPON", "asset": "ENERGY_ASSET"}
"""Roles that the trigger phrase itself may fill ("arms sales"), with the label their filler has."""


def fill_roles(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """Fill ``cand.fillers``: the two partners of a cooperation trigger, else the roles of its frame."""
    coop = rules.lexicons[cand.type].cooperation
    if coop is not None and cand.frame == coop.frame:
        fill_partners(cand, coop, ctx, rules)
    else:
        fill_frame(cand, rules.frames[cand.frame], ctx, rules)


def fill_frame(cand: Candidate, frame: Frame, ctx: LinkContext, rules: Rules) -> None:
    """Each role from the first of its rules that matches a mention (or an anaphor's antecedent) of the
    sentence; then a weapon or asset the trigger phrase names; then the frame's fallbacks."""
    trig, tokens = cand.trigger_token, cand.trigger_tokens
    in_sent = [
        m for m in ctx.mentions.in_sentence(cand.sentence.start)
        if (not _overlaps(m, tokens.start, tokens.end) or m.entity.label in NAMED_BY_TRIGGER.values()
            or _hyphen_name(m, trig))
        and not _former_owner(m, rules.words)
    ]
    walk = TreeWalk(trig)
    paths = {id(m.entity): walk.path(ctx.doc[trig.i - 2] if _hyphen_name(m, trig) else m.root) for m in in_sent}
    for m in in_sent:  # 'signed with a consortium led by A', 'countries like A and B have bought it': the group's
        # member or leader, an example of a plural noun, or a state a description names ('the state of Togo'),
        # stands in its place
        described = described_state(m.root, rules.words.state_description_nouns) if (
            m.entity.label in STATE_LABELS) else None
        group = group_noun(m.root, rules.words) or example_noun(m.root) or described or _place_apposition(m, ctx)
        if group is not None and group.i != trig.i and paths[id(m.entity)] is not None:
            paths[id(m.entity)] = walk.path(group)
        if described is not None:  # 'the West African state of Togo': the region's modifier names no state
            for c in described.children:
                if c.dep_ in ("amod", "compound", "nmod") and (e := ctx.by_token.get(c.i)) is not None:
                    paths[id(e)] = None
    clause = _relative_clause(trig)
    if clause is not None:  # 'Algeria, which recognized …', 'X, which signed a deal …': the antecedent takes
        words = rules.words
        rel = next((c for c in clause.children if c.lower_ in words.relative_pronouns | words.relative_adverbs.keys()),
                   None)
        if rel is None:  # 'the country to which Ruritania sold jets': a pronoun in a phrase before the clause's verb
            rel = next((t for t in clause.subtree if t.i < clause.i and t.dep_ == "pobj" and t.head.dep_ == "prep"
                        and t.lower_ in words.relative_pronouns), None)
        head = clause.head  # the antecedent: its mention, or the nearest apposition ('the … Corporation (CNPC)')
        named = [
            m for m in in_sent
            if m.span.start <= head.i < m.span.end or (m.root.dep_ == "appos" and m.root.head.i == head.i)
        ]
        if not named and head.dep_ == "attr":  # 'X became the first state to which Y sold jets': the copula's subject
            named = [m for m in in_sent if m.root.dep_ == "nsubj" and m.root.head.i == head.head.i]
        if not named:  # 'states such as A, B and C that recognise X': the first example (its conjuncts follow)
            named = [m for m in in_sent if example_of(m.root, head)][:1]
        if not named:  # 'Countries that have recognised X include A, B and C': the first name listed
            named = _listed(head, in_sent, rules.words)[:1]
        if not named and head.lemma_.lower() in rules.words.person_nouns:  # 'the Minister of the Armed Forces
            # Florence Parly, who was present …': the name the parser hung in the title's own phrase
            named = [m for m in in_sent if m.entity.label == "PERSON" and head.i < m.root.i < clause.i
                     and head in m.root.ancestors][:1]
        suffix = ""
        if not named and rel is not None and rel.dep_ == "nsubj" and head.pos_ == "NOUN":  # 'the Azerbaijani army,
            # which took delivery …': the state modifying the antecedent, as it would modify the clause's subject
            named = [m for m in in_sent if m.root.head.i == head.i and m.root.dep_ in ("amod", "compound")
                     and m.entity.label in STATE_LABELS and state_key(m.entity)][:1]
            suffix = f">{named[0].root.dep_}" if named else ""
        # 'Changwon, where the minister was on a visit', 'Paris, where he also held talks': a light clause
        light = clause is not trig and (clause.lemma_ == "be" or (trig.dep_ == "dobj" and trig.head.i == clause.i))
        if rel is not None and named and (clause is trig or light or rel.lower_ not in words.relative_adverbs):
            # the relative word's relation to the trigger ('where' stands for a place phrase)
            adverb = words.relative_adverbs.get(rel.lower_)
            if adverb and trig.dep_ == "dobj" and trig.head.i == clause.i:
                adverb = f"^dobj>{adverb}"  # 'where he held talks': the place phrase of the light verb
            path = adverb or walk.path(rel)
            if rel.dep_ == "pobj" and clause is trig and rel.head.head.i != trig.i:
                path = f"prep:{rel.head.lower_}>pobj"  # a fronted 'to which' the parser hung on the object
            paths[id(max(named, key=lambda m: m.span.start).entity)] = path + suffix
        elif rel is None and clause is trig and head.dep_ == "appos" and not any(
            c.dep_ in ("dobj", "nsubjpass") for c in trig.children
        ):  # 'Bangui, a city he visited last year': a relative with no pronoun on an apposition has it as its object
            apposed = [m for m in in_sent if m.span.start <= head.head.i < m.span.end]
            if apposed:
                paths[id(apposed[-1].entity)] = "dobj"
    if _headline_infinitive(trig):  # 'Utopia to sell frigates to Ruritania', parsed as a name with a relative clause
        for m in in_sent:
            if m.span.start <= trig.head.i < m.span.end:
                paths[id(m.entity)] = "nsubj"
    anaphors = [  # a pronoun above a clause with its own counted subject stands for none of its roles, as a name
        a for a in _sentence_anaphors(cand.sentence, ctx, rules)
        if not _past_own_subject(a.token, walk.path(a.token), walk, rules)
    ]
    titles = {t.i for a in anaphors if a.kind == "TITLE" for t in a.token.subtree}  # 'the President of the Republic'
    in_sent = [m for m in in_sent if not titles.intersection(range(m.span.start, m.span.end))]
    dateline = ctx.in_datelines
    used: set[int] = set()
    many = event_roles(cand.type)
    judge = walk.steps_to_object_of(rules.words.reaction_verbs)
    report = walk.steps_to_clause_of(rules.words.reporter_verbs)  # 'X will visit Y, Z announced': Z reports
    described = _described_subjects(anaphors, walk)
    for role, role_rules in frame.roles.items():
        barred = used | dateline if role not in PLACE_ROLES else used
        limit = judge if role in rules.words.reaction_roles else None
        if role in rules.words.reporter_roles and report is not None:
            limit = report if limit is None else min(limit, report)
        role_anaphors = [a for a in anaphors if not _judged(walk.path(a.token), limit)]
        prefer = (rules.lexicons[cand.type].relations_ids if role == "recognized"
                  else ctx.visited_states(rules.words.travel_words) if role == "destination" else frozenset())
        for rule in role_rules:
            if rule.under and not (
                (trig.dep_ == "pobj" and trig.head.lower_ in rule.under)
                or (trig.dep_ == "dobj" and trig.head.lemma_.lower() in rule.under)
            ):
                continue
            hits = [
                m for m in in_sent
                if id(m.entity) not in barred and m.entity.label in rule.labels and paths[id(m.entity)] is not None
                and rule.regex.fullmatch(paths[id(m.entity)])
                and not _past_own_subject(m.root, paths[id(m.entity)], walk, rules)
                and not _characterised(trig, paths[id(m.entity)], tokens) and not _judged(paths[id(m.entity)], limit)
                and not _past_own_object(trig, paths[id(m.entity)])
                and (not rule.via or _passes(m.root, trig, rule.via))
                and not _past_description(paths[id(m.entity)], described)
                and not (role in rules.words.nationality_roles and ctx.names_nationality(m, rules.words.firm_nouns))
                and not stolen_subject(m.root)
                and not (role in rules.words.state_only_roles and m.entity.label == "NORP" and not m.entity.id)
            ]  # (a people of no state, 'several African countries', fills no state's role: the next rule may)
            if any(not paths[id(m.entity)].startswith("conj>") for m in hits):
                # 'recognised China and dropped Taiwan': the trigger's own object, not a coordinated verb's
                hits = [m for m in hits if not paths[id(m.entity)].startswith("conj>")]
            taken = {k for v in cand.fillers.values() for x in v for k in (x.id, x.canonical) if k}
            if role == CORE_ROLES[cand.type][1]:  # 'Xi's visit to the country': not the visitor's own
                taken |= {x.affiliation for x in cand.fillers.get(CORE_ROLES[cand.type][0], []) if x.affiliation}
            anaphor_of: dict[int, Token] = {}
            hits += [
                m for m in resolve_anaphors(
                    [a for a in role_anaphors if (rule.pronouns or a.kind != "PERSON")
                     and (not rule.via or _passes(a.token, trig, rule.via))],
                    trig, rule, ctx, taken, prefer, walk, anaphor_of,
                )
                if id(m.entity) not in used
            ]
            if hits:
                # a list member or an apposition is as near as its head ('its oil company, Sonatrach, signed'); an
                # speaker as near as its anaphor ('announced that it would sever ties')
                hits.sort(key=lambda m: (
                    walk.distance(anaphor_of.get(id(m.entity)) or walk.effective(m.root)),
                    _parent_of_unit(m, ctx, rules.words.unit_nouns), m.span.start))
                if many.get(role):  # a list: the nearest hit's conjuncts (or, for some roles, its clause's hits)
                    key = paths.get if role in rules.words.one_path_lists else lambda k: _climbs(paths.get(k))
                    best = key(id(hits[0].entity))
                    chosen = sorted((m for m in hits if key(id(m.entity)) == best), key=lambda m: m.span.start)
                    if role in rules.words.state_only_roles:
                        chosen = _once_per_state(_comma_run_before(chosen, in_sent, ctx.document.text) + chosen)
                else:
                    chosen = hits[:1]
                cand.fillers[role] = [m.entity for m in chosen]
                used.update(id(m.entity) for m in chosen)
                break
    for m in in_sent:  # the trigger phrase itself may name the weapon or asset ("arms sales")
        if _overlaps(m, tokens.start, tokens.end):
            for role, want in NAMED_BY_TRIGGER.items():
                if role in many and role not in cand.fillers and m.entity.label == want:
                    cand.fillers[role] = [m.entity]
                    used.add(id(m.entity))
    agent_role, other_role = CORE_ROLES[cand.type]
    home = {x for a in cand.fillers.get(agent_role, []) for x in (a.id, a.affiliation) if x}
    dated = bool(ctx.datelines) and ctx.datelines[0][0] <= trig.idx  # a dateline in force: where 'here' is
    for role, fb in frame.fallback.items():
        if cand.fillers.get(role):
            continue
        pool = [
            m for m in in_sent
            if id(m.entity) not in (used if role in PLACE_ROLES else used | dateline) and m.entity.label in fb.labels
            and not (role == other_role and m.entity.id in home)
            and (fb.side == "any" or (fb.side == "left") == (m.span.start < trig.i))
            and walk.distance(m.root) <= fb.max_distance
            and not (fb.not_path is not None and fb.not_path.fullmatch(paths[id(m.entity)] or ""))
            and not (role in rules.words.nationality_roles and ctx.names_nationality(m, rules.words.firm_nouns))
            and not (role == "destination" and _elsewhere(m, trig, paths[id(m.entity)], dated))
            and not (role in rules.words.reporter_roles and _reporter(paths[id(m.entity)], report))
        ]
        prefer = rules.lexicons[cand.type].relations_ids if role == "recognized" else frozenset()
        preferred = [m for m in pool if m.entity.id in prefer]  # 'urging Belgrade and Pristina': Pristina
        pool = preferred if preferred or fb.preferred_only else pool
        if not pool and role in NAMED_BY_TRIGGER and _pronoun_object(trig, rules.words.weapon_pronouns):
            # 'sold the missile ... others want to buy it': the pronoun object is the thing named before it
            pool = [m for m in in_sent if id(m.entity) not in used and m.entity.label in fb.labels
                    and m.span.start < trig.i]
        if pool:
            m = min(pool, key=lambda m: abs(m.span.start - trig.i))
            cand.fillers[role] = [m.entity]
            used.add(id(m.entity))
            cand.fallback_used = True
            cand.guessed.add(role)
    _dated_trip(cand, paths)


COMMA_GAP = re.compile(r"\s*,\s*")
"""What stands between two members of a list with no 'and' ('A, B, C are among …')."""


def _comma_run_before(chosen: list[Mention], in_sent: list[Mention], text: str) -> list[Mention]:
    """The states a bare comma list puts before a subject state ('Azerbaijan, Ukraine, Qatar, Tunisia are among the
    countries that …', where the parser hangs the members before the last apart from it): two or more of them, or
    none."""
    first = chosen[0]
    if first.entity.label not in STATE_LABELS or first.root.dep_ not in ("nsubj", "nsubjpass"):
        return []
    run: list[Mention] = []
    for m in reversed([m for m in in_sent if m.span.start < first.span.start]):
        after = run[0] if run else first
        if m.entity.label not in STATE_LABELS or not COMMA_GAP.fullmatch(text[m.entity.end : after.entity.start]):
            break
        run.insert(0, m)
    return run if len(run) >= 2 else []


def _once_per_state(mentions: list[Mention]) -> list[Mention]:
    """The mentions less those of a state named before them in the list ('the United Arab Emirates (UAE) army'), for
    a role that takes states, not places."""
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.entity.id is not None and m.entity.id in seen:
            continue
        if m.entity.id is not None:
            seen.add(m.entity.id)
        out.append(m)
    return out


DATING_PREPOSITIONS = frozenset({"after", "before", "since"})
"""Prepositions by which one trip dates another ('a week after the visit of X')."""


def _dated_trip(cand: Candidate, paths: dict[int, str | None]) -> None:
    """'X will fly to Oslo a week after the state visit of Y': a trip that dates another goes to its place only when
    it names its own traveller (not one taken from the clause it dates, nor a pronoun's antecedent)."""
    trig = cand.trigger_token
    if cand.type != "visit" or trig.dep_ != "pobj" or trig.head.lower_ not in DATING_PREPOSITIONS:
        return
    dest, visitor = cand.fillers.get("destination"), cand.first("visitor")
    if not dest or not (paths.get(id(dest[0])) or "").startswith("^pobj>^prep>"):
        return
    own = paths.get(id(visitor)) if visitor is not None else None
    if own is None or own.startswith("^"):
        del cand.fillers["destination"]


def _pronoun_object(trig: Token, pronouns: frozenset[str]) -> bool:
    """Whether a trigger verb's direct object is one of ``pronouns`` ('buying it', 'to supply them')."""
    return trig.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ in pronouns for c in trig.children)


def _place_apposition(m: Mention, ctx: LinkContext) -> Token | None:
    """'the arrival of the first European leader in Brasilia, Olaf Scholz,': a person the parser hung on a place as
    its apposition stands for the noun whose phrase the place is in."""
    place = m.root.head
    if m.entity.label != "PERSON" or m.root.dep_ != "appos" or place.dep_ != "pobj":
        return None
    e = ctx.by_token.get(place.i)
    noun = place.head.head
    return noun if e is not None and e.label in ("GPE", "LOC") and noun.pos_ == "NOUN" else None


def _relative_clause(trig: Token) -> Token | None:
    """The relative clause's verb when it is the trigger, the verb of a trigger that is its object ('which
    signed a deal'), a 'be' whose phrase the trigger is in ('where he was on a visit'), or a verb whose relative
    subject controls the trigger's complement ('which wants to buy')."""
    if trig.dep_ == "relcl":
        return trig
    if trig.dep_ in ("dobj", "nsubjpass", "attr") and trig.head.dep_ == "relcl":
        return trig.head  # 'Vietnam, which is Laos's biggest arms supplier': the copula's attribute too
    verb = trig.head.head
    if trig.dep_ == "pobj" and verb.dep_ == "relcl" and verb.lemma_ == "be":
        return verb  # 'where he was on a visit'
    tok = trig  # 'Peru, which wants to buy …', '…, which is interested in buying …': the relative is the subject above
    for _ in range(MAX_RELATIVE_CLIMB):
        if tok.dep_ not in _COMPLEMENT_DEPS and not (tok.dep_ == "pobj" and tok.head.lower_ == "as"):
            break  # ('…, which has replaced the US as its main arms supplier': the 'as' phrase's noun too)
        tok = tok.head
        if tok.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in tok.children):
            return tok
    return None


def _listed(head: Token, mentions: list[Mention], words: Words) -> list[Mention]:
    """The names a relative clause's antecedent stands for when it (or the list noun it is in) is the subject of a
    listing verb: 'Countries that have recognised X include A, B and C', 'the list of states that … includes A'."""
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in words.list_nouns:
        head = head.head.head
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_.lower() not in words.listing_verbs:
        return []
    return [m for m in mentions if m.root.head.i == verb.i and m.root.dep_ in ("dobj", "attr")]


_COMPLEMENT_DEPS = frozenset({"xcomp", "pcomp", "prep", "acomp"})
"""Relations climbed from a trigger to the relative clause whose subject controls it."""
MAX_RELATIVE_CLIMB = 4


def _past_own_subject(root: Token, path: str | None, walk: TreeWalk, rules: Rules) -> bool:
    """Whether a subject reached by climbing ('^xcomp>^ccomp>nsubj') lies above a clause whose own subject is a noun,
    a person pronoun or a counted group ('27 countries had decided to withdraw …, RFE reports': not RFE; '30 states
    have withdrawn …, he said': not the speaker)."""
    path = path or ""
    if not path.startswith("^") or path.rsplit(">", 1)[-1] not in ("nsubj", "nsubjpass", "csubj"):
        return False
    return walk.passes_own_subject(root, rules.words.quantifiers, rules.words.person_pronouns)


def _sentence_anaphors(sent: SpacySpan, ctx: LinkContext, rules: Rules) -> list[Anaphor]:
    """The anaphors of a sentence (:func:`find_anaphors`), found once per sentence."""
    if sent.start not in ctx.anaphors:
        ctx.anaphors[sent.start] = find_anaphors(sent, ctx.by_token, rules.words)
    return ctx.anaphors[sent.start]


def _headline_infinitive(trig: Token) -> bool:
    """Whether a trigger is the 'to' infinitive of a headline that the parser hung on its subject as a relative
    clause ('Utopia to sell frigates to Ruritania': Utopia is the sentence's root)."""
    return trig.dep_ == "relcl" and trig.head.dep_ == "ROOT" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in trig.children
    ) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children)


STANDING_NOUNS = vocabulary("standing_nouns")
"""Nouns of an 'as' phrase that name the standing granted, no judgement ('extended recognition to it as a sovereign
state')."""


def _past_own_object(trig: Token, path: str | None) -> bool:
    """Whether a role is reached through a clausal complement of a trigger that has its own direct object: the
    clause is another statement ('recognized the State of Palestine on Sunday, more countries are expected to follow',
    a comma splice parsed as the verb's complement)."""
    return (path or "").startswith("ccomp>") and any(c.dep_ == "dobj" for c in trig.children)


def _characterised(trig: Token, path: str | None, tokens: SpacySpan) -> bool:
    """Whether a role is reached from a trigger noun through the verb that takes it as an object with an 'as'
    predicate (on the verb or the noun): that verb's subject judges the act, not does it ('a professor describes the
    withdrawal of recognition as an irregular act', 'Moscow sees the visit as a provocation'); not when that verb is
    part of the trigger phrase ('had revoked its recognition of Ruritania as a sovereign country'), nor when the
    'as' phrase names a standing (:data:`STANDING_NOUNS`)."""
    return (
        trig.dep_ == "dobj" and (path or "").startswith("^dobj>") and not tokens.start <= trig.head.i < tokens.end
        and any(
            c.dep_ == "prep" and c.lower_ == "as"
            and not any(g.dep_ == "pobj" and g.lemma_.lower() in STANDING_NOUNS for g in c.children)
            for c in (*trig.head.children, *trig.children)
        )
    )


def _described_subjects(anaphors: list[Anaphor], walk: TreeWalk) -> list[int]:
    """Steps up to each clause on the trigger's chain of heads whose own subject is a description of one state
    ('the Pacific nation', 'the West African country', 'Taiwan cut ties with Fiji as the country switched …')."""
    return [steps for a in anaphors if a.kind == "STATE" and a.token.pos_ == "NOUN" and a.count == 1
            and a.token.dep_ in SUBJECTS and (steps := walk.steps_to(a.token.head)) is not None]


def _past_description(path: str | None, described: list[int]) -> bool:
    """Whether a filler is reached by climbing past a clause whose own subject is a region's description: that
    clause's role is the description's antecedent ('China and Nauru established ties, days after the Pacific nation
    severed those with Taiwan': the severing is Nauru's alone)."""
    ups = (path or "").count("^")
    return any(ups > steps for steps in described)


def _judged(path: str | None, limit: int | None) -> bool:
    """Whether a role path climbs ``limit`` steps or more: to the verb that judges the act ('X condemns the decision
    to establish relations with …', linking.toml reactions), whose subject does not do it."""
    return limit is not None and (path or "").count("^") >= limit


def _reporter(path: str | None, limit: int | None) -> bool:
    """Whether a role path climbs ``limit`` steps or more, to the verb of saying that reports the trigger's clause,
    and goes down to that verb's subject ('X will visit Y, Z said': Z), not to its object ('… said FM Lopez will')."""
    steps = (path or "").split(">")
    up = sum(1 for s in steps if s.startswith("^"))
    return limit is not None and up >= limit and len(steps) > up and steps[up] == "nsubj"


def _passes(root: Token, trig: Token, lemmas: frozenset[str]) -> bool:
    """Whether a word between ``root`` and the trigger, below it, has one of ``lemmas`` ('a delegation from X'); a list
    member passes the words its list's first member passes ('A, B, C, D, E and F are among the states that …')."""
    tok = root
    while tok.dep_ == "conj" and tok.head.i not in (tok.i, trig.i):
        tok = tok.head
    tok = tok.head
    for _ in range(PASS_LIMIT):
        if tok.i == trig.i:
            return False
        if has_lemma(tok, lemmas):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _climbs(path: str | None) -> int:
    """How many steps up a role path climbs from the trigger (0 for an anaphor's antecedent, which has none)."""
    return path.count("^") if path else 0


def _elsewhere(m: Mention, trig: Token, path: str | None, dated: bool) -> bool:
    """Whether a place is no guess for a trip's destination: the trigger's own 'from' object (where the traveller
    comes from: 'who had flown in from Moscow'), a place of the clause that reports the trip ('X will attend
    the summit, his spokesman said, a plan Ukraine's ministry criticised'), a side of a 'between' phrase ('suspended
    his trip after the clashes between Iran and Israel'), or, with a dateline in force (``dated``), any place when the
    trip comes 'here' (where the story was filed: 'arrived here a day after concluding his tour of Pakistan')."""
    prep = m.root.head
    origin = m.root.dep_ == "pobj" and prep.lower_ == "from" and prep.head.i == trig.i
    side = first_conjunct(m.root)
    between = side.dep_ == "pobj" and side.head.lower_ == "between"
    here = dated and any(c.dep_ == "advmod" and c.lower_ == "here" for c in trig.children)
    return origin or between or here or (path or "").startswith("^ccomp>")


def _parent_of_unit(m: Mention, ctx: LinkContext, units: frozenset[str]) -> bool:
    """Whether a firm is named only as the owner of a unit that the text names too ('United Technologies' Sikorsky
    unit'): the unit, as near, is the party."""
    root = m.root
    return root.dep_ == "poss" and root.head.lemma_.lower() in units and any(
        c.i in ctx.by_token and c.i != root.i for c in root.head.children if c.dep_ in ("compound", "amod")
    )


def _former_owner(m: Mention, words: Words) -> bool:
    """Whether a state modifies a polity noun that is 'former' ('the former Soviet republic', 'a former French
    colony'): it names who once held the place, no participant (the noun phrase may stand for the place itself)."""
    root = m.root
    head = root.head
    return (
        root.dep_ in ("amod", "compound") and head.lemma_.lower() in words.former_nouns
        and any(c.dep_ == "amod" and c.lower_ in words.former_words for c in head.children)
    )


def _overlaps(m: Mention, start: int, end: int) -> bool:
    return m.span.start < end and start < m.span.end


def _hyphen_name(m: Mention, trig: Token) -> bool:
    """Whether a mention (not a weapon or asset) spans the trigger and the name a hyphen joins it to ('Chinese-funded'):
    the name fills a role as the word before the hyphen."""
    return (_overlaps(m, trig.i, trig.i + 1) and m.entity.label not in NAMED_BY_TRIGGER.values()
            and hyphen_named(trig, m.span.start))
