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
