"""Datelines, the place and date a news story opens with (``name_repairs.toml``): the patterns the segmenter starts
the lede after and the name repairs split off the name they run into."""

from __future__ import annotations

import re
from functools import lru_cache

from eventex.resources import fold, name_table, read_toml, states


@lru_cache(maxsize=1)
def dateline() -> re.Pattern[str]:
    """A dateline (``name_repairs.toml``), to match where a line starts: a place in capitals, an optional date or
    country, an optional (agency) and a dash."""
    return re.compile(read_toml("name_repairs.toml")["dateline"])


@lru_cache(maxsize=1)
def colon_dateline() -> re.Pattern[str]:
    """A dateline written with a colon (``name_repairs.toml``), to match where a line starts: a place and a date or
    an (agency), or a place in capitals alone, then a colon."""
    return re.compile(read_toml("name_repairs.toml")["colon_dateline"])


_CAPS_RUN = re.compile(r"(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*) (?=[A-Z][a-z])")
"""Words in capitals, then a capitalised word: a dateline place run into a name with no dash ('HONG KONG State')."""


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Folded names of cities: the capitals in ``states.tsv`` and the places of ``places.tsv`` (a state's name may
    open a body's: 'UK Defence Ministry')."""
    return frozenset(fold(n) for st in states() for n in st.capitals) | {fold(n) for n, _ in name_table("places.tsv")}


def bare_dateline(name: str) -> re.Match[str] | None:
    """A known place in capitals that opens a mention and runs into a name with no dash between ('HONG KONG State Grid
    Corp', a wire dateline whose agency and dash were lost): the match, with the place as its ``place`` group."""
    m = _CAPS_RUN.match(name)
    return m if m and fold(m.group("place")) in _place_names() else None
