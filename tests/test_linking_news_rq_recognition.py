"""Recognition and status rules from misses on real published news (a private development set, never copied here):
every sentence below is invented for the test."""

from __future__ import annotations

PUB = "2025-06-01"


def _recognitions(events) -> set[tuple]:
    """(recognizer id, recognized id, status) of each recognition."""
    return {(e.recognizer.id if e.recognizer else None, r.id, e.status)
            for e in events if e.type == "recognition" for r in e.recognized}


def test_a_nominal_switch_recognises_beijing_and_drops_taipei(run):
    events = run("The president of Paraguay on Friday announced the establishment of diplomatic relations with "
                 "Beijing and the severance of relations with Taipei.")
    assert _recognitions(events) == {("PRY", "CHN", "actual"), ("PRY", "TWN", "negated")}
    # relations with Beijing recognise nothing where Taipei is not named
    events = run("The president of Paraguay on Friday announced the establishment of diplomatic relations with "
                 "Beijing.")
    assert _recognitions(events) == set()


def test_the_ones_pressed_to_recognise_are_the_recognizers(run):
    events = run("Ankara has piled pressure on Pakistan and Azerbaijan to recognise Northern Cyprus in a bid to "
                 "end the island's isolation.")
    assert {r for r, _, _ in _recognitions(events)} == {"PAK", "AZE"}


def test_pressure_to_recognise_is_a_proposal(run):
    events = run("Ankara has piled pressure on Pakistan and Azerbaijan to recognise Northern Cyprus in a bid to "
                 "end the island's isolation.")
    assert {s for _, _, s in _recognitions(events)} == {"proposed"}


def test_a_report_by_state_media_is_no_allegation(run):
    events = run("Tuvalu has recognised Kosovo as a sovereign state, Serbian state media reported.")
    assert _recognitions(events) == {("TUV", "XKX", "actual")}
    events = run("Tuvalu has recognised Kosovo as a sovereign state, Serbian media reported.")
    assert _recognitions(events) == {("TUV", "XKX", "alleged")}
