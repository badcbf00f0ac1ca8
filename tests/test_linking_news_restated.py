"""News-language rules for recognitions and visits stated by reference or indirectly: 'took the same step' and
'did so' restating the article's lead recognition, relations established or resumed between two named parties,
recognition asked of someone, first-person interview answers, a visit in a relative clause placed by its
antecedent's clause, and delegations sent by a state."""

from __future__ import annotations

from newslib import core_tuples as _tuples

PUB = "2024-06-01"


def test_took_the_same_step_and_followed_restate_the_lead_recognition_two_paragraphs_back(run):
    events = run("Belgium recognises Palestine\n\n"
                 "BRUSSELS, May 3 (Reuters) - Belgium recognised Palestine as a state on Friday, the government "
                 "said.\n\n"
                 "The prime minister said the step was overdue. Officials called it historic.\n\n"
                 "The decision comes after Chile and Peru took the same step in April, and Luxembourg followed on "
                 "May 1. Denmark has promised to do so next year.")
    assert _tuples(events, "recognition") == {
        ("BEL", "PSE", "actual"), ("CHL", "PSE", "actual"), ("PER", "PSE", "actual"), ("LUX", "PSE", "actual"),
        ("DNK", "PSE", "planned"),
    }


def test_a_similar_step_or_the_same_decision_restates_the_recognition_before_it(run):
    assert ("TGO", "XKX", "actual") in _tuples(
        run("Kosovo said on Monday that Ghana had recognised it. Togo took a similar step a week later."),
        "recognition")
    assert ("BOL", "PSE", "actual") in _tuples(
        run("Colombia recognised Palestine in 2018. Bolivia made the same decision a year later."), "recognition")


def test_a_far_reference_outside_the_lead_restates_nothing(run):
    events = run("Trade news\n\nBrazil and Peru signed a trade pact.\n\nMarkets rose.\n\n"
                 "Fiji recognised Kosovo in 2012, officials recalled.\n\nShares fell on Monday.\n\nPrices rose.\n\n"
                 "Tonga took the same step in 2014.")
    assert _tuples(events, "recognition") == {("FJI", "XKX", "actual")}


def test_relations_established_between_two_named_parties_recognise_the_would_be_state_or_beijing(run):
    assert _tuples(run("Israel and Kosovo formally established diplomatic relations on Monday."),
                   "recognition") == {("ISR", "XKX", "actual")}
    assert ("HND", "CHN", "actual") in _tuples(run(
        "Taiwan lost an ally in March. The two ministers hailed the establishment of diplomatic relations between "
        "China and Honduras."), "recognition")
    assert ("NRU", "CHN", "actual") in _tuples(run(
        "They signed a communique on the resumption of diplomatic relations between the People's Republic of China "
        "and the Republic of Nauru, which had recognised Taipei until January."), "recognition")
    assert _tuples(run("Bhutan and Kosovo restored diplomatic ties last week."), "recognition") == {
        ("BTN", "XKX", "actual")}


def test_relations_between_ordinary_states_or_an_anniversary_are_no_recognition(run):
    assert _tuples(run("France and Peru established diplomatic relations in 1826."), "recognition") == set()
    assert _tuples(run("Beijing and Moscow resumed relations in 1989."), "recognition") == set()
    assert _tuples(run("Leaders marked the 30th anniversary of the establishment of diplomatic relations between "
                       "China and Honduras."), "recognition") == set()


def test_severing_ties_announced_by_a_government_is_its_withdrawal(run):
    events = run("Wang Yi said that the Nauruan government announced on Monday that it would sever the so-called "
                 "diplomatic ties with the Taiwan region.")
    assert _tuples(events, "recognition") == {("NRU", "TWN", "negated")}


def test_recognition_asked_of_someone_is_proposed_with_the_one_asked_as_recognizer(run):
    assert _tuples(run("Abkhazia appealed to Belarus for recognition last year."), "recognition") == {
        ("BLR", "XAB", "proposed")}
    assert _tuples(run("Serbia renewed its call to Greece for the recognition of Kosovo."), "recognition") == {
        ("GRC", "XKX", "proposed")}
    assert _tuples(run("Officials met President Ilham Aliyev of Azerbaijan, and the Turkish side repeated its call to "
                       "the brotherly country for the recognition of the Turkish Republic of Northern Cyprus."),
                   "recognition") == {("AZE", "XNC", "proposed")}


def test_first_person_answers_in_an_interview_are_the_named_speakers(run):
    events = run("Interview with the foreign minister of Chile.\n\nQ: You were in Asia last month.\n\n"
                 "Maria Soto: Yes, I visited Hanoi and Jakarta, and in May I will travel to Manila.")
    assert _tuples(events, "visit") == {
        ("Maria Soto", "VNM", "actual"), ("Maria Soto", "IDN", "actual"), ("Maria Soto", "PHL", "planned"),
    }
    events = run("Q: What comes next?\n\nSoto: My next trip will take me to Nairobi in June.")
    assert _tuples(events, "visit") == {("Soto", "KEN", "planned")}


def test_a_visit_in_a_relative_clause_takes_the_place_of_its_antecedents_clause(run):
    events = run("In Libya, a memorandum signed in Tripoli in October by Foreign Minister Ali Kaya, who flew in with a "
                 "large delegation, opens the way for Turkish firms.")
    assert _tuples(events, "visit") == {("Ali Kaya", "LBY", "actual")}
    events = run("The agreement was signed in Hanoi on Monday by Trade Minister Ana Lopes of Chile, who arrived with "
                 "a business delegation.")
    assert _tuples(events, "visit") == {("Ana Lopes", "VNM", "actual")}


def test_a_state_sending_a_delegation_visits(run):
    assert _tuples(run("Angola has since sent two delegations to the Baykar plant near Istanbul."), "visit") == {
        ("AGO", "TUR", "actual")}
    assert _tuples(run("Kenya sent a trade mission to Seoul in May."), "visit") == {("KEN", "KOR", "actual")}
    assert _tuples(run("The army sent troops to the border."), "visit") == set()


def test_joining_others_in_recognising_is_a_recognition_by_each(run):
    events = run("Sweden joined Spain and Ireland in recognising Palestine last year.")
    assert _tuples(events, "recognition") == {
        ("SWE", "PSE", "actual"), ("ESP", "PSE", "actual"), ("IRL", "PSE", "actual"),
    }
    assert _tuples(run("Sweden joined Finland in the talks on Kosovo."), "recognition") == set()


def test_calling_on_someone_to_recognise_makes_them_the_proposed_recognizer(run):
    assert _tuples(run("Serbia called on Greece to recognise Kosovo."), "recognition") == {("GRC", "XKX", "proposed")}
    assert _tuples(run("Ruto called upon Modi to visit Nairobi soon."), "visit") == {("Modi", "KEN", "proposed")}


def test_calling_a_visit_something_is_no_proposal(run):
    assert _tuples(run("Lula called his visit to China a great success."), "visit") == {("Lula", "CHN", "actual")}


def test_a_nationality_possessor_title_names_the_visitor_named_before(run):
    events = run("Trade deals worth $2 billion were signed in the presence of Brazilian President Ana Costa and "
                 "Vietnamese President To Lam, who held talks during the Brazilian leader's state visit to Hanoi.")
    assert ("Ana Costa", "VNM", "actual") in _tuples(events, "visit")
    assert not any(t[0] == "To Lam" for t in _tuples(events, "visit"))


def test_the_owner_of_a_wish_or_plan_to_pay_a_visit_is_the_visitor(run):
    events = run("The envoy conveyed President Lina Dabo's wish to pay a visit to Rome at an early date.")
    assert _tuples(events, "visit") == {("Lina Dabo", "ITA", "proposed")}
    events = run("The envoy relayed Ruto's plan to make a state visit to Tokyo next year.")
    assert _tuples(events, "visit") == {("Ruto", "JPN", "planned")}
    assert _tuples(run("Macron wishes to visit Luanda in the autumn."), "visit") == {("Macron", "AGO", "proposed")}


def test_talks_held_in_a_where_clause_are_in_its_antecedent_place_and_a_dateline_is_no_visitor(run):
    for city in ("NAIROBI", "LIMA"):
        events = run(f"{city}, May 2 (Reuters) - Defence Minister Ana Lopes signed the deal on Tuesday during a visit "
                     "to Madrid, where she also held talks with her Spanish counterpart.")
        assert _tuples(events, "visit") == {("Ana Lopes", "ESP", "actual")}
