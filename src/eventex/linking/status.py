"""Event status from the cues that govern a trigger (rules in ``status.toml``)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from eventex.linking.sources import Attribution, hearsay
from eventex.resources import read_toml

_NUMERAL_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
"""An ordinal written in figures ('the 110th country to recognise …')."""
_CHILD_DEPS = {"aux", "auxpass", "neg", "advmod", "mark", "amod", "det"}


class StatusRules:
    """Applies the cue lexicons and the precedence rule."""

    def __init__(self) -> None:
        spec = read_toml("status.toml")
        self.precedence: list[str] = spec["precedence"]
        self.max_climb: int = spec["max_climb"]
        self.cues: dict[str, set[str]] = {k: set(v["lemmas"]) for k, v in spec["cues"].items()}
        self.verb_only: set[str] = {w for v in spec["cues"].values() for w in v.get("verb_only", [])}
        self.attempts: set[str] = set(spec["cues"]["negated"].get("attempts", []))
        self.object_only: set[str] = set(spec["cues"]["negated"].get("object_only", []))
        self.noun_only: set[str] = {w for v in spec["cues"].values() for w in v.get("noun_only", [])}
        self.rights: set[str] = set(spec["cues"]["negated"].get("rights", []))
        self.won: set[str] = set(spec["cues"]["proposed"].get("won", []))
        self.lifted: set[str] = set(spec["cues"]["negated"].get("lifted", []))
        self.undisclosed: set[str] = set(spec["cues"]["negated"].get("undisclosed", []))
        self.cues["negated"] |= set(spec["cues"]["negated"].get("phrases", []))
        self.be_to_have: str | None = spec["cues"]["planned"].get("be_to_have")
        self.be_to: bool = spec["cues"]["planned"].get("be_to", False)
        self.accepting: set[str] = set(spec["cues"]["planned"].get("accepting", []))
        self.continuing: set[str] = set(spec["cues"]["planned"].get("continuing", []))
        self.proposal_objects: set[str] = set(spec["cues"]["proposed"].get("objects", []))
        self.factual_marks: set[str] = set(spec["factual_marks"])
        self.factual_preps: set[str] = set(spec["factual_preps"])
        meetings = spec.get("meeting_places", {})
        self.meeting_preps: frozenset[str] = frozenset(meetings.get("prepositions", []))
        self.meeting_nouns: frozenset[str] = frozenset(meetings.get("nouns", []))
        self.hypothetical_marks: set[str] = set(spec["hypothetical_marks"])
        self.habitual_marks: set[str] = set(spec.get("habitual_marks", []))
        self.infinitive: str | None = spec.get("infinitive_status")
        self.factual_infinitive_heads: set[str] = set(spec.get("factual_infinitive_heads", []))
        self.superlative_ranks: set[str] = set(spec.get("superlative_ranks", []))
        trips = spec.get("made_trips", {})
        self.trip_verbs: frozenset[str] = frozenset(trips.get("verbs", []))
        self.trip_purposes: frozenset[str] = frozenset(trips.get("purposes", []))
        tours = spec.get("future_tours", {})
        self.tour_legs: frozenset[str] = frozenset(tours.get("legs", []))
        self.tour_clause_verbs: frozenset[str] = frozenset(tours.get("verbs", []))
        decided = spec.get("decided_acts", {})
        self.deciding: frozenset[str] = frozenset(decided.get("heads", []))
        self.decided_verbs: frozenset[str] = frozenset(decided.get("verbs", []))
        deals = spec.get("signed_deals", {})
        self.signing_verbs: set[str] = set(deals.get("verbs", []))
        self.deal_objects: set[str] = set(deals.get("objects", []))
        self.deal_nouns: set[str] = set(spec.get("signed_deal_nouns", []))
        self.enabling_verbs: set[str] = set(deals.get("enabling", []))
        self.financing_objects: set[str] = set(deals.get("financing", []))
        self.deal_objects |= self.financing_objects
        self.helping_verbs: frozenset[str] = frozenset(spec.get("helping_verbs", []))
        self.void_phrasals: set[str] = set(spec.get("void_phrasals", []))
        self.not_self_cues: set[str] = set(spec.get("not_self_cues", []))
        approvals = spec.get("approved_sales", {})
        self.approving_verbs: frozenset[str] = frozenset(approvals.get("verbs", []))
        self.approved_nouns: frozenset[str] = frozenset(approvals.get("triggers", []))
        self.approved_infinitives: frozenset[str] = frozenset(approvals.get("infinitives", []))
        stakes = spec.get("stake_senses", {})
        self.stake_nouns: frozenset[str] = frozenset(stakes.get("nouns", []))
        self.stake_modifiers: frozenset[str] = frozenset(stakes.get("modifiers", []))
        self.stake_verbs: frozenset[str] = frozenset(stakes.get("verbs", []))
        hedged = spec.get("hedged_remarks", {})
        self.hedge_modals: set[str] = set(hedged.get("modals", []))
        self.remark_verbs: set[str] = set(hedged.get("verbs", []))
        self.group_preps: set[str] = set(spec.get("group_preps", []))
        self.infinitive_only: set[str] = {w for v in spec["cues"].values() for w in v.get("infinitive_only", [])}
        alleged = spec["cues"]["alleged"]
        self.cues["alleged"] |= set(alleged.get("reporting", []))
        self.sources = Attribution(alleged)

    def governing(self, trigger: Token) -> list[Token]:
        """The trigger, its ancestors (bounded), and their auxiliary/negation/adverb children (and negative pronoun
        subjects).

        Climbing stops at a relative clause or a temporal/causal subordinate clause: what such a clause
        states is asserted on its own ('…, as with Nicaragua when it recognized them'), except a present-tense
        'when' clause of a future main clause, whose future auxiliary it takes; likewise at the object of a
        temporal preposition ('during the visit').
        """
        chain = [trigger]
        future: list[Token] = []
        t = trigger
        steps = 0
        while steps < self.max_climb:
            if t.dep_ == "conj" and t.i != trigger.i and t.tag_ == "VB" and t.head.pos_ in ("VERB", "AUX") and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in t.children):
                # 'will attend the meeting and pay visits to A and B': a verb with no subject or auxiliary of its
                # own shares the auxiliaries of the verb it is coordinated with
                future = [c for c in t.head.children if c.dep_ == "aux"]
                break
            if t.head.i == t.i or (t.dep_ == "conj" and t.i != trigger.i):
                break
            if t.i != trigger.i and t.dep_ in ("relcl", "advcl", "ccomp") and t.head.pos_ in ("NOUN", "PROPN"):
                break
            if t.i == trigger.i and t.dep_ == "acl" and t.tag_ == "VBN" and t.head.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "agent" for c in t.children
            ):
                break  # 'the project, backed by Shell and Eni, is expected to …': a participle states its own fact
            if t.i == trigger.i and t.dep_ == "relcl" and t.head.pos_ in ("NOUN", "PROPN") and not any(
                (c.dep_ == "aux" and c.tag_ in ("MD", "TO")) or c.dep_ == "mark" for c in t.children
            ):
                break  # 'Egypt, which bought Rafales in 2015, is seeking more': the clause asserts its own tense
                # (not 'the charge that Kyiv had supplied …': a noun's content clause, parsed as relcl too)
            if any(self._factual(c) for c in t.children):
                if _future_time_clause(t):  # its tense is the main clause's, not its cues
                    future = [c for c in t.head.children if c.dep_ == "aux" and c.lower_ in FUTURE_AUX]
                break
            if t.dep_ == "pobj" and t.head.lower_ in self.factual_preps:
                break  # 'during his visit, the two sides were reported to …': the visit is presupposed
            if t.dep_ == "pobj" and t.head.lower_ in self.meeting_preps and t.lemma_.lower() in self.meeting_nouns:
                # 'discussed the ties in a meeting with …': the meeting is where it was said, no matter said; only
                # the tense above it counts ('will discuss it at a meeting')
                future = [c for c in t.head.head.children if c.dep_ == "aux" and c.lower_ in FUTURE_AUX]
                break
            if _across_paragraphs(t, t.head):
                break  # a headline or standfirst the parser ran on into the lede states its own status
            t = t.head
            chain.append(t)
            steps += t.dep_ != "prep"  # a preposition and its object are one step ('the deal for the acquisition')
        toks = list(chain)
        if trigger.dep_ == "conj" and trigger.pos_ == "VERB" and len(chain) > 1 and chain[1].pos_ == "VERB":
            toks.remove(chain[1])  # 'dropped Taipei and recognised Beijing': a coordinated verb is no cue
        negated = self.cues["negated"]
        for c in chain:  # and a negative subject ('none of these countries have recognised it')
            toks.extend(ch for ch in c.children if ch.dep_ in _CHILD_DEPS or (
                ch.dep_ in ("nsubj", "nsubjpass") and ch.lower_ in negated))
        return toks + future

    def _accepted(self, proposal: Token) -> bool:
        """Whether a proposal is accepted: 'accepted the invitation to …', 'an invitation to visit Quito, which he
        accepted' (a relative clause at the end of the proposal's phrase, wherever the parser attached it)."""
        if proposal.dep_ == "dobj" and proposal.head.lemma_.lower() in self.accepting:
            return True
        return any(t.dep_ == "relcl" and t.lemma_.lower() in self.accepting for t in proposal.subtree)

    def _signed_deal(self, trigger: Token) -> Token | None:
        """The signing verb whose contract the trigger's clause spells out ('signed a contract to build', 'a
        contract under which X will supply', 'signed an agreement on Monday to build', 'the contract was signed by X to
        supply', 'signed a deal worth $1bn to buy', 'the deal signed with X to develop', 'signed an agreement,
        authorising X to build', and the purpose of such a purpose), if any."""
        if trigger.pos_ != "VERB" or trigger.dep_ not in ("acl", "relcl", "xcomp", "advcl"):
            return None
        head = trigger.head
        # a loan or licence provides only for what its purpose infinitive states ('extended a loan to build the plant';
        # not 'a credit with which Venezuela will buy tanks': that purchase keeps its own tense)
        objects = self.deal_objects if _infinitive(trigger) else self.deal_objects - self.financing_objects
        if trigger.dep_ in ("xcomp", "advcl") and _infinitive(trigger) and head.pos_ == "VERB" and _infinitive(head):
            return self._signed_deal(head)  # 'signed an agreement to form a joint venture to set up a plant'
        if trigger.dep_ == "xcomp" and head.dep_ == "advcl" and head.lemma_.lower() in self.enabling_verbs:
            head = head.head  # 'signed an agreement with GMR, authorising the company to build …'
        if _infinitive(trigger) and head.dep_ == "acl" and head.lemma_.lower() in self.signing_verbs and (
            head.head.lemma_.lower() in objects
        ):
            return head  # 'the deal signed with Total to develop …'
        if head.lemma_.lower() in self.deal_nouns and any(
            g.lemma_.lower() in objects for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
        ):
            return head  # 'the inking of the deal with X to build …' (the purpose hung on the signing noun)
        for _ in range(2):  # 'signed a deal worth $1bn to buy': the purpose hung on the deal's value (or on 'worth')
            if head.lemma_.lower() in objects or not (
                head.dep_ in ("prep", "pobj", "npadvmod") or (head.dep_ == "amod" and head.lower_ == "worth")
            ):
                break
            head = head.head
        if head.lemma_.lower() in objects and head.dep_ == "pobj" and head.head.lower_ == "of":
            return self._signing_noun(head.head.head)  # 'the signing of a contract under which …'
        if head.lemma_.lower() in objects and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in self.signing_verbs for c in head.children
        ):
            return head  # a headline's 'India signs deal … to purchase' parsed as a noun 'signs' and a verb 'deal'
        if head.lemma_.lower() in objects and (
            head.dep_ in ("dobj", "nsubjpass") or (head.dep_ == "pobj" and head.head.lower_ == "into")
        ):
            head = head.head if head.dep_ != "pobj" else head.head.head  # 'entered into an agreement to build'
        elif not any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in objects for c in head.children):
            return None
        return head if head.pos_ == "VERB" and head.lemma_.lower() in self.signing_verbs else None

    def _signing_noun(self, head: Token) -> Token | None:
        """The signing noun that an 'of' phrase belongs to: its head, or the object of a verb the parser attached it
        to ('followed the signing on Tuesday of a contract')."""
        nouns = [head] + [c for c in head.children if c.dep_ == "dobj"] if head.pos_ == "VERB" else [head]
        return next((n for n in nouns if n.lemma_.lower() in self.deal_nouns), None)

    def _approved_sale(self, trigger: Token) -> Token | None:
        """The approving verb of a sale that a seller's government clears ('approved the sale of …', 'cleared the
        sale', 'Peru has been cleared to purchase …'), if any: an approval proposes the sale (GUIDELINES)."""
        head = trigger.head
        if trigger.dep_ == "dobj" and trigger.lemma_.lower() in self.approved_nouns:
            return head if head.lemma_.lower() in self.approving_verbs else None
        cleared = trigger.dep_ == "xcomp" and trigger.lemma_.lower() in self.approved_infinitives
        if cleared and _infinitive(trigger) and any(c.dep_ == "auxpass" for c in head.children):
            return head if head.lemma_.lower() in self.approving_verbs else None
        return None

    def _stake(self, noun: Token) -> bool:
        """Whether a cue noun names a stake held: a stake modifier or a number on it, or a stake verb's object."""
        return any(c.lower_ in self.stake_modifiers or c.dep_ == "nummod" for c in noun.subtree if c.i < noun.i) or (
            noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.stake_verbs)

    def _withheld_detail(self, tok: Token) -> bool:
        """Whether a negation only withholds a detail: the negation of a disclosing verb (``undisclosed``: 'did not
        reveal the price'), or the 'no' on its object ('gave no details'); the event itself stands."""
        if tok.lemma_.lower() not in self.cues["negated"]:
            return False
        if tok.dep_ == "neg":
            return tok.head.lemma_.lower() in self.undisclosed
        return tok.dep_ == "det" and tok.head.dep_ == "dobj" and tok.head.head.lemma_.lower() in self.undisclosed

    def _attempted(self, verb: Token) -> bool:
        """Whether a verb is the infinitive of an attempt or a threat ('an attempt to block', 'threatened to veto')."""
        return (
            verb.pos_ == "VERB" and verb.dep_ in ("acl", "xcomp") and verb.head.lemma_.lower() in self.attempts
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        )

    def ranked(self, trigger: Token) -> bool:
        """Whether an infinitive trigger follows an ordinal or a superlative of rank that ranks what happened ('among
        the first to …', 'the first state to …', 'the highest-ranking official to …')."""
        head = trigger.head
        ranks = [head] + [g for c in head.children if c.dep_ == "prep" and c.i < trigger.i for g in c.children]
        ranks += [a for g in ranks[1:] for a in g.children if a.dep_ == "amod"]  # 'among the first countries to …'
        # 'the first state to …' (a title-case headline's 'First Country to …' parsed as a compound)
        ranks += [c for c in head.children if c.dep_ in ("amod", "compound") and c.i < trigger.i]
        ranks += [g for c in head.children if c.dep_ == "attr" and c.i < trigger.i for g in c.children
                  if g.dep_ in ("amod", "compound")]  # 'became the first country to …'
        # 'making Tuvalu the first Pacific state to recognise …' (the ranked noun parsed as its subject)
        ranks += [g for c in trigger.children if c.dep_ == "nsubj"
                  for g in c.children if g.dep_ in ("amod", "compound")]
        return any(t.lower_ in self.factual_infinitive_heads or _NUMERAL_ORDINAL.fullmatch(t.lower_) or (
            t.lower_ in self.superlative_ranks and any(c.tag_ in ("RBS", "JJS") for c in t.children)) for t in ranks)

    def _trip_purpose(self, trigger: Token) -> bool:
        """Whether an infinitive trigger is the purpose of a trip made, stated in the past tense ('flew to Brasilia to
        attend the summit', 'led a delegation to attend'): it happened as the trip did (``made_trips``)."""
        head = trigger.head
        return (trigger.dep_ == "advcl" and head.tag_ == "VBD" and head.lemma_.lower() in self.trip_verbs
                and trigger.lemma_.lower() in self.trip_purposes)

    def _decided(self, trigger: Token) -> bool:
        """Whether an infinitive trigger is the content of a decision that is itself the act ('decided to switch
        recognition', 'voted to establish ties with …', 'the decision to recognise')."""
        return trigger.lemma_.lower() in self.decided_verbs and trigger.head.lemma_.lower() in self.deciding

    def _factual(self, child: Token) -> bool:
        """A subordinator ('when', 'after', 'because' …) that makes its clause a statement of its own."""
        if child.dep_ == "advmod":
            return child.lower_ in ("when", "where")
        return child.dep_ == "mark" and child.lower_ in self.factual_marks

    def hypothetical(self, trigger: Token) -> bool:
        """Whether the trigger sits in a conditional clause ('if Kosovo can be recognized, …'), or in a habitual
        one or a clause with one ('visits Delhi whenever he travels to Asia')."""
        governing = self.governing(trigger)
        marks = (c for t in governing for c in t.children if c.dep_ == "mark")
        if any(c.lower_ in self.hypothetical_marks for c in marks):
            return True
        clauses = [*governing, *(c for t in governing for c in t.children if c.dep_ == "advcl")]
        return any(m.lower_ in self.habitual_marks for t in clauses for m in t.children if m.dep_ in ("mark", "advmod"))

    def status(self, trigger: Token, *, self_cue: bool = True) -> tuple[str, list[str]]:
        """(status, cue words found) for a trigger; with ``self_cue`` False the trigger word itself is no cue
        ('talks' states a visit's meeting, not a proposal)."""
        if (signing := self._signed_deal(trigger)) is not None:
            status, cues = self.status(signing)  # a signed contract or agreement provides for it ...
            lemma = trigger.lemma_.lower()
            phrasal = {f"{lemma} {c.lower_}" for c in trigger.children if c.dep_ in ("prt", "prep", "advmod")}
            own = None if phrasal & self.void_phrasals else next(
                (st for st, lemmas in self.cues.items() if lemma in lemmas), None)  # (not 'set up' a plant)
            ranks = [*self.precedence, "actual"]
            if self_cue and own is not None and ranks.index(own) < ranks.index(status):
                return own, [*cues, trigger.text]  # ... but 'signed an agreement to explore two blocks' is proposed
            return status, cues
        found: dict[str, list[str]] = {}
        governing = self.governing(trigger)
        withheld = self.sources.noncommittal(governing)
        if withheld:
            found["alleged"] = [t.text for t in withheld if t.lemma_.lower() in self.sources.confirming]
        for tok in governing:
            if (tok.i == trigger.i and not self_cue) or (tok.pos_ == "PROPN" and tok.i != trigger.i) or tok in withheld:
                continue  # a name is no cue ('Theresa May'); a withheld confirmation is no denial
            lemma = tok.lemma_.lower()
            if lemma in self.verb_only and tok.pos_ != "VERB":
                continue
            if lemma in self.object_only and not (trigger.head.i == tok.i and trigger.dep_ == "dobj"):
                continue  # 'beat a rival consortium' (negated), not 'beat rivals to win the stake'
            if lemma in self.cues["negated"] and self._attempted(tok):
                continue  # 'an attempt to block the bid': the bid stands
            if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in self.rights | self.won
                                          for c in tok.children):
                continue  # 'a right of first refusal', 'a winning bid'
            if lemma in self.cues["negated"] and tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.lifted:
                continue  # 'lifted force majeure on the project': the halt is over
            if self._withheld_detail(tok):
                continue  # 'did not disclose the price of the stake', 'gave no details of the deal'
            if lemma in self.sources.named_reports and (self.sources.named_report(tok) or self.sources.relayed(tok)):
                continue  # 'the ministry has reported': a named source's report is no allegation
            if tok.i == trigger.i and lemma in self.not_self_cues and not _infinitive(trigger):
                continue  # 'an agreement on exploring two blocks' (not 'opens the way for firms to explore')
            if tok.i == trigger.i and lemma in self.stake_nouns and self._stake(tok):
                continue  # 'a participating interest', 'acquired interests in two blocks'
            if self._hedged_remark(tok):
                continue  # 'it may be mentioned that …'
            if tok.dep_ == "aux" and tok.head.lemma_.lower() in self.continuing and (
                tok.head.i == trigger.i or (trigger.dep_ == "dobj" and trigger.head.i == tok.head.i)
            ):
                continue  # 'FAR will retain a 40% interest' (the verb or its object the trigger): held already
            phrasal = {f"{lemma} {c.lower_}" for c in tok.children
                       if c.dep_ in ("prt", "prep", "advmod")}  # 'called off', 'look forward'
            if phrasal & self.void_phrasals:
                continue  # 'set up a joint venture'
            phrasal |= {f"{c.lower_} {g.lower_}" for c in tok.children if c.dep_ == "prep" for g in c.children
                        if g.dep_ == "pobj"}  # 'put on hold'
            single = not (lemma in self.noun_only and tok.pos_ != "NOUN")  # 'called his visit a success': no cue
            single = single and not (lemma in self.infinitive_only and not _has_infinitive(tok))  # 'looking to buy'
            for status, lemmas in self.cues.items():
                if (single and (lemma in lemmas or tok.lower_ in lemmas)) or phrasal & lemmas:
                    if status == "proposed" and self._accepted(tok):
                        status = "planned"  # 'accepted the invitation to visit': the proposal is agreed
                    found.setdefault(status, []).append(tok.text)
            if tok.i == trigger.head.head.i and trigger.head.dep_ == "prep" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.proposal_objects and c.i < trigger.head.i
                for c in tok.children
            ):  # 'signed a memorandum … on the construction', 'held talks with Russia on the purchase'
                found.setdefault("proposed", []).append(tok.text)  # (not 'on the last leg, he will hold talks')
            be_to = next((ch for ch in tok.children if ch.dep_ == "xcomp" and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in ch.children)), None) if tok.lemma_ == "be" else None
            if (self.be_to and be_to is not None and _over_clause(trigger, tok) and not _pseudo_cleft(tok)
                    and not _located(tok, be_to) and not self.ranked(be_to)):  # 'had been among the first to …'
                if self.be_to_have and any(g.dep_ == "aux" and g.lower_ == "have" for g in be_to.children):
                    found.setdefault(self.be_to_have, []).append(tok.text + " to have")  # 'was to have begun'
                else:
                    found.setdefault("planned", []).append(tok.text + " to")
        if (approval := self._approved_sale(trigger)) is not None:
            found.setdefault("proposed", []).append(approval.text)  # 'approved the sale of 36 helicopters to Peru'
        if trigger.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in self.proposal_objects and c.i < trigger.i
            for c in trigger.head.children
        ):  # 'piled pressure on Ruritania to recognise …', 'renewed its appeal to Ruritania to recognise …'
            found.setdefault("proposed", []).append(trigger.head.text)
        if (
            self.infinitive and trigger.pos_ == "VERB"
            and _infinitive(trigger) and not _perfect(trigger)
            and (trigger.dep_ in ("xcomp", "advcl", "relcl", "acl") or any(c.dep_ == "nsubj" for c in trigger.children))
            and not self.ranked(trigger) and not _pseudo_cleft(trigger.head) and not _there_to(trigger)
            and not self._decided(trigger) and not self._trip_purpose(trigger)
            and trigger.head.lemma_.lower() not in self.helping_verbs  # 'is helping to finance the work'
        ):  # also a headline's infinitive with its own subject ('Ruritania to deliver jets to Freedonia': will deliver)
            found.setdefault(self.infinitive, []).append("to " + trigger.text)
        for mod in self._group_modifiers(trigger):
            for status, lemmas in self.cues.items():
                if mod.lemma_.lower() in lemmas or mod.lower_ in lemmas:
                    found.setdefault(status, []).append(mod.text)  # 'among the frozen deals is the sale of …'
        if source := self.sources.unnamed_source(trigger, governing):
            found.setdefault("alleged", []).append(source)
        for tok in governing:
            if tok.i != trigger.i and tok.lemma_.lower() in self.sources.speech_verbs and hearsay(tok):
                found.setdefault("alleged", []).append(f"{tok.text} to")  # 'Qatar is said to be keen on buying …'
        if (clause := self._future_tour_clause(trigger)) is not None:
            found.setdefault("planned", []).append(clause.text)  # 'the first leg of a tour that will take him to …'
        if claim := self.sources.appositive_claim(trigger):
            found.setdefault("alleged", []).append(claim.text)
        if (found.keys() & {"planned", "proposed"}) and (undone := self._undone_antecedent(trigger)) is not None:
            found.setdefault("negated", []).append(undone.text)  # 'postponed the plant, which CNNC was to build'
        for status in self.precedence:
            if status in found:
                return status, found[status]
        return "actual", []

    def _future_tour_clause(self, trigger: Token) -> Token | None:
        """The future relative clause on the tour that a leg trigger (or a tour trigger named as a leg's) is part of,
        which takes the tour to its places yet to come ('the first leg of a tour that will take him to Russia')."""
        legs = self.tour_legs
        of_leg = trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.lemma_.lower() in legs
        leg = trigger if trigger.lemma_.lower() in legs else trigger.head.head if of_leg else None
        if leg is None or leg.pos_ != "NOUN":
            return None
        tours = [o for p in leg.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj"]
        return next((c for t in tours for c in t.children if c.dep_ == "relcl"
                     and c.lemma_.lower() in self.tour_clause_verbs
                     and any(a.dep_ == "aux" and a.lower_ in FUTURE_AUX for a in c.children)), None)

    def _hedged_remark(self, tok: Token) -> bool:
        """A modal of a verb of saying or noting ('It may be mentioned that …'), which hedges the remark only."""
        return tok.lower_ in self.hedge_modals and tok.dep_ == "aux" and tok.head.lemma_.lower() in self.remark_verbs

    def _group_modifiers(self, trigger: Token) -> list[Token]:
        """The modifiers of the group a copula ranks the trigger among ('Among the suspended deals is the sale of …',
        'the sale … is among the frozen deals')."""
        cop = trigger.head
        if trigger.dep_ not in ("nsubj", "attr") or cop.lemma_ != "be":
            return []
        groups = (g for c in cop.children if c.dep_ == "prep" and c.lower_ in self.group_preps for g in c.children
                  if g.dep_ == "pobj")
        return [m for g in groups for m in g.children if m.dep_ == "amod"]

    def _undone_antecedent(self, trigger: Token) -> Token | None:
        """The verb that cancels, postpones or suspends the noun a relative clause of the trigger describes ('postponed
        the Atucha III plant, which CNNC was going to build'), if any: what was planned for it is negated."""
        t = trigger
        while t.dep_ != "relcl" and t.head.i != t.i and t.pos_ in ("VERB", "AUX"):
            t = t.head
        noun = t.head
        if t.dep_ != "relcl" or noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("dobj", "nsubjpass"):
            return None
        verb = noun.head
        return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in self.cues["negated"] else None


FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
"""Auxiliaries of a future main clause."""


def _future_time_clause(verb: Token) -> bool:
    """A present-tense 'when' clause of a future main clause states the future ('would seek investment when he
    leads a delegation to Beijing', 'will sign it when she visits Moscow'): it is planned, whatever the main
    clause's other cues."""
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    return (
        "when" in marks and verb.tag_ in ("VBZ", "VBP") and verb.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.head.children)
    )


def _infinitive(verb: Token) -> bool:
    """Whether a verb is an infinitive ('to buy')."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _perfect(verb: Token) -> bool:
    """Whether a verb is in the perfect ('to have recognised': done, not to come)."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children) and verb.tag_ == "VBN"


def _has_infinitive(verb: Token) -> bool:
    """Whether a verb has an infinitive complement ('looking to buy')."""
    return any(c.dep_ == "xcomp" and _infinitive(c) for c in verb.children)


def _across_paragraphs(a: Token, b: Token) -> bool:
    """Whether a line break lies between two tokens of one parsed sentence: a headline, standfirst or dateline that
    ends without a full stop is parsed as part of the lede ('X to deliver jets to Y' + 'The minister said …'), but
    the cues of one line do not govern a trigger on another."""
    lo, hi = (a, b) if a.i < b.i else (b, a)
    return any("\n" in t.text_with_ws for t in a.doc[lo.i : hi.i])  # Doc.text would rebuild the whole text


def _over_clause(trigger: Token, head: Token) -> bool:
    """Whether no clause boundary lies between ``trigger`` and its ancestor ``head``: 'is to deliver' plans the
    delivery, but in 'it is to recall that Algeria recognized …' the recognition is a clause of its own."""
    t = trigger
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "ccomp":
            return False
        t = t.head
    return True


def _pseudo_cleft(be: Token) -> bool:
    """Whether a form of 'be' closes a pseudo-cleft ('what the minister did then was to fly to …'): its infinitive
    says what was done, no plan."""
    return be.lemma_ == "be" and any(c.dep_ == "csubj" and c.lemma_.lower() == "do" for c in be.children)


def _there_to(trigger: Token) -> bool:
    """Whether an infinitive is the purpose of a stay a form of 'be' states ('X is in Cusco to attend the
    summit', 'were in Samarkand to attend the summit'): the stay is under way, so the purpose is no plan of its own
    (a 'will' on the 'be' still plans it)."""
    return trigger.dep_ in ("xcomp", "advcl") and _located(trigger.head, trigger)


def _located(be: Token, infinitive: Token) -> bool:
    """Whether a form of 'be' places its subject somewhere, between itself and its infinitive ('is in Cusco to …',
    'were at the venue to …'; not 'In the energy field, X is to build …' nor 'is to build two plants at Y')."""
    return be.lemma_ == "be" and any(
        c.dep_ == "prep" and c.lower_ in ("in", "at") and be.i < c.i < infinitive.i
        and any(g.dep_ == "pobj" for g in c.children)
        for c in be.children
    )
