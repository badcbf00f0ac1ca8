"""Gapped transfers: 'Russia sold 12 jets to Algeria in 2010 and 24 helicopters to Egypt in 2012', 'Equinor sold
a stake to Inpex in 2015 and another stake to Pertamina in 2018'. The parser makes each later object a conjunct of
the verb with its own 'to' phrase (or hangs that phrase on the verb after it); each such conjunct repeats the
transfer with its own recipient (and its own object and date where it names them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from eventex.linking.context import Candidate, LinkContext
from eventex.schema import Entity

RECIPIENT_LABELS = frozenset({"GPE", "NORP", "ORG"})
"""Labels of a recipient named in a gapped conjunct's 'to' phrase."""
AMOUNT_LABELS = frozenset({"MONEY", "QUANTITY"})
"""Labels of a value or capacity, which a gapped conjunct does not repeat."""
DATE_WINDOW = 4
"""Most words after the recipient a gapped conjunct's own date may stand at."""


def gapped_transfers(cand: Candidate, ctx: LinkContext) -> list[Candidate]:
    """The candidate, then one copy per gapped conjunct of its verb: the role its verb's 'to' object fills takes
    the conjunct's 'to' object, the role its direct object fills takes a mention of the same label inside the
    conjunct (else keeps its filler), a sum or quantity named before the conjunct is dropped, and the date after
    the recipient is the copy's own."""
    verb = cand.trigger_token
    if verb.pos_ != "VERB":
        return [cand]
    to_role = _role_under(cand, ctx, lambda tok: _to_object(verb, tok))
    if to_role is None:
        return [cand]
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    obj_role = _role_under(cand, ctx, lambda tok: obj is not None and (tok == obj or obj.is_ancestor(tok)))
    out = [cand]
    conjuncts = [c for c in verb.children if (c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM")) or (
        c.dep_ == "dobj" and obj is not None and c.i > obj.i)]  # (or parsed as a second object after the 'and')
    for n, conj in enumerate(conjuncts):
        end = conjuncts[n + 1].i if n + 1 < len(conjuncts) else verb.sent.end
        recipient = _recipient(verb, conj, end, ctx)
        if recipient is None:
            continue
        fillers = {r: v for r, v in cand.fillers.items() if not _first_clause_amount(v, verb, conj)}
        fillers[to_role] = [recipient]
        if obj_role is not None:
            own = _mention_in(conj, ctx, cand.fillers[obj_role][0].label)
            if own is not None:
                fillers[obj_role] = [own]
        out.append(replace(cand, fillers=fillers, own_date=_date_after(recipient, ctx)))
    return out


def _first_clause_amount(fillers: list[Entity], verb: Token, conj: Token) -> bool:
    """Whether the fillers are a sum or quantity named between the verb and the conjunct (the first transfer's)."""
    return bool(fillers) and fillers[0].label in AMOUNT_LABELS and verb.idx < fillers[0].start < conj.left_edge.idx


def _to_object(verb: Token, tok: Token) -> bool:
    """Whether ``tok`` is the object of a 'to' phrase on the verb or its direct object (or a conjunct of it)."""
    while tok.dep_ == "conj":
        tok = tok.head
    prep = tok.head
    owner = prep.head.head if prep.head.dep_ == "dobj" else prep.head  # 'sold a stake to X': on the object
    return tok.dep_ == "pobj" and owner == verb and prep.lower_ == "to" and prep.dep_ in ("dative", "prep")


def _role_under(cand: Candidate, ctx: LinkContext, test: Callable[[Token], bool]) -> str | None:
    """The role whose first filler's head token passes ``test``."""
    for role, fillers in cand.fillers.items():
        span = ctx.span(fillers[0]) if fillers else None
        if span is not None and test(span.root):
            return role
    return None


def _recipient(verb: Token, conj: Token, end: int, ctx: LinkContext) -> Entity | None:
    """The object of the conjunct's own 'to' phrase, else of one the parser hung on the verb after the conjunct
    and before the next one ('sold a stake to A, and 10% of another field to B')."""
    preps = [p for p in conj.children if p.dep_ == "prep"]
    preps += [p for p in verb.children if conj.i < p.i < end and p.dep_ in ("dative", "prep")]
    for prep in preps:
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.lower_ == "to" else None
        found = ctx.by_token.get(pobj.i) if pobj is not None else None
        if found is not None and found.label in RECIPIENT_LABELS:
            return found
    return None


def _mention_in(conj: Token, ctx: LinkContext, label: str) -> Entity | None:
    """A mention of ``label`` among the conjunct's words before its 'to' phrase."""
    for tok in conj.doc[conj.left_edge.i : conj.i + 1]:
        found = ctx.by_token.get(tok.i)
        if found is not None and found.label == label:
            return found
    return None


def _date_after(recipient: Entity, ctx: LinkContext) -> Entity | None:
    """A DATE mention within a few words after the recipient, before any other conjunct."""
    span = ctx.span(recipient)
    if span is None:
        return None
    doc = span.doc
    for tok in doc[span.end : min(span.end + DATE_WINDOW, span.sent.end)]:
        if tok.dep_ in ("cc", "conj") or tok.lower_ == ",":
            return None
        found = ctx.by_token.get(tok.i)
        if found is not None and found.label == "DATE":
            return found
    return None
