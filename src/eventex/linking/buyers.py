"""Arms buyers that news language names indirectly: as the 'for' subject of an infinitive, or only by a common
noun of the state's own apparatus.

'An accord worth $4 billion for Peru's navy to buy four aircraft': the subject an infinitive takes with 'for' buys,
wherever the parser hangs the 'for' phrase.
'The Government has signed a contract with Thales for radars', 'under the deal, the defence ministry will acquire
a system from Saab': a sale with a seller and a weapon whose buying side is such a noun ('the government', 'the
defence ministry', 'the navy'; no mention of its own) is bought by the state at hand: the dateline's, else the
nearest state named before it in its paragraph or the one before, else the article's main state; never the
seller's own (a domestic procurement is no sale).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventex.linking.arms_seller import DEAL_FRAME
from eventex.linking.context import STATE_LABELS, Candidate, LinkContext, home_of, latest_before, state_key
from eventex.linking.counterparty import state_firm
from eventex.linking.discourse import dateline_state
from eventex.linking.rules import Rules, Words, is_state_body
from eventex.linking.trade import BUY_FRAMES, state_before
from eventex.schema import Entity

CLIMB = frozenset({"xcomp", "dobj", "conj", "acl"})
"""Relations climbed from a trigger to the verb whose subject acts ('has decided to buy', 'signed a contract', 'signed
a deal to buy')."""
MAX_CLIMB = 3
"""Most steps climbed."""
DETERMINERS = frozenset({"the", "its", "their"})
"""Determiners of a definite body noun ('the navy', 'its air force')."""


def unnamed_body_buyer(cand: Candidate, ctx: LinkContext, lines: list[tuple[int, Entity]], rules: Rules) -> None:
    """Fill the buyer of a sale whose subject is a definite body noun with the state at hand (implicit)."""
    f = cand.fillers
    if cand.type != "arms_sale" or not f.get("weapon"):
        return
    words = rules.words
    subject = _subject(cand.trigger_token)
    if subject is None or not _body_noun(subject, ctx, words.unnamed_bodies, words.state_bodies):
        return
    other = cand.first("buyer")
    if cand.frame == DEAL_FRAME and not f.get("seller") and other is not None and state_firm(other, words.state_bodies):
        f["seller"] = f.pop("buyer")  # 'the Government signed a contract with Thales': the firm is the other side
    seller = cand.first("seller")
    if f.get("buyer") or seller is None:
        return
    away = home_of(seller)
    state = dateline_state(lines, cand.trigger.start)
    if state is None or state.id in away:
        state = state_before(subject.idx, subject.i, ctx, away)
    if state is None and ctx.dominant and ctx.dominant not in away:
        state = ctx.state_mention(ctx.dominant, cand.trigger_token)
    if state is not None and state.id and state.id not in away:
        f["buyer"] = [state.model_copy(update={"implicit": True})]


def for_subject_buyer(cand: Candidate, ctx: LinkContext) -> None:
    """Fill the missing buyer of a buying infinitive from the 'for' phrase just before its 'to' ('for X to buy')."""
    trig = cand.trigger_token
    if cand.type != "arms_sale" or cand.fillers.get("buyer") or cand.frame not in BUY_FRAMES:
        return
    to = next((c for c in trig.children if c.dep_ == "aux" and c.lower_ == "to" and c.i == trig.i - 1), None)
    if to is None or to.i == 0:
        return
    noun = ctx.doc[to.i - 1]
    while noun.dep_ != "pobj" and noun.head.i != noun.i and noun.head.i < to.i and noun.dep_ != "ROOT":
        noun = noun.head  # 'for Peru's navy': from the phrase's last word up to its head
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return
    party = next((e for t in noun.subtree if (e := ctx.by_token.get(t.i)) is not None
                  and e.label in (*STATE_LABELS, "ORG") and state_key(e)), None)
    if party is not None:
        cand.fillers["buyer"] = [party]


def _subject(trig: Token) -> Token | None:
    """The subject of the trigger or of the verb it complements (through objects, open complements, conjuncts)."""
    tok = trig
    for _ in range(MAX_CLIMB + 1):
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or tok.dep_ not in CLIMB or tok.head.i == tok.i:
            return subject
        tok = tok.head
    return None


def _body_noun(noun: Token, ctx: LinkContext, words: frozenset[str], bodies: frozenset[str]) -> bool:
    """Whether a subject is a definite state-body noun phrase that names no one ('the defence ministry'; a mention in
    it may only be a body's word with no state: 'defence')."""
    for t in noun.subtree:
        e = ctx.by_token.get(t.i)
        bare = e is not None and e.label == "ORG" and not e.id and not e.affiliation
        if e is not None and not (bare and is_state_body(e.text, bodies)):
            return False  # 'the Estonian government', 'the Indian Navy': the mention's own rules apply
    if not any(c.dep_ in ("det", "poss") and c.lower_ in DETERMINERS for c in noun.children):
        return False
    phrase = " ".join(t.lower_ for t in noun.subtree if t.dep_ in ("compound", "amod") or t.i == noun.i)
    return is_state_body(phrase, words)


DEFINITE_DEALS = frozenset({"the", "these", "those", "both"})
"""Determiners of a deal noun that refers back to deals told before ('signed the executive contracts')."""


def earlier_deal_buyer(cand: Candidate, ctx: LinkContext, earlier: list[Candidate], words: Words) -> None:
    """'KAI signed a contract with Poland … Two Korean firms, A and B, have signed the executive contracts to supply
    …': a sale with a seller and no buyer, told as a definite deal noun made or signed (its trigger, or the deal the
    trigger's clause spells out), is bought by the buyer of the latest sale before it in its paragraph or the one
    before (implicit), unless its sentence names another state (not the seller's, nor a firm's nationality)."""
    if cand.type != "arms_sale" or cand.fillers.get("buyer") or not cand.fillers.get("seller"):
        return
    trig = cand.trigger_token
    deals = [trig]  # 'signed the contracts', 'the contracts signed to supply', 'signed the contracts … to supply'
    if trig.dep_ in ("acl", "advcl", "xcomp"):
        deals += [trig.head, *(c for c in trig.head.children if c.dep_ == "dobj")]
    if not any(d.lemma_.lower() in words.deal_nouns and d.dep_ in ("dobj", "nsubjpass") and any(
            c.dep_ == "det" and c.lower_ in DEFINITE_DEALS for c in d.children) for d in deals):
        return  # (not a setting: 'units will train together under the new contract')
    last = latest_before(earlier, cand, lambda c: c.type == "arms_sale" and bool(c.fillers.get("buyer")),
                         ctx.document.text)
    if last is None:
        return
    home = home_of(cand.first("seller"))
    bought = {state_key(b) for b in last.fillers["buyer"]}
    if any(m.entity.label in STATE_LABELS and m.entity.id and m.entity.id not in home | bought
           and not ctx.names_nationality(m, words.firm_nouns) for m in ctx.mentions.in_sentence(cand.sentence.start)):
        return  # 'We signed the contract with BrahMos Aerospace … for the Philippine Navy': a new deal, placed
    buyers = [b.model_copy(update={"implicit": True}) for b in last.fillers["buyer"] if state_key(b) not in home]
    if buyers:
        cand.fillers["buyer"] = buyers
        cand.fallback_used = True
