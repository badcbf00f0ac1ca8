"""Energy companies by description: an organisation whose name has no energy word ('Harbin', 'Tamsin') may be
described as one in an apposition on one of its mentions ('X, a mid-sized Canadian crude explorer,')."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from eventex.linking.context import Candidate, LinkContext
from eventex.linking.rules import Rules


def described_energy_firm(cand: Candidate, ctx: LinkContext, rules: Rules, earlier: Sequence[Candidate]) -> None:
    """Mark ``cand`` when its investor (an organisation) has a mention with an apposition that calls it an energy
    company (a firm noun, linking.toml firm_nouns, with an energy word, triggers.toml energy_description_words), or
    invested in a named energy asset earlier in the article ('Reliance won an oil block in Oman. … is looking to
    expand its overseas ventures in Yemen')."""
    investor = cand.first("investor")
    if cand.type != "energy_investment" or investor is None or investor.label != "ORG":
        return
    if ctx.energy_firms is None:  # once per document
        words = rules.lexicons[cand.type].energy_description_words
        ctx.energy_firms = frozenset(
            m.entity.canonical or m.entity.text for m in ctx.mentions if m.entity.label == "ORG"
            and any(_energy_description(d, rules.words.firm_nouns, words) for d in _descriptions(m.root))
        )
    for c in earlier[ctx.asset_investors_read :]:  # (each accepted candidate read once: linear in the article)
        if c.type == "energy_investment" and c.fillers.get("asset") and (f := c.first("investor")) is not None:
            ctx.asset_investors.add(f.canonical or f.text)
    ctx.asset_investors_read = len(earlier)
    name = investor.canonical or investor.text
    cand.described_energy_firm = name in ctx.energy_firms or name in ctx.asset_investors


def _descriptions(root: Token) -> list[Token]:
    """The appositions on a name ('Harbin, a driller …'), or the noun a name stands in apposition to ('the
    Canadian gas explorer, Tamboran,')."""
    return [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])


def _energy_description(noun: Token, firm_nouns: frozenset[str], words: frozenset[str]) -> bool:
    """Whether an apposition is a firm noun with an energy word before it ('offshore crude explorer')."""
    if noun.lemma_.lower() not in firm_nouns and noun.lower_ not in firm_nouns:
        return False
    return any(t.lower_ in words for t in noun.doc[noun.left_edge.i : noun.i])
