"""Resolution of states, capitals, demonyms, metonyms and people's affiliations."""

from __future__ import annotations

import pytest
from newslib import ent

from eventex.document import Document
from eventex.schema import Entity
from eventex.stages.resolve import Gazetteer, Resolver


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


@pytest.mark.parametrize(
    ("surface", "iso3"),
    [
        ("Russia", "RUS"), ("Moscow", "RUS"), ("Russian", "RUS"), ("Kremlin", "RUS"), ("the Kremlin", "RUS"),
        ("Russo-Cuban", "RUS"), ("Havana", "CUB"), ("Cuban", "CUB"), ("Guyana’s", "GUY"), ("US", "USA"),
        ("Abkhazia", "XAB"), ("South Ossetia", "XSO"), ("Kosovo", "XKX"), ("Transnistria", "XTR"),
        ("Sino-Russian", "CHN"), ("Caracas", "VEN"), ("Tehran", "IRN"), ("Male", "MDV"), ("BOGOTA", "COL"),
    ],
)
def test_lookup(gaz, surface, iso3):
    m = gaz.lookup(surface)
    assert m is not None and m.iso3 == iso3


def test_unknown_words_resolve_to_nothing(gaz):
    assert gaz.lookup("Gidroproyekt") is None
    assert gaz.lookup("us") is None  # the pronoun is not the United States


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


def _resolved(resolver: Resolver, text: str, *mentions: tuple[str, str]) -> list[Entity]:
    """The entities of ``text`` (each mention's first occurrence, with its label) after resolution."""
    doc = Document(text=text)
    doc.entities = [ent(text, sub, label) for sub, label in mentions]
    resolver(doc)
    return doc.entities


def test_person_affiliation_from_titles_and_surnames():
    text = "Russian Foreign Minister Sergei Lavrov met Guyana’s President, Bharrat Jagdeo. Later Lavrov left."
    doc = Document(text=text)
    doc.entities = [
        ent(text, "Russian", "NORP"), ent(text, "Sergei Lavrov", "PERSON"), ent(text, "Guyana", "GPE"),
        ent(text, "Bharrat Jagdeo", "PERSON"), ent(text, "Lavrov", "PERSON", nth=1),
    ]
    Resolver()(doc)
    people = {e.text: e for e in doc.entities if e.label == "PERSON"}
    assert people["Sergei Lavrov"].affiliation == "RUS"
    assert people["Bharrat Jagdeo"].affiliation == "GUY"
    assert people["Lavrov"].affiliation == "RUS" and people["Lavrov"].canonical == "Sergei Lavrov"


def test_a_family_name_that_comes_first_joins_its_full_name():
    text = "Vietnamese President To Lam met Moon Jae-in in Seoul. To Lam left; Moon stayed, and so did Jae-in's aides."
    doc = Document(text=text)
    doc.entities = [
        ent(text, "Vietnamese", "NORP"), ent(text, "To Lam", "PERSON"), ent(text, "Moon Jae-in", "PERSON"),
        ent(text, "Seoul", "GPE"), ent(text, "To Lam", "PERSON", nth=1), ent(text, "Moon", "PERSON", nth=1),
    ]
    Resolver()(doc)
    moon = doc.entities[-1]
    assert moon.text == "Moon" and moon.canonical == "Moon Jae-in"
    assert doc.entities[-2].canonical == "To Lam" and doc.entities[-2].affiliation == "VNM"


def test_a_middle_name_or_initials_join_their_full_name():
    text = "Ines Maria Soto Vidal met Omar bin Khalid. Soto thanked OBK; Maria and IM left."
    doc = Document(text=text)
    doc.entities = [ent(text, "Ines Maria Soto Vidal", "PERSON"), ent(text, "Omar bin Khalid", "PERSON"),
                    ent(text, "Soto", "PERSON", nth=1), ent(text, "OBK", "PERSON"),
                    ent(text, "Maria", "PERSON", nth=1), ent(text, "IM", "PERSON")]
    Resolver()(doc)
    canon = [e.canonical for e in doc.entities[2:]]
    assert canon == ["Ines Maria Soto Vidal", "Omar bin Khalid", "Ines Maria Soto Vidal", "IM"]


def test_a_name_running_inside_a_longer_one_joins_it():
    text = ("Ramon Ortiz-Vega Lugo arrived. Ramon Ortiz-Vega said; Ortiz Vega left. Ana Bell met Ana Bell Jr. and "
            "Ana Bell Jr. left.")
    doc = Document(text=text)
    doc.entities = [ent(text, "Ramon Ortiz-Vega Lugo", "PERSON"), ent(text, "Ramon Ortiz-Vega", "PERSON", nth=1),
                    ent(text, "Ortiz Vega", "PERSON"), ent(text, "Ana Bell", "PERSON"),
                    ent(text, "Ana Bell Jr.", "PERSON")]
    Resolver()(doc)
    assert [e.canonical for e in doc.entities] == ["Ramon Ortiz-Vega Lugo"] * 3 + ["Ana Bell", "Ana Bell Jr."]


def test_a_hyphenated_given_name_repeated_keeps_every_document():
    text = "Kassa-Jomo Tekle met Ivan Roe. Kassa-Jomo Tekle left; Kassa-Jomo Tekle and Ivan Roe spoke."
    doc = Document(text=text)
    doc.entities = [ent(text, "Kassa-Jomo Tekle", "PERSON", nth=k) for k in range(3)] + [
        ent(text, "Ivan Roe", "PERSON", nth=k) for k in range(2)]
    assert list(Resolver().pipe([doc])) == [doc]
    assert {e.canonical for e in doc.entities} == {"Kassa-Jomo Tekle", "Ivan Roe"}


def test_an_unknown_place_that_begins_a_firms_legal_name_is_that_firm(resolver):
    text = ("Dorvane Ltd and Korea Aerospace Industries Ltd. bid; Gavi Peixo Plant was built in Gavi Peixo. The block "
            "went to Dorvane, and Korea got none.")
    doc = Document(text=text)
    doc.entities = [ent(text, "Dorvane Ltd", "ORG"), ent(text, "Korea Aerospace Industries Ltd.", "ORG"),
                    ent(text, "Gavi Peixo Plant", "ORG"), ent(text, "Gavi Peixo", "GPE", nth=1),
                    ent(text, "Dorvane", "GPE", nth=1), ent(text, "Korea", "GPE", nth=1)]
    resolver(doc)
    assert [e.label for e in doc.entities[3:]] == ["GPE", "ORG", "GPE"]


def test_a_first_word_shared_by_two_names_or_ending_another_name_stays_itself():
    text = "Kim Jong Un and Kim Yo Jong met Lee Kim. Later Kim spoke."
    doc = Document(text=text)
    doc.entities = [ent(text, "Kim Jong Un", "PERSON"), ent(text, "Kim Yo Jong", "PERSON"),
                    ent(text, "Lee Kim", "PERSON"), ent(text, "Kim", "PERSON", nth=3)]
    Resolver()(doc)
    assert doc.entities[-1].canonical == "Lee Kim"  # the last word of a full name wins, as for 'Lavrov'
    text = "Kim Jong Un and Kim Yo Jong arrived. Later Kim spoke."
    doc = Document(text=text)
    doc.entities = [ent(text, "Kim Jong Un", "PERSON"), ent(text, "Kim Yo Jong", "PERSON"),
                    ent(text, "Kim", "PERSON", nth=2)]
    Resolver()(doc)
    assert doc.entities[-1].canonical == "Kim"  # two full names begin with it: no guess


def test_state_bodies_get_an_affiliation():
    text = "The Russian Defense Ministry denied it."
    doc = Document(text=text)
    doc.entities = [ent(text, "Russian Defense Ministry", "ORG")]
    Resolver()(doc)
    assert doc.entities[0].affiliation == "RUS"


def test_companies_named_after_a_state_belong_to_it_without_standing_for_it(resolver):
    firm, navy = _resolved(
        resolver, "China National Petroleum Corporation and the Indian Navy signed.",
        ("China National Petroleum Corporation", "ORG"), ("Indian Navy", "ORG"),
    )
    assert (firm.id, firm.affiliation) == (None, "CHN")
    assert (navy.id, navy.affiliation) == ("IND", "IND")


def test_a_dotted_state_initialism_in_a_body_name_makes_it_act_for_that_state(resolver):
    text = "The U.K. Defence Ministry and the U.S. Navy declined to comment."
    office, navy = _resolved(resolver, text, ("U.K. Defence Ministry", "ORG"), ("U.S. Navy", "ORG"))
    assert (office.id, office.affiliation) == ("GBR", "GBR")
    assert (navy.id, navy.affiliation) == ("USA", "USA")


def test_no_affiliation_across_an_apposition_comma(resolver):
    text = "Under the agreement signed in Tashkent, the state corporation Atomstroiproekt is to build a plant."
    _, firm = _resolved(resolver, text, ("Tashkent", "GPE"), ("Atomstroiproekt", "ORG"))
    assert firm.affiliation is None


def test_a_possessive_opening_the_next_firm_in_a_list_is_not_the_firsts(resolver):
    # 'Canada's' names the next firm of the list; a lower-case description after it still describes the first
    text = "Acmeco, Canada's Borealis Oil and Zenith Gas won blocks. Petrolux, Norway's largest oil firm, bid too."
    first, _, second, _, _, fourth = _resolved(
        resolver, text, ("Acmeco", "ORG"), ("Canada", "GPE"), ("Borealis Oil", "ORG"), ("Zenith Gas", "ORG"),
        ("Norway", "GPE"), ("Petrolux", "ORG"),
    )
    assert (first.affiliation, second.affiliation, fourth.affiliation) == (None, "CAN", "NOR")


def test_no_affiliation_across_a_datelines_dash(resolver):
    # the place a story was filed from is no nationality of the first firm after it
    text = "London – Atomstroiproekt said on Tuesday it will build a plant."
    _, firm = _resolved(resolver, text, ("London", "GPE"), ("Atomstroiproekt", "ORG"))
    assert firm.affiliation is None


def test_a_parliament_acts_for_its_state(resolver):
    text = "The British House of Commons and the Irish Senate voted on it."
    commons, senate = _resolved(resolver, text, ("British House of Commons", "ORG"), ("Irish Senate", "ORG"))
    assert (commons.id, senate.id) == ("GBR", "IRL")


def test_a_split_government_body_acts_for_its_state(resolver):
    text = "The Russian Defense Ministry denied it."
    _, ministry = _resolved(resolver, text, ("Russian", "NORP"), ("Defense Ministry", "ORG"))
    assert ministry.id == "RUS"


def test_known_firms_people_and_places_belong_to_their_states(resolver, gaz):
    ents = _resolved(
        resolver, "OAO NK Rosneft hired Sinohydro Corporation Ltd. Putin met Erdogan in Benghazi.",
        ("OAO NK Rosneft", "ORG"), ("Sinohydro Corporation Ltd", "ORG"), ("Putin", "PERSON"),
        ("Erdogan", "PERSON"), ("Benghazi", "GPE"),
    )
    assert [e.affiliation for e in ents[:4]] == ["RUS", "CHN", "RUS", "TUR"]
    assert ents[0].id is None  # a firm belongs to its state but does not stand for it
    assert ents[4].id == "LBY"
    assert gaz.lookup("Shanghai").kind == "place"


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Electricite de France", "FRA"), ("TUSAŞ", "TUR"), ("the Basra Oil Co", "IRQ"), ("Hanwha Ocean", "KOR"),
        ("Korea Hydro & Nuclear Power", "KOR"), ("China Energy Engineering Corp", "CHN"), ("ACWA Power", "SAU"),
        ("Czechoslovak Group", "CZE"), ("Trafigura Group", "SGP"), ("Thales Nederland", "NLD"), ("Thales", "FRA"),
        ("Rosoboron", "RUS"), ("Libya's National Oil Corporation", "LBY"), ("ONGC Videsh Ltd", "IND"),
    ],
)
def test_a_firm_of_any_sector_belongs_to_its_state(resolver, name, iso3):
    assert resolver.firms.contained(name) == iso3  # the longest known name wins ('Thales Nederland' over 'Thales')


def test_no_firm_is_named_like_a_state_capital_or_place(resolver, gaz):
    """A firm's name is no state name, alias, capital, demonym or place of ``places.tsv`` ('NIS' would take Nis)."""
    firms = resolver.firms.states
    assert {k for k in firms if gaz.folded.get(k) is not None} == set()


def test_a_state_name_tagged_loc_becomes_gpe_but_a_region_stays_loc(resolver):
    russia, anatolia = _resolved(
        resolver, "Pertamina wants oil blocks in Russia's Timan-Pechora basin and in Anatolia.",
        ("Russia", "LOC"), ("Anatolia", "LOC"),
    )
    assert (russia.label, russia.id) == ("GPE", "RUS")
    assert (anatolia.label, anatolia.id) == ("LOC", "TUR")


def test_known_names_under_a_wrong_label_take_their_tables_label(resolver):
    hanwha, ramaphosa, washington, sadr, tunis, field = _resolved(
        resolver,
        "Hanwha said Cyril Ramaphosa met envoys in Washington on the SADR. Minister Tunis toured Vaca Muerta.",
        ("Hanwha", "GPE"), ("Cyril Ramaphosa", "ORG"), ("Washington", "PERSON"), ("SADR", "PERSON"),
        ("Tunis", "PERSON"), ("Vaca Muerta", "ENERGY_ASSET"),
    )
    assert (hanwha.label, hanwha.affiliation) == ("ORG", "KOR")  # a firm of firms.tsv
    assert ramaphosa.label == "PERSON"  # a full name of people.tsv
    assert (washington.label, washington.id) == ("GPE", "USA")  # a capital
    assert (sadr.label, sadr.id) == ("GPE", "ESH")  # a state's alias
    assert tunis.label == "PERSON"  # after a title: a person's name
    assert field.label == "ENERGY_ASSET"  # a place of places.tsv is not taken from a domain label


def test_a_state_run_into_a_known_persons_name_is_split(resolver):
    text = "The Prime Minister of Uzbekistan Abdulla Aripov met the President of Kyrgyzstan Sadyr Japarov's envoy."
    doc = Document(text=text)
    doc.entities = [
        Entity(text=t, start=text.index(t), end=text.index(t) + len(t), label=label, confidence=0.9)
        for t, label in (("Uzbekistan Abdulla Aripov", "PERSON"), ("Kyrgyzstan Sadyr Japarov", "GPE"))
    ]
    ents = resolver(doc).entities
    assert [(e.text, e.label, e.id) for e in ents] == [
        ("Uzbekistan", "GPE", "UZB"), ("Abdulla Aripov", "PERSON", None), ("Kyrgyzstan", "GPE", "KGZ"),
        ("Sadyr Japarov", "PERSON", None),
    ]
    assert all(text[e.start : e.end] == e.text for e in ents)
    assert ents[1].affiliation == "UZB"


def test_a_state_name_or_acronym_tagged_org_or_person_becomes_gpe(resolver):
    china, sadr, kremlin, ann = _resolved(
        resolver, "Yeltsin's visit to China; the so-called SADR; the Kremlin said; ANN wrote.",
        ("China", "ORG"), ("SADR", "PERSON"), ("Kremlin", "ORG"), ("ANN", "PERSON"),
    )
    assert (china.label, china.id) == ("GPE", "CHN")
    assert (sadr.label, sadr.id) == ("GPE", "ESH")
    assert (kremlin.label, kremlin.id) == ("ORG", "RUS")  # a metonym stands for the state, as an ORG
    assert (ann.label, ann.id) == ("PERSON", None)


def test_an_acronym_in_parentheses_is_its_name_even_of_unknown_state():
    text = "Harbin Valley Petroleum Ltd (HVP) bought a stake. HVP said more."
    doc = Document(text=text)
    doc.entities = [ent(text, "Harbin Valley Petroleum Ltd", "ORG"), ent(text, "HVP", "ORG"),
                    ent(text, "HVP", "ORG", nth=1)]
    Resolver()(doc)
    assert [e.canonical for e in doc.entities[1:]] == ["Harbin Valley Petroleum Ltd"] * 2


def test_parts_of_a_state_name_tagged_apart_are_one_state(resolver):
    found = _resolved(resolver, "They recognised the Republic of South Sudan and Sao Tome and Principe, not the Bank "
                      "of Ghana.", ("Republic", "GPE"), ("South Sudan", "GPE"), ("Sao Tome", "GPE"),
                      ("Principe", "GPE"), ("Bank", "ORG"), ("Ghana", "GPE"))
    assert [(e.text, e.id) for e in found] == [
        ("Republic of South Sudan", "SSD"), ("Sao Tome and Principe", "STP"), ("Bank", None), ("Ghana", "GHA")]


def test_a_firm_named_short_after_its_full_legal_name_takes_that_name():
    text = "Hanaro Gas Co., Ltd. bought the stake. Hanaro Gas said the deal closed."
    doc = Document(text=text)
    doc.entities = [ent(text, "Hanaro Gas Co., Ltd.", "ORG"), ent(text, "Hanaro Gas", "ORG", nth=1)]
    Resolver()(doc)
    assert doc.entities[-1].canonical == "Hanaro Gas Co., Ltd."


def test_a_firm_named_by_the_last_word_of_a_longer_name_takes_that_name():
    text = "Royal Dutch Zeeland bought the stake. Zeeland said the deal closed. Gas Co bid too."
    doc = Document(text=text)
    doc.entities = [ent(text, "Royal Dutch Zeeland", "ORG"), ent(text, "Zeeland", "ORG", nth=1),
                    ent(text, "Gas Co", "ORG")]
    Resolver()(doc)
    assert [e.canonical for e in doc.entities] == [None, "Royal Dutch Zeeland", None]  # (a full name keeps its own)


def test_a_foreign_firms_unit_named_after_its_host_belongs_to_the_parent(resolver):
    # 'Guyana' in the unit's name is where it works; the known firm's name in it says whose it is
    text = ("Hess Guyana Exploration Limited, China National Petroleum Corporation and National Oil Corporation of "
            "Kenya bid.")
    unit, state_firm, owned = _resolved(resolver, text, ("Hess Guyana Exploration Limited", "ORG"),
                                        ("China National Petroleum Corporation", "ORG"),
                                        ("National Oil Corporation of Kenya", "ORG"))
    # (a state after 'of' owns the firm, whatever known firm's name the rest holds: Libya's 'National Oil Corporation')
    assert (unit.affiliation, state_firm.affiliation, owned.affiliation) == ("USA", "CHN", "KEN")


def test_a_person_of_a_state_belongs_to_it(resolver):
    text = "Abdul Qadeer Khan of Pakistan sold the designs."
    person, _ = _resolved(resolver, text, ("Abdul Qadeer Khan", "PERSON"), ("Pakistan", "GPE"))
    assert person.affiliation == "PAK"
