"""The weapon and energy-asset fact tables: their format, and which row a mention names."""

from __future__ import annotations

from collections import defaultdict

import pytest

from eventex.resources import (
    ENERGY_KINDS,
    WEAPON_CLASSES,
    energy_assets,
    read_text,
    read_toml,
    states,
    weapons,
)
from eventex.resources.facts import _place_keys, _tokens, find_energy_asset, find_weapon

TABLES = {
    "weapons.tsv": ("name\tmaker_iso3\tmaker\tclass\taliases\tpartners", 350),
    "energy_assets.tsv": ("name\thost_iso3\tkind\tstates\taliases", 250),
}


def _key(name: str) -> str:
    return " ".join(t for t, _, _ in _tokens(name))


@pytest.mark.parametrize("table", sorted(TABLES))
def test_table_format(table: str) -> None:
    header, minimum = TABLES[table]
    lines = read_text(table).splitlines()
    assert lines[0] == header
    assert len(lines) - 1 >= minimum
    names = set()
    for line in lines[1:]:
        cells = line.split("\t")
        assert len(cells) == len(header.split("\t")), line
        assert all(c == c.strip() for c in cells), line
        assert cells[0] and cells[1] and cells[2], line
        assert all(a.strip() for a in cells[4].split("|")) or not cells[4], line
        assert cells[0] not in names, f"duplicate row {cells[0]}"
        names.add(cells[0])


def test_weapon_values() -> None:
    iso3 = {s.iso3 for s in states()}
    rows = weapons()
    assert {r.category for r in rows} <= WEAPON_CLASSES
    assert all(r.maker_iso3 in iso3 for r in rows)
    assert all(set(r.partners) <= iso3 and r.maker_iso3 not in r.partners for r in rows)
    assert {"GBR", "ITA", "ESP"} <= set(next(r for r in rows if r.name == "Eurofighter Typhoon").partners)
    assert {"USA", "RUS", "FRA", "CHN", "DEU", "GBR", "ITA", "ISR", "TUR", "KOR", "SWE", "ESP", "IND", "PAK", "UKR",
            "BLR", "IRN", "BRA", "ZAF", "JPN", "NOR", "CZE", "POL", "ARE"} <= {r.maker_iso3 for r in rows}


def test_energy_asset_values() -> None:
    iso3 = {s.iso3 for s in states()}
    for r in energy_assets():
        assert r.kind in ENERGY_KINDS
        assert r.host_iso3 in iso3 and set(r.states) <= iso3, r.name
        if r.kind == "pipeline":
            assert r.states and r.states[0] == r.host_iso3, r.name
        else:
            assert not r.states or (r.host_iso3 in r.states and len(r.states) > 1), r.name


@pytest.mark.parametrize(("rows", "state"), [(weapons, "maker_iso3"), (energy_assets, "host_iso3")])
def test_names_unique_across_states(rows, state: str) -> None:
    """A name or alias may name several rows only when they agree on the state."""
    seen: dict[str, set[str]] = defaultdict(set)
    for r in rows():
        for form in r.forms:
            seen[_key(form)].add(getattr(r, state))
    assert not {k: v for k, v in seen.items() if len(v) > 1}


@pytest.mark.parametrize(("section", "rows"), [("weapons", weapons), ("energy_assets", energy_assets)])
def test_context_lists_name_rows(section: str, rows) -> None:
    """Every name that ``facts.toml`` restricts to a context is a name in its table, and no listed place is known."""
    keys = {_key(f) for r in rows() for f in r.forms}
    words = read_toml("facts.toml")[section]
    assert {w for w in words["ambiguous"] + words["places"] if _key(w) not in keys} == set()
    assert {w for w in words["places"] if _key(w) in _place_keys()} == set()


@pytest.mark.parametrize(
    ("text", "name", "iso3", "found"),
    [
        ("Egypt took delivery of its first Rafale jets", "Rafale", "FRA", "Rafale"),
        ("new orders for the Pantsir", "Pantsir-S1", "RUS", "Pantsir"),
        ("S-400 systems", "S-400", "RUS", "S-400"),
        ("the S-400 Triumf", "S-400", "RUS", "S-400 Triumf"),
        ("a batch of Su 30MKI", "Su-30MKI", "RUS", "Su 30MKI"),
        ("Su30MKI", "Su-30MKI", "RUS", "Su30MKI"),
        ("two Kilo-class submarines", "Kilo-class", "RUS", "Kilo-class"),
        ("more F-16s", "F-16", "USA", "F-16"),
        ("Leopard 2A6 tanks", "Leopard 2", "DEU", "Leopard 2A6"),
        ("Bayraktar Akinci drones", "Bayraktar Akıncı", "TUR", "Bayraktar Akinci"),
        ("a K2 rifle", "Daewoo K2", "KOR", "K2 rifle"),
        ("the SA-21 Growler", "S-400", "RUS", "SA-21 Growler"),
        ("Tor missile systems", "Tor", "RUS", "Tor"),
        ("the Tor", "Tor", "RUS", "Tor"),
        ("Typhoon fighter jets", "Eurofighter Typhoon", "DEU", "Typhoon"),
        ("the Leopards", "Leopard 2", "DEU", "Leopards"),
        ("BM-21 Grad multiple rocket launchers", "BM-21 Grad", "RUS", "BM-21 Grad"),
        ("Grad rockets", "BM-21 Grad", "RUS", "Grad"),
        ("Buk missile launchers", "Buk", "RUS", "Buk"),
        ("the Osa", "Osa", "RUS", "Osa"),
        ("Tiger attack helicopters", "Tiger", "FRA", "Tiger"),
        ("HARM missiles", "AGM-88 HARM", "USA", "HARM"),
        # words run together, as scraped text may have them
        ("the BayraktarTB2 UAVs", "Bayraktar TB2", "TUR", "BayraktarTB2"),
        ("MIG-29 jets", "MiG-29", "RUS", "MIG-29"),
    ],
)
def test_find_weapon(text: str, name: str, iso3: str, found: str) -> None:
    m = find_weapon(text)
    assert m is not None and (m.row.name, m.row.maker_iso3, text[m.start:m.end]) == (name, iso3, found)


@pytest.mark.parametrize(
    "text",
    [
        "an F-161 fragment", "Toronto", "the Tor network", "Typhoon Haiyan hit the coast", "a grad student",
        "at 4 pm", "a 10 percent rise", "no harm done", "under the aegis of the UN", "Tiger Woods",
        "the Tornado's last flight", "Leopard print", "the CPC congress", "Buk said", "Osa Hospital", "harm",
        "interest rates at 5 percent", "Hapoel Beit She'an 12",
    ],
)
def test_no_weapon(text: str) -> None:
    assert find_weapon(text) is None


@pytest.mark.parametrize(
    ("text", "name", "iso3", "found"),
    [
        ("the Kashagan field", "Kashagan", "KAZ", "Kashagan"),
        ("a stake in Shah Deniz", "Shah Deniz", "AZE", "Shah Deniz"),
        ("the Bushehr nuclear power plant", "Bushehr", "IRN", "Bushehr"),
        ("Nord Stream 2", "Nord Stream 2", "RUS", "Nord Stream 2"),
        ("the Nord Stream pipelines", "Nord Stream", "RUS", "Nord Stream"),
        ("Arctic LNG-2", "Arctic LNG 2", "RUS", "Arctic LNG-2"),
        ("the Leviathan gas field", "Leviathan", "ISR", "Leviathan"),
        ("Paks 2", "Paks II", "HUN", "Paks 2"),
        ("the West Qurna 2 oilfield", "West Qurna-2", "IRQ", "West Qurna 2"),
        ("the CPC pipeline", "Caspian Pipeline Consortium", "KAZ", "CPC pipeline"),
        ("the Ostrovets plant", "Belarusian NPP", "BLR", "Ostrovets"),
        ("the GERD", "Grand Ethiopian Renaissance Dam", "ETH", "GERD"),
    ],
)
def test_find_energy_asset(text: str, name: str, iso3: str, found: str) -> None:
    m = find_energy_asset(text)
    assert m is not None and (m.row.name, m.row.host_iso3, text[m.start:m.end]) == (name, iso3, found)


@pytest.mark.parametrize(
    "text", ["Bushehr", "he flew to Bushehr", "a leviathan of a bill", "the Brent crude price", "Tamara Ecclestone"],
)
def test_no_energy_asset(text: str) -> None:
    assert find_energy_asset(text) is None


def test_pipeline_states() -> None:
    m = find_energy_asset("gas through the Druzhba pipeline")
    assert m is not None and m.row.host_iso3 == "RUS" and {"BLR", "UKR", "POL", "HUN"} <= set(m.row.states)


def test_names_in_finds_each_capitalised_anywhere_name_once():
    from eventex.resources.facts import weapon_index

    index = weapon_index()
    text = "Egypt flies Rafale jets, India the Su-30MKI; a Patriot unit; a rafale of wind."
    found = index.names_in(text)
    assert [(m.row.name, m.start) for m in found] == [("Rafale", text.index("Rafale")), ("Su-30MKI", text.index("Su"))]
    text = "Rafale " * 20_000  # many names: one match each, none overlapping
    assert len(index.names_in(text)) == 20_000


def test_regions_table() -> None:
    lines = read_text("regions.tsv").splitlines()
    assert lines[0] == "region\tmembers"
    known = {s.iso3 for s in states()}
    names = set()
    for line in lines[1:]:
        region, members = line.split("\t")
        assert region == region.strip() and region not in names, line
        names.add(region)
        codes = members.split("|")
        assert codes and set(codes) <= known and len(set(codes)) == len(codes), line
