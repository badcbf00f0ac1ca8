"""Decoding: per-piece label probabilities of overlapping windows → entity spans (Viterbi over valid BIO)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from eventex.ner.features import Window
from eventex.schema import Entity


@dataclass(frozen=True)
class Margin:
    """An uncertain span of the entity head: ``text == input[start:end]``, the probability gap between its most
    probable tag (``best``) and the runner-up (``second``)."""

    text: str
    start: int
    end: int
    margin: float
    best: str
    second: str


def word_joined(text: str, i: int) -> bool:
    """Whether offset ``i`` lies inside a word: between two alphanumerics, or at an inner hyphen ("deep-water")."""
    if i <= 0 or i >= len(text):
        return False
    left, right = text[i - 1], text[i]
    if left.isalnum() and right.isalnum():
        return True
    if right == "-":
        return left.isalnum() and i + 1 < len(text) and text[i + 1].isalnum()
    return left == "-" and i >= 2 and text[i - 2].isalnum() and right.isalnum()


Words = tuple[list[list[int]], np.ndarray]
"""One text's words: their ``[start, end]`` and their first pieces' label probabilities (words × labels)."""


def decode(texts: list[str], wins: list[Window], probs: list, labels: Sequence[str]) -> list[list[Entity]]:
    """Merge windows (where they overlap, the most central prediction wins) and turn BIO pieces into char spans.

    Pieces are grouped into words (see :func:`word_joined`) that take their first piece's probabilities, so an
    entity never starts or ends inside a word. The words' tags are the most probable valid BIO sequence (an
    ``I-X`` only after ``B-X`` or ``I-X``), so an entity never changes type midway. A word that begins a second
    entity of the same label right after the first, with only a space between them ('nuclear' + 'power
    plant'), continues the first.
    """
    return decode_words(texts, text_words(texts, wins, probs, len(labels)), labels)


def text_words(texts: list[str], wins: list[Window], probs: list, n_labels: int) -> list[Words]:
    """Each text's words and their probabilities, the windows merged (the most central prediction wins)."""
    best: list[dict[tuple[int, int], tuple[int, np.ndarray]]] = [{} for _ in texts]
    for w, p in zip(wins, probs, strict=True):
        n = len(w.input_ids)
        for j, (a, b) in enumerate(w.offsets):
            if b <= a:
                continue
            centrality = min(j, n - 1 - j)
            prev = best[w.doc_index].get((a, b))
            if prev is None or centrality > prev[0]:
                best[w.doc_index][(a, b)] = (centrality, p[j])
    words: list[Words] = []
    for text, pieces in zip(texts, best, strict=True):
        spans: list[list[int]] = []
        rows: list[np.ndarray] = []
        for (a, b), (_, pr) in sorted(pieces.items()):
            if spans and a == spans[-1][1] and word_joined(text, a):
                spans[-1][1] = b
            else:
                spans.append([a, b])
                rows.append(pr)
        words.append((spans, np.array(rows).reshape(len(rows), n_labels)))
    return words


def decode_words(texts: list[str], words: list[Words], labels: Sequence[str]) -> list[list[Entity]]:
    """The entities of each text from its words (see :func:`decode`)."""
    paths = viterbi([rows for _, rows in words], bio_transitions(tuple(labels)))
    out = []
    for text, (spans, rows), tags in zip(texts, words, paths, strict=True):
        ents: list[Entity] = []
        cur: list | None = None  # [label, start, end, [probs]]
        for (a, b), row, li in zip(spans, rows, tags, strict=True):
            tag, pr = labels[li], float(row[li])
            if cur and tag[2:] == cur[0] and (tag[0] == "I" or text[cur[2] : a] == " "):
                cur[2] = b
                cur[3].append(pr)
                continue
            if cur:
                ents.append(_entity(text, cur))
            cur = None if tag == "O" else [tag[2:], a, b, [pr]]
        if cur:
            ents.append(_entity(text, cur))
        out.append(ents)
    return out


def low_margins(text: str, words: Words, labels: Sequence[str], below: float) -> list[Margin]:
    """The words whose two most probable tags differ by less than ``below`` in probability, adjacent ones
    joined into one span (its margin the smallest of its words')."""
    spans, rows = words
    if not len(rows):
        return []
    top2 = np.argsort(-rows, axis=1, kind="stable")[:, :2]
    gaps = rows[np.arange(len(rows)), top2[:, 0]] - rows[np.arange(len(rows)), top2[:, 1]]
    out: list[Margin] = []
    for (a, b), (first, second), gap in zip(spans, top2, gaps, strict=True):
        if gap >= below:
            continue
        m = Margin(text[a:b], a, b, round(float(gap), 4), labels[first], labels[second])
        if out and not text[out[-1].end : a].strip():  # the word right after an uncertain one
            last = out[-1]
            weakest = last if last.margin <= m.margin else m
            m = Margin(text[last.start : b], last.start, b, weakest.margin, weakest.best, weakest.second)
            out.pop()
        out.append(m)
    return out


@cache
def bio_transitions(labels: tuple[str, ...]) -> np.ndarray:
    """``allowed[i, j]``: tag j may follow tag i (row ``len(labels)`` is the start of the text)."""
    n = len(labels)
    allowed = np.ones((n + 1, n), dtype=bool)
    for j, tag in enumerate(labels):
        if tag.startswith("I-"):
            allowed[:, j] = [i < n and labels[i][2:] == tag[2:] and labels[i] != "O" for i in range(n + 1)]
    return allowed


def viterbi(seqs: Sequence[np.ndarray], allowed: np.ndarray) -> list[list[int]]:
    """For each (words × tags) probability array, the tag sequence of highest probability among those
    ``allowed`` permits (see :func:`bio_transitions`); the sequences are decoded together, step by step."""
    lengths = [len(s) for s in seqs]
    steps, n_tags = max(lengths, default=0), allowed.shape[1]
    logp = np.zeros((len(seqs), steps, n_tags))
    with np.errstate(divide="ignore"):
        for k, s in enumerate(seqs):
            logp[k, : len(s)] = np.log(s)
        trans = np.where(allowed, 0.0, -np.inf)
    back = np.zeros((len(seqs), steps, n_tags), dtype=np.int16)
    last = np.zeros((len(seqs), n_tags))  # each sequence's scores at its own last word
    ending: dict[int, list[int]] = {}
    for k, n in enumerate(lengths):
        ending.setdefault(n - 1, []).append(k)
    score = trans[-1] + logp[:, 0] if steps else last
    for t in range(steps):
        if t:
            cand = score[:, :, None] + trans[:-1]
            back[:, t] = cand.argmax(1)
            score = cand.max(1) + logp[:, t]
        if t in ending:
            last[ending[t]] = score[ending[t]]
    paths = []
    for k, n in enumerate(lengths):
        path = [int(last[k].argmax())] if n else []
        for t in range(n - 1, 0, -1):
            path.append(int(back[k, t, path[-1]]))
        paths.append(path[::-1])
    return paths


def _entity(text: str, cur: list) -> Entity:
    label, a, b, prs = cur
    return Entity(text=text[a:b], start=a, end=b, label=label, confidence=round(float(np.mean(prs)), 4))
