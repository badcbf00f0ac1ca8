"""The copy of a piece of text that the parser reads: without its parenthesised acronyms, with typographic
apostrophes made plain, and with the common words of a Title Case headline in lower case; its parse is then put back
on the text's own tokens.

- The small English parser loses the structure of lists whose names carry acronyms ('with the African Development
  Bank (AfDB), Export Development Canada (EDC) and …' parses 'Canada' as an apposition of the sentence's subject);
  without the asides it reads the list as one. Each aside is put back as an apposition of the name it follows.
- It learnt English from straight apostrophes: 'doesn’t', 'they’ll' or 'Russia’s' with a typographic one are
  tagged and lemmatised less well ('n’t' as a noun, '’ll' not as 'will').
- It reads a headline in Title Case as a run of names ('Egypt Signs Deal For 30 More Rafale Jets' has no verb); with
  its function words and event words (the trigger lexicon's) in lower case it reads a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy
from spacy.attrs import NORM, ORTH, SENT_START
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from eventex.resources import read_toml

_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&.\-]{1,9}")
"""An acronym or designation: a capital, then up to nine letters, digits, '&', '.' or '-' ('AfDB', 'KEXIM', 'S&P')."""


_JOINING = frozenset({"conj", "cc"})
"""Relations that join what follows an aside to a word before it."""


_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'"})
"""Typographic apostrophes and single quotes, as the parser learnt them."""


HEADLINE_WORDS = (4, 24)
"""How many words a Title Case line has (at least, at most) to be read as a headline."""
_ENDINGS = (("ies", "y"), ("ing", ""), ("ing", "e"), ("es", ""), ("ed", ""), ("ed", "e"), ("s", ""), ("d", ""))
"""Inflectional endings and what replaces them in the base form ('Recognises' → 'recognise', 'Arrives' → 'arrive')."""


@cache
def _event_words() -> frozenset[str]:
    """The words of the trigger lexicon (every type's verbs, nouns and the words of its phrases)."""
    words: set[str] = set()
    for spec in read_toml("triggers.toml").values():
        for key in ("verbs", "nouns", "phrases"):
            words.update(w for phrase in spec.get(key, {}) for w in phrase.split())
    return frozenset(words)


def _common(word: str) -> bool:
    """Whether a capitalised word is a function word or (an inflection of) a word of the trigger lexicon."""
    low = word.lower()
    if low in STOP_WORDS:
        return True
    events = _event_words()
    return low in events or any(
        low.endswith(end) and low[: len(low) - len(end)] + base in events for end, base in _ENDINGS)


def _headline_words(doc: Doc) -> set[int]:
    """The tokens to read in lower case: the capitalised common words (:func:`_common`) of each line whose words of
    four letters or more are nearly all capitalised and that does not end with a full stop (a Title Case headline)."""
    out: set[int] = set()
    line: list[Token] = []
    for tok in (*doc, None):
        if tok is not None and not (tok.is_space and "\n" in tok.text):
            line.append(tok)
            if "\n" not in tok.whitespace_:
                continue
        words = [t for t in line if t.is_alpha]
        long = [t for t in words if len(t) >= 4]
        if HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1] and long and line[-1].text != "." and sum(
                t.text[0].isupper() for t in long) >= 0.8 * len(long) and any(t.is_title for t in long):
            out.update(t.i for t in words[1:] if t.is_title and _common(t.text))
        line = []
    return out


@dataclass(frozen=True)
class ParseCopy:
    """A tokenized doc, the copy the parser reads (``reduced``) and where each kept token is."""

    doc: Doc
    reduced: Doc
    kept: list[int]
    """Index in ``doc`` of each token of ``reduced``."""
    opens: list[int]
    """Index in ``doc`` of each aside's '('; the acronym and ')' follow it."""


def _is_aside(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` opens '(ACRONYM)' right after a capitalised word."""
    if not 0 < i < len(doc) - 2 or doc[i].text != "(" or doc[i + 2].text != ")":
        return False
    before, inner = doc[i - 1], doc[i + 1].text
    return (
        before.is_alpha and before.text[0].isupper() and _ACRONYM.fullmatch(inner) is not None
        and sum(c.isupper() for c in inner) >= 2
    )


def parse_copy(doc: Doc) -> ParseCopy | None:
    """``doc`` with its '(ACRONYM)' asides cut out, its apostrophes plain and its headlines' common words in lower
    case, or None when it has none of them."""
    text = doc.text
    brackets = numpy.flatnonzero(doc.to_array(ORTH) == doc.vocab.strings["("]) if "(" in text else ()
    opens = [int(i) for i in brackets if _is_aside(doc, int(i))]
    lowered = _headline_words(doc)
    if not opens and not lowered and "\u2019" not in text and "\u2018" not in text:
        return None
    dropped = {i + k for i in opens for k in range(3)}
    kept = [i for i in range(len(doc)) if i not in dropped]
    spaces = [bool(doc[i].whitespace_) for i in kept]
    for n, i in enumerate(kept):
        if i + 1 in dropped:  # the word before the aside takes the space after ')'
            spaces[n] = bool(doc[i + 3].whitespace_)
    words = [doc[i].text.lower() if i in lowered else doc[i].text.translate(_PLAIN) for i in kept]
    reduced = Doc(doc.vocab, words=words, spaces=spaces)
    cols = doc.to_array([NORM, SENT_START])[kept]
    reduced.from_array([NORM, SENT_START], cols.astype("uint64"))
    return ParseCopy(doc, reduced, kept, opens)


def _anchor(tok: Token) -> Token:
    """The name an aside after ``tok`` stands for: ``tok``'s phrase, or the head of its 'of' phrase ('Export-Import
    Bank of Korea (KEXIM)' names the bank)."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("PROPN", "NOUN"):
        return tok.head.head
    return tok


def restored(copy: ParseCopy, parsed: Doc) -> Doc:
    """The whole doc with the annotations of ``parsed`` (the parsed copy) on its kept tokens, each acronym an
    apposition of the name before it and its brackets punctuation on it."""
    doc, kept = copy.doc, copy.kept
    at = {i: n for n, i in enumerate(kept)}
    tags, pos, morphs, lemmas, deps = ([""] * len(doc) for _ in range(5))
    heads = list(range(len(doc)))
    for n, i in enumerate(kept):
        tok = parsed[n]
        tags[i], pos[i], morphs[i], lemmas[i], deps[i] = tok.tag_, tok.pos_, str(tok.morph), tok.lemma_, tok.dep_
        heads[i] = kept[tok.head.i]
    parse_heads = heads.copy()
    for i in copy.opens:
        before = parsed[at[i - 1]]
        acronym, anchor = i + 1, _anchor(before)
        name = range(kept[anchor.left_edge.i], i)
        for n in range(before.i + 1, before.sent.end):  # the aside closes the name: 'X of Kenya (NOCK) and Y' joins
            j = kept[n]  # Y to X (only within the sentence: linear in the text)
            if deps[j] in _JOINING and heads[j] in name and heads[j] != kept[anchor.i]:
                heads[j] = kept[anchor.i]
        tags[acronym], pos[acronym], morphs[acronym] = "NNP", "PROPN", "Number=Sing"
        lemmas[acronym], deps[acronym], heads[acronym] = doc[acronym].text, "appos", kept[anchor.i]
        for bracket in (i, i + 2):
            tags[bracket] = "-LRB-" if bracket == i else "-RRB-"
            pos[bracket], lemmas[bracket], deps[bracket], heads[bracket] = "PUNCT", doc[bracket].text, "punct", acronym
    if not _acyclic(heads):  # a joined word that was above the name: keep the parser's attachments
        heads = [parse_heads[k] if k in at else heads[k] for k in range(len(doc))]
    whole = Doc(
        doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc], tags=tags, pos=pos,
        morphs=morphs, lemmas=lemmas, heads=heads, deps=deps,
    )
    whole.from_array([NORM], doc.to_array([NORM]).reshape(-1, 1))
    if parsed.tensor.size:  # pieces joined by Doc.from_docs need tensors of one width (an aside's row stays zero)
        tensor = numpy.zeros((len(doc), parsed.tensor.shape[1]), dtype=parsed.tensor.dtype)
        tensor[kept] = parsed.tensor
        whole.tensor = tensor
    whole.ents = [Span(whole, kept[e.start], kept[e.end - 1] + 1, label=e.label_) for e in parsed.ents]
    return whole


def _acyclic(heads: list[int]) -> bool:
    """Whether following heads from every token ends at a root (a token that is its own head); linear."""
    state = [0] * len(heads)  # 0 unseen, 1 on the current walk, 2 known to reach a root
    for start in range(len(heads)):
        walk = []
        k = start
        while state[k] == 0 and heads[k] != k:
            state[k] = 1
            walk.append(k)
            k = heads[k]
        if state[k] == 1:
            return False
        for w in walk:
            state[w] = 2
        state[k] = 2
    return True
