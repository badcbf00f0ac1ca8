"""Which weapon system or energy asset a mention names, from the project's fact tables.

A name is matched as a run of whole words, case- and accent-insensitively, wherever it lies in the mention; the
longest name found wins. Designations are split into letter and digit runs, so "Su-30MKI", "Su 30MKI" and
"Su30MKI" are one name, while "F-16" is not found in "F-161" nor "Tor" in "Toronto". A name's last word also matches
with a plural -s or -es ("Rafales", "Su-35s"). Names that are common words, people's names or places match only in
context (see ``facts.toml``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Generic, TypeVar

from eventex.resources import EnergyAsset, Weapon, energy_assets, fold, name_table, read_toml, states, weapons

T = TypeVar("T")

_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_CAMEL_TOKEN = re.compile(r"[A-Z]?[a-z]{3,}(?=[A-Z])|[^\W\d_]+|\d+")
"""Tokens of a text whose words may have lost a space: a lower-case run of three or more letters before a capital
ends a word ('BayraktarTB2' is 'Bayraktar TB2'; 'MiG' and 'McDonnell' stay whole)."""
_DASHES = frozenset("-‐‑‒–—/.")
_APOSTROPHES = frozenset("'’")
_MAX_MODIFIERS = 4
# Words that never start a designation across a space: "at 5" is not the AT-5, "an 12" not the An-12.
_FUNCTION_WORDS = frozenset({"a", "i", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it",
                             "me", "my", "no", "of", "on", "or", "so", "to", "up", "us", "we"})


@dataclass(frozen=True)
class FactMatch(Generic[T]):
    """A table row found in a text, with the character span of the name that named it."""

    row: T
    start: int
    end: int


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    gaps: set[str] = field(default_factory=set)  # gap kinds allowed between the parent's token and this one
    row: int | None = None
    context: int = 0  # 0: anywhere; 1: before a type word or as the whole mention; 2: before a type word only
    caps: bool = False  # an all-capitals name ("HARM", "AUG") is a whole mention only when written in capitals


@lru_cache(maxsize=1 << 16)
def _key(token: str) -> str:
    return fold(token).replace("ı", "i")


def _tokens(text: str, pattern: re.Pattern[str] = _TOKEN) -> list[tuple[str, int, int]]:
    return [(_key(m.group()), m.start(), m.end()) for m in pattern.finditer(text)]


def _gap(between: str) -> str | None:
    """The kind of separator between two tokens: join, dash, apostrophe, space, or None when it breaks a name."""
    if between == " ":
        return "space"
    if not between:
        return "join"
    if len(between) > 3:
        return None
    if all(c in _APOSTROPHES for c in between):
        return "apostrophe"
    if all(c in _DASHES for c in between):
        return "dash"
    if all(c.isspace() or c in _DASHES for c in between):
        return "space"
    return None


def _allowed(gap: str, prev: str, nxt: str) -> set[str]:
    """Separators a text may use where a name has ``gap`` between tokens ``prev`` and ``nxt``."""
    if gap == "apostrophe":
        return {"apostrophe"}
    if prev.isalpha() and nxt.isdigit() and (gap == "join" or len(prev) == 1 or prev in _FUNCTION_WORDS):
        return {"join", "dash"}  # "AT4" is not "at 4", "A-10" is not "a 10"
    return {"join", "dash", "space"}


def _plural(word: str) -> str:
    return word + ("es" if word.endswith(("s", "x", "z", "ch", "sh")) else "s")


class FactIndex(Generic[T]):
    """A word trie over the names of a fact table's rows; lookups are linear in the length of the text."""

    def __init__(
        self, rows: tuple[T, ...], names: list[tuple[str, ...]], ambiguous: set[str], places: set[str],
        heads: set[str], modifiers: set[str], leading: set[str],
    ) -> None:
        self.rows = rows
        self.root = _Node()
        self.heads = heads | {_plural(h) for h in heads}
        self.modifiers = modifiers
        self.leading = leading
        entries: list[tuple[list[tuple[str, int, int]], str, int, int]] = []
        for i, forms in enumerate(names):
            for name in forms:
                toks = _tokens(name)
                key = " ".join(t for t, _, _ in toks)
                context = 2 if key in places else 1 if key in ambiguous else 0
                entries.append((toks, name, i, context))
        for toks, name, i, context in entries:
            self._insert(toks, name, i, context)
        for toks, name, i, context in entries:  # plurals after every name, so that a name wins over a plural
            last = toks[-1][0]
            if last.isalpha() and len(last) > 1:
                self._insert([*toks[:-1], (_plural(last), toks[-1][1], toks[-1][2])], name, i, context)

    def _insert(self, toks: list[tuple[str, int, int]], name: str, row: int, context: int) -> None:
        node = self.root.children.setdefault(toks[0][0], _Node())
        for (prev, _, end), (tok, start, _) in itertools.pairwise(toks):
            gap = _gap(name[end:start])
            if gap is None:
                raise ValueError(f"unusable name in fact table: {name!r}")
            node = node.children.setdefault(tok, _Node())
            node.gaps |= _allowed(gap, prev, tok)
        if node.row is None:
            node.row, node.context, node.caps = row, context, name.isupper()

    def find(self, text: str) -> FactMatch[T] | None:
        """The row whose name, found in ``text``, is longest (then leftmost); None when no name is found, also
        where the text's words are read as run together ('BayraktarTB2')."""
        toks = _tokens(text)
        found = self._find(text, toks)
        if found is None and len(camel := _tokens(text, _CAMEL_TOKEN)) > len(toks):
            found = self._find(text, camel)
        return found

    def _find(self, text: str, toks: list[tuple[str, int, int]]) -> FactMatch[T] | None:
        """:meth:`find` over the text's tokens ``toks``."""
        gaps = [_gap(text[a[2]:b[1]]) for a, b in itertools.pairwise(toks)]
        best: tuple[int, int, int, int] | None = None  # (-tokens, -characters, start token, row)
        for i, (tok, _, _) in enumerate(toks):
            node = self.root.children.get(tok)
            j = i
            while node is not None:
                if node.row is not None and self._in_context(text, toks, gaps, i, j, node):
                    cand = (-(j - i + 1), -(toks[j][2] - toks[i][1]), i, node.row)
                    if best is None or cand[:3] < best[:3]:
                        best = cand
                if j + 1 == len(toks) or gaps[j] is None:
                    break
                child = node.children.get(toks[j + 1][0])
                if child is None or gaps[j] not in child.gaps:
                    break
                node, j = child, j + 1
        if best is None:
            return None
        n, _, i, row = best
        return FactMatch(self.rows[row], toks[i][1], toks[i - n - 1][2])

    def names_in(self, text: str) -> list[FactMatch[T]]:
        """Every name that may stand anywhere (not one that needs a type word, see ``facts.toml``) written with a
        capital, leftmost-longest and not overlapping; linear in the length of ``text``."""
        toks = _tokens(text)
        gaps = [_gap(text[a[2]:b[1]]) for a, b in itertools.pairwise(toks)]
        out: list[FactMatch[T]] = []
        i = 0
        while i < len(toks):
            node, j, found = self.root.children.get(toks[i][0]), i, None
            while node is not None:
                if node.row is not None and node.context == 0:
                    found = (j, node.row)
                if j + 1 == len(toks) or gaps[j] is None:
                    break
                node = node.children.get(toks[j + 1][0])
                node = node if node is not None and gaps[j] in node.gaps else None
                j += 1
            if found is not None and text[toks[i][1]].isupper():
                out.append(FactMatch(self.rows[found[1]], toks[i][1], toks[found[0]][2]))
                i = found[0] + 1
            else:
                i += 1
        return out

    def _in_context(
        self, text: str, toks: list[tuple[str, int, int]], gaps: list[str | None], i: int, j: int, node: _Node,
    ) -> bool:
        """Whether the name at tokens ``i..j`` may stand where it is (see ``facts.toml``)."""
        if node.context == 0:
            return True
        k = j + 1
        while k < len(toks) and k - j <= _MAX_MODIFIERS + 1 and gaps[k - 1] in ("space", "dash"):
            if toks[k][0] in self.heads:
                return True
            if toks[k][0] not in self.modifiers:
                break
            k += 1
        if node.context == 2 or (node.caps and not text[toks[i][1]:toks[j][2]].isupper()):
            return False
        before = all(t in self.leading or t.isdigit() for t, _, _ in toks[:i])
        after = [t for t, _, _ in toks[j + 1:]]
        return before and after in ([], ["s"])


@cache
def _place_keys() -> frozenset[str]:
    """The keys of every place name the resolver knows: states, their capitals and the places of ``places.tsv``."""
    names = [n for n, _ in name_table("places.tsv")]
    for st in states():
        names += [st.canonical, *st.aliases, *st.capitals]
    return frozenset(name_keys(names))


@cache
def _state_words() -> frozenset[str]:
    """The folded words of every state's names and demonyms ('pakistan', 'korea', 'turkish')."""
    names = [n for st in states() for n in (st.canonical, *st.aliases, *st.demonyms)]
    return frozenset(w for k in name_keys(names) for w in k.split())


def is_state_word(word: str) -> bool:
    """Whether a word is part of the name or demonym of a state ('Pakistan', 'Korea', 'Turkish')."""
    return " ".join(t for t, _, _ in _tokens(word)) in _state_words()


def name_keys(names: list[str]) -> set[str]:
    """The lookup keys of names: their tokens, case- and accent-folded ("Su-30MKI" → "su 30 mki")."""
    return {" ".join(t for t, _, _ in _tokens(n)) for n in names}


def _index(
    rows: tuple[T, ...], names: list[tuple[str, ...]], section: str, places: tuple[str, ...] = (),
) -> FactIndex[T]:
    lex = read_toml("facts.toml")
    words = lex[section]
    return FactIndex(
        rows, names, name_keys(words["ambiguous"]), _place_keys() | name_keys([*words["places"], *places]),
        name_keys(words["heads"]), name_keys(words["modifiers"]), name_keys(lex["leading"]),
    )


@cache
def weapon_index() -> FactIndex[Weapon]:
    """The index over ``weapons.tsv``."""
    rows = weapons()
    return _index(rows, [r.forms for r in rows], "weapons")


@cache
def firm_index() -> FactIndex[tuple[str, str]]:
    """The index over ``firms.tsv``: (name, iso3) rows; names with a sign between words that the index cannot match
    ('Oil & Natural Gas') are left to the entity head."""
    rows = tuple(row for row in name_table("firms.tsv") if _indexable(row[0]))
    return _index(rows, [(name,) for name, _ in rows], "firms")


def _indexable(name: str) -> bool:
    """Whether every gap between the words of ``name`` is one a :class:`FactIndex` matches."""
    toks = _tokens(name)
    return bool(toks) and all(_gap(name[a[2]:b[1]]) is not None for a, b in itertools.pairwise(toks))


@cache
def energy_asset_index() -> FactIndex[EnergyAsset]:
    """The index over ``energy_assets.tsv``."""
    rows = energy_assets()
    return _index(rows, [r.forms for r in rows], "energy_assets")


def find_weapon(text: str) -> FactMatch[Weapon] | None:
    """The weapon system a mention names ("took delivery of its first Rafale jets" → Rafale, FRA)."""
    return weapon_index().find(text)


def find_energy_asset(text: str) -> FactMatch[EnergyAsset] | None:
    """The energy asset a mention names ("a stake in the Kashagan field" → Kashagan, KAZ)."""
    return energy_asset_index().find(text)


@dataclass(frozen=True)
class Facts:
    """The fact tables as one extractor uses them: the shipped tables plus the rows given here (from user rules,
    ``docs/rules.md``). Firms, people and places are (name, iso3) rows."""

    firms: tuple[tuple[str, str], ...] = ()
    people: tuple[tuple[str, str], ...] = ()
    places: tuple[tuple[str, str], ...] = ()
    weapons: tuple[Weapon, ...] = ()
    energy_assets: tuple[EnergyAsset, ...] = ()

    def names(self, table: str) -> tuple[tuple[str, str], ...]:
        """The (name, iso3) rows of ``firms.tsv``, ``people.tsv`` or ``places.tsv``: shipped, then added."""
        return name_table(table) + getattr(self, table.removesuffix(".tsv"))

    @cached_property
    def weapon_index(self) -> FactIndex[Weapon]:
        """The index over the shipped and added weapons."""
        if not self.weapons and not self.places:
            return weapon_index()
        rows = weapons() + self.weapons
        return _index(rows, [r.forms for r in rows], "weapons", tuple(n for n, _ in self.places))

    @cached_property
    def energy_asset_index(self) -> FactIndex[EnergyAsset]:
        """The index over the shipped and added energy assets."""
        if not self.energy_assets and not self.places:
            return energy_asset_index()
        rows = energy_assets() + self.energy_assets
        return _index(rows, [r.forms for r in rows], "energy_assets", tuple(n for n, _ in self.places))

    def find_weapon(self, text: str) -> FactMatch[Weapon] | None:
        """The weapon system a mention names, shipped or added (see :func:`find_weapon`)."""
        return self.weapon_index.find(text)

    def find_energy_asset(self, text: str) -> FactMatch[EnergyAsset] | None:
        """The energy asset a mention names, shipped or added (see :func:`find_energy_asset`)."""
        return self.energy_asset_index.find(text)
