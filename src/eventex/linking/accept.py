"""Acceptance: whether a filled candidate states an event, by the checks every type shares and one small
function per event type (:data:`ACCEPT`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Span, Token

from eventex.linking.context import NAVAL_NOUNS, Candidate, state_key
from eventex.linking.home_talks import MEETING_FRAME
from eventex.linking.paths import RELATIVE_TAGS, clause_chain, first_conjunct
from eventex.linking.rules import Cooperation, TypeLexicon
from eventex.linking.status import StatusRules
from eventex.linking.tallies import names_member
from eventex.resources import vocabulary
from eventex.schema import CORE_ROLES, Entity
from eventex.stages.resolve import NameTable, place_kind, shared_gazetteer

AcceptRule = Callable[[Candidate, TypeLexicon], bool]
INVITATION_FRAME = "invitation_noun"
"""The frame of an invitation (triggers.toml): a trip only when answered."""
ATTENDED_FRAME = "attend_gathering_passive"
"""The frame of a gathering attended by someone (roles.toml): a trip only for one of a known state."""


def acceptable(cand: Candidate, lex: TypeLexicon, status: StatusRules, ships: frozenset[str] = frozenset()) -> bool:
    """Both core roles filled, not hypothetical, what the type ``requires`` present, no ship named as a visitor
    (``ships``: :attr:`LinkContext.ship_names`), and the type's own rule."""
    f = cand.fillers
    if not all(f.get(role) for role in CORE_ROLES[cand.type]):
        return False  # an event names both its core participants (explicitly or implicitly)
    if cand.type == "visit" and cand.fillers["visitor"][0].text in ships:
        return False  # the headline's 'Admiral Grigorovich visit in Algiers', the body's 'the frigate Admiral …'
    if status.hypothetical(cand.trigger_token):
        return False
    coop = lex.cooperation
    if coop is not None and cand.frame == coop.frame:
        if not is_specific(cand.trigger_token, coop):
            return False
    elif lex.requires == "WEAPON" and not f.get("weapon") and not weapon_modified(cand, lex):
        return False
    if lex.requires == "ENERGY_ASSET" and not f.get("asset") and not sector_investment(cand, lex):
        investor = cand.first("investor")
        if investor is None or investor.label != "ORG" or not (
            cand.described_energy_firm or lex.is_energy_company(investor.text)
        ):
            return False
        if cand.trigger_token.lemma_.lower() in lex.asset_triggers or cand.frame in lex.asset_frames:
            return False  # 'QatarEnergy agreed to supply Kuwait with LNG': a sale of output, no asset built
    rule = ACCEPT.get(cand.type)
    return rule is None or rule(cand, lex)


def weapon_modified(cand: Candidate, lex: TypeLexicon) -> bool:
    """Whether a transfer, purchase or deal noun is itself of weapons by a modifier ('foreign military sales',
    'defence exports', 'defence contracts'; not a pact: 'a defence agreement'), or a transfer verb's object is ('supply
    Burkina Faso with military products'): the modifier names what changes hands as a weapon mention would."""
    trig = cand.trigger_token
    if cand.frame not in lex.weapon_modified_frames or trig.lemma_.lower() in lex.pact_nouns:
        return False
    if trig.pos_ in ("NOUN", "PROPN"):
        nouns = [trig]
    else:
        nouns = [c for c in trig.children if c.dep_ == "dobj"] + [
            g for c in trig.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    return any(c.dep_ in ("amod", "compound") and c.lower_ in lex.weapon_modifiers for n in nouns for c in n.children)


SECTOR_PREPOSITIONS = frozenset({"in", "into", "from"})
"""Prepositions of a verb's sector phrase ('invested in', 'moved into', 'withdrew from' Iraq's oil sector)."""


def sector_investment(cand: Candidate, lex: TypeLexicon) -> bool:
    """An investment noun modified by an energy sector ('$6 billion in Russian oil investments in Venezuela') with a
    sum, or a verb investing in (or leaving) a sector noun so modified ('invested in Iraq's oil sector'), with an
    investor found along a path and a host named in its sentence: the sector names the asset (with no sum an
    investment noun sums up a sector, 'a decade of Russian energy investment')."""
    trig = cand.trigger_token
    host = cand.first("host_country")
    if "investor" in cand.guessed or host is None or host.implicit:
        return False
    if trig.pos_ == "VERB":  # 'have invested in Iraq's oil sector', 'withdrew from a $2 billion energy project'
        # ('is investing billions in Venezuela's oil industry': the phrase may hang on the sum)
        heads = [trig, *(c for c in trig.children if c.dep_ == "dobj")]
        return any(
            g.lemma_.lower() in lex.sector_nouns and any(  # (or on a word before it: 'power generating sector')
                m.lower_ in lex.sector_words for m in g.doc[g.left_edge.i : g.i])
            for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in SECTOR_PREPOSITIONS
            for g in c.children if g.dep_ == "pobj"
        )
    if trig.lemma_.lower() not in lex.sector_triggers or not cand.fillers.get("value"):
        return False
    return any(t.lower_ in lex.sector_words for t in trig.doc[trig.left_edge.i : trig.i])  # 'oil and gold mining …'


def is_specific(trig: Token, coop: Cooperation) -> bool:
    """Whether something specific is said of a cooperation trigger (a cue on it or on its clause, no blocker)."""
    mods = {c.lower_ for c in trig.children if c.dep_ in ("amod", "compound")}
    governor = trig.head.head if trig.dep_ == "pobj" else None  # 'the commission on military-technical …'
    if mods & coop.blockers or (governor is not None and governor.lemma_.lower() in coop.blockers):
        return False
    above = clause_chain(trig)[1:]
    words = mods | {t.lemma_.lower() for t in above} | {t.lower_ for t in above}
    return bool(words & coop.cues)


@lru_cache(maxsize=1)
def _people() -> NameTable:
    """The shipped people table (a head that labels 'Blinken' ORG still names a known person)."""
    return NameTable("people.tsv")


def accept_visit(cand: Candidate, lex: TypeLexicon) -> bool:
    """An official's trip abroad: a visitor, a destination or host, no tourists or warships, not at home."""
    f = cand.fillers
    if not f.get("visitor") or not (f.get("destination") or f.get("host")):
        return False
    trig = cand.trigger_token
    if cand.frame == INVITATION_FRAME and (
        trig.dep_ != "dobj" or trig.head.lemma_.lower() not in lex.accepting_verbs
        or any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lex.verbs for c in trig.children)
    ):
        return False  # an invitation is a trip only as one accepts or declines it ('to visit …': the verb's own)
    heads = [c for c in trig.children if c.dep_ in ("nsubj", "nsubjpass", "poss")]
    if trig.pos_ == "NOUN" and trig.dep_ in ("nsubj", "nsubjpass"):
        heads.append(trig.head)
    if trig.pos_ == "NOUN":  # 'the arrival of warplanes and helicopters': what arrives
        heads += [g for c in trig.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                  if g.dep_ == "pobj"]
    if trig.pos_ == "NOUN" and trig.dep_ == "dobj":  # 'the jets will make refuelling stops in …': the light verb's
        heads += [c for c in trig.head.children if c.dep_ == "nsubj"]  # subject travels
    gov = trig.head.head if trig.dep_ == "pobj" else trig.head if trig.dep_ == "dobj" else None
    if trig.pos_ == "NOUN" and gov is not None and lex.verbs.get(gov.lemma_.lower(), "").startswith("host"):
        return False  # 'hosted Xi for a state visit': the host verb's own event says who travelled
    if trig.pos_ == "NOUN" and not any(c.dep_ == "poss" for c in trig.children) and _under_host_verb(trig, lex):
        return False  # 'received the emir at the start of a state visit to Jordan': not the host's visit
    if any(h.lemma_.lower() in lex.non_official for h in heads) or any(
        c.lemma_.lower() in lex.non_official for c in trig.children if c.dep_ in ("compound", "amod")
    ):
        return False  # tourists, warships and cargoes travel without a visit
    if trig.dep_ in ("amod", "acl", "compound") and trig.head.lemma_.lower() in lex.non_official:
        return False  # 'the visiting Chinese naval fleet'
    if trig.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound") and c.lower_ in lex.remote_modifiers
                                   for c in trig.children):
        return False  # 'held video talks with his Indian counterpart': a meeting held from afar
    if _naval_call(cand):
        return False
    purposes = [g for c in trig.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children]
    if any(_purpose(g) & lex.non_purposes for g in purposes if g.dep_ == "pobj"):
        return False  # 'arrived at Mombasa for a port call', 'for joint exercises'
    if trig.lemma_.lower() in lex.hosted_nouns and (
        not f.get("host") or (all(d.implicit for d in f.get("destination", [])) and not _met_in_dateline_state(cand))
    ):  # 'after a cabinet meeting in New Delhi', 'arranged a meeting with his Nigerian counterpart': a meeting is a
        return False  # trip only with the one met and the place named
    visitor = cand.first("visitor")
    if visitor is not None and _generic_title(visitor, cand.sentence):
        return False  # 'the first time ever a Turkish president visits the country': no one in particular
    if visitor is not None and visitor.label == "NORP" and not visitor.id:
        return False  # 'his Asian tour': a region's demonym names no traveller
    if visitor is not None and visitor.label == "NORP" and _counted_people(visitor, cand.sentence):
        return False  # '26,000 Nigerians visited Turkey in 2017': travellers counted by the head are no delegation
    if visitor is not None and visitor.label == "GPE" and place_kind(visitor.text) in CITY_KINDS and (
        trig.lemma_.lower() not in SENDING_VERBS
    ):  # '… following visits to Iran and China, as Moscow seeks …': a city does not travel (it may send a delegation)
        return False
    if visitor is not None and visitor.label == "ORG" and not (
        visitor.id or visitor.affiliation or _people().person(visitor.text)
    ):
        return False  # 'Air Force One landed', 'the Amiri Diwan': a body of no state is no traveller
    if visitor is not None and set(visitor.text.lower().split()) & lex.non_official and not _titled_body(visitor, cand):
        return False  # 'a Black Sea Fleet visit' is a port call (not 'the Indian Navy chief arrived')
    sent = cand.sentence
    if visitor is not None and not visitor.implicit and sent.start_char <= visitor.start < sent.end_char:
        at = visitor.start - sent.start_char  # the sentence's own text: Doc.text would rebuild the whole text
        before = sent.text[max(0, at - 25) : at].lower().split()[-1:]
        after = sent.text[visitor.end - sent.start_char : visitor.end - sent.start_char + 25].lower().split()[:1]
        if set(before) & lex.non_official or (visitor.label != "PERSON" and set(after) & lex.non_official):
            return False  # 'the training ship Qi Jiguang ... finished the visit', 'Indian Coast Guard Ship Shoor
            # arrives', 'the commanding officer of the U.S. ship called on …' (not 'the Oil Minister, X')
    # 'X will visit the Vingroup Company … to deepen the Philippines' engagement': a name visited that is no place (a
    # firm, a person) makes the place guessed nearby no destination
    if "destination" in cand.guessed and any(
        c.dep_ == "dobj" and c.pos_ == "PROPN" and not (visitor and visitor.start <= c.idx < visitor.end)
        for c in trig.children
    ):  # (not 'signed in Brasilia by visiting Chilean President X', whose gerund's object is the traveller)
        return False
    if cand.frame in (MEETING_FRAME, f"{MEETING_FRAME}_passive") and visitor is not None and _resident_envoy(
        visitor, cand.sentence
    ):  # 'Japanese Ambassador X signed the agreement in Manila': an ambassador meets where he is posted
        return False
    dests = f.get("destination", [])
    posted = _posted_state(visitor, cand.sentence) if visitor is not None else None
    if posted and dests and all(d.id == posted for d in dests):
        return False  # 'the US Ambassador to Greece X, who visited the port of Thessaloniki': a tour of his post
    home = visitor and (visitor.id or visitor.affiliation)
    if cand.frame in (MEETING_FRAME, f"{MEETING_FRAME}_passive", ATTENDED_FRAME) and not home:
        return False  # 'X met Y in Cairo', 'a ceremony attended by X' say nothing of a trip when X's state is unknown
    return not (home and dests and all(d.id == home for d in dests))  # a trip at home is not a foreign visit


NEGATIVE_DETERMINERS = vocabulary("negative_determiners")
"""Determiners of a title that make its holder anyone who holds it ('no US president has visited')."""
UNIQUE_TITLES = vocabulary("unique_titles")
"""Titles one person holds at a time: with 'a' they name anyone who holds them ('a Turkish president visits')."""


def _generic_title(visitor: Entity, sent: Span) -> bool:
    """Whether a state's name or demonym modifies a title noun with 'no', 'any' or 'every', or a title of one holder
    with 'a' ('no US leader', 'a Turkish president'; not 'a Chinese delegation'): the visitor is whoever holds the
    title, no one in particular."""
    if visitor.label not in ("NORP", "GPE") or not sent.start_char <= visitor.start < sent.end_char:
        return False
    span = sent.doc.char_span(visitor.start, visitor.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in ("amod", "compound", "nmod"):
        return False
    title = span.root.head
    dets = {c.lower_ for c in title.children if c.dep_ == "det"}
    return title.pos_ == "NOUN" and bool(
        dets & NEGATIVE_DETERMINERS or (dets & {"a", "an"} and title.lemma_.lower() in UNIQUE_TITLES))


def _under_host_verb(trig: Token, lex: TypeLexicon) -> bool:
    """Whether a visit noun lies in a phrase of a hosting verb, past at most two nouns ('received X at the start of
    a state visit'): that verb's own event says who travelled."""
    t = trig
    for _ in range(3):
        if t.dep_ != "pobj" or t.head.dep_ != "prep":
            return False
        t = t.head.head
        if t.pos_ == "VERB":
            return lex.verbs.get(t.lemma_.lower(), "").startswith("host")
    return False


def _resident_envoy(visitor: Entity, sent: Span) -> bool:
    """Whether the person's title in the sentence, among the three words before the name, is ambassador ('Japanese
    Ambassador Kazuya Endo', 'the ambassador of Japan X' is too far: no)."""
    if visitor.label != "PERSON" or not sent.start_char <= visitor.start < sent.end_char:
        return False
    at = visitor.start - sent.start_char
    return "ambassador" in sent.text[max(0, at - 40) : at].lower().split()[-3:]


ENVOY_TITLES = vocabulary("envoy_titles")
"""Titles of an envoy resident in the state of the title's 'to' phrase ('the US Ambassador to Greece')."""


def _posted_state(visitor: Entity, sent: Span) -> str | None:
    """The id of the state where the visitor (or the state or person named in the title) is posted as envoy: 'the
    US Ambassador to Greece (,) Geoffrey Pyatt' gives GRC for 'US' and for 'Geoffrey Pyatt', if the gazetteer
    knows the name after 'to'."""
    for title in sent:
        if title.lemma_.lower() not in ENVOY_TITLES:
            continue
        left, right = title.left_edge.idx, title.right_edge.idx + len(title.right_edge.text)
        to = next((c for c in title.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if to is None or not left <= visitor.start < right:
            continue
        after = [t for t in sent.doc[to.i + 1 : min(to.i + 4, sent.end)] if t.pos_ == "PROPN" or t.lower_ == "the"]
        for k in range(len(after), 0, -1):  # the longest name right after 'to' ('the United States', 'Greece')
            match = shared_gazetteer().lookup(sent.doc[after[0].i : after[k - 1].i + 1].text)
            if match and match.kind in ("name", "alias"):
                return match.iso3
    return None


def _met_in_dateline_state(cand: Candidate) -> bool:
    """'PARIS (Agency) - Indonesian Defence Minister X held a meeting with French President Y': a meeting whose place
    only the dateline gives is a trip there when the one met acts for the dateline's state and the visitor for
    another."""
    visitor, host = cand.first("visitor"), cand.first("host")
    home = visitor and (visitor.id or visitor.affiliation)
    start = cand.sentence.start_char  # a place named before the sentence ('his Nigerian counterpart' is no dateline)
    return bool(home) and host is not None and any(
        d.implicit and d.label == "GPE" and d.end <= start and d.id and d.id == host.affiliation != home
        for d in cand.fillers.get("destination", []))


VAGUE_QUANTIFIERS = vocabulary("vague_quantifiers")
"""Quantifiers that make a subject of states a tally ('most countries', 'many states'), as an approximate count does."""
CITY_KINDS = frozenset({"capital", "metonym", "place"})
"""Gazetteer kinds of a place name that names a city or a seat of power, not a state ('Moscow', 'the Kremlin')."""
SENDING_VERBS = vocabulary("sending_verbs")
"""Trigger verbs whose subject need not travel itself ('Luanda has sent two delegations to Istanbul')."""
BODY_TITLES = vocabulary("body_titles")
"""Title nouns that a body's name before them makes an official of it ('the Indian Navy chief')."""


def _titled_body(visitor: Entity, cand: Candidate) -> bool:
    """Whether a visitor mention is the body a title after it is of ('the Indian Navy chief arrived')."""
    span = cand.sentence.doc.char_span(visitor.start, visitor.end, alignment_mode="expand")
    return span is not None and any(  # (each word of the name may hang on the title: 'Indian' and 'Navy')
        t.dep_ in ("compound", "poss", "nmod", "amod") and not (span.start <= t.head.i < span.end)
        and t.head.lemma_.lower() in BODY_TITLES for t in span)


COUNT_NOUNS = vocabulary("count_nouns")
"""Nouns that count people ('thousands of Nigerians', 'a number of Kenyans') or states."""


def _counted_people(visitor: Entity, sent: Span) -> bool:
    """Whether a demonym mention names people by their count ('26,000 Nigerians', 'thousands of Kenyans')."""
    span = sent.doc.char_span(visitor.start, visitor.end, alignment_mode="expand")
    if span is None or not (sent.start <= span.root.i < sent.end):
        return False
    root = span.root
    if any(c.dep_ == "nummod" for c in root.children):
        return True
    holder = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    return holder is not None and (holder.lower_ in COUNT_NOUNS or holder.pos_ == "NUM")


HULL_NUMBER = re.compile(r"[ \t]*\(\d{2,4}\)")
"""A ship's hull number after its name: 'the frigate Yancheng (546)'."""


def _naval_call(cand: Candidate) -> bool:
    """'The fleet of a supply ship and two frigates, the A (576) and the B (546), concluded a visit to …', 'the last
    leg of their port calls': a port call, not an official's trip (the parser often loses the ships' link to the
    trigger)."""
    trig = cand.trigger_token
    if any(p.lower_ == "of" and any(g.lemma_.lower() == "call" and any(c.lower_ == "port" for c in g.children)
                                    for g in p.children) for p in trig.children):
        return True
    visitor, sent = cand.first("visitor"), cand.sentence
    if visitor is None or visitor.implicit or not any(
        t.lemma_.lower() in NAVAL_NOUNS for t in sent if t.i < trig.i and t.pos_ == "NOUN"
    ):
        return False
    inside = sent.start_char <= visitor.start < sent.end_char
    hull = inside and HULL_NUMBER.match(sent.text, visitor.end - sent.start_char) is not None
    return visitor.label != "PERSON" or hull


def _purpose(noun: Token) -> set[str]:
    """A purpose noun's lemma, alone and with each compound before it ('call', 'port call')."""
    lemma = noun.lemma_.lower()
    return {lemma} | {f"{c.lemma_.lower()} {lemma}" for c in noun.children if c.dep_ == "compound"}


def accept_arms_sale(cand: Candidate, lex: TypeLexicon) -> bool:
    """A seller or buyer, not both of one state; a nominal sale ('the sale of tanks') needs its buyer, else it is a
    generic statement."""
    f = cand.fillers
    if not (f.get("buyer") or f.get("seller")):
        return False
    if cand.frame == lex.licence_frame and not licensed_production(cand.trigger_token, lex.production_words):
        return False
    seller = cand.first("seller")
    home = state_key(seller) if seller is not None else None
    if home and f.get("buyer") and all(state_key(b) == home for b in f["buyer"]):
        return False  # 'Rheinmetall delivered 50 Boxers to the German army': a procurement at home, no arms trade
    return bool(f.get("buyer")) or cand.trigger_token.pos_ != "NOUN"


def licensed_production(trig: Token, words: frozenset[str]) -> bool:
    """Whether a licence is one to make the weapon ('a licence to assemble the rifles', 'a production licence'),
    not a permit to export or use it ('US export licences')."""
    below = [c for c in trig.children if c.dep_ in ("acl", "compound", "amod")]
    below += [g for c in trig.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
              if g.dep_ in ("pobj", "pcomp")]
    return any(t.lemma_.lower() in words for t in below)


def accept_energy_investment(cand: Candidate, lex: TypeLexicon) -> bool:
    """An investor or host country, and not a domestic investment; a host is a known state (a mention that names
    none, such as a firm the head took for a place in 'to pay $5m to ACME', hosts nothing)."""
    f = cand.fillers
    if not (f.get("investor") or f.get("host_country")):
        return False
    inv, host = cand.first("investor"), cand.first("host_country")
    if host is not None and not host.id:
        return False
    if _classifies_asset(cand):
        return False
    trig = cand.trigger_token
    modifier = first_conjunct(trig)  # 'a trade and investment firm': the first of the coordinated modifiers
    if trig.pos_ == "NOUN" and modifier.dep_ in ("compound", "nmod") and (
        modifier.head.lemma_.lower() in lex.descriptor_heads
    ):
        return False  # 'the overseas investment arm of X': a kind of body, not an investment
    return not (inv and host and (inv.id or inv.affiliation) == host.id)


def _classifies_asset(cand: Candidate) -> bool:
    """Whether a noun trigger is only a modifier inside the name of the asset it fills ('exploration blocks',
    'a development well'): it says what kind of asset it is, not that anyone invests in it."""
    trig, asset = cand.trigger_token, cand.first("asset")
    if asset is None or trig.pos_ not in ("NOUN", "PROPN") or trig.dep_ not in ("compound", "amod", "nmod"):
        return False
    return asset.start <= trig.idx and trig.idx + len(trig.text) < asset.end


def accept_recognition(cand: Candidate, lex: TypeLexicon) -> bool:
    """A recognizer that names or acts for a state (not a body such as the UN or the EU: the guidelines' recognizer
    is a state) and recognised states (only states and would-be states are recognised); the
    ``relations_frames`` ('established relations with', 'dropped') only with a would-be state; no count of states
    as the subject (:func:`_counted_subject`) unless the recognizer is one of the states it names
    (:func:`eventex.linking.tallies.names_member`)."""
    rec = cand.fillers.get("recognized", [])
    recognizer = cand.fillers.get("recognizer")
    if not rec or not recognizer or not any(e.id or e.affiliation for e in recognizer):
        return False
    if cand.frame in lex.relations_frames and not any(r.id in lex.relations_ids for r in rec):
        return False
    trig = cand.trigger_token
    if _counted_subject(trig, lex.count_subjects) and not any(
            names_member(e, trig, lex.count_subjects) for e in recognizer):
        return False  # a tally that does not name this recognizer ('some 100 states, including A, recognise it')
    if _claim_object(trig, lex.claim_nouns):
        return False
    if _claimant(cand, lex):
        return False
    if "recognized" in cand.guessed and any(
            state_key(r) in lex.claimants.values() and state_key(r) not in lex.switch_states for r in rec):
        return False  # 'recognised the two breakaway regions, and Georgia …': a guess is never their claimant
    if not _existential_named(trig, rec):
        return False
    if _recognised_as_capital(trig):
        return False  # 'Trump recognized the city as the capital of Israel': a capital, no state, is recognised
    return all(r.id for r in rec)


def _claimant(cand: Candidate, lex: TypeLexicon) -> bool:
    """Whether the recognizer is the state that claims what is recognised (``lex.claimants``) and not the subject
    or agent of a recognising verb, nor the owner of a recognition noun ('Serbia will never recognise Kosovo',
    'Belgrade's recognition of Kosovo'): a guess, an implicit filler, a subject above a noun ('After a wave of
    recognitions of Kosovo, Belgrade plans …') or above a relative clause ('to poach the countries that recognise
    Taiwan'), or ties the claimant could never have (:attr:`relations_frames`)."""
    claimed = {lex.claimants.get(r.id or "") for r in cand.fillers["recognized"]}
    claimants = [e for e in cand.fillers["recognizer"] if state_key(e) in claimed]
    if not claimants:
        return False
    if cand.frame in lex.relations_frames or "recognizer" in cand.guessed or any(e.implicit for e in claimants):
        return True
    trig = cand.trigger_token
    # the subjects of the verb and of the verbs it complements ('Serbia refuses to recognise'), and the antecedent
    # of a relative pronoun among them ('Serbia, which does not recognise'; not 'to poach the countries that
    # recognise', whose antecedent is 'countries')
    clause = [trig]
    while clause[-1].dep_ == "xcomp" and clause[-1].head.i != clause[-1].i:
        clause.append(clause[-1].head)
    own = ("poss",) if trig.pos_ in ("NOUN", "PROPN") else ("nsubj", "nsubjpass")
    owners = [c for t in clause for c in t.children if c.dep_ in own]
    owners += [t.head for t in clause if t.dep_ == "relcl" and any(o.tag_ in RELATIVE_TAGS for o in owners)]
    owners += [g for c in trig.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
               for g in c.children if g.dep_ == "pobj"]
    return not any(o.idx <= e.start < o.idx + len(o.text) or e.start <= o.idx < e.end
                   for o in owners for e in claimants)


def _existential_named(trig: Token, rec: list[Entity]) -> bool:
    """Unless the trigger's only object is a clause 'that there is …' ('recognises that there is but one China'),
    True; else whether what it says there is names each state recognised (not 'that there is a problem in
    Kosovo')."""
    if any(c.dep_ in ("dobj", "nsubjpass", "appos", "agent") for c in trig.children):
        return True
    there = [g for c in trig.children if c.dep_ == "ccomp" and any(e.dep_ == "expl" for e in c.children)
             for g in c.children if g.dep_ == "attr"]
    if not there:
        return True
    return all(any(a.idx <= r.start < a.idx + len(a.text) for a in there) for r in rec)


def _recognised_as_capital(trig: Token) -> bool:
    """Whether the trigger recognises something as a capital ('recognized Jerusalem as the capital of Israel')."""
    return any(g.lemma_.lower() == "capital" for c in trig.children if c.dep_ == "prep" and c.lower_ == "as"
               for g in c.children if g.dep_ == "pobj")


def _claim_object(trig: Token, nouns: frozenset[str]) -> bool:
    """Whether what the trigger recognises is a claim over a territory ('recognised Ruritania's sovereignty over the
    islands', 'the recognition of its claim to the region'): its object (or 'of' object) is one of ``nouns`` with
    an 'over' or 'to' phrase."""
    objects = [c for c in trig.children if c.dep_ == "dobj"]
    objects += [g for c in trig.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]
    return any(
        o.lemma_.lower() in nouns and any(c.dep_ == "prep" and c.lower_ in ("over", "to") for c in o.children)
        for o in objects
    )


def _counted_subject(trig: Token, nouns: frozenset[str]) -> bool:
    """Whether the trigger's clause has an approximate count of states as its subject ('Over 110 countries,
    including …, have recognised', 'more than 80 states recognise', 'most countries switched'), or is a present
    relative clause on a counted one ('the 13 states that recognise it'), or a count in the present passive's agent
    ('is recognised by 12 states'): a tally, no act of anyone the text does not name (the states it names act:
    :func:`eventex.linking.tallies.names_member`)."""
    clause = clause_chain(trig)[-1]
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in RELATIVE_WORDS and clause.tag_ in ("VBP", "VBZ") and subj.i > 0:
        # 'only 13 states (left) that recognise it': a present relative clause on a counted noun describes the
        # count, exact or not (the antecedent: the word before the pronoun, or the noun whose participle that is;
        # the parser may hang the clause elsewhere)
        noun = subj.doc[subj.i - 1]
        while noun.dep_ == "acl" and noun.head.i != noun.i:
            noun = noun.head
        return noun.lemma_.lower() in nouns and any(c.dep_ == "nummod" for c in noun.children)
    if _present_passive(clause) and any(
        p.dep_ == "pobj" and p.lemma_.lower() in nouns and any(c.dep_ == "nummod" for c in p.children)
        for a in clause.children if a.dep_ == "agent" for p in a.children
    ):
        return True  # 'X is recognised by more than 100 countries, including A and B': a tally, in the passive
    if subj is None or subj.lemma_.lower() not in nouns:
        return False
    if any(c.lower_ in VAGUE_QUANTIFIERS for c in subj.children if c.dep_ in ("amod", "det", "advmod")):
        return True  # 'most countries, including the US, switched recognition to Beijing'
    counts = [c for c in subj.children if c.dep_ == "nummod"]
    return any(m.dep_ in ("quantmod", "advmod") for c in counts for m in c.children)


def _present_passive(verb: Token) -> bool:
    """Whether a verb is in the simple present passive ('is recognised', not 'has been' or 'was')."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in aux) and len(aux) == 1


RELATIVE_WORDS = frozenset({"that", "which"})
"""Relative pronouns that stand for a counted antecedent in :func:`_counted_subject`."""


ACCEPT: dict[str, AcceptRule] = {
    "visit": accept_visit,
    "arms_sale": accept_arms_sale,
    "energy_investment": accept_energy_investment,
    "recognition": accept_recognition,
}
"""The acceptance rule of each event type."""
