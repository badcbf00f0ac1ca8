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
    list (the states in it only say where the bidders come from)."""
    trig = cand.trigger_token
    prep = trig.head if trig.dep_ == "pobj" else None
    verb = prep.head if prep is not None and prep.lower_ == "in" else None
    if cand.type not in ("energy_investment", "arms_sale") or verb is None or (
        verb.lemma_.lower() not in words.beating_verbs
    ):
        return [cand]
    agent = CORE_ROLES[cand.type][0]
    winner = cand.first(agent)
    losers = [m.entity for m in ctx.mentions.in_sentence(cand.sentence.start)
              if verb.i < m.span.start and m.span.end <= prep.i and m.entity.label == "ORG" and not m.entity.id
              and (winner is None or m.entity.text != winner.text)]
    return [cand, *(replace(cand, fillers={**cand.fillers, agent: [e]}, status="negated") for e in losers)]
