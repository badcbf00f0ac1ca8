"""Datelines, the place and date a news story opens with (``name_repairs.toml``): the patterns the segmenter starts
the lede after and the name repairs split off the name they run into."""

from __future__ import annotations

import re
from functools import lru_cache

from eventex.resources import read_toml


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
