"""Training examples: windows over corpus and CoNLL documents with per-piece sets of allowed labels."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eventex.corpus.conll import read_conll
from eventex.corpus.gold import GoldDocument
from eventex.ner.features import BIO_LABELS, LABEL_ID, Window, windows
from eventex.schema import CORPUS_UNANNOTATED, ENTITY_LABELS
from eventex.stages.resolve import Gazetteer

# Labels CoNLL-2003 never annotates: an unlabelled CoNLL token may be any of them.
CONLL_UNANNOTATED = ("DATE", "MONEY", "QUANTITY", "WEAPON", "ENERGY_ASSET")
# How CoNLL tags map onto eventex labels (sets = the gold is one of these; decided by the gazetteer first).
CONLL_LABEL_MAP: dict[str, tuple[str, ...]] = {
    "PER": ("PERSON",),
    "ORG": ("ORG",),
    "LOC": ("GPE", "LOC"),  # a state, capital or known alias → GPE; otherwise either
    "MISC": ("MISC", "NORP"),  # a known demonym → NORP alone
}


@dataclass
class LabelledDoc:
    """A text with character spans, each carrying the set of labels it may have."""

    text: str
    spans: list[tuple[int, int, tuple[str, ...]]]
    outside: tuple[str, ...] = ("O",)  # what an unlabelled character may be


@dataclass
class Example:
    """A model window plus its (pieces × labels) boolean matrix of allowed labels."""

    window: Window
    allowed: np.ndarray


def from_gold(docs: Iterable[GoldDocument]) -> list[LabelledDoc]:
    """Corpus documents: every mention has exactly one label; everything else is O or a label the corpus
    does not annotate (:data:`eventex.schema.CORPUS_UNANNOTATED`)."""
    return [
        LabelledDoc(d.text, [(m.start, m.end, (m.label,)) for m in d.mentions], outside=("O", *CORPUS_UNANNOTATED))
        for d in docs
    ]


def from_conll(path: str | Path, gazetteer: Gazetteer | None = None) -> list[LabelledDoc]:
    """CoNLL-2003 documents with mapped label sets (see :data:`CONLL_LABEL_MAP`)."""
    gaz = gazetteer or Gazetteer()
    out = []
    for doc in read_conll(path):
        text, spans = doc.text, doc.entities
        mapped = []
        for a, b, tag in spans:
            hit = gaz.lookup(text[a:b])
            if tag == "LOC" and hit and hit.kind in ("name", "alias", "capital"):
                labels: tuple[str, ...] = ("GPE",)
            elif tag == "MISC" and hit and hit.kind == "demonym":
                labels = ("NORP",)
            else:
                labels = CONLL_LABEL_MAP[tag]
            mapped.append((a, b, labels))
        out.append(LabelledDoc(text, mapped, outside=("O", *CONLL_UNANNOTATED)))
    return out


def _label_sets(labels: tuple[str, ...], begin: bool) -> list[int]:
    ids = []
    for lab in labels:
        if lab == "O":
            ids.append(LABEL_ID["O"])
        elif lab in ENTITY_LABELS:
            ids.append(LABEL_ID[f"{'B' if begin else 'I'}-{lab}"])
    return ids


def examples(tokenizer, docs: list[LabelledDoc], max_length: int = 128, stride: int = 32) -> list[Example]:
    """Windows with allowed-label matrices for every labelled document."""
    wins = windows(tokenizer, [d.text for d in docs], max_length=max_length, stride=stride)
    out = []
    n_labels = len(BIO_LABELS)
    for w in wins:
        d = docs[w.doc_index]
        owner = np.full(len(d.text) + 1, -1, dtype=np.int64)
        for k, (a, b, _) in enumerate(d.spans):
            owner[a:b] = k
        allowed = np.zeros((len(w.input_ids), n_labels), dtype=bool)
        for p, (a, b) in enumerate(w.offsets):
            if b <= a:
                continue  # special tokens: no loss
            k = owner[a]
            if k >= 0:
                s_a, _, labels = d.spans[k]
                ids = _label_sets(labels, begin=(a == s_a))
            else:
                ids = _label_sets(d.outside, begin=True) + _label_sets(d.outside, begin=False)
            allowed[p, ids] = True
        out.append(Example(w, allowed))
    return out
