"""Status of what a signed agreement provides for (invented sentences): done, as a signed contract's is, unless the
trigger itself is a cue of a less certain status."""

from __future__ import annotations

PUB = "2022-05-10"


def _statuses(events, type_: str) -> set[str]:
    return {e.status for e in events if e.type == type_}


def test_what_a_signed_agreement_provides_for_is_actual(run):
    text = ("The Canadian firm Norvale Energy signed an agreement with Kenya on Tuesday to build a 600-megawatt "
            "gas-fired power plant near Mombasa.")
    assert _statuses(run(text), "energy_investment") == {"actual"}


def test_a_signed_accord_under_which_a_state_will_buy_is_actual(run):
    text = "An accord was signed in Paris under which Freedonia will buy 24 Rafale fighter jets from France."
    assert _statuses(run(text), "arms_sale") == {"actual"}
