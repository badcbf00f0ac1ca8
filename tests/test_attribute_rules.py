"""The table-lookup attribute ruler annotates every token exactly as spaCy's own attribute ruler does."""

from __future__ import annotations

import pickle

import spacy

from eventex.stages.attribute_rules import AttributeRules, fast_attribute_rules
from eventex.stages.parse import SPACY_MODEL, load_spacy

TEXTS = [
    "Y'all ain't seen nothin' yet. There is a plan: he gets it, she got it, and gonna do it, gotta go. Let's go!",
    "  \t leading space\n\nThere are many. I did it. You know it; it knows you. But I said that, which was so.",
    "Do you have it? He has had it. That which they did was what he does. Ain't n't isn't y all.",
    "Russia's Foreign Minister Sergey Lavrov visited Caracas on March 10, 2010, and met Hugo Chávez.",
]


def _annotations(nlp) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for d in nlp.pipe(TEXTS) for t in d]


def test_the_fast_rules_replace_spacys_ruler_with_the_same_annotations():
    nlp = load_spacy()
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRules)
    assert nlp.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
    reference = _annotations(spacy.load(SPACY_MODEL, exclude=["ner"]))
    assert {a[2] for a in reference} >= {"AUX", "PRON", "SCONJ", "SPACE", "VERB", "PROPN"}
    assert _annotations(nlp) == reference
    assert _annotations(pickle.loads(pickle.dumps(nlp))) == reference  # worker processes get a pickled copy


def test_a_ruler_with_patterns_the_table_cannot_apply_is_kept():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"ORTH": "x", "OP": "+"}]], {"LEMMA": "y"})
    fast_attribute_rules(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler
