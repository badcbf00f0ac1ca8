"""The public API on the sample article and on bad input; the offsets invariant on arbitrary text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventex
from eventex.schema import Extraction


def _check_offsets(result: Extraction) -> None:
    for span in result.spans():
        assert result.text[span.start : span.end] == span.text


def test_sample_article_lavrov_tour(sample_result):
    visits = [e for e in sample_result.events if e.type == "visit" and e.visitor and "Lavrov" in e.visitor.text]
    assert len(visits) == 1, [e.model_dump(include={"trigger", "visitor"}) for e in visits]
    tour = visits[0]
    assert {d.id for d in tour.destination} >= {"CUB", "MEX", "GTM", "NIC"}
    assert tour.status == "actual"
    assert tour.date is not None
    assert (tour.date.date_start, tour.date.date_end) == (dt.date(2010, 2, 11), dt.date(2010, 2, 17))


def test_sample_article_resolution(sample_result):
    by_text: dict[str, set[str | None]] = {}
    for e in sample_result.entities:
        by_text.setdefault(e.text, set()).add(e.id)
    assert by_text["Moscow"] == {"RUS"}
    assert by_text["Russian"] == {"RUS"}
    assert by_text["Havana"] == {"CUB"}


def test_sample_article_offsets_and_round_trip(sample_result):
    _check_offsets(sample_result)
    assert Extraction.model_validate_json(sample_result.model_dump_json()) == sample_result


def test_extract_rejects_non_text():
    with pytest.raises(TypeError, match="bytes"):
        eventex.extract(b"Lavrov visited Cuba.")
    with pytest.raises(TypeError, match="NoneType"):
        eventex.extract(None)


def test_extract_rejects_bad_published():
    with pytest.raises(ValueError, match="2010-13-45"):
        eventex.extract("Lavrov visited Cuba.", published="2010-13-45")


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_gives_empty_result(text):
    r = eventex.extract(text)
    assert r.events == [] and r.text == text


def test_long_document_is_read_whole(default_extractor, sample_text):
    long = "\n\n".join([sample_text] * 6)  # far beyond one model window
    r = default_extractor.extract(long, published="2010-03-10")
    assert r.meta.unread == []
    last_start = len(long) - len(sample_text)
    assert any(e.start >= last_start for e in r.entities), "entities found in the last copy"
    _check_offsets(r)


def test_pipe_streams_in_order(default_extractor):
    texts = ["Putin visited Ankara in 2019.", "", "Russia sold S-400 systems to Turkey."]
    results = list(default_extractor.pipe(texts, batch_size=2))
    assert [r.text for r in results] == texts


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_arbitrary_text_never_breaks_offsets(default_extractor, text):
    r = default_extractor.extract(text)
    _check_offsets(r)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            ["Russia", "sold", "S-400", "systems", "to", "Turkey", "’s", "Lavrov", "visited", "(Interfax,",
             "February 1, 2)", ".", "\n\n", "recognized", "Abkhazia", "Gazprom", "invested", "$2 billion", "in",
             "the", "Junin-6 oil field", "🙂", "\u200b", "é", "oil", "exploration", "blocks", "Su-30MKM",
             "fighters", "small arms", "agreed to expand", "military-technical cooperation", "the two sides"]
        ),
        max_size=40,
    )
)
def test_domain_like_text_never_breaks_offsets(default_extractor, words):
    r = default_extractor.extract(" ".join(words), published="2010-03-10")
    _check_offsets(r)
