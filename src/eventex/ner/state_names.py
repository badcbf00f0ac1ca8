"""Repairs of state names: the end of a state's official name grown over its first words ("[Republic of China]"
after "People's"), a place mention that joins two state names ('Mali & Niger') split in two, and a demonym split off
the weapon mention it opens ('[Korean] [KT-1 trainers]')."""

from __future__ import annotations

import re
from functools import lru_cache

from eventex.ner.edits import moved
from eventex.resources import fold, states
from eventex.schema import Entity
from eventex.stages.surface import straight_quotes


@lru_cache(maxsize=1)
def _state_name_heads() -> dict[str, tuple[str, ...]]:
    """The folded end (two words or more) of a state's official name → the words that go before it in that name
    ('republic of china' → "People's", 'republic of korea' → "Democratic People's")."""
    heads: dict[str, set[str]] = {}
    for st in states():
        for name in (st.canonical, *st.aliases):
            words = name.split()
            for k in range(1, len(words) - 1):
                heads.setdefault(_apostrophe_fold(" ".join(words[k:])), set()).add(" ".join(words[:k]))
    return {tail: tuple(sorted(h, key=len, reverse=True)) for tail, h in heads.items()}


def _apostrophe_fold(text: str) -> str:
    return fold(straight_quotes(text))


def with_state_name_head(text: str, ent: Entity) -> Entity:
    """A place mention that is the end of a state's official name written whole in the text, grown over the name's
    first words: '[Republic of China]' after "People's" is the People's Republic of China, not Taiwan."""
    if ent.label not in ("GPE", "LOC", "ORG"):
        return ent
    for head in _state_name_heads().get(_apostrophe_fold(ent.text), ()):
        start = ent.start - len(head) - 1
        if start >= 0 and (start == 0 or not text[start - 1].isalnum()) and text[ent.start - 1].isspace() and (
            _apostrophe_fold(text[start : ent.start - 1]) == _apostrophe_fold(head)
        ):
            return moved(ent, text, start, ent.end, label="GPE")
    return ent


@lru_cache(maxsize=1)
def state_names() -> frozenset[str]:
    """Folded names, aliases, short codes and demonyms of the states in ``states.tsv``."""
    return frozenset(fold(n) for st in states() for n in (st.canonical, *st.aliases, *st.demonyms, *st.metonyms))


_STATE_PAIR = re.compile(r"(.+?) (?:&|and) (.+)")
"""A place mention of two names joined by 'and' or '&' ('Mali & Niger')."""
_PLACE_LABELS = frozenset({"GPE", "LOC"})


def state_pair(text: str, ent: Entity) -> list[Entity]:
    """A place mention that joins two state names ('Mali & Niger'), none of which with the other is one state's name
    ('Trinidad and Tobago'), split into the two states."""
    m = _STATE_PAIR.fullmatch(ent.text) if ent.label in _PLACE_LABELS else None
    names = state_names()
    if m is None or fold(ent.text) in names or not (fold(m.group(1)) in names and fold(m.group(2)) in names):
        return [ent]
    return [moved(ent, text, ent.start, ent.start + m.end(1)), moved(ent, text, ent.start + m.start(2), ent.end)]


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Folded demonyms of the states in ``states.tsv`` ('korean', 'south korean')."""
    return frozenset(fold(d) for st in states() for d in st.demonyms)


def demonym_weapon(text: str, ent: Entity) -> list[Entity]:
    """A weapon mention that opens with a state's demonym, split into the demonym (NORP) and the weapon, as the
    guidelines mark them ('[Korean] [KT-1 trainers]', as '[Russian] [helicopters]')."""
    if ent.label != "WEAPON":
        return [ent]
    words = ent.text.split(" ")
    for n in (2, 1):
        head = " ".join(words[:n])
        if len(words) > n and fold(head) in _demonyms():
            rest = ent.start + len(head) + 1
            return [moved(ent, text, ent.start, ent.start + len(head), label="NORP"), moved(ent, text, rest, ent.end)]
    return [ent]
