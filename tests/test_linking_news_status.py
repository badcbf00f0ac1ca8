"""Status in news language (#13, GUIDELINES §5): unconfirmed reports and unnamed sources are alleged, a
confirmation withheld is no denial, and what a signing provides for is actual."""

from __future__ import annotations

import pytest

PUB = "2021-03-01"


def _statuses(events, type_: str) -> set[str]:
    return {e.status for e in events if e.type == type_}


@pytest.mark.parametrize(
    "text",
    [
        "The ministry neither confirmed nor denied that Algeria had bought Su-57 fighters from Russia.",
        "The ministry neither denied nor confirmed that Algeria had bought Su-57 fighters from Russia.",
        "The ministry would not confirm or deny that Egypt had agreed to buy Su-35 fighters from Russia.",
        "Egypt's purchase of Su-35 fighters from Russia has not been confirmed.",
    ],
)
def test_a_confirmation_withheld_leaves_the_report_alleged(run, text):
    assert _statuses(run(text), "arms_sale") == {"alleged"}


def test_a_denial_or_a_plain_negation_stays_negated_and_a_confirmation_actual(run):
    assert _statuses(run("Indonesia denied reports that it had bought Su-35 fighters from Russia."),
                     "arms_sale") == {"negated"}
    assert _statuses(run("Egypt did not buy Su-35 fighters from Russia."), "arms_sale") == {"negated"}
    assert _statuses(run("Egypt confirmed that it had bought Su-35 fighters from Russia."), "arms_sale") == {"actual"}


@pytest.mark.parametrize(
    "text",
    [
        "An unnamed official said Egypt would buy Su-35 fighters from Russia.",
        "Egypt will buy Su-35 fighters from Russia, according to a senior official who asked not to be named.",
        "Two diplomats and a person familiar with the talks said Ethiopia had asked to buy Bayraktar drones from "
        "Turkey.",
        "Unconfirmed reports say Algeria has bought Su-57 fighters from Russia.",
        "Reports circulated in Cairo that Egypt had bought Su-35 fighters from Russia.",
    ],
)
def test_unnamed_sources_and_circulating_reports_make_a_sale_alleged(run, text):
    assert _statuses(run(text), "arms_sale") == {"alleged"}


def test_a_source_in_a_later_coordinated_clause_covers_the_whole_sentence(run):
    text = ("Aramco's plan to build a refinery in Gwadar was first announced in 2019, has since been moved to Hub, "
            "and talks are still going on, according to an official in Islamabad who asked not to be named.")
    assert _statuses(run(text), "energy_investment") == {"alleged"}


def test_named_officials_keep_the_status_of_their_own_cue(run):
    text = "The Philippines is interested in acquiring BrahMos missiles from India, officials said."
    assert _statuses(run(text), "arms_sale") == {"proposed"}


def test_an_appositive_claim_makes_its_clause_alleged_but_not_a_coordinated_one(run):
    text = ("The senator said Chinese companies had offered to build a $2 billion dam in Paraguay if Paraguay "
            "changed sides, a claim the Chinese foreign ministry did not address.")
    assert _statuses(run(text), "energy_investment") == {"alleged"}
    events = run("Fiji is interested in buying Russian armored vehicles, and Georgian officials claim that Fiji was "
                 "ready to recognize Abkhazia, a claim Fijian officials dismiss.")
    assert _statuses(events, "arms_sale") == {"proposed"}


def test_what_the_signing_of_a_contract_provides_for_is_actual(run):
    text = ("The trip followed the signing on Tuesday of a contract under which China National Nuclear Corp will "
            "build a reactor in Argentina.")
    assert _statuses(run(text), "energy_investment") == {"actual"}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Cairo denied the reports about the conclusion of a deal for the purchase of Su-35 fighters by Egypt from "
         "Russia.", "negated"),
        ("Media reports circulated about the conclusion of a deal for the acquisition by Algeria of Su-57 fighters "
         "from Russia.", "alleged"),
    ],
)
def test_a_cue_reaches_a_trigger_through_a_chain_of_prepositional_phrases(run, text, status):
    assert _statuses(run(text), "arms_sale") == {status}


@pytest.mark.parametrize(
    "text",
    [
        "What we did was to postpone the Atucha III nuclear power plant, which China National Nuclear Corporation "
        "was going to build.",
        "Argentina postponed the Atucha III nuclear plant, which China National Nuclear Corporation was to build and "
        "finance.",
    ],
)
def test_what_was_planned_for_a_postponed_or_cancelled_thing_is_negated(run, text):
    assert _statuses(run(text), "energy_investment") == {"negated"}


def test_what_was_done_to_a_thing_welcomed_keeps_its_status(run):
    text = "Argentina welcomed the Atucha III plant, which China National Nuclear Corporation built."
    assert _statuses(run(text), "energy_investment") == {"actual"}


def test_a_right_of_first_refusal_is_no_refusal(run):
    text = "Exxon cites its first refusal right on Hess's stake in the Stabroek block off Guyana."
    assert ("Hess", "actual") in {(e.investor.text, e.status) for e in run(text) if e.type == "energy_investment"}


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Berlin has ruled out any plan to recognize Palestine in the near term.", "recognition"),
        ("Gazprom's purchase of a stake in the Elephant oil field in Libya has been put on hold.", "energy_investment"),
        ("Putin was to have visited Pakistan in October.", "visit"),
    ],
)
def test_ruled_out_on_hold_and_was_to_have_are_negated(run, text, type_):
    assert _statuses(run(text), type_) == {"negated"}


def test_is_to_stays_planned_and_holding_a_stake_actual(run):
    assert _statuses(run("Putin is to visit Pakistan in October."), "visit") == {"planned"}
    assert _statuses(run("Gazprom holds a stake in the Elephant oil field in Libya."), "energy_investment") == {
        "actual"}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Egypt finalised the deal to buy Su-35 fighters from Russia in March.", "actual"),
        ("Egypt clinched a contract to buy Su-35 fighters from Russia.", "actual"),
        ("Egypt will finalise the deal to buy Su-35 fighters from Russia in March.", "planned"),
        ("Egypt held talks with Russia on the purchase of Su-35 fighters last year.", "proposed"),
    ],
)
def test_a_finalised_deal_is_actual_and_talks_on_a_purchase_proposed(run, text, status):
    assert _statuses(run(text), "arms_sale") == {status}


def test_a_tour_leg_with_talks_is_no_proposal(run):
    events = run("On the last leg of the tour, President Erdogan will hold talks with President Macky Sall in Dakar on "
                 "Tuesday.")
    assert _statuses(events, "visit") == {"planned"}
