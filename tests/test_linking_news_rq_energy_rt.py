"""Energy-investment rules from misses on real published news, round rt (private development sets, never copied
here): every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_pairs, ent

from eventex.linking import Linker
from eventex.ner.names import repair_names
from eventex.stages.resolve import Resolver

PUB = "2025-06-01"


def _pairs(events) -> set[tuple]:
    return core_pairs(events, "energy_investment")


def test_firms_that_have_stakes_in_the_venture_named_before_invest_there(run):
    events = run("Norway's Equinor pulled out of the Yamal-9 gas project in Russia last year. Italy's Eni and "
                 "Korea's KOGAS also have stakes in the venture.")
    assert {("Eni", "RUS"), ("KOGAS", "RUS")} <= _pairs(events)


def test_a_firms_legal_form_after_its_name_belongs_to_the_name():
    text = "Aker Corp. has signed the deal with Repsol plc, as Aker Corp. told Vaal Ltd. It said Sasol SA would join."
    ents = [ent(text, "Aker Corp", "ORG"), ent(text, "Repsol", "ORG"), ent(text, "Aker Corp", "ORG", 1),
            ent(text, "Vaal Ltd", "ORG"), ent(text, "Sasol", "ORG")]
    names = [e.text for e in repair_names(text, ents)]
    # the full stop that ends a sentence stays out ('told Vaal Ltd. It said')
    assert names == ["Aker Corp.", "Repsol plc", "Aker Corp.", "Vaal Ltd", "Sasol SA"]


def test_states_building_under_a_foreign_firms_supervision_host_its_investment(run):
    events = run("Ghana, Kenya and Uganda also plan to build nuclear power plants on their soil under the "
                 "supervision of the Korean utility KEPCO, officials said.")
    pairs = _pairs(events)
    assert {("KEPCO", "GHA"), ("KEPCO", "KEN"), ("KEPCO", "UGA")} <= pairs
    assert not any(host == "KOR" for _, host in pairs)


def test_a_state_building_with_a_foreign_firms_help_hosts_it(run):
    events = run("Uzbekistan will build its first nuclear power plant with the help of Rosatom, the minister said.")
    assert ("Rosatom", "UZB") in _pairs(events)


def test_a_stake_in_the_venture_lies_in_the_state_nearest_the_asset_not_the_first_one(hand_doc):
    """The first firm is left untagged, so no rule can tell that 'Norway' only names its nationality."""
    doc = hand_doc("Norway's Equinor pulled out of the Yamal-9 gas project in Russia last year. Italy's Eni and "
                   "Korea's KOGAS also have stakes in the venture.",
                   ("Norway", "GPE"), ("Yamal-9 gas project", "ENERGY_ASSET"), ("Russia", "GPE"),
                   ("Italy", "GPE"), ("Eni", "ORG"), ("KOGAS", "ORG"))
    events = Linker()(Resolver()(doc)).events
    assert {("Eni", "RUS"), ("KOGAS", "RUS")} <= _pairs(events)
