"""Rules from session 22's fresh real-news dev sets: datelines parsed apart from the lede, pronoun salience, the
speaker's government, lists headed by an apposition, the states of a region visited, partners in a project placed
earlier. Every sentence below is invented for the test."""

from __future__ import annotations

from newslib import core_pairs

PUB = "2024-03-01"


def test_a_dateline_is_parsed_apart_so_a_later_pronoun_goes_to_the_ledes_subject(run):
    text = ("NAIROBI, March 3 (Agency) - Ethiopian Prime Minister Abiy Ahmed held talks with President William Ruto "
            "on Monday, the first stop of a regional tour that will also take him to Uganda.")
    pairs = core_pairs(run(text), "visit")
    assert ("Abiy Ahmed", "UGA") in pairs
    assert ("William Ruto", "UGA") not in pairs


def test_an_upper_case_colon_dateline_places_a_visit_whose_sentence_names_no_place(run):
    text = ("ISLAMABAD: The Acting Afghan Foreign Minister, Amir Khan Muttaqi, is scheduled to arrive later on Friday "
            "night on a four-day official visit for bilateral talks.")
    assert core_pairs(run(text), "visit") == {("Amir Khan Muttaqi", "PAK")}


def test_his_government_in_a_speakers_clause_is_the_speakers_state(run):
    text = ("Azerbaijani President Ilham Aliyev flew into Islamabad on Wednesday for a two-day state visit.\n\n"
            "A Pakistani official said his government had also offered Baku a batch of Super Mushshak trainer "
            "aircraft.")
    assert ("PAK", "AZE") in core_pairs(run(text), "arms_sale")


def test_the_first_of_a_list_headed_by_an_apposition_travels_too(run):
    text = ("Nigeria's Muhammadu Buhari, South Africa's Cyril Ramaphosa and Egypt's Abdel Fattah al-Sisi were among "
            "more than 50 African heads of state who arrived in Beijing over the weekend.")
    assert core_pairs(run(text), "visit") == {
        ("Muhammadu Buhari", "CHN"), ("Cyril Ramaphosa", "CHN"), ("Abdel Fattah al-Sisi", "CHN")}


def test_a_subject_pronoun_passes_over_a_person_named_only_in_a_phrase(run):
    text = ("Prime Minister Narendra Modi will arrive in Maputo on Thursday morning. This will be the first visit in "
            "36 years since the visit of then Prime Minister Indira Gandhi. After Maputo, he will leave for "
            "Tanzania on Friday.")
    # 'he' goes to Modi; the earlier visit of Indira Gandhi goes where the visit before it went (session 32)
    assert core_pairs(run(text), "visit") == {
        ("Narendra Modi", "MOZ"), ("Narendra Modi", "TZA"), ("Indira Gandhi", "MOZ")}


def test_the_states_of_a_region_visited_are_each_a_destination(run):
    assert core_pairs(run("Modi had earlier visited the island nations of Mauritius and Seychelles."), "visit") == {
        ("Modi", "MUS"), ("Modi", "SYC")}
    assert core_pairs(run("Erdogan has visited the Gulf states of Qatar, Oman and Kuwait."), "visit") == {
        ("Erdogan", "QAT"), ("Erdogan", "OMN"), ("Erdogan", "KWT")}
    pairs = core_pairs(run("Modi visited the headquarters of the African Union in Addis Ababa."), "visit")
    assert pairs == {("Modi", "ETH")}  # an organisation's seat: the place it is in


def test_partners_in_a_project_placed_before_invest_there(run):
    text = ("The Ruvu block lies off Tanzania. Other partners in the project are Norway's Equinor, France's "
            "TotalEnergies and Malaysia's Petronas.")
    assert core_pairs(run(text), "energy_investment") == {
        ("Equinor", "TZA"), ("TotalEnergies", "TZA"), ("Petronas", "TZA")}
    text = ("Gazprom Neft will develop the Changuleh field near the Iraqi border. The National Iranian Oil Company "
            "is investing in its own South Pars phases, with or without foreign partners.")
    assert ("National Iranian Oil Company", "IRQ") not in core_pairs(run(text), "energy_investment")
