"""spaCy's attribute ruler, applied by table lookup: the same attributes on every token, in a fraction of the time.

en_core_web_sm's ``attribute_ruler`` (tag → POS and morphology, a few lemma and POS exceptions) runs a generic
Matcher of about 180 patterns over every token: a third of the parse's CPU time. Its patterns test only TAG,
LOWER, DEP and IS_SPACE, so the patterns a token matches depend only on those four values: they are looked up
once per distinct combination and cached. Multi-token patterns are checked where their first token matches.
Matches are applied as spaCy applies them: in pattern order, later patterns overriding earlier ones.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
"""The token attributes a pattern may test (in the order of a token's key)."""
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]
_PREDICATES = frozenset({"IN", "NOT_IN", "REGEX"})


def _supported(spec: dict[str, Any]) -> bool:
    for attr, value in spec.items():
        if attr not in KEYS:
            return False
        if isinstance(value, dict) and (len(value) != 1 or not set(value) <= _PREDICATES):
            return False
        if attr == "IS_SPACE" and not isinstance(value, bool):
            return False
    return True


def _compile(spec: dict[str, Any]) -> tuple[tuple[int, str, Any], ...]:
    """(position in the key, predicate, value) for each test of a token pattern."""
    tests = []
    for attr, value in spec.items():
        k = KEYS.index(attr)
        if isinstance(value, dict):
            (op, arg), = value.items()
            tests.append((k, op, re.compile(arg) if op == "REGEX" else frozenset(arg)))
        else:
            tests.append((k, "==", value))
    return tuple(tests)


def _matches(tests: tuple[tuple[int, str, Any], ...], values: tuple[Any, ...]) -> bool:
    for k, op, arg in tests:
        v = values[k]
        if op == "==":
            ok = v == arg
        elif op == "IN":
            ok = v in arg
        elif op == "NOT_IN":
            ok = v not in arg
        else:
            ok = arg.search(v) is not None
        if not ok:
            return False
    return True


class AttributeRules:
    """A drop-in for an :class:`~spacy.pipeline.AttributeRuler` whose patterns test only :data:`KEYS` (see
    :func:`fast_attribute_rules`)."""

    def __init__(self) -> None:
        self.attrs: list[dict] = []
        self.indices: list[int] = []
        self.patterns: list[tuple[int, list[tuple[tuple[int, str, Any], ...]]]] = []
        self._cache: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[tuple[int, int], ...], dict]] = {}
        # each token pattern (pattern, position, tests) by its LOWER test: for one value (== or IN), none, other
        self._by_lower: dict[str, list[tuple[int, int, tuple]]] = {}
        self._lowerless: list[tuple[int, int, tuple]] = []
        self._other: list[tuple[int, int, tuple]] = []
        self._lowerless_hits: dict[tuple[int, ...], list[tuple[int, int]]] = {}  # by (TAG, DEP, IS_SPACE)

    def take(self, ruler: AttributeRuler) -> None:
        """Apply ``ruler``'s patterns (compiled; a pattern's attr_id is its place in ``ruler.patterns``, the order
        in which spaCy applies matches)."""
        self.attrs, self.indices = ruler.attrs, ruler.indices
        self.patterns = [
            (attr_id, [_compile(spec) for spec in pattern])
            for attr_id, p in enumerate(ruler.patterns) for pattern in p["patterns"]
        ]
        self._by_lower, self._lowerless, self._other = {}, [], []
        lower = KEYS.index("LOWER")
        for p, (_, tokens) in enumerate(self.patterns):
            for j, tests in enumerate(tokens):
                test = next((t for t in tests if t[0] == lower), None)
                if test is None:
                    self._lowerless.append((p, j, tests))
                elif test[1] in ("==", "IN"):
                    for value in [test[2]] if test[1] == "==" else test[2]:
                        self._by_lower.setdefault(value, []).append((p, j, tests))
                else:
                    self._other.append((p, j, tests))
        self._cache.clear()
        self._lowerless_hits.clear()

    def _lookup(self, doc: Doc, key: tuple[int, ...]):
        """For a token key: the attr_ids of its one-token matches, the (pattern, position) pairs it matches within
        multi-token patterns, and the merged attributes of its one-token matches."""
        s = doc.vocab.strings
        values = (s[key[0]], s[key[1]], s[key[2]], bool(key[3]))
        base = (key[0], key[2], key[3])
        if (plain := self._lowerless_hits.get(base)) is None:  # what does not test LOWER depends on the rest only
            plain = self._lowerless_hits[base] = [(p, j) for p, j, tests in self._lowerless if _matches(tests, values)]
        rest = [*self._by_lower.get(values[1], ()), *self._other]
        single, parts = [], []
        for p, j in sorted([*plain, *((p, j) for p, j, tests in rest if _matches(tests, values))]):
            attr_id, tokens = self.patterns[p]
            if len(tokens) == 1:
                single.append(attr_id)
            else:
                parts.append((p, j))
        merged: dict = {}
        for attr_id in single:
            merged.update(self.attrs[attr_id])
        out = (tuple(single), tuple(parts), merged)
        self._cache[key] = out
        return out

    def __call__(self, doc: Doc) -> Doc:
        keys = [tuple(row) for row in doc.to_array(_ARRAY).tolist()]
        found = [self._cache.get(k) or self._lookup(doc, k) for k in keys]
        extra: dict[int, list[int]] = {}
        n = len(doc)
        for start, (_, parts, _) in enumerate(found):
            for p, j in parts:  # usually none
                if j != 0:
                    continue
                attr_id, tokens = self.patterns[p]
                end = start + len(tokens)
                if end <= n and all((p, k) in found[start + k][1] for k in range(1, len(tokens))):
                    target = range(start, end)[self.indices[attr_id]]
                    extra.setdefault(target, []).append(attr_id)
        for i, (single, _, merged) in enumerate(found):
            if i in extra:
                merged = {}
                for attr_id in sorted([*single, *extra[i]]):
                    merged.update(self.attrs[attr_id])
            if merged:
                set_token_attrs(doc[i], merged)
        return doc


@Language.factory("eventex_attribute_rules")
def _make(nlp: Language, name: str) -> AttributeRules:
    """An empty :class:`AttributeRules` (spaCy's factory signature); :func:`fast_attribute_rules` fills it."""
    return AttributeRules()


def fast_attribute_rules(nlp: Language) -> None:
    """Replace ``nlp``'s attribute ruler by :class:`AttributeRules` when all its patterns test only
    :data:`KEYS` in the ways it handles (equality, IN, NOT_IN, REGEX); else leave it."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not all(_supported(spec) for p in ruler.patterns for pattern in p["patterns"] for spec in pattern):
        return
    nlp.replace_pipe("attribute_ruler", "eventex_attribute_rules").take(ruler)
