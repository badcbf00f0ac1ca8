"""people.tsv: office terms with years, their format, coverage of the main states, and lookups by year."""

from __future__ import annotations

import csv
import re

import pytest

from eventex.resources import OFFICES, holders, name_table, office_terms, read_text, states, terms_of

STATES_60 = [
    "RUS", "USA", "CHN", "FRA", "GBR", "DEU", "IND", "PAK", "IRN", "TUR", "SAU", "ARE", "EGY", "ISR", "JPN",
    "KOR", "PRK", "BRA", "ARG", "MEX", "VEN", "CUB", "COL", "PER", "CHL", "NIC", "BOL", "ECU", "KAZ", "UZB",
    "TKM", "AZE", "ARM", "GEO", "UKR", "BLR", "SRB", "HUN", "IDN", "VNM", "MYS", "THA", "PHL", "MMR", "BGD",
    "SYR", "IRQ", "DZA", "LBY", "NGA", "ZAF", "ETH", "KEN", "AGO", "MOZ", "SDN", "QAT", "KWT", "ITA", "ESP",
]
ARMS_TRADERS = ["RUS", "USA", "CHN", "FRA", "IND", "TUR", "ISR", "PAK", "KOR", "DEU", "GBR"]
HEAD_OFFICES = ("president", "head of state", "king", "emir", "prime minister", "chancellor", "head of government")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return list(csv.DictReader(read_text("people.tsv").splitlines(), delimiter="\t"))


def test_header_and_cells(rows):
    assert read_text("people.tsv").splitlines()[0].split("\t") == ["name", "iso3", "office", "start", "end"]
    known = {s.iso3 for s in states()}
    for r in rows:
        assert r["name"] and r["name"] == r["name"].strip(), r
        assert r["iso3"] in known, r
        assert r["office"] in OFFICES, r
        for col in ("start", "end"):
            assert re.fullmatch(r"(\d{4})?", r[col]), r
        if r["end"]:
            assert r["start"] and r["start"] <= r["end"], r


def test_no_duplicate_rows_and_most_years_known(rows):
    keys = [tuple(r.values()) for r in rows]
    assert len(keys) == len(set(keys))
    assert sum(bool(r["start"]) for r in rows) > 0.9 * len(rows)


@pytest.mark.parametrize("iso3", STATES_60)
def test_every_year_has_a_head_of_state_or_government_and_a_foreign_minister(iso3):
    for year in range(1995, 2026):
        assert any(holders(iso3, office, year) for office in HEAD_OFFICES), (iso3, year)
        assert holders(iso3, "foreign minister", year), (iso3, year)


@pytest.mark.parametrize("iso3", ARMS_TRADERS)
def test_major_arms_traders_have_a_defence_minister_every_year(iso3):
    for year in range(2002, 2026):
        assert holders(iso3, "defence minister", year), (iso3, year)


def _names(iso3: str, office: str, year: int) -> set[str]:
    return {t.name for t in holders(iso3, office, year)}


@pytest.mark.parametrize(
    ("iso3", "office", "year", "expected"),
    [
        ("KEN", "president", 2015, {"Uhuru Kenyatta"}),
        ("KEN", "president", 2024, {"William Ruto"}),
        ("BRA", "president", 2020, {"Jair Bolsonaro"}),
        ("USA", "foreign minister", 2014, {"John Kerry"}),
        ("GBR", "prime minister", 2005, {"Tony Blair"}),
        ("DEU", "chancellor", 2010, {"Angela Merkel"}),
        ("RUS", "prime minister", 2010, {"Vladimir Putin"}),
        ("IND", "defence minister", 2010, {"A. K. Antony"}),
        ("TUR", "president", 2018, {"Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"}),
        ("JPN", "prime minister", 2015, {"Shinzo Abe"}),
        ("SAU", "king", 2010, {"Abdullah bin Abdulaziz"}),
        ("ISR", "defence minister", 2015, {"Moshe Yaalon"}),
        ("NGA", "foreign minister", 2020, {"Geoffrey Onyeama"}),
    ],
)
def test_holders_by_year(iso3, office, year, expected):
    assert _names(iso3, office, year) == expected


def test_a_transition_year_has_both_holders_and_a_current_term_has_no_end():
    assert _names("USA", "president", 2017) == {"Barack Obama", "Donald Trump"}
    assert next(t for t in terms_of("Sergei Lavrov") if t.office == "foreign minister").end is None


def test_terms_of_a_person():
    medvedev = terms_of("Dmitry Medvedev")
    assert {(t.office, t.start, t.end) for t in medvedev} == {("president", 2008, 2012), ("prime minister", 2012, 2020)}
    assert [t.office for t in terms_of("dmitry medvedev", 2010)] == ["president"]
    assert {t.office for t in terms_of("Vladimir Putin", 2000)} == {"president", "prime minister"}
    assert terms_of("Nobody In Particular") == ()


def test_terms_with_unknown_years_are_never_current():
    unknown = [t for t in office_terms() if t.start is None]
    assert unknown and not any(t.held_in(2020) for t in unknown)


def test_name_table_still_maps_every_person_to_a_state():
    table = dict(name_table("people.tsv"))
    assert table["Sergei Lavrov"] == "RUS" and table["Bharrat Jagdeo"] == "GUY" and table["William Ruto"] == "KEN"
    assert set(table) == {t.name for t in office_terms()}
