"""Rules from session 42's real-news dev analysis. Every sentence below is invented for the test."""

from __future__ import annotations

from eventex.ner.spans import named_outside

PUB = "2024-03-01"


def _visits(events):
    return {(e.visitor.text, tuple(d.text for d in e.destination)) for e in events if e.type == "visit"}


def _investments(events):
    return {(e.investor.text, e.host_country.id if e.host_country else None, e.asset.text if e.asset else None)
            for e in events if e.type == "energy_investment"}


def test_departing_to_a_place_is_a_trip_there(run):
    assert _visits(run("Foreign Minister Lina Moreau departed to Kenya on Sunday.")) == {("Lina Moreau", ("Kenya",))}
    # guard: 'to' a thing is no trip
    assert _visits(run("Foreign Minister Lina Moreau departed to loud applause.")) == set()


def test_a_trip_two_phrases_down_is_the_subjects(run):
    events = run("Prime Minister Ana Brel stopped in Oslo on Monday to see King Harald, on her way to Asia for a "
                 "week-long trip that includes stops in Japan and Vietnam.")
    trips = _visits(events)
    assert trips and all(visitor == "Ana Brel" for visitor, _ in trips)  # before: King Harald went to Japan
    assert {"Japan", "Vietnam"} <= {d for _, dests in trips for d in dests}


def test_a_states_deal_with_a_foreign_firm_hosts_its_plant(run):
    # the possessor of the firm it deals with is not the host
    assert _investments(run("Kyrgyzstan has struck a deal with the United Arab Emirates' Masdar to build a 200 MW "
                            "solar plant.")) == {("Masdar", "KGZ", "solar plant")}
    # guard: a plant placed elsewhere keeps its place
    assert {h for _, h, _ in _investments(run(
        "Kyrgyzstan has struck a deal with the United Arab Emirates' Masdar to build a solar plant in Kazakhstan."
    ))} == {"KAZ"}


def test_known_firms_the_head_missed_are_organisations():
    found = named_outside("Talks with Masdar, Hess, Kai and HAL went on.", [])
    # 'Hess' is listed as a person's name too; an all-capitals firm only in capitals
    assert {(e.text, e.label) for e in found} == {("Masdar", "ORG"), ("HAL", "ORG")}


def test_talks_at_home_with_a_foreign_minister_named_after_the_title_are_the_guests_trip(run):
    events = run("Foreign Minister Wang Yi held talks in Beijing with Foreign Minister of Paraguay "
                 "Juan Carlos Benitez.")
    assert {(e.visitor.text, e.host.text if e.host else None) for e in events if e.type == "visit"} == {
        ("Juan Carlos Benitez", "Wang Yi")}
    # guard: talks abroad stay the subject's trip
    events = run("Foreign Minister Wang Yi held talks in Madrid with Foreign Minister of Paraguay "
                 "Juan Carlos Benitez.")
    assert {e.visitor.text for e in events if e.type == "visit"} == {"Wang Yi"}


def test_a_place_name_after_a_title_is_a_person(default_extractor):
    doc = default_extractor.extract("Secretary Austin will arrive in Manila on Sunday.")
    assert {(e.text, e.label) for e in doc.entities if e.text == "Austin"} == {("Austin", "PERSON")}
    # guard: without a title the city stays a place
    doc = default_extractor.extract("The secretary will arrive in Austin on Sunday.")
    assert {(e.text, e.label) for e in doc.entities if e.text == "Austin"} == {("Austin", "GPE")}


def test_scheduled_to_start_visits_is_the_subjects_trip(run):
    events = run("Foreign Minister Ana Ruiz of Chile said she is scheduled to start visits to Ecuador and Peru.")
    assert _visits(events) == {("Ana Ruiz", ("Ecuador", "Peru"))}


def test_a_meeting_with_the_datelines_leader_is_a_trip_there(run):
    events = run("MANILA (Reuters) - Japanese Defence Minister Kenji Sato held a meeting with Philippine President "
                 "Ferdinand Marcos on Monday.")
    assert {(e.visitor.text, e.destination[0].id if e.destination else None) for e in events if e.type == "visit"} == {
        ("Kenji Sato", "PHL")}
    # guard: a leader of another state than the dateline's says nothing of where they met
    events = run("MANILA (Reuters) - Japanese Defence Minister Kenji Sato held a meeting with German Chancellor "
                 "Olaf Scholz on Monday.")
    assert _visits(events) == set()


def test_mutual_recognition_between_two_states_goes_both_ways(run):
    events = run("The accord on mutual recognition between Bhutan and Malta was reached at a summit last May.")
    assert {(e.recognizer.text, e.recognized[0].text) for e in events if e.type == "recognition"} == {
        ("Bhutan", "Malta"), ("Malta", "Bhutan")}


def test_a_family_name_with_its_article_is_one_person(default_extractor):
    text = ("Acting Sudanese Defence Minister Omar Khalid al-Mahdi spoke on Friday. \"We also agreed to buy another "
            "12 Su-35 fighter jets from the Russians,\" Mahdi told reporters.")
    doc = default_extractor.extract(text, published=PUB)
    people = {(e.text, e.affiliation) for e in doc.entities if e.label == "PERSON"}
    assert people == {("Omar Khalid al-Mahdi", "SDN"), ("Mahdi", "SDN")}
    assert {(e.seller.id, tuple(b.id for b in e.buyer)) for e in doc.events if e.type == "arms_sale"} == {
        ("RUS", ("SDN",))}


def test_a_perfect_infinitive_is_done_not_planned(run):
    events = run("Peru and Chile are among the countries to have recognized Kosovo.")
    assert {(e.recognizer.text, e.status) for e in events if e.type == "recognition"} == {
        ("Peru", "actual"), ("Chile", "actual")}
    # guard: a plain infinitive still looks ahead
    events = run("Peru is set to recognize Kosovo.")
    assert {(e.recognizer.text, e.status) for e in events if e.type == "recognition"} == {("Peru", "planned")}
