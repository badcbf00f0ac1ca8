"""Members of a group named by its 'of' phrase: 'a consortium of Total and Petronas Carigali' names two investors.

The parser often misreads a list of firm names ('BP' taken as a modifier of 'Energy' rather than a conjunct of
'Kosmos Energy', or the last name hung on the group noun), so the members are every mention of the agent's label
inside the 'of' (or 'including') phrase of a group noun (``[groups]`` in linking.toml) or in a name coordinated with
that noun, not only the conjuncts of the phrase's object.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventex.linking.context import LinkContext
from eventex.linking.rules import Words

NAME_DEPS = frozenset({"conj", "compound", "nmod", "appos"})
"""Relations climbed from a member's token to the object of the group's preposition."""


def group_members(agent: Token, ctx: LinkContext, words: Words) -> list[Token]:
    """The tokens of the other mentions of the agent's label in the group phrase the agent is named in ('a
    consortium of A and B', with the agent A or B); none when the agent names no member of a group."""
    t = agent
    while t.dep_ in NAME_DEPS and t.head.i != t.i:
        t = t.head
    prep = t.head
    if t.dep_ != "pobj" or prep.lower_ not in words.group_prepositions:
        return []
    if prep.head.lemma_.lower() not in words.group_nouns:
        return []
    own = ctx.by_token.get(agent.i)
    if own is None:
        return []
    # the parser may hang the list's last name on the group noun itself ('consortium … and Vaalco Energy')
    names = [c for c in prep.head.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > prep.i]
    return [tok for top in (prep, *names) for tok in top.subtree
            if (e := ctx.by_token.get(tok.i)) is not None and e is not own and e.label == own.label]
