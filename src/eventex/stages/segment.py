"""Bounded input for spaCy: tokenizing and cutting text so that parse time grows linearly with any input.

spaCy's tokenizer is quadratic in the length of a whitespace-free run (a thousand brackets, quotes or emoji
in a row), and one 'sentence' of thousands of tokens makes every later per-sentence step slow. So a run longer
than :data:`MAX_RUN` characters is tokenized by a linear rule (:func:`run_words`), and a stretch of more than
:data:`MAX_STRETCH` tokens without a sentence end is parsed in pieces cut at the best boundary there (split,
don't drop). Prose has neither (the corpus's longest run is under 30 characters, its longest sentence under
:data:`MAX_STRETCH` tokens), so its tokens and parse are unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from spacy.attrs import IDX, LENGTH, NORM, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventex.ner.datelines import colon_dateline, dateline
from eventex.wrapping import CLOSING_QUOTES, SENTENCE_END, WRAP_WIDTH

MAX_RUN = 50
"""Longest whitespace-free run spaCy's tokenizer reads; longer ones are tokenized by :func:`run_words`."""
MAX_STRETCH = 200
"""Most tokens the parser reads without a sentence end; a longer stretch is parsed in pieces of at most this."""
CLAUSE_END = frozenset({",", ";", ":", "-", "–", "—"})
"""Tokens after which a piece of an over-long stretch is preferably cut."""

_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_RUN_TOKEN = re.compile(r"\w+|\W+")


def run_words(run: str) -> list[str]:
    """The tokens of a long whitespace-free run: each maximal stretch of word characters or of other characters."""
    return _RUN_TOKEN.findall(run)


def make_doc(nlp: Language, text: str) -> Doc:
    """``text`` tokenized (no annotations): by spaCy's tokenizer, except runs over :data:`MAX_RUN` characters."""
    runs = list(_LONG_RUN.finditer(text))
    if not runs:
        return nlp.make_doc(text)
    docs: list[Doc] = []
    pos = 0
    for m in runs:
        a, b = m.span()
        if a > pos:
            docs.append(nlp.make_doc(text[pos:a]))
        words = run_words(m.group())
        spaces = [False] * len(words)
        if text.startswith(" ", b):  # a single space after the run belongs to its last token, as spaCy does
            spaces[-1] = True
            b += 1
        docs.append(Doc(nlp.vocab, words=words, spaces=spaces))
        pos = b
    if pos < len(text):
        docs.append(nlp.make_doc(text[pos:]))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    starts = np.zeros((len(doc), 1), dtype="uint64")  # from_docs starts a sentence at each part: leave it to the parser
    starts[0] = 1
    doc.from_array([SENT_START], starts)
    return doc


def paragraph_starts(doc: Doc) -> Doc:
    """``doc`` with a sentence start set after every blank line, which the parser keeps: no sentence runs from one
    paragraph into the next (a question heading the lede: 'When can a state withdraw it?' + 'X, a lawyer, says …';
    a headline with no full stop + the dateline and lede: 'Envoy to tour A, B' + 'CITY - The envoy will …'); and
    after a heading line over a single line break when the next line opens with a capital (:func:`heading`), or
    after a line too long to be a hard wrap (:data:`~eventex.wrapping.WRAP_WIDTH`: a paragraph whose last sentence
    has no full stop, '… would legally entail' + 'Energy giants A and B have withdrawn …'); and
    after a dateline, so that the lede parses on its own ('NAIROBI, May 3 (Agency) -' + 'The minister held …';
    'Kathmandu, 15 April:' + 'At the invitation of …')."""
    line_start = 0
    text = doc.text  # built once: Doc.text joins every token on each call
    for tok in doc:
        if tok.i == line_start:
            _dateline_start(doc, text, tok)
        if tok.is_space and "\n" in tok.text and 0 < tok.i < len(doc) - 1 and (
            "\n\n" in tok.text or (doc[tok.i + 1].text[:1].isupper() and (
                heading(doc[line_start : tok.i]) or tok.idx - doc[line_start].idx > WRAP_WIDTH))
        ):
            doc[tok.i + 1].is_sent_start = True
        if tok.is_space and "\n" in tok.text:
            line_start = tok.i + 1
    return doc


def no_mid_clause_starts(doc: Doc) -> Doc:
    """``doc`` with no sentence start allowed right after a word or number (only after a sentence end, a quote, a
    bracket, other punctuation or a line break), which the parser keeps: a model designation ('2,183 AGM-114R
    Hellfire missiles') is no sentence end."""
    if len(doc) < 2:
        return doc
    text = doc.text
    cols = doc.to_array([SENT_START, IDX, LENGTH]).astype("int64")
    ends = cols[:-1, 1] + cols[:-1, 2]  # one past each token's last character (the token before each start)
    after_word = np.fromiter((text[e - 1].isalnum() for e in ends.tolist()), dtype=bool, count=len(ends))
    starts = cols[:, 0]
    starts[1:][after_word & (starts[1:] != 1)] = -1
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
    return doc


def _dateline_start(doc: Doc, text: str, first: Token) -> None:
    """Start a sentence at the first word after a dateline that opens the line starting at ``first`` (``text`` is
    the doc's text)."""
    m = dateline().match(text, first.idx) or colon_dateline().match(text, first.idx)
    if m is None:
        return
    after = next((t for t in doc[first.i :] if t.idx >= m.end()), None)
    if after is not None and not after.is_space:
        after.is_sent_start = True


HEADING_WORDS = 15
"""Most words of a heading line: a line this short with no sentence end, on a line of its own, is a sentence."""


def heading(line: Doc | Span) -> bool:
    """Whether a line is a heading: a headline or section title over a single line break ('One more state drops
    Ruritania - ministry reports' + 'The island state of …'), short and ending in no sentence end or closing quote."""
    words = [t for t in line if not t.is_space and not t.is_punct]
    last = next((t for t in reversed(line) if not t.is_space), None)
    return 0 < len(words) <= HEADING_WORDS and last is not None and last.text not in SENTENCE_END | CLOSING_QUOTES


def _ends_sentence(tok: Token) -> bool:
    return tok.text in SENTENCE_END or (tok.is_space and "\n" in tok.text)


def _cut_rank(tok: Token) -> int:
    """How good a cut right after ``tok`` is (lower is better)."""
    if tok.text in CLAUSE_END:
        return 0
    return 1 if tok.whitespace_ or tok.is_space else 2


def split_long(doc: Doc, start: int, end: int, size: int = MAX_STRETCH) -> list[tuple[int, int]]:
    """``doc[start:end]`` in consecutive pieces of at most ``size`` tokens, each cut at the best boundary in
    the second half of its room (after a comma or dash, else after white space, else anywhere)."""
    out = []
    while end - start > size:
        lo, hi = start + size // 2, start + size
        cut = min(range(hi, lo, -1), key=lambda j: _cut_rank(doc[j - 1]))  # the last of the best
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def bounded(doc: Doc, ends: Iterable[int], size: int = MAX_STRETCH) -> list[tuple[int, int]]:
    """Token ranges covering ``doc``: the whole doc, except that every stretch between two consecutive ``ends``
    (sentence ends, increasing) longer than ``size`` tokens is cut out and split by :func:`split_long`."""
    pieces: list[tuple[int, int]] = []
    piece_start = stretch = 0
    n = len(doc)
    for end in (*ends, n):
        if end - stretch > size:
            if stretch > piece_start:
                pieces.append((piece_start, stretch))
            pieces += split_long(doc, stretch, end, size)
            piece_start = end
        stretch = max(stretch, end)
    if piece_start < n or not pieces:
        pieces.append((piece_start, n))
    return pieces


def parse_pieces(doc: Doc, size: int = MAX_STRETCH) -> list[tuple[int, int]]:
    """Token ranges of a tokenized doc that the parser reads one at a time (see :func:`bounded`), cut only
    where a stretch without a sentence end is longer than ``size`` tokens."""
    return bounded(doc, (t.i + 1 for t in doc if _ends_sentence(t)), size)


def reparse_pieces(doc: Doc, size: int = MAX_STRETCH) -> list[tuple[int, int]] | None:
    """When the parser made a sentence longer than ``size`` tokens (it may ignore a sentence end): token ranges
    of at most ``size`` tokens in which to parse ``doc`` again (whole sentences packed together, the long ones
    split by :func:`split_long`); else None."""
    sents = [(s.start, s.end) for s in doc.sents]
    if all(b - a <= size for a, b in sents):
        return None
    out: list[tuple[int, int]] = []
    for a, b in sents:
        if b - a > size:
            out += split_long(doc, a, b, size)
        elif out and b - out[-1][0] <= size:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


TOKEN_ATTRS = (LENGTH, SPACY, NORM)
"""What tokenizing sets on a Doc (besides the words): enough to parse a piece afresh."""


def token_docs(doc: Doc, ranges: list[tuple[int, int]]) -> list[Doc]:
    """New Docs of ``doc``'s tokens in each range, without annotations."""
    array = doc.to_array(TOKEN_ATTRS)
    return [doc[a:b].as_doc(array_head=TOKEN_ATTRS, array=array) for a, b in ranges]
