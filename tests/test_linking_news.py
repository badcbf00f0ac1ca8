"""News-language rules of the linking stage: switching and dropping recognition, coordinated clauses, ranked
infinitives, and bare titles ('the Crown Prince') that stand for the person the article names."""

from __future__ import annotations

import pytest
from newslib import core_tuples as _tuples

PUB = "2021-03-01"


def test_switching_from_one_government_to_another_is_a_withdrawal_and_a_recognition(run):
    assert _tuples(run("Sudan and Chad both switched from Taipei to Beijing in 2005."), "recognition") == {
        ("SDN", "CHN", "actual"), ("SDN", "TWN", "negated"), ("TCD", "CHN", "actual"), ("TCD", "TWN", "negated"),
    }
    assert _tuples(run("Panama switched its recognition from Taipei to Beijing in 2017."), "recognition") == {
        ("PAN", "CHN", "actual"), ("PAN", "TWN", "negated"),
    }


def test_dropping_a_would_be_state_is_a_withdrawal_and_the_coordinated_verb_keeps_its_status(run):
    assert _tuples(run("Chad dropped Taipei and recognised Beijing in May."), "recognition") == {
        ("TCD", "TWN", "negated"), ("TCD", "CHN", "actual"),
    }


def test_dropping_an_ordinary_state_is_no_recognition_event(run):
    assert _tuples(run("Chad dropped Moscow as its main supplier of fuel."), "recognition") == set()


def test_among_the_first_to_recognise_is_actual_and_the_subjects_are_no_antecedents(run):
    events = run("Kosovo declared independence. Poland, Hungary and Estonia were among the first to recognise the "
                 "new state on Friday.")
    assert _tuples(events, "recognition") == {("POL", "XKX", "actual"), ("HUN", "XKX", "actual"),
                                              ("EST", "XKX", "actual")}


def test_a_bare_title_stands_for_the_person_the_article_names_with_it(run):
    events = run("Crown Prince Mohammed bin Salman arrived in Pakistan on Sunday. In New Delhi, the Crown Prince "
                 "held talks on February 20 with Prime Minister Narendra Modi.")
    assert ("Mohammed bin Salman", "IND", "actual") in _tuples(events, "visit")
    events = run("The President of the Republic holds talks with his Russian counterpart in the Kremlin\n\n"
                 "ALGIERS - President of the Republic Abdelmadjid Tebboune began a state visit to Russia on Tuesday.")
    visitors = {e.visitor.text for e in events if e.type == "visit"}
    assert visitors == {"Abdelmadjid Tebboune"}


def test_a_title_with_a_name_or_a_nationality_is_no_bare_title(run):
    events = run("President Ilham Aliyev met the Chinese President in Beijing on Monday.")
    assert all(e.visitor.text != "Ilham Aliyev" or e.destination[0].id == "CHN" for e in events if e.type == "visit")
    assert not any(e.visitor.implicit for e in events if e.type == "visit")


def test_tour_legs_to_come_with_a_subject_pronoun_and_a_city_placed_by_apposition(run):
    events = run("Vice President Anna Berg landed in Baku on Wednesday for talks with President Ilham Aliyev. She is "
                 "due in Kyiv on Friday, and will end the trip at a forum in Cernobbio, Italy, on Saturday.")
    assert _tuples(events, "visit") == {
        ("Anna Berg", "AZE", "actual"), ("Anna Berg", "UKR", "planned"), ("Anna Berg", "ITA", "planned"),
    }


def test_expected_in_a_country_is_a_planned_visit(run):
    assert _tuples(run("President Xiomara Castro is expected in China in the coming weeks."), "visit") == {
        ("Xiomara Castro", "CHN", "planned"),
    }


def test_a_name_is_no_status_cue(run):
    events = run("Theresa May, who attended the G20 summit in Hangzhou earlier this month, told President Xi "
                 "Jinping that ties were strong.")
    assert _tuples(events, "visit") == {("Theresa May", "CHN", "actual")}


def test_recognising_a_leader_is_recognising_the_state_they_lead(run):
    events = run("Mexico and Uruguay have refused to recognize Juan Guaido as interim president.")
    assert _tuples(events, "recognition") == {("MEX", "VEN", "negated"), ("URY", "VEN", "negated")}


def test_a_recognition_that_names_no_state_takes_the_would_be_state_of_the_article(run):
    events = run("Kosovo declared independence on Sunday.\n\nAUSTRALIA - Foreign Minister Anna Berg announced "
                 "Australia's recognition on Tuesday, urging Belgrade and Pristina to talk.")
    assert _tuples(events, "recognition") == {("AUS", "XKX", "actual")}


def test_a_visit_by_someone_names_its_visitor_and_may_take_the_place_of_its_clause(run):
    events = run("Indonesia signed a contract on Thursday for 42 Rafale fighters during a visit to Jakarta by French "
                 "Defence Minister Florence Parly.")
    assert _tuples(events, "visit") == {("Florence Parly", "IDN", "actual")}
    events = run("Qatar signed the contract in Doha on Sunday during a visit by British Defence Secretary Gavin "
                 "Williamson.")
    assert _tuples(events, "visit") == {("Gavin Williamson", "QAT", "actual")}


def test_a_country_before_visit_is_its_destination_and_there_refers_back(run):
    assert _tuples(run("Brazil's Lula puts off China visit"), "visit") == {("Lula", "CHN", "negated")}
    events = run("German Chancellor Olaf Scholz met Joe Biden in Washington on Monday, on his first trip there as "
                 "chancellor, and will travel to Kyiv on February 14.")
    assert {(v, d) for v, d, _ in _tuples(events, "visit")} == {("Olaf Scholz", "USA"), ("Olaf Scholz", "UKR")}


def test_a_state_that_modifies_or_owns_the_subject_recognises(run):
    assert _tuples(run("The Greek government refused to recognise Kosovo."), "recognition") == {
        ("GRC", "XKX", "negated"),
    }
    events = run("Officials said the decision of the Government of Grenada to withdraw the recognition of the "
                 "independence of Kosovo is final.")
    assert _tuples(events, "recognition") == {("GRD", "XKX", "negated")}


def test_mutual_recognition_with_a_states_authorities_goes_both_ways(run):
    events = run("The envoy noted that Bahrain and the Pristina authorities agreed on mutual recognition.")
    assert _tuples(events, "recognition") == {("BHR", "XKX", "planned"), ("XKX", "BHR", "planned")}


def test_following_a_lead_restates_the_last_recognition_not_an_intervening_visit(run):
    events = run("Russia recognised Abkhazia on Monday. At a summit in Astana, where Putin arrived on Tuesday, "
                 "Armenia and Belarus declined to follow its lead.")
    assert _tuples(events, "recognition") == {
        ("RUS", "XAB", "actual"), ("ARM", "XAB", "negated"), ("BLR", "XAB", "negated"),
    }
    assert _tuples(events, "visit") == {("Putin", "KAZ", "actual")}  # 'where' stands for Astana


def test_states_asked_to_follow_have_not_followed(run):
    events = run("France recognised Palestine on Monday. Egypt called on all other EU members to follow.")
    assert _tuples(events, "recognition") == {("FRA", "PSE", "actual")}


def test_a_list_before_did_the_same_restates_a_freeze_of_recognition(run):
    events = run("Serbia is grateful to Lesotho for withdrawing its recognition of Kosovo. The minister recalled "
                 "that Lesotho was the tenth state to revoke or freeze its recognition since 2017, after Togo, Ghana "
                 "and Nauru did the same in 2019.")
    assert _tuples(events, "recognition") == {
        ("LSO", "XKX", "negated"), ("TGO", "XKX", "negated"), ("GHA", "XKX", "negated"), ("NRU", "XKX", "negated"),
    }


def test_breaking_off_relations_withdraws_recognition_only_of_a_would_be_state(run):
    assert _tuples(run("Georgia broke off diplomatic relations with Russia on Friday."), "recognition") == set()
    assert _tuples(run("Kiribati severed diplomatic ties with Taipei on Friday."), "recognition") == {
        ("KIR", "TWN", "negated"),
    }


def test_a_switch_names_the_state_switched_to_even_after_another_would_be_state(run):
    events = run("Serbia thanked the country for its position on Kosovo. Honduras switched its recognition to "
                 "Beijing last year.")
    # (and leaves Taipei: a switch to one of the rival pair is a negated recognition of the other)
    assert _tuples(events, "recognition") == {("HND", "CHN", "actual"), ("HND", "TWN", "negated")}


def test_an_accepted_invitation_is_planned_and_is_to_recall_plans_nothing(run):
    events = run("Minister Okafor accepted the invitation to visit Ghana next spring.")
    assert _tuples(events, "visit") == {("Okafor", "GHA", "planned")}
    events = run("It is to recall that Ecuador recognized Palestine in 2010.")
    assert _tuples(events, "recognition") == {("ECU", "PSE", "actual")}


def test_the_object_of_a_coordinated_verb_is_no_destination(run):
    events = run("Premier Taro Ito arrived in Nairobi on Monday for a trade forum and urged Ethiopia and Eritrea to "
                 "keep the peace.")
    assert _tuples(events, "visit") == {("Taro Ito", "KEN", "actual")}


def test_the_one_invited_to_visit_is_the_visitor(run):
    events = run("President Ruto extended an invitation to Chancellor Olaf Scholz to visit Kenya next year.")
    assert _tuples(events, "visit") == {("Olaf Scholz", "KEN", "proposed")}


def test_an_event_dated_by_a_temporal_preposition_is_presupposed(run):
    events = run("During President Anna Berg's state visit to Hanoi in May, the two sides were reported to have "
                 "discussed fisheries.")
    assert _tuples(events, "visit") == {("Anna Berg", "VNM", "actual")}


def test_a_memorandum_on_a_construction_proposes_it(run):
    events = run("Rosatom signed a memorandum with Ghana in May on the construction of a nuclear power plant.")
    assert [(e.type, e.status) for e in events] == [("energy_investment", "proposed")]


def test_the_named_members_of_a_counted_subject_recognise_each(run):
    events = run("Twelve states, including Suriname and Grenada, have withdrawn their recognition of Kosovo.")
    assert _tuples(events, "recognition") == {("SUR", "XKX", "negated"), ("GRD", "XKX", "negated")}


def test_his_country_is_the_state_named_before(run):
    events = run("Gambia's President Adama Barrow is attending for the first time since his country dropped Taipei "
                 "and recognised Beijing.")
    assert _tuples(events, "recognition") == {("GMB", "TWN", "negated"), ("GMB", "CHN", "actual")}


def test_a_trip_for_a_port_call_or_an_exercise_is_no_visit(run):
    assert _tuples(run("Admiral Rahul Singh arrived at Mombasa on Monday for a three-day port call."), "visit") == set()
    assert _tuples(run("Admiral Rahul Singh arrived in Mombasa on Monday for joint exercises."), "visit") == set()
    assert _tuples(run("Admiral Rahul Singh arrived in Nairobi on Monday for talks."), "visit") == {
        ("Rahul Singh", "KEN", "actual"),
    }


def test_the_owner_of_the_subject_of_a_light_verb_recognises(run):
    events = run("The Spanish cabinet is expected to approve recognition of Kosovo on Wednesday.")
    assert _tuples(events, "recognition") == {("ESP", "XKX", "planned")}

def test_what_unnamed_sources_say_is_alleged_what_an_official_body_says_is_not(run):
    def statuses(text: str) -> set[str]:
        return {e.status for e in run(text) if e.type == "arms_sale"}

    assert statuses("Egypt bought 24 Rafale jets from France, sources said.") == {"alleged"}
    assert statuses("According to media reports, Egypt bought 24 Rafale jets from France.") == {"alleged"}
    assert statuses("According to the Defence Ministry, Egypt bought 24 Rafale jets from France.") == {"actual"}
    assert statuses("Egypt bought 24 Rafale jets from France, officials said.") == {"actual"}


def test_a_relative_clause_keeps_its_own_tense_a_content_clause_takes_its_nouns_status(run):
    def statuses(text: str) -> set[str]:
        return {e.status for e in run(text) if e.type == "arms_sale"}

    assert statuses("Egypt, which bought 24 Rafale jets from France in 2015, is now seeking more.") == {"actual"}
    assert statuses("Cairo still disputes the claim that Moscow had sold Egypt 24 Su-35 fighters.") == {"alleged"}
    assert statuses("Egypt, which would buy 24 Rafale jets from France, is still negotiating.") == {"proposed"}


@pytest.mark.parametrize(
    ("text", "visitor", "destination", "status"),
    [
        ("Prime Minister Narendra Modi left for Namibia on Tuesday.", "Narendra Modi", "NAM", "actual"),
        ("Lavrov departed for Havana after the talks.", "Lavrov", "CUB", "actual"),
        ("Modi will leave for Brasilia next week.", "Modi", "BRA", "planned"),
        ("Erdogan returned from Jakarta on Friday after a two-day stay.", "Erdogan", "IDN", "actual"),
    ],
)
def test_departures_for_and_returns_from_a_place_are_visits(run, text, visitor, destination, status):
    assert _tuples(run(text), "visit") == {(visitor, destination, status)}


@pytest.mark.parametrize("text", ["The ambassador left for consultations.", "Putin returned to Moscow.",
                                  "Thousands of workers left for Dubai."])
def test_leaving_without_a_destination_or_returning_home_is_no_visit(run, text):
    assert not _tuples(run(text), "visit")


def test_coordinated_clauses_of_different_tense_keep_their_own_status(run):
    text = ("Iranian President Ebrahim Raisi arrived in Islamabad on Monday for talks and will go on to Karachi "
            "before flying home on Wednesday.")
    assert ("Ebrahim Raisi", "PAK", "actual") in _tuples(run(text), "visit")


def test_triggers_of_one_clause_still_merge_into_one_event(run):
    events = [e for e in run("Repsol pulled out of the Block 16 consortium off Ecuador last year.")
              if e.type == "energy_investment"]
    assert [e.status for e in events] == ["negated"]
