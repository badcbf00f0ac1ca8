"""The linking recipe: triggers → roles → implicit arguments → acceptance → dates → events → merging."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from eventex.document import Document
from eventex.linking.accept import acceptable
from eventex.linking.aid import given_as_aid
from eventex.linking.arms_seller import exporter_seller
from eventex.linking.arms_sides import deal_source, two_state_deal
from eventex.linking.bought_stake import owner_sells_stake
from eventex.linking.buyers import earlier_deal_buyer, for_subject_buyer, unnamed_body_buyer
from eventex.linking.capacity import asset_capacity, states_later_capacity
from eventex.linking.context import Candidate, LinkContext
from eventex.linking.coordination import split_coordinated
from eventex.linking.counterparty import firm_counterparty
from eventex.linking.deal_partner import deal_partner
from eventex.linking.deal_value import VALUED_TYPES, states_deal_value
from eventex.linking.delegations import earlier_delegation
from eventex.linking.described_firm import described_firm
from eventex.linking.discourse import (
    fill_from_antecedent_place,
    fill_from_apposed_place,
    fill_from_counterpart,
    fill_from_dateline,
    fill_from_earlier_visit,
    fill_from_previous_trip,
    fill_from_tour,
)
from eventex.linking.energy_firms import described_energy_firm
from eventex.linking.firm_names import full_firm_name, full_person_name, parenthesised_name
from eventex.linking.firm_noun_side import nationality_firm_seller
from eventex.linking.gapped import gapped_transfers
from eventex.linking.gathering import fill_from_earlier_gathering, fill_from_gathering_before
from eventex.linking.groups import each_agent, listed_members, listed_partners, ranked_predecessors
from eventex.linking.headline import filled_from_pair, headline_and_lede, lede_status
from eventex.linking.home_talks import home_counterpart
from eventex.linking.hosts import split_hosts
from eventex.linking.implicit import add_implicit, tidy_roles
from eventex.linking.investments import (
    carried_asset,
    coordinated_assets,
    coordinated_host,
    given_stake,
    host_of_earlier_stake,
    share_holder,
    sole_asset,
    state_body_investor,
)
from eventex.linking.leader_host import leader_hosts
from eventex.linking.merge import merge_events, restating_noun
from eventex.linking.named_firms import named_firms
from eventex.linking.national_partner import national_partner
from eventex.linking.paths import TreeWalk, coordination, hyphen_named
from eventex.linking.relations import (
    earlier_recognized,
    listed_recognizers,
    reciprocal,
    relations_parties,
    switched,
    won_over,
)
from eventex.linking.restated import restated
from eventex.linking.rivals import losing_bidders, passed_over
from eventex.linking.roles import fill_roles
from eventex.linking.rules import Rules
from eventex.linking.seller_exit import seller_exit
from eventex.linking.services import service_deal
from eventex.linking.statistics import trade_share
from eventex.linking.status import StatusRules
from eventex.linking.tallies import gapped_recognitions, tally_recognizers
from eventex.linking.told_later import fill_told_later
from eventex.linking.topic import topic_fill
from eventex.linking.trade import (
    arrived_weapon,
    carried_weapon,
    companions,
    coordinated_weapons,
    deal_sides,
    guessed_buyer_list,
    interview_seller,
    named_firm_noun,
    object_not_weapon,
    relative_builder,
    state_body_buyer,
)
from eventex.linking.triggers import Trigger, TriggerFinder
from eventex.linking.visit_host import host_from_visit
from eventex.linking.visit_links import (
    counted_destinations,
    fill_from_recalled_visit,
    foreign_host,
    headline_title_visitor,
    host_met_next,
    invited_appositive,
    met_abroad,
    reciprocal_visits,
)
from eventex.schema import EVENT_CLASSES, Entity, Event, Span, event_roles
from eventex.stages.normalize import time_expression

FALLBACK_FACTOR = 0.8
"""Confidence factor of an event with a role filled by a fallback rule."""
IMPLICIT_FACTOR = 0.9
"""Confidence factor of an event with an implicit filler."""
GOVERNED = "governed"
"""A ``frame_status`` value: the status comes from the cues above the trigger, never from the trigger word."""
TRIGGER_LABELS = frozenset({"WEAPON", "ENERGY_ASSET"})
"""Labels of mentions a trigger may lie in ('arms sales'); a trigger inside another mention names no event."""


class Linker:
    """Turns a document's entities and parse into typed events."""

    name = "link"
    requires = ("doc", "entities.id", "citations")
    assigns = ("events",)

    def __init__(self, rules: Rules | None = None, status: StatusRules | None = None) -> None:
        self.rules = rules or Rules.load()
        self.status_rules = status or StatusRules()
        self.triggers = TriggerFinder(self.rules)
        self.officials = self.rules.lemma_sets["officials"] | self.rules.lemma_sets["rulers"]

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Link each document."""
        return map(self, docs)

    def __call__(self, document: Document) -> Document:
        """Fill ``document.events``."""
        words = self.rules.words
        ctx = LinkContext.build(document, words.lookback, words.firm_nouns | words.source_nouns)
        lines = ctx.datelines
        recognition = self.rules.lexicons["recognition"]
        candidates: list[Candidate] = []
        pending: list[Candidate] = []  # rejected candidates of the headline and lede (see linking/headline.py)
        pair = headline_and_lede(ctx.doc)
        for trigger in self.triggers.find(ctx.doc):
            first = self.candidate(trigger, ctx)
            if first is None:
                continue
            fill_roles(first, ctx, self.rules)
            home_counterpart(first, ctx)
            coordinated_host(first, ctx)
            national_partner(first, ctx, self.rules)
            deal_partner(first, ctx, words)
            given_stake(first, ctx, self.rules)
            state_body_investor(first, self.rules)
            share_holder(first, ctx)
            object_not_weapon(first, ctx, self.rules)
            passed_over(first, ctx, self.rules)
            service_deal(first, self.rules)
            deal_source(first, ctx)
            deal_sides(first, ctx, self.rules)
            two_state_deal(first, ctx, self.rules)
            firm_counterparty(first, self.rules)
            nationality_firm_seller(first, ctx, lines, self.rules)
            named_firm_noun(first, ctx, self.rules)
            relative_builder(first, ctx)
            relations_parties(first, ctx, recognition)
            variants = (
                c for e in each_agent(first) for b in losing_bidders(e, ctx, words)
                for lp in listed_partners(b, ctx, words) for x in seller_exit(lp, ctx, self.rules)
                for p in companions(x, ctx)
                for n in named_firms(p, ctx, self.rules)
                for s in split_coordinated(n, ctx, words, self.officials) for h in split_hosts(s, ctx)
                for a in coordinated_assets(h, ctx, self.rules) for w in coordinated_weapons(a, ctx)
                for r in reciprocal(w, ctx) for lr0 in listed_recognizers(r, ctx, recognition)
                for lr1 in tally_recognizers(lr0, ctx, recognition.count_subjects)
                for lr in gapped_recognitions(lr1, ctx, recognition.relations_ids | recognition.switch_states)
                for gt in gapped_transfers(lr, ctx) for m in met_abroad(gt) for v in reciprocal_visits(m, ctx)
                for sw0 in switched(v, ctx, recognition, self.governed) for sw in won_over(sw0, ctx, recognition)
                for c in ranked_predecessors(sw, ctx, self.status_rules.ranked)
            )
            for cand in variants:
                add_implicit(cand, ctx, self.rules)
                carried_asset(cand, ctx, self.rules)
                carried_weapon(cand, ctx, self.rules)
                exporter_seller(cand, ctx, self.rules)
                arrived_weapon(cand, ctx, lines)
                guessed_buyer_list(cand, ctx)
                visit = self.rules.lexicons["visit"]
                fill_from_earlier_gathering(cand, candidates, visit.gathering_frames)
                fill_from_gathering_before(cand, ctx, visit.gathering_nouns)
                if cand.frame not in visit.gathering_frames:
                    fill_from_counterpart(cand, ctx)
                fill_from_antecedent_place(cand, ctx)
                fill_from_apposed_place(cand, ctx)
                fill_from_previous_trip(cand, ctx, candidates)
                fill_from_earlier_visit(cand, candidates)
                earlier_delegation(cand, ctx, candidates)
                fill_from_recalled_visit(cand, candidates)
                counted_destinations(cand, ctx)
                fill_from_dateline(cand, lines, ctx)
                host_from_visit(cand, candidates)
                fill_from_tour(cand, candidates, self.rules.lexicons["visit"])
                earlier_deal_buyer(cand, ctx, candidates, words)
                earlier_recognized(cand, ctx, candidates, recognition)
                invited_appositive(cand, ctx, visit.invitation_nouns)
                headline_title_visitor(cand, ctx, self.rules.lemma_sets["officials"])
                tidy_roles(cand, ctx, self.rules)
                host_met_next(cand, ctx, self.rules.lemma_sets["meeting"], words.person_pronouns)
                asset_capacity(cand, ctx)
                foreign_host(cand)
                state_body_buyer(cand, ctx, lines, self.rules)
                for_subject_buyer(cand, ctx)
                unnamed_body_buyer(cand, ctx, lines, self.rules)
                interview_seller(cand, ctx, self.rules)
                full_firm_name(cand, ctx)
                full_person_name(cand, ctx)
                parenthesised_name(cand, ctx)
                described_firm(cand, ctx, words.firm_nouns)
                described_energy_firm(cand, ctx, self.rules, candidates)
                host_of_earlier_stake(cand, ctx, candidates)
                topic_fill(cand, ctx, words)
                if not acceptable(cand, self.rules.lexicons[cand.type], self.status_rules, ctx.ship_names):
                    if pair and cand.sentence.start in (pair[0].start, pair[1].start):
                        pending.append(cand)
                elif self.stated(cand, ctx):
                    cand.date = self.date(cand, ctx)
                    candidates.append(cand)
        for cand in filled_from_pair(pending, candidates, pair) if pair else ():
            lex = self.rules.lexicons[cand.type]
            if acceptable(cand, lex, self.status_rules, ctx.ship_names) and self.stated(cand, ctx):
                cand.date = self.date(cand, ctx)
                candidates.append(cand)
        candidates.sort(key=lambda c: c.trigger.start)
        for cand in (*restated(
            ctx, candidates, lambda tok: self.status_rules.status(tok)[0], words.restatement
        ), *listed_members(ctx, candidates, words)):
            tidy_roles(cand, ctx, self.rules)
            if acceptable(cand, self.rules.lexicons[cand.type], self.status_rules, ctx.ship_names):
                cand.date = self.date(cand, ctx)
                candidates.append(cand)
        candidates.sort(key=lambda c: c.trigger.start)
        if pair:
            lede_status(candidates, pair)
        clauses = [coordination(c.trigger_token) for c in candidates]
        references = [restating_noun(c.trigger_token) for c in candidates]
        meetings = [c.frame in self.rules.lexicons["visit"].meeting_frames for c in candidates]
        events = merge_events(
            to_events(candidates, document), self.status_rules.precedence, clauses, references, meetings
        )
        events = fill_told_later(events, ctx, "value", "MONEY", VALUED_TYPES,
                                 lambda t: states_deal_value(t, self.rules.words))
        events = fill_told_later(events, ctx, "capacity", "QUANTITY", ("energy_investment",), states_later_capacity)
        events = leader_hosts(events, document.entities, document.published)
        document.events = sole_asset(events, document.entities)
        return document

    def stated(self, cand: Candidate, ctx: LinkContext) -> bool:
        """Whether an acceptable candidate states a sale or investment (not aid, a trade share or a stake sold)."""
        return not (
            given_as_aid(cand, ctx, self.rules) or trade_share(cand, self.rules)
            or owner_sells_stake(cand, self.rules.words)
        )

    def governed(self, tok: Token) -> str:
        """The status that the words above a token give it (the token itself is no cue)."""
        return self.status_rules.status(tok, self_cue=False)[0]

    def candidate(self, trigger: Trigger, ctx: LinkContext) -> Candidate | None:
        """The empty candidate of a trigger, with its frame and status; None for a trigger inside a name."""
        head = trigger.head
        inside = ctx.by_token.get(head.i)
        frame = self.triggers.frame_of(trigger)
        if inside is not None and inside.label not in TRIGGER_LABELS and not (
            frame in self.rules.lexicons[trigger.type].hyphen_agents.values()
            and (span := ctx.span(inside)) is not None and hyphen_named(head, span.start)
        ):
            return None  # 'Consortium' in 'the Russian Consortium for Venezuela' names an organisation (not
            # 'funded' in the mention 'Chinese-funded': the participle states the investment of the name)
        tokens = ctx.doc[trigger.start : trigger.end]
        fixed = self.rules.lexicons[trigger.type].frame_status.get(frame)
        status, _ = self.status_rules.status(head, self_cue=fixed != GOVERNED)
        return Candidate(
            type=trigger.type,
            trigger=Span(text=tokens.text, start=tokens.start_char, end=tokens.end_char),
            trigger_token=head, trigger_tokens=tokens, frame=frame,
            status=status if fixed in (None, GOVERNED) else fixed,
            strength=trigger.strength, sentence=head.sent,
        )

    def date(self, cand: Candidate, ctx: LinkContext) -> Entity | None:
        """The candidate's own date, else the DATE mention of the trigger's sentence nearest to it in the tree
        (within ``date_distance``)."""
        if cand.own_date is not None:
            return cand.own_date
        walk = TreeWalk(cand.trigger_token)
        dates = [
            (walk.distance(m.root), m.entity)
            for m in ctx.mentions.in_sentence(cand.sentence.start) if m.entity.label == "DATE"
        ]
        dates = [(d, e) for d, e in dates if d <= self.rules.words.date_distance]
        return min(dates, key=lambda de: de[0])[1] if dates else None


def to_events(cands: list[Candidate], document: Document) -> list[Event]:
    """Schema events of accepted candidates: evidence sentence, confidence, date and cited sources."""
    events = []
    text = document.text
    for n, c in enumerate(cands):
        s0, s1 = c.sentence.start_char, c.sentence.end_char
        while s0 < s1 and text[s0].isspace():
            s0 += 1
        while s1 > s0 and text[s1 - 1].isspace():
            s1 -= 1
        evidence = Span(text=text[s0:s1], start=s0, end=s1)
        conf = c.strength * (FALLBACK_FACTOR if c.fallback_used else 1.0)
        if any(e.implicit for v in c.fillers.values() for e in v):
            conf *= IMPLICIT_FACTOR
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
