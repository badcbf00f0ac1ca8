"""Recognition rules from false events on real published news (private development sets, never copied here):
every sentence below is invented for the test."""

from __future__ import annotations

PUB = "2025-06-01"


def _recognitions(events) -> set[tuple]:
    """(recognizer id, recognised ids) of each recognition."""
    return {(e.recognizer.id if e.recognizer else None, tuple(r.id for r in e.recognized)) for e in events
            if e.type == "recognition"}


def test_a_state_after_former_names_no_recogniser(run):
    events = run("Moldova said on Monday it had recognised Kosovo. Shortly after the former Soviet republic "
                 "declared the recognition, Serbia recalled its envoy.")
    assert "SUN" not in {r for r, _ in _recognitions(events)}


def test_the_subject_of_gaining_recognition_is_recognised_not_recogniser(run):
    events = run("Transnistria has not gained international recognition despite declaring independence from "
                 "Moldova in 1990.")
    assert not _recognitions(events)


def test_a_present_relative_clause_on_a_counted_noun_is_a_tally():
    from eventex.linking.accept import _counted_subject
    from eventex.stages.parse import load_spacy

    doc = load_spacy()("The decision means the territory has only 13 states left that "
                       "recognise it.")
    trig = next(t for t in doc if t.lower_ == "recognise")
    assert _counted_subject(trig, frozenset({"state", "country"}))


def test_recognising_sovereignty_over_a_territory_recognises_no_state(run):
    events = run("Washington recognised Ruritania's sovereignty over Western Sahara under the accord signed on "
                 "Friday.")
    assert not _recognitions(events)
