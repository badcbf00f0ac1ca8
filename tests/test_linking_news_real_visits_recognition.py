"""Visit and recognition rules from real-news misses (round 3): reported clauses with a subject of their own, trips
named in participial clauses, state names split in two, decisions to withdraw recognition, acts only judged by a
commentator, extraposed 'it', paragraphs that end in a question, and followers of a restated deal."""

from __future__ import annotations

from newslib import core_tuples

PUB = "2024-06-01"


def test_a_reported_clause_with_its_own_subject_is_not_the_reporters(run):
    events = run("“Last month, the Brazilian Defence Minister visited Chile and we discussed the programme,” Reuters "
                 "quoted Juan Perez, an Embraer executive, as saying.")
    assert core_tuples(events, "visit") == {("BRA", "CHL", "actual")}


def test_a_pronoun_traveller_is_not_the_ministry_reporting_the_trip(run):
    events = run("Foreign Minister Ana Lopez has begun a tour of Kenya and Ghana. He will visit the two countries "
                 "between May 3 and 9, the Foreign Ministry said in a statement.")
    visitors = {e.visitor.text for e in events if e.type == "visit"}
    assert "Foreign Ministry" not in visitors


def test_a_trip_in_a_participial_clause_is_the_main_subjects(run):
    events = run("Talking with the press corps, coming back from a trip to Mongolia, Macron said the talks had gone "
                 "well.")
    assert {(v, d) for v, d, _ in core_tuples(events, "visit")} == {("Macron", "MNG")}


def test_a_state_name_split_in_two_is_one_destination(run):
    events = run("Portuguese Foreign Minister Paulo Rangel will visit Sao Tome and Principe and Angola next week.")
    dests = {d.text for e in events if e.type == "visit" for d in e.destination}
    assert dests == {"Sao Tome and Principe", "Angola"}


def test_the_state_announcing_a_decision_to_withdraw_recognition_recognizes(run):
    events = run("Panama's foreign ministry on Monday made public a decision to withdraw its recognition of the "
                 "SADR.")
    assert core_tuples(events, "recognition") == {("PAN", "ESH", "negated")}


def test_a_commentator_describing_a_withdrawal_does_not_withdraw(run):
    events = run("Ghana withdrew its recognition of Kosovo in 2019.\n\nJohn Smith, a lecturer at the University of "
                 "Bergen in Norway, describes the withdrawal of recognition as an unusual act.")
    assert core_tuples(events, "recognition") == {("GHA", "XKX", "negated")}


def test_an_extraposed_it_refers_to_no_state(run):
    events = run("Serbia has lobbied African states for years. It is possible to withdraw recognition of Kosovo at any "
                 "time, lawyers say.")
    assert not [e for e in events if e.type == "recognition"]


def test_a_question_ending_a_paragraph_does_not_run_into_the_next(default_extractor):
    text = ("When can a state cancel a visit?\n\nAnna Berg, professor of Public Law at the University of Lund in "
            "Sweden, explains the rules.")
    sents = [s.text.strip() for s in default_extractor.documents([text])[0].doc.sents]
    assert sents[0] == "When can a state cancel a visit?"


def test_a_follower_of_a_purchase_is_a_buyer(run):
    events = run("Norway and Denmark decided to procure six C-390 transport aircraft together from Embraer. Finland "
                 "followed with two.")
    buyers = {b.id for e in events if e.type == "arms_sale" for b in e.buyer}
    sellers = {e.seller.id for e in events if e.type == "arms_sale" and e.seller}
    assert "FIN" in buyers and "FIN" not in sellers


def test_dropping_ties_with_a_would_be_state_withdraws_its_recognition(run):
    events = run("The accord comes a week after the Marshall Islands dropped diplomatic ties with Taiwan.")
    assert ("MHL", "TWN", "negated") in core_tuples(events, "recognition")


def test_talks_held_here_with_a_host_named_on_the_verb_take_the_datelines_place(run):
    events = run("LIMA, Oct 3 (Agency) - Chilean Foreign Minister Alberto van Klaveren held talks here on Friday "
                 "with President Dina Boluarte.")
    assert core_tuples(events, "visit") == {("Alberto van Klaveren", "PER", "actual")}
    events = run("LIMA, Oct 3 (Agency) - Chilean Foreign Minister Alberto van Klaveren held talks here on Friday.")
    assert core_tuples(events, "visit") == set()  # guard: no one named met


def test_a_foreign_counterpart_coordinated_with_a_host_at_home_is_the_visitor(run):
    for act in ("signed the agreement in Lima", "held talks in Lima", "met in Lima"):
        events = run(f"Peruvian Defence Minister Walter Astudillo and his Chilean counterpart Maya Fernandez {act} on "
                     "Friday.")
        assert core_tuples(events, "visit") == {("Maya Fernandez", "PER", "actual")}, act


def test_a_summit_between_two_leaders_in_ones_capital_is_the_others_visit(run):
    for noun in ("summit", "talks"):
        events = run(f"The signing followed last month's {noun} between Chilean President Gabriel Boric and Peruvian "
                     "President Dina Boluarte in Lima.")
        assert core_tuples(events, "visit") == {("Gabriel Boric", "PER", "actual")}, noun
    events = run("Leaders attended the summit in Lima and praised the host.")  # guard: a summit alone is no trigger
    assert core_tuples(events, "visit") == set()


def test_the_first_of_two_visitors_named_with_a_title_visits(run):
    # the parser made 'Le Drian' a modifier of 'Eric Trappier', so only the chairman travelled
    events = run("The talks continued in Cairo during a visit by Le Drian and Dassault chairman Eric Trappier.")
    assert ("Le Drian", "EGY") in {(e.visitor.text, d.id) for e in events if e.type == "visit" for d in e.destination}
