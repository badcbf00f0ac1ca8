"""Status cues from real-news misses (invented sentences): a headline's cues stay on its line, a headline's
infinitive with a subject plans, hedged remarks, phrasal verbs and self-cues that are no cues, 'looking to' and
'look forward to', and a group a copula ranks the trigger among."""

from __future__ import annotations

PUB = "2021-03-01"


def _statuses(events, type_: str) -> set[str]:
    return {e.status for e in events if e.type == type_}


def test_a_headline_run_on_into_the_lede_keeps_its_own_status(run):
    text = ("Chile wants to buy Swedish Gripen fighters\n\n"
            "Chile's air force chief opened discussions in Stockholm last week on the aircraft, it was reported.")
    assert _statuses(run(text), "arms_sale") == {"proposed"}


def test_a_headline_infinitive_with_its_own_subject_is_planned(run):
    text = ("Spain to sell patrol boats to Ghana\n\n"
            "MADRID, June 8 (Reuters) -- Spanish Defence Minister Ana Ruiz told reporters the talks have ended.")
    assert _statuses(run(text), "arms_sale") == {"planned"}


def test_a_modal_of_a_remark_does_not_hedge_its_content(run):
    text = "It may be mentioned that President Tokayev is scheduled to arrive in Hungary on Monday."
    assert _statuses(run(text), "visit") == {"planned"}


def test_exploring_blocks_is_the_investment_itself(run):
    text = "Petronas and PetroVietnam signed an agreement on exploring two offshore blocks in Vietnam."
    assert "proposed" not in _statuses(run(text), "energy_investment")


def test_looking_to_buy_is_proposed(run):
    text = "Indian Oil is looking to buy a 20 percent stake in an LNG project in Canada."
    assert _statuses(run(text), "energy_investment") == {"proposed"}


def test_looking_forward_to_receiving_a_leader_is_planned(run):
    text = "We look forward to receiving President Ramaphosa in Brazil later this year."
    assert _statuses(run(text), "visit") == {"planned"}


def test_a_copula_ranking_a_sale_among_suspended_deals_negates_it(run):
    text = "Among the suspended deals is the sale of Leopard tanks by Germany to Qatar."
    assert _statuses(run(text), "arms_sale") == {"negated"}
