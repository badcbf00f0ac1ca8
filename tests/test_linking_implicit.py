"""linking.implicit on hand-built documents: implied fillers and people or places standing for states."""

from __future__ import annotations

import pytest

from eventex.linking import Linker
from eventex.linking.context import Candidate, LinkContext
from eventex.linking.implicit import add_implicit, tidy_roles
from eventex.linking.roles import fill_roles

RUS, VEN = {"id": "RUS"}, {"id": "VEN"}


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker()


def implied(linker: Linker, doc, etype: str) -> Candidate:
    """The first ``etype`` candidate after role filling, implicit arguments and tidying."""
    ctx = LinkContext.build(doc)
    cand = linker.candidate(next(t for t in linker.triggers.find(ctx.doc) if t.type == etype), ctx)
    fill_roles(cand, ctx, linker.rules)
    add_implicit(cand, ctx, linker.rules)
    tidy_roles(cand, ctx, linker.rules)
    return cand


def _filler(cand: Candidate, role: str) -> tuple[str, str | None, bool]:
    (e,) = cand.fillers[role]
    return e.text, e.id, e.implicit


def test_the_state_before_a_weapon_sells_it(linker, hand_doc):
    doc = hand_doc(
        "Russian helicopters were sold to Venezuela.", ("Russian", "NORP", RUS), ("helicopters", "WEAPON"),
        ("Venezuela", "GPE", VEN),
    )
    assert _filler(implied(linker, doc, "arms_sale"), "seller") == ("Russian", "RUS", True)


def test_a_hosted_visit_goes_to_the_hosts_state(linker, hand_doc):
    doc = hand_doc(
        "Russia talked to Egypt. Putin hosted Sisi.", ("Russia", "GPE", RUS), ("Egypt", "GPE", {"id": "EGY"}),
        ("Putin", "PERSON", {"affiliation": "RUS"}), ("Sisi", "PERSON", {"affiliation": "EGY"}),
    )
    assert _filler(implied(linker, doc, "visit"), "destination") == ("Russia", "RUS", True)


def test_a_leader_in_a_state_role_stands_for_the_state(linker, hand_doc):
    putin, rest = ("Putin", "PERSON", {"affiliation": "RUS"}), [("helicopters", "WEAPON"), ("Venezuela", "GPE", VEN)]
    text = "Putin sold helicopters to Venezuela."
    doc = hand_doc(f"Russia needs money. {text}", ("Russia", "GPE", RUS), putin, *rest)
    assert _filler(implied(linker, doc, "arms_sale"), "seller") == ("Russia", "RUS", True)
    assert _filler(implied(linker, hand_doc(text, putin, *rest), "arms_sale"), "seller") == ("Putin", "RUS", True)


def test_the_host_country_of_an_investment_is_the_state_next_to_the_asset(linker, hand_doc):
    doc = hand_doc(
        "Gazprom will invest in the Belarusian pipeline.", ("Gazprom", "ORG", {"affiliation": "RUS"}),
        ("Belarusian", "NORP", {"id": "BLR"}), ("pipeline", "ENERGY_ASSET"),
    )
    assert _filler(implied(linker, doc, "energy_investment"), "host_country") == ("Belarusian", "BLR", True)


def test_an_arms_exporter_named_as_buyer_is_the_seller(linker, hand_doc):
    doc = hand_doc(
        "Peru bought helicopters from Rosoboronexport.", ("Peru", "GPE", {"id": "PER"}),
        ("helicopters", "WEAPON"), ("Rosoboronexport", "ORG", {"affiliation": "RUS"}),
    )
    cand = implied(linker, doc, "arms_sale")
    assert (_filler(cand, "seller")[0], _filler(cand, "buyer")[0]) == ("Rosoboronexport", "Peru")
