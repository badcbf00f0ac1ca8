"""The corpus format, the authoring markup, the validator, and the committed corpus itself."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from eventex.corpus import MarkupError, build, check_document, dumps, load, parse_markup, validate
from eventex.schema import EVENT_TYPES, STATUSES

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"

MARKUP = """id: t-1
published: 2010-03-10
split: dev
===
On [February 11-17]{DATE #d1}, [Sergei Lavrov]{PERSON #lav} [toured]{TRIGGER #t1} [Cuba]{GPE=CUB #c1} and
[Mexico]{GPE=MEX #c2}. [Mexico]{GPE=MEX #c3} wants [[Russian]{NORP=RUS #n1} [helicopters]{WEAPON #w1}]{TRIGGER #t2}.
===
E1 visit actual trigger=#t1 date=#d1 visitor=#lav destination=#c1,#c2
E2 arms_sale proposed trigger=#t2 buyer=#c3 seller=~#n1 weapon=#w1
"""


def test_markup_parses_to_exact_offsets():
    doc = parse_markup(MARKUP)
    assert doc.split == "dev" and str(doc.published) == "2010-03-10"
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text
    assert [m.text for m in doc.mentions][:3] == ["February 11-17", "Sergei Lavrov", "Cuba"]
    assert doc.events[1].trigger.text == "Russian helicopters"
    seller = next(a for a in doc.events[1].arguments if a.role == "seller")
    assert seller.implicit and doc.mention(seller.mention).id == "RUS"
    assert check_document(doc) == []


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (MARKUP.replace("[toured]{TRIGGER #t1}", "[toured]{TRIGGER}"), "no #handle"),
        (MARKUP.replace("[Cuba]{GPE=CUB #c1}", "[Cuba"), "never closed"),
        (MARKUP.replace("[Cuba]{GPE=CUB #c1}", "[Cuba{GPE=CUB #c1}"), "stray"),
        (MARKUP.replace("{WEAPON #w1}", "{GUN #w1}"), "unknown label"),
        (MARKUP.replace("E1 visit", "E1 trip"), "unknown event type"),
    ],
)
def test_markup_errors_are_reported(bad, message):
    with pytest.raises(MarkupError, match=message):
        parse_markup(bad)


def test_validator_reports_line_and_field(tmp_path):
    good = parse_markup(MARKUP)
    bad = json.loads(dumps(good))
    bad["mentions"][1]["start"] += 1  # offsets no longer match the text
    bad["mentions"][1]["end"] += 1
    bad["events"][0]["arguments"][0]["role"] = "guest"
    bad["events"][1]["status"] = "rumoured"
    path = tmp_path / "c.jsonl"
    path.write_text(dumps(good) + "\n" + json.dumps(bad) + "\n")
    errors = validate(path)
    assert {e.line for e in errors} == {2}
    fields = {e.field for e in errors}
    assert "events.1.status" in fields  # a schema error, reported by pydantic's location
    bad["events"][1]["status"] = "proposed"
    path.write_text(json.dumps(bad) + "\n")
    fields = {e.field for e in validate(path)}
    assert {"mentions.1.text", "events.0.arguments.0.role"} <= fields


def test_validate_corpus_cli_exit_codes(tmp_path):
    from eventex.cli import main

    path = tmp_path / "c.jsonl"
    path.write_text(dumps(parse_markup(MARKUP)) + "\n")
    assert main(["validate-corpus", str(path)]) == 0
    path.write_text('{"id": 1}\n')
    assert main(["validate-corpus", str(path)]) == 1


@pytest.mark.parametrize("corpus", [CORPORA, CORPORA / "news"], ids=["monitor", "news"])
@pytest.mark.parametrize("split", ["train", "dev", "test"])
def test_committed_corpus_is_valid(corpus, split):
    assert validate(corpus / f"{split}.jsonl") == []


@pytest.mark.parametrize("corpus", [CORPORA, CORPORA / "news"], ids=["monitor", "news"])
def test_committed_corpus_is_built_from_sources(corpus, tmp_path):
    build(corpus / "src", tmp_path)
    for split in ("train", "dev", "test"):
        assert (tmp_path / f"{split}.jsonl").read_text() == (corpus / f"{split}.jsonl").read_text(), (
            "run `make corpus`"
        )


def test_corpus_meets_its_specification(sample_text):
    docs = load(CORPORA)
    assert len(docs) >= 61
    assert sum(len(d.text.split()) for d in docs) >= 30_000
    test = [d for d in docs if d.split == "test"]
    assert len(test) >= 20
    assert any(d.text == sample_text.strip("\n") for d in test), "the sample article is in the test split"
    types = Counter(e.type for d in docs for e in d.events)
    assert all(types[t] >= 40 for t in EVENT_TYPES), types
    statuses = {e.status for d in docs for e in d.events}
    assert statuses == set(STATUSES)
    assert sum(d.hard_negative for d in docs) >= 10
    assert len({d.id for d in docs}) == len(docs)


def test_news_corpus_meets_its_specification():
    docs = load(CORPORA / "news")
    assert len(docs) >= 60 and len({d.id for d in docs}) == len(docs)
    assert sum(d.split == "test" for d in docs) >= 20
    assert len({d.genre for d in docs}) >= 8 and all(d.genre for d in docs)
    types = Counter(e.type for d in docs for e in d.events)
    assert all(types[t] >= 40 for t in EVENT_TYPES), types
    assert {e.status for d in docs for e in d.events} == set(STATUSES)
    assert sum(d.hard_negative for d in docs) >= 6
    world = [a for d in docs for e in d.events for a in e.arguments if a.id]
    assert len(world) >= 30, "fillers known from world knowledge (~#h=ISO)"
    assert not {d.text for d in docs} & {d.text for d in load(CORPORA)}, "the two corpora share no article"


def test_corpus_loads_with_datasets():
    from datasets import load_dataset

    ds = load_dataset("json", data_files=str(CORPORA / "test.jsonl"), split="train")
    assert len(ds) == len(load(CORPORA / "test.jsonl"))
    assert {"id", "text", "mentions", "events"} <= set(ds.column_names)
