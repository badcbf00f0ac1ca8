"""Rules from session 44's real-news dev analysis. Every sentence below is invented for the test."""

from __future__ import annotations

from eventex.ner.datelines import bare_dateline
from eventex.ner.names import repair_names
from eventex.schema import Entity

PUB = "2024-07-01"


def _names(default_extractor, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in default_extractor.extract(text).entities}


def _investments(events):
    return {(e.investor.text, e.host_country.id) for e in events if e.type == "energy_investment"}


def _org(text: str, name: str) -> Entity:
    start = text.index(name)
    return Entity(text=name, label="ORG", start=start, end=start + len(name))


def test_a_grid_operator_is_an_energy_company(run):
    # no energy asset is named: the investor's name must say it is an energy company
    events = run("Norland Grid Corp said on Tuesday it has agreed to buy transmission assets in Chile for $400 "
                 "million.")
    assert _investments(events) == {("Norland Grid Corp", "CHL")}
    # guard: a firm whose name says nothing of energy buys no energy asset
    assert _investments(run("Norland Textile Corp said on Tuesday it has agreed to buy transmission assets in Chile "
                            "for $400 million.")) == set()


def test_a_dateline_run_into_a_name_without_a_dash_is_split_off():
    text = "NAIROBI Norland Grid Corp said it would bid."
    out = repair_names(text, [_org(text, "NAIROBI Norland Grid Corp")])
    assert [(e.text, e.label) for e in out] == [("NAIROBI", "GPE"), ("Norland Grid Corp", "ORG")]
    # guard: a state's name opening a body's name is no dateline, nor is an unknown word in capitals
    assert bare_dateline("UK Defence Ministry") is None
    assert bare_dateline("ACME Power Holdings") is None
    text = "ACME Power Holdings said it would bid."
    assert [e.text for e in repair_names(text, [_org(text, "ACME Power Holdings")])] == ["ACME Power Holdings"]


def test_a_name_cut_inside_its_instrument_code_loses_it():
    text = "Norland Grid Corp NGRD.UL said it would bid."
    ents = [_org(text, "Norland Grid Corp NGRD"), _org(text, "UL")]
    assert [e.text for e in repair_names(text, ents)] == ["Norland Grid Corp"]
    # guard: a name followed by a full stop and a new sentence keeps its last word
    text = "They met officials of the UAE. The talks went on."
    assert [e.text for e in repair_names(text, [_org(text, "UAE")])] == ["UAE"]


def test_a_dash_after_a_state_name_is_not_part_of_it(default_extractor):
    names = _names(default_extractor, "Officials said that Fiji had recognized Kosovo - while Serbia denied it.")
    assert ("Kosovo", "GPE") in names
    names = _names(default_extractor, "SUVA, Fiji -- The minister arrived on Monday.")
    assert ("Fiji", "GPE") in names


def test_indian_honorifics_are_not_part_of_the_name(default_extractor):
    names = _names(default_extractor, "Raksha Mantri Shri Rajnath Singh arrived in Hanoi on Monday.")
    assert ("Rajnath Singh", "PERSON") in names
    names = _names(default_extractor, "Smt. Nirmala Sitharaman arrived in Paris on Monday.")
    assert ("Nirmala Sitharaman", "PERSON") in names and not any(t.startswith("Smt") for t, _ in names)


def test_the_topic_state_is_not_counted_from_its_firms_nationality(run):
    # Korea is named three times, each as a firm's nationality; Chile twice as a place: Chile is the topic and hosts
    text = ("Chile's power sector is set to draw $3 billion of foreign money this year.\n\n"
            "One project is a gas plant planned by South Korean companies Hanbit and Daeyang.\n\n"
            "Its investors, Norway's Fjordkraft Power and South Korea's Hanbit Power Holdings, signed an investment "
            "agreement with the Ministry of Energy last week.\n\n"
            "Another investor is South Korea's Daeyang Energy, the government of Chile said.")
    assert ("Fjordkraft Power", "CHL") in _investments(run(text))
    assert not any(host == "KOR" for _, host in _investments(run(text)))

