"""Visit and recognition rules from misses on real published news, session 15 (a private development set, never
copied here): every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_tuples

PUB = "2024-03-01"


def _visits(events) -> set[tuple]:
    """(visitor text or id, destination ids) of each visit."""
    return {(e.visitor.id or e.visitor.text if e.visitor else None, tuple(sorted({d.id for d in e.destination})))
            for e in events if e.type == "visit"}


def test_an_abbreviated_title_is_no_part_of_the_name(run):
    # (the filler is the mention of her full name: linking.firm_names.full_person_name)
    events = run("Foreign Minister Ana Lind met her counterpart. FM Lind is in Lima on a two-day visit.")
    assert _visits(events) == {("Ana Lind", ("PER",))}


def test_the_leader_of_a_delegation_visits_not_a_member_named_after_him(run):
    events = run("A Kenyan team headed by Trade Minister Rose Achieng along with Mr. Paul Otieno, an adviser, and "
                 "Mr. Daniel Kiprop, a banker, came back home after a four-day visit to Brazil.")
    assert _visits(events) == {("Rose Achieng", ("BRA",))}


def test_their_after_two_coordinated_territories_stands_for_both(run):
    events = run("Abkhazia and South Ossetia asked for support last week. On Tuesday, Nicaragua recognised their "
                 "statehood.")
    assert core_tuples(events, "recognition") == {("NIC", "XAB", "actual"), ("NIC", "XSO", "actual")}


def test_the_state_ranked_by_a_revocation_revokes(run):
    events = run("Officials in Belgrade said Grenada had become the fifth state to have revoked its recognition of "
                 "Kosovo.")
    assert core_tuples(events, "recognition") == {("GRD", "XKX", "negated")}


def test_a_place_that_is_a_leg_of_a_tour_makes_no_trip(run):
    events = run("Peru is the second stop of the Kenyan president's regional tour, which will then take him to Chile.")
    assert not any(e.visitor is not None and e.visitor.id == "PER" for e in events if e.type == "visit")


def test_a_counted_object_controls_the_revocation_not_the_one_persuading(run):
    events = run("Belgrade hopes to persuade 14 more states to withdraw recognition of Kosovo this year.")
    assert not any(a == "SRB" for a, _, _ in core_tuples(events, "recognition"))


def test_his_goes_back_to_the_nearer_clause_subject_not_the_speaker(run):
    events = run("Jon Berg told reporters that President Ana Ruiz wants to go to Chile in May after being forced to "
                 "call off her trip planned for this week.")
    assert {v for v, _ in _visits(events)} == {"Ana Ruiz"}


def test_a_title_case_first_country_to_recognise_ranks_an_act(run):
    events = run("Tuvalu Becomes Third Nation to Formally Recognize Abkhazia")
    assert core_tuples(events, "recognition") == {("TUV", "XAB", "actual")}


def test_the_first_country_to_recognise_as_the_infinitive_subject_ranks_an_act(run):
    events = run("The decree was signed on Monday, making Tuvalu the first Pacific state to recognise Abkhazia.")
    assert core_tuples(events, "recognition") == {("TUV", "XAB", "actual")}


def test_a_headline_over_a_single_line_break_is_a_sentence_of_its_own(run):
    events = run("One more state drops Kosovo - ministry reports\nThe island state of Grenada has withdrawn its "
                 "recognition of Kosovo, officials said on Friday.")
    assert core_tuples(events, "recognition") == {("GRD", "XKX", "negated")}


def test_one_who_is_abroad_to_participate_in_a_gathering_visits(run):
    events = run("Trade Minister Jon Berg is in Arequipa, Peru, to participate in a regional forum.")
    assert _visits(events) == {("Jon Berg", ("PER",))}


def test_a_pseudo_cleft_travel_is_the_doers_trip_and_done(run):
    events = run("Ana Ruiz took office in May. \"What Ruiz did next was to fly to Chile and Peru for trade talks,\" "
                 "her spokesman, Jon Berg, said.")
    assert core_tuples(events, "visit") == {("Ana Ruiz", "CHL", "actual"), ("Ana Ruiz", "PER", "actual")}


def test_a_stay_abroad_for_a_gathering_is_under_way_not_planned(run):
    events = run("Jon Berg, the trade minister, is in Cusco, Peru, to attend a summit of Andean leaders.")
    assert core_tuples(events, "visit") == {("Jon Berg", "PER", "actual")}


def test_a_fronted_place_phrase_leaves_is_to_planned(run):
    events = run("In the energy field, Rosatom is to build two reactors at Rooppur in Bangladesh.")
    assert {s for _, _, s in core_tuples(events, "energy_investment")} == {"planned"}
