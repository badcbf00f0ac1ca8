"""The copy the parser reads (eventex.stages.parse_copy): parenthesised acronyms parsed apart and put back as
appositions of the name before them, typographic apostrophes read as plain ones, a Title Case headline's common
words read in lower case, every token and offset of the text kept."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventex.document import Document
from eventex.stages.parse import ParseStage
from eventex.stages.parse_copy import parse_copy


@pytest.fixture(scope="module")
def parser() -> ParseStage:
    return ParseStage()


def _parse(parser: ParseStage, text: str):
    return parser(Document(text=text)).doc


def test_list_of_lenders_with_acronyms_parses_as_one_list(parser: ParseStage) -> None:
    doc = _parse(
        parser,
        "The plant is built in a co-financing with the African Development Bank (AfDB), Export Development Canada"
        " (EDC) and the Export-Import Bank of Korea (KEXIM).",
    )
    tok = {t.text: t for t in doc if t.text not in ("Bank", "Development", "Export")}
    canada = tok["Canada"]
    assert canada.dep_ == "conj" and canada.head.text == "Bank"  # before: an apposition of 'plant'
    assert (tok["AfDB"].dep_, tok["AfDB"].head.i) == ("appos", 11)
    assert (tok["EDC"].dep_, tok["EDC"].head.text) == ("appos", "Canada")
    assert (tok["KEXIM"].dep_, tok["KEXIM"].head.i) == ("appos", 27)  # the bank, not 'Korea' of its 'of' phrase
    assert [t.dep_ for t in doc if t.text in "()"] == ["punct"] * 6


def test_an_aside_closes_the_name_before_it(parser: ParseStage) -> None:
    """What an aside is followed by joins the whole name, not the 'of' phrase inside it."""
    doc = _parse(parser, "The National Oil Company of Ghana (NOCG) and Japan's Inpex signed an agreement.")
    inpex = next(t for t in doc if t.text == "Inpex")
    assert (inpex.dep_, inpex.head.text) == ("conj", "Company")


def test_typographic_apostrophes_are_read_as_plain_ones(parser: ParseStage) -> None:
    curly = _parse(parser, "While Chile doesn\u2019t recognise the new state, Peru does, and they\u2019ll say so.")
    plain = _parse(parser, "While Chile doesn't recognise the new state, Peru does, and they'll say so.")
    assert curly.text.count("\u2019") == 2  # the text itself is kept
    def parse(doc):
        return [(t.lemma_, t.pos_, t.dep_, t.head.i) for t in doc]

    assert parse(curly) == parse(plain)
    assert {t.lemma_ for t in curly if "\u2019" in t.text} == {"not", "will"}


def test_guard_other_brackets_are_parsed_in_place(parser: ParseStage) -> None:
    """Guard: a bracket after a number or a lower-case word, or holding a lower-case word, is no aside: the
    sentence is parsed as spaCy parses it."""
    text = "Egypt paid 2 billion euros (EUR) for the ships (frigates) in (2024)."
    assert [(t.dep_, t.head.i) for t in _parse(parser, text)] == [(t.dep_, t.head.i) for t in parser.nlp(text)]


def test_a_title_case_headline_is_read_as_a_sentence(parser: ParseStage) -> None:
    doc = _parse(parser, "Egypt Signs Deal For 30 More Rafale Jets\n\nCAIRO - Egypt has signed a deal for jets.")
    signs = doc[1]
    assert (signs.text, signs.pos_, signs.lemma_, signs.dep_) == ("Signs", "VERB", "sign", "ROOT")
    assert [(t.text, t.dep_) for t in doc if t.text in ("Egypt", "Deal")][:2] == [("Egypt", "nsubj"), ("Deal", "dobj")]


def test_guard_a_sentence_or_a_line_in_lower_case_is_read_as_written(parser: ParseStage) -> None:
    """Guard: a line that ends with a full stop, or whose long words are not capitalised, gets no copy."""
    for text in ("Egypt Signs Deal For 30 More Rafale Jets.", "Egypt signs deal for 30 more Rafale jets"):
        assert parse_copy(parser.nlp.make_doc(text)) is None


_WORDS = st.sampled_from(
    ["Bank", "of", "Korea", "(", ")", "KEXIM", "AfDB", "and", ",", "the", "Egypt", "S-400", "\n\n", " ", "\u2019s",
     "don\u2019t", "\u2018", "Signs", "Deal", "With"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_WORDS, max_size=40))
def test_text_and_tokens_are_kept(parser: ParseStage, words: list[str]) -> None:
    text = " ".join(words)
    doc = _parse(parser, text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)
    assert all(t.head.sent == t.sent for t in doc)


def test_a_long_text_joins_copied_and_plain_pieces(parser: ParseStage) -> None:
    """A text parsed in several pieces, some read as copies and some not, is joined into one doc."""
    plain = "The ministers met in Lima on Monday and signed a new trade accord. " * 320
    text = "Peru doesn\u2019t recognise the Bank (ABC) of Utopia. " * 40 + "\n\n" + plain
    doc = _parse(parser, text)
    assert doc.text == text
    assert len(list(doc.sents)) > 300
