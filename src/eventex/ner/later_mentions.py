"""Name repairs that read a name's earlier mention: a surname used alone after the full name ('Alparslan Bayraktar
… Bayraktar said', 'Theresa May … May will arrive') and an acronym defined in parentheses after the organisation it
spells ('Hyundai Heavy Industries (HHI) … with HHI')."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from eventex.ner.edits import moved
from eventex.ner.names import initials, titles
from eventex.resources import read_toml
from eventex.schema import Entity


@lru_cache(maxsize=1)
def _months() -> tuple[frozenset[str], frozenset[str]]:
    spec = read_toml("name_repairs.toml")
    return frozenset(spec["month_names"]), frozenset(spec["month_markers"])


def _month_surname(text: str, e: Entity, surnames: set[str]) -> bool:
    """Whether a DATE mention is a month name that is the surname of a person named before it ('Theresa May …
    May will arrive'), with no date word before it ('in May') and no number or month after it ('May 5')."""
    months, markers = _months()
    if e.label != "DATE" or e.text not in months or e.text not in surnames:
        return False
    before = text[max(0, e.start - 20) : e.start].split()
    after = text[e.end : e.end + 12].split()
    return (not before or before[-1].lower() not in markers) and not (
        after and (after[0][0].isdigit() or after[0].strip(",.") in months)
    )


def repair_surnames(text: str, ents: list[Entity]) -> list[Entity]:
    """A one-word WEAPON that is a person's surname ('Minister Bayraktar', 'Alparslan Bayraktar') is a PERSON, one
    mention with the given name before it (``ents`` in text order, after the weapon names are labelled); so is a
    month name that is the surname of a person named before it (:func:`_month_surname`)."""
    out: list[Entity] = []
    surnames: set[str] = set()
    for e in ents:
        if e.label == "PERSON" and " " in e.text:
            surnames.add(e.text.rsplit(" ", 1)[1])
        if _month_surname(text, e, surnames):
            e = e.model_copy(update={"label": "PERSON"})
        if e.label == "WEAPON" and re.fullmatch(r"[A-Z][a-zà-ÿ]+", e.text):
            before = out[-1] if out else None
            if before is not None and before.label == "PERSON" and text[before.end : e.start] == " ":
                out[-1] = moved(before, text, before.start, e.end)
                continue
            if any(text.endswith(f"{t} ", 0, e.start) for t in titles()):
                e = e.model_copy(update={"label": "PERSON"})
        out.append(e)
    return out


ACRONYM_LABELS = frozenset({"ORG", "GPE", "NORP", "PERSON", "LOC", "MISC"})
"""Labels the head gives an organisation's acronym ('DND' as a NORP, 'HHI' as a GPE)."""
ACRONYM_OWNERS = frozenset({"ORG", "ENERGY_ASSET"})
"""Labels of the names whose acronym, defined in parentheses, takes their label."""
_DEFINED = re.compile(r"[ \t]*\(([A-Z]{2,6})\)")
"""An acronym in parentheses right after a name: ' (HHI)'."""


def repair_acronyms(text: str, ents: list[Entity], confidence: float) -> list[Entity]:
    """'Hyundai Heavy Industries (HHI) … a contract with HHI': an acronym spelled by the initials of the
    organisation (or energy asset: 'North Field East (NFE)') it follows in parentheses names it wherever it stands
    after that: the head's other name labels on it become the named one's, and an occurrence the head missed becomes
    a mention of that label (of ``confidence``). ``ents`` in text order; one pass over the text for all the
    acronyms."""
    defined: dict[str, tuple[int, str]] = {}
    for e in ents:
        m = _DEFINED.match(text, e.end)
        if e.label in ACRONYM_OWNERS and m and initials(e.text.removeprefix("the ")) == m.group(1):
            defined.setdefault(m.group(1), (m.start(1), e.label))
    if not defined:
        return ents
    at = {(e.start, e.end): k for k, e in enumerate(ents)}
    out = list(ents)
    added: list[Entity] = []
    starts = [e.start for e in ents]
    pattern = re.compile(r"\b(?:" + "|".join(sorted(defined, key=len, reverse=True)) + r")\b")
    for m in pattern.finditer(text, min(start for start, _ in defined.values())):
        start, label = defined[m.group()]
        if m.start() < start:
            continue
        k = at.get((m.start(), m.end()))
        if k is not None:
            if out[k].label in ACRONYM_LABELS:
                out[k] = out[k].model_copy(update={"label": label})
        elif not _overlapped(ents, starts, m.start(), m.end()):
            added.append(Entity(text=m.group(), start=m.start(), end=m.end(), label=label, confidence=confidence))
    return sorted([*out, *added], key=lambda e: e.start) if added else out


def _overlapped(ents: list[Entity], starts: list[int], start: int, end: int) -> bool:
    """Whether an entity (``ents`` in text order, ``starts`` their starts) overlaps [start, end)."""
    k = bisect.bisect_left(starts, end)
    return any(ents[j].end > start for j in range(max(0, k - 3), k))
