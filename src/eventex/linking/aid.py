"""Arms given as aid: weapons sent or provided in a story of military aid are a gift, not a sale.

The guidelines make aid and donations with no transfer named as a sale a hard negative. A transfer stated by a verb
of giving ('will be sent to', 'will provide') whose sentence, or the sentence before it, names aid ('the new aid
will include …', 'a security assistance package', 'a drawdown') is such a gift; verbs of trade ('sell', 'buy',
'deliver', 'contract') keep their event.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from eventex.linking.context import Candidate, LinkContext
from eventex.linking.rules import Rules


def given_as_aid(cand: Candidate, ctx: LinkContext, rules: Rules) -> bool:
    """Whether an arms transfer is a gift within aid: a giving verb, with an aid noun in its sentence or the one
    before it."""
    words = rules.words
    if cand.type != "arms_sale" or cand.trigger_token.lemma_.lower() not in words.giving_verbs:
        return False
    sentence = cand.sentence
    return _names_aid(sentence, words.aid_nouns) or (
        sentence.start > 0 and _names_aid(ctx.doc[sentence.start - 1].sent, words.aid_nouns)
    )


def _names_aid(sentence: SpacySpan, nouns: frozenset[str]) -> bool:
    return any(t.lemma_.lower() in nouns for t in sentence)
