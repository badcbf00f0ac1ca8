"""A rival passed over is not what a deal is for.

'Thailand picks the Gripen over the F-16', 'Romania chose the K9 against the PzH 2000': a weapon mention right after
one of ``linking.toml`` [rivals] words names the rival the buyer passed over (however the parser attached it), so it
never fills the weapon role of the arms_sale trigger of its sentence; the chosen weapon, if the frame found one too,
stays (and gives the seller).

'CWHEC beat Strabag of Germany, Salini and Kajima in the bid for the plant': the organisations a winner beat in the
bid made losing bids, one negated event each (:func:`losing_bidders`).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventex.linking.context import Candidate, LinkContext
from eventex.linking.rules import Rules, Words
from eventex.schema import CORE_ROLES


def passed_over(cand: Candidate, ctx: LinkContext, rules: Rules) -> None:
    """Drop the weapon fillers of an arms_sale candidate that follow a rival word ('over', 'against')."""
    weapons = cand.fillers.get("weapon")
    if cand.type != "arms_sale" or not weapons:
        return
    rivals = rules.words.rival_words
    own = range(cand.trigger_tokens.start, cand.trigger_tokens.end)
    kept = [w for w in weapons if not _after_rival(w.start, ctx, rivals, own)]
    if len(kept) == len(weapons):
        return
    if kept:
        cand.fillers["weapon"] = kept
    else:
        del cand.fillers["weapon"]
        cand.guessed.discard("weapon")


def _after_rival(start: int, ctx: LinkContext, rivals: frozenset[str], own: range) -> bool:
    """Whether the word before a mention (past a determiner) is a rival word: not a particle of the trigger ('hands
    over patrol boats') nor a quantity's ('delivered over 100 tanks')."""
    doc = ctx.doc
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    i = span.start - 1 if span is not None else -1
    while i >= 0 and doc[i].dep_ == "det":
        i -= 1
    return i >= 0 and doc[i].lower_ in rivals and i not in own and not doc[i + 1].like_num


def losing_bidders(cand: Candidate, ctx: LinkContext, words: Words) -> list[Candidate]:
    """The candidate, and one negated candidate for each organisation named between a beating verb and the 'in'
    phrase that holds the trigger ('X beat A of Germany, B and C in the bid for …'), however the parser hangs the
    list (the states in it only say where the bidders come from), or in a beating participle after the trigger in
    its clause ('X won the contract …, beating A and B', '… defeating a rival bid from A'). A bid that is the
    beating verb's object and names no bidder of its own makes no candidate (the loser's comes from the deal won;
    'beat a rival consortium of A and B' keeps A's)."""
    trig = cand.trigger_token
    if cand.type not in ("energy_investment", "arms_sale"):
        return [cand]
    agent = CORE_ROLES[cand.type][0]
    if trig.dep_ == "dobj" and trig.head.lemma_.lower() in words.beating_verbs:
        own = cand.first(agent)
        span = ctx.span(own) if own is not None else None
        if span is None or not trig.left_edge.i <= span.root.i <= trig.right_edge.i:
            return []
    prep = trig.head if trig.dep_ == "pobj" else None
    verb = prep.head if prep is not None and prep.lower_ == "in" else None
    if verb is not None and verb.lemma_.lower() in words.beating_verbs:
        span = range(verb.i + 1, prep.i)
    elif (part := _beating_participle(trig, words.beating_verbs)) is not None:
        span = range(part.i + 1, part.right_edge.i + 1)
    else:
        return [cand]
    winner = cand.first(agent)
    losers = [m.entity for m in ctx.mentions.in_sentence(cand.sentence.start)
              if m.span.start in span and m.span.end - 1 in span and m.entity.label == "ORG" and not m.entity.id
              and (winner is None or m.entity.text != winner.text)]
    return [cand, *(replace(cand, fillers={**cand.fillers, agent: [e]}, status="negated") for e in losers)]


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
PARTICIPLE_REACH = 40
"""Most tokens after a trigger that its beating participle may stand (bounds the search in a sentence of any size)."""


def _beating_participle(trig: Token, verbs: frozenset[str]) -> Token | None:
    """A participle of beating with no subject of its own after the trigger, under the trigger or on a word above it
    ('won the contract to supply …, beating A', 'was awarded a contract to supply … defeating a bid from A')."""
    for t in trig.doc[trig.i + 1 : trig.i + 1 + PARTICIPLE_REACH]:
        if t.is_sent_start:
            return None
        if t.tag_ != "VBG" or t.lemma_.lower() not in verbs or any(c.dep_ in _SUBJECTS for c in t.children):
            continue
        if t.head.i == trig.i or t.head in trig.ancestors or trig in t.ancestors:
            return t
    return None
