"""Resolution stage: mentions → canonical names and ids (states, demonyms, capitals, metonymy, people)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from eventex.document import Document
from eventex.ner.names import legal_form, title_words
from eventex.resources import fold, name_table, read_toml, states, vocabulary
from eventex.resources.facts import find_weapon
from eventex.schema import Entity
from eventex.stages.context_state import WORD, context_state
from eventex.stages.org_names import acronyms_of, places_named_as_firms, short_firm_names
from eventex.stages.person_names import family_names, surname
from eventex.stages.person_names import namesakes as namesakes_of
from eventex.stages.surface import normalise_surface

NameRows = Callable[[str], tuple[tuple[str, str], ...]]
"""A fact table's file name → its (name, iso3) rows."""
_NAME_WORD = re.compile(r"\b(?:[A-Z]\.){2,}|[\w'’-]+")
"""A word of an organisation's name, a dotted initialism ('U.S.', 'U.K.') as one."""
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?\Z")
"""A title's 'of' right before a mention ('Minister of [Ghana Kwame Mensah]')."""
_FIRM_LIST = re.compile(r",\s+(?:and\s+)?|\s+(?:and|&)\s+|\s*/\s*")
"""What separates the firms of a list the entity head ran into one mention ('Exxon and Shell', 'Eni, Total and BP',
'Exxon/Hess/')."""
_STATE_JOINER = re.compile(r" (?:and|&|of|of the) ")
"""What joins the two parts of a state's name ('Sao Tome and Principe', 'Antigua & Barbuda', a form tagged apart
from the name: 'Republic of South Sudan')."""
_PLACE_LABELS = frozenset({"GPE", "LOC", "ORG", "PERSON"})
"""Labels the entity head gives to the parts of a state's name that it splits."""
_STYLED = re.compile(
    r"(?P<pre>(?:[A-Z][\w'-]* )*)(?:Republic|Kingdom|Principality|Sultanate|Federation|State) of (?:the )?(?P<name>.+)")
"""A state's formal style with a descriptive word before it ('the tiny Pacific Republic of Palau', 'the Federal
Republic of Ruritania'): the state named after 'of' (not after 'Democratic' or "People's", which name another state)."""
_CURRENCY_PREFIX = re.compile(r"[A-Z][A-Z.]{0,3}")
"""The state's letters of a currency sign ('US$14 billion', 'HK$2 million'): a short upper-case mention right before
a '$' writes an amount, it names no state."""


@dataclass(frozen=True)
class Match:
    """What a surface form resolves to, and how."""

    iso3: str
    canonical: str
    kind: str  # name | alias | capital | demonym | metonym | prefix


class Gazetteer:
    """Surface form → state, from the project's ``states.tsv`` and the places of ``rows("places.tsv")`` (default:
    the shipped table)."""

    def __init__(self, rows: NameRows = name_table) -> None:
        self.exact: dict[str, Match] = {}
        self.folded: dict[str, Match] = {}
        self.prefixes: dict[str, Match] = {}
        self.names: dict[str, str] = {}
        spec = read_toml("affiliation.toml")
        self.part_words = frozenset(w.lower() for w in spec["part_words"])
        self.continent_names = frozenset(fold(w) for w in spec["continent_names"])
        for st in states():
            self.names[st.iso3] = st.canonical
            groups = [
                ("name", (st.canonical,)), ("alias", st.aliases), ("capital", st.capitals),
                ("demonym", st.demonyms), ("metonym", st.metonyms),
            ]
            for kind, forms in groups:
                for form in forms:
                    m = Match(st.iso3, st.canonical, kind)
                    if form.endswith("-"):
                        self.prefixes.setdefault(form.lower(), m)
                        continue
                    key = normalise_surface(form)
                    self.exact.setdefault(key, m)
                    if len(key) > 3:
                        self.folded.setdefault(fold(key), m)

        for name, iso3 in rows("places.tsv"):  # cities, ports and provinces: the state they lie in
            m = Match(iso3, self.names[iso3], "place")
            key = normalise_surface(name)
            self.exact.setdefault(key, m)
            self.folded.setdefault(fold(key), m)

    def lookup(self, text: str) -> Match | None:
        """The state a surface form names, stands for or belongs to (None if unknown)."""
        key = normalise_surface(text)
        m = self.exact.get(key) or self.folded.get(fold(key))
        if m:
            return m
        styled = _STYLED.fullmatch(key)
        if styled and not {"Democratic", "People's"} & set(styled["pre"].split()):
            m = self.exact.get(styled["name"])
            return m if m and m.kind in ("name", "alias") else None
        if "-" in key:  # Russo-Cuban, Sino-Russian, Russian-made
            head = key.split("-", 1)[0]
            return self.prefixes.get(head.lower() + "-") or self.exact.get(head)
        return self._part(key)

    def _part(self, key: str) -> Match | None:
        """'East Texas', 'southern Iraq': a part of a known state or place (``part_words`` of ``affiliation.toml``
        before its name) lies in that state; names such as 'South Sudan' or 'Northern Ireland' are found whole
        before this, and 'South America' names no part of a state (``continent_names``)."""
        word, _, rest = key.partition(" ")
        if word.lower() not in self.part_words or not rest or fold(rest) in self.continent_names:
            return None
        m = self.exact.get(rest) or self.folded.get(fold(rest))
        return Match(m.iso3, m.canonical, "place") if m and m.kind in ("name", "alias", "place") else None

    def canonical(self, iso3: str) -> str | None:
        """The canonical name of a state id."""
        return self.names.get(iso3)


@lru_cache(maxsize=1)
def shared_gazetteer() -> Gazetteer:
    """One gazetteer of the shipped tables for the rules that look up a place name (built on first use)."""
    return Gazetteer()


def place_kind(text: str) -> str | None:
    """How the gazetteer knows a place name: 'name', 'alias', 'capital', 'metonym', 'place', …; None if unknown."""
    m = shared_gazetteer().lookup(text)
    return m.kind if m else None


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "MISC", "ENERGY_ASSET"})
"""Labels of the head that a fact table may correct (a name mislabelled; never a date, an amount or a weapon)."""
_FIRM_JOINS = frozenset({" ", " and ", " & "})
"""What may lie between two parts of one firm's name that the head split ('Hyundai Engineering and Construction')."""
_PLACE_MISLABELS = frozenset({"PERSON", "ENERGY_ASSET", "MISC"})
"""Labels under which a state, capital or place name is taken for a GPE (an ORG may be a metonym: 'Moscow said')."""


LINEAGE_WORDS = vocabulary("lineage_words")
"""Words that open one more link of an Arabic patronymic chain ('… bin Abdullah')."""


class NameTable:
    """Known names (firms, people) → the state they belong to; matched case- and accent-insensitively."""

    def __init__(self, table: str, rows: NameRows = name_table) -> None:
        self.rows = sorted(rows(table), key=lambda r: -len(r[0]))
        self.states = {fold(name): iso3 for name, iso3 in self.rows}

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(re.escape(fold(n)) for n, _ in self.rows) + r")\b")

    @cached_property
    def _surnames(self) -> dict[str, str]:
        states: dict[str, set[str]] = {}
        for name, iso3 in self.rows:
            states.setdefault(fold(name.split()[-1]), set()).add(iso3)
        return {k: next(iter(v)) for k, v in states.items() if len(v) == 1}

    def contained(self, text: str) -> str | None:
        """The state of the longest known name found as whole words in ``text`` ('OAO NK Rosneft' → RUS)."""
        m = self._pattern.search(fold(text))
        return self.states[m.group(0)] if m else None

    def person(self, full_name: str) -> str | None:
        """The state of a known person, by full name or by a surname that only one state's people carry."""
        key = fold(normalise_surface(full_name))
        words = key.split()
        return self.states.get(key) or self._lineage(words) or (self._surnames.get(words[-1]) if words else None)

    def _lineage(self, words: list[str]) -> str | None:
        """The state of a known name of three words or more that the name opens with, one more link of lineage
        following ('Ahmed bin Khalid bin Nasser' for a known 'Ahmed bin Khalid')."""
        for n in range(len(words) - 2, 2, -1):
            if words[n] in LINEAGE_WORDS and (state := self.states.get(" ".join(words[:n]))):
                return state
        return None


class Resolver:
    """Fills ``canonical``, ``id`` and ``affiliation`` on a document's entities; ``rows`` gives the (name, iso3)
    rows of a fact table (default: the shipped table; see :meth:`eventex.resources.facts.Facts.names`)."""

    name = "resolve"
    requires = ("entities",)
    assigns = ("entities", "entities.id", "entities.label")

    def __init__(self, gazetteer: Gazetteer | None = None, rows: NameRows = name_table) -> None:
        self.gaz = gazetteer or Gazetteer(rows)
        lex = read_toml("affiliation.toml")
        self.title_words = {w.lower() for w in lex["title_words"]}
        self.government_words = {w.lower() for w in lex["government_words"]}
        self.firm_words = self.title_words | {w.lower() for w in lex["firm_words"]}
        self.corporate_words = {w.lower() for w in lex["corporate_words"]}
        self.person_titles = title_words()
        self.firms = NameTable("firms.tsv", rows)
        self.shared_demonyms = {k: frozenset(v) for k, v in lex.get("shared_demonyms", {}).items()}
        self.shared_defaults: dict[str, str] = lex.get("shared_defaults", {})
        self.people = NameTable("people.tsv", rows)
        self.state_forms = {
            form: frozenset(st.iso3 for st in states() if form not in st.canonical
                            and any(re.match(rf"(?:[A-Z]\w+ )?{form} of ", a) for a in st.aliases))
            for form in lex["state_forms"]
        }

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Resolve each document's entities."""
        return map(self, docs)

    def __call__(self, doc: Document) -> Document:
        """Resolve one document's entities."""
        ents = [part for e in doc.entities for part in self._split_state_prefix(doc.text, e)]
        ents = [part for e in ents for part in self._split_demonym_firm(doc.text, e)]
        ents = [part for e in ents for part in self._split_firm_list(doc.text, e)]
        ents = [e for e in ents if not (_CURRENCY_PREFIX.fullmatch(e.text) and doc.text[e.end : e.end + 1] == "$")]
        ents = doc.entities = self._join_firm_parts(doc.text, self._join_split_states(doc.text, ents))
        for e in ents:
            self._relabel(e, doc.text)
            if e.label in ("GPE", "NORP", "ORG", "LOC"):
                m = self.gaz.lookup(e.text)
                if m and m.kind == "place" and e.label not in ("GPE", "LOC"):
                    m = None  # 'Shanghai' in an organisation's name does not make it Chinese
                if m and (e.label != "ORG" or m.kind in ("metonym", "name", "alias", "capital")):
                    e.id, e.canonical = m.iso3, m.canonical
                    named = e.label in ("LOC", "ORG") or (e.label == "NORP" and "-" not in e.text)
                    if named and m.kind in ("name", "alias"):
                        e.label = "GPE"  # a state's name is a GPE ('Russia' tagged LOC, 'China' ORG, 'SADR' NORP;
                        # not 'US-brokered')
                elif e.label == "ORG" and (state := self._named_state(e.text)):
                    # 'China National Petroleum Corporation' belongs to its state, 'Hess Guyana Ltd' to Hess's
                    e.affiliation = self._unit_parent(e.text, state) or state
                    self._acts_for_state(e)  # 'Indian Navy', 'Russian Foreign Ministry' act for it
        places_named_as_firms(ents)
        self._state_forms(doc)
        self._shared_demonyms(doc)
        self._surnames_as_people(doc)
        self._people(doc)
        return doc

    def _unit_parent(self, name: str, state: str) -> str | None:
        """The state of a known firm of another state whose name a firm's name holds along with ``state``'s, not
        after 'of': the firm is that one's unit there ('Hess Guyana Exploration Ltd', 'Shell Nigeria'; not 'National
        Oil Corporation of Kenya', which names its owner)."""
        parent = self.firms.contained(name)
        return parent if parent and parent != state and not _OF_WORD.search(name) else None

    def _surnames_as_people(self, doc: Document) -> None:
        """'Argentine Defence Minister Luis Petri … when Petri travels': a one-word organisation mention that is the
        family name of a person the text names in full, or the whole name of a person of ``people.tsv`` ('Prabowo'),
        is that person (not a known firm's or state's name)."""
        surnames = {surname(e.text) for e in doc.entities if e.label == "PERSON" and len(e.text.split()) > 1}
        for e in doc.entities:
            name = normalise_surface(e.text)
            if (e.label == "ORG" and not e.id and " " not in e.text
                    and (name in surnames or fold(name) in self.people.states)
                    and fold(name) not in self.firms.states):
                e.label, e.affiliation = "PERSON", None

    def _shared_demonyms(self, doc: Document) -> None:
        """A demonym or name two states share ('Korean', 'Korea', 'Congo') is the one of them the document names
        elsewhere, if it names only one (``shared_demonyms`` of ``affiliation.toml``), whichever the gazetteer gave;
        where it names neither, the one news means by it alone, if any (``shared_defaults``)."""
        named = {e.id for e in doc.entities if e.id and e.text not in self.shared_demonyms}
        for e in doc.entities:
            states = self.shared_demonyms.get(e.text) if e.label in ("NORP", "GPE") else None
            states = states if states and (not e.id or e.id in states) else None
            found = states & named if states else frozenset()
            if len(found) == 1 or (states and not found and not e.id and e.text in self.shared_defaults):
                e.id = next(iter(found)) if found else self.shared_defaults[e.text]
                e.canonical = self.gaz.canonical(e.id)

    def _state_forms(self, doc: Document) -> None:
        """'Saudi Arabia … the Kingdom purchasing': a state's form named alone after 'the' is the nearest state of
        that form named before it, else the first named after it (``state_forms`` of ``affiliation.toml``)."""
        last: dict[str, str] = {}
        pending: dict[str, list[Entity]] = {}
        for e in doc.entities:
            if e.id:
                for form, ids in self.state_forms.items():
                    if e.id in ids:
                        last[form] = e.id
                        for waiting in pending.pop(form, []):
                            self._name_state(waiting, e.id)
            elif (form := normalise_surface(e.text)) in self.state_forms and (
                    e.text.lower().startswith("the ") or doc.text[max(0, e.start - 4) : e.start].lower() == "the "):
                if form in last:
                    self._name_state(e, last[form])
                else:
                    pending.setdefault(form, []).append(e)

    def _name_state(self, e: Entity, iso3: str) -> None:
        """Make ``e`` a mention of the state ``iso3``."""
        e.id, e.canonical, e.label = iso3, self.gaz.canonical(iso3), "GPE"

    def _split_state_prefix(self, text: str, e: Entity) -> list[Entity]:
        """A state's name run into the name of a known person after it ('the Prime Minister of Uzbekistan Abdulla
        Aripov', 'President of the Kyrgyz Republic Sadyr Japarov'), or of any person of two or more words after a
        title's 'of' ('the Foreign Minister of Ghana Kwame Mensah'): the state (GPE) and the person (PERSON)."""
        words = list(WORD.finditer(e.text))
        if e.label not in ("PERSON", "GPE") or len(words) < 3:
            return [e]
        for n in range(min(3, len(words) - 2), 0, -1):
            state = self.gaz.exact.get(e.text[: words[n - 1].end()])
            rest = e.text[words[n].start() :]
            titled = e.label == "PERSON" and _OF_BEFORE.search(text, max(0, e.start - 8), e.start) is not None and all(
                w.group()[:1].isupper() for w in words[n:]) and len(words) - n >= 2  # 'Minister of Ghana Kwame Mensah'
            if state and state.kind in ("name", "alias") and (fold(rest) in self.people.states or titled):
                cut = e.start + words[n].start()
                head = e.start + words[n - 1].end()
                return [e.model_copy(update={"end": head, "text": text[e.start : head], "label": "GPE"}),
                        e.model_copy(update={"start": cut, "text": text[cut : e.end], "label": "PERSON"})]
        return [e]

    def _split_demonym_firm(self, text: str, e: Entity) -> list[Entity]:
        """A demonym run into the name of a known firm after it, all tagged a nationality ('Norwegian Equinor'): the
        demonym (NORP) and the firm (ORG)."""
        words = list(WORD.finditer(e.text))
        if e.label != "NORP" or len(words) < 2:
            return [e]
        demonym = self.gaz.exact.get(e.text[: words[0].end()])
        rest = e.text[words[1].start() :]
        if demonym is None or demonym.kind != "demonym" or fold(normalise_surface(rest)) not in self.firms.states:
            return [e]
        cut = e.start + words[1].start()
        head = e.start + words[0].end()
        return [e.model_copy(update={"end": head, "text": text[e.start : head]}),
                e.model_copy(update={"start": cut, "text": text[cut : e.end], "label": "ORG"})]

    def _split_firm_list(self, text: str, e: Entity) -> list[Entity]:
        """Known firms the head ran into one organisation mention with their list's commas and 'and' ('Exxon and
        Shell', 'Eni, Shell and ExxonMobil'), or any names it ran in with slashes that a slash joins to the next one
        ('Exxon/Hess' before '/CNOOC'): one ORG mention each (not when the whole is a known firm's name)."""
        if e.label != "ORG" or not _FIRM_LIST.search(e.text) or fold(normalise_surface(e.text)) in self.firms.states:
            return [e]
        parts, pos = [], 0
        for m in (*_FIRM_LIST.finditer(e.text), None):
            end = m.start() if m is not None else len(e.text)
            if end > pos:
                parts.append((pos, end))
            pos = m.end() if m is not None else pos
        slashed = "/" in (e.text[-1:], text[e.end : e.end + 1]) and all(
            e.text[a].isupper() or e.text[a].isdigit() for a, _ in parts)
        if not slashed and not all(fold(normalise_surface(e.text[a:b])) in self.firms.states for a, b in parts):
            return [e]
        return [e.model_copy(update={"start": e.start + a, "end": e.start + b, "text": text[e.start + a : e.start + b]})
                for a, b in parts]

    def _join_firm_parts(self, text: str, ents: list[Entity]) -> list[Entity]:
        """A nationality (or a name) and the mention a space (or 'and', '&') after it whose whole is a known firm's
        name, split so by the head ('Russian' + 'Helicopters', 'Hyundai Engineering' + 'Construction'): one ORG
        mention of that firm (not 'Russian' + 'helicopters', weapons of a state)."""
        out: list[Entity] = []
        for e in ents:
            prev = out[-1] if out else None
            joined = fold(normalise_surface(text[prev.start : e.end])) if prev is not None else ""
            if (prev is not None and prev.label in ("NORP", "ORG") and text[prev.end : e.start] in _FIRM_JOINS
                    and not e.text.islower() and joined in self.firms.states):
                out[-1] = prev.model_copy(update={"end": e.end, "text": text[prev.start : e.end], "label": "ORG",
                                                  "id": None})
                continue
            out.append(e)
        return out

    def _join_split_states(self, text: str, ents: list[Entity]) -> list[Entity]:
        """Two place mentions joined by 'and', '&' or 'of' whose whole is a state's name ('Sao Tome' + 'Principe',
        'Trinidad' + 'Tobago', 'Republic' + 'South Sudan'): one GPE mention of that state."""
        out: list[Entity] = []
        for e in ents:
            prev = out[-1] if out else None
            if (prev is not None and {prev.label, e.label} <= _PLACE_LABELS
                    and _STATE_JOINER.fullmatch(text, prev.end, e.start)):
                m = self.gaz.exact.get(text[prev.start : e.end])
                if m and m.kind in ("name", "alias"):
                    out[-1] = prev.model_copy(update={"end": e.end, "text": text[prev.start : e.end], "label": "GPE"})
                    continue
            out.append(e)
        return out

    def _relabel(self, e: Entity, text: str) -> None:
        """A known name under the wrong label takes the label of its table: a firm of ``firms.tsv`` is an ORG
        ('Hanwha' tagged GPE, 'Equinor' tagged NORP; tagged WEAPON only with its legal form, 'Saab AB', or as a name of
        two words or more that names no weapon, 'Elbit Systems'), a full name
        of ``people.tsv`` a PERSON ('Cyril Ramaphosa' tagged ORG), a state, capital or place of the gazetteer, named
        as a whole, a GPE ('Washington' or 'SADR' tagged PERSON; not after a title: 'Minister Tunis'; a city or
        province tagged NORP). Only capitalised mentions ('the island' is not Iceland's 'Island')."""
        suffix = legal_form(e.text) if e.label == "WEAPON" else None
        if suffix and fold(normalise_surface(e.text[: suffix.start()])) in self.firms.states:
            e.label = "ORG"  # 'bought from Saab AB': a firm with its legal form is no weapon
            return
        if e.label == "WEAPON" and " " in e.text and fold(normalise_surface(e.text)) in self.firms.states and (
            find_weapon(e.text) is None
        ):
            e.label = "ORG"  # 'a contract with Israel's Elbit Systems': a firm's name of two words or more
            return
        if e.label not in _NAME_LABELS or not e.text[:1].isupper():
            return
        surface = normalise_surface(e.text)
        key = fold(surface)
        place = self.gaz.exact.get(surface) or self.gaz.folded.get(key)
        if e.label != "ORG" and key in self.firms.states and place is None:
            e.label = "ORG"
        elif e.label != "PERSON" and " " in key and key in self.people.states and place is None:
            e.label = "PERSON"
        elif e.label in _PLACE_MISLABELS and place is not None and (place.kind != "place" or e.label == "PERSON"):
            before = WORD.findall(text[max(0, e.start - 40) : e.start])
            if not before or before[-1].lower() not in self.person_titles:
                e.label = "GPE"
        elif e.label == "NORP" and place is not None and place.kind == "place":
            e.label = "GPE"  # a city or province named as a modifier ('the Fujian project') is no nationality
        elif e.label == "ORG" and place is not None and place.kind == "demonym":
            e.label = "NORP"  # 'The Qatari firm will hold …' with 'Qatari' tagged ORG: a nationality

    def _acts_for_state(self, org: Entity) -> None:
        """A government body (not a company) of its affiliated state stands for that state."""
        words = {w.lower() for w in WORD.findall(org.text)}
        if org.affiliation and words & self.government_words and not words & self.corporate_words:
            org.id, org.canonical = org.affiliation, self.gaz.canonical(org.affiliation)

    def _named_state(self, text: str) -> str | None:
        """The first state a word or run of up to three words of an organisation's name names ('Russian Defense
        Ministry', 'U.S. Navy', 'United States Air Force' → RUS, USA, USA)."""
        words = _NAME_WORD.findall(text)
        for i in range(len(words)):
            for n in (3, 2, 1):
                m = self.gaz.lookup(" ".join(words[i : i + n])) if i + n <= len(words) else None
                if m and m.kind != "place":
                    return m.iso3
        return None

    def _people(self, doc: Document) -> None:
        """Full-name canonicals by surname; affiliations of people and firms from the text itself."""
        states = [e for e in doc.entities if e.id and e.label in ("GPE", "NORP")]
        starts = [e.start for e in states]
        people = [e for e in doc.entities if e.label == "PERSON"]
        name_of = family_names(people)
        full: dict[str, Entity] = {}
        for p in people:
            last = name_of[p.start]
            if last not in full or len(p.text) > len(full[last].text):
                full[last] = p
        affiliation: dict[str, str] = {}
        person_starts = sorted(p.start for p in people)
        for p in people:
            state = context_state(doc.text, p, states, starts, self.title_words, need_title=True,
                                        person_starts=person_starts)
            if state:
                affiliation.setdefault(name_of[p.start], state)
        namesakes = namesakes_of(people, name_of, self.title_words | self.person_titles)
        for p in people:
            last = name_of[p.start]
            head = namesakes.get(p.start) or full.get(last)
            p.canonical = normalise_surface(head.text) if head is not None else normalise_surface(p.text)
            p.affiliation = affiliation.get(last) or self.people.person(p.canonical or p.text)
        firms: dict[str, str] = {}
        orgs = [e for e in doc.entities if e.label == "ORG" and not e.id]
        for o in orgs:
            state = context_state(doc.text, o, states, starts, self.firm_words, need_title=False)
            if state:
                firms.setdefault(normalise_surface(o.text).casefold(), state)
        for o in orgs:
            o.affiliation = o.affiliation or firms.get(normalise_surface(o.text).casefold())
            self._acts_for_state(o)  # 'Russian' + 'Defense Ministry'
            o.affiliation = o.affiliation or self.firms.contained(o.text)
        acronyms_of(doc)
        short_firm_names(doc, self.corporate_words)


_OF_WORD = re.compile(r"\bof\b", re.IGNORECASE)
"""'of' inside a name ('National Oil Corporation of Kenya'): the state after it owns the firm."""
