"""Walks over the dependency tree: paths in the notation of ``roles.toml``, tree distances, clause chains."""

from __future__ import annotations

from spacy.tokens import Token

TRANSPARENT = {"conj", "appos", "cc"}


def _step_down(tok: Token) -> str:
    if tok.dep_ == "prep":
        return f"prep:{tok.lower_}"
    return tok.dep_


def _effective(tok: Token) -> Token:
    """Climb out of conjunct/apposition chains: a list member shares its first member's relation."""
    while tok.dep_ in TRANSPARENT and tok.head.i != tok.i:
        tok = tok.head
    return tok


def dep_path(trigger: Token, target: Token, max_len: int = 8) -> str | None:
    """The path from ``trigger`` to ``target`` ('^dep' up, 'dep' down), or None if too long or crossing sentences."""
    if trigger.sent.start != target.sent.start:
        return None
    up_chain = [trigger]
    while up_chain[-1].head.i != up_chain[-1].i:
        up_chain.append(up_chain[-1].head)
    index = {t.i: k for k, t in enumerate(up_chain)}
    down: list[str] = []
    t = _effective(target)
    while t.i not in index:
        down.append(_step_down(t))
        nxt = t.head
        if nxt.i == t.i:
            return None
        t = _effective(nxt) if nxt.i not in index else nxt
    up = [f"^{u.dep_}" for u in up_chain[: index[t.i]] if u.dep_ not in TRANSPARENT or u.i == trigger.i]
    steps = up + list(reversed(down))
    if len(steps) > max_len:
        return None
    return ">".join(steps)


def tree_distance(a: Token, b: Token) -> int:
    """Number of edges between two tokens of one sentence."""
    ancestors = {a.i: 0}
    k = 0
    t = a
    while t.head.i != t.i:
        t = t.head
        k += 1
        ancestors[t.i] = k
    d = 0
    t = b
    while t.i not in ancestors:
        if t.head.i == t.i:
            return 99
        t = t.head
        d += 1
    return d + ancestors[t.i]


def clause_chain(tok: Token, limit: int = 10) -> list[Token]:
    """``tok`` and its heads up to the first verb with a subject of its own (the clause that states it)."""
    chain = [tok]
    while len(chain) < limit and tok.dep_ != "ROOT":
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            break
        tok = tok.head
        chain.append(tok)
    return chain
