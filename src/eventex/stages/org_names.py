"""Organisation names of one text: acronyms and short forms that name a firm given in full, and unknown places
that begin a firm's legal name."""

from __future__ import annotations

import re
from itertools import pairwise

from eventex.document import Document
from eventex.ner.names import initials, legal_form
from eventex.resources.facts import is_state_word
from eventex.schema import Entity
from eventex.stages.surface import normalise_surface

OR_ALIAS = re.compile(r",[ \t]+or[ \t]+")
"""What stands between a name and its acronym given as an alias ('Oil India Limited, or OIL, …')."""


def acronyms_of(doc: Document) -> None:
    """'the National Oil Corporation (NOC) … NOC officials', 'the Royal Malaysian Navy (RMN)': an organisation's
    acronym in parentheses (or after ', or') right after its name is, there and later, the same organisation (its
    canonical name, and the state it acts for or belongs to); so is, with no parentheses, one spelled by the initials
    of a name of known state in the text ('the Ghana Air Force … GAF pilots', a headline's 'CNOOC' before 'China
    National Offshore Oil Corporation'). An energy asset's acronym is the same asset, with its host state ('the North
    Field East (NFE) … NFE')."""
    for label in ("ORG", "ENERGY_ASSET"):
        _acronyms_of(doc, label)


def _acronyms_of(doc: Document, label: str) -> None:
    """:func:`acronyms_of` over the mentions of one label (organisations, or energy assets)."""
    orgs = [e for e in doc.entities if e.label == label]
    named: dict[str, Entity] = {}
    for name, short in pairwise(orgs):
        if " " in short.text:
            continue
        between, after = doc.text[name.end : short.start], doc.text[short.end : short.end + 1]
        if (between.strip() == "(" and after == ")") or (OR_ALIAS.fullmatch(between) and after in (",", "")):
            named.setdefault(short.text, name)
    spelled_by: dict[str, Entity] = {}
    for o in orgs:
        if (o.id or o.affiliation) and (spelled := initials(normalise_surface(o.text))):
            spelled_by.setdefault(spelled, o)
    for o in orgs:
        if o.text.isupper() and o.text.isalpha() and o.text not in named and o.text in spelled_by:
            named[o.text] = spelled_by[o.text]
        name = named.get(o.text)
        if name is not None and not o.id and o.affiliation in (None, name.affiliation):
            o.id, o.affiliation = name.id, name.affiliation
            o.canonical = name.canonical or normalise_surface(name.text)


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def short_firm_names(doc: Document, corporate_words: set[str]) -> None:
    """'ExxonMobil … according to Exxon', 'Oil Search Ltd … Oil Search said': a firm named by a short form of a
    name the article gives in full (the full name less some or all of its corporate words at the end, the first
    part of a name run together from two: 'Exxon|Mobil', or the last word of a name of three or more: 'Royal Dutch
    Shell') is the same firm, as a surname is the same person; its canonical is the full name, and it takes the full
    name's state when it has none of its own."""
    orgs = [e for e in doc.entities if e.label == "ORG" and not e.id]
    full: dict[str, Entity] = {}
    for o in orgs:
        name = normalise_surface(o.text)
        words = name.split()
        shorts = set()
        while len(words) > 1 and words[-1].lower().rstrip(".,") in corporate_words:
            words.pop()
            shorts.add(" ".join(words).rstrip(","))  # 'Tokyo Gas Co., Ltd.': 'Tokyo Gas Co.', 'Tokyo Gas', 'Tokyo'
        if len(words) == 1 and (parts := _CAMEL.split(words[0]))[0] != words[0] and len(parts[0]) > 2:
            shorts.add(parts[0])
        if len(words) > 2 and words[-1][:1].isupper() and len(words[-1]) > 2:
            shorts.add(words[-1])  # 'Royal Dutch Shell … Shell'
        for short in shorts:
            full.setdefault(short.casefold(), o)
    for o in orgs:
        name = full.get(normalise_surface(o.text).casefold())
        if name is not None and name is not o:
            o.canonical = normalise_surface(name.text)
            o.affiliation = o.affiliation or name.affiliation


def places_named_as_firms(ents: list[Entity]) -> None:
    """A place mention that names no known place and is the first words of a firm's name with its legal form in
    the text is that firm ('Kalegran Ltd … awarded to Gulf Keystone and Kalegran', the last two tagged GPE, after
    'Gulf Keystone Petroleum Ltd'); not a state's word ('Korea' before 'Korea Aerospace Industries Ltd.') and not a
    whole name the head tagged both ways ('Gavião Peixoto', a town and a plant's name)."""
    firms = [normalise_surface(e.text).casefold().split(" ") for e in ents if e.label == "ORG" and legal_form(e.text)]
    first_words = {" ".join(words[:k]) for words in firms for k in range(1, len(words))}
    for e in ents:
        if (e.label in ("GPE", "LOC") and e.id is None and normalise_surface(e.text).casefold() in first_words
                and not any(is_state_word(w) for w in e.text.split())):
            e.label = "ORG"
