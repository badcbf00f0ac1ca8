"""linking.context on hand-built documents: usable mentions, indexes, nearby states."""

from __future__ import annotations

import pytest

from eventex.document import Document
from eventex.linking.context import LinkContext, dominant_state, state_key
from eventex.schema import Citation, Entity

RUS, CUB = {"id": "RUS"}, {"id": "CUB"}


def test_mentions_in_citations_and_dates_in_parentheses_are_not_usable(hand_doc):
    text = "Lavrov visited Cuba in May (Interfax, May 3). Russia praised it."
    doc = hand_doc(
        text, ("Lavrov", "PERSON"), ("Cuba", "GPE", CUB), ("May", "DATE"), ("Interfax", "ORG"), ("May 3", "DATE"),
        ("Russia", "GPE", RUS),
    )
    start = text.index("Interfax")
    doc.citations = [Citation(text="Interfax, May 3", start=start, end=start + 15, outlet="Interfax")]
    ctx = LinkContext.build(doc)
    assert [m.entity.text for m in ctx.mentions] == ["Lavrov", "Cuba", "May", "Russia"]
    assert ctx.by_token[ctx.mentions[1].span.start].text == "Cuba"
    first, second = (s.start for s in ctx.doc.sents)
    assert [m.entity.text for m in ctx.mentions.in_sentence(first)] == ["Lavrov", "Cuba", "May"]
    assert [m.entity.text for m in ctx.mentions.in_sentence(second)] == ["Russia"]
    assert [m.entity.text for m in ctx.mentions.before(ctx.mentions[3].span.start)] == ["Lavrov", "Cuba", "May"]


def test_lookback_bounds_the_mentions_before(hand_doc):
    doc = hand_doc("Cuba, Chile, Peru and Mexico met.", *[(n, "GPE") for n in ("Cuba", "Chile", "Peru", "Mexico")])
    ctx = LinkContext.build(doc, lookback=2)
    assert [m.entity.text for m in ctx.mentions.before(len(ctx.doc))] == ["Peru", "Mexico"]


def test_nearby_state_stays_in_the_paragraph(hand_doc):
    doc = hand_doc("Russia spoke.\n\nThe minister left. He came back.", ("Russia", "GPE", RUS))
    ctx = LinkContext.build(doc)
    sentences = list(ctx.doc.sents)
    assert ctx.nearby_state(sentences[0], set()).id == "RUS"
    assert ctx.nearby_state(sentences[-1], set()) is None
    assert ctx.nearby_state(sentences[0], {"RUS"}) is None


def test_state_mention_prefers_the_sentence_then_the_closest_before(hand_doc):
    doc = hand_doc(
        "Russia spoke. Moscow agreed. Putin left.", ("Russia", "GPE", RUS), ("Moscow", "GPE", RUS),
        ("Putin", "PERSON"),
    )
    ctx = LinkContext.build(doc)
    putin = ctx.mentions[2].root
    assert ctx.state_mention("RUS", putin).text == "Moscow"
    assert ctx.state_mention("RUS", ctx.mentions[0].root).text == "Russia"
    assert ctx.state_mention("CUB", putin) is None


def test_an_unparsed_document_is_refused():
    with pytest.raises(ValueError, match="parse"):
        LinkContext.build(Document(text="Russia."))


def test_dominant_state_and_state_key():
    def ent(label: str, **kw) -> Entity:
        return Entity(text="x", start=0, end=1, label=label, **kw)

    assert dominant_state([ent("GPE", id="RUS"), ent("PERSON", id="CUB"), ent("PERSON", id="CUB")]) == "RUS"
    assert dominant_state([ent("GPE", id="RUS"), ent("NORP", id="CUB"), ent("GPE", id="CUB")]) == "CUB"
    assert dominant_state([ent("PERSON")]) is None
    assert state_key(ent("GPE", id="RUS")) == "RUS"
    assert state_key(ent("PERSON", id="x", affiliation="CUB")) == "CUB"
