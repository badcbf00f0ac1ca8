"""News-language visit and recognition rules from the misses of batch ng: datelines with a country, trips named by
reference (origins, apposed places, earlier trips, group members, answered invitations), talks with no one met,
surnames that are weapon names, and recognitions restated by 'join', 'follow', 'weigh' or a reported 'it'."""

from __future__ import annotations

from newslib import core_tuples as _tuples

PUB = "2024-06-01"


def _visits(events) -> set[tuple]:
    """(visitor text, destination id, status) of the visits."""
    return {(e.visitor.text, d.id, e.status) for e in events if e.type == "visit" for d in e.destination}


def test_a_dateline_with_a_country_places_a_trip_that_names_no_place(run):
    events = run("SOCHI, Russia, May 14 (Reuters) - Kazakh President Kassym-Jomart Tokayev will fly in on Thursday, "
                 "officials said.")
    assert ("Kassym-Jomart Tokayev", "RUS", "planned") in _visits(events)
    events = run("LIMA, Peru, Nov 3 (AFP) - Chile's President Gabriel Boric called off the journey on Sunday.")
    assert ("Gabriel Boric", "PER", "negated") in _visits(events)


def test_the_place_a_traveller_comes_from_is_no_destination(run):
    events = run("The accord was signed after talks in Nairobi between Kenyan officials and a delegation led by "
                 "Ethiopian Foreign Minister Taye Atske Selassie, who had flown in from Addis Ababa.")
    assert _visits(events) == {("Taye Atske Selassie", "KEN", "actual")}


def test_a_guest_visiting_the_country_of_the_talks_is_the_traveller(run):
    events = run("Our Minister Ahmet Yilmaz held talks today in Ankara with the Minister of Mines of Somalia, Abdi "
                 "Farah, who is visiting our country at the head of a delegation.")
    assert ("Abdi Farah", "TUR", "actual") in _visits(events)


def test_a_travel_noun_set_off_after_a_place_is_a_trip_there(run):
    events = run("Xi had flown to the summit on September 5 from Ashgabat, the first stop of his tour, and held talks "
                 "with Putin.")
    assert ("Xi", "TKM", "actual") in _visits(events)


def test_the_one_accepting_an_invitation_of_someone_visits(run):
    events = run("The two sides agreed to keep in close contact. President To Lam accepted with pleasure the "
                 "invitation of President Vladimir Putin to visit the Russian Federation at a convenient time.")
    assert _visits(events) == {("To Lam", "RUS", "planned")}
    events = run("Kenyan President William Ruto accepted the invitation of Chinese President Xi Jinping to visit China "
                 "next year.")
    assert _visits(events) == {("William Ruto", "CHN", "planned")}


def test_two_travellers_of_one_state_make_two_visits(run):
    events = run("President Tran Van Son accepted the invitation of President Putin to visit Russia. The Vietnamese "
                 "side said that Prime Minister Le Minh Duc will attend the BRICS summit in Kazan in October.")
    assert _visits(events) == {("Tran Van Son", "RUS", "planned"), ("Le Minh Duc", "RUS", "planned")}


def test_talks_with_no_one_met_take_no_dateline_place(run):
    events = run("BEIJING, Feb 6 (Reuters) - Defence Minister Jorge Taiana has revived talks on buying armoured "
                 "vehicles from China's Norinco, officials said.")
    assert _visits(events) == set()
    events = run("TBILISI - In Moscow, Russia said it was not holding any talks on deliveries of S-300 systems.")
    assert _visits(events) == set()


def test_returning_from_a_meeting_in_a_city_is_a_trip_there_and_not_to_the_dateline(run):
    events = run("NAIROBI - Energy Secretary John Mwangi, who returned on Sunday from the climate conference in Baku, "
                 "defended the deal.")
    assert _visits(events) == {("John Mwangi", "AZE", "actual")}
    assert _visits(run("Lula returned from the G20 summit in Rome on Monday.")) == {("Lula", "ITA", "actual")}


def test_a_possessive_goes_back_to_the_pronoun_subject_before_a_counterpart(run):
    events = run("Malaysian Defence Minister Mohamed Khaled said the transfer needed approval. He raised the package "
                 "with his South Korean counterpart, Shin Won-sik, during his three-day trip abroad in June.")
    assert _visits(events) == {("Mohamed Khaled", "KOR", "actual")}
    events = run("Ruto met Scholz in Berlin. He discussed trade with his German counterpart, Olaf Scholz, during his "
                 "visit.")
    assert ("Ruto", "DEU", "actual") in _visits(events)


def test_a_place_of_the_reporting_clause_is_no_destination(run):
    events = run("Secretary-General Antonio Guterres will attend an enlarged session of the summit on Thursday, his "
                 "spokesman said, a plan Ukraine's foreign ministry called a mistake.")
    assert not any(d == "UKR" for _, d, _ in _visits(events))


def test_members_named_after_among_or_including_travel(run):
    events = run("Some 75 heads of state made the journey to Baku for the opening of the talks, among them Britain's "
                 "Keir Starmer.")
    assert _visits(events) == {("Keir Starmer", "AZE", "actual")}
    events = run("Dozens of leaders flew to Baku for the summit, including Britain's Keir Starmer and France's "
                 "Emmanuel Macron.")
    assert _visits(events) == {("Keir Starmer", "AZE", "actual"), ("Emmanuel Macron", "AZE", "actual")}
    assert _visits(run("Twenty ministers attended the meeting in Paris, among them officials who had met Lavrov.")) \
        == set()


def test_a_trip_called_off_goes_where_the_latest_trip_of_its_paragraph_went(run):
    events = run("Germany's Olaf Scholz arrived in Baku on Monday. Italy's Giorgia Meloni scrapped her trip to deal "
                 "with a budget crisis.")
    assert ("Giorgia Meloni", "AZE", "negated") in _visits(events)
    events = run("Medvedev was due in Islamabad in October. In late September, however, the Kremlin cancelled the "
                 "trip.")
    assert _visits(events) == {("Medvedev", "PAK", "planned")}
    events = run("Macron arrived in Beijing on Monday.\n\nMeloni called off her trip on Sunday.")
    assert _visits(events) == {("Macron", "CHN", "actual")}


def test_a_surname_that_is_a_weapon_name_is_a_person(run):
    events = run("Last week Minister Bayraktar visited Niamey, where he was received by Prime Minister Ali Lamine "
                 "Zeine.")
    assert _visits(events) == {("Bayraktar", "NER", "actual")}
    events = run("Energy Minister Alparslan Bayraktar said he will travel to Mogadishu in September.")
    assert _visits(events) == {("Alparslan Bayraktar", "SOM", "planned")}
    events = run("Poland bought Bayraktar drones from Turkey.")
    assert {e.type for e in events} == {"arms_sale"}


def test_touching_down_is_an_arrival_and_a_city_takes_no_traveller_nationality(run):
    assert _visits(run("Blinken touched down in Riyadh late on Monday.")) == {("Blinken", "SAU", "actual")}
    events = run("Indian Prime Minister Narendra Modi and Turkish President Tayyip Erdogan touched down in the Volga "
                 "city on Tuesday for a gathering which Russia hosts.")
    assert {d for _, d, _ in _visits(events)} == {"RUS"}
    assert _visits(run("The plane touched down in Moscow at noon.")) == set()


def test_an_answered_invitation_to_a_meeting_is_a_visit(run):
    events = run("The ministry noted that Guterres had declined an invitation to the peace conference Ukraine "
                 "convened at the Burgenstock resort in Switzerland in June.")
    assert _visits(events) == {("Guterres", "CHE", "negated")}
    assert _visits(run("Lula accepted an invitation to the G7 summit in Hiroshima.")) == {("Lula", "JPN", "planned")}
    assert _visits(run("Scholz turned down an invitation to Kyiv.")) == {("Scholz", "UKR", "negated")}
    assert _visits(run("Xi extended an invitation to the summit in Beijing to all African leaders.")) == set()
    assert _visits(run("Ruto declined Xi's invitation to visit China.")) == {("Ruto", "CHN", "negated")}


def test_suspending_or_restoring_relations_with_a_would_be_state(run):
    assert _tuples(run("Guatemala suspended diplomatic relations with the Sahrawi Arab Democratic Republic on "
                       "Monday."), "recognition") == {("GTM", "ESH", "negated")}
    assert _tuples(run("Bolivia froze its ties with Kosovo in 2009, the ministry said."), "recognition") == {
        ("BOL", "XKX", "negated")}
    assert _tuples(run("In the region, Colombia reestablished the relations with the RASD in August of 2022."),
                   "recognition") == {("COL", "ESH", "actual")}
    assert _tuples(run("The EU suspended relations with Russia."), "recognition") == set()


def test_recognitions_restated_by_a_reported_pronoun_join_follow_or_weigh(run):
    events = run("Ireland recognised Palestine in May. Belgium said it would do the same next year.")
    assert ("BEL", "PSE", "planned") in _tuples(events, "recognition")
    events = run("Kenya recognised Kosovo in 2015. Uganda has said it will follow suit.")
    assert ("UGA", "XKX", "planned") in _tuples(events, "recognition")
    events = run("Spain and Norway recognised Palestine on Tuesday. Malta said it would join them in June.")
    assert ("MLT", "PSE", "planned") in _tuples(events, "recognition")
    events = run("Spain recognised Palestine on Tuesday. Japan said it would not follow its allies.")
    assert ("JPN", "PSE", "negated") in _tuples(events, "recognition")
    events = run("Spain recognised Palestine on Tuesday. Portugal and Finland are weighing the move.")
    assert {("PRT", "PSE", "proposed"), ("FIN", "PSE", "proposed")} <= _tuples(events, "recognition")


def test_a_whose_subject_and_a_follower_left_without_a_subject_restate_the_event(run):
    events = run("Colombia suspended relations with the Sahrawi Republic in 2000. Peru, whose government took the same "
                 "decision in 2005, restored them later.")
    assert ("PER", "ESH", "negated") in _tuples(events, "recognition")
    events = run("The United States recognised Edmundo Gonzalez as president-elect of Venezuela on Tuesday. Peru had "
                 "done so in July and Argentina followed in August.")
    assert ("ARG", "VEN", "actual") in _tuples(events, "recognition")


def test_recognition_sought_from_a_state_with_the_phrase_on_the_verb(run):
    events = run("Pristina is actively seeking recognition from Bangladesh, whose government has promised only to "
                 "study the question.")
    assert _tuples(events, "recognition") == {("BGD", "XKX", "proposed")}


def test_a_headline_parsed_with_its_subject_as_a_compound_and_its_objects_as_appositions(run):
    events = run("Managua recognises Abkhazia and South Ossetia")
    assert _tuples(events, "recognition") == {("NIC", "XAB", "actual"), ("NIC", "XSO", "actual")}
    events = run("Damascus recognises Abkhazia and South Ossetia; Tbilisi cuts ties with Syria")
    assert _tuples(events, "recognition") == {("SYR", "XAB", "actual"), ("SYR", "XSO", "actual")}


def test_a_travellers_own_state_is_dropped_from_a_list_of_destinations(run):
    events = run("President Tsai Ing-wen's trip to Eswatini in September, her only African ally, and Paraguay's "
                 "president-elect Santiago Pena's visit to Taipei in July were both meant to show the friendships are "
                 "alive.")
    assert _visits(events) == {("Tsai Ing-wen", "SWZ", "actual"), ("Santiago Pena", "TWN", "actual")}


def test_talks_held_with_the_interviewer_take_no_dateline_place(run):
    events = run("DUBAI, Nov 18 - Asked about Africa, the chief said: President Ali Bongo came to Sochi on October 22, "
                 "and his delegation held talks with us on the supply of helicopters.")
    assert _visits(events) == {("Ali Bongo", "RUS", "actual")}
