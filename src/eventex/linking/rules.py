"""The linking rules as loaded from the resource files."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from eventex.resources import fold, read_toml, table_rows
from eventex.resources.facts import Facts


@lru_cache(maxsize=16)
def whole_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern matching any of ``words`` as whole words (compiled once per word list)."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")


@dataclass(frozen=True)
class RoleRule:
    """A mention fills the role when its path matches and its label is allowed."""

    regex: re.Pattern[str]
    labels: frozenset[str]
    under: frozenset[str] = frozenset()
    """Words one of which the trigger must be the object of for the rule to apply: a preposition ('on' a visit) or a
    verb's lemma ('attracted' investment); empty: any."""
    via: frozenset[str] = frozenset()
    """Lemmas one of which must head a word between the trigger and the filler ('a delegation' from X); empty: any."""
    pronouns: bool = True
    """Whether a personal pronoun's antecedent may fill the role ('where X hosted him' names no host but X)."""


@dataclass(frozen=True)
class Fallback:
    """Nearest mention with one of ``labels`` on ``side`` ('left', 'right', 'any') of the trigger."""

    side: str
    labels: frozenset[str]
    max_distance: int = 6  # edges in the parse between the trigger and the filler
    not_path: re.Pattern[str] | None = None
    """Paths from the trigger a guessed filler may not have (a market 'in' a place is no recipient)."""
    preferred_only: bool = False
    """Guess only a preferred state (a recognition's contested states: 'Recognition came from A, followed by B'
    names no state recognised)."""


@dataclass
class Frame:
    """How each role of an event type is found from one kind of trigger."""

    name: str
    roles: dict[str, list[RoleRule]] = field(default_factory=dict)
    fallback: dict[str, Fallback] = field(default_factory=dict)


@dataclass(frozen=True)
class Cooperation:
    """A trigger naming a two-partner relation ("military-technical cooperation"): see triggers.toml."""

    frame: str
    exporters: tuple[str, ...]
    cues: frozenset[str]
    blockers: frozenset[str]

    def seller_first(self, a: str, b: str) -> tuple[str, str] | None:
        """(seller, buyer) of two partner states by export rank; None when neither is a listed exporter."""
        rank = {iso: i for i, iso in enumerate(self.exporters)}
        if a not in rank and b not in rank:
            return None
        return (a, b) if rank.get(a, len(rank)) <= rank.get(b, len(rank)) else (b, a)


@dataclass
class TypeLexicon:
    """Trigger words of one event type: lemma → frame name, their strength, and what an event requires."""

    verbs: dict[str, str]
    nouns: dict[str, str]
    phrases: dict[str, str]
    strength: dict[str, float]
    requires: str | None
    frame_status: dict[str, str] = field(default_factory=dict)
    verb_objects: dict[str, list[str]] = field(default_factory=dict)
    verb_non_objects: dict[str, list[str]] = field(default_factory=dict)
    attributive: dict[str, str] = field(default_factory=dict)
    hyphen_agents: dict[str, str] = field(default_factory=dict)
    """Participles that, joined by a hyphen to the name before them on a noun, state that party's act on it ('the
    Chevron-led Wheatstone project'), with the frame they take there."""
    non_official: frozenset[str] = frozenset()
    hosted_nouns: frozenset[str] = frozenset()
    non_purposes: frozenset[str] = frozenset()
    remote_modifiers: frozenset[str] = frozenset()
    relations_ids: frozenset[str] = frozenset()
    relations_frames: frozenset[str] = frozenset()
    claimants: dict[str, str] = field(default_factory=dict)
    """Would-be state id -> the id of the state that claims it as its territory (``triggers.toml``)."""
    arms_exporters: tuple[str, ...] = ()
    energy_company_words: frozenset[str] = frozenset()
    energy_company_stems: tuple[str, ...] = ()
    energy_description_words: frozenset[str] = frozenset()
    descriptor_heads: frozenset[str] = frozenset()
    asset_triggers: frozenset[str] = frozenset()
    asset_frames: frozenset[str] = frozenset()
    sector_triggers: frozenset[str] = frozenset()
    sector_words: frozenset[str] = frozenset()
    sector_nouns: frozenset[str] = frozenset()
    cooperation: Cooperation | None = None
    object_frames: dict[str, dict] = field(default_factory=dict)
    yield_to_noun: frozenset[str] = frozenset()
    governor_frames: dict[str, str] = field(default_factory=dict)
    of_governor_frames: dict[str, str] = field(default_factory=dict)
    """Nouns whose 'of' object, a trigger noun, takes the frame with the suffix given ('the sale of a stake')."""
    aid_nouns: frozenset[str] = frozenset()
    withdrawal_frames: frozenset[str] = frozenset()
    switch_states: frozenset[str] = frozenset()
    switch_verbs: frozenset[str] = frozenset()
    """Verbs that switch recognition from one state to another ('switched', 'moved', 'shifted' its recognition)."""
    government_objects: frozenset[str] = frozenset()
    leg_nouns: frozenset[str] = frozenset()
    time_objects: frozenset[str] = frozenset()
    """Words that make a phrase trigger's closing preposition a time, not a place ('elections due in April')."""
    tour_nouns: frozenset[str] = frozenset()
    gathering_frames: frozenset[str] = frozenset()
    gathering_nouns: frozenset[str] = frozenset()
    """The gatherings one attends (the objects of 'attend': 'summit', 'forum')."""
    meeting_frames: frozenset[str] = frozenset()
    invitation_nouns: frozenset[str] = frozenset()
    accepting_verbs: frozenset[str] = frozenset()
    count_subjects: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    weapon_modifiers: frozenset[str] = frozenset()
    weapon_modified_frames: frozenset[str] = frozenset()
    pact_nouns: frozenset[str] = frozenset()
    licence_frame: str | None = None
    production_words: frozenset[str] = frozenset()
    idioms: tuple[str, ...] = ()

    def is_arms_exporter(self, name: str) -> bool:
        """Whether an organisation name is a known arms-exporting firm."""
        return bool(self.arms_exporters) and whole_words(self.arms_exporters).search(name.lower()) is not None

    def is_energy_company(self, name: str) -> bool:
        """Whether an organisation name looks like an energy company's."""
        low = name.lower()
        words = set(re.findall(r"[a-z]+", low))
        return bool(words & self.energy_company_words) or any(s in low for s in self.energy_company_stems)


@dataclass(frozen=True)
class Restatement:
    """The words of an event restated by reference (``linking.toml`` [restatement])."""

    ending_words: frozenset[str] = frozenset()
    step_nouns: frozenset[str] = frozenset()
    same_words: frozenset[str] = frozenset()
    followed: frozenset[str] = frozenset()
    joined: frozenset[str] = frozenset()
    weighing_verbs: frozenset[str] = frozenset()
    question_nouns: frozenset[str] = frozenset()
    saying_verbs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Words:
    """The word lists and limits of ``linking.toml``: anaphora, partners, state-only and nationality roles,
    distances."""

    state_only_roles: tuple[str, ...]
    one_path_lists: frozenset[str]
    news_agencies: frozenset[str]
    nationality_roles: frozenset[str]
    firm_nouns: frozenset[str]
    source_nouns: frozenset[str]
    person_nouns: frozenset[str]
    title_abbreviations: dict[str, str]
    former_words: frozenset[str]
    former_nouns: frozenset[str]
    relative_pronouns: frozenset[str]
    quantifiers: frozenset[str]
    relative_adverbs: dict[str, str]
    person_pronouns: frozenset[str]
    hosting_verbs: frozenset[str]
    state_pronouns: frozenset[str]
    place_adverbs: frozenset[str]
    listing_verbs: frozenset[str]
    list_nouns: frozenset[str]
    anaphor_nouns: frozenset[str]
    alias_marks: tuple[str, ...]
    titles: dict[str, frozenset[str]]
    title_complements: dict[str, str]
    title_fillers: frozenset[str]
    anaphor_determiners: frozenset[str]
    anaphor_parts: frozenset[str]
    possessive_determiners: frozenset[str]
    travel_words: frozenset[str]
    number_words: dict[str, int]
    partner_prepositions: frozenset[str]
    place_preposition: str
    host_distance: int
    date_distance: int
    lookback: int
    state_bodies: frozenset[str] = frozenset()
    unnamed_bodies: frozenset[str] = frozenset()
    speaker_pronouns: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    first_person_plural: frozenset[str] = frozenset()
    stake_words: frozenset[str] = frozenset()
    holding_verbs: frozenset[str] = frozenset()
    lending_verbs: frozenset[str] = frozenset()
    partner_words: frozenset[str] = frozenset()
    asset_references: frozenset[str] = frozenset()
    buying_verbs: frozenset[str] = frozenset()
    selling_verbs: frozenset[str] = frozenset()
    selling_nouns: frozenset[str] = frozenset()
    stake_giving_verbs: frozenset[str] = frozenset()
    lot_nouns: frozenset[str] = frozenset()
    lot_customer_words: frozenset[str] = frozenset()
    unit_nouns: frozenset[str] = frozenset()
    spouse_words: frozenset[str] = frozenset()
    state_description_nouns: frozenset[str] = frozenset()
    maker_verbs: frozenset[str] = frozenset()
    user_verbs: frozenset[str] = frozenset()
    weapon_pronouns: frozenset[str] = frozenset()
    weapon_subject_pronouns: frozenset[str] = frozenset()
    rival_words: frozenset[str] = frozenset()
    beating_verbs: frozenset[str] = frozenset()
    giving_verbs: frozenset[str] = frozenset()
    aid_nouns: frozenset[str] = frozenset()
    national_firm_words: frozenset[str] = frozenset()
    partner_deals: frozenset[str] = frozenset()
    national_companies: frozenset[str] = frozenset()
    signing_verbs: frozenset[str] = frozenset()
    partnering_verbs: frozenset[str] = frozenset()
    working_verbs: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    group_prepositions: frozenset[str] = frozenset()
    group_partner_prepositions: frozenset[str] = frozenset()
    group_leader_verbs: frozenset[str] = frozenset()
    share_nouns: frozenset[str] = frozenset()
    service_nouns: frozenset[str] = frozenset()
    restatement: Restatement = Restatement()
    deal_nouns: frozenset[str] = frozenset()
    value_words: frozenset[str] = frozenset()
    extraposing: frozenset[str] = frozenset()
    reaction_verbs: frozenset[str] = frozenset()
    reaction_roles: frozenset[str] = frozenset()
    reporter_verbs: frozenset[str] = frozenset()
    reporter_roles: frozenset[str] = frozenset()
    regions: dict[str, frozenset[str]] = field(default_factory=dict)
    """``regions.tsv``: a region's demonym or name, or a kind of state ('sultanate'), as :func:`region_key` writes
    it → its member states."""

    @classmethod
    def load(cls) -> Words:
        """Read ``resources/linking.toml``."""
        spec = read_toml("linking.toml")
        ana, partners, limits = spec["anaphora"], spec["partners"], spec["limits"]
        return cls(
            state_only_roles=tuple(spec["roles"]["state_only"]),
            one_path_lists=frozenset(spec["roles"]["one_path_lists"]),
            news_agencies=frozenset(spec["roles"]["news_agencies"]),
            nationality_roles=frozenset(spec["nationality"]["roles"]),
            firm_nouns=frozenset(spec["nationality"]["firm_nouns"]),
            source_nouns=frozenset(spec["nationality"]["source_nouns"]),
            person_nouns=frozenset(spec["nationality"]["person_nouns"]),
            title_abbreviations=dict(spec["nationality"].get("title_abbreviations", {})),
            former_words=frozenset(spec["nationality"]["former_words"]),
            former_nouns=frozenset(spec["nationality"]["former_nouns"]),
            relative_pronouns=frozenset(ana["relative_pronouns"]),
            quantifiers=frozenset(ana["quantifiers"]),
            relative_adverbs=dict(ana["relative_adverbs"]),
            person_pronouns=frozenset(ana["person_pronouns"]),
            hosting_verbs=frozenset(ana["hosting_verbs"]),
            state_pronouns=frozenset(ana["state_pronouns"]),
            place_adverbs=frozenset(ana["place_adverbs"]),
            listing_verbs=frozenset(ana["listing_verbs"]),
            list_nouns=frozenset(ana["list_nouns"]),
            anaphor_nouns=frozenset(ana["nouns"]),
            alias_marks=tuple(ana["alias_marks"]),
            titles={k: frozenset(v) for k, v in ana["titles"].items()},
            title_complements=dict(ana["title_complements"]),
            title_fillers=frozenset(ana["title_fillers"]),
            anaphor_determiners=frozenset(ana["determiners"]),
            anaphor_parts=frozenset(ana["parts"]),
            possessive_determiners=frozenset(ana["possessives"]),
            travel_words=frozenset(ana["travel_words"]),
            number_words=dict(ana["number_words"]),
            partner_prepositions=frozenset(partners["prepositions"]),
            place_preposition=partners["place_preposition"],
            host_distance=limits["host_distance"],
            date_distance=limits["date_distance"],
            lookback=limits["lookback"],
            state_bodies=frozenset(spec["state_bodies"]["words"]),
            unnamed_bodies=frozenset(spec["state_bodies"]["unnamed"]),
            speaker_pronouns=frozenset(spec["speakers"]["pronouns"]),
            extraposing=frozenset(ana["extraposing"]),
            reaction_verbs=frozenset(spec["reactions"]["verbs"]),
            reaction_roles=frozenset(spec["reactions"]["roles"]),
            reporter_verbs=frozenset(spec["reporters"]["verbs"]),
            reporter_roles=frozenset(spec["reporters"]["roles"]),
            regions={region_key(r["region"]): frozenset(r["members"].split("|")) for r in table_rows("regions.tsv")},
            first_person=frozenset(spec["speakers"].get("first_person", [])),
            first_person_plural=frozenset(spec["speakers"].get("first_person_plural", [])),
            stake_words=frozenset(spec["stakes"]["words"]),
            holding_verbs=frozenset(spec["stakes"]["holding_verbs"]),
            lending_verbs=frozenset(spec["stakes"]["lending_verbs"]),
            partner_words=frozenset(spec["stakes"]["partners"]),
            asset_references=frozenset(spec["stakes"]["references"]),
            buying_verbs=frozenset(spec["stakes"]["buying_verbs"]),
            selling_verbs=frozenset(spec["stakes"].get("selling_verbs", [])),
            selling_nouns=frozenset(spec["stakes"].get("selling_nouns", [])),
            stake_giving_verbs=frozenset(spec["stakes"].get("giving_verbs", [])),
            lot_nouns=frozenset(spec["lots"]["nouns"]),
            lot_customer_words=frozenset(spec["lots"]["customer_words"]),
            unit_nouns=frozenset(spec["units"]["nouns"]),
            spouse_words=frozenset(spec["spouses"]["words"]),
            state_description_nouns=frozenset(spec["state_descriptions"]["nouns"]),
            maker_verbs=frozenset(spec["makers"]["verbs"]),
            user_verbs=frozenset(spec["makers"].get("user_verbs", [])),
            weapon_pronouns=frozenset(spec["makers"].get("object_pronouns", [])),
            weapon_subject_pronouns=frozenset(spec["makers"].get("subject_pronouns", [])),
            rival_words=frozenset(spec["rivals"]["words"]),
            beating_verbs=frozenset(spec["rivals"]["beating_verbs"]),
            giving_verbs=frozenset(spec["aid"]["verbs"]),
            aid_nouns=frozenset(spec["aid"]["nouns"]),
            national_firm_words=frozenset(spec["national_firms"]["words"]),
            partner_deals=frozenset(spec["national_firms"].get("partner_deals", [])),
            national_companies=frozenset(n.lower() for n in spec["national_firms"].get("companies", [])),
            signing_verbs=frozenset(spec["national_firms"].get("signing_verbs", [])),
            partnering_verbs=frozenset(spec["national_firms"].get("partnering_verbs", [])),
            working_verbs=frozenset(spec["national_firms"].get("working_verbs", [])),
            group_nouns=frozenset(spec["groups"]["nouns"]),
            group_prepositions=frozenset(spec["groups"]["prepositions"]),
            group_partner_prepositions=frozenset(spec["groups"]["partner_prepositions"]),
            group_leader_verbs=frozenset(spec["groups"]["leader_verbs"]),
            share_nouns=frozenset(spec["statistics"]["share_nouns"]),
            service_nouns=frozenset(spec["services"]["nouns"]),
            restatement=Restatement(**{k: frozenset(v) for k, v in spec["restatement"].items()}),
            deal_nouns=frozenset(spec["values"]["deal_nouns"]),
            value_words=frozenset(spec["values"]["value_words"]),
        )


@dataclass
class Rules:
    """Every linking rule: trigger lexicons per event type, frames by name, the shared word lists, and the fact
    tables (weapons and energy assets name their maker and host)."""

    lexicons: dict[str, TypeLexicon]
    frames: dict[str, Frame]
    words: Words = field(default_factory=Words.load)
    facts: Facts = field(default_factory=Facts)
    lemma_sets: dict[str, frozenset[str]] = field(default_factory=dict)
    """``roles.toml`` [lemma_sets]: named lemma lists ('meeting': the words by which a traveller meets a host)."""

    @classmethod
    def load(cls) -> Rules:
        """Read the rules shipped in ``eventex/resources``: triggers, roles and linking word lists."""
        trig = read_toml("triggers.toml")
        lexicons = {
            etype: TypeLexicon(
                verbs=spec.get("verbs", {}), nouns=spec.get("nouns", {}), phrases=spec.get("phrases", {}),
                strength=spec.get("strength", {}), requires=spec.get("requires"),
                frame_status=spec.get("frame_status", {}),
                verb_objects=spec.get("verb_objects", {}),
                verb_non_objects=spec.get("verb_non_objects", {}),
                attributive=spec.get("attributive", {}),
                hyphen_agents=spec.get("hyphen_agents", {}),
                non_official=frozenset(spec.get("non_official", [])),
                hosted_nouns=frozenset(spec.get("hosted_nouns", [])),
                non_purposes=frozenset(spec.get("non_purposes", [])),
                remote_modifiers=frozenset(spec.get("remote_modifiers", [])),
                relations_ids=frozenset(spec.get("relations_ids", [])),
                relations_frames=frozenset(spec.get("relations_frames", [])),
                claimants=spec.get("claimants", {}),
                arms_exporters=tuple(spec.get("arms_exporters", [])),
                energy_company_words=frozenset(spec.get("energy_company_words", [])),
                energy_company_stems=tuple(spec.get("energy_company_stems", [])),
                energy_description_words=frozenset(spec.get("energy_description_words", [])),
                descriptor_heads=frozenset(spec.get("descriptor_heads", [])),
                asset_triggers=frozenset(spec.get("asset_triggers", [])),
                asset_frames=frozenset(spec.get("asset_frames", [])),
                sector_triggers=frozenset(spec.get("sector_triggers", [])),
                sector_words=frozenset(spec.get("sector_words", [])),
                sector_nouns=frozenset(spec.get("sector_nouns", [])),
                cooperation=_cooperation(spec.get("cooperation")),
                object_frames=spec.get("object_frames", {}),
                yield_to_noun=frozenset(spec.get("yield_to_noun", [])),
                governor_frames=spec.get("governor_frames", {}),
                of_governor_frames=spec.get("of_governor_frames", {}),
                aid_nouns=frozenset(spec.get("aid_nouns", [])),
                withdrawal_frames=frozenset(spec.get("withdrawal_frames", [])),
                switch_states=frozenset(spec.get("switch_states", [])),
                switch_verbs=frozenset(spec.get("switch_verbs", [])),
                government_objects=frozenset(spec.get("government_objects", [])),
                leg_nouns=frozenset(spec.get("leg_nouns", [])),
                time_objects=frozenset(spec.get("time_objects", [])),
                tour_nouns=frozenset(spec.get("tour_nouns", [])),
                gathering_frames=frozenset(spec.get("gathering_frames", [])),
                gathering_nouns=frozenset(w for w in spec.get("verb_objects", {}).get("attend", []) if w[0] != "@"),
                meeting_frames=frozenset(spec.get("meeting_frames", [])),
                invitation_nouns=frozenset(spec.get("invitation_nouns", [])),
                accepting_verbs=frozenset(spec.get("accepting_verbs", [])),
                count_subjects=frozenset(spec.get("count_subjects", [])),
                claim_nouns=frozenset(spec.get("claim_nouns", [])),
                weapon_modifiers=frozenset(spec.get("weapon_modifiers", [])),
                weapon_modified_frames=frozenset(spec.get("weapon_modified_frames", [])),
                pact_nouns=frozenset(spec.get("pact_nouns", [])),
                licence_frame=spec.get("licence_frame"),
                production_words=frozenset(spec.get("production_words", [])),
                idioms=tuple(spec.get("idioms", [])),
            )
            for etype, spec in trig.items()
        }
        roles = read_toml("roles.toml")
        specs = roles["frames"]
        frames = {
            name: build_frame(name, extended(spec, specs), roles["paths"], roles["lemma_sets"])
            for name, spec in specs.items()
        }
        for etype, lex in lexicons.items():
            coop = [lex.cooperation.frame] if lex.cooperation else []
            by_object = [o["frame"] for o in lex.object_frames.values()]
            for frame_name in [*lex.verbs.values(), *lex.nouns.values(), *lex.phrases.values(), *coop, *by_object]:
                if frame_name not in frames:
                    raise ValueError(f"triggers.toml: {etype} uses unknown frame {frame_name!r}")
        sets = {name: frozenset(lemmas) for name, lemmas in roles["lemma_sets"].items()}
        return cls(lexicons, frames, Words.load(), lemma_sets=sets)


def extended(spec: dict, specs: dict[str, dict]) -> dict:
    """A frame's table with the roles of the frame it ``extends`` that it does not set itself (KeyError for an
    unknown frame)."""
    if "extends" not in spec:
        return spec
    own = {role: rules for role, rules in spec.items() if role != "extends"}
    return {**extended(specs[spec["extends"]], specs), **own}


def build_frame(
    name: str, spec: dict, paths: dict[str, str], lemma_sets: dict[str, list[str]] | None = None
) -> Frame:
    """A frame from its table in ``roles.toml`` (``paths``: the named path patterns; ``lemma_sets``: the named lemma
    lists a rule's ``via`` may name); re.error for a bad pattern, KeyError for an unknown set."""
    frame = Frame(name)
    sets = lemma_sets or {}
    for role, rules in spec.items():
        if role == "fallback":
            frame.fallback = {
                r: Fallback(
                    f["side"], frozenset(f["labels"]), f.get("max_distance", 6),
                    re.compile(paths.get(f["not_path"], f["not_path"])) if "not_path" in f else None,
                    f.get("preferred_only", False),
                )
                for r, f in rules.items()
            }
            continue
        frame.roles[role] = [
            RoleRule(
                re.compile(paths.get(r["path"], r["path"])), frozenset(r["labels"]), frozenset(r.get("under", [])),
                frozenset(sets[via] if isinstance(via := r.get("via", []), str) else via), r.get("pronouns", True),
            )
            for r in rules
        ]
    return frame


def _cooperation(spec: dict | None) -> Cooperation | None:
    if spec is None:
        return None
    return Cooperation(
        spec["frame"], tuple(spec["exporters"]), frozenset(spec["cues"]), frozenset(spec["blockers"])
    )


def region_key(text: str) -> str:
    """The lookup key of a region's name ('South-East Asian', 'southeast Asian' → 'southeastasian')."""
    return re.sub(r"[\s\-]+", "", text).casefold()


def is_state_body(name: str, words: frozenset[str]) -> bool:
    """Whether an organisation's name has a state body's word ('Ministry of Defence', 'the Air Force', 'Força
    Aérea Brasileira')."""
    return _whole_words_of(words).search(" ".join(re.findall(r"[a-z]+", fold(name)))) is not None


@lru_cache(maxsize=8)
def _whole_words_of(words: frozenset[str]) -> re.Pattern[str]:
    """One pattern for any of ``words`` as whole words (compiled once per word list)."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words))) + r")\b")
