"""What the linking rules read: the usable mentions with their parse spans, and the candidate being built."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventex.document import Document
from eventex.linking.dateline_tails import AGENCY_CREDIT, COLON_DATELINE, DATED_COLON_TAIL, dateline_tail, opens_line
from eventex.linking.paths import first_conjunct
from eventex.ner.datelines import dateline
from eventex.ner.names import instrument_code
from eventex.schema import Entity, Span
from eventex.stages.base import parsed
from eventex.stages.surface import normalise_surface
from eventex.wrapping import unwrap_lines

STATE_LABELS = frozenset({"GPE", "NORP"})
"""Labels of mentions that name a state."""
DEFINITE = frozenset({"the", "this", "that"})
"""Determiners of a noun that refers back to one named before ('the trip', 'that journey', 'this delegation')."""
_PARENS = re.compile(r"\((?:[^()]|\([^()]*\))*\)")
INTERVIEW_TURN = re.compile(r"(?:^|\n\n)[ \t]*(?:Q:|[–—][ \t])")
"""A paragraph that opens a turn of a question-and-answer interview ('Q: …', '– …')."""


@dataclass(frozen=True)
class Mention:
    """An entity with its span of tokens in the parse."""

    entity: Entity
    span: SpacySpan

    @property
    def root(self) -> Token:
        """The span's syntactic head."""
        return self.span.root


class Mentions(list[Mention]):
    """The usable mentions in text order, indexed by sentence (no quadratic scans)."""

    def __init__(self, items: Iterable[Mention], lookback: int = 400) -> None:
        super().__init__(sorted(items, key=lambda m: m.span.start))
        self.lookback = lookback
        self._by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for m in self:
            self._by_sentence[m.span.sent.start].append(m)
        self._starts = [m.span.start for m in self]

    def in_sentence(self, sentence_start: int) -> list[Mention]:
        """Mentions of the sentence starting at token ``sentence_start``."""
        return self._by_sentence.get(sentence_start, [])

    def before(self, token_i: int) -> list[Mention]:
        """The mentions starting before token ``token_i`` (at most ``lookback`` of them, the nearest)."""
        k = bisect.bisect_left(self._starts, token_i)
        return self[max(0, k - self.lookback) : k]

    def after(self, token_i: int) -> list[Mention]:
        """The mentions starting after token ``token_i`` (at most ``lookback`` of them, the nearest)."""
        k = bisect.bisect_right(self._starts, token_i)
        return self[k : k + self.lookback]


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
"""A line with nothing on it: the end of a paragraph."""


TOPIC_MIN = 2
"""Fewest mentions of a state (by name, capital or nationality) before it can be an article's topic."""


NAVAL_NOUNS = frozenset({
    "ship", "warship", "frigate", "destroyer", "corvette", "fleet", "flotilla", "cruiser", "vessel", "submarine",
})
"""Nouns of ships: a visit stated after them in its sentence, by no person, is a port call; a name after one is a
ship's."""


@dataclass
class LinkContext:
    """One document as the rules see it: its parse, usable mentions, the mention on each token, its main state.

    Mentions inside a citation, and dates inside parentheses, are not usable.
    """

    document: Document
    doc: Doc
    mentions: Mentions
    by_token: dict[int, Entity]
    dominant: str | None
    titled: dict[str, Mention | None] = field(default_factory=dict)
    """Title word -> the person the article names with it (filled as titles are met)."""
    spans: dict[tuple[int, int], SpacySpan] = field(default_factory=dict)
    """(start, end) of each usable mention -> its span of tokens."""
    anaphors: dict[int, list] = field(default_factory=dict)
    """Sentence start -> the anaphors of that sentence (found once, shared by its candidates)."""
    energy_firms: frozenset[str] | None = None
    """Names (canonical, else text) of the organisations described as energy companies (linking/energy_firms.py),
    found on first use."""
    asset_investors: set[str] = field(default_factory=set)
    """Names (canonical, else text) of the investors of the accepted candidates read so far that name an energy
    asset (linking/energy_firms.py)."""
    asset_investors_read: int = 0
    """How many accepted candidates :attr:`asset_investors` has read."""
    visited: frozenset[str] | None = None
    """Ids of the states named as the place of a trip (:meth:`visited_states`), found on first use."""
    nationality_nouns: frozenset[str] = frozenset()
    """Nouns of firms and news sources (``linking.toml`` firm_nouns, source_nouns): a state mention modifying one
    names the nationality of a firm or of a report's source ('the Indian newspaper'), not the article's topic."""

    @classmethod
    def build(
        cls, document: Document, lookback: int = 400, nationality_nouns: frozenset[str] = frozenset()
    ) -> LinkContext:
        """The context of a parsed document with its entities (PipelineError when it has no parse)."""
        doc = parsed(document)
        cited = [(c.start, c.end) for c in document.citations]
        parens = [(m.start(), m.end()) for m in _PARENS.finditer(document.text)]
        usable = [
            e for e in document.entities
            if not inside(e, cited) and not (e.label == "DATE" and inside(e, parens))
        ]
        by_token: dict[int, Entity] = {}
        mentions = []
        for e in usable:
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            code = span.root.head  # the parse may head the name by its ticker ('Shell RDSA.L', 'Statoil (STL.OL)')
            if span.end <= code.i <= span.end + 1 and instrument_code(code.text):
                span = doc[span.start : code.i + 1]
            mentions.append(Mention(e, span))
            for t in span:
                by_token.setdefault(t.i, e)
        spans = {(m.entity.start, m.entity.end): m.span for m in mentions}
        return cls(document, doc, Mentions(mentions, lookback), by_token, dominant_state(document.entities),
                   spans=spans, nationality_nouns=nationality_nouns)

    def next_in_paragraph(self, sent: SpacySpan) -> SpacySpan | None:
        """The sentence after ``sent`` when the same paragraph goes on to it (no blank line between)."""
        if sent.end >= len(self.doc):
            return None
        first = self.doc[sent.end]
        gap = self.document.text[sent.start_char + len(sent.text.rstrip()) : first.idx]
        return None if _BLANK_LINE.search(gap) else first.sent

    @cached_property
    def paragraph_breaks(self) -> list[int]:
        """Where each blank line starts, in text order."""
        return [m.start() for m in _BLANK_LINE.finditer(self.document.text)]

    def same_paragraph(self, start: int, end: int) -> bool:
        """Whether no blank line starts between characters ``start`` and ``end`` (by bisection)."""
        breaks = self.paragraph_breaks
        return bisect.bisect_left(breaks, start) == bisect.bisect_left(breaks, end)

    def span(self, e: Entity) -> SpacySpan | None:
        """The tokens of a mention: its usable mention's span (with a ticker the parse heads it by), else the
        tokens its characters cover."""
        return self.spans.get((e.start, e.end)) or self.doc.char_span(e.start, e.end, alignment_mode="expand")

    def name_conjuncts(self, tok: Token) -> list[Token]:
        """The conjuncts of a name's head in text order, with those the parser hangs on a word inside a listed name
        ('Nigeria, the Republic of Congo and Angola', Angola a conjunct of Congo); a conjunct inside one name
        ('Bosnia and Herzegovina') is no other name."""
        found: dict[int, Token] = {}
        todo = [tok]
        while todo:
            head = todo.pop()
            e = self.by_token.get(head.i)
            span = self.span(e) if e is not None else None
            words = (head,) if span is None or head not in span else tuple(span)
            for w in words:
                for c in w.conjuncts:
                    if c.i != tok.i and c.i not in found and (span is None or not span.start <= c.i < span.end):
                        found[c.i] = c
                        todo.append(c)
        return sorted(found.values(), key=lambda t: t.i)

    @cached_property
    def lines_text(self) -> str:
        """The document's text with the wraps of hard-wrapped prose as spaces (a name wrapped onto a line of its own
        opens no dateline: 'The' + 'Philippines' + 'has approved …')."""
        return unwrap_lines(self.document.text)

    @cached_property
    def datelines(self) -> list[tuple[int, Entity]]:
        """(character offset, state mention) of each dateline: a GPE that opens a line and is followed by a date,
        an agency or a dash. A dateline applies from its offset to the next one."""
        text = self.lines_text
        out = []
        for m in self.mentions:
            e = m.entity
            if e.label != "GPE" or not e.id or not opens_line(text, e.start):
                continue
            if dateline_tail(text, e):
                out.append((e.start, e))
        return out

    @cached_property
    def _line_starts(self) -> list[int]:
        """Offsets where a line of the unwrapped text starts."""
        text = self.lines_text
        return [0, *(m.end() for m in re.finditer("\n", text) if m.end() < len(text))]

    @cached_property
    def in_datelines(self) -> frozenset[int]:
        """``id`` of each entity in a dateline: its place and the country, date or agency after it ('KAZAN, Russia,
        Oct 22 (Reuters) -'), or the place before a colon ('KAZAN: …')."""
        text = self.lines_text
        spans = [(start, m.end()) for start, e in self.datelines if (m := dateline_tail(text, e))]
        spans += [
            (e.start, e.end) for m in self.mentions if (e := m.entity).label == "GPE" and opens_line(text, e.start)
            and (COLON_DATELINE.match(text, e.end) or DATED_COLON_TAIL.match(text, e.end))
        ]
        spans += [m.span(1) for m in AGENCY_CREDIT.finditer(text)]
        spans += [m.span() for start in self._line_starts if (m := dateline().match(text, start))]  # 'Gavião
        # Peixoto, Brazil, May 20, 2024 – Embraer …': a dateline whose place the head took for a firm
        starts = [m.entity.start for m in self.mentions]  # in text order: each span's mentions by bisection
        return frozenset(
            id(self.mentions[k].entity) for a, b in spans
            for k in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b))
        )

    @cached_property
    def firms_by_state(self) -> dict[str, list[Entity]]:
        """State id -> the first mention of each firm (an organisation that is no state body of its own) of that
        state the document names, in text order, told apart by canonical name."""
        out: dict[str, dict[str, Entity]] = defaultdict(dict)
        for m in self.mentions:
            e = m.entity
            if e.label == "ORG" and not e.id and e.affiliation:
                out[e.affiliation].setdefault((e.canonical or e.text).casefold(), e)
        return {iso: list(firms.values()) for iso, firms in out.items()}

    def visited_states(self, travel_words: frozenset[str]) -> frozenset[str]:
        """Ids of the states the document names as the place of a trip: the object of one of ``travel_words`` or of
        its 'to' or 'in' phrase ('visit Taiwan', 'a delegation to Taiwan', 'arrived in Taiwan')."""
        if self.visited is None:
            self.visited = frozenset(
                m.entity.id for m in self.mentions
                if m.entity.id and m.entity.label == "GPE" and _trip_place(m.root, travel_words)
            )
        return self.visited

    @cached_property
    def states_by_name(self) -> dict[str, list[Mention]]:
        """State id -> the mentions that name the state itself ('Brazil', not 'Rio de Janeiro'), in text order."""
        out: dict[str, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            e = m.entity
            if e.id and e.label == "GPE" and e.text.casefold() == (e.canonical or "").casefold():
                out[e.id].append(m)
        return dict(out)

    @cached_property
    def body_states(self) -> Counter[str]:
        """State id -> how many times the article names the state outside its datelines."""
        return Counter(
            m.entity.id for m in self.mentions
            if m.entity.id and m.entity.label in STATE_LABELS and id(m.entity) not in self.in_datelines
        )

    @cached_property
    def topic_state(self) -> str | None:
        """The state the article names most (outside datelines), when named at least :data:`TOPIC_MIN` times and
        more often than any other; counted first without the mentions that name a firm's nationality ("South
        Korea's Taekwang", "Japanese companies": the investors', in a story about where they invest), then, where
        that finds none, with them ("Vietnam's Vinacomin" and "Vietnam's Lilama" in a story about Vietnam)."""
        places = Counter(m.entity.id for m in self.mentions if m.entity.id and m.entity.label in STATE_LABELS
                         and id(m.entity) not in self.in_datelines and not self._names_firm_nationality(m))
        return _most_named(places) or _most_named(self.body_states)

    @cached_property
    def ship_names(self) -> frozenset[str]:
        """Names the text gives ships: the mentions with a noun of ships among the two words before them ('the
        frigate Admiral Grigorovich')."""
        text = self.document.text
        return frozenset(m.entity.text for m in self.mentions if NAVAL_NOUNS & set(
            text[max(0, m.entity.start - 30) : m.entity.start].lower().split()[-2:]))

    @cached_property
    def state_ids(self) -> frozenset[str]:
        """``id`` of every mention the article has (a set: 'does it name Taipei?' without a scan)."""
        return frozenset(m.entity.id for m in self.mentions if m.entity.id)

    @cached_property
    def first_named(self) -> dict[tuple[str, str], Entity]:
        """(label, case-folded name) -> the first mention so named (a firm's or a person's full name, looked up for
        their short forms)."""
        out: dict[tuple[str, str], Entity] = {}
        for m in self.mentions:
            out.setdefault((m.entity.label, normalise_surface(m.entity.text).casefold()), m.entity)
        return out

    @cached_property
    def interviewee(self) -> Mention | None:
        """In a question-and-answer interview (two turns or more), the organisation its lead names a person the
        head of ('X, president and CEO of Embraer, talks to …', 'Y, head of aeronautics at Saab'): the 'we' of the
        answers."""
        text = self.document.text
        turns = [m.start() for m in INTERVIEW_TURN.finditer(text)]
        if len(turns) < 2:
            return None
        for m in self.mentions:
            if m.entity.start >= turns[0]:
                return None
            title = m.root.head.head if m.root.dep_ == "pobj" and m.root.head.lower_ in ("of", "at") else None
            while title is not None and title.dep_ == "conj":
                title = title.head
            if m.entity.label != "ORG" or title is None or title.dep_ != "appos":
                continue
            name = [title.head, *(c for c in title.head.children if c.dep_ == "compound")]  # 'Bosco da Costa Junior'
            if any(t.i in self.by_token and self.by_token[t.i].label == "PERSON" for t in name):
                return m
        return None

    def state_mention(self, iso: str, near: Token) -> Entity | None:
        """A mention of state ``iso``: in the sentence of ``near`` if possible, else the closest before it."""
        same = [m.entity for m in self.mentions.in_sentence(near.sent.start) if m.entity.id == iso]
        if same:
            return same[0]
        before = [m.entity for m in self.mentions.before(near.i) if m.entity.id == iso]
        return before[-1] if before else None

    def names_nationality(self, m: Mention, firm_nouns: frozenset[str]) -> bool:
        """Whether a state mention modifies a firm or a person ("China's CNOOC", "the Turkish company", "Eni of
        Italy", "Petronas (Malaysia)", "President Ruto of Kenya"): it names their nationality, not a place); so does
        a later conjunct of such a mention ("the Qatari and French firms")."""
        return self._nationality_holder(m, firm_nouns) is not None

    def _names_firm_nationality(self, m: Mention) -> bool:
        """Whether a state mention names a firm's or a news source's nationality (:meth:`names_nationality`; not a
        person's or a state body's: 'Kenyan President Ruto', "Vietnam's Ministry of Industry")."""
        holder = self._nationality_holder(m, self.nationality_nouns)
        e = self.by_token.get(holder.i) if holder is not None else None
        return holder is not None and (e is None or (e.label == "ORG" and not e.id))  # (no mention: a firm noun)

    def _nationality_holder(self, m: Mention, firm_nouns: frozenset[str]) -> Token | None:
        """The token of the firm or person whose nationality a state mention names (:meth:`names_nationality`)."""
        root = first_conjunct(m.root)
        if m.entity.label not in STATE_LABELS:
            return None
        doc = m.root.doc
        if m.span.end + 1 < len(doc) and doc[m.span.end].lower_ in ("'s", "’s") and (
            (e := self.by_token.get(m.span.end + 1)) is not None and e.label in ("ORG", "PERSON")
        ):
            return doc[m.span.end + 1]  # "A and Thailand's Gulf Energy PCL", however the parse hangs the possessive
        if root.dep_ == "appos" or (root.dep_ == "pobj" and root.head.lower_ == "of"):
            owner = root.head if root.dep_ == "appos" else root.head.head  # 'Petronas (Malaysia)', 'Eni of Italy'
            held = ((e := self.by_token.get(owner.i)) is not None and e.label in ("ORG", "PERSON")) or (
                root.dep_ == "pobj" and owner.lemma_.lower() in firm_nouns)  # 'the President of Switzerland'
            return owner if held else None
        if root.dep_ not in ("poss", "amod", "compound", "nmod"):
            return None
        for _ in range(3):  # 'Thai state group PTT', 'Chinese state oil company CNPC': up the modifiers' chain
            head = self.by_token.get(root.head.i)
            if (head is not None and head.label in ("ORG", "PERSON")) or root.head.lemma_.lower() in firm_nouns or (
                    root.dep_ == "poss" and self._firm_name(root.head, firm_nouns)):
                return root.head
            if head is not None or root.head.dep_ not in ("compound", "amod", "nmod") or root.head.pos_ != "NOUN":
                return None
            root = root.head
        return None

    def _firm_name(self, name: Token, firm_nouns: frozenset[str]) -> bool:
        """Whether a proper noun the head left unnamed is a firm by its company: listed with a firm ('Statoil and
        Portugal's Petrogal') or apposed to a firm noun ('Petrogal, a unit of Galp')."""
        if name.pos_ != "PROPN" or name.i in self.by_token:
            return False
        listed = (name.head, *name.children) if name.dep_ == "conj" else name.children
        return any(
            ((t.dep_ == "conj" or t.i == name.head.i) and (e := self.by_token.get(t.i)) is not None
             and e.label == "ORG") or (t.dep_ == "appos" and t.lemma_.lower() in firm_nouns)
            for t in listed
        )

    def nearby_state(self, sentence: SpacySpan, exclude: set, near: int | None = None) -> Entity | None:
        """A state mention in ``sentence`` (the first, or the closest to character ``near``: 'Cernobbio, Italy'),
        else the closest one before it in its paragraph (not in ``exclude``)."""

        def is_state(e: Entity) -> bool:
            return bool(e.id) and e.label in STATE_LABELS and e.id not in exclude

        same = [m.entity for m in self.mentions.in_sentence(sentence.start) if is_state(m.entity)]
        if same:
            return same[0] if near is None else min(same, key=lambda e: (abs(e.start - near), e.start < near))
        before = [m.entity for m in self.mentions.before(sentence.start) if is_state(m.entity)]
        if before and "\n\n" not in self.document.text[before[-1].end : sentence.start_char]:
            return before[-1]
        return None


@dataclass
class Candidate:
    """An event found at one trigger, before it is accepted and merged."""

    type: str
    trigger: Span
    trigger_token: Token
    trigger_tokens: SpacySpan
    frame: str
    status: str
    strength: float
    sentence: SpacySpan
    fillers: dict[str, list[Entity]] = field(default_factory=dict)
    fallback_used: bool = False
    guessed: set[str] = field(default_factory=set)
    """Roles filled by a fallback guess (nearest mention), not along a path."""
    date: Entity | None = None
    own_date: Entity | None = None
    """A date a rule read for this candidate alone ('…, Slovenia in June'), kept over the one nearest the trigger."""
    described_energy_firm: bool = False
    """Whether the investor is an organisation the text describes as an energy company (linking/energy_firms.py)."""
    at_home: bool = False
    """Whether the text puts an investment in the investor's own state, so it has no host country
    (linking/energy_host.py)."""

    def first(self, role: str) -> Entity | None:
        """The role's first filler, if any."""
        return (self.fillers.get(role) or [None])[0]


LOOKBACK_CANDIDATES = 64
"""Most accepted candidates, the latest first, that :func:`latest_before` looks through (so that a text with many
events stays linear)."""


def latest_before(earlier: list[Candidate], cand: Candidate, keep: Callable[[Candidate], bool],
                  text: str) -> Candidate | None:
    """The candidate with the latest trigger before ``cand``'s among the last :data:`LOOKBACK_CANDIDATES` accepted
    ones that ``keep`` accepts, if it is in ``cand``'s paragraph of ``text`` or the one before."""
    last = max((c for c in earlier[-LOOKBACK_CANDIDATES:] if c.trigger.end <= cand.trigger.start and keep(c)),
               key=lambda c: c.trigger.start, default=None)
    return last if last is not None and text.count("\n\n", last.trigger.end, cand.trigger.start) <= 1 else None


def inside(ent: Entity, intervals: list[tuple[int, int]]) -> bool:
    """Whether ``ent`` lies within one of the sorted, non-overlapping ``intervals``."""
    k = bisect.bisect_right(intervals, (ent.start, float("inf"))) - 1
    return k >= 0 and ent.end <= intervals[k][1]


def _most_named(counts: Counter[str]) -> str | None:
    """The state counted most, when counted at least :data:`TOPIC_MIN` times and more often than any other."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < TOPIC_MIN or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def dominant_state(entities: list[Entity]) -> str | None:
    """The id most often named by a state, people or organisation mention."""
    counts = Counter(e.id for e in entities if e.id and e.label in ("GPE", "NORP", "ORG"))
    return counts.most_common(1)[0][0] if counts else None


def _trip_place(root: Token, travel_words: frozenset[str]) -> bool:
    """Whether a mention's head is the place of a trip word: its object, or the object of its 'to' or 'in' phrase."""
    if root.dep_ == "dobj":
        return root.head.lemma_.lower() in travel_words
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ in ("to", "in") and prep.head.lemma_.lower() in travel_words


def state_key(e: Entity) -> str | None:
    """The state a mention names or acts for."""
    return e.id if e.label in ("GPE", "NORP", "ORG") and e.id else e.affiliation


def home_of(e: Entity | None) -> set[str]:
    """The states a mention names or acts for (its id and affiliation); none for no mention."""
    return {x for x in (e.id, e.affiliation) if x is not None} if e is not None else set()
