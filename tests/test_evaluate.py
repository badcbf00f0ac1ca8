"""Scorer tests on small hand-built documents; every expected number is computed by hand in the comments."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from eventex import loading
from eventex.cli import evaluate as cli_evaluate
from eventex.corpus import GoldArgument, GoldDocument, GoldEvent, GoldMention, dumps
from eventex.corpus.conll import parse_conll, read_conll
from eventex.eval.bootstrap import bootstrap
from eventex.eval.match import core_tuples, filler_key, keys_match, normalise_text
from eventex.eval.report import Report, Score
from eventex.eval.score import evaluate, evaluate_conll
from eventex.schema import (
    ArmsSaleEvent,
    Entity,
    Event,
    Extraction,
    Meta,
    RecognitionEvent,
    Span,
    VisitEvent,
)

TEXT = (
    "Sergei Lavrov visited Cuba. Russia sold arms to Cuba and Mexico, not Peru. "
    "In Havana, Lavrov met Raul Castro."
)
META = Meta(model="fake", version="0", eventex_version="0")


def _span(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``surface`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def _mention(mid: str, surface: str, label: str, kb: str | None = None, nth: int = 0, text: str = TEXT):
    start, end = _span(text, surface, nth)
    return GoldMention(mid=mid, text=surface, start=start, end=end, label=label, id=kb)


def _entity(surface: str, label: str, kb: str | None = None, nth: int = 0, text: str = TEXT, **kw) -> Entity:
    start, end = _span(text, surface, nth)
    return Entity(text=surface, start=start, end=end, label=label, id=kb, **kw)


def _trigger(surface: str, text: str = TEXT) -> Span:
    start, end = _span(text, surface)
    return Span(text=surface, start=start, end=end)


def _gold_event(eid: str, etype: str, trigger: str, status: str = "actual", text: str = TEXT, **roles: str):
    """``roles``: role -> comma-separated mids, a leading '~' marks an implicit filler."""
    args = [
        GoldArgument(role=role, mention=m.lstrip("~"), implicit=m.startswith("~"))
        for role, mids in roles.items()
        for m in mids.split(",")
    ]
    return GoldEvent(id=eid, type=etype, status=status, trigger=_trigger(trigger, text), arguments=args)


MENTIONS = [
    _mention("lav", "Sergei Lavrov", "PERSON"),
    _mention("c1", "Cuba", "GPE", "CUB"),
    _mention("ru", "Russia", "GPE", "RUS"),
    _mention("w1", "arms", "WEAPON"),
    _mention("c2", "Cuba", "GPE", "CUB", nth=1),
    _mention("mx", "Mexico", "GPE", "MEX"),
]


def _gold(events: list[GoldEvent] | None = None, mentions: list[GoldMention] | None = None) -> GoldDocument:
    return GoldDocument(
        id="d1",
        split="dev",
        text=TEXT,
        mentions=MENTIONS if mentions is None else mentions,
        events=(
            [
                _gold_event("E1", "visit", "visited", visitor="lav", destination="c1"),
                _gold_event("E2", "arms_sale", "sold", seller="ru", buyer="c2,mx", weapon="w1"),
            ]
            if events is None
            else events
        ),
    )


def _pred(entities: list[Entity] | None = None, events: list[Event] | None = None, text: str = TEXT):
    return Extraction(text=text, entities=entities or [], events=events or [], meta=META)


def _visit(visitor: Entity, *destinations: Entity, status: str = "actual") -> VisitEvent:
    trig = _trigger("visited")
    return VisitEvent(id="P1", trigger=trig, evidence=[trig], status=status, visitor=visitor,
                      destination=list(destinations))


def _sale(*buyers: Entity, seller: Entity | None = None, status: str = "actual", weapon: bool = True):
    trig = _trigger("sold")
    return ArmsSaleEvent(
        id="P2", trigger=trig, evidence=[trig], status=status,
        seller=seller or _entity("Russia", "GPE", "RUS"), buyer=list(buyers),
        weapon=_entity("arms", "WEAPON") if weapon else None,
    )


LAVROV = _entity("Sergei Lavrov", "PERSON")
CUBA = _entity("Cuba", "GPE", "CUB")
CUBA2 = _entity("Cuba", "GPE", "CUB", nth=1)
MEXICO = _entity("Mexico", "GPE", "MEX")
PERU = _entity("Peru", "GPE", "PER")


def _perfect() -> Extraction:
    ents = [_entity(m.text, m.label, m.id, nth=1 if m.mid == "c2" else 0) for m in MENTIONS]
    return _pred(ents, [_visit(LAVROV, CUBA), _sale(CUBA2, MEXICO)])


def _prf(score: Score) -> tuple[float, float, float]:
    return score.precision, score.recall, score.f1


# --- whole reports ------------------------------------------------------------------------------------------


def test_perfect_prediction_scores_one_everywhere() -> None:
    r = evaluate([_gold()], [_perfect()], bootstrap_samples=0)
    for score in (r.entities.micro, r.events.micro, r.arguments.micro):
        assert _prf(score) == (1.0, 1.0, 1.0)
    assert (r.entities.micro.tp, r.events.micro.tp, r.arguments.micro.tp) == (6, 3, 6)
    assert all(_prf(s) == (1.0, 1.0, 1.0) for s in r.arguments.by_role.values())
    assert set(r.events.by_type) == {"visit", "arms_sale"}
    st = r.status
    assert (st.gold_events, st.predicted_events, st.matched, st.correct, st.accuracy) == (2, 2, 2, 2, 1.0)
    assert r.entities.f1_ci is None  # no bootstrap asked for


def test_empty_prediction_has_zero_recall_and_precision_zero_by_convention() -> None:
    r = evaluate([_gold()], [_pred()], bootstrap_samples=0)
    # no predictions: precision 0/0 is defined as 0.0, recall 0/n = 0.0, F1 0.0
    assert _prf(r.entities.micro) == (0.0, 0.0, 0.0)
    assert (r.entities.micro.tp, r.entities.micro.fp, r.entities.micro.fn) == (0, 0, 6)
    assert (r.events.micro.fn, r.arguments.micro.fn) == (3, 6)
    assert (r.status.matched, r.status.accuracy) == (0, 0.0)


def test_partial_entities() -> None:
    gold = _gold(events=[], mentions=MENTIONS[:3])  # Sergei Lavrov, Cuba, Russia
    pred = _pred([LAVROV, CUBA, _entity("Russia", "NORP", "RUS")])  # the last has the wrong label
    r = evaluate([gold], [pred], bootstrap_samples=0)
    # tp 2, fp 1, fn 1: P = R = F1 = 2/3
    assert (r.entities.micro.tp, r.entities.micro.fp, r.entities.micro.fn) == (2, 1, 1)
    assert _prf(r.entities.micro) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert _prf(r.entities.by_label["GPE"]) == (1.0, 0.5, pytest.approx(2 / 3))
    assert _prf(r.entities.by_label["NORP"]) == (0.0, 0.0, 0.0)
    assert list(r.entities.by_label) == ["PERSON", "GPE", "NORP"]  # schema label order


def test_split_and_merged_list_events_score_the_same() -> None:
    # buyers Cuba (right) and Peru (wrong; gold has Mexico), as one event or as two
    merged = _pred(events=[_visit(LAVROV, CUBA), _sale(CUBA2, PERU)])
    split = _pred(events=[_visit(LAVROV, CUBA), _sale(CUBA2), _sale(PERU)])
    r_merged = evaluate([_gold()], [merged], bootstrap_samples=0)
    r_split = evaluate([_gold()], [split], bootstrap_samples=0)
    assert r_merged.events == r_split.events
    assert r_merged.arguments == r_split.arguments
    # core: visit (lavrov, CUB) tp; sale (RUS, CUB) tp, (RUS, PER) fp, (RUS, MEX) fn
    assert (r_split.events.micro.tp, r_split.events.micro.fp, r_split.events.micro.fn) == (2, 1, 1)
    assert _prf(r_split.events.by_type["arms_sale"]) == (0.5, 0.5, 0.5)
    # arguments: visitor, destination, seller, buyer CUB, weapon tp; buyer PER fp; buyer MEX fn
    assert (r_split.arguments.micro.tp, r_split.arguments.micro.fp, r_split.arguments.micro.fn) == (5, 1, 1)
    assert _prf(r_split.arguments.by_role["arms_sale.buyer"]) == (0.5, 0.5, 0.5)
    assert _prf(r_split.arguments.by_type["visit"]) == (1.0, 1.0, 1.0)


def test_ids_match_ids_and_texts_match_by_whole_word_suffix() -> None:
    havana = _entity("Havana", "GPE", "CUB")
    lavrov = _entity("Lavrov", "PERSON", nth=1)
    r = evaluate([_gold()], [_pred(events=[_visit(lavrov, havana)])], bootstrap_samples=0)
    # "Lavrov" ~ "Sergei Lavrov" (suffix) and Havana CUB = Cuba CUB (id): the visit tuple is right
    assert r.events.by_type["visit"].tp == 1
    no_id = _entity("Havana", "GPE")
    r = evaluate([_gold()], [_pred(events=[_visit(lavrov, no_id)])], bootstrap_samples=0)
    # the text key "havana" does not match the id key CUB
    assert (r.events.by_type["visit"].tp, r.events.by_type["visit"].fp) == (0, 1)
    assert r.arguments.by_role["visit.visitor"].tp == 1


def test_keys_and_normalisation() -> None:
    assert keys_match(("id", "RUS"), ("id", "RUS"))
    assert not keys_match(("id", "RUS"), ("id", "CUB"))
    assert not keys_match(("id", "RUS"), ("text", "russia"))
    assert keys_match(("text", "lavrov"), ("text", "sergei lavrov"))
    assert keys_match(("text", "sergei lavrov"), ("text", "lavrov"))
    assert not keys_match(("text", "rov"), ("text", "sergei lavrov"))  # not a whole word
    assert not keys_match(("text", "sergei"), ("text", "sergei lavrov"))  # prefix, not suffix
    assert keys_match(None, None)
    assert not keys_match(None, ("id", "RUS"))
    assert normalise_text("The Kremlin's") == "kremlin"
    assert normalise_text("  Sergei   Lavrov ") == "sergei lavrov"
    assert normalise_text("United States’") == "united states"
    assert filler_key(LAVROV) == ("text", "sergei lavrov")
    assert filler_key(CUBA) == ("id", "CUB")


def test_core_tuples_expand_lists_and_drop_empty() -> None:
    fillers = {"seller": [("id", "RUS")], "buyer": [("id", "CUB"), ("id", "MEX")], "weapon": []}
    assert core_tuples("arms_sale", fillers) == {
        ("arms_sale", ("id", "RUS"), ("id", "CUB")),
        ("arms_sale", ("id", "RUS"), ("id", "MEX")),
    }
    assert core_tuples("arms_sale", {"buyer": [("id", "CUB")]}) == {("arms_sale", None, ("id", "CUB"))}
    assert core_tuples("arms_sale", {"weapon": [("text", "arms")]}) == set()


def test_gold_implicit_filler_uses_the_referenced_mention() -> None:
    text = "Mexico is interested in buying Russian helicopters."
    gold = GoldDocument(
        id="d2", split="dev", text=text,
        mentions=[
            _mention("mx", "Mexico", "GPE", "MEX", text=text),
            _mention("n1", "Russian", "NORP", "RUS", text=text),
            _mention("w1", "helicopters", "WEAPON", text=text),
        ],
        events=[
            _gold_event("E1", "arms_sale", "buying", "proposed", text, buyer="mx", seller="~n1", weapon="w1")
        ],
    )
    trig = _trigger("buying", text)
    pred = ArmsSaleEvent(
        id="P1", trigger=trig, evidence=[trig], status="proposed",
        seller=_entity("Russian", "NORP", "RUS", text=text, implicit=True),
        buyer=[_entity("Mexico", "GPE", "MEX", text=text)],
    )
    r = evaluate([gold], [_pred(events=[pred], text=text)], bootstrap_samples=0)
    assert _prf(r.events.micro) == (1.0, 1.0, 1.0)
    # seller and buyer right, the weapon missed: tp 2, fp 0, fn 1
    assert (r.arguments.micro.tp, r.arguments.micro.fp, r.arguments.micro.fn) == (2, 0, 1)


def test_status_accuracy_on_greedily_matched_events() -> None:
    gold = _gold(
        events=[
            _gold_event("E1", "visit", "visited", visitor="lav", destination="c1"),
            _gold_event("E2", "arms_sale", "sold", seller="ru", buyer="c2,mx", weapon="w1"),
            _gold_event("E3", "arms_sale", "sold", "planned", buyer="pe", seller="ru"),
        ],
        mentions=[*MENTIONS, _mention("pe", "Peru", "GPE", "PER")],
    )
    trig = _trigger("sold")
    recognition = RecognitionEvent(
        id="P4", trigger=trig, evidence=[trig], recognizer=MEXICO, recognized=[PERU]
    )
    pred = _pred(
        events=[
            _visit(LAVROV, CUBA, status="planned"),  # matches E1, wrong status
            _sale(CUBA2, MEXICO, PERU),  # shares 2 tuples with E2, 1 with E3: paired with E2, right status
            _sale(PERU, status="planned"),  # shares 1 tuple with E3, left for it: right status
            recognition,  # matches nothing
        ]
    )
    st = evaluate([gold], [pred], bootstrap_samples=0).status
    assert (st.gold_events, st.predicted_events, st.matched, st.correct) == (3, 4, 3, 2)
    assert st.accuracy == pytest.approx(2 / 3)


# --- bootstrap ----------------------------------------------------------------------------------------------


def _three_docs() -> tuple[list[GoldDocument], list[Extraction]]:
    partial = _pred([LAVROV, CUBA], [_visit(LAVROV, CUBA), _sale(PERU, status="planned")])
    return [_gold()] * 3, [_perfect(), _pred(), partial]


def test_bootstrap_interval_contains_point_and_is_deterministic() -> None:
    gold, preds = _three_docs()
    a = evaluate(gold, preds, bootstrap_samples=200, seed=7)
    b = evaluate(gold, preds, bootstrap_samples=200, seed=7)
    assert a == b
    for point, ci in [
        (a.entities.micro.f1, a.entities.f1_ci),
        (a.events.micro.f1, a.events.f1_ci),
        (a.arguments.micro.f1, a.arguments.f1_ci),
        (a.status.accuracy, a.status.accuracy_ci),
    ]:
        assert ci is not None
        assert 0.0 <= ci.low <= point <= ci.high <= 1.0
    assert a.entities.f1_ci.low < a.entities.f1_ci.high  # the documents differ: not a single point


def test_bootstrap_helper() -> None:
    items = [0.0, 1.0, 2.0, 3.0, 4.0]

    def mean(xs):
        return sum(xs) / len(xs)

    ci = bootstrap(items, {"mean": mean}, samples=500, seed=1)["mean"]
    assert ci == bootstrap(items, {"mean": mean}, samples=500, seed=1)["mean"]
    assert 0.0 <= ci.low < 2.0 < ci.high <= 4.0
    assert bootstrap(items, {"mean": mean}, samples=0) == {}
    assert bootstrap([], {"mean": mean}) == {}


def test_misaligned_predictions_are_rejected() -> None:
    with pytest.raises(ValueError, match="predictions"):
        evaluate([_gold()], [], bootstrap_samples=0)
    with pytest.raises(ValueError, match="different text"):
        evaluate([_gold()], [_pred(text="other")], bootstrap_samples=0)


# --- CoNLL --------------------------------------------------------------------------------------------------

CONLL = """-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
to TO B-VP O
boycott VB I-VP O
British JJ B-NP B-MISC
lamb NN I-NP O
. . O O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- -X- O

BRUSSELS NNP B-NP B-LOC
1996-08-22 CD I-NP O
Jan NNP B-NP I-PER
Smit NNP I-NP I-PER
Ann NNP I-NP B-PER
"""


def test_conll_reader_offsets_and_entities() -> None:
    docs = parse_conll(CONLL)
    assert [d.text for d in docs] == [
        "EU rejects German call to boycott British lamb .\nPeter Blackburn",
        "BRUSSELS 1996-08-22 Jan Smit Ann",
    ]
    assert [[(d.text[s:e], lab) for s, e, lab in d.entities] for d in docs] == [
        [("EU", "ORG"), ("German", "MISC"), ("British", "MISC"), ("Peter Blackburn", "PER")],
        [("BRUSSELS", "LOC"), ("Jan Smit", "PER"), ("Ann", "PER")],  # I- after O opens; B- splits
    ]
    tokens = [line.split()[0] for line in CONLL.splitlines() if line and not line.startswith("-DOCSTART-")]
    assert [d.text[s:e] for d in docs for s, e in d.tokens] == tokens
    for d in docs:  # every entity covers whole tokens joined by single spaces
        for s, e, _ in d.entities:
            inside = [d.text[a:b] for a, b in d.tokens if s <= a and b <= e]
            assert d.text[s:e] == " ".join(inside)


def test_read_conll_file(tmp_path: Path) -> None:
    path = tmp_path / "tiny.conll"
    path.write_text(CONLL, encoding="utf-8")
    assert read_conll(path) == parse_conll(CONLL)


def test_conll_scores_use_the_label_mapping() -> None:
    d1, d2 = parse_conll(CONLL)
    p1 = _pred(
        [
            _entity("EU", "ORG", text=d1.text),  # ORG tp
            _entity("German", "NORP", text=d1.text),  # -> MISC tp
            _entity("British", "GPE", text=d1.text),  # -> LOC fp (gold MISC fn)
            _entity("lamb", "WEAPON", text=d1.text),  # dropped
            _entity("Peter Blackburn", "PERSON", text=d1.text),  # -> PER tp
        ],
        text=d1.text,
    )
    p2 = _pred(
        [_entity("BRUSSELS", "GPE", text=d2.text), _entity("Jan Smit", "PERSON", text=d2.text)], text=d2.text
    )
    r = evaluate_conll([d1, d2], [p1, p2], bootstrap_samples=0)
    # tp 5 (EU, German, Peter Blackburn, BRUSSELS, Jan Smit), fp 1 (British LOC), fn 2 (British MISC, Ann)
    assert (r.entities.micro.tp, r.entities.micro.fp, r.entities.micro.fn) == (5, 1, 2)
    assert _prf(r.entities.micro) == pytest.approx((5 / 6, 5 / 7, 10 / 13))
    assert list(r.entities.by_label) == ["PER", "ORG", "LOC", "MISC"]
    assert (r.entities.by_label["LOC"].fp, r.entities.by_label["MISC"].fn) == (1, 1)


def test_misc_counts_for_conll_and_is_left_out_of_corpus_scores() -> None:
    d1, _ = parse_conll(CONLL)
    p1 = _pred([_entity("British", "MISC", text=d1.text)], text=d1.text)
    assert evaluate_conll([d1], [p1], bootstrap_samples=0).entities.by_label["MISC"].tp == 1
    gold = _gold(events=[], mentions=MENTIONS[:1])  # Sergei Lavrov
    pred = _pred([LAVROV, _entity("Cuba", "MISC")])  # the corpus does not annotate MISC: not a false positive
    r = evaluate([gold], [pred], bootstrap_samples=0)
    assert (r.entities.micro.tp, r.entities.micro.fp, r.entities.micro.fn) == (1, 0, 0)


# --- CLI ----------------------------------------------------------------------------------------------------


class _FakeExtractor:
    """Answers from a table of prepared extractions keyed by text."""

    model_name = "fake"

    def __init__(self, answers: dict[str, Extraction]) -> None:
        self.answers = answers

    def pipe(self, items: Iterable[str | tuple[str, dict]], *, batch_size: int = 16) -> Iterator[Extraction]:
        for item in items:
            yield self.answers[item[0] if isinstance(item, tuple) else item]


def test_cli_prints_tables_and_writes_json(tmp_path, monkeypatch, capsys) -> None:
    gold_path = tmp_path / "dev.jsonl"
    gold_path.write_text(dumps(_gold()) + "\n", encoding="utf-8")
    conll_path = tmp_path / "ner.conll"
    conll_path.write_text(CONLL, encoding="utf-8")
    answers = {TEXT: _perfect(), **{d.text: _pred(text=d.text) for d in parse_conll(CONLL)}}
    monkeypatch.setattr(loading, "build_extractor", lambda model=None, **_: _FakeExtractor(answers))
    parser = argparse.ArgumentParser()
    cli_evaluate.register(parser.add_subparsers())
    out = tmp_path / "report.json"
    args = parser.parse_args(
        ["evaluate", "--gold", str(gold_path), "--ner-conll", str(conll_path), "--bootstrap", "50",
         "--out", str(out)]
    )
    assert args.func(args) == 0
    table = capsys.readouterr().out
    assert "Events (core tuples)" in table and "accuracy 1.000" in table and "95% CI [1.000, 1.000]" in table
    assert "CoNLL-2003: 2 documents" in table
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["corpus"]["events"]["micro"]["f1"] == 1.0
    assert report["ner_conll"]["entities"]["micro"]["fn"] == 7

    args = parser.parse_args(["evaluate", "--gold", str(gold_path), "--json", "--bootstrap", "0"])
    assert args.func(args) == 0
    assert Report.model_validate(json.loads(capsys.readouterr().out)["corpus"]).documents == 1


def test_cli_needs_an_input() -> None:
    parser = argparse.ArgumentParser()
    cli_evaluate.register(parser.add_subparsers())
    args = parser.parse_args(["evaluate"])
    with pytest.raises(ValueError, match="--gold"):
        args.func(args)
