"""The rule engine: find triggers, fill roles along dependency paths, infer implicit fillers, merge."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventex.linking.merge import merge_events
from eventex.linking.paths import dep_path, tree_distance
from eventex.linking.rules import Cooperation, Frame, Rules
from eventex.linking.status import StatusRules
from eventex.schema import CORE_ROLES, EVENT_CLASSES, Entity, Span, event_roles
from eventex.stages.document import Document
from eventex.stages.normalize import time_expression

STATE_LABELS = {"GPE", "NORP"}
RELATIVE_PRONOUNS = {"which", "that", "who", "whom"}
STATE_ROLES = ("seller", "buyer", "recognizer", "recognized", "host_country")
ANAPHOR_NOUNS = {"country", "state", "government", "side", "nation", "capital", "island", "republic",
                 "province", "provinces", "regions", "republics", "states", "countries", "region", "territory",
                 "territories", "enclave", "enclaves"}
ANAPHOR_DETS = {"the", "this", "these", "that", "those", "both", "its"}
HOST_DISTANCE = 3  # tree edges from the trigger to an implicit host country when no asset is named
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "both": 2}


class Mentions(list):
    """The usable mentions with their spaCy spans, in text order, indexed by sentence (no quadratic scans)."""

    LOOKBACK = 400  # mentions searched backwards for antecedents and earlier state mentions

    def __init__(self, items) -> None:
        super().__init__(sorted(items, key=lambda es: es[1].start))
        self._by_sentence: dict[int, list[tuple[Entity, SpacySpan]]] = defaultdict(list)
        for e, s in self:
            self._by_sentence[s.sent.start].append((e, s))
        self._starts = [s.start for _, s in self]

    def in_sentence(self, sentence_start: int) -> list[tuple[Entity, SpacySpan]]:
        """Mentions of the sentence starting at token ``sentence_start``."""
        return self._by_sentence.get(sentence_start, [])

    def before(self, token_i: int) -> list[tuple[Entity, SpacySpan]]:
        """The mentions starting before token ``token_i`` (at most LOOKBACK of them, the nearest)."""
        k = bisect.bisect_left(self._starts, token_i)
        return self[max(0, k - self.LOOKBACK) : k]


@dataclass
class Candidate:
    """An event found in one sentence, before merging."""

    type: str
    trigger: Span
    trigger_token: Token
    frame: str
    status: str
    strength: float
    sentence: SpacySpan
    fillers: dict[str, list[Entity]] = field(default_factory=dict)
    fallback_used: bool = False
    date: Entity | None = None


class Linker:
    """Turns a document's entities and parse into typed events."""

    def __init__(self, rules: Rules | None = None, status: StatusRules | None = None) -> None:
        self.rules = rules or Rules.load()
        self.status_rules = status or StatusRules()
        self._matchers: dict[int, Matcher] = {}

    # -- triggers ------------------------------------------------------------------------------------------
    def _phrase_matcher(self, doc: Doc) -> Matcher:
        key = id(doc.vocab)
        if key not in self._matchers:
            m = Matcher(doc.vocab)
            for etype, lex in self.rules.lexicons.items():
                for phrase in lex.phrases:
                    words = re.findall(r"\w+|[^\w\s]", phrase.lower())
                    m.add(f"{etype}|{phrase}", [[{"LOWER": w} for w in words], [{"LEMMA": w} for w in words]])
            self._matchers[key] = m
        return self._matchers[key]

    def triggers(self, doc: Doc) -> list[tuple[str, str, float, int, int, Token]]:
        """(type, frame, strength, start_token, end_token, head_token) for every trigger match."""
        found = []
        phrase_tokens: set[int] = set()
        for match_id, start, end in self._phrase_matcher(doc)(doc):
            etype, phrase = doc.vocab.strings[match_id].split("|", 1)
            lex = self.rules.lexicons[etype]
            span = doc[start:end]
            found.append((etype, lex.phrases[phrase], 0.85, start, end, span.root))
            phrase_tokens.update(range(start, end))
        for tok in doc:
            lemma = tok.lemma_.lower()
            for etype, lex in self.rules.lexicons.items():
                if tok.pos_ in ("VERB", "AUX") and lemma in lex.verbs:
                    if lemma in lex.verb_objects and not _has_object(tok, lex.verb_objects[lemma]):
                        continue
                    frame = lex.verbs[lemma]
                elif tok.pos_ in ("NOUN", "PROPN") and (lemma in lex.nouns or tok.lower_ in lex.nouns):
                    frame = lex.nouns.get(lemma) or lex.nouns[tok.lower_]
                else:
                    continue
                if tok.i in phrase_tokens and any(f[0] == etype and f[3] <= tok.i < f[4] for f in found):
                    continue
                found.append((etype, frame, lex.strength.get(lemma, 0.5), tok.i, tok.i + 1, tok))
        return found

    # -- the stage -----------------------------------------------------------------------------------------
    def __call__(self, document: Document) -> Document:
        doc = document.doc
        assert doc is not None, "the document stage must run first"
        cited = [(c.start, c.end) for c in document.citations]
        parens = [(m.start(), m.end()) for m in re.finditer(r"\((?:[^()]|\([^()]*\))*\)", document.text)]
        usable = [
            e for e in document.entities
            if not _inside(e, cited) and not (e.label == "DATE" and _inside(e, parens))
        ]
        by_token: dict[int, Entity] = {}
        spans: dict[int, SpacySpan] = {}
        for idx, e in enumerate(usable):
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            spans[idx] = span
            for t in span:
                by_token.setdefault(t.i, e)
        ent_spans = Mentions((usable[i], s) for i, s in spans.items())
        dominant = self._dominant_state(document.entities)
        candidates: list[Candidate] = []
        for etype, frame_name, strength, start, end, head in self.triggers(doc):
            inside = by_token.get(head.i)
            if inside is not None and inside.label not in ("WEAPON", "ENERGY_ASSET"):
                continue  # 'Consortium' in 'the Russian Consortium for Venezuela' names an organisation
            if _passive(head) and f"{frame_name}_passive" in self.rules.frames:
                frame_name = f"{frame_name}_passive"
            frame = self.rules.frames[frame_name]
            trig_span = doc[start:end]
            cand = Candidate(
                type=etype,
                trigger=Span(text=trig_span.text, start=trig_span.start_char, end=trig_span.end_char),
                trigger_token=head, frame=frame_name, status="actual", strength=strength, sentence=head.sent,
            )
            cand.status, _ = self.status_rules.status(head)
            cand.status = self.rules.lexicons[etype].frame_status.get(frame_name, cand.status)
            coop = self.rules.lexicons[etype].cooperation
            if coop is not None and frame_name == coop.frame:
                self._partners(cand, coop, ent_spans, document, by_token)
            else:
                self._fill(cand, frame, ent_spans, document, by_token, trig_span)
            self._implicit(cand, document, ent_spans, dominant)
            self._tidy_roles(cand, ent_spans)
            if self._acceptable(cand, trig_span, by_token):
                cand.date = self._date(cand, ent_spans)
                candidates.append(cand)
        document.events = merge_events(self._to_events(candidates, document), self.status_rules.precedence)
        return document

    # -- role filling --------------------------------------------------------------------------------------
    def _fill(self, cand: Candidate, frame: Frame, ent_spans, document: Document, by_token, trig_span) -> None:
        sent = cand.sentence
        trig = cand.trigger_token
        in_sent = ent_spans.in_sentence(sent.start)
        in_sent = [(e, s) for e, s in in_sent if not (s.start < trig_span.end and trig_span.start < s.end)
                   or e.label in ("WEAPON", "ENERGY_ASSET")]
        paths = {id(e): dep_path(trig, s.root) for e, s in in_sent}
        if trig.dep_ == "relcl":  # 'Algeria, which recognized …': the pronoun's antecedent takes its relation
            rel = next((c for c in trig.children if c.lower_ in RELATIVE_PRONOUNS), None)
            for e, s in in_sent:
                if rel is not None and s.start <= trig.head.i < s.end:
                    paths[id(e)] = rel.dep_
        anaphors = self._anaphors(sent, by_token)
        used: set[int] = set()
        many = event_roles(cand.type)
        for role, rules in frame.roles.items():
            prefer = self.rules.lexicons[cand.type].relations_ids if role == "recognized" else frozenset()
            for rule in rules:
                hits = [
                    (e, s) for e, s in in_sent
                    if id(e) not in used and e.label in rule.labels and paths[id(e)] is not None
                    and rule.regex.fullmatch(paths[id(e)])
                ]
                taken = {k for v in cand.fillers.values() for x in v for k in (x.id, x.canonical) if k}
                hits += [
                    (e, s)
                    for e, s in self._resolve_anaphors(anaphors, trig, rule, document, ent_spans, taken, prefer)
                    if id(e) not in used
                ]
                if hits:
                    hits.sort(key=lambda es: (tree_distance(trig, es[1].root), es[1].start))
                    chosen = hits if many[role] else hits[:1]
                    if many[role]:
                        chosen = sorted(chosen, key=lambda es: es[1].start)
                    cand.fillers[role] = [e for e, _ in chosen]
                    used.update(id(e) for e, _ in chosen)
                    break
        # the trigger phrase itself may name the weapon or asset ("arms sales")
        for e, s in in_sent:
            if s.start < trig_span.end and trig_span.start < s.end:
                for role in ("weapon", "asset"):
                    if role in many and role not in cand.fillers:
                        want = "WEAPON" if role == "weapon" else "ENERGY_ASSET"
                        if e.label == want:
                            cand.fillers[role] = [e]
                            used.add(id(e))
        agent_role, other_role = CORE_ROLES[cand.type]
        home = {x for a in cand.fillers.get(agent_role, []) for x in (a.id, a.affiliation) if x}
        for role, fb in frame.fallback.items():
            if cand.fillers.get(role):
                continue
            pool = [
                (e, s) for e, s in in_sent
                if id(e) not in used and e.label in fb.labels and not (role == other_role and e.id in home)
                and (fb.side == "any" or (fb.side == "left") == (s.start < trig.i))
                and tree_distance(trig, s.root) <= fb.max_distance
            ]
            if pool:
                e, s = min(pool, key=lambda es: abs(es[1].start - trig.i))
                cand.fillers[role] = [e]
                used.add(id(e))
                cand.fallback_used = True

    def _partners(self, cand: Candidate, coop: Cooperation, ent_spans, document: Document, by_token) -> None:
        """Seller and buyer of a two-partner trigger: the first two states named around it, by export rank.

        Looked for, in this order, along the trigger's clause (:func:`_clause_chain`): subjects, 'with' and
        'between' objects, possessors and modifiers, direct objects, then an 'in' place; coordinated mentions
        count, people stand for their state, and 'the two sides' resolves to the two states before it.
        """
        trig = cand.trigger_token
        chain = _clause_chain(trig)
        slots: list[list[Token]] = [[], [], [], [], []]
        for node in chain:
            for c in node.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    slots[0].append(c)
                elif c.dep_ == "prep" and c.lower_ in ("with", "between", "in"):
                    slot = 4 if c.lower_ == "in" else 1
                    slots[slot] += [g for g in c.children if g.dep_ == "pobj"]
                elif node is trig and c.dep_ in ("poss", "amod", "compound"):
                    slots[2].append(c)
                elif c.dep_ == "dobj" and node.pos_ == "VERB":
                    slots[3].append(c)
        partners: dict[str, Entity] = {}
        for tok in (t for slot in slots for head in slot for t in (head, *head.conjuncts)):
            if tok.i in by_token:
                mentions = [by_token[tok.i]]
            elif tok.lemma_.lower() in ANAPHOR_NOUNS:  # 'the two sides': the last states named before, in the paragraph
                n, seen, mentions = _how_many(tok), set(), []
                for e, _ in reversed(ent_spans.before(tok.i)):
                    if "\n\n" in document.text[e.end : tok.idx] or len(seen) >= n:
                        break
                    if (key := _state_key(e)) and key not in seen:
                        seen.add(key)
                        mentions.append(e.model_copy(update={"implicit": True}))
            else:
                continue
            for e in mentions:
                if (key := _state_key(e)) and len(partners) < 2:
                    partners.setdefault(key, e)
        if len(partners) == 2 and (order := coop.seller_first(*partners)):
            cand.fillers["seller"], cand.fillers["buyer"] = [partners[order[0]]], [partners[order[1]]]

    def _anaphors(self, sent: SpacySpan, by_token) -> list[tuple[Token, str, int]]:
        """Pronouns, 'there' and definite descriptions in a sentence: (token, kind, how many)."""
        out = []
        for t in sent:
            if t.i in by_token:
                continue
            low = t.lower_
            if t.pos_ == "PRON" and low in ("he", "she", "him", "her", "his"):
                out.append((t, "PERSON", 1))
            elif (t.pos_ == "PRON" and low in ("it", "they", "them")) or (low == "there" and t.dep_ == "advmod"):
                out.append((t, "STATE", 1))
            elif t.pos_ == "NOUN" and low in ANAPHOR_NOUNS:
                dets = [c for c in t.children if c.lower_ in ANAPHOR_DETS]
                named = any(c.dep_ in ("compound", "amod") and c.i in by_token for c in t.children) or any(
                    g.i in by_token for c in t.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
                )  # 'the state of Palestine' names its referent
                if dets and not named:
                    out.append((t, "STATE", _how_many(t)))
        return out

    def _resolve_anaphors(self, anaphors, trig: Token, rule, document: Document, ent_spans, taken: set[str],
                          prefer: frozenset[str] = frozenset()):
        """Antecedent mentions (as implicit fillers) for anaphors whose path matches the rule.

        With ``prefer`` (ids of would-be states, for 'recognized'), 'the new state' goes back to one of those.
        """
        out = []
        for tok, kind, n in anaphors:
            path = dep_path(trig, tok)
            if path is None or not rule.regex.fullmatch(path):
                continue
            labels = {"PERSON"} if kind == "PERSON" else {"GPE"} & rule.labels or {"GPE"}
            if not labels & rule.labels:
                continue
            if kind == "PERSON":  # 'During his tour …, Dmitry Medvedev said': the clause's subject comes first
                subj = [
                    (e, s) for e, s in ent_spans.in_sentence(tok.sent.start)
                    if e.label == "PERSON" and s.root.dep_ == "nsubj"
                    and s.root.head.i == tok.sent.root.i
                ]
                if subj:
                    out.append((subj[0][0].model_copy(update={"implicit": True}), subj[0][1]))
                    continue
            prior = [
                (e, s) for e, s in ent_spans.before(tok.i)
                if s.end <= tok.i and e.label in labels and (kind == "PERSON" or e.id)
                and (e.id or e.canonical) not in taken
                and document.text[e.end : tok.idx].count("\n\n") <= 1
            ]
            if kind != "PERSON" and n == 1:
                prior = [(e, s) for e, s in prior if not self._is_subject_of(s, tok)]
            if kind != "PERSON" and any(e.id in prefer for e, _ in prior):
                prior = [(e, s) for e, s in prior if e.id in prefer]
            picked: list[tuple[Entity, SpacySpan]] = []
            seen: set[str] = set()
            for e, s in reversed(prior):
                key = e.id or e.canonical or e.text
                if key in seen:
                    continue
                seen.add(key)
                picked.append((e, s))
                if len(picked) == n:
                    break
            out.extend((e.model_copy(update={"implicit": True}), s) for e, s in reversed(picked))
        return out

    @staticmethod
    def _is_subject_of(span: SpacySpan, tok: Token) -> bool:
        return span.root.head.i == tok.head.i and span.root.dep_ == "nsubj" and tok.dep_ != "nsubj"

    # -- implicit fillers ------------------------------------------------------------------------------------
    @staticmethod
    def _dominant_state(entities: list[Entity]) -> str | None:
        counts = Counter(e.id for e in entities if e.id and e.label in ("GPE", "NORP", "ORG"))
        return counts.most_common(1)[0][0] if counts else None

    def _state_mention(self, iso: str, near: Token, ent_spans) -> Entity | None:
        """A mention of state ``iso``: in the sentence of ``near`` if possible, else the closest before it."""
        same = [e for e, s in ent_spans.in_sentence(near.sent.start) if e.id == iso]
        if same:
            return same[0]
        before = [e for e, s in ent_spans.before(near.i) if e.id == iso]
        return before[-1] if before else None

    def _implicit(self, cand: Candidate, document: Document, ent_spans, dominant: str | None) -> None:
        f = cand.fillers
        trig = cand.trigger_token
        if cand.frame.startswith("host") and f.get("host") and not f.get("destination"):
            host = f["host"][0]
            visitor = (f.get("visitor") or [None])[0]
            away = {visitor.id, visitor.affiliation} - {None} if visitor else set()
            iso = host.id if host.label in STATE_LABELS else host.affiliation
            src = self._state_mention(iso, trig, ent_spans) if iso else self._nearby_state(cand, ent_spans, away)
            if src is None and dominant and dominant not in away:
                src = self._state_mention(dominant, trig, ent_spans)
            if src is not None:
                f["destination"] = [src.model_copy(update={"implicit": True})]
        if cand.type == "arms_sale" and not f.get("seller") and f.get("weapon"):
            w = f["weapon"][0]
            mod = [
                e for e, s in ent_spans.in_sentence(cand.sentence.start)
                if e.label in STATE_LABELS and e.id and 0 < w.start - e.end <= 2
            ]
            if mod:
                f["seller"] = [mod[-1].model_copy(update={"implicit": True})]
            elif dominant and f.get("buyer") and all(b.id != dominant for b in f["buyer"]):
                src = self._state_mention(dominant, trig, ent_spans)
                if src is not None:
                    f["seller"] = [src.model_copy(update={"implicit": True})]
        if cand.type == "energy_investment" and not f.get("host_country"):
            named = (f.get("asset") or [None])[0]
            asset = next((s for e, s in ent_spans.in_sentence(cand.sentence.start) if named and e == named), None)
            investor = (f.get("investor") or [None])[0]
            near = [
                (e, s) for e, s in ent_spans.in_sentence(cand.sentence.start)
                if e.label in ("GPE", "NORP") and e.id
                and (investor is None or e.id not in (investor.id, investor.affiliation))
            ]
            anchor = asset.root if asset is not None else trig  # 'its purchase of a stake in Belarusian …'
            near = [(e, s) for e, s in near if asset is not None or tree_distance(trig, s.root) <= HOST_DISTANCE]
            if near:
                e, _ = min(near, key=lambda es: (tree_distance(anchor, es[1].root), -es[1].start))
                f["host_country"] = [e.model_copy(update={"implicit": True})]

    def _tidy_roles(self, cand: Candidate, ent_spans) -> None:
        """People in state-only roles stand for their state; no filler fills both core roles; sellers sell."""
        f = cand.fillers
        for role in STATE_ROLES:
            for k, e in enumerate(f.get(role, [])):
                if e.label != "PERSON":
                    continue
                if e.affiliation:
                    src = self._state_mention(e.affiliation, cand.trigger_token, ent_spans)
                    f[role][k] = (src or e).model_copy(
                        update={"implicit": True, "id": e.affiliation, "canonical": src.canonical if src else None}
                    )
                    continue
                used = {x.id for r, v in f.items() if r != role for x in v if x.id}
                state = self._nearby_state(cand, ent_spans, used) if role == "recognizer" else None
                if state is not None:  # a leader recognises on behalf of the state at hand
                    f[role][k] = state.model_copy(update={"implicit": True})
        if f.get("host_country") and not f["host_country"][0].id:  # a city or province: its state
            investor = (f.get("investor") or [None])[0]
            exclude = {investor.id, investor.affiliation} if investor else set()
            state = self._nearby_state(cand, ent_spans, exclude)
            if state is not None:
                place = f["host_country"][0]
                f["host_country"] = [place.model_copy(update={"id": state.id, "canonical": state.canonical})]
        dests = f.get("destination", [])
        if dests and not any(d.id for d in dests):  # 'visited Benghazi': the city's state, from the context
            visitor = (f.get("visitor") or [None])[0]
            exclude = {visitor.id, visitor.affiliation} if visitor else set()
            state = self._nearby_state(cand, ent_spans, exclude)
            if state is not None:
                f["destination"] = [
                    d.model_copy(update={"id": state.id, "canonical": state.canonical}) if d.label == "GPE" else d
                    for d in dests
                ]
        agent, other = CORE_ROLES[cand.type]
        keys = {x.id or x.text for x in f.get(agent, [])}
        if f.get(other):
            f[other] = [x for x in f[other] if (x.id or x.text) not in keys]
        lex = self.rules.lexicons[cand.type]
        if cand.type == "arms_sale" and f.get("seller") and f.get("buyer"):
            seller, buyer = f["seller"][0], f["buyer"][0]
            if lex.is_arms_exporter(buyer.text) and not lex.is_arms_exporter(seller.text):
                f["seller"], f["buyer"] = [buyer], [seller]

    @staticmethod
    def _nearby_state(cand: Candidate, ent_spans, exclude: set) -> Entity | None:
        """A state mention in the trigger's sentence, else the closest one before it in its paragraph."""
        def is_state(e: Entity) -> bool:
            return bool(e.id) and e.label in ("GPE", "NORP") and e.id not in exclude

        same = [e for e, s in ent_spans.in_sentence(cand.sentence.start) if is_state(e)]
        if same:
            return same[0]
        before = [(e, s) for e, s in ent_spans.before(cand.sentence.start) if is_state(e)]
        if before and "\n\n" not in cand.sentence.doc.text[before[-1][0].end : cand.sentence.start_char]:
            return before[-1][0]
        return None

    # -- acceptance ------------------------------------------------------------------------------------------
    def _acceptable(self, cand: Candidate, trig_span: SpacySpan, by_token) -> bool:
        f = cand.fillers
        lex = self.rules.lexicons[cand.type]
        if not all(f.get(role) for role in CORE_ROLES[cand.type]):
            return False  # an event names both its core participants (explicitly or implicitly)
        if self.status_rules.hypothetical(cand.trigger_token):
            return False
        coop = lex.cooperation
        if coop is not None and cand.frame == coop.frame:
            if not _specific(cand.trigger_token, coop):
                return False
        elif lex.requires == "WEAPON" and not f.get("weapon"):
            return False
        if lex.requires == "ENERGY_ASSET" and not f.get("asset"):
            investor = (f.get("investor") or [None])[0]
            if investor is None or investor.label != "ORG" or not lex.is_energy_company(investor.text):
                return False
        if cand.type == "visit":
            if not f.get("visitor") or not (f.get("destination") or f.get("host")):
                return False
            trig = cand.trigger_token
            heads = [c for c in trig.children if c.dep_ in ("nsubj", "nsubjpass", "poss")]
            if trig.pos_ == "NOUN" and trig.dep_ in ("nsubj", "nsubjpass"):
                heads.append(trig.head)
            gov = trig.head.head if trig.dep_ == "pobj" else trig.head if trig.dep_ == "dobj" else None
            if trig.pos_ == "NOUN" and gov is not None and lex.verbs.get(gov.lemma_.lower(), "").startswith("host"):
                return False  # 'hosted Xi for a state visit': the host verb's own event says who travelled
            if any(h.lemma_.lower() in lex.non_official for h in heads) or any(
                c.lemma_.lower() in lex.non_official for c in trig.children if c.dep_ in ("compound", "amod")
            ):
                return False  # tourists, warships and cargoes travel without a visit
            visitor = (f.get("visitor") or [None])[0]
            if visitor is not None and set(visitor.text.lower().split()) & lex.non_official:
                return False  # 'a Black Sea Fleet visit' is a port call
            home = visitor and (visitor.id or visitor.affiliation)
            dests = f.get("destination", [])
            if home and dests and all(d.id == home for d in dests):
                return False  # a trip at home is not a foreign visit
        if cand.type == "arms_sale" and not (f.get("buyer") or f.get("seller")):
            return False
        if cand.type == "arms_sale" and not f.get("buyer") and cand.trigger_token.pos_ == "NOUN":
            return False  # a nominal sale with no buyer is a generic statement
        if cand.type == "energy_investment":
            if not (f.get("investor") or f.get("host_country")):
                return False
            inv, host = (f.get("investor") or [None])[0], (f.get("host_country") or [None])[0]
            if inv and host and (inv.id or inv.affiliation) == host.id:
                return False  # domestic investment
        if cand.type == "recognition":
            rec = f.get("recognized", [])
            if not rec or not f.get("recognizer"):
                return False
            if cand.frame == "relations" and not any(r.id in lex.relations_ids for r in rec):
                return False
            if not all(r.id for r in rec):
                return False  # only states and would-be states are recognised
        return True

    def _date(self, cand: Candidate, ent_spans) -> Entity | None:
        dates = [
            (tree_distance(cand.trigger_token, s.root), e) for e, s in ent_spans.in_sentence(cand.sentence.start)
            if e.label == "DATE"
        ]
        dates = [(d, e) for d, e in dates if d <= 5]
        return min(dates, key=lambda de: de[0])[1] if dates else None

    # -- output ----------------------------------------------------------------------------------------------
    def _to_events(self, cands: list[Candidate], document: Document):
        events = []
        text = document.text
        for n, c in enumerate(cands):
            s0, s1 = c.sentence.start_char, c.sentence.end_char
            while s0 < s1 and text[s0].isspace():
                s0 += 1
            while s1 > s0 and text[s1 - 1].isspace():
                s1 -= 1
            evidence = Span(text=text[s0:s1], start=s0, end=s1)
            conf = c.strength * (0.8 if c.fallback_used else 1.0)
            if any(e.implicit for v in c.fillers.values() for e in v):
                conf *= 0.9
            roles = event_roles(c.type)
            values = {r: (v if roles[r] else v[0]) for r, v in c.fillers.items() if v and r in roles}
            sources = [cit for cit in document.citations if s0 <= cit.start < s1 + 3]
            date = time_expression(text, c.date.start, c.date.end, document.published) if c.date else None
            events.append(
                EVENT_CLASSES[c.type](
                    id=f"{c.type}-{n + 1}", trigger=c.trigger, status=c.status, confidence=round(conf, 3),
                    evidence=[evidence], date=date, sources=sources, **values,
                )
            )
        return events


def _inside(ent: Entity, intervals: list[tuple[int, int]]) -> bool:
    """Whether ``ent`` lies within one of the sorted, non-overlapping ``intervals``."""
    k = bisect.bisect_right(intervals, (ent.start, float("inf"))) - 1
    return k >= 0 and ent.end <= intervals[k][1]


def _how_many(noun: Token) -> int:
    """How many referents a definite description names ('the two sides': 2; 'the country': 1)."""
    return max([NUMBER_WORDS.get(c.lower_, 1) for c in noun.children] + [1])


def _state_key(e: Entity) -> str | None:
    """The state a mention names or acts for."""
    return e.id if e.label in ("GPE", "NORP", "ORG") and e.id else e.affiliation


def _clause_chain(tok: Token, limit: int = 10) -> list[Token]:
    """``tok`` and its heads up to the first verb with a subject of its own (the clause that states it)."""
    chain = [tok]
    while len(chain) < limit and tok.dep_ != "ROOT":
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            break
        tok = tok.head
        chain.append(tok)
    return chain


def _specific(trig: Token, coop: Cooperation) -> bool:
    """Whether something specific is said of a cooperation trigger (a cue on it or on its clause, no blocker)."""
    mods = {c.lower_ for c in trig.children if c.dep_ in ("amod", "compound")}
    governor = trig.head.head if trig.dep_ == "pobj" else None  # 'the commission on military-technical …'
    if mods & coop.blockers or (governor is not None and governor.lemma_.lower() in coop.blockers):
        return False
    above = _clause_chain(trig)[1:]
    words = mods | {t.lemma_.lower() for t in above} | {t.lower_ for t in above}
    return bool(words & coop.cues)


def _passive(verb: Token) -> bool:
    """A verb in the passive: 'was received by', 'helicopters ordered by Peru'."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and any(c.dep_ == "agent" for c in verb.children)


def _has_object(verb: Token, lemmas: list[str]) -> bool:
    """Whether a verb has an object among ``lemmas`` ("*": any object; "@in": an 'in' phrase)."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and ("*" in lemmas or c.lemma_.lower() in lemmas):
            return True
        if c.dep_ in ("prep", "agent") and f"@{c.lower_}" in lemmas:
            return True
        if c.dep_ == "prt" and any(g.dep_ == "dobj" and g.lemma_.lower() in lemmas for g in verb.children):
            return True
    return False
