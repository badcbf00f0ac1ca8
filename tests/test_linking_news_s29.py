"""Rules from session 29's real-news dev analysis. Every sentence below is invented for the test."""

from __future__ import annotations

PUB = "2024-03-01"


def test_a_trip_told_twice_keeps_the_fuller_name_and_every_form_resolves_to_it(run):
    # the headline's 'Ramon Ortiz-Vega' and the lede's full name are one trip; 'Ortiz Vega' is the same man
    text = ("Chilean President Ramon Ortiz-Vega pays state visit to Peru\n\nRamon Ortiz-Vega Lugo, President of the "
            "Republic of Chile, arrived in Lima on Tuesday on a state visit. Ortiz Vega will then travel to Bolivia.")
    assert [(e.visitor.text, e.visitor.canonical) for e in run(text) if e.type == "visit"] == [
        ("Ramon Ortiz-Vega Lugo", "Ramon Ortiz-Vega Lugo"), ("Ortiz Vega", "Ramon Ortiz-Vega Lugo")]
