"""Headline and lede: a news headline (the article's first line, a paragraph of its own with no sentence end) and the
lede's first sentence state the same events, each often naming only some of the participants ('Envoy to tour A and
B' + 'CITY - The President's envoy Jane Roe will visit A and B …'). A candidate of one of the two that lacks a core
role takes it from a candidate of the same type in the other, as a fallback (lower confidence); a headline's
status is the lede's ('Minister to visit Iran today' + 'The minister is paying a visit to Iran': under way)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventex.linking.context import Candidate, home_of
from eventex.schema import CORE_ROLES, Entity
from eventex.wrapping import SENTENCE_END

LEDE_REACH = 4
"""Most sentences after the headline searched for the lede's first sentence (past a byline or a dateline line)."""


def _words(sent: SpacySpan) -> list[Token]:
    """The tokens of a sentence but spaces, closing quotes and brackets (a sentence may end '… in May."')."""
    return [t for t in sent if not (t.is_space or t.is_quote or t.text == ")")]


def headline_and_lede(doc: Doc) -> tuple[SpacySpan, SpacySpan] | None:
    """The headline (the first sentence, when it is one line ending at a blank line with no sentence end) and the
    lede's first sentence (the first of the next :data:`LEDE_REACH` that ends with a sentence end); else None."""
    sents = list(islice(doc.sents, LEDE_REACH + 1))
    if len(sents) < 2:
        return None
    head = sents[0]
    last = _words(head)
    if not last or last[-1].text in SENTENCE_END:
        return None
    text = doc.text
    if "\n" in text[head.start_char : last[-1].idx] or "\n\n" not in text[last[-1].idx : sents[1].start_char]:
        return None  # not one line of its own
    for sent in sents[1:]:
        words = _words(sent)
        if words and words[-1].text in SENTENCE_END:
            return head, sent
    return None


def filled_from_pair(
    pending: list[Candidate], candidates: list[Candidate], pair: tuple[SpacySpan, SpacySpan]
) -> Iterator[Candidate]:
    """Each rejected candidate of the headline or lede (``pending``) whose empty core roles a candidate of the same
    type in the other sentence (accepted or pending, the first in text order) fills, with that candidate's fillers
    (never a state that already fills the other core role: no seller that is the buyer), when the two share a filler
    of one role (the same event told twice)."""
    starts = {pair[0].start: pair[1].start, pair[1].start: pair[0].start}
    given = {
        (c.sentence.start, c.type): dict(c.fillers)
        for c in sorted([*candidates, *pending], key=lambda c: -c.trigger_token.i)  # the first one wins
        if c.sentence.start in starts
    }
    for cand in pending:
        other = given.get((starts[cand.sentence.start], cand.type))
        if other is None or not _shared(cand.fillers, other):
            continue
        roles = CORE_ROLES[cand.type]
        added = False
        for role in roles:
            taken = {s for r in roles if r != role for e in cand.fillers.get(r) or [] for s in home_of(e)}
            found = [e for e in other.get(role) or [] if not home_of(e) & taken]
            if not cand.fillers.get(role) and found:
                cand.fillers[role] = found
                added = True
        if added:
            cand.fallback_used = True
            yield cand


def lede_status(candidates: list[Candidate], pair: tuple[SpacySpan, SpacySpan]) -> None:
    """Each headline candidate that shares a filler with a lede candidate of its type takes that one's status:
    a headline's tense is its style ('to visit' for a trip under way), the lede says when."""
    lede = [c for c in candidates if c.sentence.start == pair[1].start]
    for cand in candidates:
        if cand.sentence.start != pair[0].start:
            continue
        same = next((c for c in lede if c.type == cand.type and _shared(cand.fillers, c.fillers)), None)
        if same is not None:
            cand.status = same.status


def _shared(a: dict[str, list[Entity]], b: dict[str, list[Entity]]) -> bool:
    """Whether two candidates' fillers share, in one role, a state or a name."""
    return any(
        (home_of(x) & home_of(y)) or x.text.casefold() == y.text.casefold()
        for role, xs in a.items() for x in xs for y in b.get(role) or []
    )
