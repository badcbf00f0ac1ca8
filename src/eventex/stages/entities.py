"""Entity stage: typed mentions with exact offsets.

Two interchangeable stages named ``entities`` fill ``Document.entities``: :class:`TransformerEntities` (the
fine-tuned head, see :mod:`eventex.ner.runtime`) and :class:`SpacyEntities` (en_core_web_sm's NER mapped onto
the label set plus domain patterns), the baseline: used only when asked for,
``eventex.load("spacy")``. Each names its model in ``model_name``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from eventex.document import Document
from eventex.resources import read_toml
from eventex.schema import Entity
from eventex.stages.base import parsed

SPACY_LABEL_MAP = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP",
    "MONEY": "MONEY", "QUANTITY": "QUANTITY", "DATE": "DATE", "FAC": "LOC",
    "EVENT": "MISC", "LAW": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LANGUAGE": "MISC",
}
_LEADING_DROP = {"the", "a", "an", "on", "in", "at", "since", "after", "before", "by", "during", "until"}


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop outer whitespace/punctuation, a leading determiner or preposition, and a trailing possessive."""
    while start < end and not text[start].isalnum() and text[start] not in "$€£¥":
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".%)"):
        end -= 1
    m = re.match(r"(\w+)\s+", text[start:end])
    if m and m.group(1).lower() in _LEADING_DROP and m.end() < end - start:
        start += m.end()
    for suffix in ("’s", "'s"):
        if text[start:end].endswith(suffix) and end - start > len(suffix):
            end -= len(suffix)
    if end > start and text[end - 1] == "." and not re.search(r"\b[A-Z]\.$|\b[A-Za-z]\.[A-Za-z]\.$", text[start:end]):
        end -= 1
    return start, end


def resolve_overlaps(ents: Iterable[Entity]) -> list[Entity]:
    """Keep a non-overlapping set, preferring earlier given entities, then longer ones."""
    kept: list[Entity] = []
    taken: list[tuple[int, int]] = []
    for e in ents:
        if e.end <= e.start:
            continue
        if any(e.start < b and a < e.end for a, b in taken):
            continue
        kept.append(e)
        taken.append((e.start, e.end))
    return sorted(kept, key=lambda e: e.start)


class DomainPatterns:
    """WEAPON and ENERGY_ASSET mentions from lexicon patterns over the parse (rules in entity_patterns.toml)."""

    def __init__(self) -> None:
        lex = read_toml("entity_patterns.toml")
        self.rules = {}
        for label, spec in lex.items():
            self.rules[label] = {
                "heads": set(spec["heads"]),
                "standalone": set(spec.get("standalone", [])),
                "modifiers": set(spec["modifiers"]),
                "designation": re.compile(spec["designation_regex"]) if "designation_regex" in spec else None,
            }

    def find(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start_char, end_char, label) for every pattern hit in a parsed doc."""
        out = []
        for tok in doc:
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            for label, r in self.rules.items():
                lemma = tok.lemma_.lower()
                if lemma not in r["heads"] and tok.lower_ not in r["heads"]:
                    continue
                if tok.i + 1 < len(doc) and doc[tok.i + 1].dep_ == "compound" and doc[tok.i + 1].head.i > tok.i:
                    continue  # not the head of its compound ("missile systems": head is "systems")
                left = self._left_edge(tok, r)
                mods = {t.lower_ for t in doc[left : tok.i]}
                has_designation = r["designation"] is not None and any(
                    r["designation"].match(t.text) for t in doc[left : tok.i + 1]
                )
                standalone = lemma in r["standalone"] or tok.lower_ in r["standalone"]
                if standalone or mods & r["modifiers"] or has_designation:
                    out.append((doc[left].idx, tok.idx + len(tok.text), label))
                    break
        return out

    def _left_edge(self, head: Token, r: dict) -> int:
        i = head.i
        doc = head.doc
        while i - 1 >= 0:
            t = doc[i - 1]
            if t.dep_ in ("compound", "amod", "nmod", "npadvmod") or t.text == "-" or (
                t.pos_ == "PROPN" and t.head.i >= head.i and t.head.i <= head.i
            ):
                if t.ent_type_ in ("NORP", "GPE") and t.lower_ not in r["modifiers"]:
                    break  # 'Russian helicopters': the demonym is its own mention
                if t.pos_ in ("DET", "NUM") and not (r["designation"] and r["designation"].match(t.text)):
                    break
                i -= 1
            else:
                break
        return i


class SpacyEntities:
    """en_core_web_sm's NER mapped onto eventex labels, plus :class:`DomainPatterns`."""

    name = "entities"
    requires = ("doc", "doc.ents")
    assigns = ("entities",)
    model_name = "spacy:en_core_web_sm"
    version = "0"

    def __init__(self) -> None:
        self.patterns = DomainPatterns()

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Fill ``entities`` from the parse's ``doc.ents`` and the domain patterns."""
        for d in docs:
            doc = parsed(d)
            cands: list[Entity] = []
            for start, end, label in self.patterns.find(doc):
                s, e = trim_span(d.text, start, end)
                cands.append(Entity(text=d.text[s:e], start=s, end=e, label=label, confidence=0.7))
            for ent in doc.ents:
                label = SPACY_LABEL_MAP.get(ent.label_)
                if not label:
                    continue
                s, e = trim_span(d.text, ent.start_char, ent.end_char)
                if e > s:
                    cands.append(Entity(text=d.text[s:e], start=s, end=e, label=label, confidence=0.8))
            d.entities = resolve_overlaps(cands)
            yield d
