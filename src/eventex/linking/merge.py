"""Document-level merging: repeated mentions of one real-world event become one event."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from eventex.resources.facts import find_energy_asset, find_weapon
from eventex.schema import CORE_ROLES, Entity, event_roles


def filler_key(e: Entity) -> str:
    """What identifies a filler across mentions: its state id, else its canonical name, else its text."""
    if e.id:
        return e.id
    return (e.canonical or e.text).casefold()


def _keys(value) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, list):
        return {filler_key(v) for v in value}
    return {filler_key(value)}


def _agent_key(ev) -> set[str]:
    agent = getattr(ev, CORE_ROLES[ev.type][0])
    if agent is None:
        return set()
    keys = _keys(agent)
    if agent.affiliation and agent.label == "PERSON":  # a leader stands for the state; two firms of one state do not
        keys.add(agent.affiliation)
    return keys


OTHER_OCCASION = frozenset({
    "next", "last", "previous", "first", "earlier", "upcoming", "second", "future", "forthcoming", "former", "recent",
})
"""Modifiers by which a possessed trip noun names another trip than the one told ('his previous visit')."""


def restating_noun(trigger: Token) -> bool:
    """Whether a trigger is a possessed noun that refers back to a trip ('on his arrival', 'Mr. Xi's visit will …'),
    unless a modifier makes it another occasion ('his next visit')."""
    return trigger.pos_ == "NOUN" and any(c.dep_ == "poss" for c in trigger.children) and not any(
        c.dep_ == "amod" and c.lower_ in OTHER_OCCASION for c in trigger.children
    )


Clause = tuple[int, int]
"""Where a trigger is stated: (token index of its clause's verb, index of the first verb of that verb's
coordination), see :func:`eventex.linking.paths.coordination`."""


@dataclass
class _Keys:
    """What :func:`same_event` compares of an event, kept up to date while events merge into it."""

    type: str
    status: str
    spans: set[tuple[int, int]]
    agent: set[str]
    second: set[str]
    date: Any
    clause: Clause | None = None
    person: str | None = None
    """The key of a visit's traveller when it is a person."""
    reference: bool = False
    """Whether the trigger refers back to a trip (:func:`restating_noun`)."""
    meeting: bool = False
    """Whether the trigger is a meeting held on a trip (``meeting_frames``)."""
    thing: set[str] = field(default_factory=set)
    """The key of the weapon sold or the asset invested in, when named ..."""
    system: str | None = None
    """... and the tables' name for it (:func:`_known_thing`), when they know it."""

    @classmethod
    def of(cls, ev, clause: Clause | None = None, reference: bool = False, meeting: bool = False) -> _Keys:
        return cls(ev.type, ev.status, set(map(_span_key, ev.evidence)), _agent_key(ev),
                   _keys(getattr(ev, CORE_ROLES[ev.type][1])), ev.date, clause, _traveller(ev), reference, meeting,
                   _keys(_thing(ev)), _known_thing(ev))


THING_ROLES = frozenset({"weapon", "asset"})
"""Roles of the thing sold or invested in; a merged event takes the first one the tables know ('Rafale jets' for
an earlier 'arms')."""


def _thing(ev) -> Entity | None:
    """An arms sale's weapon or an investment's asset."""
    return getattr(ev, "weapon", None) if ev.type == "arms_sale" else getattr(ev, "asset", None)


def _known_thing(ev) -> str | None:
    """The weapons table's name of an arms sale's weapon ('F-16' for 'F-16 fighter jets'), or the energy assets
    table's name of an investment's asset; None when the event names none the tables know ('jets', 'the field')."""
    thing = _thing(ev)
    if thing is None:
        return None
    found = (find_weapon if ev.type == "arms_sale" else find_energy_asset)(thing.text)
    return found.row.name if found is not None else None


def _traveller(ev) -> str | None:
    visitor = getattr(ev, "visitor", None) if ev.type == "visit" else None
    return filler_key(visitor) if visitor is not None and visitor.label == "PERSON" else None


def same_event(a, b) -> bool:
    """Whether two extracted events describe the same real-world event.

    Mentions in different sentences, or in coordinated clauses of one sentence ("arrived in Islamabad and will go
    on to Karachi", "bought a stake in 2014 and will buy its gas"), must agree on status; two triggers of one clause
    ("joined a consortium to build …") may differ, and the merged event takes the status that wins by precedence,
    except for visits (a leg of another status is a visit of its own).
    """
    return _same(_Keys.of(a), _Keys.of(b))


def _coordinated(a: Clause | None, b: Clause | None) -> bool:
    return a is not None and b is not None and a[0] != b[0] and a[1] == b[1]


def _same(a: _Keys, b: _Keys) -> bool:
    if a.type != b.type:
        return False
    same_sentence = bool(a.spans & b.spans)
    if a.status != b.status and (not same_sentence or a.type == "visit" or _coordinated(a.clause, b.clause)) and not (
        _refers_back(a, b)
    ):
        return False  # 'arrived in Islamabad … and will go on to Karachi': a leg of another status is a visit too
    if a.status != b.status and a.thing and b.thing and not a.thing & b.thing:
        return False  # 'Morocco, which bought F-16s from the US in 2019, plans to acquire Patriots': two deals
    if not same_sentence and a.system and b.system and a.system != b.system:
        return False  # 'Angola received Su-30s from Russia. … It also flies Mi-35s bought from Russia': two deals (a
        # list in one sentence is one)
    ka, kb = a.agent, b.agent
    if ka and kb and not ka & kb:
        return False
    if a.person and b.person and a.person != b.person:
        return False  # two travellers of one state make two visits ('To Lam will visit Russia', 'Pham Minh Chinh
        # will attend the summit in Kazan')
    if same_sentence and ka & kb and a.type == "visit" and a.status == b.status:
        return True  # 'toured Central Asia, making stops in Kazakhstan and Uzbekistan': one tour (legs to come
        # or called off are events of their own)
    sa, sb = a.second, b.second
    if not sa or not sb or not sa & sb:
        return False
    da, db = a.date, b.date
    same_grain = bool(da and db and da.date_start and db.date_start and da.granularity == db.granularity)
    if same_grain and da.date_start != db.date_start:
        return False
    return bool(ka or kb)


def _refers_back(a: _Keys, b: _Keys) -> bool:
    """Whether ``b`` refers back to the earlier trip ``a`` whatever the cues around it ('did not speak on his
    arrival', 'Mr. Xi's visit will help …'): the same person travelling, to no place that trip did not go, on no
    date of its own; or a meeting the same person holds there on that trip ('arrived in Delhi … He will hold talks
    with X on Monday'); or ``a`` is such a reference and ``b`` the trip it refers to, told after it."""
    if a.type != "visit" or a.person is None or a.person != b.person:
        return False
    if (b.reference and b.date is None) or b.meeting:
        return bool(b.second) and b.second <= a.second
    # told first by reference ('ahead of Y's trip here'), then as the trip itself ('Y is to arrive on Tuesday')
    return a.reference and bool(a.second) and a.second <= b.second


def _stands_for(person: Entity | None, state: Entity | None) -> bool:
    """Whether ``person`` is a traveller who stands for the state another mention named as the traveller
    ('Chinese President arrives in US' … 'Hu Jintao has arrived'): the person is the more specific filler."""
    return (person is not None and state is not None and person.label == "PERSON" and state.label in ("NORP", "GPE")
            and state.id is not None and person.affiliation == state.id)


def _fuller_name(new: Entity | None, old: Entity | None) -> bool:
    """Whether ``new`` names the same person as ``old`` more fully ('Miguel Diaz-Canel Bermudez' for the
    headline's 'Miguel Diaz-Canel')."""
    return (
        new is not None and old is not None and new.label == old.label == "PERSON"
        and filler_key(new) == filler_key(old) and len(new.text) > len(old.text)
    )


def _span_key(span) -> tuple[int, int]:
    return span.start, span.end


MAX_CANDIDATES = 64
"""Most merged events an event is compared with: those sharing a sentence or a filler of its second core role
(the latest ones, when more do; no document of the corpus comes near), so that merging stays linear."""


@dataclass
class _Merged:
    """A merged event with the keys of its evidence, sources and fillers (no rescans when more merge into it)."""

    event: Any
    keys: _Keys
    sources: set[tuple[int, int]]
    fillers: dict[str, set[str]]

    @classmethod
    def of(cls, ev, keys: _Keys) -> _Merged:
        fillers = {role: _keys(getattr(ev, role)) for role, many in event_roles(ev.type).items() if many}
        return cls(ev, keys, set(map(_span_key, ev.sources)), fillers)

    def absorb(self, ev, keys: _Keys, precedence: list[str] | tuple[str, ...]) -> list[tuple]:
        """Merge ``ev`` into this event (the first mention keeps its trigger and id); its new index keys."""
        target = self.event
        updates: dict = {
            "evidence": target.evidence + [s for s in ev.evidence if _span_key(s) not in self.keys.spans],
            "sources": target.sources + [c for c in ev.sources if _span_key(c) not in self.sources],
            "confidence": max(target.confidence, ev.confidence),
        }
        if target.status != ev.status and not (keys.reference or keys.meeting):  # a reference keeps the trip's status
            updates["status"] = ev.status if self.keys.reference else next(
                (s for s in precedence if s in (target.status, ev.status)), target.status)
        if target.date is None and ev.date is not None:
            updates["date"] = ev.date
        agent, second = CORE_ROLES[ev.type]
        gained: set[str] = set()  # filler keys the second core role gains
        for role, many in event_roles(ev.type).items():
            mine, theirs = getattr(target, role), getattr(ev, role)
            if many:
                have = self.fillers[role]
                added = [x for x in theirs if filler_key(x) not in have]
                stated = {filler_key(x): x for x in theirs if not x.implicit}  # a place told beats one implied
                updates[role] = [stated.get(filler_key(x), x) if x.implicit else x for x in mine] + added
                have.update(filler_key(x) for x in added)
            elif (mine is None and theirs is not None) or _fuller_name(theirs, mine) or (
                role == agent == "visitor" and _stands_for(theirs, mine)
            ) or (role in THING_ROLES and keys.system is not None and self.keys.system is None):
                updates[role], added = theirs, [theirs]
            else:
                continue
            if role == second:
                gained = {filler_key(x) for x in added}
        self.event = merged = target.model_copy(update=updates)
        spans = keys.spans - self.keys.spans
        self.keys.spans |= spans
        self.sources.update(map(_span_key, ev.sources))
        self.keys.status, self.keys.date = merged.status, merged.date
        self.keys.thing, self.keys.system = _keys(_thing(merged)), _known_thing(merged)
        self.keys.reference = self.keys.reference and keys.reference  # told as the trip itself now
        if agent in updates:
            self.keys.agent, self.keys.person = _agent_key(merged), _traveller(merged)
        gained -= self.keys.second
        self.keys.second |= gained
        return _index_keys(ev.type, spans, gained)


def _index_keys(etype: str, spans: set[tuple[int, int]], second: set[str]) -> list[tuple]:
    """What an event is looked up by: its evidence sentences and the fillers of its second core role."""
    return [(etype, span) for span in spans] + [(etype, key) for key in second]


def merge_events(events: list, precedence: list[str] | tuple[str, ...] = (),
                 clauses: Sequence[Clause] | None = None, references: Sequence[bool] | None = None,
                 meetings: Sequence[bool] | None = None) -> list:
    """Merge events that :func:`same_event` says are one; the first mention keeps its trigger and id
    (``clauses``: where each event's trigger is stated, when known; ``references``: which triggers refer back to a
    trip, :func:`restating_noun`; ``meetings``: which are meetings held on a trip).

    Each event merges into the first earlier (merged) event that is the same, looked up by what two same events
    always share: a sentence or a filler of the second core role (see :data:`MAX_CANDIDATES`).
    """
    merged: list[_Merged] = []
    index: dict[tuple, list[int]] = defaultdict(list)
    for n, ev in enumerate(events):
        keys = _Keys.of(ev, clauses[n] if clauses is not None else None, references is not None and references[n],
                        meetings is not None and meetings[n])
        lookup = _index_keys(ev.type, keys.spans, keys.second)
        near = sorted({k for key in lookup for k in index[key][-MAX_CANDIDATES:]})
        k = next((k for k in near[-MAX_CANDIDATES:] if _same(merged[k].keys, keys)), None)
        if k is None:
            k, new = len(merged), lookup
            merged.append(_Merged.of(ev, keys))
        else:
            new = merged[k].absorb(ev, keys, precedence)
        for key in new:
            index[key].append(k)
    return [m.event for m in merged]
