"""Energy-investment rules from misses on real published news (private development sets, never copied here): every
sentence below is invented for the test."""

from __future__ import annotations

from newslib import ent

from eventex.document import Document
from eventex.linking.context import Candidate, LinkContext
from eventex.linking.named_firms import named_firms
from eventex.linking.rules import Rules
from eventex.schema import Span
from eventex.stages.resolve import Resolver

PUB = "2025-06-01"


def _investments(events) -> set[tuple[str | None, str | None]]:
    """(investor text or id, host id) of each energy investment."""
    return {((e.investor.id or e.investor.text) if e.investor else None, e.host_country.id if e.host_country else None)
            for e in events if e.type == "energy_investment"}


def test_a_province_tagged_as_a_nationality_is_a_place():
    text = "The Guangxi venture also involves Chevron."
    doc = Resolver()(Document(text=text, entities=[ent(text, "Guangxi", "NORP"), ent(text, "Chevron", "ORG")]))
    guangxi = doc.entities[0]
    assert (guangxi.label, guangxi.id) == ("GPE", "CHN")


def test_a_clipped_firm_name_takes_its_full_name_as_canonical():
    text = "The venture involves ConocoPhillips and Hess Corp, and Conoco and Hess will each hold a stake."
    ents = [ent(text, n, "ORG") for n in ("ConocoPhillips", "Hess Corp")]
    ents += [ent(text, "Conoco", "ORG", 1), ent(text, "Hess", "ORG", 1)]
    doc = Resolver()(Document(text=text, entities=ents))
    assert [e.canonical for e in doc.entities[2:]] == ["ConocoPhillips", "Hess Corp"]


def test_a_clipped_run_together_firm_name_is_filled_by_the_full_name(run):
    events = run("The Hainan venture also involves ConocoPhillips, the companies said. Under the deal, Conoco will "
                 "hold a 30 per cent interest in the Hainan Refining Project, a refinery in China.")
    investors = {i for i, _ in _investments(events)}
    assert "ConocoPhillips" in investors
    assert "Conoco" not in investors


def test_firms_named_after_a_counted_nationality_noun_each_invest(hand_doc):
    text = "Laos signed an agreement with two Chinese firms Summit Investment Group and Silver Lake Resources."
    doc = hand_doc(text, ("Laos", "GPE", {"id": "LAO"}), ("Chinese", "NORP", {"id": "CHN"}),
                   ("Summit Investment Group", "ORG"), ("Silver Lake Resources", "ORG"))
    ctx = LinkContext.build(doc)
    tok = ctx.doc[0].sent
    cand = Candidate(type="energy_investment", trigger=Span(text="agreement", start=15, end=24),
                     trigger_token=ctx.doc[3], trigger_tokens=ctx.doc[3:4], frame="invest_noun", status="actual",
                     strength=0.5, sentence=tok,
                     fillers={"investor": [doc.entities[1]], "host_country": [doc.entities[0]]})
    split = named_firms(cand, ctx, Rules.load())
    assert [c.first("investor").text for c in split] == ["Summit Investment Group", "Silver Lake Resources"]
    assert all(c.first("host_country").id == "LAO" for c in split)


def test_a_state_that_signs_a_deal_to_help_another_build_invests(run):
    events = run("Russia has signed a deal to help Bolivia construct a nuclear power plant near La Paz.")
    assert ("RUS", "BOL") in _investments(events)


def test_electricite_names_an_energy_company(run):
    events = run("Electricite de Normandie last year dropped plans to take a 20 per cent stake in a $2 billion "
                 "venture in Gujarat.")
    assert ("Electricite de Normandie", "IND") in _investments(events)
