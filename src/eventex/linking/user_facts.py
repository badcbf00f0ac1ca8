"""The ``[[facts.TABLE]]`` rows of a user rules file (see ``docs/rules.md``): checked and read with the loaders of
the shipped tables, into a :class:`~eventex.resources.facts.Facts`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from eventex.resources import (
    energy_asset_row,
    fold,
    name_row,
    name_table,
    office_term_row,
    states,
    table_columns,
    weapon_row,
)
from eventex.resources.facts import Facts, energy_assets, name_keys, weapons

Fail = Callable[[str, str], Exception]

OPTIONAL = frozenset({"aliases", "states", "partners", "office", "start", "end"})
"""Columns a user row may leave out (as the shipped tables leave the cells empty)."""
LISTS = frozenset({"aliases", "states", "partners"})
"""Columns that hold a list (``|``-separated in the ``.tsv`` files)."""
STATE_COLUMNS = ("iso3", "maker_iso3", "host_iso3", "states", "partners")


def _person(r: Mapping[str, str]) -> tuple[str, str]:
    if r.get("office") or r.get("start") or r.get("end"):
        office_term_row(r)  # checks the office and years of a full people.tsv row
    return name_row(r)


ROW: dict[str, Callable[[Mapping[str, str]], Any]] = {
    "firms": name_row, "people": _person, "places": name_row, "weapons": weapon_row,
    "energy_assets": energy_asset_row,
}
"""Each table a user file may add rows to, with the loader of its shipped rows."""


def read_facts(spec: object, fail: Fail) -> Facts:
    """The rows of the ``facts`` section, shipped tables' checks first, then: known states, names that are not
    empty, a name the shipped table already gives another state (or, for weapons and energy assets, has at all)."""
    if not isinstance(spec, dict):
        raise fail("facts", "expected [[facts.TABLE]] rows")
    known = {s.iso3 for s in states()}
    tables: dict[str, tuple[Any, ...]] = {}
    for table, rows in spec.items():
        if table not in ROW:
            raise fail(f"facts.{table}", f"unknown fact table (expected one of {', '.join(ROW)})")
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise fail(f"facts.{table}", "expected rows: [[facts.TABLE]] tables or a list of inline tables")
        columns = table_columns(f"{table}.tsv")
        parsed = []
        for i, row in enumerate(rows):
            where = f"facts.{table}[{i}]"
            cells = _cells(row, columns, where, fail)
            for col in STATE_COLUMNS:
                for iso3 in filter(None, cells.get(col, "").split("|")):
                    if iso3 not in known:
                        raise fail(f"{where}.{col}", f"unknown state {iso3!r} (an iso3 code of states.tsv)")
            try:
                parsed.append(ROW[table](cells))
            except ValueError as e:
                raise fail(where, str(e)) from e
        tables[table] = tuple(parsed)
    facts = Facts(**tables)
    _check_shipped_names(facts, fail)
    try:
        _ = facts.weapon_index, facts.energy_asset_index  # building the indexes refuses an unusable name
    except ValueError as e:
        raise fail("facts", str(e)) from e
    return facts


def _cells(row: dict[str, object], columns: tuple[str, ...], where: str, fail: Fail) -> dict[str, str]:
    """A user row as the shipped loaders read a ``.tsv`` row: column → text."""
    for col in row:
        if col not in columns:
            raise fail(f"{where}.{col}", f"unknown column (expected {', '.join(columns)})")
    missing = [c for c in columns if c not in row and c not in OPTIONAL]
    if missing:
        raise fail(where, f"missing {', '.join(missing)}")
    cells = {}
    for col, value in row.items():
        if col in LISTS and isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = "|".join(value)
        elif col in ("start", "end") and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or "\t" in value or "\n" in value:
            raise fail(f"{where}.{col}", f"expected text{' or a list of texts' if col in LISTS else ''}")
        cells[col] = value.strip()
    if not cells["name"]:
        raise fail(f"{where}.name", "empty name")
    return {c: cells.get(c, "") for c in columns}


def _check_shipped_names(facts: Facts, fail: Fail) -> None:
    for table in ("firms", "people", "places"):
        shipped = {fold(n): iso3 for n, iso3 in name_table(f"{table}.tsv")}
        for i, (name, iso3) in enumerate(getattr(facts, table)):
            if shipped.get(fold(name), iso3) != iso3:
                raise fail(f"facts.{table}[{i}]", f"{name!r} is in {table}.tsv for {shipped[fold(name)]}")
    for table, rows in (("weapons", weapons()), ("energy_assets", energy_assets())):
        shipped_keys = name_keys([f for r in rows for f in r.forms])
        for i, row in enumerate(getattr(facts, table)):
            taken = [f for f in row.forms if name_keys([f]) <= shipped_keys]
            if taken:
                raise fail(f"facts.{table}[{i}]", f"{taken[0]!r} is already a name in {table}.tsv")
