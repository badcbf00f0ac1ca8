"""Label scheme, word-shape features from the original text, and windowed tokenisation with offsets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

from eventex.schema import ENTITY_LABELS

BIO_LABELS: tuple[str, ...] = ("O", *(f"{p}-{lab}" for lab in ENTITY_LABELS for p in ("B", "I")))
LABEL_ID = {lab: i for i, lab in enumerate(BIO_LABELS)}

# Shape classes of a word piece's original characters; the uncased encoder cannot see case, these can.
SHAPES = ("special", "lower", "title", "upper", "mixed", "digit", "alnum", "punct", "other")
POSITIONS = ("word start", "word continuation", "line start")
N_SHAPES = len(SHAPES) * len(POSITIONS)


def piece_shape(text: str, start: int, end: int) -> int:
    """Shape id of ``text[start:end]`` as a word piece: its character class × its position (starts a word,
    continues one, or is the first piece of a line). Special tokens have start == end."""
    if end <= start:
        return 0
    s = text[start:end]
    if s.isalpha():
        if s.islower():
            k = 1
        elif s.isupper():
            k = 3 if len(s) > 1 else 2
        elif s[0].isupper() and s[1:].islower():
            k = 2
        else:
            k = 4
    elif s.isdigit():
        k = 5
    elif s.isalnum():
        k = 6
    elif all(not c.isalnum() for c in s):
        k = 7
    else:
        k = 8
    if start > 0 and text[start - 1].isalnum() and s[0].isalnum():
        position = 1
    else:
        position = 2 if _starts_line(text, start) else 0
    return k + len(SHAPES) * position


def _starts_line(text: str, start: int) -> bool:
    """Whether only white space, with a line break in it, lies between the previous text and ``start``."""
    j = start - 1
    while j >= 0 and text[j].isspace():
        if text[j] == "\n":
            return True
        j -= 1
    return j < 0


@dataclass
class Window:
    """One model input: token ids, shapes and character offsets into the source text."""

    doc_index: int
    input_ids: list[int]
    shape_ids: list[int]
    offsets: list[tuple[int, int]]


def _window(doc: int, text: str, ids: list[int], offsets: list[tuple[int, int]]) -> Window:
    return Window(doc, ids, [piece_shape(text, a, b) for a, b in offsets], offsets)


def load_tokenizer(model_dir: str | Path) -> Tokenizer:
    """The fast tokenizer of a model directory (``tokenizer.json``), with no padding or truncation, which the
    windowings rely on and never change (so that threads may share it: reconfiguring a tokenizer while another
    thread encodes with it fails with 'Already borrowed')."""
    path = Path(model_dir) / "tokenizer.json"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: eventex needs a fast (tokenizers) tokenizer file")
    tok = Tokenizer.from_file(str(path))
    tok.no_padding()
    tok.no_truncation()
    return tok


PUNCT_RUN = 16
"""Pieces of a longer run of pieces made only of punctuation or symbols that the model reads: the run's first
and last ``PUNCT_RUN // 2`` (such a run holds no entity, and the corpus's longest has 3 pieces)."""


def _special_tokens(tokenizer: Tokenizer) -> tuple[list[int], list[int]]:
    """The ids the tokenizer puts before and after a single text."""
    specials = tokenizer.encode("").ids
    return specials[:1], specials[1:]


def _pieces(text: str, enc) -> tuple[list[int], list[tuple[int, int]]]:
    """Ids and char offsets of an encoding's pieces, without the middle of long punctuation runs (see
    :data:`PUNCT_RUN`)."""
    ids, offs = list(enc.ids), [tuple(o) for o in enc.offsets]
    symbol = [not any(c.isalnum() for c in text[a:b]) for a, b in offs]
    keep, j, n, half = [], 0, len(offs), PUNCT_RUN // 2
    while j < n:
        k = j
        while k < n and symbol[k]:
            k += 1
        if k - j > PUNCT_RUN:
            keep += [*range(j, j + half), *range(k - half, k)]
        else:
            keep += range(j, k)
        if k < n:
            keep.append(k)
        j = k + 1
    if len(keep) == n:
        return ids, offs
    return [ids[k] for k in keep], [offs[k] for k in keep]


def windows(tokenizer: Tokenizer, texts: list[str], max_length: int = 256, stride: int = 64) -> list[Window]:
    """Overlapping windows over whole texts, each sharing ``stride`` pieces with the previous one, with exact
    char offsets per piece (nothing dropped but the middle of long punctuation runs, see :data:`PUNCT_RUN`).
    ``tokenizer`` as :func:`load_tokenizer` gives it."""
    head, tail = _special_tokens(tokenizer)
    cap = max_length - len(head) - len(tail)
    if cap <= stride:
        raise ValueError(f"max_length {max_length} leaves no room for a stride of {stride}")
    out = []
    for doc, enc in enumerate(tokenizer.encode_batch(texts, add_special_tokens=False)):
        text = texts[doc]
        ids, offs = _pieces(text, enc)
        start = 0
        while True:
            end = min(start + cap, len(ids))
            piece_offsets = [(0, 0)] * len(head) + offs[start:end] + [(0, 0)] * len(tail)
            out.append(_window(doc, text, head + ids[start:end] + tail, piece_offsets))
            if end == len(ids):
                break
            start = end - stride
    return out


SENTENCE_END = frozenset(".!?")


def sentence_windows(tokenizer: Tokenizer, texts: list[str], max_length: int = 256, stride: int = 64) -> list[Window]:
    """Windows of whole sentences packed up to ``max_length`` pieces, for inference.

    A sentence ends after '.', '!' or '?' followed by space and a word that is not lower-case, or at a line
    break. Windows do not overlap, except that a sentence longer than a window is read in windows sharing
    ``stride`` pieces (nothing is dropped). The special tokens are those the tokenizer adds to a single text.
    """
    head, tail = _special_tokens(tokenizer)
    cap = max_length - len(head) - len(tail)
    if cap <= stride:
        raise ValueError(f"max_length {max_length} leaves no room for a stride of {stride}")
    out = []
    for doc, enc in enumerate(tokenizer.encode_batch(texts, add_special_tokens=False)):
        text = texts[doc]
        ids, offs = _pieces(text, enc)
        n = len(offs)
        cuts = [
            j + 1 for j in range(n - 1)
            if "\n" in text[offs[j][1] : offs[j + 1][0]]
            or (text[offs[j][0] : offs[j][1]] in SENTENCE_END and offs[j][1] < offs[j + 1][0]
                and not text[offs[j + 1][0]].islower())
        ] + [n]
        cut_set = set(cuts)
        start, k = 0, 0
        while start < n:
            end = start
            while k < len(cuts) and cuts[k] - start <= cap:
                end, k = cuts[k], k + 1
            if end == start:  # a sentence longer than the window
                end = min(start + cap, n)
            piece_offsets = [(0, 0)] * len(head) + offs[start:end] + [(0, 0)] * len(tail)
            out.append(_window(doc, text, head + ids[start:end] + tail, piece_offsets))
            start = end if end in cut_set else end - stride  # inside a long sentence: overlap the next window
            while k < len(cuts) and cuts[k] <= start:
                k += 1
    return out


def pad_batch(batch: list[Window], pad_id: int = 0) -> dict[str, np.ndarray]:
    """Arrays (int64) input_ids, attention_mask, shape_ids padded to the longest window."""
    n = max(len(w.input_ids) for w in batch)
    ids = np.full((len(batch), n), pad_id, dtype=np.int64)
    mask = np.zeros((len(batch), n), dtype=np.int64)
    shapes = np.zeros((len(batch), n), dtype=np.int64)
    for r, w in enumerate(batch):
        k = len(w.input_ids)
        ids[r, :k] = w.input_ids
        mask[r, :k] = 1
        shapes[r, :k] = w.shape_ids
    return {"input_ids": ids, "attention_mask": mask, "shape_ids": shapes}
