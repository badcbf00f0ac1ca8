"""A firm the text names by a definite description of its state ('Malaysia's national oil and gas company', 'the
Qatari state energy firm') as the subject of an investment or a sale: the one firm of that state the article names
elsewhere."""

from __future__ import annotations

from spacy.tokens import Token

from eventex.linking.context import STATE_LABELS, Candidate, LinkContext, home_of
from eventex.schema import Entity

DESCRIBED_ROLES = {"energy_investment": "investor", "arms_sale": "seller"}
"""Event type -> the agent role a described firm fills."""

CLIMB = 4
"""Most steps up from the trigger to the verb whose subject is the description ('… company has expanded its
portfolio … by signing new contracts')."""


def described_firm(cand: Candidate, ctx: LinkContext, firm_nouns: frozenset[str]) -> None:
    """Fill the agent of an investment or sale whose subject is a singular firm noun owned by a state ("Malaysia's",
    'the Malaysian') with the one firm of that state the document names; a state the parser took for the agent
    from the description's possessive gives way to it."""
    role = DESCRIBED_ROLES.get(cand.type)
    if role is None:
        return
    current = cand.first(role)
    if current is not None and (current.label not in STATE_LABELS or current.implicit):
        return
    noun = _subject(cand.trigger_token, ctx)
    if noun is None or noun.lemma_.lower() not in firm_nouns or noun.tag_ != "NN":
        return
    owner = _owner(noun, ctx)
    if owner is None or (current is not None and home_of(current) != {owner}):
        return
    firm = _only_firm(owner, ctx)
    if firm is not None:
        cand.fillers[role] = [firm.model_copy(update={"implicit": True})]


def _subject(trig: Token, ctx: LinkContext) -> Token | None:
    """The nominal subject of the trigger or of a verb up to :data:`CLIMB` steps above it that names no entity."""
    tok = trig
    for _ in range(CLIMB):
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj if subj.i not in ctx.by_token and subj.pos_ == "NOUN" else None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _owner(noun: Token, ctx: LinkContext) -> str | None:
    """The state a definite firm description belongs to: its possessive state ("Malaysia's …") or, after 'the', a
    state adjective ('the Malaysian …')."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    for c in noun.children:
        e = ctx.by_token.get(c.i)
        if e is None or e.label not in STATE_LABELS or not e.id:
            continue
        if c.dep_ == "poss" or (definite and c.dep_ in ("amod", "compound", "nmod")):
            return e.id
    return None


def _only_firm(owner: str, ctx: LinkContext) -> Entity | None:
    """The document's one firm of state ``owner`` (its first mention), or None when it names none or several."""
    firms = ctx.firms_by_state.get(owner, [])
    return firms[0] if len(firms) == 1 else None
