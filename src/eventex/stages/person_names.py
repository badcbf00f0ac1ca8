"""Which person mentions of one text name the same person: family-name keys, namesakes, and names that run inside
a longer name."""

from __future__ import annotations

import re

from eventex.resources import vocabulary
from eventex.schema import Entity
from eventex.stages.surface import normalise_surface

_NAME_SUFFIX = re.compile(r"[IVX]{1,4}|Jr\.?|Sr\.?")
"""A regnal number or generation after a name ('Letsie III', 'Abdullah II'): part of the family name."""


ARTICLE = "(?:" + "|".join(sorted(map(re.escape, vocabulary("name_articles")), key=lambda w: (-len(w), w))) + ")-"
"""A pattern for the Arabic article written in lower case before a family name ('al-', 'el-'; ``name_articles``)."""
_ARTICLE = re.compile(ARTICLE + "(?=[A-Z])")


def surname(name: str) -> str:
    """The family name of a full name: its last word, with a regnal number or generation before it kept, and
    without a lower-case article ('Sadun al-Dulaymi' → 'Dulaymi')."""
    parts = name.split()
    if len(parts) > 1 and _NAME_SUFFIX.fullmatch(parts[-1]):
        return normalise_surface(" ".join(parts[-2:]))
    return normalise_surface(_ARTICLE.sub("", parts[-1], count=1)) if parts else ""


def namesakes(people: list[Entity], name_of: dict[int, str], titles: set[str]) -> dict[int, Entity]:
    """Where two people of a text share a family name ('Uhuru Kenyatta' and his wife 'Margaret Kenyatta'): each
    mention with a given name (a word before the family name that is no title or abbreviation) → the longest name
    with that given name, the longer names first ('Shah Mahmood Qureshi' goes with 'Makhdoom Shah Mahmood
    Qureshi'); a bare family name or a titled one ('President Biden', 'Mrs Kenyatta') goes with the one named first
    (the story's figure)."""
    held: dict[str, list[Entity]] = {}
    given_of: dict[int, str] = {}
    for p in sorted(people, key=lambda p: -len(p.text)):
        words = p.text.split()
        given = next((_name_words(w)[0] for w in words[:-1]
                      if w.lower().rstrip(".") not in titles and not w.isupper() and _name_words(w)), None)
        if given is None:
            continue
        given_of[p.start] = given
        names = held.setdefault(name_of[p.start], [])
        if not any(given in _name_words(n.text) for n in names):
            names.append(p)
    out: dict[int, Entity] = {}
    first: dict[str, Entity] = {}
    for p in sorted(people, key=lambda p: p.start):
        key = name_of[p.start]
        names = held.get(key, [])
        if len(names) < 2:
            continue
        given = given_of.get(p.start)
        own = next((n for n in names if given in _name_words(n.text)), None) if given else None
        out[p.start] = own or first.get(key, names[0])
        first.setdefault(key, out[p.start])
    return out


def family_names(people: list[Entity]) -> dict[int, str]:
    """Each person mention's start → the name that ties its mentions together: its last word, except that a
    one-word mention that is the last word of no longer name goes with the one longer name that holds it as a
    word ('Hu Jintao … Hu landed', 'Luiz Inacio Lula da Silva … Lula said') or, in capitals, as its initials
    ('Mohammed bin Salman … MBS')."""
    lasts = {surname(p.text) for p in people if len(p.text.split()) > 1}
    inner: dict[str, set[str]] = {}
    for p in people:
        parts = p.text.split()
        if len(parts) > 1:
            keys = {normalise_surface(w) for w in parts[:-1]} | {"".join(w[0] for w in parts).upper()}
            for key in keys:
                inner.setdefault(key, set()).add(surname(p.text))
    out = {}
    for p in people:
        last = surname(p.text)
        owners = inner.get(last, set()) if " " not in p.text.strip() and last not in lasts else set()
        out[p.start] = next(iter(owners)) if len(owners) == 1 else last
    longer = _longer_names(people, out)
    return {start: longer.get(key, key) for start, key in out.items()}


def _name_words(name: str) -> tuple[str, ...]:
    """A name's words, case-folded, with hyphenated parts as words ('Diaz-Canel' → 'diaz', 'canel')."""
    return tuple(normalise_surface(name).casefold().replace("-", " ").split())


def _longer_names(people: list[Entity], key_of: dict[int, str]) -> dict[str, str]:
    """Family-name keys of the names of two or more words that run inside one longer name of another key ('Miguel
    Diaz-Canel' and 'Diaz Canel' inside 'Miguel Diaz-Canel Bermudez', 'Gustavo Petro' in 'Gustavo Petro Urrego'),
    mapped to that name's key; not into a name ending in a generation ('Donald Trump' is not 'Donald Trump Jr.')."""
    names = sorted({(_name_words(p.text), key_of[p.start]) for p in people
                    if not _NAME_SUFFIX.fullmatch(p.text.split()[-1])}, key=lambda n: -len(n[0]))
    having: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name in names:
        for word in set(name[0]):
            having.setdefault(word, []).append(name)
    out: dict[str, str] = {}
    for words, key in names:
        if len(words) < 2:
            continue
        near = min((having[w] for w in words), key=len)  # the names with its rarest word: linear in a text's names
        holders = {out.get(k, k) for w, k in near if len(w) > len(words) and _runs_inside(words, w)} - {key}
        if len(holders) == 1:
            out[key] = holders.pop()
    return out


def _runs_inside(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether ``part`` is a run of consecutive words of ``whole``."""
    n = len(part)
    return any(whole[i : i + n] == part for i in range(len(whole) - n + 1))
