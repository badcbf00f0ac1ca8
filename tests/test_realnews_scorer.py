"""The string-annotated real-news scorer (``benchmarks/realnews.py``) on invented excerpts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import realnews  # noqa: E402

from eventex.eval.counts import Counts, total  # noqa: E402

DOCS = [
    {"id": "T-01", "published": "2024-03-01",
     "text": "Chilean President Ana Ruiz arrived in Norway on Monday for a state visit. Peru ordered two frigates "
             "from Spain.",
     "events": [
         {"type": "visit", "status": "actual", "roles": {"visitor": [["Ana Ruiz"]], "destination": [["Norway"]]}},
         {"type": "arms_sale", "status": "actual",
          "roles": {"seller": [["Spain"]], "buyer": [["Peru"]], "weapon": [["two frigates"]]}},
         # an event eventex cannot find: the gold names a buyer it does not give
         {"type": "arms_sale", "status": "actual", "roles": {"seller": [["Spain"]], "buyer": [["Ecuador"]]}},
     ]},
    {"id": "T-02", "published": None, "text": "The two navies held a joint drill off Goa on Friday.", "events": []},
]


def test_scores_core_tuples_with_surface_forms_and_state_ids(default_extractor):
    lookup = realnews.gazetteer_lookup()
    first, second = (realnews.score_document(d, default_extractor, lookup) for d in DOCS)
    assert first["counts"]["all"] == Counts(tp=2, fp=0, fn=1)
    assert first["counts"]["visit"] == Counts(tp=1, fp=0, fn=0)
    assert first["misses"] == [("arms_sale", "Spain", "Ecuador")] and first["false"] == []
    assert first["statuses"] == [("actual", "actual"), ("actual", "actual")]  # the matched visit and order
    assert second["counts"]["all"] == Counts()
    assert total([first["counts"]["all"], second["counts"]["all"]]).score().f1 == 0.8
    # arguments: one per filler of every role, repeats counted once (the order's 'Spain' and the miss's are one)
    assert first["arguments"][("arms_sale", "weapon")] == Counts(tp=1, fp=0, fn=0)
    assert first["arguments"][("arms_sale", "buyer")] == Counts(tp=1, fp=0, fn=1)
    assert first["arguments"][("arms_sale", "seller")] == Counts(tp=1, fp=0, fn=0)
    assert total(first["arguments"].values()) == Counts(tp=5, fp=0, fn=1)


def test_a_form_matches_by_text_or_by_the_state_it_names():
    from eventex.schema import Entity

    ids = frozenset({"IND"})
    assert realnews.filler_matches(("the Indian Navy",), ids, Entity(text="Indian Navy", start=0, end=11, label="ORG"))
    assert realnews.filler_matches(("New Delhi",), ids, Entity(text="India", start=0, end=5, label="GPE", id="IND"))
    assert not realnews.filler_matches(("Pakistan",), frozenset({"PAK"}),
                                       Entity(text="India", start=0, end=5, label="GPE", id="IND"))
    india = Entity(text="India", start=0, end=5, label="GPE", id="IND")
    assert realnews.filler_matches(None, frozenset(), None)  # a side neither names
    assert not realnews.filler_matches(None, frozenset(), india) and not realnews.filler_matches(("India",), ids, None)


def test_the_command_line_prints_the_score_of_a_file(tmp_path, capsys):
    path = tmp_path / "set.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in DOCS), encoding="utf-8")
    assert realnews.main([str(path), "--by-type", "--by-role", "--bootstrap", "50"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("F1 0.800 tp 2 pred 2 gold 3") and "CI [" in out and "visit" in out
    assert "argument F1 0.909 (tp 5 pred 5 gold 6)" in out and "arms_sale.buyer" in out
    assert "status accuracy 1.000 (2/2 matched events)" in out


def test_events_pair_by_the_most_shared_core_tuples():
    gold = [realnews.GoldTuple("visit", ("A",), ("X",), frozenset(), frozenset()),
            realnews.GoldTuple("visit", ("A",), ("Y",), frozenset(), frozenset())]
    from eventex.schema import Entity

    def e(text: str) -> Entity:
        return Entity(text=text, start=0, end=len(text), label="GPE")

    one, both = [("visit", e("A"), e("X"))], [("visit", e("A"), e("X")), ("visit", e("A"), e("Y"))]
    # the second prediction shares two tuples with the gold event, the first only one: the pair is (0, 1)
    assert realnews.event_pairs([gold], [one, both]) == [(0, 1)]
    assert realnews.event_pairs([gold[:1], gold[1:]], [both]) == [(0, 0)]
