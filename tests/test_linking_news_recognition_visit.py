"""News-language rules for recognitions and visits (issue #13): suspended recognitions and restated ones ('as X had
done'), switches named by 'in favour of' or 'switched to', a nationality title standing for the person named
before, invitations accepted in a relative clause, returns from a trip, and visits placed by a 'where' clause."""

from __future__ import annotations

from newslib import core_tuples as _tuples

PUB = "2021-03-01"


def test_a_suspended_recognition_of_an_acronym_state_and_a_restatement_by_as_done(run):
    events = run("The foreign minister announced the decision of the Government of Bolivia, taken last week, to "
                 "suspend its recognition of the so-called SADR. She recalled that Chile had withdrawn its "
                 "recognition of the separatist entity in 2021, as Panama had done in 2016.")
    assert _tuples(events, "recognition") == {
        ("BOL", "ESH", "negated"), ("CHL", "ESH", "negated"), ("PAN", "ESH", "negated"),
    }


def test_did_so_restates_the_event_before_it(run):
    events = run("Guyana recognised Kosovo in 2013. Belize did so two years later.")
    assert _tuples(events, "recognition") == {("GUY", "XKX", "actual"), ("BLZ", "XKX", "actual")}


def test_cutting_ties_in_favour_of_a_state_recognises_it(run):
    events = run("The government of Nauru cut ties with Taipei in favour of Beijing in January.")
    assert _tuples(events, "recognition") == {("NRU", "TWN", "negated"), ("NRU", "CHN", "actual")}


def test_a_bare_switch_is_a_recognition_only_of_beijing_or_taipei(run):
    events = run("Panama, which switched to Beijing in 2017, has since signed several trade deals.")
    # a switch to one of the rival pair leaves the other (GUIDELINES: a switch is a recognition and a negated one)
    assert _tuples(events, "recognition") == {("PAN", "CHN", "actual"), ("PAN", "TWN", "negated")}
    assert _tuples(run("Germany switched to Qatari gas after the war began."), "recognition") == set()


def test_a_switch_voted_down_is_one_negated_recognition_of_the_new_state(run):
    events = run("The parliament of Haiti rejected a bill to switch recognition from Taipei to Beijing on Friday.")
    assert _tuples(events, "recognition") == {("HTI", "CHN", "negated")}


def test_a_nationality_title_stands_for_the_person_of_that_state_named_before(run):
    events = run("Chilean Foreign Minister Maria Lopez held talks in Cairo with her Egyptian counterpart on Monday. "
                 "After Cairo, the Chilean minister will travel to Amman on Wednesday.")
    assert ("Maria Lopez", "JOR", "planned") in _tuples(events, "visit")
    assert not any(t[0] == "CHL" for t in _tuples(events, "visit"))


def test_an_invitation_to_visit_extended_to_someone_and_accepted_is_planned(run):
    events = run("President Okafor extended to Prime Minister Sato an invitation to visit Abuja, which he accepted.")
    assert _tuples(events, "visit") == {("Sato", "NGA", "planned")}


def test_returning_from_a_capital_and_leading_a_delegation_are_visits(run):
    events = run("Foreign Minister Ana Ruiz returned from Seoul on Sunday, where she met President Yoon.")
    assert ("Ana Ruiz", "KOR", "actual") in _tuples(events, "visit")
    events = run("Governor Ali Khan said he will lead a delegation to Tokyo next month.")
    assert _tuples(events, "visit") == {("Ali Khan", "JPN", "planned")}


def test_a_visit_placed_by_a_where_clause_and_a_visit_of_a_titled_person(run):
    events = run("The deal was signed in Busan, where Polish Defence Minister Jan Nowak was on a two-day visit.")
    assert ("Jan Nowak", "KOR", "actual") in _tuples(events, "visit")
    events = run("The contract was signed in Ankara during the visit of the Defence Minister of Chile, Pedro Soto.")
    assert ("Pedro Soto", "TUR", "actual") in _tuples(events, "visit")


def test_a_sports_team_flying_abroad_is_no_visit(run):
    events = run("Minister Raj Verma spent the holiday with troops in Ladakh, and the national hockey team flew to "
                 "Belgium on Sunday.")
    assert _tuples(events, "visit") == set()


def test_a_definite_description_of_would_be_states_names_those_the_article_is_about(run):
    events = run("Nicaragua recognised Abkhazia and South Ossetia in 2008, after talks on Abkhazia and South "
                 "Ossetia.\n\nMoscow welcomed the step.\n\nEcuador praised Peru. Armenia has so far refused to "
                 "recognise the two republics.")
    assert {t for t in _tuples(events, "recognition") if t[0] == "ARM"} == {
        ("ARM", "XAB", "negated"), ("ARM", "XSO", "negated"),
    }


def test_our_president_in_an_interview_is_the_president_named_before(run):
    events = run("Q: President Kagame is expected in Europe soon.\n"
                 "A: Our President will visit Madrid and Lisbon in May.")
    assert {t for t in _tuples(events, "visit") if t[1] in ("ESP", "PRT")} == {
        ("Kagame", "ESP", "planned"), ("Kagame", "PRT", "planned"),
    }


def test_only_the_agent_of_a_passive_recognition_recognises(run):
    events = run("Norway and Chile trade with Hargeisa as a working administration, and Taiwan is itself recognised "
                 "by only a dozen governments.")
    assert _tuples(events, "recognition") == set()
    events = run("Greece will not recognise the Turkish Republic of Northern Cyprus, which was proclaimed in 1983 and "
                 "has been recognised only by Turkey.")
    assert _tuples(events, "recognition") == {("GRC", "XNC", "negated"), ("TUR", "XNC", "actual")}


def test_a_topic_of_talks_is_no_destination(run):
    events = run("Foreign Minister Omar Haddad held talks with his Russian counterpart on the situation in Libya.")
    assert _tuples(events, "visit") == {("Omar Haddad", "RUS", "actual")}


def test_the_first_state_to_recognise_a_government_recognises_the_state_it_governs(run):
    events = run("Belarus on Monday became the first state to formally recognise the junta's council as the "
                 "government of Myanmar.")
    assert _tuples(events, "recognition") == {("BLR", "MMR", "actual")}


def test_refusing_to_recognise_an_administration_names_the_state_nearest_to_it(run):
    events = run("Uzbekistan, which shares a border with Afghanistan, said it would not recognise an administration "
                 "that excludes minorities.")
    assert _tuples(events, "recognition") == {("UZB", "AFG", "negated")}


def test_would_in_reported_speech_plans(run):
    events = run("Guyana recognised Kosovo on Monday. Belize's foreign ministry said Belmopan would follow next month.")
    assert _tuples(events, "recognition") == {("GUY", "XKX", "actual"), ("BLZ", "XKX", "planned")}


def test_a_leg_of_another_status_in_the_same_sentence_is_a_visit_of_its_own(run):
    events = run("President Ruto arrived in Lagos on Monday for talks and will go on to Abuja on Wednesday.")
    assert {(e.status, tuple(d.text for d in e.destination)) for e in events if e.type == "visit"} >= {
        ("actual", ("Lagos",)), ("planned", ("Abuja",)),
    }


def test_a_present_tense_when_clause_of_a_future_clause_is_planned(run):
    events = run("Governor Ali Khan said the province would seek more Japanese loans when he leads a delegation to "
                 "Tokyo.")
    assert _tuples(events, "visit") == {("Ali Khan", "JPN", "planned")}


def test_legs_of_a_tour_take_its_traveller_and_a_regions_demonym_is_none(run):
    events = run("President Lula arrived in Beijing on Monday. The stops in Vietnam and Laos were postponed at the "
                 "request of the two hosts.")
    assert _tuples(events, "visit") == {
        ("Lula", "CHN", "actual"), ("Lula", "VNM", "negated"), ("Lula", "LAO", "negated"),
    }
    events = run("The Asian tour began in Pakistan on Sunday.")
    assert _tuples(events, "visit") == set()


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause(run):
    events = run("On Monday, envoy Ivan Sorokin met the council chairman, Ali Hassan, in Tripoli. Sorokin invited him "
                 "to Moscow for talks.")
    assert ("Ali Hassan", "RUS", "proposed") in _tuples(events, "visit")
    assert not any(t[0] in ("Sorokin", "Ivan Sorokin") and t[1] == "RUS" for t in _tuples(events, "visit"))


def test_the_one_who_accepts_an_invitation_visits_and_the_inviter_hosts(run):
    events = [e for e in run("Tokayev accepted Modi's invitation to visit India next year.") if e.type == "visit"]
    assert [(e.visitor.text, [d.id for d in e.destination], e.host.text, e.status) for e in events] == [
        ("Tokayev", ["IND"], "Modi", "planned"),
    ]
