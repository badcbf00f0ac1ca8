"""Spouses beside a leader: 'President X and First Lady Y will visit …' is the leader's visit, not two."""

from __future__ import annotations

from spacy.tokens import Token

from eventex.schema import Entity

TITLE_REACH = 3
"""Most words before a name (or after it, in an apposition) that may hold its spouse title."""


def named_as_spouse(tok: Token, person: Entity, words: frozenset[str]) -> bool:
    """Whether the coordinated person at ``tok`` is named as a spouse: a spouse title just before the name ('First
    Lady Y', 'his wife Y') or as its apposition ('Y, his wife')."""
    doc = tok.doc
    name = doc.char_span(person.start, person.end, alignment_mode="expand")
    if name is None:
        return False
    before = doc[max(name.start - TITLE_REACH, tok.sent.start) : name.start]
    cut = max((t.i + 1 for t in before if t.text in (",", "and", "&")), default=before.start)
    near = " ".join(t.lower_ for t in doc[cut : name.start])
    after = " ".join(w.lower_ for a in name.root.children if a.dep_ == "appos" for w in a.subtree)
    return any(f" {w} " in f" {near} " or f" {w} " in f" {after} " for w in words)
