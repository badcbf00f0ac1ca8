"""CoNLL-2003 files: documents as texts with their gold entity spans (for scoring and for training)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from eventex.errors import CorpusError


@dataclass
class ConllDocument:
    """A CoNLL document as one text: tokens joined by spaces, sentences by newlines."""

    text: str
    tokens: list[tuple[int, int]]
    """Character offsets (start, end) of every token in ``text``."""
    entities: list[tuple[int, int, str]]
    """Gold entities (start, end, CoNLL label) from the IOB tags."""


def _build_conll_document(sentences: list[list[tuple[str, str]]]) -> ConllDocument:
    parts: list[str] = []
    tokens: list[tuple[int, int]] = []
    entities: list[tuple[int, int, str]] = []
    pos = 0
    for s, sentence in enumerate(sentences):
        open_ent: list = []  # [start, end, label] of the entity being read
        for t, (token, tag) in enumerate(sentence):
            if s or t:
                sep = " " if t else "\n"
                parts.append(sep)
                pos += 1
            start, end = pos, pos + len(token)
            parts.append(token)
            tokens.append((start, end))
            pos = end
            prefix, _, label = tag.partition("-")
            if prefix == "I" and open_ent and open_ent[2] == label:
                open_ent[1] = end
                continue
            if open_ent:
                entities.append((open_ent[0], open_ent[1], open_ent[2]))
            # B-X, or an I-X that does not continue an X entity (IOB1), opens a new entity
            open_ent = [start, end, label] if prefix in ("B", "I") else []
        if open_ent:
            entities.append((open_ent[0], open_ent[1], open_ent[2]))
    return ConllDocument(text="".join(parts), tokens=tokens, entities=entities)


def parse_conll(source: str) -> list[ConllDocument]:
    """Documents of a CoNLL-2003 text (TOKEN POS CHUNK NER columns, IOB tags, ``-DOCSTART-`` separators)."""
    docs: list[ConllDocument] = []
    sentences: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []
    for line in source.splitlines():
        cols = line.split()
        if cols and cols[0] != "-DOCSTART-":
            sentence.append((cols[0], cols[-1]))
            continue
        if sentence:
            sentences.append(sentence)
            sentence = []
        if cols and sentences:
            docs.append(_build_conll_document(sentences))
            sentences = []
    if sentence:
        sentences.append(sentence)
    if sentences:
        docs.append(_build_conll_document(sentences))
    return docs


_TAG = re.compile(r"O|[BIES]-[A-Za-z_]+")


def read_conll(path: str | Path) -> list[ConllDocument]:
    """Documents of a CoNLL-2003 file; CorpusError naming the first line that is not ``TOKEN … TAG`` with an IOB
    tag last, or a file without sentences."""
    source = Path(path).read_text(encoding="utf-8")
    for n, line in enumerate(source.splitlines(), 1):
        cols = line.split()
        if cols and cols[0] != "-DOCSTART-" and (len(cols) < 2 or not _TAG.fullmatch(cols[-1])):
            raise CorpusError(f"{path}:{n}: not a CoNLL-2003 line (TOKEN … TAG, an IOB tag last): {line[:60]!r}")
    docs = parse_conll(source)
    if not docs:
        raise CorpusError(f"{path}: no CoNLL-2003 sentences in it")
    return docs
