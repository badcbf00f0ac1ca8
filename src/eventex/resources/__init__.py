"""The project's own tables and lexicons, read at load time."""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    """The text of a resource file shipped in ``eventex/resources``."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def read_toml(name: str) -> dict[str, Any]:
    """A TOML resource file as a dict."""
    return tomllib.loads(read_text(name))


@dataclass(frozen=True)
class State:
    """One row of ``states.tsv``."""

    iso3: str
    canonical: str
    aliases: tuple[str, ...]
    capitals: tuple[str, ...]
    demonyms: tuple[str, ...]
    metonyms: tuple[str, ...]


@cache
def states() -> tuple[State, ...]:
    """Every state and partially recognised state the resolver knows."""
    rows = csv.DictReader(read_text("states.tsv").splitlines(), delimiter="\t")

    def split(v: str | None) -> tuple[str, ...]:
        return tuple(x.strip() for x in (v or "").split("|") if x.strip())

    return tuple(
        State(
            r["iso3"], r["canonical"], split(r["aliases"]), split(r["capitals"]),
            split(r["demonyms"]), split(r["metonyms"]),
        )
        for r in rows
    )


@cache
def name_table(name: str) -> tuple[tuple[str, str], ...]:
    """(name, iso3) rows of a two-column fact table: ``firms.tsv``, ``people.tsv`` or ``places.tsv``."""
    rows = csv.DictReader(read_text(name).splitlines(), delimiter="\t")
    return tuple((r["name"].strip(), r["iso3"].strip()) for r in rows if r["name"].strip())


OFFICES = (
    "president", "prime minister", "foreign minister", "defence minister", "energy minister", "king", "emir",
    "crown prince", "chancellor", "vice president", "head of state", "head of government", "secretary-general",
    "other",
)
"""The normalised offices of ``people.tsv``; ``other`` covers every post outside the list (envoys, speakers, ...)."""


@dataclass(frozen=True)
class OfficeTerm:
    """One row of ``people.tsv``: one term of one person in one office; ``end`` is None while in office."""

    name: str
    iso3: str
    office: str
    start: int | None
    end: int | None

    def held_in(self, year: int) -> bool:
        """Whether the term covers any part of ``year`` (terms with unknown years never do)."""
        return self.start is not None and self.start <= year and (self.end is None or year <= self.end)


@cache
def office_terms() -> tuple[OfficeTerm, ...]:
    """Every office term of ``people.tsv``: heads of state and government, ministers and other officials."""
    rows = csv.DictReader(read_text("people.tsv").splitlines(), delimiter="\t")

    def year(v: str | None) -> int | None:
        return int(v) if v and v.strip() else None

    return tuple(
        OfficeTerm(r["name"].strip(), r["iso3"].strip(), r["office"].strip(), year(r["start"]), year(r["end"]))
        for r in rows if r["name"].strip()
    )


def holders(iso3: str, office: str, year: int) -> tuple[OfficeTerm, ...]:
    """Who held ``office`` of state ``iso3`` at some point in ``year`` (several in a year of transition)."""
    return tuple(t for t in office_terms() if t.iso3 == iso3 and t.office == office and t.held_in(year))


def terms_of(name: str, year: int | None = None) -> tuple[OfficeTerm, ...]:
    """The terms of the person called ``name`` (exact, case-insensitive), only those covering ``year`` if given."""
    key = name.strip().casefold()
    return tuple(
        t for t in office_terms() if t.name.casefold() == key and (year is None or t.held_in(year))
    )
