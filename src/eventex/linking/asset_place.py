"""The state an energy asset's own name places it in: 'Tianjin LNG terminal', 'Gwadar power plant', 'the Jubail
refinery' (a city, province, capital or state name opening the name, looked up in the project's gazetteer)."""

from __future__ import annotations

from eventex.resources import vocabulary
from eventex.schema import Entity
from eventex.stages.resolve import shared_gazetteer

PLACE_KINDS = frozenset({"place", "capital", "name", "alias"})
"""Gazetteer entries that say where a thing lies (not a demonym: 'the Chinese-built plant' says who built it)."""
MAX_WORDS = 3
"""Most words of a place name opening an asset's name."""
GROUND_NOUNS = vocabulary("ground_nouns")
"""Assets that lie where a demonym opening their name says ('a Nigerian oil and gas field': in Nigeria)."""
PROJECT_NOUNS = frozenset({"project", "projects", "scheme"})
"""Words after an asset's own noun that leave it the same asset ('the Ethiopian dam project' is a dam)."""


def named_place(asset: Entity) -> str | None:
    """The state of the place that opens the asset's name (the longest of its first words the gazetteer knows), or
    of the people that opens the name of a field, block or basin."""
    words = asset.text.removeprefix("the ").split()
    ground = [w.lower() for w in words if w.lower() not in PROJECT_NOUNS][-1:]  # 'the Ethiopian dam project'
    kinds = PLACE_KINDS | {"demonym"} if ground and ground[0] in GROUND_NOUNS else PLACE_KINDS
    k = next((i for i, w in enumerate(words) if not w.islower()), len(words))
    words = words[k:]  # past plain words before the name: 'offshore Australia block', 'new Gwadar power plant'
    for n in range(min(MAX_WORDS, len(words) - 1), 0, -1):
        m = shared_gazetteer().lookup(" ".join(words[:n]))
        if m is not None and m.kind in kinds:
            return m.iso3
    return None
