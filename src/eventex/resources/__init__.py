"""The project's own tables and lexicons, read at load time."""

from __future__ import annotations

import csv
import tomllib
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, TypeVar

T = TypeVar("T")


def fold(text: str) -> str:
    """Case- and accent-insensitive key ('Malé' and 'MALE' → 'male')."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def read_text(name: str) -> str:
    """The text of a resource file shipped in ``eventex/resources``."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def read_toml(name: str) -> dict[str, Any]:
    """A TOML resource file as a dict."""
    return tomllib.loads(read_text(name))


@cache
def _vocabulary() -> dict[str, Any]:
    return read_toml("vocabulary.toml")


def vocabulary(name: str) -> frozenset[str]:
    """One word list of ``vocabulary.toml`` (KeyError for a name it lacks)."""
    return frozenset(_vocabulary()[name])


@dataclass(frozen=True)
class State:
    """One row of ``states.tsv``."""

    iso3: str
    canonical: str
    aliases: tuple[str, ...]
    capitals: tuple[str, ...]
    demonyms: tuple[str, ...]
    metonyms: tuple[str, ...]


def _split(v: str | None) -> tuple[str, ...]:
    """The items of a ``|``-separated table cell."""
    return tuple(x.strip() for x in (v or "").split("|") if x.strip())


@cache
def states() -> tuple[State, ...]:
    """Every state and partially recognised state the resolver knows."""
    rows = csv.DictReader(read_text("states.tsv").splitlines(), delimiter="\t")
    return tuple(
        State(
            r["iso3"], r["canonical"], _split(r["aliases"]), _split(r["capitals"]),
            _split(r["demonyms"]), _split(r["metonyms"]),
        )
        for r in rows
    )


def table_rows(name: str) -> list[dict[str, str]]:
    """The rows of a shipped fact table (``.tsv``: a header line, then tab-separated cells) as column → cell."""
    return list(csv.DictReader(read_text(name).splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


def table_columns(name: str) -> tuple[str, ...]:
    """The columns of a shipped fact table, from its header line."""
    return tuple(read_text(name).split("\n", 1)[0].split("\t"))


def name_row(r: Mapping[str, str | None]) -> tuple[str, str]:
    """A (name, iso3) row of ``firms.tsv``, ``people.tsv`` or ``places.tsv``."""
    return (r["name"] or "").strip(), (r["iso3"] or "").strip()


@cache
def name_table(name: str) -> tuple[tuple[str, str], ...]:
    """(name, iso3) rows of a two-column fact table: ``firms.tsv``, ``people.tsv`` or ``places.tsv``."""
    return tuple(row for row in map(name_row, table_rows(name)) if row[0])


WEAPON_CLASSES = frozenset({
    "fighter", "attack_aircraft", "trainer", "transport_aircraft", "helicopter", "air_defence", "missile", "tank",
    "armoured_vehicle", "artillery", "ship", "submarine", "drone", "small_arms", "radar", "other",
})
ENERGY_KINDS = frozenset({
    "oil_field", "gas_field", "oil_gas_field", "pipeline", "nuclear_plant", "hydro_plant", "thermal_plant", "refinery",
    "lng_terminal", "block", "mine", "renewable_plant", "other",
})


@dataclass(frozen=True)
class Weapon:
    """One row of ``weapons.tsv``: a weapon system or family and its prime maker (``category``: the class column)."""

    name: str
    maker_iso3: str
    maker: str
    category: str
    aliases: tuple[str, ...]
    partners: tuple[str, ...] = ()
    """The other states of a multinational programme that sell the system as their own (the Typhoon: GBR, ITA,
    ESP)."""

    @property
    def forms(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)

    @property
    def makers(self) -> tuple[str, ...]:
        """The maker state, then the partner states."""
        return (self.maker_iso3, *self.partners)


@dataclass(frozen=True)
class EnergyAsset:
    """One row of ``energy_assets.tsv``: a named field, pipeline, plant, terminal or mine and its host state."""

    name: str
    host_iso3: str
    kind: str
    states: tuple[str, ...]
    aliases: tuple[str, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)


def weapon_row(r: Mapping[str, str]) -> Weapon:
    """A row of ``weapons.tsv``; ValueError for a class outside :data:`WEAPON_CLASSES`."""
    if r["class"] not in WEAPON_CLASSES:
        raise ValueError(f"{r['name']!r} has unknown class {r['class']!r}")
    return Weapon(
        r["name"], r["maker_iso3"], r["maker"], r["class"], _split(r.get("aliases")), _split(r.get("partners"))
    )


def energy_asset_row(r: Mapping[str, str]) -> EnergyAsset:
    """A row of ``energy_assets.tsv``; ValueError for a kind outside :data:`ENERGY_KINDS`."""
    if r["kind"] not in ENERGY_KINDS:
        raise ValueError(f"{r['name']!r} has unknown kind {r['kind']!r}")
    return EnergyAsset(r["name"], r["host_iso3"], r["kind"], _split(r.get("states")), _split(r.get("aliases")))


def _parsed(name: str, row: Callable[[Mapping[str, str]], T]) -> tuple[T, ...]:
    """Every row of a shipped fact table through ``row``; a bad row is a ValueError naming the table."""
    try:
        return tuple(row(r) for r in table_rows(name))
    except ValueError as e:
        raise ValueError(f"{name}: {e}") from e


@cache
def weapons() -> tuple[Weapon, ...]:
    """Weapon systems and families with their prime maker, from ``weapons.tsv``.

    ``maker_iso3`` is the state where the prime maker named in ``maker`` (the firm, or its national subsidiary)
    builds the system. Licensed production abroad keeps the designer's state (Su-30MKI built by HAL: Sukhoi, RUS;
    Kalvari-class: Naval Group, FRA). A multinational consortium counts for the seat of the consortium company
    (Eurofighter GmbH and Panavia: DEU; NHIndustries and Eurosam: FRA), and its other states are ``partners``, who
    sell it too (Britain's Typhoons for Qatar). Where partner states sell one design under their own names, each
    name is a row of its own (Storm Shadow: GBR, SCALP EG: FRA; Shahed-136: IRN, Geran-2: RUS).
    """
    return _parsed("weapons.tsv", weapon_row)


@cache
def energy_assets() -> tuple[EnergyAsset, ...]:
    """Named energy assets with the state that hosts them, from ``energy_assets.tsv``.

    ``host_iso3`` is the state where the asset lies. A cross-border pipeline is hosted by the state where it starts
    (where the oil or gas enters it: Nord Stream, RUS; EACOP, UGA) and ``states`` lists every state it crosses,
    territory or waters, from start to end. A dam or field on a border is hosted by the first of the ``states``
    that share it. ``states`` is empty for an asset inside one state.
    """
    return _parsed("energy_assets.tsv", energy_asset_row)


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


def office_term_row(r: Mapping[str, str | None]) -> OfficeTerm:
    """A row of ``people.tsv``; ValueError for an office outside :data:`OFFICES` or a year that is not a number."""
    office = (r.get("office") or "").strip()
    if office not in OFFICES:
        raise ValueError(f"{r['name']!r} has unknown office {office!r}")

    def year(v: str | None) -> int | None:
        if not v or not v.strip():
            return None
        if not v.strip().isdigit():
            raise ValueError(f"{r['name']!r} has a year that is not a number: {v!r}")
        return int(v)

    name, iso3 = name_row(r)
    return OfficeTerm(name, iso3, office, year(r.get("start")), year(r.get("end")))


@cache
def office_terms() -> tuple[OfficeTerm, ...]:
    """Every office term of ``people.tsv``: heads of state and government, ministers and other officials."""
    return tuple(t for t in _parsed("people.tsv", office_term_row) if t.name)


def holders(iso3: str, office: str, year: int) -> tuple[OfficeTerm, ...]:
    """Who held ``office`` of state ``iso3`` at some point in ``year`` (several in a year of transition)."""
    return tuple(t for t in office_terms() if t.iso3 == iso3 and t.office == office and t.held_in(year))


def terms_of(name: str, year: int | None = None) -> tuple[OfficeTerm, ...]:
    """The terms of the person called ``name`` (exact, case-insensitive), only those covering ``year`` if given."""
    key = name.strip().casefold()
    return tuple(
        t for t in office_terms() if t.name.casefold() == key and (year is None or t.held_in(year))
    )
