"""Sums and quantities the head cut inside a number: '16,600 barrels' tagged '16,' and '600 barrels', '$6.5 billion'
tagged '$6' and '5 billion', '240.58 billion tenge' tagged '58 billion tenge' (the head's word pieces split numbers
at their stops and commas)."""

from __future__ import annotations

import re

from eventex.ner.edits import moved
from eventex.schema import Entity

LABELS = frozenset({"MONEY", "QUANTITY"})
"""Labels whose mentions hold numbers."""
_HEAD = re.compile(r"\d[\d.,]*[.,]?$")
"""The part of a number that stands right before a mention that starts inside it ('240.' of '240.58')."""
_CUT = re.compile(r"\d[.,]?$")
"""A digit, with at most a stop or comma after it, right before a mention: the mention starts inside a number."""
_TAIL = re.compile(r"[.,]?\d(?:[\d.,]*\d)?")
"""The rest of a number right after a mention that ends inside it ('.4' of '22.4', '600' of '16,600')."""


def whole_numbers(text: str, ents: list[Entity]) -> list[Entity]:
    """The mentions, with a sum or quantity that starts or ends inside a number grown over the whole number, and two
    that then overlap joined (a sum if either is one); one pass in text order."""
    out: list[Entity] = []
    for e in sorted(ents, key=lambda x: x.start):
        if e.label in LABELS:
            e = _grown(text, e)
            last = out[-1] if out else None
            if last is not None and last.label in LABELS and last.end > e.start:
                label = "MONEY" if "MONEY" in (last.label, e.label) else "QUANTITY"
                out[-1] = moved(last, text, last.start, max(last.end, e.end), label=label)
                continue
        out.append(e)
    return out


def _grown(text: str, e: Entity) -> Entity:
    """``e`` over the whole number it starts or ends inside."""
    start, end = e.start, e.end
    cut_before = _CUT.search(text[max(0, start - 2) : start]) is not None
    if e.text[:1].isdigit() and cut_before and (m := _HEAD.search(text, max(0, start - 24), start)):
        start = m.start()
    tail = _TAIL.match(text, end)
    if tail and (e.text[-1:] in ".," or (e.text[-1:].isdigit() and tail.group()[0] in ".,")):
        end = tail.end()
    return e if (start, end) == (e.start, e.end) else moved(e, text, start, end)
