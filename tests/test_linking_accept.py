"""linking.accept on hand-built documents: the checks every type shares and each type's own rule."""

from __future__ import annotations

import pytest

from eventex.linking import Linker
from eventex.linking.accept import ACCEPT, accept_arms_sale, acceptable
from eventex.linking.context import Candidate, LinkContext
from eventex.linking.implicit import add_implicit, tidy_roles
from eventex.linking.roles import fill_roles
from eventex.schema import EVENT_TYPES

RUS, IRN = {"id": "RUS"}, {"id": "IRN"}


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker()


def verdict(linker: Linker, doc, etype: str) -> tuple[bool, Candidate]:
    """Whether the first ``etype`` candidate of ``doc`` is accepted, and the candidate."""
    ctx = LinkContext.build(doc)
    cand = linker.candidate(next(t for t in linker.triggers.find(ctx.doc) if t.type == etype), ctx)
    fill_roles(cand, ctx, linker.rules)
    add_implicit(cand, ctx, linker.rules)
    tidy_roles(cand, ctx, linker.rules)
    return acceptable(cand, linker.rules.lexicons[etype], linker.status_rules), cand


def test_every_event_type_has_an_acceptance_rule():
    assert set(ACCEPT) == set(EVENT_TYPES)


def test_a_sale_with_both_partners_and_a_weapon_is_accepted(linker, hand_doc):
    doc = hand_doc("Russia sold tanks to Iran.", ("Russia", "GPE", RUS), ("tanks", "WEAPON"), ("Iran", "GPE", IRN))
    assert verdict(linker, doc, "arms_sale")[0]


def test_a_conditional_or_a_sale_without_weapon_is_not(linker, hand_doc):
    doc = hand_doc(
        "If Russia sells tanks to Iran, talks end.", ("Russia", "GPE", RUS), ("tanks", "WEAPON"), ("Iran", "GPE", IRN)
    )
    assert not verdict(linker, doc, "arms_sale")[0]
    doc = hand_doc("Russia sold grain to Iran.", ("Russia", "GPE", RUS), ("Iran", "GPE", IRN))
    assert not verdict(linker, doc, "arms_sale")[0]


def test_a_nominal_sale_needs_its_buyer(linker, hand_doc):
    doc = hand_doc("Russia resumed the sale of tanks to Iran.", ("Russia", "GPE", RUS), ("tanks", "WEAPON"),
                   ("Iran", "GPE", IRN))
    ok, cand = verdict(linker, doc, "arms_sale")
    assert ok and cand.trigger_token.pos_ == "NOUN"
    cand.fillers.pop("buyer")
    assert not accept_arms_sale(cand, linker.rules.lexicons["arms_sale"])


def test_tourists_and_trips_at_home_are_no_visits(linker, hand_doc):
    lavrov = ("Lavrov", "PERSON", {"affiliation": "RUS"})
    assert verdict(linker, hand_doc("Lavrov visited Cuba.", lavrov, ("Cuba", "GPE", {"id": "CUB"})), "visit")[0]
    assert not verdict(linker, hand_doc("Lavrov visited Kazan.", lavrov, ("Kazan", "GPE", RUS)), "visit")[0]
    tourists = hand_doc("Russian tourists visited Turkey.", ("Russian", "NORP", RUS), ("Turkey", "GPE", {"id": "TUR"}))
    assert not verdict(linker, tourists, "visit")[0]


def test_a_domestic_investment_is_no_event(linker, hand_doc):
    gazprom = ("Gazprom", "ORG", {"affiliation": "RUS"})
    abroad = hand_doc("Gazprom invested in a pipeline in Germany.", gazprom, ("pipeline", "ENERGY_ASSET"),
                      ("Germany", "GPE", {"id": "DEU"}))
    assert verdict(linker, abroad, "energy_investment")[0]
    home = hand_doc("Gazprom invested in a pipeline in Russia.", gazprom, ("pipeline", "ENERGY_ASSET"),
                    ("Russia", "GPE", RUS))
    assert not verdict(linker, home, "energy_investment")[0]


def test_only_states_are_recognised(linker, hand_doc):
    nic = ("Nicaragua", "GPE", {"id": "NIC"})
    assert verdict(linker, hand_doc("Nicaragua recognized Abkhazia.", nic, ("Abkhazia", "GPE", {"id": "ABK"})),
                   "recognition")[0]
    assert not verdict(linker, hand_doc("Nicaragua recognized the rebels.", nic, ("rebels", "NORP")),
                       "recognition")[0]
